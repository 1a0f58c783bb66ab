package dev.talkbook.core.outliner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ListItemTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          "- a"              | ""    | ""    | -   | " " | ""     | a
          "* a"              | ""    | ""    | *   | " " | ""     | a
          "+ a"              | ""    | ""    | +   | " " | ""     | a
          "12. a"            | ""    | ""    | 12. | " " | ""     | a
          "3) a"             | ""    | ""    | 3)  | " " | ""     | a
          "  - a b"          | ""    | "  "  | -   | " " | ""     | a b
          "- [ ] todo"       | ""    | ""    | -   | " " | "[ ] " | todo
          "- [x] done"       | ""    | ""    | -   | " " | "[x] " | done
          "- [X]"            | ""    | ""    | -   | " " | "[X]"  | ""
          "> - quoted"       | "> "  | ""    | -   | " " | ""     | quoted
          "> > 1. deep"      | "> > "| ""    | 1.  | " " | ""     | deep
          "-"                | ""    | ""    | -   | ""  | ""     | ""
          "- [link](x)"      | ""    | ""    | -   | " " | ""     | [link](x)
          """)
  void partsOfAnItem(
      String line,
      String quote,
      String indent,
      String marker,
      String gap,
      String task,
      String content) {
    ListItem item = ListItem.parse(line).orElseThrow();
    assertThat(item)
        .isEqualTo(new ListItem(quote, indent, marker, gap, task, content == null ? "" : content));
    assertThat(item.toString()).isEqualTo(line);
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"text", "-text", "***", "* * *", "- - -", "1.5 apples", "#1 thing", " "})
  void notAnItem(String line) {
    assertThat(ListItem.parse(line)).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          "- a"      | 2
          "1. a"     | 3
          "10. a"    | 4
          "  - a"    | 4
          "-   a"    | 4
          "\t- a"    | 6
          """)
  void contentColumn(String line, int column) {
    assertThat(ListItem.parse(line.replace("\\t", "\t")).orElseThrow().contentColumn())
        .isEqualTo(column);
  }

  /**
   * A line of 10,000 nested bullets, and one as long that is a thematic break: parsed without
   * overflowing the stack (the break's regular expression recursed once a repetition, and opening
   * such a note left the window showing the talk before).
   */
  @org.junit.jupiter.api.Test
  void aLineOfTenThousandBulletsIsParsed() {
    String nested = "- ".repeat(10_000) + "deep";
    assertThat(ListItem.parse(nested).orElseThrow().content())
        .isEqualTo("- ".repeat(9_999) + "deep");
    assertThat(ListItem.parse("- ".repeat(10_000))).isEmpty(); // a thematic break
    assertThat(ListItem.parse("  * * *  ")).isEmpty();
    assertThat(ListItem.parse("- * -")).isPresent();
  }
}
