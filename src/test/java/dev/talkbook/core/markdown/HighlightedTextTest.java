package dev.talkbook.core.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HighlightedTextTest {
  private static final String NOTE =
      """
      # Notes

      Intro paragraph with *emphasis* and `code`
      that goes on, and a setext heading
      ===

      - item one
        - nested [ ] item
      - [x] done task
        ```java
        var s = "in a listed fence";
        ```

      > quoted paragraph
      > ```
      > quoted fence
      > ```
      lazy line

      | a | b |
      |---|---|
      | 1 | 2 |

      ```java
      /* a comment
         over lines */
      String t = \"""
        text block
        \""";

      int x = 1;
      ```

      ~~~
      tilde fence ``` not closed here

      ~~~

      1. first
      2. second

      ---
      [ref]: https://example.com "title"
      Last paragraph
      ---
      """;

  /** Pieces that open and close fences, quotes, lists, tables, headings and comments. */
  private static final List<String> PIECES =
      List.of(
          "```",
          "```java\n",
          "~~~",
          "\n```\n",
          "\n",
          "\n\n",
          "> ",
          "- ",
          "x",
          " ",
          "  ",
          "|",
          "---",
          "===",
          "# ",
          "`",
          "*",
          "[",
          "]",
          "(",
          ")",
          "/*",
          "*/",
          "\"\"\"",
          "\t",
          "\r\n",
          "1. ",
          "- [ ] ",
          "|---|",
          "word ",
          "\n\n```\n");

  @Test
  void aFullHighlightIsTheHighlighters() {
    assertThat(HighlightedText.of(NOTE).highlighting())
        .isEqualTo(new MarkdownHighlighter().highlight(NOTE));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void anEditHighlightsAsAFullHighlightDoes(long seed) {
    Random random = new Random(seed);
    String text = NOTE;
    HighlightedText shown = HighlightedText.of(text);
    for (int i = 0; i < 400; i++) {
      int position = random.nextInt(text.length() + 1);
      int removed =
          Math.min(
              text.length() - position,
              random.nextInt(4) == 0 ? random.nextInt(40) : random.nextInt(3));
      String inserted = random.nextInt(3) == 0 ? "" : PIECES.get(random.nextInt(PIECES.size()));
      if (removed == 0 && inserted.isEmpty()) {
        continue;
      }
      String next = text.substring(0, position) + inserted + text.substring(position + removed);
      HighlightedText.Change change = shown.edited(next, position, removed, inserted.length());
      HighlightedText full = HighlightedText.of(next);
      String where = "edit " + i + " at " + position + " (-" + removed + " +" + inserted + ")";
      assertThat(change.next().highlighting()).as(where).isEqualTo(full.highlighting());
      assertThat(change.next().checkpoints()).as(where).isEqualTo(full.checkpoints());
      assertThat(change.from()).as(where).isLessThanOrEqualTo(position);
      assertThat(change.to()).as(where).isGreaterThanOrEqualTo(position + inserted.length());
      assertThat(change.fences()).as(where).isEqualTo(fencesAt(next, change.from()));
      // Outside [from, to) the styles are the old ones, moved by the edit.
      int delta = inserted.length() - removed;
      Highlighting before = shown.highlighting();
      Highlighting after = change.next().highlighting();
      assertThat(Highlighting.commonPrefix(before, after))
          .as(where)
          .isGreaterThanOrEqualTo(
              Math.min(change.from(), Math.min(before.length(), after.length())));
      assertThat(Highlighting.commonSuffix(before, after))
          .as(where)
          .isGreaterThanOrEqualTo(
              Math.min(next.length() - change.to(), before.length() - (change.to() - delta)));
      text = next;
      shown = change.next();
    }
  }

  @Test
  void typingInTheMiddleOfALongNoteRereadsOnlyItsParagraph() {
    String paragraph = "- an item with `code`\n- another item\n\n";
    String note = paragraph.repeat(2_000);
    HighlightedText shown = HighlightedText.of(note);
    int at = note.length() / 2 + 3;
    String next = note.substring(0, at) + "x" + note.substring(at);
    HighlightedText.Change change = shown.edited(next, at, 0, 1);
    assertThat(change.to() - change.from()).isLessThanOrEqualTo(2 * paragraph.length());
    assertThat(change.next().highlighting()).isEqualTo(HighlightedText.of(next).highlighting());
  }

  @Test
  void openingAFenceRestylesUpToWhereTheFencesAgreeAgain() {
    String note =
        "text\n\n" + "- item\n\n".repeat(50) + "```\ncode\n```\n\n" + "- tail\n\n".repeat(50);
    HighlightedText shown = HighlightedText.of(note);
    String next = "```\n" + note;
    HighlightedText.Change change = shown.edited(next, 0, 0, 4);
    // Everything up to the old fence is code now, and the old fence's closing line opens one.
    assertThat(change.to()).isGreaterThan(next.indexOf("```\ncode"));
    assertThat(change.next().highlighting()).isEqualTo(HighlightedText.of(next).highlighting());
  }

  @Test
  void anEditThatDoesNotFitIsRefused() {
    HighlightedText shown = HighlightedText.of("abc");
    assertThatThrownBy(() -> shown.edited("abcd", 2, 0, 2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** The {@link Fences} state at line start {@code at}, from the start. */
  private static long fencesAt(String text, int at) {
    long state = Fences.START;
    int start = 0;
    while (start < at) {
      int newline = text.indexOf('\n', start);
      state = Fences.next(state, text, start, newline);
      start = newline + 1;
    }
    return state;
  }
}
