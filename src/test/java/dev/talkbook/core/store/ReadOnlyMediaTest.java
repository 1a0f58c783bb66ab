package dev.talkbook.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.SmallDisk;
import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.NotebookOpenException.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A notebook on read-only media (tester: a cleanly closed notebook left in SQLite's write-ahead-log
 * mode could not be opened from a read-only mount, and the message said it "was not closed
 * properly" and to copy a -journal or -wal that did not exist).
 */
class ReadOnlyMediaTest {
  @TempDir Path dir;

  /** A closed notebook whose file is in write-ahead-log mode, with nothing beside it. */
  private Path walModeNotebook(String name) throws Exception {
    Path file = dir.resolve(name);
    try (Notebook notebook = Notebook.open(file)) {
      Event event = notebook.events().create(Event.Details.titled("Conference"));
      notebook.talks().create(event.id(), Talk.Details.titled("Keynote"), "the notes");
    }
    // As a close leaves it when it cannot leave the mode (another program reading, or the file
    // moved while open): the log folded in, the mode kept.
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode = WAL");
    }
    assertThat(NotebookFile.checkHeader(file).walMode()).isTrue();
    assertThat(NotebookFile.anythingBeside(file)).isFalse();
    return file;
  }

  @Test
  void aWalModeNotebookAloneOnAReadOnlyMountOpensReadOnly() throws Exception {
    Path file = walModeNotebook("conf.talkbook");
    try (SmallDisk disk = SmallDisk.mount(dir.resolve("ro"), 4)) {
      Path onMedia = disk.root().resolve("conf talk.talkbook"); // a space: the URI is encoded
      Files.copy(file, onMedia);
      disk.readOnly();
      try (Notebook notebook = Notebook.open(onMedia)) {
        assertThat(notebook.isReadOnly()).isTrue();
        assertThat(notebook.talks().findByTitle("Keynote").get(0).body()).isEqualTo("the notes");
        assertThat(notebook.search().search("notes", 5)).hasSize(1);
        assertThat(notebook.check()).isEmpty();
        // A backup and a dry run read it too (they failed: "SQLite could not write it (unable to
        // open database file)", a read-only attachment needing a -shm there).
        Path backup = dir.resolve("backup.talkbook");
        notebook.backupTo(backup);
        try (Notebook scratch = notebook.scratchCopy()) {
          assertThat(scratch.talks().findByTitle("Keynote").get(0).body()).isEqualTo("the notes");
        }
        try (Notebook copy = Notebook.open(backup)) {
          assertThat(copy.talks().findByTitle("Keynote").get(0).body()).isEqualTo("the notes");
        }
      }
    }
  }

  @Test
  void aBackupThatCannotReadTheNotebookSaysItCouldNotReadIt() throws Exception {
    Path notAFile = Files.createDirectories(dir.resolve("folder.talkbook"));
    Throwable e =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> Database.copy(notAFile, dir.resolve("out.talkbook"), false));
    assertThat(e).hasMessageStartingWith("SQLite could not read it");
  }

  @Test
  void aWalModeNotebookWithAnIndexBesideItSaysWhatIsWrong() throws Exception {
    Path file = walModeNotebook("conf.talkbook");
    try (SmallDisk disk = SmallDisk.mount(dir.resolve("ro"), 4)) {
      Path onMedia = disk.root().resolve("conf.talkbook");
      Files.copy(file, onMedia);
      Files.createFile(NotebookFile.sibling(onMedia, "-shm")); // copied along, empty
      disk.readOnly();
      NotebookOpenException e =
          (NotebookOpenException)
              org.assertj.core.api.Assertions.catchThrowable(() -> Notebook.open(onMedia).close());
      assertThat(e).isInstanceOf(NotebookOpenException.class);
      assertThat(e.problem()).isEqualTo(Problem.READ_ONLY);
      assertThat(e.getMessage())
          .contains("write-ahead-log mode")
          .contains("conf.talkbook-shm beside it hold no unsaved changes")
          .contains("Copy conf.talkbook alone to a folder you can write to")
          .doesNotContain("not closed properly")
          .doesNotContain("-journal");
    }
  }

  @Test
  void aWriteLeftUnfinishedNamesOnlyTheFileThatHoldsIt() throws Exception {
    Path file = dir.resolve("conf.talkbook");
    try (Notebook notebook = Notebook.open(file)) {
      notebook.events().create(Event.Details.titled("Conference"));
    }
    try (SmallDisk disk = SmallDisk.mount(dir.resolve("ro"), 4)) {
      Path onMedia = disk.root().resolve("conf.talkbook");
      Files.copy(file, onMedia);
      // A writer killed with its log unfolded: the file in WAL mode, its log beside it.
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + onMedia);
          Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode = WAL");
      }
      Path wal = NotebookFile.sibling(onMedia, "-wal");
      Files.write(wal, new byte[] {1, 2, 3});
      disk.readOnly();
      NotebookOpenException e =
          (NotebookOpenException)
              org.assertj.core.api.Assertions.catchThrowable(() -> Notebook.open(onMedia).close());
      assertThat(e.getMessage())
          .contains("not closed properly")
          .contains("copy it together with conf.talkbook-wal beside it")
          .doesNotContain("-journal");
    }
  }

  @Test
  void onlyAWalModeFileWithNothingBesideItInAFolderThatCannotBeWrittenIsReadImmutably() {
    assertThat(Database.readImmutably(true, false, false)).isTrue();
    assertThat(Database.readImmutably(true, true, false)).as("folder writable").isFalse();
    assertThat(Database.readImmutably(true, false, true)).as("-wal or -shm beside").isFalse();
    assertThat(Database.readImmutably(false, false, false)).as("rollback mode").isFalse();
  }

  @Test
  void aCloseAfterTheFileWasMovedLeavesItInWalModeWhichStillOpensFromReadOnlyMedia()
      throws Exception {
    Path file = dir.resolve("m.talkbook");
    Path moved = Files.createDirectories(dir.resolve("m2")).resolve("m.talkbook");
    try (Notebook notebook = Notebook.open(file)) {
      Event event = notebook.events().create(Event.Details.titled("Conference"));
      notebook.talks().create(event.id(), Talk.Details.titled("Keynote"), "before");
      Files.move(file, moved);
      notebook.talks().saveBody(notebook.talks().findByTitle("Keynote").get(0).id(), "after");
    }
    // SQLite will not leave WAL mode for a moved file (its journal would be at the old name).
    assertThat(NotebookFile.checkHeader(moved).walMode()).isTrue();
    try (SmallDisk disk = SmallDisk.mount(dir.resolve("ro"), 4)) {
      Path onMedia = disk.root().resolve("m.talkbook");
      Files.copy(moved, onMedia);
      disk.readOnly();
      try (Notebook notebook = Notebook.open(onMedia)) {
        assertThat(notebook.talks().findByTitle("Keynote").get(0).body()).isEqualTo("after");
      }
    }
  }
}
