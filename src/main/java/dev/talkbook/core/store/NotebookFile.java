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

  /** What the header says, for deciding what to do before SQLite opens the file. */
  record Header(long applicationId, boolean walMode) {
    boolean isTalkbooks() {
      return applicationId == Migrations.APPLICATION_ID;
    }
  }

  /**
   * The files SQLite keeps beside a database while it writes: a rollback journal ({@code -journal})
   * or a write-ahead log ({@code -wal}). One that is not empty means a write was under way: another
   * program has the file open, or one was killed (a crash, a full disk) before it finished. Then
   * the file alone is not the whole story, SQLite must first roll the journal back or replay the
   * log, and the file's size says nothing yet.
   */
  static boolean hasPendingWrites(Path file) {
    return notEmpty(sibling(file, "-journal")) || notEmpty(sibling(file, "-wal"));
  }

  /**
   * Whether a file SQLite keeps beside a database ({@code -journal}, {@code -wal}, {@code -shm}) is
   * there at all, even empty.
   */
  static boolean anythingBeside(Path file) {
    for (String suffix : new String[] {"-journal", "-wal", "-shm"}) {
      if (Files.exists(sibling(file, suffix), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        return true;
      }
    }
    return false;
  }

  static Path sibling(Path file, String suffix) {
    return file.resolveSibling(file.getFileName() + suffix);
  }

  static boolean notEmpty(Path file) {
    try {
      return Files.isRegularFile(file) && Files.size(file) > 0;
    } catch (IOException e) {
      return true; // there, but unreadable: let SQLite decide
    }
  }

  /**
   * Throws {@link NotebookOpenException} unless {@code file} looks like a whole SQLite file: its
   * header, and (unless SQLite has writes to finish beside it, see {@link #hasPendingWrites}) its
   * size.
   */
  static Header checkHeader(Path file) {
    return checkHeader(file, !hasPendingWrites(file));
  }

  /**
   * Like {@link #checkHeader(Path)}; {@code checkSize} false skips the comparison of the file's
   * size with the page count in its header, which is only meaningful once nothing is pending.
   */
  static Header checkHeader(Path file, boolean checkSize) {
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
      if (NotebookSalvage.isDamagedNotebook(file)) {
        throw damagedStart(file);
      }
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
      if (NotebookSalvage.isDamagedNotebook(file)) {
        throw damagedStart(file);
      }
      throw corrupt(file, "its header is damaged (page size " + pageSize + ").");
    }
    long changeCounter = readInt(header, 24);
    long pages = readInt(header, 28);
    long validFor = readInt(header, 92);
    // Bytes 18 and 19 (write and read format) are 2 in write-ahead-log mode, 1 in rollback mode.
    Header result = new Header(readInt(header, 68), header[18] == 2 || header[19] == 2);
    if (!checkSize) {
      return result;
    }
    if (pages > 0 && changeCounter == validFor) {
      long expected = pages * pageSize;
      if (size < expected) {
        throw truncated(file, size, expected);
      }
    } else if (size % pageSize != 0) {
      throw truncated(file, size, (size / pageSize + 1) * pageSize);
    }
    return result;
  }

  static NotebookOpenException corrupt(Path file, String what) {
    return new NotebookOpenException(
        file,
        Problem.CORRUPT,
        what + " The notebook file is damaged.",
        "Restore it from a backup; Talkbook has left the file as it is.");
  }

  /**
   * A Talkbook notebook whose first bytes are damaged: SQLite cannot read it, but its talks are
   * still in it, and {@link NotebookSalvage} can save them into a new notebook.
   */
  static NotebookOpenException damagedStart(Path file) {
    Path backup = file.resolveSibling(Notebook.backupName(file));
    String backups =
        Files.isRegularFile(backup)
            ? " or restore it from its backup " + backup + "."
            : " or restore it from a backup if you made one (talkbook backup).";
    return new NotebookOpenException(
        file,
        Problem.DAMAGED_START,
        "this notebook is damaged at its start (its first bytes were overwritten), so SQLite"
            + " cannot read it; its talks and notes are still in the file.",
        "talkbook check --repair (in the window: Save notes) can try to save its notes into a"
            + " new notebook beside it, leaving this file as it is;"
            + backups);
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
