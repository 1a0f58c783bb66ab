package dev.talkbook.core.store;

import dev.talkbook.core.store.NotebookOpenException.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

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
  private final FileChannel channel;
  private final FileLock lock;

  private NotebookLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static Path lockFileOf(Path notebook) {
    return notebook.resolveSibling(notebook.getFileName() + ".lock");
  }

  static NotebookLock acquire(Path notebook) throws IOException {
    FileChannel channel =
        FileChannel.open(
            lockFileOf(notebook),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.READ);
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
      channel.truncate(0);
      channel.write(
          ByteBuffer.wrap(
              (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
          0);
      return new NotebookLock(channel, lock);
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
        "Close it there first; a notebook is edited by one Talkbook at a time.");
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
