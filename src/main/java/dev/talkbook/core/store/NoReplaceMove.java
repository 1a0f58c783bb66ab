package dev.talkbook.core.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Moves a file Talkbook wrote to a name beside it that must not replace anything there: a notebook
 * written back, made or backed up. {@code Files.move} without {@code REPLACE_EXISTING} looks first
 * and renames after (a {@code stat}, then a {@code rename} that replaces on Linux and macOS), so a
 * file another process puts at the name between the two is overwritten and lost. Here the name is
 * taken in one step the file system refuses when it is taken: a hard link ({@code link(2)} fails
 * with {@code EEXIST}), the source deleted after. Where hard links are not supported (FAT, exFAT,
 * some network shares) the name is reserved instead by creating an empty file there ({@code
 * O_CREAT|O_EXCL}, refused just the same) and the source renamed over that reservation, which is
 * Talkbook's own empty file: a file only a program that overwrites files on purpose could lose.
 */
final class NoReplaceMove {
  private NoReplaceMove() {}

  /** How a name is taken for a file: a hard link, normally ({@link Files#createLink}). */
  @FunctionalInterface
  interface Linker {
    void link(Path link, Path existing) throws IOException;
  }

  /**
   * Moves {@code from} to {@code to}, which must not exist: throws {@link
   * FileAlreadyExistsException} when a file is there, however late it came, and leaves it alone.
   */
  static void move(Path from, Path to) throws IOException {
    move(from, to, Files::createLink);
  }

  /** As {@link #move(Path, Path)}, the name taken by {@code linker} (tests: no hard links). */
  static void move(Path from, Path to, Linker linker) throws IOException {
    try {
      linker.link(to, from); // atomic: refused if anything is at `to`, whenever it came
    } catch (FileAlreadyExistsException taken) {
      throw taken;
    } catch (UnsupportedOperationException | FileSystemException noLinks) {
      reserveThenRename(from, to, noLinks);
      return;
    }
    try {
      Files.delete(from);
    } catch (IOException e) {
      // The file is in place under its new name; the old name is a second link to it.
      System.getLogger(NoReplaceMove.class.getName())
          .log(
              System.Logger.Level.WARNING,
              "moved " + from + " to " + to + " but kept its old name",
              e);
    }
  }

  /** No hard links here: the name reserved by an empty file of our own, then renamed over it. */
  private static void reserveThenRename(Path from, Path to, Exception noLinks) throws IOException {
    System.getLogger(NoReplaceMove.class.getName())
        .log(System.Logger.Level.DEBUG, "no hard link for " + to + "; reserving the name", noLinks);
    Files.createFile(to); // O_EXCL: FileAlreadyExistsException when taken
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      try {
        if (Files.size(to) == 0) {
          Files.delete(to); // our reservation, still empty
        }
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }
}
