package dev.talkbook.core.site;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text from Markdown notes without rendering them: for the search index (each distinct word
 * once, so the index stays small) and the feed's summaries. Pure.
 */
final class SearchText {
  /** The most characters of a talk's words the search index carries. */
  static final int MAX_CHARS = 3000;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_'’-]*");
  private static final Pattern URL =
      Pattern.compile("\\(?(?:https?|attachment|mailto):[^\\s)]*\\)?");
  private static final Pattern MARKUP =
      Pattern.compile("[#*_`>|~\\[\\]]+|^\\s*[-+]\\s+", Pattern.MULTILINE);

  private SearchText() {}

  /** The notes' distinct words (first spelling kept, in order), at most {@code max} characters. */
  static String words(String markdown, int max) {
    Set<String> seen = new LinkedHashSet<>();
    StringBuilder b = new StringBuilder();
    Matcher m = WORD.matcher(URL.matcher(markdown).replaceAll(" "));
    while (m.find() && b.length() < max) {
      String w = m.group();
      if (w.length() > 1 && seen.add(w.toLowerCase(Locale.ROOT))) {
        if (b.length() > 0) {
          b.append(' ');
        }
        b.append(w);
      }
    }
    return b.toString();
  }

  /** The start of the notes as plain text, cut at a word, at most {@code max} characters. */
  static String summary(String markdown, int max) {
    String text = MARKUP.matcher(URL.matcher(markdown).replaceAll("")).replaceAll(" ");
    text = text.replaceAll("\\s+", " ").strip();
    if (text.length() <= max) {
      return text;
    }
    int cut = text.lastIndexOf(' ', max);
    return text.substring(0, cut > max / 2 ? cut : max) + "…";
  }
}
