package dev.talkbook.core.outliner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodeLinesTest {

  /** The code lines of a text ({@code ¶} is a line break), as "0 1 2". */
  private static String codeLines(String text) {
    Lines lines = Lines.of(text.replace("¶", "\n"));
    return IntStream.range(0, lines.count())
        .filter(lines::isCode)
        .mapToObj(Integer::toString)
        .collect(Collectors.joining(" "));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          "a¶```java¶x¶```¶b"        | "1 2 3"
          "~~~¶```¶~~~¶b"            | "0 1 2"
          "````¶```¶````¶z"          | "0 1 2"
          "```¶x¶``` not closed¶y"   | "0 1 2 3"
          "> ```¶> x¶> ```¶after"    | "0 1 2"
          "- a¶  ```¶  - b¶  ```¶- c" | "1 2 3"
          "``not a fence``¶x"        | ""
          "```a`b¶x"                 | ""
          "```¶open to the end"      | "0 1"
          """)
  void fencedLines(String text, String expected) {
    assertThat(codeLines(text)).isEqualTo(expected);
  }

  @Test
  void anEditForgetsOnlyFromTheEditedLineAndLaterReadsOnlyWhatItNeeds() {
    List<String> text = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      text.add("- item " + i);
    }
    int[] reads = {0};
    CodeLines code = new CodeLines();
    assertThat(
            code.isCode(
                i -> {
                  reads[0]++;
                  return text.get(i);
                },
                9_999))
        .isFalse();
    reads[0] = 0;
    text.set(9_990, "```");
    code.changedFrom(9_990);
    assertThat(
            code.isCode(
                i -> {
                  reads[0]++;
                  return text.get(i);
                },
                9_995))
        .isTrue();
    assertThat(reads[0]).isLessThanOrEqualTo(7);
  }
}
