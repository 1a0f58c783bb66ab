package dev.talkbook.core.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link LineSpans}: a long line of prose is not highlighted to learn it has few spans, and the
 * bound that spares it ({@link LineSpans#mostPaints}) is never below what the highlighter makes.
 */
class LineSpansTest {

  @Test
  void longParagraphsOfProseAreNotHighlightedAndALineOfMarksIs() {
    String prose =
        "In this talk (the second of the day) we look at real-time systems, at what they cost"
            + " and why: a well-known engineer shows three cases, each timed to the microsecond. ";
    String paragraph = prose.repeat(8);
    String marks = "**b** ".repeat(200);
    String notes = "# Notes\n\n" + paragraph + "\n\n" + paragraph + "\n" + marks + "\n";
    LineSpans spans = new LineSpans(300, 50_000);
    int cuts = 0;
    for (int start = 0, end; start <= notes.length(); start = end + 1) {
      end = notes.indexOf('\n', start);
      end = end < 0 ? notes.length() : end;
      cuts += spans.next(notes, start, end, end - start > 300) >= 0 ? 1 : 0;
    }
    assertThat(paragraph.length()).isGreaterThan(1_300);
    assertThat(cuts).isOne(); // the line of marks
    assertThat(spans.highlighted()).as("lines highlighted").isOne();
  }

  @Test
  void theBoundIsNeverBelowTheSpansTheHighlighterMakes() {
    // Lines of marks in every mix, after context that makes them a list, a quote, a table row, a
    // setext heading's underline or a paragraph's continuation.
    String[] pieces = {
      "*",
      "**",
      "_",
      "~~",
      "`",
      "``",
      "[",
      "]",
      "![",
      "](",
      ")",
      "(",
      "<",
      ">",
      "> ",
      "- ",
      "+ ",
      "* ",
      "1. ",
      "2) ",
      "|",
      "---",
      "===",
      "#",
      "# ",
      "\\",
      "https://a.b/c",
      "www.x.y",
      "<a@b.c>",
      "<https://q.r>",
      "[ ] ",
      "[x] ",
      ": ",
      "\"t\"",
      " ",
      " ",
      "word",
      "w",
      "h",
      "\t",
      "&amp;"
    };
    String[] contexts = {
      "",
      "para\n",
      "- item\n",
      "> quote\n",
      "| a | b |\n",
      "| a | b |\n|---|---|\n",
      "[r]: /u\n",
      "text\n===\n",
      "1. one\n",
      "# head\n"
    };
    Random random = new Random(13);
    MarkdownHighlighter highlighter = new MarkdownHighlighter();
    for (int round = 0; round < 20_000; round++) {
      StringBuilder line = new StringBuilder();
      int count = 1 + random.nextInt(40);
      for (int i = 0; i < count; i++) {
        line.append(pieces[random.nextInt(pieces.length)]);
      }
      String context = contexts[random.nextInt(contexts.length)];
      String text = context + line;
      int from = context.length();
      int spans = 0;
      int offset = 0;
      for (Highlighting.Span span : highlighter.highlight(text).spans()) {
        int end = offset + span.length();
        if (end > from) {
          spans++;
        }
        offset = end;
      }
      assertThat(spans)
          .as("spans of %s after %s", line, context)
          .isLessThanOrEqualTo(2 * LineSpans.mostPaints(line.toString()) + 1);
    }
  }
}
