package dev.talkbook.core.common;

/** A number with its noun, singular for one: "1 talk", "2 talks", "0 talks". */
public final class Counts {
  private Counts() {}

  /** {@code n} and {@code one} or {@code many}: "1 entry", "3 entries". */
  public static String of(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /** {@code n} and the noun, an "s" added unless there is one: "1 file", "2 files". */
  public static String of(long n, String noun) {
    return of(n, noun, noun + "s");
  }
}
