package dev.talkbook.ui.editor;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The editor's text, kept by its changes (the area's {@code getText()} joins every paragraph: a
 * quarter of the FX thread's time while typing in a 10,000-line note). While every character is in
 * ISO-8859-1 (one byte each, as Java keeps such strings) the bytes are kept too: a change is made
 * in them, and the text after it is one copy of them. Splicing a change into the string through a
 * builder copied the whole note twice per keystroke (1.35 MB in a 10,000-line note, and twice the
 * time); a text with other characters is still spliced that way. Not thread-safe (the FX thread's).
 */
final class KeptText {
  /** The text's characters as bytes, room to spare, while all are ISO-8859-1; else null. */
  private byte[] latin1 = new byte[room(0)];

  private String text = "";

  /** Whether the text is kept as bytes too (all ISO-8859-1): for tests. */
  boolean keptAsBytes() {
    return latin1 != null;
  }

  /** The text as of the last change. */
  String text() {
    return text;
  }

  /** Keeps {@code text} from now on (read in full: a change that did not fit, a load). */
  void reset(String text) {
    this.text = text;
    latin1 = isLatin1(text) ? withRoom(text.getBytes(StandardCharsets.ISO_8859_1)) : null;
  }

  /**
   * The text after {@code removed} at {@code position} became {@code inserted}, kept from now on;
   * or null, with the text kept as it was, when the change does not fit it (not what is there).
   */
  String splice(int position, String removed, String inserted) {
    int length = text.length();
    int end = position + removed.length();
    if (position < 0
        || end > length
        || !text.regionMatches(position, removed, 0, removed.length())) {
      return null;
    }
    int next = length - removed.length() + inserted.length();
    if (latin1 != null && isLatin1(inserted)) {
      if (next > latin1.length) {
        latin1 = Arrays.copyOf(latin1, room(next));
      }
      System.arraycopy(latin1, end, latin1, position + inserted.length(), length - end);
      for (int i = 0; i < inserted.length(); i++) {
        latin1[position + i] = (byte) inserted.charAt(i);
      }
      text = new String(latin1, 0, next, StandardCharsets.ISO_8859_1);
    } else if (position == 0 && end == length) {
      reset(inserted); // all of it replaced (a load): perhaps all ISO-8859-1 again
    } else {
      latin1 = null; // kept as characters from now on (until all of it is replaced)
      text =
          new StringBuilder(next)
              .append(text, 0, position)
              .append(inserted)
              .append(text, end, length)
              .toString();
    }
    return text;
  }

  private static boolean isLatin1(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0xFF) {
        return false;
      }
    }
    return true;
  }

  private static byte[] withRoom(byte[] bytes) {
    return Arrays.copyOf(bytes, room(bytes.length));
  }

  /** Room for {@code n} characters and some typing more. */
  private static int room(int n) {
    return n + Math.min(n / 8, 1 << 20) + 64;
  }
}
