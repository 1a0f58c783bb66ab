package dev.talkbook.core.search;

/**
 * Chinese, Japanese and Korean text, which the search index cannot cut into words: its tokenizer
 * ({@code unicode61}) makes a whole run of such letters one token, so "日本語のメモです" is one word to it
 * and "メモ" inside it is not found. A search term with such letters is therefore looked for inside
 * the text as well ({@link SearchQuery.Term#insideWords()}). Pure.
 */
public final class CjkText {
  private CjkText() {}

  /** Whether {@code text} has a Han, Hiragana, Katakana or Hangul letter (unpaired halves: no). */
  public static boolean has(String text) {
    return text.codePoints().anyMatch(CjkText::isCjk);
  }

  /** Whether {@code cp} is of the Han, Hiragana, Katakana or Hangul script. */
  public static boolean isCjk(int cp) {
    if (cp < 0x1100) {
      return false; // below Hangul Jamo: Latin, Greek, Cyrillic and the rest, quickly
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HANGUL;
  }
}
