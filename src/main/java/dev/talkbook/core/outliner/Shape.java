package dev.talkbook.core.outliner;

/** Where the parts of a Markdown line are: block-quote markers, indentation, content. */
final class Shape {
  static final int TAB = 4;

  private Shape() {}

  /** Where the block-quote markers ({@code > > }) at the start of {@code line} end. */
  static int quoteEnd(String line) {
    int end = 0;
    while (true) {
      int at = end;
      int spaces = 0;
      while (at < line.length() && line.charAt(at) == ' ' && spaces < 3) {
        at++;
        spaces++;
      }
      if (at >= line.length() || line.charAt(at) != '>') {
        return end;
      }
      end = at + 1;
      if (end < line.length() && line.charAt(end) == ' ') {
        end++;
      }
    }
  }

  /** How many block quotes the line is in. */
  static int quoteDepth(String line) {
    int depth = 0;
    int end = quoteEnd(line);
    for (int i = 0; i < end; i++) {
      if (line.charAt(i) == '>') {
        depth++;
      }
    }
    return depth;
  }

  /** The first character after the quote markers and the indentation. */
  static int contentStart(String line) {
    int at = quoteEnd(line);
    while (at < line.length() && (line.charAt(at) == ' ' || line.charAt(at) == '\t')) {
      at++;
    }
    return at;
  }

  /** The indentation after the quote markers, in columns (a tab goes to the next multiple of 4). */
  static int indentWidth(String line) {
    return columns(line, quoteEnd(line), contentStart(line));
  }

  /** Columns taken by {@code line[from, to)}, counted from {@code from}. */
  static int columns(String line, int from, int to) {
    int width = 0;
    for (int i = from; i < to; i++) {
      width = line.charAt(i) == '\t' ? (width / TAB + 1) * TAB : width + 1;
    }
    return width;
  }

  /** Nothing but quote markers and blanks. */
  static boolean isBlank(String line) {
    return contentStart(line) >= line.length();
  }

  /** Removes up to {@code width} columns of indentation after the quote markers. */
  static String outdent(String line, int width) {
    int from = quoteEnd(line);
    int at = from;
    int removed = 0;
    while (at < line.length() && removed < width) {
      char c = line.charAt(at);
      if (c == ' ') {
        removed++;
      } else if (c == '\t') {
        removed = (removed / TAB + 1) * TAB;
      } else {
        break;
      }
      at++;
    }
    String rest = line.substring(at);
    String pad = removed > width ? " ".repeat(removed - width) : "";
    return line.substring(0, from) + pad + rest;
  }

  /** Adds {@code unit} after the quote markers (blank lines stay as they are). */
  static String indent(String line, String unit) {
    if (isBlank(line)) {
      return line;
    }
    int from = quoteEnd(line);
    return line.substring(0, from) + unit + line.substring(from);
  }

  /** The level of an ATX heading ({@code ## Title}), or 0. */
  static int headingLevel(String line) {
    int at = 0;
    while (at < line.length() && at < 3 && line.charAt(at) == ' ') {
      at++;
    }
    int level = 0;
    while (at + level < line.length() && line.charAt(at + level) == '#') {
      level++;
    }
    if (level == 0 || level > 6) {
      return 0;
    }
    int after = at + level;
    return after == line.length() || line.charAt(after) == ' ' || line.charAt(after) == '\t'
        ? level
        : 0;
  }
}
