package dev.talkbook.core.store;

import dev.talkbook.core.store.NotebookOpenException.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a notebook to one Talkbook at a time: an OS file lock on {@code <notebook>.lock}, which
 * holds the owner's process id so the refusal can name it. The lock goes with the process, so a
 * crash never leaves a notebook locked.
 *
 * <p>The lock file is left in place on close: deleting it would let a second process lock the
 * deleted file while a third locks a new one, and no other file descriptor may be opened on it
 * while locked (closing one drops POSIX locks), so there is no safe check after the fact.
 */
final class NotebookLock implements AutoCloseable {
  /** The notebooks this process holds, by real path. */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private final Path key;
  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final boolean created;

  private NotebookLock(Path key, Path file, FileChannel channel, FileLock lock, boolean created) {
    this.key = key;
    this.file = file;
    this.channel = channel;
    this.lock = lock;
    this.created = created;
  }

  static Path lockFileOf(Path notebook) {
    return notebook.resolveSibling(notebook.getFileName() + ".lock");
  }

  static NotebookLock acquire(Path notebook) throws IOException {
    return acquire(notebook, java.time.Duration.ZERO);
  }

  /**
   * The lock, waiting up to {@code wait} while another process holds it (two commands run side by
   * side: the second waits for the first's few hundred milliseconds instead of failing).
   */
  static NotebookLock acquire(Path notebook, java.time.Duration wait) throws IOException {
    Path key = keyOf(notebook);
    // Checked before touching the lock file: opening and closing a second channel on it here
    // would drop the lock this process already holds (POSIX locks are per process).
    if (!HELD.add(key)) {
      throw locked(notebook, "it is already open in this Talkbook.");
    }
    try {
      long deadline = System.nanoTime() + wait.toNanos();
      while (true) {
        try {
          return lock(notebook, key);
        } catch (NotebookOpenException e) {
          if (e.problem() != Problem.LOCKED || System.nanoTime() - deadline >= 0) {
            throw e;
          }
          try {
            Thread.sleep(RETRY_MILLIS); // the other process gives no signal when it lets go
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw e;
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      HELD.remove(key);
      throw e;
    }
  }

  /** How often a waiting open tries the lock again. */
  private static final long RETRY_MILLIS = 25;

  private static Path keyOf(Path notebook) throws IOException {
    Path parent = notebook.toAbsolutePath().getParent();
    return parent.toRealPath().resolve(notebook.getFileName().toString());
  }

  private static NotebookLock lock(Path notebook, Path key) throws IOException {
    Path file = lockFileOf(notebook);
    FileChannel channel;
    boolean created;
    try {
      channel =
          FileChannel.open(
              file,
              StandardOpenOption.CREATE_NEW,
              StandardOpenOption.WRITE,
              StandardOpenOption.READ);
      created = true;
    } catch (java.nio.file.FileAlreadyExistsException e) {
      channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ);
      created = false;
    }
    try {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        String owner = readOwner(channel);
        throw locked(
            notebook,
            "it is open in another Talkbook"
                + (owner.isEmpty() ? "" : " (process " + owner + ")")
                + ".");
      }
      NotebookLock held = new NotebookLock(key, file, channel, lock, created);
      try {
        channel.truncate(0);
        channel.write(
            ByteBuffer.wrap(
                (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
            0);
      } catch (IOException e) {
        held.closeAndRemoveIfNew();
        throw e;
      }
      return held;
    } catch (OverlappingFileLockException e) {
      channel.close();
      throw locked(notebook, "it is already open in this Talkbook.");
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static String readOwner(FileChannel channel) {
    try {
      ByteBuffer buffer = ByteBuffer.allocate(32);
      channel.read(buffer, 0);
      String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
      return text.lines().findFirst().orElse("").strip();
    } catch (IOException e) {
      return "";
    }
  }

  private static NotebookOpenException locked(Path notebook, String what) {
    return new NotebookOpenException(
        notebook,
        Problem.LOCKED,
        what,
        "A notebook is changed by one Talkbook at a time: close it there first, or open it"
            + " read-only meanwhile (--read-only; reading commands do that by themselves).");
  }

  /**
   * Releases the lock; a lock file this lock created is removed first (while still locked), for an
   * open that failed before the notebook came to be.
   */
  void closeAndRemoveIfNew() throws IOException {
    try {
      if (created) {
        Files.deleteIfExists(file);
      }
    } finally {
      close();
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
      HELD.remove(key);
    }
  }
}
