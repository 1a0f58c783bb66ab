package dev.talkbook.core.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Makes the passage shown with a search hit: about {@link #WORDS} words of a text around the place
 * where the query's words are densest, with those words marked. Pure, and much cheaper than FTS5's
 * {@code snippet()}, which tokenises every hit's whole notes again: here the text is searched with
 * {@code indexOf}, and only the passage is cut into words.
 *
 * <p>Matching follows the index closely enough for display: case and accents are ignored ("ß" is
 * "ss", "ø" "o": {@link FoldedLetters}), a prefix term matches words that start with it, and a
 * plain term also matches the word's other endings (the index stems with Porter's algorithm:
 * "optimize" finds "optimizing").
 */
public final class Snippets {
  static final int WORDS = 16;

  /** How far apart (in characters) matches may be to count as one passage. */
  private static final int SPAN = WORDS * 7;

  private Snippets() {}

  /** The best passage of {@code text} for {@code query}, or empty text when nothing matches. */
  public static Snippet of(String text, SearchQuery query) {
    List<Wanted> wanted = stems(query);
    if (wanted.isEmpty() || text.isEmpty()) {
      return new Snippet("", List.of());
    }
    String folded = fold(text);
    List<int[]> matches = new ArrayList<>();
    for (Wanted w : wanted) {
      if (w.name()) {
        // c#, c++, .net: whole, as written (PunctuatedNames), the dot and the run marked too.
        matches.addAll(PunctuatedNames.find(folded, w.stem(), w.prefix()));
        continue;
      }
      String stem = w.stem();
      for (int at = folded.indexOf(stem); at >= 0; at = folded.indexOf(stem, at + 1)) {
        if (w.inside()) {
          // Chinese, Japanese, Korean: anywhere in a run, just the word (as the search has it).
          matches.add(new int[] {at, at + stem.length()});
        } else if (at == 0 || !isWordAt(folded, at - 1)) {
          int end = wordEnd(folded, at + stem.length());
          // A plain term is the word with another ending ("optimizing" for "optimize"), not any
          // word that starts like it ("and" for "a", "application" for "app"), as the index has it.
          if (w.prefix() || sameStem(folded.substring(at, end), stem)) {
            matches.add(new int[] {at, end});
          }
        }
      }
    }
    if (matches.isEmpty()) {
      return new Snippet("", List.of());
    }
    if (folded.length() != text.length()) {
      // A letter folded into two ("ß" as "ss"): back to the text's own offsets, "Grüße" marked.
      int[] origin = origins(text);
      for (int[] m : matches) {
        m[0] = origin[m[0]];
        m[1] = origin[m[1]];
      }
    }
    matches.sort(Comparator.comparingInt((int[] m) -> m[0]).thenComparingInt(m -> -m[1]));
    // The run of matches within SPAN characters holding the most of them (the earliest of equals).
    int best = 0;
    int bestCount = 0;
    for (int i = 0, j = 0; i < matches.size(); i++) {
      while (matches.get(i)[0] - matches.get(j)[0] > SPAN) {
        j++;
      }
      if (i - j + 1 > bestCount) {
        bestCount = i - j + 1;
        best = j;
      }
    }
    // From three words before that run's first match, WORDS words on.
    int start = matches.get(best)[0];
    for (int words = 0; words < 3 && start > 0; words++) {
      start = wordStartBefore(text, start);
    }
    int end = start;
    for (int words = 0; words < WORDS && end < text.length(); words++) {
      end = wordEndAfter(text, end);
    }
    if (wordEndAfter(text, end) == wordEnd(text, text.length())) {
      end = text.stripTrailing().length(); // no word follows: keep the closing punctuation
    }
    // Words are letters and digits, but the passage is cut at spaces: "Q&A" or
    // "java.util.concurrent" whole, not from "A" or "util".
    start = spaceBefore(text, start);
    end = spaceAfter(text, end);
    // An ellipsis where text was left out, not where only spaces or line ends were.
    String prefix = blankBetween(text, 0, start) ? "" : "…";
    String passage =
        prefix + text.substring(start, end) + (blankBetween(text, end, text.length()) ? "" : "…");
    List<Snippet.Range> ranges = new ArrayList<>();
    int last = start;
    for (int[] m : matches) {
      if (m[0] >= last && m[1] <= end) {
        ranges.add(
            new Snippet.Range(m[0] - start + prefix.length(), m[1] - start + prefix.length()));
        last = m[1];
      }
    }
    return new Snippet(
        passage.replace('\n', ' ').replace('\r', ' ').replace('\t', ' '), List.copyOf(ranges));
  }

  /**
   * A word to mark: its folded stem, whether any word starting with it counts, and whether it is
   * marked wherever it stands, inside other words too (Chinese, Japanese, Korean: {@link CjkText}).
   */
  private record Wanted(String stem, boolean prefix, boolean inside, boolean name) {
    Wanted(String stem, boolean prefix, boolean inside) {
      this(stem, prefix, inside, false);
    }
  }

  private static boolean sameStem(String word, String stem) {
    return word.equals(stem) || stem(word).equals(stem);
  }

  /**
   * What to look for: each wanted term's words, folded; plain words cut to their stem; a term with
   * a name typed with its punctuation whole ({@code name}: its folded text, {@code prefix} whether
   * its last word is being typed).
   */
  private static List<Wanted> stems(SearchQuery query) {
    List<Wanted> stems = new ArrayList<>();
    for (SearchQuery.Term term : query.terms()) {
      if (term.excluded()) {
        continue;
      }
      if (term.punctuatedName()) {
        stems.add(new Wanted(fold(term.text()), term.wordStart(), false, true));
        continue;
      }
      String folded = fold(term.text());
      int i = 0;
      while (i < folded.length()) {
        if (!isWordAt(folded, i)) {
          i++;
          continue;
        }
        int end = wordEnd(folded, i);
        String word = folded.substring(i, end);
        if (CjkText.has(word)) {
          stems.add(new Wanted(word, true, true));
        } else {
          // A word typed whole that also finds longer words: every word starting with its stem,
          // as the index (which stems the query's word too) finds them. In a term of several
          // words ("virtual-thr") only the last one is being typed, and one or two letters of it
          // ("virtual-t") would mark every word starting with them: those stay whole.
          boolean starts =
              term.prefix()
                  || term.wordStart()
                      && !hasWordAfter(folded, end)
                      && word.codePoints().filter(Character::isLetter).count()
                          >= SearchQuery.WORD_START_LETTERS;
          stems.add(new Wanted(term.prefix() ? word : stem(word), starts, false));
          // "gruesse" marks "Grüße", found as "grusse" (FoldedLetters.umlautsUnwritten).
          String unwritten = FoldedLetters.umlautsUnwritten(word);
          if (unwritten != null) {
            stems.add(new Wanted(term.prefix() ? unwritten : stem(unwritten), starts, false));
          }
        }
        i = end;
      }
    }
    stems.removeIf(w -> w.stem().isEmpty());
    return stems;
  }

  /** Whether a word follows {@code from} in {@code s}. */
  private static boolean hasWordAfter(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      if (isWordAt(s, i)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the char at {@code i} is part of a word: a letter, digit or '_', either half of a
   * letter outside the Basic Multilingual Plane ("𠀋") too.
   */
  private static boolean isWordAt(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
      return Character.isLetterOrDigit(s.codePointAt(i));
    }
    if (Character.isLowSurrogate(c) && i > 0) {
      return Character.isLetterOrDigit(s.codePointBefore(i + 1));
    }
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private static int wordEnd(String s, int from) {
    int i = from;
    while (i < s.length() && isWordAt(s, i)) {
      i++;
    }
    return i;
  }

  /**
   * The start of the word before {@code at} (skipping what lies between). A Chinese, Japanese or
   * Korean letter counts as a word: such text has no spaces, and a run of it can be a page long.
   */
  private static int wordStartBefore(String s, int at) {
    int i = at;
    while (i > 0 && !isWordAt(s, i - 1)) {
      i--;
    }
    if (i > 0 && isCjkBefore(s, i)) {
      return i - Character.charCount(s.codePointBefore(i));
    }
    while (i > 0 && isWordAt(s, i - 1) && !isCjkBefore(s, i)) {
      i--;
    }
    return i;
  }

  private static boolean isCjkBefore(String s, int i) {
    return CjkText.isCjk(s.codePointBefore(i));
  }

  private static boolean isCjkAt(String s, int i) {
    return CjkText.isCjk(s.codePointAt(i));
  }

  /** How far a cut moves to reach a space: past that, a long token is cut where a word starts. */
  private static final int TO_SPACE = 32;

  /** {@code at}, or where the run of non-space characters holding it starts, if that is near. */
  private static int spaceBefore(String s, int at) {
    int i = at;
    while (i > 0 && at - i < TO_SPACE && !Character.isWhitespace(s.charAt(i - 1))) {
      i--;
    }
    return i == 0 || Character.isWhitespace(s.charAt(i - 1)) ? i : at;
  }

  /** {@code at}, or where the run of non-space characters holding it ends, if that is near. */
  private static int spaceAfter(String s, int at) {
    int i = at;
    while (i < s.length() && i - at < TO_SPACE && !Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i == s.length() || Character.isWhitespace(s.charAt(i)) ? i : at;
  }

  /** Whether {@code s} holds only white space from {@code from} to {@code to}. */
  private static boolean blankBetween(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isWhitespace(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The end of the next word from {@code at} (skipping what lies before it); a Chinese, Japanese or
   * Korean letter is a word.
   */
  private static int wordEndAfter(String s, int at) {
    int i = at;
    while (i < s.length() && !isWordAt(s, i)) {
      i++;
    }
    if (i < s.length() && isCjkAt(s, i)) {
      return i + Character.charCount(s.codePointAt(i));
    }
    while (i < s.length() && isWordAt(s, i) && !isCjkAt(s, i)) {
      i++;
    }
    return i;
  }

  /**
   * Lower case without accents, one char for one (so offsets into the result are offsets into the
   * text) but for the letters the index folds into other letters ({@link FoldedLetters}: "ß" as
   * "ss", "ø" as "o", {@link #origins} maps those back): "Café" becomes "cafe", "Grüße" "grusse",
   * "Ελληνικά" "ελληνικα", "ΟΔΟΣ" and "οδος" "οδοσ". Chinese, Japanese and Korean letters stay as
   * they are: taken apart, "が" would be "か" and the Hangul syllable "한" its first letter.
   */
  static String fold(String s) {
    char[] out = new char[s.length()];
    StringBuilder longer = null; // from the first letter folded into two
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char f;
      if (c < 128) {
        f = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
      } else if (CjkText.isCjk(c)) {
        f = c;
      } else {
        String letters = FoldedLetters.of(c);
        if (letters != null && letters.length() > 1) {
          if (longer == null) {
            longer = new StringBuilder(s.length() + 8).append(out, 0, i);
          }
          longer.append(letters);
          continue;
        }
        if (letters != null) {
          f = letters.charAt(0);
        } else {
          String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
          f = caseFold(base.isEmpty() ? c : base.charAt(0));
        }
      }
      if (longer != null) {
        longer.append(f);
      } else {
        out[i] = f;
      }
    }
    return longer != null ? longer.toString() : new String(out);
  }

  /**
   * For each char of {@link #fold}'s result, and its end, the offset in {@code s} of the char it
   * comes from.
   */
  private static int[] origins(String s) {
    int[] origin = new int[fold(s).length() + 1];
    int j = 0;
    for (int i = 0; i < s.length(); i++) {
      String letters = FoldedLetters.of(s.charAt(i));
      int n = letters != null ? letters.length() : 1;
      for (int k = 0; k < n; k++) {
        origin[j++] = i;
      }
    }
    origin[j] = s.length();
    return origin;
  }

  /**
   * {@code c} as the index's tokenizer folds its case: lower case, and the other lower-case forms
   * of a letter as the letter ("ς", the Greek final sigma, as "σ": the index has "οδός" as "οδόσ",
   * so {@code ΟΔΟΣ} and {@code οδοσ} find it; the micro sign "µ" as "μ"; "ϐ" as "β"). The dotless
   * "ı" stays itself, as it does in the index.
   */
  private static char caseFold(char c) {
    return c == '\u0131' ? c : Character.toLowerCase(Character.toUpperCase(c));
  }

  /** The endings {@link #stem} takes off (compiled once: it runs for each word compared). */
  private static final java.util.regex.Pattern ENDING =
      java.util.regex.Pattern.compile("(?:ations?|ings?|ers?|ed|es|ly|ions?|ies|s|e|y)$");

  /** A crude stem: the word without a common English ending, never shorter than 3 letters. */
  static String stem(String word) {
    String stemmed = ENDING.matcher(word).replaceFirst("").toLowerCase(Locale.ROOT);
    return stemmed.length() >= 3 ? stemmed : word;
  }
}
