package dev.talkbook.core.common;

import java.util.List;

/** Items said as a sentence says them: "A", "A and B", "A, B and C". */
public final class ListPhrase {
  private ListPhrase() {}

  /**
   * The items joined by commas, the last by " and " (no comma before it): "Time and Video",
   * "Berlin, Paris and Rome"; "" for none.
   */
  public static String of(List<String> items) {
    int n = items.size();
    if (n <= 1) {
      return n == 0 ? "" : items.get(0);
    }
    return String.join(", ", items.subList(0, n - 1)) + " and " + items.get(n - 1);
  }
}
