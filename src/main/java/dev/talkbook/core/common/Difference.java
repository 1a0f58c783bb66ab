package dev.talkbook.core.common;

/**
 * Where two texts differ, as one change: the same up to {@code from}, the same from {@code
 * beforeTo} to the end of the text before and from {@code nowTo} to the end of the text now (the
 * longest common start, then the longest common end of what is left). Equal texts: an empty change
 * at their end.
 */
public record Difference(int from, int beforeTo, int nowTo) {

  /** The one change that turns {@code before} into {@code now}. */
  public static Difference of(CharSequence before, CharSequence now) {
    int most = Math.min(before.length(), now.length());
    int prefix = 0;
    while (prefix < most && before.charAt(prefix) == now.charAt(prefix)) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < most - prefix
        && before.charAt(before.length() - 1 - suffix) == now.charAt(now.length() - 1 - suffix)) {
      suffix++;
    }
    return new Difference(prefix, before.length() - suffix, now.length() - suffix);
  }

  /** What the text now has in place of {@code before}'s {@code from..beforeTo}. */
  public String inserted(String now) {
    return now.substring(from, nowTo);
  }
}
