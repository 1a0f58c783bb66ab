package dev.talkbook.core.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** What the editor restyles after an edit: the common prefix and suffix of two highlightings. */
class HighlightingRangesTest {
  private final MarkdownHighlighter highlighter = new MarkdownHighlighter();

  @Test
  void typingInAParagraphChangesTheStylesOnlyAroundIt() {
    String before = "# Title\n\nsome *text* here\n\n```java\nint x;\n```\n";
    String after = "# Title\n\nsome *text* hXere\n\n```java\nint x;\n```\n";
    Highlighting a = highlighter.highlight(before);
    Highlighting b = highlighter.highlight(after);
    int at = before.indexOf("here") + 1;
    assertThat(Highlighting.commonPrefix(a, b)).isGreaterThanOrEqualTo(at);
    assertThat(Highlighting.commonSuffix(a, b)).isGreaterThanOrEqualTo(before.length() - at);
  }

  @Test
  void openingAFenceRestylesEverythingBelow() {
    String before = "a\n\nb\n\n# c\n";
    String after = "```\na\n\nb\n\n# c\n";
    Highlighting a = highlighter.highlight(before);
    Highlighting b = highlighter.highlight(after);
    assertThat(Highlighting.commonPrefix(a, b)).isZero();
    assertThat(Highlighting.commonSuffix(a, b)).isLessThan(2);
  }

  @Test
  void restylingTheChangedRangeGivesTheFullHighlighting() {
    Random random = new Random(3);
    String[] pieces = {"# h\n", "- item *x*\n", "```java\n", "int a = 1;\n", "```\n", "text `c`\n"};
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      text.append(pieces[random.nextInt(pieces.length)]);
    }
    for (int round = 0; round < 200; round++) {
      String before = text.toString();
      int at = random.nextInt(before.length() + 1);
      int removed = random.nextInt(Math.min(5, before.length() - at) + 1);
      String inserted = pieces[random.nextInt(pieces.length)].substring(0, 1 + random.nextInt(3));
      text.replace(at, at + removed, inserted);
      String after = text.toString();
      Highlighting a = highlighter.highlight(before);
      Highlighting b = highlighter.highlight(after);
      int from = Math.min(Highlighting.commonPrefix(a, b), at);
      int to = Math.max(after.length() - Highlighting.commonSuffix(a, b), at + inserted.length());
      // The styles kept outside [from, to) plus b's inside make b.
      StringBuilder kept = new StringBuilder();
      for (int i = 0; i < after.length(); i++) {
        Object classes;
        if (i < from) {
          classes = a.classesAt(i);
        } else if (i >= to) {
          classes = a.classesAt(i - after.length() + before.length());
        } else {
          classes = b.classesAt(i);
        }
        kept.append(classes).append('|');
      }
      StringBuilder full = new StringBuilder();
      for (int i = 0; i < after.length(); i++) {
        full.append(b.classesAt(i)).append('|');
      }
      assertThat(kept.toString()).as("round %d", round).isEqualTo(full.toString());
      int sliced = b.slice(from, to).stream().mapToInt(Highlighting.Span::length).sum();
      assertThat(sliced).isEqualTo(Math.max(0, to - from));
    }
  }
}
