package dev.talkbook.core.search;

import java.util.List;

/**
 * Notes as a reader sees them, for the passages shown with search hits: Markdown's syntax goes
 * (heading hashes, list markers and task boxes, quote markers, fence lines, table pipes and
 * delimiter rows, emphasis and code marks, link targets), the words stay, line by line. A line that
 * starts a block of its own (a heading, a list item, a table row, code) after other text begins
 * with {@link #SEPARATOR}, so the blocks stay apart when a passage runs the lines together. Pure,
 * one pass over the lines; not a Markdown parser (the notes are never rendered from this).
 */
public final class PlainText {
  /** Put before a line that starts a block when a line of text came before it. */
  static final String SEPARATOR = "· ";

  private static final int NOTHING = 0;
  private static final int TEXT = 1;
  private static final int ITEM = 2;
  private static final int BLOCK = 3;
  private static final int CODE = 4;
  private static final int GAP = 5;

  /** The longest link looked for, in characters. */
  private static final int MAX_LINK = 2000;

  private PlainText() {}

  /** The text of {@code markdown} without its syntax. */
  public static String of(String markdown) {
    if (markdown.isEmpty()) {
      return markdown;
    }
    List<String> lines = markdown.lines().toList();
    StringBuilder out = new StringBuilder(markdown.length());
    int fence = 0; // the open fence: (char << 16) | run, or 0
    boolean table = false;
    int before = NOTHING; // what the last line written was
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String body = stripQuotes(line).strip();
      int run = fenceRun(body);
      if (fence != 0) {
        if (run != 0 && (run >>> 16) == (fence >>> 16) && (run & 0xffff) >= (fence & 0xffff)) {
          fence = 0; // the closing fence line goes
          before = BLOCK;
        } else {
          // Code as it is written; its first line starts a block of its own.
          out.append(before == NOTHING || before == CODE ? "" : SEPARATOR)
              .append(line.strip())
              .append('\n');
          before = CODE;
        }
        continue;
      }
      if (run != 0) {
        fence = run; // the opening fence line goes
        continue;
      }
      if (isDelimiterRow(body)) {
        table = true;
        continue;
      }
      boolean header =
          i + 1 < lines.size() && isDelimiterRow(stripQuotes(lines.get(i + 1)).strip());
      if (body.isEmpty() || (!header && !table && isRuleOrUnderline(body))) {
        table = false;
        before = before == NOTHING ? NOTHING : GAP; // blank lines go; the next block is marked
        continue;
      }
      if (isReferenceDefinition(body)) {
        continue;
      }
      int kind;
      if (header || (table && body.indexOf('|') >= 0)) {
        body = cells(body);
        kind = BLOCK;
      } else {
        table = false;
        kind = isHeading(body) ? BLOCK : listMarker(body) > 0 ? ITEM : TEXT;
        body = stripBlockMarkers(body);
      }
      // Where a line starts a block of its own (not a paragraph's next line), a separator says
      // so once the lines are run together in a passage.
      boolean separate =
          kind == TEXT ? before == BLOCK || before == CODE || before == GAP : before != NOTHING;
      // Runs of spaces as one, as the page shows them (where raw HTML's tags were, the index's
      // notes have spaces: ShownText).
      out.append(separate ? SEPARATOR : "").append(oneSpace(inline(body))).append('\n');
      before = kind;
    }
    if (!markdown.endsWith("\n") && out.length() > 0) {
      out.setLength(out.length() - 1);
    }
    return out.toString();
  }

  /** {@code s} with each run of spaces one space. */
  static String oneSpace(String s) {
    int at = s.indexOf("  ");
    if (at < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length()).append(s, 0, at + 1);
    for (int i = at + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != ' ' || b.charAt(b.length() - 1) != ' ') {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** The line without its block-quote markers. */
  private static String stripQuotes(String line) {
    int at = 0;
    while (true) {
      int i = at;
      while (i < line.length() && line.charAt(i) == ' ' && i - at < 3) {
        i++;
      }
      if (i < line.length() && line.charAt(i) == '>') {
        at = i + 1;
      } else {
        return line.substring(at);
      }
    }
  }

  /** (char << 16) | run if the line opens or closes a fence, else 0. */
  private static int fenceRun(String body) {
    if (body.length() < 3) {
      return 0;
    }
    char c = body.charAt(0);
    if (c != '`' && c != '~') {
      return 0;
    }
    int run = 0;
    while (run < body.length() && body.charAt(run) == c) {
      run++;
    }
    if (run < 3 || (c == '`' && body.indexOf('`', run) >= 0)) {
      return 0;
    }
    return (c << 16) | run;
  }

  /** {@code |---|:--:|} and the like. */
  private static boolean isDelimiterRow(String body) {
    if (body.indexOf('-') < 0 || (body.indexOf('|') < 0)) {
      return false;
    }
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '|' && c != '-' && c != ':' && c != ' ' && c != '\t') {
        return false;
      }
    }
    return true;
  }

  /** A thematic break or a setext heading's underline: {@code ---}, {@code ***}, {@code ===}. */
  private static boolean isRuleOrUnderline(String body) {
    char c = body.charAt(0);
    if (c != '-' && c != '*' && c != '_' && c != '=') {
      return false;
    }
    int count = 0;
    for (int i = 0; i < body.length(); i++) {
      char d = body.charAt(i);
      if (d == c) {
        count++;
      } else if (d != ' ' && d != '\t') {
        return false;
      }
    }
    return count >= (c == '=' ? 1 : 3);
  }

  /** {@code [label]: https://…} */
  private static boolean isReferenceDefinition(String body) {
    if (!body.startsWith("[") || body.startsWith("[ ]") || body.startsWith("[x]")) {
      return false;
    }
    int close = body.indexOf("]:");
    return close > 1 && body.indexOf(']') == close;
  }

  /** A table row's cells, separated by " · ". */
  private static String cells(String body) {
    String row = body;
    if (row.startsWith("|")) {
      row = row.substring(1);
    }
    if (row.endsWith("|") && !row.endsWith("\\|")) {
      row = row.substring(0, row.length() - 1);
    }
    StringBuilder out = new StringBuilder();
    for (String cell : row.split("(?<!\\\\)\\|", -1)) {
      String c = cell.strip();
      if (!c.isEmpty()) {
        out.append(out.length() == 0 ? "" : " · ").append(c);
      }
    }
    return out.toString();
  }

  private static boolean isHeading(String body) {
    int n = 0;
    while (n < body.length() && n < 7 && body.charAt(n) == '#') {
      n++;
    }
    return n >= 1 && n <= 6 && (n == body.length() || body.charAt(n) == ' ');
  }

  /** Heading hashes, list markers and task boxes at the start of the line. */
  private static String stripBlockMarkers(String body) {
    String s = body;
    // Nested lists: a marker may follow a marker ("- 1. x" is a list in a list).
    for (boolean again = true; again; ) {
      again = false;
      int heading = 0;
      while (heading < s.length() && heading < 7 && s.charAt(heading) == '#') {
        heading++;
      }
      if (heading >= 1 && heading <= 6 && (heading == s.length() || s.charAt(heading) == ' ')) {
        s = s.substring(heading).strip();
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '#') {
          end--;
        }
        if (end < s.length() && (end == 0 || s.charAt(end - 1) == ' ')) {
          s = s.substring(0, end).strip();
        }
        return s;
      }
      int marker = listMarker(s);
      if (marker > 0) {
        s = s.substring(marker).stripLeading();
        if (s.startsWith("[ ] ") || s.startsWith("[x] ") || s.startsWith("[X] ")) {
          s = s.substring(4);
        } else if (s.equals("[ ]") || s.equalsIgnoreCase("[x]")) {
          s = "";
        }
        again = true;
      }
    }
    return s;
  }

  /** The length of a list marker with its space at the start of {@code s}, or 0. */
  private static int listMarker(String s) {
    if (s.length() >= 2
        && (s.charAt(0) == '-' || s.charAt(0) == '*' || s.charAt(0) == '+')
        && s.charAt(1) == ' ') {
      return 2;
    }
    int digits = 0;
    while (digits < s.length() && digits < 9 && Character.isDigit(s.charAt(digits))) {
      digits++;
    }
    if (digits > 0
        && digits + 1 < s.length()
        && (s.charAt(digits) == '.' || s.charAt(digits) == ')')
        && s.charAt(digits + 1) == ' ') {
      return digits + 2;
    }
    return 0;
  }

  /** Emphasis, strike-through and code marks, link and image targets, escapes. */
  static String inline(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length() && isPunctuation(s.charAt(i + 1))) {
        out.append(s.charAt(i + 1));
        i += 2;
      } else if (c == '!' && i + 1 < s.length() && s.charAt(i + 1) == '[') {
        int end = link(s, i + 1, out);
        i = end > 0 ? end : i + 1;
        if (end <= 0) {
          out.append('!');
        }
      } else if (c == '[') {
        int end = link(s, i, out);
        if (end > 0) {
          i = end;
        } else {
          out.append(c);
          i++;
        }
      } else if (c == '<' && s.startsWith("http", i + 1) && autolinkEnd(s, i) > 0) {
        int close = autolinkEnd(s, i);
        out.append(s, i + 1, close);
        i = close + 1;
      } else if (c == '`') {
        // A code span: its marks go, its text stays as written.
        int run = 0;
        while (i + run < s.length() && s.charAt(i + run) == '`') {
          run++;
        }
        String marks = "`".repeat(run);
        int close = s.indexOf(marks, i + run);
        if (close < 0) {
          i += run;
        } else {
          out.append(s, i + run, close);
          i = close + run;
        }
      } else if (c == '*') {
        i++;
      } else if (c == '~' && i + 1 < s.length() && s.charAt(i + 1) == '~') {
        i += 2;
      } else if (c == '_') {
        boolean inWord =
            i > 0
                && Character.isLetterOrDigit(s.charAt(i - 1))
                && i + 1 < s.length()
                && Character.isLetterOrDigit(s.charAt(i + 1));
        if (inWord) {
          out.append(c); // snake_case stays
        }
        i++;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /**
   * A link {@code [text](target)} or {@code [text][ref]} starting at {@code open}: appends its text
   * (itself cleaned) and returns where it ends, or -1 if there is none.
   */
  private static int link(String s, int open, StringBuilder out) {
    int depth = 0;
    int close = -1;
    // Links are short: looking no further than this keeps a line of many '[' linear.
    int limit = Math.min(s.length(), open + MAX_LINK);
    for (int i = open; i < limit; i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[') {
        depth++;
      } else if (c == ']' && --depth == 0) {
        close = i;
        break;
      }
    }
    if (close < 0 || close + 1 >= s.length()) {
      return -1;
    }
    char next = s.charAt(close + 1);
    int end;
    if (next == '(') {
      end = find(s, ')', close + 1, limit);
    } else if (next == '[') {
      end = find(s, ']', close + 1, limit);
    } else {
      return -1;
    }
    if (end < 0) {
      return -1;
    }
    out.append(inline(s.substring(open + 1, close)));
    return end + 1;
  }

  private static int find(String s, char c, int from, int limit) {
    for (int i = from; i < limit; i++) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  /** The {@code >} closing an autolink opened at {@code open}: no blank in between. */
  private static int autolinkEnd(String s, int open) {
    for (int i = open + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '>') {
        return i;
      }
      if (c == ' ' || c == '<') {
        return -1;
      }
    }
    return -1;
  }

  private static boolean isPunctuation(char c) {
    return c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c);
  }
}
