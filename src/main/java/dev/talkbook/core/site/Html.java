package dev.talkbook.core.site;

/**
 * Escaping for HTML text and attribute values, JSON strings and XML (site and live share). Pure.
 */
public final class Html {
  private Html() {}

  /**
   * Text or a double-quoted attribute value: {@code & < > " '} escaped; NUL, U+FFFE and U+FFFF (no
   * XML characters) as U+FFFD, other C0 controls but tab and line breaks as spaces.
   */
  public static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String r =
          switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            // NUL, and the noncharacters XML 1.0 forbids (one in notes made the feed unreadable)
            case '\0', '\uFFFE', '\uFFFF' -> "\uFFFD";
            default -> null;
          };
      if (r != null || (c < 0x20 && c != '\n' && c != '\t' && c != '\r')) {
        if (b == null) {
          b = new StringBuilder(s.length() + 16).append(s, 0, i);
        }
        b.append(r != null ? r : " ");
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? s : b.toString();
  }

  /**
   * Names (a talk's speakers) as HTML text, each isolated in a {@code <bdi>}, joined by ", ". In a
   * line "speakers · time · room", a name in Arabic letters turned the digits after it into Arabic
   * numbers for the Unicode bidi algorithm, and "محمد علي · 11:00–11:45" read "11:45–11:00 · محمد
   * علي"; isolated, each name is laid out in its own direction and the rest of the line in order.
   */
  public static String names(java.util.List<String> names) {
    StringBuilder b = new StringBuilder();
    for (String name : names) {
      b.append(b.isEmpty() ? "" : ", ").append("<bdi>").append(esc(name)).append("</bdi>");
    }
    return b.toString();
  }

  /**
   * A talk's slides and video links as the site's and the live page's {@code ul.talk-links}, or
   * nothing when it has neither.
   */
  public static void talkLinks(StringBuilder b, String slidesUrl, String videoUrl) {
    if (slidesUrl == null && videoUrl == null) {
      return;
    }
    b.append("<ul class=\"talk-links\">");
    if (slidesUrl != null) {
      b.append("<li><a href=\"").append(esc(slidesUrl)).append("\">Slides</a></li>");
    }
    if (videoUrl != null) {
      b.append("<li><a href=\"").append(esc(videoUrl)).append("\">Video</a></li>");
    }
    b.append("</ul>\n");
  }

  /**
   * A site path as a URL path: each byte of UTF-8 outside ASCII letters, digits and {@code - . _ ~
   * /} percent-encoded ({@code 日本語.html} → {@code %E6%97%A5%E6%9C%AC%E8%AA%9E.html}); an ASCII
   * slug's path as it is. For every link to a page, in the pages, the feed and the search index.
   */
  public static String urlPath(String path) {
    int i = 0;
    while (i < path.length() && plainInUrl(path.charAt(i))) {
      i++;
    }
    if (i == path.length()) {
      return path;
    }
    StringBuilder b = new StringBuilder(path.length() * 3).append(path, 0, i);
    for (byte x : path.substring(i).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      char c = (char) (x & 0xff);
      if (c < 0x80 && plainInUrl(c)) {
        b.append(c);
      } else {
        b.append('%').append(HEX[(x >> 4) & 0xf]).append(HEX[x & 0xf]);
      }
    }
    return b.toString();
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private static boolean plainInUrl(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~'
        || c == '/';
  }

  /** A JSON string literal, safe inside a {@code <script>} file too ({@code <} escaped). */
  public static String json(String s) {
    int clean = 0;
    while (clean < s.length() && !needsEscape(s.charAt(clean))) {
      clean++;
    }
    if (clean == s.length()) {
      return "\"" + s + "\""; // the common case (a talk's search words): copied once
    }
    StringBuilder b = new StringBuilder(s.length() + 16).append('"').append(s, 0, clean);
    for (int i = clean; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '<' -> b.append("\\u003c");
        case '\u2028' -> b.append("\\u2028");
        case '\u2029' -> b.append("\\u2029");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** Whether {@link #json} writes this character other than as itself. */
  private static boolean needsEscape(char c) {
    return c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '\u2028' || c == '\u2029';
  }
}
