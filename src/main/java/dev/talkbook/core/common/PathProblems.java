package dev.talkbook.core.common;

import java.nio.file.Files;
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
}
