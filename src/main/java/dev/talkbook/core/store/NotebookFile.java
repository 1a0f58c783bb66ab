package dev.talkbook.core.store;

import dev.talkbook.core.store.NotebookOpenException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Looks at a file's bytes before SQLite touches it, so a file that is not a notebook is refused
 * without being opened for writing. Reads only the 100-byte SQLite header and the file's size.
 */
final class NotebookFile {
  private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER_SIZE = 100;

  private NotebookFile() {}

  /** Throws {@link NotebookOpenException} unless {@code file} looks like a whole SQLite file. */
  static void checkHeader(Path file) {
    if (Files.isDirectory(file)) {
      throw new NotebookOpenException(
          file, Problem.NOT_A_FILE, "it is a folder.", "Choose a notebook file (*.talkbook).");
    }
    if (!Files.isReadable(file)) {
      throw new NotebookOpenException(
          file,
          Problem.UNREADABLE,
          "the file cannot be read (no permission).",
          "Check its permissions or choose another notebook.");
    }
    long size;
    byte[] header = new byte[HEADER_SIZE];
    int read;
    try (InputStream in = Files.newInputStream(file)) {
      size = Files.size(file);
      read = in.readNBytes(header, 0, HEADER_SIZE);
    } catch (IOException e) {
      throw new NotebookOpenException(
          file,
          Problem.UNREADABLE,
          "the file cannot be read (" + e.getMessage() + ").",
          "Check the disk and its permissions.",
          e);
    }
    if (size == 0) {
      throw new NotebookOpenException(
          file,
          Problem.EMPTY,
          "the file is empty (0 bytes), so it holds no notebook; it may have been cut off while"
              + " copying.",
          "Restore it from a backup, or choose another file; Talkbook will not overwrite it.");
    }
    int magicBytes = Math.min(read, MAGIC.length);
    if (!Arrays.equals(header, 0, magicBytes, MAGIC, 0, magicBytes)) {
      throw new NotebookOpenException(
          file,
          Problem.NOT_SQLITE,
          "this is not a Talkbook notebook (it is not a SQLite database file).",
          "Choose a notebook file (*.talkbook) or create a new notebook.");
    }
    if (read < HEADER_SIZE) {
      throw truncated(file, size, HEADER_SIZE);
    }
    int pageSize = ((header[16] & 0xff) << 8) | (header[17] & 0xff);
    if (pageSize == 1) {
      pageSize = 65536;
    }
    if (pageSize < 512 || Integer.bitCount(pageSize) != 1) {
      throw corrupt(file, "its header is damaged (page size " + pageSize + ").");
    }
    long changeCounter = readInt(header, 24);
    long pages = readInt(header, 28);
    long validFor = readInt(header, 92);
    if (pages > 0 && changeCounter == validFor) {
      long expected = pages * pageSize;
      if (size < expected) {
        throw truncated(file, size, expected);
      }
    } else if (size % pageSize != 0) {
      throw truncated(file, size, (size / pageSize + 1) * pageSize);
    }
  }

  static NotebookOpenException corrupt(Path file, String what) {
    return new NotebookOpenException(
        file,
        Problem.CORRUPT,
        what + " The notebook file is damaged.",
        "Restore it from a backup; Talkbook has left the file as it is.");
  }

  private static NotebookOpenException truncated(Path file, long size, long expected) {
    return new NotebookOpenException(
        file,
        Problem.TRUNCATED,
        "the file is cut off: it has "
            + size
            + " bytes where its header promises at least "
            + expected
            + ".",
        "It was probably copied or downloaded incompletely; restore it from a backup. Talkbook"
            + " has left the file as it is.");
  }

  private static long readInt(byte[] b, int at) {
    return ((long) (b[at] & 0xff) << 24)
        | ((b[at + 1] & 0xff) << 16)
        | ((b[at + 2] & 0xff) << 8)
        | (b[at + 3] & 0xff);
  }
}
