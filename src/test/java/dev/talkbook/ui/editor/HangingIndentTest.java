package dev.talkbook.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HangingIndentTest {
  /** The prefixes as the texts they cover. */
  private static List<String> prefixes(String text) {
    return HangingIndent.prefixes(text).stream()
        .map(p -> text.substring(p.start(), p.start() + p.length()))
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          '- item'              | '- '
          '* item'              | '* '
          '    - nested'        | '    - '
          '1. first'            | '1. '
          '10)  tenth'          | '10)  '
          '- [ ] a task'        | '- '
          '> - quoted'          | '> - '
          """)
  void theItemsPrefixIsKeptOutOfTheFlow(String line, String prefix) {
    assertThat(prefixes(line)).containsExactly(prefix);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          'plain text'
          '-'
          '- '
          '- [ ] '
          '---'
          '-no space'
          '# heading'
          """)
  void linesThatAreNotItemsWithTextHaveNone(String line) {
    assertThat(prefixes(line)).isEmpty();
  }

  @Test
  void prefixesAreFoundOnEveryLineButInCode() {
    String text = "# Notes\n- one\n  - two\n```\n- not an item\n```\n3. three";
    assertThat(HangingIndent.prefixes(text))
        .containsExactly(
            new HangingIndent.Prefix(8, 2),
            new HangingIndent.Prefix(14, 4),
            new HangingIndent.Prefix(text.indexOf("3. "), 3));
  }
}
