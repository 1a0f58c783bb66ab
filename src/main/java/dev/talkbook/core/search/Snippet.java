package dev.talkbook.core.search;

import java.util.List;

/**
 * A short passage of a found talk with the matching words marked: {@code text} is plain text and
 * {@code highlights} are the [start, end) ranges in it to emphasise.
 */
public record Snippet(String text, List<Range> highlights) {

  /** A highlighted range of the snippet's text. */
  public record Range(int start, int end) {}

  /** The snippet with each highlight wrapped in {@code before} and {@code after}. */
  public String marked(String before, String after) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (Range r : highlights) {
      out.append(text, at, r.start()).append(before).append(text, r.start(), r.end()).append(after);
      at = r.end();
    }
    return out.append(text.substring(at)).toString();
  }
}
