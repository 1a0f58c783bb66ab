package dev.talkbook.ui.common;

/**
 * A piece of user text (a speaker's name, a room, an event's title) put in a line of left-to-right
 * text with more after it, such as "Title · Speakers · 2026-12-07 10:00 · Room". After a name in
 * Arabic letters the Unicode bidi algorithm takes the digits that follow for Arabic numbers and
 * lays them out with the name, right to left: the folded details read "Title · 10:00 07-12-2026 ·
 * محمد علي". A left-to-right mark after a piece holding right-to-left letters ends its run there,
 * and one before it keeps a line that starts with it left to right (JavaFX takes a text's direction
 * from its first letter: Go to talk's "محمد علي · Dec 7, 2026 10:00" read "· Dec 7, 2026 10:00محمد
 * علي"); left-to-right text is given back as it is. Pure: no toolkit.
 */
public final class BidiText {
  /** U+200E LEFT-TO-RIGHT MARK: no width, no glyph, a strong left-to-right character. */
  static final char LRM = '\u200E';

  private BidiText() {}

  /** {@code text} between two left-to-right marks when it holds right-to-left letters. */
  public static String kept(String text) {
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      byte d = Character.getDirectionality(c);
      if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT
          || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC
          || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_EMBEDDING
          || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_OVERRIDE) {
        return LRM + text + LRM;
      }
      i += Character.charCount(c);
    }
    return text;
  }

  /**
   * Whether {@code text} reads right to left: its first strong letter is a right-to-left one (what
   * a line showing only this text takes its direction from, whatever came before it elsewhere).
   */
  public static boolean rightToLeft(String text) {
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      byte d = Character.getDirectionality(c);
      if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT
          || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC
          || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_EMBEDDING
          || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_OVERRIDE) {
        return true;
      }
      if (d == Character.DIRECTIONALITY_LEFT_TO_RIGHT
          || d == Character.DIRECTIONALITY_LEFT_TO_RIGHT_EMBEDDING
          || d == Character.DIRECTIONALITY_LEFT_TO_RIGHT_OVERRIDE) {
        return false;
      }
      i += Character.charCount(c);
    }
    return false;
  }
}
