package dev.talkbook.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.markdown.HighlightedText;
import dev.talkbook.core.markdown.Highlighting;
import dev.talkbook.core.markdown.MarkdownHighlighter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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

  /** Pieces that make and unmake list items, fences (opening and closing) and quotes. */
  private static final List<String> PIECES =
      List.of(
          "- ",
          "* ",
          "1. ",
          "  ",
          "\n",
          "\n\n",
          "```",
          "```java\n",
          "~~~",
          "> ",
          "x",
          "word ",
          "[ ] ",
          "\t",
          "---",
          "\n```\n");

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void anEditsStylesAreThoseOfTheWholeTextMarkedAfresh(long seed) {
    Random random = new Random(seed);
    String text =
        "# Notes\n\n- one\n  - two *x*\n\n```\n- not an item\n```\n\n> - quoted\n\n"
            + "1. three\n   ```java\n   - code\n   ```\n- [ ] task\n\ntext\n";
    HighlightedText markdown = HighlightedText.of(text);
    Highlighting marked = HangingIndent.mark(markdown.highlighting(), HangingIndent.prefixes(text));
    for (int i = 0; i < 300; i++) {
      int position = random.nextInt(text.length() + 1);
      int removed = Math.min(text.length() - position, random.nextInt(4));
      String inserted = random.nextBoolean() ? "" : PIECES.get(random.nextInt(PIECES.size()));
      String next = text.substring(0, position) + inserted + text.substring(position + removed);
      HighlightedText.Change change = markdown.edited(next, position, removed, inserted.length());
      Highlighting edited = HangingIndent.edited(marked, text.length(), change, next);
      Highlighting full =
          HangingIndent.mark(
              new MarkdownHighlighter().highlight(next), HangingIndent.prefixes(next));
      assertThat(edited)
          .as("edit %d at %d (-%d +%s)", i, position, removed, inserted)
          .isEqualTo(full);
      text = next;
      markdown = change.next();
      marked = edited;
    }
  }
}
