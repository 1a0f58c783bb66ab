package dev.talkbook.ui.palette;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * How well an entry matches what was typed, for the command palette and the quick switcher. Each
 * typed word must be found in the entry; where it is found decides the score: a whole word beats
 * the start of a word, which beats the middle of one; in the entry's label more than in its menu
 * path, note or hidden words, except that a hidden word typed whole is the user's own name for the
 * action and counts as the label's ("exit" finds Quit). So "repl" puts "Show or hide the REPL"
 * before "Replace…", and "theme" finds the entries under View › Theme.
 *
 * <p>Letters in order ("nwev" for "New event", "lne" for "Line numbers") are the fallback for a
 * typed word that no entry holds as a word, a word's start or a part of one: as soon as one does,
 * those are the matches, and letters scattered over other entries are not ("dark" lists the theme
 * Dark, not "Star or unstar the talk", whose shortcut Ctrl+D and words "favourite" and "mark" spell
 * d…a…r…k). Even then the letters go in runs, each starting a word of the label (N-w of New, ev of
 * event), or within one word of the other texts. Pure: no toolkit.
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
   * The score of an entry for {@code query} on its own: above 0 if every typed word is found in it
   * (letters in order count); 0 for an empty query (everything matches equally), -1 if a word is
   * missing. Among other entries, {@link #rank} lets letters in order count only for a word none of
   * them holds.
   */
  public static int score(String query, PaletteEntry<?> entry) {
    List<String> words = words(query);
    if (words.isEmpty()) {
      return 0;
    }
    int total = 0;
    for (String w : words) {
      int best = found(w, entry);
      if (best <= 0) {
        best = inOrder(w, entry);
      }
      if (best <= 0) {
        return -1;
      }
      total += best;
    }
    return total;
  }

  /**
   * The entries that match {@code query}, best first; equal scores keep their order (the menus'
   * order, the notebook's order). A typed word that some entry holds (as a word, a word's start or
   * inside one) must be held by each entry listed; only a word none holds is looked for as letters
   * in order. Before any score, a label that is what was typed (case and accents aside) comes
   * first, then the labels that start with it and go on with a new word ("Talk 3" for "Talk 3-7"):
   * "Talk 3-7" lists the talk of that title before "Talk 7-3", which has the same words. A label
   * that starts with it in the middle of a word ("Replace…" for "repl") comes first only among
   * those of the same score, so a word found whole elsewhere still wins ("Show or hide the REPL").
   */
  public static <T> List<PaletteEntry<T>> rank(String query, List<PaletteEntry<T>> entries) {
    record Scored<T>(PaletteEntry<T> entry, int typed, int score, int index) {}
    List<String> words = words(query);
    String phrase = fold(query).strip().replaceAll("\\s+", " ");
    int[][] found = new int[entries.size()][];
    boolean[] held = new boolean[words.size()];
    for (int i = 0; i < entries.size(); i++) {
      found[i] = new int[words.size()];
      for (int w = 0; w < words.size(); w++) {
        found[i][w] = found(words.get(w), entries.get(i));
        held[w] |= found[i][w] > 0;
      }
    }
    List<Scored<T>> scored = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      int total = 0;
      for (int w = 0; w < words.size() && total >= 0; w++) {
        int best = found[i][w];
        if (best <= 0 && !held[w]) {
          best = inOrder(words.get(w), entries.get(i));
        }
        total = best > 0 ? total + best : -1;
      }
      if (total >= 0) {
        scored.add(new Scored<>(entries.get(i), typed(phrase, entries.get(i)), total, i));
      }
    }
    scored.sort(
        Comparator.comparingInt((Scored<T> s) -> -(s.typed() / 2))
            .thenComparingInt(s -> -s.score())
            .thenComparingInt(s -> -s.typed())
            .thenComparingInt(Scored::index));
    return scored.stream().map(Scored::entry).toList();
  }

  /**
   * How the entry's label holds {@code phrase} (what was typed, folded, its spaces single): 4 when
   * it is the label, 2 when the label starts with it and a new word follows, 1 when the label
   * starts with it in the middle of a word, else 0. Halved, the first two rank before any score.
   */
  private static int typed(String phrase, PaletteEntry<?> entry) {
    String label = entry.foldedLabel;
    if (phrase.isEmpty() || !label.startsWith(phrase)) {
      return 0;
    }
    if (label.length() == phrase.length()) {
      return 4;
    }
    boolean wordEnds =
        !isWordChar(phrase.charAt(phrase.length() - 1))
            || !isWordChar(label.charAt(phrase.length()));
    return wordEnds ? 2 : 1;
  }

  /**
   * The score of a typed word found in an entry as a word, a word's start or inside one; or 0. One
   * of its hidden words typed whole is the user's own name for it ("exit" for Quit): that counts as
   * a word of the label, so "new note" puts New talk (hidden word "note") before New notebook.
   */
  private static int found(String word, PaletteEntry<?> entry) {
    int synonym = find(word, entry.foldedWords, false) == WHOLE_WORD ? WHOLE_WORD : 0;
    return Math.max(
        Math.max(find(word, entry.foldedLabel, true), synonym),
        (int) (find(word, entry.foldedRest, false) * ELSEWHERE));
  }

  /** The score of a typed word found in an entry only as letters in order; or 0. */
  private static int inOrder(String word, PaletteEntry<?> entry) {
    if (word.length() < 2) {
      return 0;
    }
    if (inOrder(word, entry.foldedLabel, true)) {
      return IN_ORDER;
    }
    return inOrder(word, entry.foldedRest, false) ? (int) (IN_ORDER * ELSEWHERE) : 0;
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
    return best;
  }

  /**
   * The word's letters appear in the text in order, in runs that each start a word of the text
   * (letters may be skipped inside a word: "nwev" in "new event", "lne" in "line numbers"); with
   * {@code acrossWords} false, all in one word.
   */
  private static boolean inOrder(String word, String text, boolean acrossWords) {
    java.util.BitSet failed = new java.util.BitSet();
    for (int start = 0; start < text.length(); start++) {
      if (text.charAt(start) == word.charAt(0)
          && isWordStart(text, start)
          && restInOrder(word, 1, text, start + 1, acrossWords, failed)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the word's letters from {@code k} follow in the text from {@code i}, right after the
   * letter before them: further in the same word, or at the start of a later word. {@code failed}
   * remembers the places already tried in vain, so no place is tried twice.
   */
  private static boolean restInOrder(
      String word, int k, String text, int i, boolean acrossWords, java.util.BitSet failed) {
    if (k == word.length()) {
      return true;
    }
    int key = k * (text.length() + 1) + i;
    if (failed.get(key)) {
      return false;
    }
    boolean sameWord = true;
    for (int j = i; j < text.length(); j++) {
      if (!isWordChar(text.charAt(j))) {
        if (!acrossWords) {
          break;
        }
        sameWord = false;
        continue;
      }
      if (text.charAt(j) == word.charAt(k)
          && (sameWord || isWordStart(text, j))
          && restInOrder(word, k + 1, text, j + 1, acrossWords, failed)) {
        return true;
      }
    }
    failed.set(key);
    return false;
  }

  private static boolean isWordStart(String text, int i) {
    return i == 0 || !isWordChar(text.charAt(i - 1));
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
