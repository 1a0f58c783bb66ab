package dev.talkbook.core.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pages a notebook's write-ahead log ({@code NAME.talkbook-wal}) holds for it, read as SQLite
 * itself reads the log when it starts after a crash
 * (https://www.sqlite.org/fileformat2.html#walformat): a 32-byte header (magic, format, page size,
 * checkpoint sequence, two salts, a checksum of the header) and frames of a 24-byte header (page
 * number, the database's size in pages after a commit or 0, the two salts, a cumulative checksum)
 * and a page. Only the frames up to the last commit frame whose salts are the header's and whose
 * checksums all hold count; a later frame is an unfinished transaction or a frame left from before
 * the log was started again. The newest of the frames that count is each page's newest version. The
 * log is only read.
 *
 * @param pages the newest committed version of each page, by page number; empty if none
 * @param databasePages the database's size in pages after the last commit; 0 if no commit counts
 * @param unreadFrames frames of a log whose header is damaged (none of them can be trusted); 0 when
 *     the header is sound, whatever frames after the last commit are left out
 */
record WalPages(Map<Long, byte[]> pages, long databasePages, long unreadFrames) {
  private static final int HEADER = 32;
  private static final int FRAME_HEADER = 24;
  private static final int MAGIC = 0x377f0682;
  private static final int FORMAT = 3007000;

  static final WalPages NONE = new WalPages(Map.of(), 0, 0);

  /** The write-ahead log beside {@code notebook}. */
  static Path of(Path notebook) {
    return notebook.resolveSibling(notebook.getFileName() + "-wal");
  }

  /**
   * Reads the write-ahead log beside {@code notebook}, whose pages are (most likely) {@code
   * pageSize} bytes: it is used to count the frames of a log whose header is damaged.
   */
  static WalPages read(Path notebook, int pageSize) throws IOException {
    Path wal = of(notebook);
    if (!Files.isRegularFile(wal, LinkOption.NOFOLLOW_LINKS)) {
      return NONE;
    }
    try (FileChannel channel = FileChannel.open(wal, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size < HEADER) {
        return NONE; // an empty log (made at open, never written) holds nothing
      }
      ByteBuffer header = ByteBuffer.allocate(HEADER);
      readFully(channel, header, 0);
      byte[] h = header.array();
      int magic = (int) getInt(h, 0);
      boolean bigEndian = magic == (MAGIC | 1);
      long walPageSize = getInt(h, 8);
      int[] sum = checksum(h, 0, 24, new int[2], bigEndian);
      boolean sound =
          (magic == MAGIC || magic == (MAGIC | 1))
              && getInt(h, 4) == FORMAT
              && walPageSize >= 512
              && walPageSize <= 65536
              && Long.bitCount(walPageSize) == 1
              && sum[0] == (int) getInt(h, 24)
              && sum[1] == (int) getInt(h, 28);
      if (!sound) {
        long frames = (size - HEADER) / (FRAME_HEADER + pageSize);
        return new WalPages(Map.of(), 0, frames);
      }
      int page = (int) walPageSize;
      long salt1 = getInt(h, 16);
      long salt2 = getInt(h, 20);
      Map<Long, byte[]> committed = new TreeMap<>();
      Map<Long, byte[]> pending = new TreeMap<>();
      long databasePages = 0;
      ByteBuffer frame = ByteBuffer.allocate(FRAME_HEADER + page);
      for (long at = HEADER; at + FRAME_HEADER + page <= size; at += FRAME_HEADER + page) {
        frame.clear();
        readFully(channel, frame, at);
        byte[] f = frame.array();
        long number = getInt(f, 0);
        long commitSize = getInt(f, 4);
        if (getInt(f, 8) != salt1 || getInt(f, 12) != salt2 || number == 0) {
          break;
        }
        int[] next = checksum(f, 0, 8, sum.clone(), bigEndian);
        next = checksum(f, FRAME_HEADER, page, next, bigEndian);
        if (next[0] != (int) getInt(f, 16) || next[1] != (int) getInt(f, 20)) {
          break;
        }
        sum = next;
        byte[] content = new byte[page];
        System.arraycopy(f, FRAME_HEADER, content, 0, page);
        pending.put(number, content);
        if (commitSize != 0) {
          committed.putAll(pending);
          pending.clear();
          databasePages = commitSize;
        }
      }
      return new WalPages(Map.copyOf(committed), databasePages, 0);
    }
  }

  /** SQLite's checksum of the log: over 32-bit words, in the byte order the magic says. */
  private static int[] checksum(byte[] b, int from, int length, int[] s, boolean bigEndian) {
    int s0 = s[0];
    int s1 = s[1];
    for (int i = from; i < from + length; i += 8) {
      s0 += word(b, i, bigEndian) + s1;
      s1 += word(b, i + 4, bigEndian) + s0;
    }
    return new int[] {s0, s1};
  }

  private static int word(byte[] b, int at, boolean bigEndian) {
    return bigEndian
        ? ((b[at] & 0xff) << 24)
            | ((b[at + 1] & 0xff) << 16)
            | ((b[at + 2] & 0xff) << 8)
            | (b[at + 3] & 0xff)
        : ((b[at + 3] & 0xff) << 24)
            | ((b[at + 2] & 0xff) << 16)
            | ((b[at + 1] & 0xff) << 8)
            | (b[at] & 0xff);
  }

  private static void readFully(FileChannel channel, ByteBuffer buffer, long at)
      throws IOException {
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, at + buffer.position()) < 0) {
        throw new IOException("the write-ahead log ended part way through a frame");
      }
    }
  }

  private static long getInt(byte[] b, int at) {
    return ((long) (b[at] & 0xff) << 24)
        | ((b[at + 1] & 0xff) << 16)
        | ((b[at + 2] & 0xff) << 8)
        | (b[at + 3] & 0xff);
  }
}
