package dev.talkbook.core.repl;

import java.util.Locale;

/**
 * Pure: the newest part of a long output, cut where a line starts, and the line that says what was
 * not kept. What a run writes into the notes ({@link NoteCode#outputOf}), "Save transcript to
 * notes" and what live share sends as the code's output are cut with {@link #forNotes}; the REPL
 * pane's transcript keeps its own, larger, amount with {@link #tailStart}.
 */
public final class KeptOutput {

  /**
   * Lines of a run's output kept in the notes. An output block is read on a slide or in the
   * preview, saved in every revision of the talk, indexed for search, exported with the site and
   * sent to every live-share viewer at each change: 200 lines are several screens, more than anyone
   * reads while a talk goes on, and still show the shape of a long listing (its end, where a result
   * or a failure is). A loop that prints a million lines is kept as its last 200.
   */
  public static final int NOTES_LINES = 200;

  /**
   * Characters of a run's output kept in the notes: 200 lines of about 80 characters. Long lines (a
   * JSON document, a value printed on one line) are bounded by this, not by the lines; a talk's
   * notes are typically 10–50 KB, so one run's output never outweighs the talk.
   */
  public static final int NOTES_CHARS = 16 * 1024;

  /** Room for the first line that says what was not kept, on top of {@link #NOTES_CHARS}. */
  static final int NOTE_ROOM = 200;

  private KeptOutput() {}

  /**
   * Where the newest part of {@code text} with at most {@code maxLines} lines and {@code maxChars}
   * characters starts: the start of a line, or, when the last line alone is longer than {@code
   * maxChars}, {@code maxChars} before the end (never inside a surrogate pair). 0 when all of it
   * fits. Reads only that newest part, so it is cheap on a long text.
   */
  public static int tailStart(CharSequence text, int maxLines, int maxChars) {
    if (maxLines < 1 || maxChars < 1) {
      throw new IllegalArgumentException("keep at least one line and one character");
    }
    int n = text.length();
    if (n == 0) {
      return 0;
    }
    int leastStart = Math.max(0, n - maxChars);
    int kept = n; // the start of the newest lines that fit
    int lines = 0;
    // the last character of the line before the one looked at (a final line break ends the last
    // line, it does not start an empty one)
    int j = text.charAt(n - 1) == '\n' ? n - 2 : n - 1;
    while (true) {
      int k = j;
      while (k >= 0 && text.charAt(k) != '\n') {
        k--;
      }
      int lineStart = k + 1;
      lines++;
      if (lineStart < leastStart) {
        if (lines > 1) {
          return kept;
        }
        // the last line alone is too long: its newest characters
        int cut = leastStart;
        if (Character.isLowSurrogate(text.charAt(cut)) && cut + 1 < n) {
          cut++;
        }
        return cut;
      }
      kept = lineStart;
      if (lines == maxLines || lineStart == 0) {
        return kept;
      }
      j = k - 1;
    }
  }

  /**
   * The lines of {@code text} from {@code from} to {@code to}: its line breaks, and one more for a
   * last line without one.
   */
  public static long lines(CharSequence text, int from, int to) {
    long count = lineBreaks(text, from, to);
    if (to > from && text.charAt(to - 1) != '\n') {
      count++;
    }
    return count;
  }

  /**
   * {@code text} as the notes keep it: whole when it fits (and nothing before it was lost), else
   * its newest {@link #NOTES_LINES} lines and at most {@link #NOTES_CHARS} characters, after a
   * first line such as {@code … 87,200 earlier lines not kept (87,400 in all)}.
   *
   * @param earlierLines lines of the same output that were dropped before {@code text} (the REPL
   *     keeps a capped amount of each snippet's output)
   * @param earlierChars characters dropped before {@code text}, for the rare output of one line
   *     longer than the REPL's cap (no line was dropped whole)
   */
  public static String forNotes(String text, long earlierLines, long earlierChars) {
    int start = withLongLineEnd(text, tailStart(text, NOTES_LINES, NOTES_CHARS));
    if (start == 0 && earlierLines == 0 && earlierChars == 0) {
      return text;
    }
    String kept = text.substring(start);
    long all = earlierLines + lines(text, 0, text.length());
    long notKept = all - lines(kept, 0, kept.length());
    StringBuilder note = new StringBuilder("… ");
    boolean partial = start > 0 && text.charAt(start - 1) != '\n';
    if (partial) {
      int lineStart = text.lastIndexOf('\n', start - 1) + 1;
      // the text's first line goes on from the characters dropped before it
      long before = start - lineStart + (lineStart == 0 ? earlierChars : 0);
      String chars = "the first " + count(before) + " characters of ";
      if (notKept == 0) {
        note.append(chars).append("this line not kept");
      } else {
        note.append(linesWord(notKept))
            .append(" and ")
            .append(chars)
            .append("the next not kept (")
            .append(count(all))
            .append(" lines in all)");
      }
    } else if (notKept > 0) {
      note.append(linesWord(notKept)).append(" not kept (").append(count(all)).append(" in all)");
    } else {
      note.append(count(earlierChars)).append(" earlier characters not kept");
    }
    return note.append('\n').append(kept).toString();
  }

  /**
   * {@code start}, or earlier when the line just before it is too long ever to be kept whole (a
   * value printed on one line, then a short line, or {@code Stopped.} after a loop that printed
   * without a line break): that line's newest characters then fill the room the lines from {@code
   * start} leave, so the notes keep the end of what was printed rather than none of it.
   */
  static int withLongLineEnd(String text, int start) {
    if (start == 0 || text.charAt(start - 1) != '\n') {
      return start;
    }
    int n = text.length();
    int lineStart = text.lastIndexOf('\n', start - 2) + 1;
    if (start - lineStart <= NOTES_CHARS || lines(text, start, n) >= NOTES_LINES) {
      return start;
    }
    int cut = n - NOTES_CHARS;
    if (cut >= start - 1) {
      return start; // no room left for any of that line
    }
    if (Character.isLowSurrogate(text.charAt(cut))) {
      cut++;
    }
    return cut;
  }

  /** The line breaks in {@code text} from {@code from} to {@code to}. */
  public static long lineBreaks(CharSequence text, int from, int to) {
    long count = 0;
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '\n') {
        count++;
      }
    }
    return count;
  }

  /**
   * Whether {@code text} is within what the notes keep (a first line saying what was cut aside).
   */
  public static boolean fitsNotes(String text) {
    return text.length() <= NOTES_CHARS + NOTE_ROOM
        && lines(text, 0, text.length()) <= NOTES_LINES + 1;
  }

  /** {@code 87200} as {@code 87,200}. */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String linesWord(long n) {
    return count(n) + (n == 1 ? " earlier line" : " earlier lines");
  }

  /**
   * The newest part of an output that goes on arriving, and how much of it is not kept (characters
   * and line breaks). The REPL pane's queue (output that waits for the FX thread) and live share's
   * output of a running snippet grow it with {@link #then} and bound it with {@link #within}.
   *
   * @param text the newest part kept
   * @param droppedChars characters not kept, all older than {@code text}
   * @param droppedLines line breaks among them
   */
  public record Tail(String text, long droppedChars, long droppedLines) {
    public static final Tail EMPTY = new Tail("", 0, 0);

    /**
     * {@code more} arrived after this, with {@code gapChars} characters ({@code gapLines} line
     * breaks) between the two that were dropped unseen (the code printed faster than they could be
     * shown). What is kept must run on unbroken to the newest text, so a gap takes away all that
     * was kept before it, counted as not kept.
     */
    public Tail then(String more, long gapChars, long gapLines) {
      if (gapChars > 0) {
        return new Tail(
            more,
            droppedChars + text.length() + gapChars,
            droppedLines + lineBreaks(text, 0, text.length()) + gapLines);
      }
      return new Tail(text + more, droppedChars, droppedLines);
    }

    /**
     * Only the newest {@code maxLines} lines and {@code maxChars} characters, as {@link
     * #tailStart}.
     */
    public Tail within(int maxLines, int maxChars) {
      int start = tailStart(text, maxLines, maxChars);
      return start == 0
          ? this
          : new Tail(
              text.substring(start),
              droppedChars + start,
              droppedLines + lineBreaks(text, 0, start));
    }
  }
}
