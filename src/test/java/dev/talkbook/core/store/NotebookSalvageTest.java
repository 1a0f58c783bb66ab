package dev.talkbook.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.NotebookOpenException.Problem;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A notebook whose first bytes are overwritten (a failing disk, a stray {@code dd}) is told apart
 * from a file that is no notebook, and its notes are saved into a new notebook beside it.
 */
class NotebookSalvageTest {
  private static final int TALKS = 600;

  @TempDir static Path shared;
  @TempDir Path dir;

  private static Path whole;
  private static Map<Long, String> notes;

  @BeforeAll
  static void aNotebookOf600Talks() {
    whole = shared.resolve("whole.talkbook");
    try (Notebook notebook = Notebook.open(whole)) {
      long event = notebook.events().create(Event.Details.titled("Conf")).id();
      notebook.inTransaction(
          () -> {
            for (int i = 0; i < TALKS; i++) {
              notebook
                  .talks()
                  .create(
                      event,
                      Talk.Details.titled("Talk " + i),
                      "# Notes of talk " + i + "\n\n" + "- a line about loom\n".repeat(5 + i % 40));
            }
            return null;
          });
      notes = notebook.talks().notes(event);
    }
    assertThat(notes).hasSize(TALKS);
  }

  @ParameterizedTest(name = "{0} bytes of {1}")
  @CsvSource({
    "16, random",
    "16, zeros",
    "100, random",
    "100, zeros",
    "200, random",
    "200, zeros",
    "4096, random",
    "4096, zeros"
  })
  void everyTalkOfANotebookDamagedAtItsStartIsSavedIntoANewNotebook(int bytes, String kind)
      throws Exception {
    Path file = dir.resolve("notes.talkbook");
    Files.copy(whole, file);
    overwriteStart(file, bytes, kind.equals("random"));
    byte[] damaged = Files.readAllBytes(file);

    NotebookOpenException refused =
        (NotebookOpenException) catchThrowable(() -> Notebook.open(file).close());
    assertThat(refused.problem()).isEqualTo(Problem.DAMAGED_START);
    assertThat(refused.getMessage())
        .contains("damaged at its start", "check --repair", "new notebook")
        .doesNotContain("not a Talkbook notebook");

    Notebook.SavedNotes saved = Notebook.saveNotesOf(file, (done, total, table) -> {});

    assertThat(saved.file()).isEqualTo(dir.resolve("notes-saved.talkbook"));
    assertThat(saved.talks()).isEqualTo(TALKS);
    assertThat(Files.readAllBytes(file))
        .as("the damaged file is left as it was")
        .isEqualTo(damaged);
    try (Stream<Path> beside = Files.list(dir)) {
      assertThat(beside.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("notes.talkbook", "notes-saved.talkbook");
    }
    try (Notebook repaired = Notebook.open(saved.file())) {
      assertThat(repaired.check()).isEmpty();
      long event = repaired.events().list().get(0).id();
      assertThat(repaired.talks().notes(event)).isEqualTo(notes);
      assertThat(repaired.search().search("loom", 5)).isNotEmpty();
    }
  }

  @Test
  void aSecondSaveTakesANewName() throws Exception {
    Path file = dir.resolve("notes.talkbook");
    Files.copy(whole, file);
    overwriteStart(file, 200, true);
    Notebook.saveNotesOf(file, (done, total, table) -> {});
    assertThat(Notebook.saveNotesOf(file, (done, total, table) -> {}).file())
        .isEqualTo(dir.resolve("notes-saved-2.talkbook"));
  }

  @Test
  void aNotebookDamagedPastItsStartSaysSoAndLeavesNoNewFile() throws Exception {
    Path file = dir.resolve("notes.talkbook");
    Files.copy(whole, file);
    overwriteStart(file, 2 * 4096, true); // page 2 too: the root of the talks' table
    byte[] damaged = Files.readAllBytes(file);
    Throwable failed = catchThrowable(() -> Notebook.saveNotesOf(file, (d, t, table) -> {}));
    assertThat(failed)
        .hasMessageStartingWith("Could not save the notes of notebook " + file)
        .hasMessageContaining("restore it from a backup")
        .hasMessageNotContaining("-saved");
    assertThat(Files.readAllBytes(file)).isEqualTo(damaged);
    try (Stream<Path> beside = Files.list(dir)) {
      assertThat(beside.map(p -> p.getFileName().toString())).containsExactly("notes.talkbook");
    }
  }

  /**
   * A save cut short part way (here an Error from its progress; a kill alike) leaves no partial
   * notebook under the saved notebook's name, which the user would open as their saved notes.
   */
  @Test
  void aSaveCutShortLeavesNoSavedNotebook() throws Exception {
    Path file = dir.resolve("notes.talkbook");
    Files.copy(whole, file);
    overwriteStart(file, 200, true);
    Throwable failed =
        catchThrowable(
            () ->
                Notebook.saveNotesOf(
                    file,
                    (done, total, table) -> {
                      throw new OutOfMemoryError("cut short while copying " + table);
                    }));
    assertThat(failed).isInstanceOf(OutOfMemoryError.class);
    try (Stream<Path> beside = Files.list(dir)) {
      assertThat(beside.map(p -> p.getFileName().toString())).containsExactly("notes.talkbook");
    }
  }

  @Test
  void aFileOfRandomBytesIsStillNotANotebook() throws Exception {
    Path file = dir.resolve("noise.talkbook");
    byte[] noise = new byte[64 * 4096];
    new Random(3).nextBytes(noise);
    Files.write(file, noise);
    NotebookOpenException refused =
        (NotebookOpenException) catchThrowable(() -> Notebook.open(file).close());
    assertThat(refused.problem()).isEqualTo(Problem.NOT_SQLITE);
    assertThat(refused.getMessage()).contains("not a Talkbook notebook");
  }

  @Test
  void anotherProgramsDatabaseDamagedAtItsStartIsNotCalledANotebook() throws Exception {
    Path file = dir.resolve("other.talkbook");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE song (title TEXT)");
      for (int i = 0; i < 500; i++) {
        s.executeUpdate("INSERT INTO song VALUES ('a song called number " + i + "')");
      }
    }
    overwriteStart(file, 200, true);
    NotebookOpenException refused =
        (NotebookOpenException) catchThrowable(() -> Notebook.open(file).close());
    assertThat(refused.problem()).isEqualTo(Problem.NOT_SQLITE);
  }

  @Test
  void pagesThatLookLikeSchemaPagesButClaimHugeRowsAreNotANotebook() throws Exception {
    // every page after the first a table leaf with one cell whose payload claims 2^62 bytes (a
    // 9-byte varint) or 2^31 - 1 bytes: read as garbage, never allocated
    byte[] file = new byte[16 * 4096];
    new Random(5).nextBytes(file);
    for (int p = 1; p < 16; p++) {
      int at = p * 4096;
      file[at] = 13; // a table leaf
      file[at + 3] = 0;
      file[at + 4] = 1; // one cell
      file[at + 5] = 0x0f; // content from 4000
      file[at + 6] = (byte) 0xa0;
      file[at + 7] = 0;
      file[at + 8] = 0x0f; // the cell at 4000
      file[at + 9] = (byte) 0xa0;
      byte[] size =
          p % 2 == 0
              ? new byte[] {
                (byte) 0xc0,
                (byte) 0x80,
                (byte) 0x80,
                (byte) 0x80,
                (byte) 0x80,
                (byte) 0x80,
                (byte) 0x80,
                (byte) 0x80,
                0
              }
              : new byte[] {(byte) 0x87, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f};
      System.arraycopy(size, 0, file, at + 4000, size.length);
      file[at + 4000 + size.length] = 1; // rowid 1
    }
    Path notebook = dir.resolve("claims.talkbook");
    Files.write(notebook, file);
    NotebookOpenException refused =
        (NotebookOpenException) catchThrowable(() -> Notebook.open(notebook).close());
    assertThat(refused.problem()).isEqualTo(Problem.NOT_SQLITE);
  }

  /**
   * A notebook killed while open: its newest edits are only in its write-ahead log (no checkpoint
   * since), and its first page is gone. The saved notebook has those edits; the damaged file and
   * its log are left as they were.
   */
  @Test
  void theEditsStillInTheWriteAheadLogAreSaved() throws Exception {
    Path file = dir.resolve("notes.talkbook");
    Path wal = dir.resolve("notes.talkbook-wal");
    Map<Long, String> expected = editedOnlyInTheLog(file, wal);
    overwriteStart(file, 4096, false);
    byte[] damaged = Files.readAllBytes(file);
    byte[] log = Files.readAllBytes(wal);

    Notebook.SavedNotes saved = Notebook.saveNotesOf(file, (done, total, table) -> {});

    assertThat(saved.talks()).isEqualTo(expected.size());
    assertThat(saved.unreadLogFrames()).isZero();
    assertThat(saved.unreadNote(file)).isEmpty();
    assertThat(Files.readAllBytes(file)).isEqualTo(damaged);
    assertThat(Files.readAllBytes(wal)).isEqualTo(log);
    try (Notebook repaired = Notebook.open(saved.file())) {
      assertThat(repaired.check()).isEmpty();
      long event = repaired.events().list().get(0).id();
      assertThat(repaired.talks().notes(event)).isEqualTo(expected);
      assertThat(repaired.search().search("newest", 5)).isNotEmpty();
    }
  }

  /**
   * A new notebook killed before its first checkpoint: its whole schema and every talk are only in
   * the write-ahead log, the file itself holds one page (an empty schema), and that page is then
   * damaged. Save notes is offered (the open says the start is damaged, not "not a notebook") and
   * saves every talk from the log.
   */
  @Test
  void aNewNotebookWhoseSchemaIsOnlyInTheLogIsSavedFromTheLog() throws Exception {
    Path file = dir.resolve("notes.talkbook");
    Path wal = dir.resolve("notes.talkbook-wal");
    Map<Long, String> expected = newOnlyInTheLog(file, wal, 50);
    assertThat(Files.size(file)).isLessThanOrEqualTo(4096);
    overwriteStart(file, 100, true);

    Throwable refused = catchThrowable(() -> Notebook.open(file));
    assertThat(refused).isInstanceOf(NotebookOpenException.class);
    assertThat(((NotebookOpenException) refused).problem()).isEqualTo(Problem.DAMAGED_START);
    Notebook.SavedNotes saved = Notebook.saveNotesOf(file, (done, total, table) -> {});

    assertThat(saved.talks()).isEqualTo(expected.size());
    try (Notebook repaired = Notebook.open(saved.file())) {
      assertThat(repaired.check()).isEmpty();
      long event = repaired.events().list().get(0).id();
      assertThat(repaired.talks().notes(event)).isEqualTo(expected);
    }
  }

  /**
   * A new notebook of {@code talks} talks made in WAL mode with SQLite's own checkpoints off, its
   * file and log copied while the connection is open (as a kill leaves them).
   */
  private static Map<Long, String> newOnlyInTheLog(Path file, Path wal, int talks)
      throws Exception {
    Path live = file.resolveSibling("live.talkbook");
    Map<Long, String> expected = new java.util.TreeMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + live)) {
      ShownText.register(c);
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA wal_autocheckpoint = 0");
        s.execute("PRAGMA foreign_keys = ON");
      }
      Migrations.apply(c, 0, Migrations.LATEST);
      try (Statement s = c.createStatement()) {
        s.executeUpdate(
            "INSERT INTO event (title, created_at, updated_at) VALUES ('Conf', 1000, 1000)");
        for (int i = 0; i < talks; i++) {
          String body = "# Talk " + i + "\n\n" + "- only in the log\n".repeat(1 + i % 7);
          s.executeUpdate(
              "INSERT INTO talk (event_id, position, title, body, created_at, updated_at)"
                  + " VALUES (1, "
                  + i
                  + ", 'Talk "
                  + i
                  + "', '"
                  + body
                  + "', 1000, 1000)");
          try (var rs = s.executeQuery("SELECT last_insert_rowid()")) {
            expected.put(rs.getLong(1), body);
          }
        }
      }
      assertThat(Files.size(live.resolveSibling("live.talkbook-wal"))).isPositive();
      Files.copy(live, file);
      Files.copy(live.resolveSibling("live.talkbook-wal"), wal);
    }
    Notebook.deleteWithSidecars(live);
    return expected;
  }

  /** A log whose header is damaged too: the notes in the file are saved, and the user is told. */
  @Test
  void aDamagedLogIsSaidToHoldEditsThatCouldNotBeRead() throws Exception {
    Path file = dir.resolve("notes.talkbook");
    Path wal = dir.resolve("notes.talkbook-wal");
    editedOnlyInTheLog(file, wal);
    overwriteStart(file, 4096, false);
    overwriteStart(wal, 32, true);
    long frames = (Files.size(wal) - 32) / (24 + 4096);

    Notebook.SavedNotes saved = Notebook.saveNotesOf(file, (done, total, table) -> {});

    assertThat(saved.talks()).isEqualTo(TALKS);
    assertThat(saved.unreadLogFrames()).isEqualTo(frames).isPositive();
    assertThat(saved.unreadNote(file))
        .contains("notes.talkbook-wal", "could not be read", frames + " changed pages");
    try (Notebook repaired = Notebook.open(saved.file())) {
      long event = repaired.events().list().get(0).id();
      assertThat(repaired.talks().notes(event)).isEqualTo(notes);
    }
  }

  /**
   * A log that cannot be read at all (its permissions, an I/O error): the notes in the file are
   * saved, and the user is told the log's edits are not in them.
   */
  @Test
  void aLogThatCannotBeReadLeavesTheNotesInTheFileToSave() throws Exception {
    Path file = dir.resolve("notes.talkbook");
    Path wal = dir.resolve("notes.talkbook-wal");
    editedOnlyInTheLog(file, wal);
    overwriteStart(file, 4096, false);
    byte[] log = Files.readAllBytes(wal);

    Notebook.SavedNotes saved =
        NotebookSalvage.salvage(
            file,
            (done, total, table) -> {},
            (notebook, pageSize) -> {
              throw new java.nio.file.AccessDeniedException(wal.toString());
            });

    assertThat(saved.talks()).isEqualTo(TALKS);
    assertThat(saved.unreadLogFrames()).isPositive(); // the CLI's check says the note then
    assertThat(saved.unreadNote(file))
        .isEqualTo(
            "The newest edits, in its write-ahead log notes.talkbook-wal, could not be read (no"
                + " permission to read it) and are not in the new notebook; the log is left as it"
                + " was.");
    assertThat(Files.readAllBytes(wal)).isEqualTo(log);
    try (Notebook repaired = Notebook.open(saved.file())) {
      long event = repaired.events().list().get(0).id();
      assertThat(repaired.talks().notes(event)).isEqualTo(notes);
    }
  }

  /**
   * {@code whole} copied to {@code file} and edited in WAL mode with SQLite's own checkpoints off;
   * the file and its log are copied while the connection is open (as a kill leaves them). Returns
   * the notes the edits leave.
   */
  private static Map<Long, String> editedOnlyInTheLog(Path file, Path wal) throws Exception {
    Path live = file.resolveSibling("live.talkbook");
    Files.copy(whole, live);
    Map<Long, String> expected = new java.util.TreeMap<>(notes);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + live)) {
      ShownText.register(c);
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA wal_autocheckpoint = 0");
        s.execute("PRAGMA foreign_keys = ON");
        long first = expected.keySet().iterator().next();
        String edited = "# Edited\n\nthe newest words, only in the log";
        s.executeUpdate("UPDATE talk SET body = '" + edited + "' WHERE id = " + first);
        expected.put(first, edited);
        s.executeUpdate(
            "INSERT INTO talk (event_id, position, title, body, created_at, updated_at)"
                + " SELECT event_id, 10000, 'Added', 'added newest', created_at, updated_at"
                + " FROM talk WHERE id = "
                + first);
        try (var rs = s.executeQuery("SELECT last_insert_rowid()")) {
          expected.put(rs.getLong(1), "added newest");
        }
        s.executeUpdate("DELETE FROM talk WHERE id = " + (first + 1));
        expected.remove(first + 1);
      }
      assertThat(Files.size(live.resolveSibling("live.talkbook-wal"))).isPositive();
      Files.copy(live, file);
      Files.copy(live.resolveSibling("live.talkbook-wal"), wal);
    }
    Notebook.deleteWithSidecars(live);
    return expected;
  }

  private static void overwriteStart(Path file, int bytes, boolean random) throws Exception {
    byte[] junk = new byte[bytes];
    if (random) {
      new Random(bytes).nextBytes(junk);
    }
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.write(junk);
    }
  }
}
