package dev.talkbook.core.store;

import dev.talkbook.core.notebook.NotebookException;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * One text as a delta against another, by whole lines: a list of "copy lines {@code start} to
 * {@code start + count} of the base" and "insert this text". Made in linear time whatever the two
 * texts are (each line of the new text is looked up in a hash of the base's lines; a match is
 * followed as far as it goes), so a revision of a 20 MB note never stalls a save, and the delta is
 * about the size of what changed. A checksum of the text it makes is kept, so a damaged delta or
 * the wrong base is found, never silently read. ADR 0012.
 */
final class LineDelta {
  private static final byte FORMAT = 1;
  private static final byte COPY = 'C';
  private static final byte INSERT = 'I';

  /** At most this many places of one line in the base are tried (blank lines are everywhere). */
  private static final int CANDIDATES = 16;

  private LineDelta() {}

  /** The delta that makes {@code target} from {@code base}. */
  static byte[] encode(String base, String target) {
    List<String> from = lines(base);
    List<String> to = lines(target);
    Map<String, int[]> where = new HashMap<>();
    for (int i = 0; i < from.size(); i++) {
      int[] at = where.get(from.get(i));
      if (at == null) {
        where.put(from.get(i), new int[] {1, i});
      } else if (at[0] < CANDIDATES) {
        at = java.util.Arrays.copyOf(at, at[0] + 2);
        at[at[0] + 1] = i;
        at[0]++;
        where.put(from.get(i), at);
      }
    }
    Output out = new Output();
    out.bytes.write(FORMAT);
    out.varint(crc(target));
    StringBuilder inserted = new StringBuilder();
    int next = -1; // the base line after the last copy: the likeliest continuation
    int j = 0;
    while (j < to.size()) {
      int best = -1;
      int bestLength = 0;
      if (next >= 0 && next < from.size() && from.get(next).equals(to.get(j))) {
        best = next;
        bestLength = matchLength(from, next, to, j);
      }
      int[] at = where.get(to.get(j));
      if (at != null) {
        for (int k = 1; k <= at[0]; k++) {
          int length = matchLength(from, at[k], to, j);
          if (length > bestLength) {
            best = at[k];
            bestLength = length;
          }
        }
      }
      // A lone short line (a blank, a "}") is cheaper inserted than copied.
      if (bestLength > 1 || (bestLength == 1 && to.get(j).length() >= 8)) {
        out.insert(inserted);
        out.bytes.write(COPY);
        out.varint(best);
        out.varint(bestLength);
        j += bestLength;
        next = best + bestLength;
      } else {
        inserted.append(to.get(j));
        j++;
      }
    }
    out.insert(inserted);
    return out.bytes.toByteArray();
  }

  /** The text {@code delta} makes from {@code base}. */
  static String apply(String base, byte[] delta) {
    List<String> from = lines(base);
    StringBuilder text = new StringBuilder();
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(delta))) {
      if (in.readByte() != FORMAT) {
        throw new IOException("unknown delta format");
      }
      long crc = varint(in);
      int op;
      while ((op = in.read()) >= 0) {
        if (op == COPY) {
          int start = (int) varint(in);
          int count = (int) varint(in);
          if (start < 0 || count < 0 || start + count > from.size()) {
            throw new IOException("copy beyond the base");
          }
          for (int i = start; i < start + count; i++) {
            text.append(from.get(i));
          }
        } else if (op == INSERT) {
          byte[] bytes = new byte[(int) varint(in)];
          in.readFully(bytes);
          text.append(new String(bytes, StandardCharsets.UTF_8));
        } else {
          throw new IOException("unknown operation " + op);
        }
      }
      String result = text.toString();
      if (crc(result) != crc) {
        throw new IOException("checksum mismatch");
      }
      return result;
    } catch (IOException | RuntimeException e) {
      throw new NotebookException(
          "A kept revision cannot be read back (its stored change is damaged: "
              + e.getMessage()
              + "). The notes themselves are not affected.",
          e);
    }
  }

  /** The text's lines, each with its line feed (the last one may have none). */
  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl + 1;
      lines.add(text.substring(start, end));
      start = end;
    }
    return lines;
  }

  private static int matchLength(List<String> from, int i, List<String> to, int j) {
    int n = 0;
    while (i + n < from.size() && j + n < to.size() && from.get(i + n).equals(to.get(j + n))) {
      n++;
    }
    return n;
  }

  private static long crc(String text) {
    CRC32 crc = new CRC32();
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    return crc.getValue();
  }

  private static long varint(DataInputStream in) throws IOException {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = in.readUnsignedByte();
      value |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new IOException("bad number");
  }

  private static final class Output {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    void varint(long value) {
      long v = value;
      while ((v & ~0x7fL) != 0) {
        bytes.write((int) ((v & 0x7f) | 0x80));
        v >>>= 7;
      }
      bytes.write((int) v);
    }

    void insert(StringBuilder text) {
      if (text.length() == 0) {
        return;
      }
      byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);
      bytes.write(INSERT);
      varint(utf8.length);
      bytes.write(utf8, 0, utf8.length);
      text.setLength(0);
    }
  }
}
