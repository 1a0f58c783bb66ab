package dev.talkbook.core.notebook;

/**
 * Characters that are not text but instructions to whatever shows the text: the C0 and C1 control
 * characters (ESC, BEL, backspace, …) and DEL, and the bidirectional embeddings, overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069), which can make a title read backwards or hide what
 * follows. One-line fields (titles, speakers, tags, rooms, places) refuse them; notes may hold
 * them, and the command line shows them as visible stand-ins on a terminal.
 */
public final class ControlCharacters {
  private ControlCharacters() {}

  /** Whether a one-line field refuses {@code c} (line breaks included). */
  public static boolean isControl(int c) {
    return Character.getType(c) == Character.CONTROL
        || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069);
  }

  /** The first control character in {@code s} as "ESC (U+001B)", or null when there is none. */
  public static String first(String s) {
    int at = indexOfControl(s);
    return at < 0 ? null : name(s.charAt(at));
  }

  /** {@code s} without its control characters: for text stored before they were refused. */
  public static String strip(String s) {
    if (s == null || indexOfControl(s) < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isControl(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Where the first control character is, or -1. Char by char (every record read passes here): each
   * control character is a single UTF-16 unit and no surrogate is one, so this finds what a walk
   * over the code points would.
   */
  private static int indexOfControl(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80 ? c < 0x20 || c == 0x7F : isControl(c)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A visible stand-in for a control character: the Unicode control picture for C0 and DEL (␛ for
   * ESC, ␇ for BEL), else its code point, like {@code <U+202E>}.
   */
  public static String visible(int c) {
    if (c < 0x20) {
      return Character.toString(0x2400 + c);
    }
    if (c == 0x7F) {
      return "\u2421";
    }
    return String.format("<U+%04X>", c);
  }

  private static String name(int c) {
    String name =
        switch (c) {
          case 0x07 -> "BEL";
          case 0x08 -> "backspace";
          case 0x09 -> "tab";
          case 0x0A, 0x0D -> "line break";
          case 0x1B -> "ESC";
          case 0x7F -> "DEL";
          case 0x202E -> "right-to-left override";
          case 0x202D -> "left-to-right override";
          default -> "control character";
        };
    return String.format("%s (U+%04X)", name, c);
  }
}
