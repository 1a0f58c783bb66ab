package dev.talkbook.core.markdown;

/**
 * Pure: how many words a note has (a word is a run of letters and digits), counted once for a whole
 * text and then kept up to date from each edit in time proportional to the edit, not the note.
 */
public final class WordCount {
  private WordCount() {}

  /** The words in {@code text}. */
  public static int of(CharSequence text) {
    return count(text, 0, text.length());
  }

  /**
   * How the word count changes when {@code before} becomes {@code after} by replacing {@code
   * removed} characters at {@code position} with {@code inserted} characters. Reads only the edit
   * and the words it touches.
   */
  public static int delta(
      CharSequence before, CharSequence after, int position, int removed, int inserted) {
    // Widen the edit to whole words: the text before the edit and after it is the same in both.
    int from = position;
    while (from > 0 && isWord(before.charAt(from - 1))) {
      from--;
    }
    int beforeEnd = position + removed;
    int afterEnd = position + inserted;
    while (beforeEnd < before.length() && isWord(before.charAt(beforeEnd))) {
      beforeEnd++;
      afterEnd++;
    }
    return count(after, from, afterEnd) - count(before, from, beforeEnd);
  }

  private static int count(CharSequence text, int from, int to) {
    int count = 0;
    boolean inWord = false;
    for (int i = from; i < to; i++) {
      boolean letter = isWord(text.charAt(i));
      if (letter && !inWord) {
        count++;
      }
      inWord = letter;
    }
    return count;
  }

  private static boolean isWord(char c) {
    return Character.isLetterOrDigit(c);
  }
}
