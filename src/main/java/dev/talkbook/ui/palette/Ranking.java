package dev.talkbook.ui.palette;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * How well an entry matches what was typed, for the command palette and the quick switcher. Each
 * typed word must be found in the entry; where it is found decides the score: a whole word beats
 * the start of a word, which beats the middle of one, which beats letters in order ("nwev" for "New
 * event"); in the entry's label more than in its menu path, note or hidden words. So "repl" puts
 * "Show or hide the REPL" before "Replace…", and "theme" finds the entries under View › Theme.
 * Pure: no toolkit.
 */
public final class Ranking {
  private Ranking() {}

  /** The scores of a word found in the label; in the other texts a word scores less. */
  static final int WHOLE_WORD = 100;

  static final int WORD_START = 70;
  static final int INSIDE = 25;
  static final int IN_ORDER = 10;

  /** The label's first word is what people type first: a bonus there. */
  static final int FIRST_WORD = 15;

  /** What the other texts' matches are worth against the label's. */
  private static final double ELSEWHERE = 0.6;

  /**
   * The score of an entry for {@code query}: above 0 if every typed word is found in it; 0 for an
   * empty query (everything matches equally), -1 if a word is missing.
   */
  public static int score(String query, PaletteEntry<?> entry) {
    List<String> words = words(query);
    if (words.isEmpty()) {
      return 0;
    }
    String label = entry.foldedLabel;
    String rest = entry.foldedRest;
    int total = 0;
    for (String w : words) {
      int inLabel = find(w, label, true);
      int elsewhere = (int) (find(w, rest, false) * ELSEWHERE);
      int best = Math.max(inLabel, elsewhere);
      if (best <= 0) {
        return -1;
      }
      total += best;
    }
    return total;
  }

  /**
   * The entries that match {@code query}, best first; equal scores keep their order (the menus'
   * order, the notebook's order).
   */
  public static <T> List<PaletteEntry<T>> rank(String query, List<PaletteEntry<T>> entries) {
    record Scored<T>(PaletteEntry<T> entry, int score, int index) {}
    List<Scored<T>> scored = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      int s = score(query, entries.get(i));
      if (s >= 0) {
        scored.add(new Scored<>(entries.get(i), s, i));
      }
    }
    scored.sort(
        Comparator.comparingInt((Scored<T> s) -> -s.score()).thenComparingInt(Scored::index));
    return scored.stream().map(Scored::entry).toList();
  }

  /** The score of one typed word in a text (0 if it is not there). */
  private static int find(String word, String text, boolean isLabel) {
    int best = 0;
    int wordIndex = 0;
    int i = 0;
    while (i < text.length()) {
      if (!isWordChar(text.charAt(i))) {
        i++;
        continue;
      }
      int end = i;
      while (end < text.length() && isWordChar(text.charAt(end))) {
        end++;
      }
      String w = text.substring(i, end);
      int score = 0;
      if (w.equals(word)) {
        score = WHOLE_WORD;
      } else if (w.startsWith(word)) {
        score = WORD_START;
      } else if (word.length() >= 2 && w.contains(word)) {
        score = INSIDE;
      }
      if (score > 0 && isLabel && wordIndex == 0) {
        score += FIRST_WORD;
      }
      best = Math.max(best, score);
      wordIndex++;
      i = end;
    }
    if (best == 0 && word.length() >= 2 && inOrder(word, text)) {
      best = IN_ORDER;
    }
    return best;
  }

  /** The word's letters appear in the text in order, the first at a word's start. */
  private static boolean inOrder(String word, String text) {
    for (int start = 0; start < text.length(); start++) {
      boolean wordStart = start == 0 || !isWordChar(text.charAt(start - 1));
      if (!wordStart || text.charAt(start) != word.charAt(0)) {
        continue;
      }
      int k = 1;
      for (int i = start + 1; i < text.length() && k < word.length(); i++) {
        if (text.charAt(i) == word.charAt(k)) {
          k++;
        }
      }
      if (k == word.length()) {
        return true;
      }
    }
    return false;
  }

  private static List<String> words(String query) {
    List<String> out = new ArrayList<>();
    for (String w : fold(query).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c);
  }

  /** Lower case without accents. */
  static String fold(String s) {
    String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
    return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
  }
}
