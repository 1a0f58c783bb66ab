package dev.talkbook.core.search;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 *
 * <p>A Latin word with a letter decomposition leaves whole ({@link FoldedLetters}: "Grüße",
 * "Søndergaard") is looked for as typed and folded ("Grüsse", "Sondergaard"), as the index holds it
 * since format 8.
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
    String.valueOf(ACUTE), String.valueOf(DIAERESIS), String.valueOf(BREVE)
  };

  private AccentVariants() {}

  /**
   * The spellings of {@code word} to look for: the word as typed first, then the others; just the
   * word when its script's accents are taken off by the index anyway (Latin), or it has none.
   */
  public static List<String> of(String word) {
    String typed = Normalizer.normalize(word, Normalizer.Form.NFC);
    if (!hasAccentedScript(typed)) {
      // The index holds "Grüße" as "Grüsse" (FoldedLetters); an index of format 6 or 7, read as
      // it is, as typed. "gruesse" is also looked for as "grusse", where "Grüße" is.
      Set<String> latin = new LinkedHashSet<>();
      latin.add(word);
      latin.add(FoldedLetters.fold(word));
      String unwritten = FoldedLetters.umlautsUnwritten(FoldedLetters.fold(word));
      if (unwritten != null) {
        latin.add(unwritten);
      }
      return List.copyOf(latin);
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
      // A dialytika and a tonos on a later letter ("προϊόν", "ευρωπαϊκή"), then on one letter
      // ("ΐ"), then on a letter before it (rarer).
      pairs(letters, out, true);
      for (int i = 0; i < letters.length && out.size() < MAX; i++) {
        String both = marked(letters, i, "" + DIAERESIS + ACUTE);
        if (both != null) {
          out.add(both);
        }
      }
      pairs(letters, out, false);
    }
    return List.copyOf(out).subList(0, Math.min(MAX, out.size()));
  }

  /**
   * Every Greek and Cyrillic letter that composes with a mark tried ({@link #MARKS}, or a dialytika
   * with a tonos) into one letter, keyed by the letter and the marks: made once, read by every
   * search (the only scripts where such letters are written today).
   */
  private static final Map<String, Integer> COMPOSED = compositions();

  private static Map<String, Integer> compositions() {
    Map<String, Integer> table = new HashMap<>();
    for (int cp = 0x0370; cp <= 0x045F; cp++) {
      if (!Character.isLetter(cp)) {
        continue;
      }
      for (String mark : List.of(MARKS[0], MARKS[1], MARKS[2], "" + DIAERESIS + ACUTE)) {
        String marked = new String(Character.toChars(cp)) + mark;
        int composed = composed(marked);
        if (composed >= 0) {
          table.put(marked, composed);
        }
      }
    }
    return Map.copyOf(table);
  }

  /** The one letter {@code marked} (a letter and its marks) composes into, or -1. */
  private static int composed(String marked) {
    String one = Normalizer.normalize(marked, Normalizer.Form.NFC);
    if (one.codePointCount(0, one.length()) != 1) {
      return -1;
    }
    int composed = one.codePointAt(0);
    if (composed >= 0x1F00 && composed <= 0x1FFF || composed >= 0x0460 && composed <= 0x052F) {
      // Polytonic Greek ("ῐ", an iota with a breve) and historic or minority Cyrillic ("ӓ"):
      // kept out, so that the cap leaves room for the letters of Greek, Russian, Ukrainian.
      return -1;
    }
    return composed;
  }

  /** Adds a dialytika on one letter and a tonos on a letter after it ({@code after}) or before. */
  private static void pairs(int[] letters, Set<String> out, boolean after) {
    for (int i = 0; i < letters.length && out.size() < MAX; i++) {
      String withDiaeresis = marked(letters, i, String.valueOf(DIAERESIS));
      if (withDiaeresis == null) {
        continue;
      }
      int[] marked = withDiaeresis.codePoints().toArray();
      for (int j = after ? i + 1 : 0; j < (after ? marked.length : i) && out.size() < MAX; j++) {
        String both = marked(marked, j, String.valueOf(ACUTE));
        if (both != null) {
          out.add(both);
        }
      }
    }
  }

  /**
   * {@code letters} with {@code mark} on the letter at {@code i}, or null when they do not make one
   * letter of a script whose accents the index keeps.
   */
  private static String marked(int[] letters, int i, String mark) {
    if (!keepsAccents(letters[i])) {
      return null;
    }
    boolean greek = Character.UnicodeScript.of(letters[i]) == Character.UnicodeScript.GREEK;
    // Modern Greek writes a dialytika only on a vowel after a vowel, to part them ("προϊόν").
    if (greek && mark.indexOf(DIAERESIS) >= 0 && (i == 0 || !isGreekVowel(letters[i - 1]))) {
      return null;
    }
    Integer composed = COMPOSED.get(new String(letters, i, 1) + mark);
    if (composed == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    sb.append(new String(letters, 0, i)).appendCodePoint(composed);
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

  /** Whether {@code cp}, a letter without accents, is a Greek vowel. */
  private static boolean isGreekVowel(int cp) {
    return "αεηιουωΑΕΗΙΟΥΩ".indexOf(cp) >= 0;
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
