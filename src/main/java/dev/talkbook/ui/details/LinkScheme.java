package dev.talkbook.ui.details;

import java.util.regex.Pattern;

/**
 * The sensible default for a link typed without its scheme: {@code youtu.be/abc123} or {@code
 * www.example.com/slides} is {@code https://youtu.be/abc123}. Only text that starts with a host
 * name (letters, digits and hyphens in dotted labels, ending in a top-level domain of letters, or
 * {@code localhost}), with an optional port and path, is taken for a link; anything else is left
 * for the user to fix.
 */
final class LinkScheme {
  private LinkScheme() {}

  private static final Pattern HOST_FIRST =
      Pattern.compile(
          "(?:localhost|(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z]{2,63})"
              + "(?::[0-9]{1,5})?(?:[/?#]\\S*)?");

  /** The scheme every added link gets. */
  static final String HTTPS = "https://";

  /**
   * {@code typed} with {@code https://} before it when it has no scheme and starts with a host
   * name; null when it is to be left as it is (blank, a scheme of its own, not a host).
   */
  static String withScheme(String typed) {
    String link = typed == null ? "" : typed.strip();
    if (link.isEmpty() || link.contains("://") || !HOST_FIRST.matcher(link).matches()) {
      return null;
    }
    return HTTPS + link;
  }
}
