package dev.talkbook.core.outliner;

/**
 * Read access to a text by lines, as the outliner needs it: a line's text, where it starts, and
 * whether it is inside a fenced code block. The editor implements it over its paragraphs, so a
 * command reads only the lines it looks at; {@link #of(String)} wraps a plain string.
 */
public interface Lines {
  /** The number of lines; a text without line breaks has one, an empty text too. */
  int count();

  /** The text of line {@code line}, without its line break. */
  String get(int line);

  /** The offset in the whole text where line {@code line} starts. */
  int startOf(int line);

  /** The line that contains offset {@code offset} (a line's end belongs to it). */
  int lineAt(int offset);

  /** Whether line {@code line} is part of a fenced code block, its fences included. */
  boolean isCode(int line);

  /** The lines of {@code text} (lines end at {@code \n}). */
  static Lines of(String text) {
    return new TextLines(text);
  }
}
