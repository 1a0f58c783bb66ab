package dev.talkbook.core.site;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of Markdown notes without rendering them, for the site's search index: each distinct
 * word once, so the index stays small. Pure.
 *
 * <p>Words are cut as Talkbook's full-text search (SQLite FTS5's {@code unicode61} tokenizer with
 * {@code remove_diacritics 2}) and the site's {@code search.js} cut them: runs of letters and
 * digits (Unicode categories L and N; combining marks do not end a word), in lower case, with
 * accents removed. So a word typed into the site's search box is the word the index holds.
 */
final class SearchText {
  /** Changes whenever the words or the site's search entries are made differently. */
  static final String VERSION = "search-2";

  private static final Pattern ATTACHMENT = Pattern.compile("attachment:[0-9a-f]{64}");

  private SearchText() {}

  /**
   * Every distinct word of the notes, folded (see the class comment), in the order they first
   * appear, separated by single spaces. Attachment references (a content hash, not a word anyone
   * types) are left out.
   */
  static String words(String markdown) {
    Set<String> seen = new HashSet<>();
    StringBuilder b = new StringBuilder(Math.min(markdown.length(), 1 << 16));
    int n = markdown.length();
    int i = 0;
    int skipUntil = -1;
    Matcher attachment = ATTACHMENT.matcher(markdown);
    int nextAttachment = attachment.find() ? attachment.start() : n;
    while (i < n) {
      if (i >= nextAttachment) {
        skipUntil = Math.max(skipUntil, attachment.end());
        nextAttachment = attachment.find() ? attachment.start() : n;
      }
      int cp = markdown.codePointAt(i);
      if (!isWordPart(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      boolean ascii = true;
      while (i < n) {
        cp = markdown.codePointAt(i);
        if (!isWordPart(cp)) {
          break;
        }
        ascii &= cp < 0x80;
        i += Character.charCount(cp);
      }
      if (start < skipUntil) {
        continue;
      }
      String word = fold(markdown.substring(start, i), ascii);
      if (!word.isEmpty() && seen.add(word)) {
        if (b.length() > 0) {
          b.append(' ');
        }
        b.append(word);
      }
    }
    return b.toString();
  }

  /** A word as the index holds it: lower case, accents removed. */
  static String fold(String word) {
    return fold(word, word.chars().allMatch(c -> c < 0x80));
  }

  private static String fold(String word, boolean ascii) {
    String lower = word.toLowerCase(Locale.ROOT);
    if (ascii) {
      return lower;
    }
    String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
    StringBuilder b = new StringBuilder(decomposed.length());
    decomposed.codePoints().filter(SearchText::isWordChar).forEach(b::appendCodePoint);
    return b.toString();
  }

  /** A letter or a number (Unicode categories L and N). */
  private static boolean isWordChar(int cp) {
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    }
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER ->
          true;
      default -> false;
    };
  }

  /** Part of a word before folding: a letter, a number or a combining mark (removed by folding). */
  private static boolean isWordPart(int cp) {
    if (cp < 0x80) {
      return isWordChar(cp); // no combining mark is ASCII
    }
    if (isWordChar(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }
}
