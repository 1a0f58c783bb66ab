package dev.talkbook.core.repl;

import java.util.ArrayList;
import java.util.List;

/**
 * Pure: a line of code broken into pieces that fit a width in columns, at a space, else after a
 * comma, bracket, dot or semicolon, else where the width ends; every piece after the first is
 * indented as the line is, and two more. The REPL's transcript shows code so where its lines wrap
 * (presenter mode's large text): wrapped by the text area, a line ran on from column 0 and lost its
 * indentation, and a compile error's {@code ^---^} under a wrapped line pointed at empty space.
 */
public final class CodeWrap {

  /** How much further than the line's own indentation its continuation pieces start. */
  static final int HANGING = 2;

  private CodeWrap() {}

  /** A piece of a line: {@code [start, end)}. */
  public record Piece(int start, int end) {}

  /**
   * How many columns the pieces after the first are indented: the line's indentation and {@link
   * #HANGING} more, at most half of {@code width}.
   */
  public static int continuation(String line, int width) {
    int indent = 0;
    while (indent < line.length() && Character.isWhitespace(line.charAt(indent))) {
      indent++;
    }
    return Math.max(0, Math.min(indent + HANGING, width / 2));
  }

  /**
   * The pieces of {@code line} (one when it fits {@code width} columns): the first at most {@code
   * width} long, the others at most {@code width - continuation(line, width)}. The spaces where a
   * line is broken belong to no piece; a character of two {@code char}s (an emoji) is never cut in
   * two, and a line indented deeper than the width starts its first piece at its code.
   */
  public static List<Piece> pieces(String line, int width) {
    List<Piece> out = new ArrayList<>();
    if (width <= 0 || line.length() <= width) {
      out.add(new Piece(0, line.length()));
      return out;
    }
    int rest = Math.max(1, width - continuation(line, width));
    int indent = 0;
    while (indent < line.length() && Character.isWhitespace(line.charAt(indent))) {
      indent++;
    }
    int at = 0;
    if (indent >= width) {
      // Indented deeper than the width: the first piece would hold no code (an empty line); the
      // code starts it, without the indentation it has no room for.
      at = indent;
      indent = 0;
    }
    boolean first = true;
    while (at < line.length()) {
      int room = first ? width : rest;
      if (line.length() - at <= room) {
        out.add(new Piece(at, line.length()));
        break;
      }
      int limit = at + room;
      int least = at + (first ? indent : 0) + 1; // a piece has some code in it
      int end = -1;
      for (int i = limit; i >= least && end < 0; i--) {
        if (line.charAt(i) == ' ') {
          end = i;
        }
      }
      for (int i = limit; i >= least && end < 0; i--) {
        if (",(.;[{".indexOf(line.charAt(i - 1)) >= 0) {
          end = i;
        }
      }
      if (end < 0) {
        end = limit;
        if (Character.isLowSurrogate(line.charAt(end))
            && Character.isHighSurrogate(line.charAt(end - 1))
            && end - 1 > at) {
          end--; // never between the two halves of a character (an emoji): both showed broken
        }
      }
      int trimmed = end;
      while (trimmed > at && line.charAt(trimmed - 1) == ' ') {
        trimmed--;
      }
      out.add(new Piece(at, trimmed));
      int next = end;
      while (next < line.length() && line.charAt(next) == ' ') {
        next++;
      }
      at = next;
      first = false;
    }
    return out;
  }

  /**
   * {@code line} as lines of at most {@code width} columns after {@code lead} (the first line's
   * lead; the others' is as many spaces), each continuation indented ({@link #continuation}); no
   * line break at the end.
   */
  public static String wrapped(String line, String lead, int width) {
    List<Piece> pieces = pieces(line, width - lead.length());
    String more = " ".repeat(lead.length() + continuation(line, width - lead.length()));
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pieces.size(); i++) {
      Piece p = pieces.get(i);
      out.append(i == 0 ? lead : "\n" + more).append(line, p.start(), p.end());
    }
    return out.toString();
  }
}
