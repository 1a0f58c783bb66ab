package dev.talkbook.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup killed half way (a shutdown, a closed terminal) left a file at the backup's name that
 * was no backup: SQLite's {@code VACUUM INTO} writes the new file in place, and its hot journal
 * made it "empty (0 bytes)" at the next open. A backup's name now holds a whole backup or nothing.
 */
class BackupKillTest {
  @TempDir Path dir;

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void aBackupKilledHalfWayLeavesNoFileAtTheBackupsName() throws Exception {
    Path notebook = dir.resolve("big.talkbook");
    Notebook.open(notebook).close();
    // ~40 MB, so that writing the copy takes long enough to be killed in the middle
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + notebook)) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO event (title, created_at, updated_at) VALUES (?, 0, 0)")) {
        for (int i = 0; i < 40_000; i++) {
          ps.setString(1, "Event " + i + " " + "x".repeat(1000));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      c.commit();
    }
    Path backup = dir.resolve("big-backup.talkbook");
    Path part = backup.resolveSibling(backup.getFileName() + ".part");
    Path tmp = Files.createDirectories(dir.resolve("child-tmp"));

    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp,
                "-cp",
                System.getProperty("java.class.path"),
                BackUp.class.getName(),
                notebook.toString(),
                backup.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile())
            .start();
    // killed as soon as the copy has begun to be written
    while (p.isAlive() && !Files.exists(backup) && !Files.exists(part)) {
      Thread.onSpinWait();
    }
    p.destroyForcibly();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

    if (Files.exists(backup)) {
      // the backup was done before the kill: then it is whole
      try (Notebook copy = Notebook.open(backup, Notebook.Options.defaults().withReadOnly(true))) {
        assertThat(copy.check()).isEmpty();
        assertThat(copy.events().list()).hasSize(40_000).first().isInstanceOf(Event.class);
      }
    }
    // and the next backup to that name, over what the killed one left, is whole
    Files.deleteIfExists(backup);
    try (Notebook source =
        Notebook.open(notebook, Notebook.Options.defaults().withReadOnly(true))) {
      source.backupTo(backup);
    }
    assertThat(part).doesNotExist();
    try (Notebook copy = Notebook.open(backup, Notebook.Options.defaults().withReadOnly(true))) {
      assertThat(copy.check()).isEmpty();
    }
  }
}
