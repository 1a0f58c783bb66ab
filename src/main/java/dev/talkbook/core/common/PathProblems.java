package dev.talkbook.core.common;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Says in a user's words what stands in the way of a folder or file the user named, when making or
 * writing it failed: the JDK's messages ("Not a directory", or the bare path of a {@code
 * FileAlreadyExistsException}) do not tell which part of the path is wrong.
 */
public final class PathProblems {
  private PathProblems() {}

  /**
   * When {@code folder}, or a folder above it, is a file: "/x/notes.txt is a file, not a folder".
   */
  public static Optional<String> fileInTheWayOfFolder(Path folder) {
    for (Path p = folder.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
      if (Files.exists(p)) {
        return Files.isDirectory(p)
            ? Optional.empty()
            : Optional.of(p + " is a file, not a folder");
      }
    }
    return Optional.empty();
  }

  /**
   * When {@code file} is a folder ("/x/out is a folder, not a file"), or a folder above it is a
   * file.
   */
  public static Optional<String> inTheWayOfFile(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    if (Files.isDirectory(abs)) {
      return Optional.of(abs + " is a folder, not a file");
    }
    Path parent = abs.getParent();
    return parent == null ? Optional.empty() : fileInTheWayOfFolder(parent);
  }

  /**
   * Why making or writing a file or folder failed, in words, without the path again: the JDK's
   * {@code AccessDeniedException}, {@code NoSuchFileException} and {@code
   * FileAlreadyExistsException} carry only the path as their message ("/proc/x"), and the others
   * say the path before their reason ("/sys/x: Operation not permitted"). A file or folder that
   * cannot be made although the folder it goes into is there ({@code mkdir /proc/x}) is said so:
   * "/proc does not let files or folders be made in it".
   */
  public static String whyNotWritten(IOException e) {
    if (e instanceof NoSuchFileException n && n.getFile() != null) {
      Path missing = Path.of(n.getFile()).toAbsolutePath();
      Path parent = missing.getParent();
      if (parent != null && Files.isDirectory(parent) && !Files.exists(missing)) {
        return parent + " does not let files or folders be made in it";
      }
    }
    return why(e);
  }

  /**
   * Why reading, listing, making or writing a file or folder failed, in words, without the path
   * again (see {@link #whyNotWritten}, which also says why a file could not be made).
   */
  public static String why(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "something of that name is in the way";
    }
    if (e instanceof FileSystemException f && f.getReason() != null && !f.getReason().isBlank()) {
      String reason = f.getReason().strip();
      return Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
