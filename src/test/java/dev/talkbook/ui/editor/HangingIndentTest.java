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

  @Test
  void markingAddsTheClassOverThePrefixesOnlyAndKeepsTheHighlighting() {
    String text = "# Title\n\n- one *x*\n  - two\nplain\n1. three\n";
    var highlighting = new dev.talkbook.core.markdown.MarkdownHighlighter().highlight(text);
    var prefixes = HangingIndent.prefixes(text);
    var marked = HangingIndent.mark(highlighting, prefixes);
    assertThat(marked.length()).isEqualTo(text.length());
    for (int i = 0; i < text.length(); i++) {
      int at = i;
      boolean inPrefix =
          prefixes.stream().anyMatch(p -> p.start() <= at && at < p.start() + p.length());
      java.util.Set<String> expected = new java.util.HashSet<>(highlighting.classesAt(i));
      if (inPrefix) {
        expected.add(HangingIndent.CLASS);
      }
      assertThat(marked.classesAt(i)).as("offset %d", i).isEqualTo(expected);
    }
    for (int i = 1; i < marked.spans().size(); i++) {
      assertThat(marked.spans().get(i).classes()).isNotEqualTo(marked.spans().get(i - 1).classes());
    }
  }
}
