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
 * Keeps a notebook to one Talkbook at a time: an OS file lock on {@code <notebook>.lock} (one byte,
 * {@link #LOCKED_BYTE}, past the text), which holds the owner's process id so the refusal can name
 * it. The lock goes with the process, so a crash never leaves a notebook locked.
 *
 * <p>The lock file is left in place on close: deleting it would let a second process lock the
 * deleted file while a third locks a new one, and no other file descriptor may be opened on it
 * while locked (closing one drops POSIX locks), so there is no safe check after the fact.
 *
 * <p>A Talkbook that is closing the notebook says so in the file ({@link #markClosing}: "{@code
 * <pid> closing}"): its close folds the log, seconds while another program reads the notebook, and
 * a user who quit and started again at once met the lock still held. An open that finds the lock
 * held by a closing Talkbook waits for it, up to {@link #CLOSING_WAIT}, whatever wait it asked for.
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
    return acquire(notebook, wait, CLOSING_WAIT, () -> {});
  }

  /**
   * The same; while the holder is closing the notebook, the wait lasts up to {@code closingWait}
   * from the start (at least), and {@code waitingForClose} is told once, on this thread.
   */
  static NotebookLock acquire(
      Path notebook,
      java.time.Duration wait,
      java.time.Duration closingWait,
      Runnable waitingForClose)
      throws IOException {
    Path key = keyOf(notebook);
    // Checked before touching the lock file: opening and closing a second channel on it here
    // would drop the lock this process already holds (POSIX locks are per process).
    if (!HELD.add(key)) {
      throw locked(notebook, "it is already open in this Talkbook.");
    }
    try {
      long start = System.nanoTime();
      long deadline = start + wait.toNanos();
      long closingDeadline = start + Math.max(wait.toNanos(), closingWait.toNanos());
      boolean told = false;
      while (true) {
        HeldElsewhere held;
        try {
          return lock(notebook, key);
        } catch (HeldElsewhere e) {
          held = e;
        }
        if (held.closing && !told) {
          told = true;
          waitingForClose.run();
        }
        long now = System.nanoTime();
        if (now - (held.closing ? closingDeadline : deadline) >= 0) {
          throw locked(
              notebook,
              held.closing
                  ? "another Talkbook"
                      + held.process()
                      + " is closing it and has not let go of it in "
                      + (wait.compareTo(closingWait) > 0 ? wait : closingWait).toSeconds()
                      + " s."
                  : "it is open in another Talkbook" + held.process() + ".");
        }
        try {
          Thread.sleep(RETRY_MILLIS); // the other process gives no signal when it lets go
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw locked(notebook, "it is open in another Talkbook" + held.process() + ".");
        }
      }
    } catch (IOException | RuntimeException e) {
      HELD.remove(key);
      throw e;
    }
  }

  /**
   * The one byte locked, far past the owner's text: on Windows a lock denies other processes reads
   * of its bytes, and a lock over the whole file hid the pid and "closing" from a second Talkbook,
   * which then never waited for a close. An older Talkbook's lock over the whole file overlaps it,
   * so the two still keep each other out.
   */
  static final long LOCKED_BYTE = 1L << 20;

  /** How often a waiting open tries the lock again. */
  private static final long RETRY_MILLIS = 25;

  /**
   * How long an open waits for a Talkbook that is closing the notebook: its close folds the log
   * into the file, about 100 ms, but up to the store's busy timeout (5 s) and a few tries of its
   * mode switch while another program reads the notebook (10 s seen, the reader holding on).
   */
  static final java.time.Duration CLOSING_WAIT = java.time.Duration.ofSeconds(15);

  /** The lock file's word after the process id while its holder closes the notebook. */
  private static final String CLOSING = "closing";

  /** The lock is held by another process: its id as the file says it, and whether it closes. */
  private static final class HeldElsewhere extends IOException {
    private static final long serialVersionUID = 1L;
    final String owner;
    final boolean closing;

    HeldElsewhere(String owner, boolean closing) {
      super("held by another process");
      this.owner = owner;
      this.closing = closing;
    }

    String process() {
      return owner.isEmpty() ? "" : " (process " + owner + ")";
    }
  }

  private static Path keyOf(Path notebook) throws IOException {
    Path parent = notebook.toAbsolutePath().getParent();
    return parent.toRealPath().resolve(notebook.getFileName().toString());
  }

  /** The lock, or {@link HeldElsewhere} when another process holds it. */
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
      FileLock lock = channel.tryLock(LOCKED_BYTE, 1, false);
      if (lock == null) {
        String[] owner = readOwner(channel).split(" ", 2);
        throw new HeldElsewhere(owner[0], owner.length > 1 && owner[1].equals(CLOSING));
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

  /**
   * Says in the lock file that this Talkbook is closing the notebook, so that one started meanwhile
   * waits for it rather than being refused. Written over the process id, which it begins with and
   * is longer than, in one write: a reader sees one or the other.
   */
  void markClosing() throws IOException {
    channel.write(
        ByteBuffer.wrap(
            (ProcessHandle.current().pid() + " " + CLOSING + "\n")
                .getBytes(StandardCharsets.US_ASCII)),
        0);
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
