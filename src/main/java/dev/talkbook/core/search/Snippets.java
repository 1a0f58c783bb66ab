package dev.talkbook.core.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the passage shown with a search hit: the window of about {@link #WORDS} words of a text
 * where the query's words are densest, with those words marked. Pure, and much cheaper than FTS5's
 * {@code snippet()}, which tokenises every hit's whole notes again.
 *
 * <p>Matching follows the index closely enough for display: case and accents are ignored, a prefix
 * term matches words that start with it, and a plain term also matches the word's other endings
 * (the index stems with Porter's algorithm: "optimize" finds "optimizing").
 */
public final class Snippets {
  static final int WORDS = 16;
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");
  private static final Pattern SUFFIX =
      Pattern.compile("(?:ations?|ation|ings?|ers?|ed|es|ly|ions?|ies|s|e|y)$");

  private Snippets() {}

  /** The best passage of {@code text} for {@code query}, or empty text when nothing matches. */
  public static Snippet of(String text, SearchQuery query) {
    List<String> stems = new ArrayList<>();
    for (SearchQuery.Term term : query.terms()) {
      if (term.excluded()) {
        continue;
      }
      Matcher m = WORD.matcher(fold(term.text()));
      while (m.find()) {
        stems.add(term.prefix() ? m.group() : stem(m.group()));
      }
    }
    List<int[]> words = new ArrayList<>();
    List<Boolean> hits = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      words.add(new int[] {m.start(), m.end()});
      String word = fold(m.group());
      hits.add(stems.stream().anyMatch(s -> !s.isEmpty() && word.startsWith(s)));
    }
    if (words.isEmpty() || !hits.contains(true)) {
      return new Snippet("", List.of());
    }
    // The run of WORDS words holding the most matches (the earliest of equals) ...
    int bestEnd = 0;
    int bestCount = 0;
    int count = 0;
    for (int i = 0; i < words.size(); i++) {
      count += hits.get(i) ? 1 : 0;
      if (i >= WORDS) {
        count -= hits.get(i - WORDS) ? 1 : 0;
      }
      if (count > bestCount) {
        bestCount = count;
        bestEnd = i;
      }
    }
    // ... shown from a little before its first match, so the match has some context.
    int firstHit = Math.max(0, bestEnd - WORDS + 1);
    while (!hits.get(firstHit)) {
      firstHit++;
    }
    int from = Math.max(0, firstHit - 3);
    int to = Math.min(words.size(), from + WORDS) - 1;
    int startChar = from == 0 ? 0 : words.get(from)[0];
    int endChar = to == words.size() - 1 ? text.stripTrailing().length() : words.get(to)[1];
    StringBuilder out = new StringBuilder();
    List<Snippet.Range> ranges = new ArrayList<>();
    if (from > 0) {
      out.append('…');
    }
    int offset = out.length() - startChar;
    out.append(text, startChar, endChar);
    if (to < words.size() - 1) {
      out.append('…');
    }
    for (int i = from; i <= to; i++) {
      if (hits.get(i)) {
        ranges.add(new Snippet.Range(words.get(i)[0] + offset, words.get(i)[1] + offset));
      }
    }
    return flatten(out.toString(), ranges);
  }

  /** Lines become spaces (ranges keep their places: one character for one). */
  private static Snippet flatten(String text, List<Snippet.Range> ranges) {
    return new Snippet(
        text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' '), List.copyOf(ranges));
  }

  static String fold(String s) {
    String decomposed = Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
    return decomposed.replaceAll("\\p{M}+", "");
  }

  /** A crude stem: the word without a common English ending, never shorter than 3 letters. */
  static String stem(String word) {
    String stemmed = SUFFIX.matcher(word).replaceFirst("");
    return stemmed.length() >= 3 ? stemmed : word;
  }
}
