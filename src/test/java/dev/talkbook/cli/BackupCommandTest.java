package dev.talkbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.store.Notebook;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code backup --out FILE}: a copy of everything saved, as one plain file, also while the window
 * has the notebook open (tester: a plain {@code cp} made then held none of the session's work).
 */
class BackupCommandTest extends CliTest {

  private static int headerByte(Path file, int at) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(at + 1)[at];
    }
  }

  @Test
  void aBackupMadeWhileTheWindowHasTheNotebookOpenHoldsWhatItJustSaved() throws Exception {
    addSample();
    Path backup = dir.resolve("backups").resolve("conf backup.talkbook");
    try (Notebook window = Notebook.open(notebook())) { // as the window holds it, for writing
      long talk = window.talks().findByTitle("SQLite everywhere").get(0).id();
      window.talks().saveBody(talk, "typed a moment ago");
      assertThat(Files.size(notebook().resolveSibling("notes.talkbook-wal")))
          .as("the save still in the log")
          .isPositive();

      assertOut(ok("backup", "--out", backup.toString()))
          .startsWith("Backed up " + notebook() + " to " + backup)
          .contains(" KB).");

      Result again = refused("backup", "--out", backup.toString());
      assertErr(again).contains("a file is there already").contains("nothing was written");
    }
    assertThat(headerByte(backup, 18)).as("rollback mode: one plain file").isEqualTo(1);
    try (var beside = Files.list(backup.getParent())) {
      assertThat(beside).containsExactly(backup);
    }
    try (Notebook copy =
        Notebook.open(backup, Notebook.Options.defaults().withCreate(false).withReadOnly(true))) {
      assertThat(copy.talks().findByTitle("SQLite everywhere").get(0).body())
          .isEqualTo("typed a moment ago");
      assertThat(copy.check()).isEmpty();
    }
  }

  /** Tester 9b: {@code backup --out} a folder said "a file is there already". */
  @Test
  void aFolderIsRefusedSayingItIsOneAndWhatToGive() throws Exception {
    addSample();
    Path folder = Files.createDirectories(dir.resolve("backups"));

    Result r = refused("backup", "--out", folder.toString());

    assertErr(r)
        .contains(folder + ": that is a folder")
        .contains("such as " + folder.resolve("notes-backup.talkbook") + ";")
        .contains("nothing was written")
        .doesNotContain("a file is there");
    try (var inside = Files.list(folder)) {
      assertThat(inside).isEmpty();
    }
    // In the notebook's own folder, the name offered is not the notebook's.
    assertErr(refused("backup", "--out", dir.toString()))
        .contains("such as " + dir.resolve("notes-backup.talkbook") + ";");
  }
}
