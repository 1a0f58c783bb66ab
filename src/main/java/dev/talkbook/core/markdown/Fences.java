package dev.talkbook.core.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fenced code blocks ({@code ```} or {@code ~~~}): the one place that decides which lines are code.
 * The editor's highlighter ({@link MarkdownHighlighter}) uses its rules for opening and closing
 * fences and their info string; the outliner ({@code core.outliner.CodeLines}), the Java runner
 * ({@code core.repl.NoteCode}) and the preview's cutting ({@link NotePreviewRenderer}) read the
 * notes line by line through {@link #next}, which follows the highlighter's containers.
 *
 * <p>The rules, as the highlighter has them: a fence opens with at least three backticks or tildes
 * (a backtick fence's info string has no backtick) after the line's block quote and list markers,
 * indented at most 3 columns, or any amount where the line does not continue a top-level paragraph.
 * It closes at a line, with the same quotes, holding a run of the same character at least as long
 * and nothing after it but blanks, indented at most 3 columns more than the opening fence; a fence
 * inside a block quote also ends where the quote ends, and one opened on a list item's line where a
 * line is indented less than the fence (the item ends); an unclosed fence runs to the end. List
 * nesting is not tracked otherwise (a list marker counts at any indentation).
 *
 * <p>The line-by-line state is a {@code long} (so a caller can keep one per line cheaply): {@link
 * #START} before the first line, then {@code next(state, line)} for each.
 */
public final class Fences {
  private Fences() {}

  /** The state before the first line. */
  public static final long START = 0;

  // The state's bits.
  private static final long PARAGRAPH_TOP = 1;
  private static final long PARAGRAPH_NESTED = 2;
  private static final long PARAGRAPH = 3;
  private static final long IN_FENCE = 1 << 2;
  private static final long LINE_IN_FENCE = 1 << 3;
  private static final long TOP_LEVEL = 1 << 4;
  private static final long TILDE = 1 << 5;
  private static final long OPENED = 1 << 6;
  private static final long CLOSED = 1 << 7;
  private static final int LENGTH_SHIFT = 8;
  private static final int INDENT_SHIFT = 24;
  private static final int QUOTES_SHIFT = 40;
  private static final long FIELD = 0xffff;
  private static final long LISTED = 1L << 56;
  private static final long CLOSED_SHALLOWER = 1L << 57;

  private static final int TAB = 4;

  // ---- the rules for one fence

  /**
   * The length of the run of {@code ```} or {@code ~~~} that opens a fence at {@code at} (the line
   * ends at {@code end}, before its line break), or 0.
   */
  public static int openingRun(CharSequence s, int at, int end) {
    if (at >= end) {
      return 0;
    }
    char c = s.charAt(at);
    if (c != '`' && c != '~') {
      return 0;
    }
    int i = at;
    while (i < end && s.charAt(i) == c) {
      i++;
    }
    int run = i - at;
    if (run < 3) {
      return 0;
    }
    if (c == '`') {
      for (; i < end; i++) {
        if (s.charAt(i) == '`') {
          return 0;
        }
      }
    }
    return run;
  }

  /**
   * Whether the text at {@code at} closes a fence of {@code length} {@code mark} characters: a run
   * of them at least as long, then nothing but blanks.
   */
  public static boolean closes(CharSequence s, int at, int end, char mark, int length) {
    int i = at;
    while (i < end && s.charAt(i) == mark) {
      i++;
    }
    return i - at >= length && skipBlank(s, i, end) == end;
  }

  /**
   * The first word of the info string that starts at {@code from} (after the fence's run), lower
   * case: the block's language, or "" when none is given.
   */
  public static String language(CharSequence s, int from, int end) {
    int start = skipBlank(s, from, end);
    int i = start;
    while (i < end && !isBlank(s.charAt(i)) && s.charAt(i) != '{' && s.charAt(i) != ',') {
      i++;
    }
    return s.subSequence(start, i).toString().toLowerCase(Locale.ROOT);
  }

  /** Whether the info string from {@code from} names Java: {@code java} or {@code jshell}. */
  public static boolean isJava(CharSequence s, int from, int end) {
    String language = language(s, from, end);
    return language.equals("java") || language.equals("jshell");
  }

  // ---- line by line

  /** Whether a fence is open after the line that gave {@code state}. */
  public static boolean inFence(long state) {
    return (state & IN_FENCE) != 0;
  }

  /** Whether the line that gave {@code state} belongs to a fence: its opening, code or closing. */
  public static boolean lineInFence(long state) {
    return (state & LINE_IN_FENCE) != 0;
  }

  /** Whether the line that gave {@code state} opened a fence. */
  public static boolean opened(long state) {
    return (state & OPENED) != 0;
  }

  /** Whether the line that gave {@code state} closed a fence with a closing fence line. */
  public static boolean closed(long state) {
    return (state & CLOSED) != 0;
  }

  /**
   * Whether the line that gave {@code state} closed a fence while indented less than the fence's
   * opening line: CommonMark may read that otherwise when the fence was inside a list item (the
   * item, and the fence with it, end there), so callers that must never disagree with it, like the
   * preview's cutting, treat it as unsure unless the fence was {@link #topLevel}.
   */
  public static boolean closedShallower(long state) {
    return (state & CLOSED_SHALLOWER) != 0;
  }

  /**
   * Whether the open fence started at column 0 outside any quote or list (CommonMark then ends it
   * only at its closing fence, whatever the lines in it look like).
   */
  public static boolean topLevel(long state) {
    return (state & TOP_LEVEL) != 0;
  }

  /** The state after {@code line} (without its line break). */
  public static long next(long state, CharSequence line) {
    return next(state, line, 0, line.length());
  }

  /**
   * The state after the line {@code s[start, end)} ({@code end} before its line break, a {@code \r}
   * included or not), given the state after the line before it.
   */
  public static long next(long state, CharSequence s, int start, int end) {
    if (end > start && s.charAt(end - 1) == '\r') {
      end--;
    }
    long carried = state & ~(LINE_IN_FENCE | OPENED | CLOSED);
    if ((carried & IN_FENCE) != 0) {
      int quotes = (int) ((carried >>> QUOTES_SHIFT) & FIELD);
      int p = start;
      if (quotes > 0) {
        p = stripQuotes(s, start, end, quotes);
      }
      int q = p < 0 ? end : skipBlank(s, p, end);
      int indent = (int) ((carried >>> INDENT_SHIFT) & FIELD);
      int columns = p < 0 ? 0 : columns(s, p, q);
      boolean itemEnded = (carried & LISTED) != 0 && q < end && columns < indent;
      if (p >= 0 && !itemEnded) {
        char mark = (carried & TILDE) != 0 ? '~' : '`';
        int length = (int) ((carried >>> LENGTH_SHIFT) & FIELD);
        if (columns <= indent + 3 && closes(s, q, end, mark, length)) {
          // No paragraph goes on after a fence.
          return LINE_IN_FENCE | CLOSED | (columns < indent ? CLOSED_SHALLOWER : 0);
        }
        return carried | LINE_IN_FENCE;
      }
      // The fence's block quote (or, for a fence opened on a list item's line, the item: a line
      // indented less than the fence) has ended, and the fence with it: the line is read afresh.
      carried = 0;
    }
    return outside(carried & PARAGRAPH, s, start, end);
  }

  /** A line read outside a fence; {@code paragraph} is what the line before left open. */
  private static long outside(long paragraph, CharSequence s, int start, int end) {
    Containers c = containers(s, start, end, paragraph);
    int q = skipBlank(s, c.content, end);
    if (c.task) {
      return PARAGRAPH_NESTED;
    }
    if (q >= end) {
      return 0; // a blank line ends any paragraph
    }
    boolean strict = columns(s, c.content, q) <= 3;
    if (strict || paragraph != PARAGRAPH_TOP) {
      int run = openingRun(s, q, end);
      if (run > 0) {
        long fence = IN_FENCE | LINE_IN_FENCE | OPENED;
        if (s.charAt(q) == '~') {
          fence |= TILDE;
        }
        if (q == start && c.quotes == 0 && !c.list) {
          fence |= TOP_LEVEL;
        }
        if (c.list) {
          fence |= LISTED;
        }
        return fence
            | ((long) Math.min(run, (int) FIELD) << LENGTH_SHIFT)
            | ((long) Math.min(columns(s, c.afterQuotes, q), (int) FIELD) << INDENT_SHIFT)
            | ((long) Math.min(c.quotes, (int) FIELD) << QUOTES_SHIFT);
      }
    }
    if (strict && (isThematicBreak(s, q, end) || atxLevel(s, q, end) > 0)) {
      return 0;
    }
    if (c.quotes > 0 || c.list) {
      return PARAGRAPH_NESTED;
    }
    if (paragraph == PARAGRAPH_NESTED) {
      return PARAGRAPH_NESTED; // a lazy continuation line of a quoted or listed paragraph
    }
    return PARAGRAPH_TOP;
  }

  /** Where a line's containers end. */
  private record Containers(int content, int afterQuotes, int quotes, boolean list, boolean task) {}

  /**
   * The block quote markers and list markers that open the line (as the highlighter reads them).
   */
  private static Containers containers(CharSequence s, int start, int end, long paragraph) {
    // Where the line's trailing run of one of - * _ (and blanks) starts: a thematic break can only
    // start there, so the check below costs nothing per container (nested markers stay linear).
    int breakFrom = end;
    char breakChar = 0;
    while (breakFrom > start) {
      char c = s.charAt(breakFrom - 1);
      if (isBlank(c)) {
        breakFrom--;
      } else if ((c == '-' || c == '*' || c == '_') && (breakChar == 0 || c == breakChar)) {
        breakChar = c;
        breakFrom--;
      } else {
        break;
      }
    }
    int quotes = 0;
    int afterQuotes = start;
    boolean list = false;
    boolean lenient = paragraph != PARAGRAPH_TOP;
    int p = start;
    while (true) {
      int q = skipBlank(s, p, end);
      if (q >= end || (!lenient && columns(s, p, q) > 3)) {
        return new Containers(p, afterQuotes, quotes, list, false);
      }
      if (s.charAt(q) == '>') {
        quotes++;
        p = q + 1;
        if (p < end && isBlank(s.charAt(p))) {
          p++;
        }
        afterQuotes = p;
        continue;
      }
      if (q >= breakFrom && s.charAt(q) == breakChar && isThematicBreak(s, q, end)) {
        return new Containers(p, afterQuotes, quotes, list, false);
      }
      int marker = listMarkerEnd(s, q, end);
      if (marker < 0
          || (!list && paragraph == PARAGRAPH_TOP && !canInterruptParagraph(s, q, marker, end))) {
        return new Containers(p, afterQuotes, quotes, list, false);
      }
      list = true;
      lenient = true;
      p = skipBlank(s, marker, end);
      if (isTask(s, p, end)) {
        return new Containers(skipBlank(s, p + 3, end), afterQuotes, quotes, true, true);
      }
    }
  }

  /**
   * A fenced block found by {@link #blocks}.
   *
   * @param start offset of its opening fence line
   * @param infoStart offset just after the opening run, where the info string starts
   * @param infoEnd end of the opening line (before its line break)
   * @param contentStart offset of the first line after the opening fence line
   * @param closeStart offset of its closing fence line, or -1 when it runs to where it ends
   * @param end offset just after its last line (after the line break, if any)
   * @param quotes how many block quote markers its lines start with
   * @param indent the opening fence's indentation in columns (inside its quotes)
   */
  public record Block(
      int start,
      int infoStart,
      int infoEnd,
      int contentStart,
      int closeStart,
      int end,
      int quotes,
      int indent) {
    public boolean isClosed() {
      return closeStart >= 0;
    }

    /** The block's language: the info string's first word, lower case ("" when none). */
    public String language(CharSequence text) {
      return Fences.language(text, infoStart, infoEnd);
    }

    /**
     * The code between the fences, as CommonMark reads it: each line without its quote markers and
     * without as much indentation as the opening fence had.
     */
    public String code(CharSequence text) {
      int to = closeStart >= 0 ? closeStart : end;
      int from = Math.min(contentStart, to);
      if (quotes == 0 && indent == 0) {
        return text.subSequence(from, to).toString();
      }
      StringBuilder out = new StringBuilder(to - from);
      int at = from;
      while (at < to) {
        int nl = indexOf(text, '\n', at);
        int lineEnd = nl < 0 || nl >= to ? to : nl + 1;
        int p = quotes > 0 ? stripQuotes(text, at, lineEnd, quotes) : at;
        if (p < 0) {
          p = at;
        }
        int width = 0;
        while (p < lineEnd && isBlank(text.charAt(p)) && width < indent) {
          width = text.charAt(p) == '\t' ? (width / TAB + 1) * TAB : width + 1;
          p++;
        }
        out.append(text, p, lineEnd);
        at = lineEnd;
      }
      return out.toString();
    }
  }

  /** Every fenced block of {@code text}, in order. */
  public static List<Block> blocks(CharSequence text) {
    List<Block> out = new ArrayList<>();
    long state = START;
    int open = -1;
    int quotes = 0;
    int indent = 0;
    int infoStart = 0;
    int infoEnd = 0;
    int contentStart = 0;
    int lastEnd = 0;
    int at = 0;
    int length = text.length();
    while (at < length || (at == 0 && length == 0)) {
      int nl = indexOf(text, '\n', at);
      int lineEnd = nl < 0 ? length : nl;
      int next = nl < 0 ? length : nl + 1;
      boolean wasOpen = inFence(state);
      long after = next(state, text, at, lineEnd);
      if (wasOpen && (closed(after) || opened(after) || !lineInFence(after))) {
        boolean closedHere = closed(after);
        out.add(
            new Block(
                open,
                infoStart,
                infoEnd,
                contentStart,
                closedHere ? at : -1,
                closedHere ? next : lastEnd,
                quotes,
                indent));
        open = -1;
      }
      if (opened(after)) {
        open = at;
        int end = lineEnd > at && text.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
        infoStart = runEnd(text, at, end);
        infoEnd = end;
        contentStart = next;
        quotes = (int) ((after >>> QUOTES_SHIFT) & FIELD);
        indent = (int) ((after >>> INDENT_SHIFT) & FIELD);
      }
      state = after;
      lastEnd = next;
      if (nl < 0) {
        break;
      }
      at = next;
    }
    if (open >= 0) {
      out.add(new Block(open, infoStart, infoEnd, contentStart, -1, length, quotes, indent));
    }
    return out;
  }

  /** Where the opening run of the fence on the line [at, end) ends. */
  private static int runEnd(CharSequence s, int at, int end) {
    int i = at;
    while (i < end && s.charAt(i) != '`' && s.charAt(i) != '~') {
      i++;
    }
    char c = i < end ? s.charAt(i) : 0;
    while (i < end && s.charAt(i) == c) {
      i++;
    }
    return i;
  }

  // ---- shared helpers

  private static int indexOf(CharSequence s, char c, int from) {
    if (s instanceof String string) {
      return string.indexOf(c, from);
    }
    for (int i = from; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  /**
   * Whether the line {@code s[start, end)} ({@code end} before its {@code \n}) is blank: spaces,
   * tabs and carriage returns only (CommonMark ends a line at a lone {@code \r} too, so such a line
   * is blank lines to the page). The one blank-line test of the link scans ({@link ShownInline},
   * {@link InlineLinks}).
   */
  static boolean blankLine(CharSequence s, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\t' && c != '\r') {
        return false;
      }
    }
    return true;
  }

  static int skipBlank(CharSequence s, int p, int end) {
    while (p < end && isBlank(s.charAt(p))) {
      p++;
    }
    return p;
  }

  /** Columns taken by {@code s[from, to)}, a tab going to the next multiple of 4. */
  static int columns(CharSequence s, int from, int to) {
    int width = 0;
    for (int i = from; i < to; i++) {
      width = s.charAt(i) == '\t' ? (width / TAB + 1) * TAB : width + 1;
    }
    return width;
  }

  /** The position after {@code depth} quote markers, or -1 if the line has fewer. */
  private static int stripQuotes(CharSequence s, int start, int end, int depth) {
    int p = start;
    for (int k = 0; k < depth; k++) {
      int q = skipBlank(s, p, end);
      if (q >= end || s.charAt(q) != '>') {
        return -1;
      }
      p = q + 1;
      if (p < end && isBlank(s.charAt(p))) {
        p++;
      }
    }
    return p;
  }

  private static int atxLevel(CharSequence s, int q, int end) {
    int i = q;
    while (i < end && s.charAt(i) == '#') {
      i++;
    }
    int level = i - q;
    return level >= 1 && level <= 6 && (i == end || isBlank(s.charAt(i))) ? level : 0;
  }

  /**
   * Whether {@code line} is a thematic break: blanks, then three or more of one of {@code - * _}
   * with only blanks between. A scan, not a regular expression: a backreference repeated over a
   * line of 10,000 {@code "- "} overflowed the stack.
   */
  public static boolean isThematicBreak(CharSequence line) {
    int q = 0;
    while (q < line.length() && isBlank(line.charAt(q))) {
      q++;
    }
    return q < line.length() && isThematicBreak(line, q, line.length());
  }

  /** Three or more of one of {@code - * _} from {@code q} to the end, with only blanks between. */
  private static boolean isThematicBreak(CharSequence s, int q, int end) {
    char c = s.charAt(q);
    if (c != '-' && c != '*' && c != '_') {
      return false;
    }
    int count = 0;
    for (int i = q; i < end; i++) {
      char x = s.charAt(i);
      if (x == c) {
        count++;
      } else if (!isBlank(x)) {
        return false;
      }
    }
    return count >= 3;
  }

  private static int listMarkerEnd(CharSequence s, int q, int end) {
    char c = s.charAt(q);
    int marker;
    if (c == '-' || c == '+' || c == '*') {
      marker = q + 1;
    } else if (c >= '0' && c <= '9') {
      int i = q;
      while (i < end && i - q < 10 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      if (i - q > 9 || i >= end || (s.charAt(i) != '.' && s.charAt(i) != ')')) {
        return -1;
      }
      marker = i + 1;
    } else {
      return -1;
    }
    return marker == end || isBlank(s.charAt(marker)) ? marker : -1;
  }

  private static boolean canInterruptParagraph(CharSequence s, int q, int marker, int end) {
    if (skipBlank(s, marker, end) >= end) {
      return false;
    }
    char c = s.charAt(q);
    if (c == '-' || c == '+' || c == '*') {
      return true;
    }
    int number = 0;
    for (int i = q; i < marker - 1; i++) {
      number = number * 10 + (s.charAt(i) - '0');
    }
    return number == 1;
  }

  private static boolean isTask(CharSequence s, int p, int end) {
    if (p + 3 >= end || s.charAt(p) != '[' || s.charAt(p + 2) != ']') {
      return false;
    }
    char mark = s.charAt(p + 1);
    return (mark == ' ' || mark == 'x' || mark == 'X') && isBlank(s.charAt(p + 3));
  }
}
