package dev.talkbook.core.markdown;

/**
 * How many styled spans the editor's highlighter ({@link MarkdownHighlighter}) makes on one line of
 * a text, where that matters: the editor lays out a line in time that grows with its spans (a Text
 * node each), so a line of too many is shown cut. Characters that start no span (an underscore
 * inside a snake_case word, {@code &} or {@code #} in an address, a line of dashes, anything inside
 * a fence other than Java's) do not count; only what the highlighter really styles does.
 *
 * <p>Fed every line of the text in order ({@link #next}); a line asked about is highlighted with at
 * most the two lines before it (a table's header and rule, a paragraph it continues) and, inside a
 * Java fence, as Java; a line inside another fence is one span. Lines are read at most {@code
 * longest} characters long, so a huge line costs no more than that.
 */
public final class LineSpans {
  private final MarkdownHighlighter highlighter = new MarkdownHighlighter();
  private final int most;
  private final int longest;
  private long fences = Fences.START;
  private boolean javaFence;
  // The two lines before, when they are Markdown (not a fence's): context for the next line.
  private String before1;
  private String before2;
  // How many lines were highlighted to count their spans (for tests: the cheap ones are not).
  private int highlighted;

  /**
   * Counts for lines of at most {@code longest} characters whether they hold more than {@code most}
   * spans.
   */
  public LineSpans(int most, int longest) {
    this.most = most;
    this.longest = longest;
  }

  /**
   * Takes the line {@code text[start, end)}, the next of the text (line break excluded); when
   * {@code ask}, returns the offset in {@code text} where its span number {@code most + 1} starts
   * (the line is cut there), or -1 when it has no more than {@code most} spans (or is not asked).
   */
  public int next(String text, int start, int end, boolean ask) {
    fences = Fences.next(fences, text, start, end);
    int shownEnd = Math.min(end, start + longest);
    String line = text.substring(start, shownEnd);
    boolean code = Fences.lineInFence(fences) && !Fences.opened(fences) && !Fences.closed(fences);
    if (Fences.opened(fences)) {
      javaFence = isJavaOpening(line);
    }
    int cut = -1;
    if (ask) {
      if (!Fences.lineInFence(fences)) {
        // A line with too few marks to reach the most spans is not highlighted: the notes open
        // with every long paragraph of prose checked, on the FX thread.
        if (2 * mostPaints(line) + 1 > most || !plainContext()) {
          String context =
              (before2 != null && before1 != null ? before2 + "\n" : "")
                  + (before1 != null ? before1 + "\n" : "");
          cut = cut(context, line, "");
        }
      } else if (code && javaFence) {
        cut = cut("```java\n", line, "\n```\n");
      }
    }
    if (Fences.lineInFence(fences)) {
      before1 = null;
      before2 = null;
    } else {
      before2 = before1;
      before1 = line;
    }
    return cut < 0 ? -1 : start + cut;
  }

  /**
   * Where in {@code line} its span number {@code most + 1} starts, highlighted after {@code
   * before}.
   */
  private int cut(String before, String line, String after) {
    highlighted++;
    Highlighting h = highlighter.highlight(before + line + after);
    int from = before.length();
    int to = from + line.length();
    int offset = 0;
    int spans = 0;
    for (Highlighting.Span span : h.spans()) {
      int end = offset + span.length();
      if (end > from && offset < to) {
        spans++;
        if (spans > most) {
          return Math.max(offset, from) - from;
        }
      }
      if (end >= to) {
        break;
      }
      offset = end;
    }
    return -1;
  }

  /** How many of the lines asked about were highlighted to count their spans. */
  int highlighted() {
    return highlighted;
  }

  /**
   * At least as many ranges as the highlighter paints on {@code line} (a Markdown line, after
   * context that opens no fence), counted from the characters that start them: the painter turns
   * {@code p} ranges into at most {@code 2p + 1} spans (a range's start and end are the only places
   * a span may change). Per line at most 12 ranges come from its kind alone (a quote's two, a task
   * box, a thematic break, a heading's two and a setext one's two, a table row, a link definition's
   * two, one to spare); the rest each need a character of their own: a link's three its {@code ]},
   * emphasis a closing {@code * _ ~}, a code span its {@code `}, a list marker its {@code - + * .
   * )}, a table cell's rule its {@code |}, an address its {@code <} or the {@code http} / {@code
   * www.} it starts with.
   */
  static int mostPaints(String line) {
    int paints = 12;
    for (int i = 0; i < line.length(); i++) {
      switch (line.charAt(i)) {
        case ']' -> paints += 3;
        case '*' -> paints += 2; // emphasis, and a list marker
        case '_', '~', '`', '-', '+', '.', ')', '|', '<' -> paints++;
        case 'h', 'H' -> paints += line.regionMatches(true, i, "http", 0, 4) ? 1 : 0;
        case 'w', 'W' -> paints += line.regionMatches(true, i, "www.", 0, 4) ? 1 : 0;
        default -> {}
      }
    }
    return paints;
  }

  /** Whether the lines before the one asked about open no fence (which would make it code). */
  private boolean plainContext() {
    return noFenceMark(before1) && noFenceMark(before2);
  }

  private static boolean noFenceMark(String line) {
    return line == null || (!line.contains("```") && !line.contains("~~~"));
  }

  private static boolean isJavaOpening(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '`' || c == '~') {
        int after = i;
        while (after < line.length() && line.charAt(after) == c) {
          after++;
        }
        return Fences.isJava(line, after, line.length());
      }
    }
    return false;
  }
}
