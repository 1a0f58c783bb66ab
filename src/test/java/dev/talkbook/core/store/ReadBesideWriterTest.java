package dev.talkbook.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.NotebookException;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.sample.SampleMeetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A read-only notebook open beside writers (as {@code talkbook share} beside the window and other
 * commands): it sees what they save whatever journal mode they leave the file in, the writers still
 * close without an error, a reader that lets go between looks does not keep a closing writer from
 * leaving one file, and a writer killed beside it loses nothing.
 */
@Timeout(120)
class ReadBesideWriterTest {
  @TempDir Path dir;

  private Path file;
  private long id;

  private void setUp() {
    file = dir.resolve("n.talkbook");
    try (Notebook setup = Notebook.open(file)) {
      Event e = setup.events().create(Event.Details.titled("E"));
      id = setup.talks().create(e.id(), Talk.Details.titled("T"), "one").id();
    }
  }

  private static Notebook readOnly(Path file) {
    return Notebook.open(file, Notebook.Options.defaults().withReadOnly(true).withCreate(false));
  }

  /** What is beside the notebook file: only its lock file when it is closed. */
  private Stream<String> beside() throws Exception {
    try (var files = Files.list(dir)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.startsWith("n.talkbook-"))
          .toList()
          .stream();
    }
  }

  /** One look as live share takes it: read, then let go of the file. */
  private String look(Notebook reader) {
    try {
      return reader.talks().get(id).body();
    } finally {
      reader.releaseReaders();
    }
  }

  @RepeatedTest(3)
  void theWriterClosesWhileAReaderIsOpenAndTheReaderSeesItsSaves() throws Exception {
    setUp();
    Notebook writer = Notebook.open(file);
    try (Notebook reader = readOnly(file)) {
      var before = reader.talks().changedAt(id).orElseThrow();
      writer.talks().saveBody(id, "two");
      assertThat(reader.talks().get(id).body()).isEqualTo("two");
      assertThat(reader.talks().changedAt(id).orElseThrow()).isAfterOrEqualTo(before);
      writer.close(); // must not fail for the reader's sake
      assertThat(reader.talks().get(id).body()).isEqualTo("two");
    }
    // the reader held its connection, so the log may have stayed beside the file: the next close
    // without a reader folds it in
    try (Notebook again = Notebook.open(file)) {
      assertThat(again.talks().get(id).body()).isEqualTo("two");
      assertThat(again.talks().changedAt(999_999)).isEmpty();
    }
    assertThat(beside()).isEmpty();
  }

  @Test
  void aReaderThatLetsGoBetweenLooksFollowsWritersThatComeAndGoAndEachLeavesOneFile()
      throws Exception {
    setUp();
    assertThat(beside()).as("closed: rollback-journal mode, one file").isEmpty();
    try (Notebook reader = readOnly(file)) {
      assertThat(look(reader)).isEqualTo("one");
      for (int i = 1; i <= 3; i++) {
        try (Notebook writer = Notebook.open(file)) { // WAL again
          writer.talks().saveBody(id, "v" + i);
          assertThat(look(reader)).isEqualTo("v" + i);
          writer.talks().saveBody(id, "w" + i);
          assertThat(look(reader)).isEqualTo("w" + i);
        }
        assertThat(beside()).as("closed beside the open reader: one file").isEmpty();
        assertThat(look(reader)).isEqualTo("w" + i);
      }
    }
    assertThat(beside()).isEmpty();
  }

  /**
   * A reader from another program mid-look while the writer closes: the switch out of WAL mode
   * waits for the look to end (it is tried again for a moment), so the file is still left whole.
   */
  @Test
  void aLookUnderWayWhenTheWriterClosesDoesNotLeaveTheLogBehind() throws Exception {
    setUp();
    Path wal = dir.resolve("n.talkbook-wal");
    Notebook writer = Notebook.open(file);
    writer.talks().saveBody(id, "two");
    java.sql.Connection look = Database.inspect(file);
    try (var s = look.createStatement();
        var rs = s.executeQuery("SELECT body FROM talk WHERE id = " + id)) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("two");
    }
    // the look ends a moment after the writer has folded the log in (the step before the switch),
    // so the switch finds it still open
    Thread ender =
        new Thread(
            () -> {
              try {
                while (!Files.exists(wal) || Files.size(wal) > 0) {
                  Thread.sleep(1);
                }
                Thread.sleep(40);
                look.close();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            "look-ender");
    ender.start();
    writer.close();
    ender.join(10_000);
    assertThat(look.isClosed()).isTrue();
    assertThat(beside()).as("one file").isEmpty();
    try (Notebook again = readOnly(file)) {
      assertThat(look(again)).isEqualTo("two");
    }
  }

  /**
   * A writer killed mid-write while the reader is open: the reader goes on reading what was
   * committed, or says why it cannot for now; once a writer opens the notebook again, the reader
   * sees exactly what was committed, and the file closes as one file.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"wal", "journal"})
  void aWriterKilledBesideAnOpenReaderLosesNothing(String mode) throws Exception {
    file = dir.resolve("n.talkbook");
    try (Notebook setup = Notebook.open(file)) {
      SampleMeetup.addTo(setup);
    }
    int committed = mode.equals("wal") ? 2001 : 1; // HalfWrite commits in WAL mode only
    try (Notebook reader = readOnly(file)) {
      assertThat(reader.events().list()).hasSize(1);
      reader.releaseReaders();

      CrashRecoveryTest.killMidWrite(file, mode, 2000);

      try {
        assertThat(reader.events().list()).hasSize(committed);
      } catch (NotebookException cannotYet) {
        // a hot journal the read-only reader may not roll back: said as it is
        assertThat(mode).isEqualTo("journal");
        assertThat(cannotYet.getMessage())
            .contains("a program stopped while writing to it")
            .doesNotContain("permissions");
      } finally {
        reader.releaseReaders();
      }
      try (Notebook writer = Notebook.open(file)) {
        assertThat(writer.events().list()).hasSize(committed);
        assertThat(reader.events().list()).hasSize(committed);
        reader.releaseReaders();
      }
    }
    try (Notebook again = Notebook.open(file)) {
      assertThat(again.check()).isEmpty();
      assertThat(again.talks().count()).isEqualTo(SampleMeetup.talkCount());
    }
    assertThat(beside()).isEmpty();
  }

  @Test
  void theSavedMarkMovesWithEachSaveOfAnotherConnectionAndOnlyThen() {
    setUp();
    TestClock clock = new TestClock(java.time.Instant.parse("2026-12-05T10:00:00Z"));
    try (Notebook reader = readOnly(file)) {
      TalkStore.SavedMark before = reader.talks().savedMark();
      assertThat(reader.talks().savedMark()).as("nothing saved").isEqualTo(before);
      java.util.List<java.util.function.Consumer<Notebook>> saves =
          java.util.List.of(
              w -> w.talks().saveBody(id, "two"),
              w -> w.events().rename(reader.talks().get(id).eventId(), "Renamed"),
              w -> w.talks().delete(id));
      for (var save : saves) {
        clock.advance(java.time.Duration.ofSeconds(1));
        try (Notebook writer = Notebook.open(file, Notebook.Options.defaults().withClock(clock))) {
          save.accept(writer);
        }
        TalkStore.SavedMark after = reader.talks().savedMark();
        assertThat(after).isNotEqualTo(before);
        before = after;
      }
    }
  }
}
