package dev.talkbook.core.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeTextTest {

  private static final Parser PARSER = Parser.builder().build();

  /** The first block of {@code markdown}. */
  private static Node firstBlock(String markdown) {
    return PARSER.parse(markdown).getFirstChild();
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          "Plain words."                          | "Plain words."
          "*Emphasis* and **strong** and `code`"  | "Emphasis and strong and code"
          "Two\\nlines"                           | "Two lines"
          "Hard  \\nbreak"                        | "Hard break"
          "Spaced    out   inside"                | "Spaced out inside"
          "# A *heading*"                         | "A heading"
          "Raw <b>html</b> left out"              | "Raw html left out"
          "[A link](https://example.org)"         | "A link"
          "<span></span> "                        | ""
          "a <script>alert(7)</script> b"         | "a b"
          "a <SCRIPT type=x>`c`</SCRIPT> b"       | "a b"
          "a <style>p{}</style>b <i>i</i>"         | "a b i"
          "a </script> b"                         | "a b"
          """)
  void isTheTextOnOneLineSingleSpaced(String markdown, String text) {
    assertThat(NodeText.oneLine(firstBlock(markdown.replace("\\n", "\n")))).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          "# Generics <T>"                        | "Generics <T>"
          "*C++* & `Java`:\\n<i>generics</i>"     | "C++ & Java: <i>generics</i>"
          "a <script>alert(7)</script> b"         | "a <script>alert(7)</script> b"
          """)
  void asTypedKeepsTheInlineHtmlAsWritten(String markdown, String text) {
    assertThat(NodeText.asTyped(firstBlock(markdown.replace("\\n", "\n")))).isEqualTo(text);
  }
}
