package dev.talkbook.core.search;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Latin letters that Unicode decomposition does not take apart, and how readers type them
 * without the letter: {@code ß} as {@code ss}, {@code ø} as {@code o}, {@code æ} as {@code ae},
 * {@code œ} as {@code oe}, {@code ł} as {@code l}, {@code đ} and {@code ð} as {@code d}, {@code þ}
 * as {@code th}, the dotless {@code ı} as {@code i}, and their capitals; and the Latin ligatures
 * ({@code ﬁ} as {@code fi}, {@code ﬀ}, {@code ﬂ}, {@code ﬃ}, {@code ﬄ}, {@code ﬅ}, {@code ﬆ}),
 * compatibility characters that text pasted from a PDF holds. The one table of them: the site's
 * page addresses ({@code Slugs}), the notebook's full-text index (its triggers, from migrations
 * V008 and V011, hold the same table as SQL {@code replace()}s: {@code FoldedLettersTest} checks
 * they agree), the query ({@link AccentVariants}), the passages ({@link Snippets}), the site's
 * search words ({@code SearchText}) and its {@code search.js} (whose copy of the table the same
 * test checks). Pure.
 *
 * <p>What decomposition does take apart ({@code é}, {@code ü}, {@code å}) the index's tokenizer
 * ({@code unicode61 remove_diacritics 2}) folds itself, and is not here.
 */
public final class FoldedLetters {
  /** Each letter and what it is folded to (lower case), in the order the triggers replace them. */
  public static final Map<Character, String> TABLE = table();

  private FoldedLetters() {}

  private static Map<Character, String> table() {
    Map<Character, String> t = new LinkedHashMap<>();
    t.put('ß', "ss");
    t.put('ẞ', "ss");
    t.put('æ', "ae");
    t.put('Æ', "ae");
    t.put('œ', "oe");
    t.put('Œ', "oe");
    t.put('ø', "o");
    t.put('Ø', "o");
    t.put('ł', "l");
    t.put('Ł', "l");
    t.put('đ', "d");
    t.put('Đ', "d");
    t.put('ð', "d");
    t.put('Ð', "d");
    t.put('þ', "th");
    t.put('Þ', "th");
    t.put('ı', "i");
    // The Latin ligatures (compatibility characters, which unicode61 keeps as letters of their
    // own): "\ufb01nance", as a PDF's text pastes "finance", is found by "finance" (V011).
    t.put('\ufb00', "ff");
    t.put('\ufb01', "fi");
    t.put('\ufb02', "fl");
    t.put('\ufb03', "ffi");
    t.put('\ufb04', "ffl");
    t.put('\ufb05', "st");
    t.put('\ufb06', "st");
    return java.util.Collections.unmodifiableMap(t);
  }

  /** What {@code c} is folded to, or null when it is not such a letter. */
  public static String of(char c) {
    return c < 0xC6 ? null : TABLE.get(c);
  }

  /** Whether {@code text} holds a letter of the table. */
  public static boolean has(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0xC6 && TABLE.containsKey(c)) {
        return true;
      }
    }
    return false;
  }

  /** {@code text} with each letter of the table replaced; the text itself when it has none. */
  public static String fold(String text) {
    if (!has(text)) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String folded = of(c);
      if (folded != null) {
        b.append(folded);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** The fewest letters of a word {@link #umlautsUnwritten} reads as German. */
  public static final int UMLAUT_WORD_LETTERS = 5;

  /**
   * A word that may be German with ä, ö, ü written as {@code ae}, {@code oe}, {@code ue} (as
   * readers without those keys type them: {@code gruesse}), with them as {@code a}, {@code o},
   * {@code u} ({@code grusse}): the spelling under which the index holds "Grüße", whose dots the
   * tokenizer takes off. Null when the word has none, has fewer than {@link #UMLAUT_WORD_LETTERS}
   * letters ("does", "goes", "blue" would find "do", "go", "blu"), or its only {@code ue} follows a
   * {@code q} ("queue"). A second spelling looked for beside the typed one: no index space.
   */
  public static String umlautsUnwritten(String word) {
    if (word.length() < UMLAUT_WORD_LETTERS) {
      return null;
    }
    StringBuilder b = new StringBuilder(word.length());
    boolean changed = false;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      char l = Character.toLowerCase(c);
      boolean vowel = l == 'a' || l == 'o' || l == 'u';
      if (vowel
          && i + 1 < word.length()
          && Character.toLowerCase(word.charAt(i + 1)) == 'e'
          && !(l == 'u' && i > 0 && Character.toLowerCase(word.charAt(i - 1)) == 'q')) {
        b.append(c);
        i++; // the e
        changed = true;
      } else {
        b.append(c);
      }
    }
    return changed ? b.toString() : null;
  }

  /**
   * The SQL expression that folds {@code sql} (an expression) as {@link #fold} does: nested {@code
   * replace()}s, in the table's order. What migration V011's triggers and the index's rebuild hold;
   * {@code FoldedLettersTest} checks that.
   */
  public static String sql(String sql) {
    String out = sql;
    for (Map.Entry<Character, String> e : TABLE.entrySet()) {
      out = "replace(" + out + ", '" + e.getKey() + "', '" + e.getValue() + "')";
    }
    return out;
  }
}
