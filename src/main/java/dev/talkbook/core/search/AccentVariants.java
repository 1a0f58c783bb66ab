package dev.talkbook.core.search;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The spellings with and without accents under which a word the user typed can stand in the search
 * index. Pure.
 *
 * <p>The index's tokenizer ({@code unicode61 remove_diacritics 2}) takes the accents off Latin
 * letters only: "Ελληνικά" is indexed as "ελληνικά", "ещё" as "ещё". So a word of another script is
 * looked for as typed, without its accents (Greek, Cyrillic, Hebrew points, Arabic vowel marks: any
 * script but Latin and CJK), and with one accent on each letter that can bear one (the Greek tonos
 * and dialytika, the Cyrillic breve and diaeresis: whatever composes into one letter), then with a
 * dialytika and a tonos together ("προϊόν"). At most {@link #MAX} spellings a word: the first are
 * the likeliest (as typed, bare, one accent), the cap drops the rarest.
 */
public final class AccentVariants {
  /** At most this many spellings of one word. */
  public static final int MAX = 16;

  /** A word longer than this is looked for as typed and bare only. */
  static final int LONGEST = 64;

  private static final char ACUTE = '\u0301';
  private static final char DIAERESIS = '\u0308';
  private static final char BREVE = '\u0306';

  /** The single marks tried, likeliest first: the tonos (an acute), the dialytika, the breve. */
  private static final String[] MARKS = {
    String.valueOf(ACUTE), String.valueOf(DIAERESIS), String.valueOf(BREVE), "" + DIAERESIS + ACUTE
  };

  private AccentVariants() {}

  /**
   * The spellings of {@code word} to look for: the word as typed first, then the others; just the
   * word when its script's accents are taken off by the index anyway (Latin), or it has none.
   */
  public static List<String> of(String word) {
    String typed = Normalizer.normalize(word, Normalizer.Form.NFC);
    if (!hasAccentedScript(typed)) {
      return List.of(word);
    }
    Set<String> out = new LinkedHashSet<>();
    out.add(word);
    out.add(typed);
    String bare = bare(typed);
    out.add(bare);
    if (bare.length() <= LONGEST) {
      int[] letters = bare.codePoints().toArray();
      for (String mark : MARKS) {
        for (int i = 0; i < letters.length && out.size() < MAX; i++) {
          String marked = marked(letters, i, mark);
          if (marked != null) {
            out.add(marked);
          }
        }
      }
      // A dialytika and a tonos on different letters: "προϊόν".
      for (int i = 0; i < letters.length && out.size() < MAX; i++) {
        String withDiaeresis = marked(letters, i, String.valueOf(DIAERESIS));
        if (withDiaeresis == null) {
          continue;
        }
        int[] marked = withDiaeresis.codePoints().toArray();
        for (int j = 0; j < marked.length && out.size() < MAX; j++) {
          String both = j == i ? null : marked(marked, j, String.valueOf(ACUTE));
          if (both != null) {
            out.add(both);
          }
        }
      }
    }
    return List.copyOf(out).subList(0, Math.min(MAX, out.size()));
  }

  /**
   * {@code letters} with {@code mark} on the letter at {@code i}, or null when they do not make one
   * letter of a script whose accents the index keeps.
   */
  private static String marked(int[] letters, int i, String mark) {
    if (!keepsAccents(letters[i])) {
      return null;
    }
    String one = Normalizer.normalize(new String(letters, i, 1) + mark, Normalizer.Form.NFC);
    if (one.codePointCount(0, one.length()) != 1) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    sb.append(new String(letters, 0, i)).append(one);
    sb.append(new String(letters, i + 1, letters.length - i - 1));
    return sb.toString();
  }

  /** {@code word} without the accents the index keeps (those on letters not Latin). */
  static String bare(String word) {
    String nfd = Normalizer.normalize(word, Normalizer.Form.NFD);
    StringBuilder sb = new StringBuilder(nfd.length());
    int base = -1;
    for (int i = 0; i < nfd.length(); ) {
      int cp = nfd.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.getType(cp) == Character.NON_SPACING_MARK && base >= 0 && keepsAccents(base)) {
        continue;
      }
      if (Character.getType(cp) != Character.NON_SPACING_MARK) {
        base = cp;
      }
      sb.appendCodePoint(cp);
    }
    return Normalizer.normalize(sb, Normalizer.Form.NFC);
  }

  private static boolean hasAccentedScript(String word) {
    return word.codePoints().anyMatch(AccentVariants::keepsAccents);
  }

  /**
   * Whether the index keeps the accents of {@code cp}: a letter, not Latin (whose accents it takes
   * off) and not Chinese, Japanese or Korean (found inside words instead: {@link CjkText}).
   */
  private static boolean keepsAccents(int cp) {
    return Character.isLetter(cp)
        && Character.UnicodeScript.of(cp) != Character.UnicodeScript.LATIN
        && !CjkText.isCjk(cp);
  }
}
