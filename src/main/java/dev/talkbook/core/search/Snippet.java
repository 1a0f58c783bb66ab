package dev.talkbook.core.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A short passage of a found talk with the matching words marked: {@code text} is plain text and
 * {@code highlights} are the [start, end) ranges in it to emphasise.
 */
public record Snippet(String text, List<Range> highlights) {

  /** A highlighted range of the snippet's text. */
  public record Range(int start, int end) {}

  public static final char OPEN = '\u0002';
  public static final char CLOSE = '\u0003';

  /** Reads the text FTS5's {@code snippet()} returned with {@link #OPEN} and {@link #CLOSE}. */
  public static Snippet fromMarked(String marked) {
    StringBuilder text = new StringBuilder();
    List<Range> ranges = new ArrayList<>();
    int start = -1;
    String source = marked == null ? "" : marked;
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == OPEN) {
        start = text.length();
      } else if (c == CLOSE) {
        if (start >= 0) {
          ranges.add(new Range(start, text.length()));
        }
        start = -1;
      } else if (c == '\n' || c == '\r' || c == '\t') {
        if (text.length() > 0 && text.charAt(text.length() - 1) != ' ') {
          text.append(' ');
        }
      } else {
        text.append(c);
      }
    }
    return new Snippet(text.toString(), List.copyOf(ranges));
  }

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
