package dev.talkbook.core.store;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link BackupKillTest}, then killed: backs notebook args[0] up to args[1].
 */
public final class BackUp {
  private BackUp() {}

  public static void main(String[] args) {
    try (Notebook notebook =
        Notebook.open(Path.of(args[0]), Notebook.Options.defaults().withReadOnly(true))) {
      notebook.backupTo(Path.of(args[1]));
    }
  }
}
