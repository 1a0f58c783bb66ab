package dev.talkbook.ui.talk;

import dev.talkbook.core.notebook.NotebookException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The preview's stored pictures as {@code data:} URLs, each read from the notebook and
 * base64-encoded once and then kept, by the SHA-256 of its bytes, up to {@link #MOST_CHARS} of
 * them, the least recently shown given up first. Nothing makes a kept picture stale: a hash names
 * the same bytes for good.
 *
 * <p>The renderer is given a short stand-in for each picture's URL ({@link #standIn}) and the
 * picture is filled into the rendered HTML after ({@link #filledIn}): rendered whole, a 6 MB
 * photo's 8 MB URL was escaped by commonmark and matched by the sanitizer's pattern at every render
 * of its part (170–290 ms warm, a second cold, for each keystroke near it), where a stand-in costs
 * nothing. A stand-in holds a random key made per instance, so a note that types one out is never
 * filled with a picture.
 *
 * <p>Not thread-safe: the render thread's.
 */
final class StoredPictures {
  /** The most base64 kept: 64 M characters (48 MB of pictures; 64 MB of heap, one byte each). */
  static final long MOST_CHARS = 64L * 1024 * 1024;

  /** What starts every stand-in of this instance: letters and digits only, base64's alphabet. */
  private final String key;

  private final long mostChars;
  private long keptChars;

  /** The kept pictures' base64, by hash, the least recently used first. */
  private final LinkedHashMap<String, String> kept = new LinkedHashMap<>(16, 0.75f, true);

  StoredPictures() {
    this(MOST_CHARS);
  }

  StoredPictures(long mostChars) {
    byte[] random = new byte[8];
    new SecureRandom().nextBytes(random);
    this.key = "TbPicture" + HexFormat.of().formatHex(random) + "x";
    this.mostChars = mostChars;
  }

  /**
   * What the renderer gets in place of the {@code data:} URL of the picture of type {@code
   * mediaType} stored under {@code sha256}: a URL of the same type whose data is a stand-in.
   */
  String standIn(String mediaType, String sha256) {
    return "data:" + mediaType + ";base64," + key + sha256;
  }

  /** Keeps the picture stored under {@code sha256}, read already (an SVG, read to be checked). */
  void keep(String sha256, byte[] bytes) {
    if (!kept.containsKey(sha256)) {
      put(sha256, Base64.getEncoder().encodeToString(bytes));
    }
  }

  /**
   * {@code html} with each picture's stand-in replaced by its data, kept or else read through
   * {@code bytes} (by hash) and kept; a picture no longer stored is left without data (a broken
   * picture, as a damaged file would show). {@code html} itself when it holds no stand-in.
   */
  String filledIn(String html, Function<String, byte[]> bytes) {
    int at = html.indexOf(key);
    if (at < 0) {
      return html;
    }
    StringBuilder out = null;
    int from = 0;
    while (at >= 0) {
      int end = at + key.length() + 64;
      if (end > html.length()) {
        break;
      }
      String sha256 = html.substring(at + key.length(), end);
      String data = data(sha256, bytes);
      if (out == null) {
        out = new StringBuilder(html.length() + data.length());
      }
      out.append(html, from, at).append(data);
      from = end;
      at = html.indexOf(key, end);
    }
    if (out == null) {
      return html;
    }
    return out.append(html, from, html.length()).toString();
  }

  private String data(String sha256, Function<String, byte[]> bytes) {
    String data = kept.get(sha256);
    if (data == null) {
      try {
        data = Base64.getEncoder().encodeToString(bytes.apply(sha256));
      } catch (NotebookException gone) {
        return ""; // deleted since the render found it: shown broken until the next render
      }
      put(sha256, data);
    }
    return data;
  }

  private void put(String sha256, String data) {
    if (data.length() > mostChars) {
      return; // larger than all that is kept: read again when shown again
    }
    kept.put(sha256, data);
    keptChars += data.length();
    Iterator<Map.Entry<String, String>> oldest = kept.entrySet().iterator();
    while (keptChars > mostChars && oldest.hasNext()) {
      Map.Entry<String, String> e = oldest.next();
      if (e.getKey().equals(sha256)) {
        continue;
      }
      keptChars -= e.getValue().length();
      oldest.remove();
    }
  }

  /** How many pictures are kept (for tests). */
  int keptCount() {
    return kept.size();
  }

  /** How much base64 is kept (for tests). */
  long keptChars() {
    return keptChars;
  }
}
