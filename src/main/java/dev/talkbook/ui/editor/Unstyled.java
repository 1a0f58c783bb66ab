package dev.talkbook.ui.editor;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of the notes whose new styles the area does not show yet: a long note's highlighting is
 * put on the area a piece at a time, so that no piece holds the FX thread long (setting the styles
 * of a 1.6 MB note at once took a quarter of a second, up to 1.5 s on a loaded machine). Offsets
 * are in the text as it is now: an edit moves them ({@link #edited}). Pure, no JavaFX.
 */
final class Unstyled {
  /** Disjoint, sorted, none empty: {@code [from, to)} each. */
  private final List<int[]> ranges = new ArrayList<>();

  /** Whether every part is styled. */
  boolean isEmpty() {
    return ranges.isEmpty();
  }

  /** How many characters are still to be styled. */
  long length() {
    long sum = 0;
    for (int[] r : ranges) {
      sum += r[1] - r[0];
    }
    return sum;
  }

  void clear() {
    ranges.clear();
  }

  /** {@code [from, to)} is to be styled (merged with the parts it meets). */
  void add(int from, int to) {
    if (from >= to) {
      return;
    }
    int a = from;
    int b = to;
    List<int[]> kept = new ArrayList<>(ranges.size() + 1);
    for (int[] r : ranges) {
      if (r[1] < a || r[0] > b) {
        kept.add(r);
      } else {
        a = Math.min(a, r[0]);
        b = Math.max(b, r[1]);
      }
    }
    int at = 0;
    while (at < kept.size() && kept.get(at)[0] < a) {
      at++;
    }
    kept.add(at, new int[] {a, b});
    ranges.clear();
    ranges.addAll(kept);
  }

  /**
   * {@code removed} characters at {@code position} became {@code inserted}: the parts move with the
   * text after them, and a part the edit falls in keeps the edit's new characters.
   */
  void edited(int position, int removed, int inserted) {
    List<int[]> kept = new ArrayList<>(ranges.size());
    for (int[] r : ranges) {
      int from = shift(r[0], position, removed, inserted, false);
      int to = shift(r[1], position, removed, inserted, true);
      if (from < to) {
        kept.add(new int[] {from, to});
      }
    }
    ranges.clear();
    for (int[] r : kept) {
      add(r[0], r[1]);
    }
  }

  /**
   * Where offset {@code x} is after the edit; one inside the removed characters goes to the start
   * of the inserted ones ({@code end} false) or to their end (true).
   */
  private static int shift(int x, int position, int removed, int inserted, boolean end) {
    if (x <= position) {
      return x;
    }
    if (x >= position + removed) {
      return x + inserted - removed;
    }
    return end ? position + inserted : position;
  }

  /**
   * Takes the next part to style, at most {@code max} characters: from {@code near} (the first
   * character in view) on down, then, once everything below is styled, upwards from {@code near};
   * null when every part is styled.
   */
  int[] take(int near, int max) {
    if (ranges.isEmpty()) {
      return null;
    }
    for (int i = 0; i < ranges.size(); i++) {
      int[] r = ranges.get(i);
      if (r[1] > near) {
        int from = Math.max(r[0], near);
        return cut(i, from, Math.min(r[1], from + max));
      }
    }
    int last = ranges.size() - 1;
    int[] r = ranges.get(last);
    return cut(last, Math.max(r[0], r[1] - max), r[1]);
  }

  /** Removes {@code [from, to)}, which lies in range {@code i}, and returns it. */
  private int[] cut(int i, int from, int to) {
    int[] r = ranges.remove(i);
    if (to < r[1]) {
      ranges.add(i, new int[] {to, r[1]});
    }
    if (r[0] < from) {
      ranges.add(i, new int[] {r[0], from});
    }
    return new int[] {from, to};
  }

  /** The parts, for tests: "[a, b) [c, d)". */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (int[] r : ranges) {
      out.append(out.isEmpty() ? "" : " ")
          .append('[')
          .append(r[0])
          .append(", ")
          .append(r[1])
          .append(')');
    }
    return out.toString();
  }
}
