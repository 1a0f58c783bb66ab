package dev.talkbook.core.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The name of a file kept for one notebook in one of the user's folders ({@link UserFolders}): the
 * caret places of its talks, its REPL history. The first 12 bytes of the SHA-256 of the notebook's
 * absolute, normalized path, in hex, then the extension: the same notebook always gets the same
 * name, two notebooks (almost) never one; the file itself says which notebook it is for. Pure.
 */
public final class NotebookFileName {
  private NotebookFileName() {}

  /** The name of the file with {@code extension} ("places", no dot) kept for {@code notebook}. */
  public static String of(Path notebook, String extension) {
    String path = notebook.toAbsolutePath().normalize().toString();
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 12) + "." + extension;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /**
   * The files in {@code folder} whose names start with {@code start} and end with {@code end}, both
   * taken as they are written. A notebook's name goes into such a start, and a glob made of it
   * ({@code "Talks [2026].talkbook.journal-*"}) read its {@code [ ] { } * ?} as a pattern: it found
   * none of the notebook's own files, or another notebook's, or threw ({@code "a[b.talkbook"}).
   */
  public static DirectoryStream<Path> filesIn(Path folder, String start, String end)
      throws IOException {
    return Files.newDirectoryStream(
        folder,
        file -> {
          Path name = file.getFileName();
          String n = name == null ? "" : name.toString();
          return n.startsWith(start)
              && n.endsWith(end)
              && n.length() >= start.length() + end.length();
        });
  }
}
