package dev.talkbook.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.sample.SampleMeetup;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A notebook left by a writer killed mid-write (a hot journal, a write-ahead log not yet folded in,
 * a file whose header already promises pages that are still in the log) opens as SQLite recovers
 * it, read-only and writable alike: it is never refused, nor called damaged.
 */
@Timeout(120)
class CrashRecoveryTest {
  @TempDir Path dir;

  private Path sampleNotebook() {
    Path file = dir.resolve("crashed.talkbook");
    try (Notebook notebook = Notebook.open(file)) {
      SampleMeetup.addTo(notebook);
    }
    return file;
  }

  /**
   * Runs {@link HalfWrite} on {@code file} and kills it with SIGKILL once it is ready. Its own
   * temporary folder, beside the file, is left empty: sqlite-jdbc's copy of its library there would
   * outlive the kill.
   */
  static void killMidWrite(Path file, String mode, int events) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path tmp = Files.createDirectories(file.resolveSibling("half-write-tmp"));
    Process p =
        new ProcessBuilder(
                java,
                "-Djava.io.tmpdir=" + tmp,
                "-cp",
                System.getProperty("java.class.path"),
                HalfWrite.class.getName(),
                file.toString(),
                mode,
                Integer.toString(events))
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.equals("ready")) {
        // wait
      }
      assertThat(line).as("the writer got ready").isEqualTo("ready");
      p.destroyForcibly();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    try (var left = Files.list(tmp)) {
      assertThat(left.toList()).as("left in the killed writer's temporary folder").isEmpty();
    }
  }

  private static Path beside(Path file, String suffix) {
    return file.resolveSibling(file.getFileName() + suffix);
  }

  private static int events(Path file, boolean readOnly) {
    try (Notebook n =
        Notebook.open(file, Notebook.Options.defaults().withReadOnly(readOnly).withCreate(false))) {
      return n.events().list().size();
    }
  }

  @ParameterizedTest(name = "read-only first: {0}")
  @ValueSource(booleans = {true, false})
  void aHotJournalIsRolledBackNotRefused(boolean readOnlyFirst) throws Exception {
    Path file = sampleNotebook();
    killMidWrite(file, "journal", 3000);
    assertThat(Files.size(beside(file, "-journal"))).as("hot journal").isPositive();

    assertThat(events(file, readOnlyFirst)).isEqualTo(1);
    assertThat(events(file, !readOnlyFirst)).isEqualTo(1);
    assertThat(beside(file, "-journal")).doesNotExist();
    try (Notebook n = Notebook.open(file)) {
      assertThat(n.check()).isEmpty();
      assertThat(n.talks().count()).isEqualTo(SampleMeetup.talkCount());
    }
  }

  @ParameterizedTest(name = "read-only first: {0}")
  @ValueSource(booleans = {true, false})
  void committedChangesInTheLogAreKept(boolean readOnlyFirst) throws Exception {
    Path file = sampleNotebook();
    killMidWrite(file, "wal", 2000);
    assertThat(Files.size(beside(file, "-wal"))).isPositive();

    assertThat(events(file, readOnlyFirst)).isEqualTo(2001);
    assertThat(events(file, !readOnlyFirst)).isEqualTo(2001);
  }

  /**
   * Killed while folding the log into the file: the header (page 1, written first) already promises
   * pages that are still only in the log. That is not a file cut off while copying.
   */
  @ParameterizedTest(name = "read-only first: {0}")
  @ValueSource(booleans = {true, false})
  void aFileKilledWhileFoldingInTheLogIsNotCalledCutOff(boolean readOnlyFirst) throws Exception {
    Path file = sampleNotebook();
    long sizeBefore = Files.size(file);
    killMidWrite(file, "wal", 2000);
    copyNewestPageOneFromTheLog(file);
    assertThat(Files.size(file)).isEqualTo(sizeBefore);

    assertThat(events(file, readOnlyFirst)).isEqualTo(2001);
    assertThat(events(file, !readOnlyFirst)).isEqualTo(2001);
    assertThat(beside(file, "-wal")).doesNotExist();
    try (Notebook n = Notebook.open(file)) {
      assertThat(n.check()).isEmpty();
      assertThat(n.events().list()).extracting(Event::title).contains(SampleMeetup.TITLE);
    }
  }

  /** What a checkpoint does first: the newest copy of page 1 in the log goes into the file. */
  private static void copyNewestPageOneFromTheLog(Path file) throws Exception {
    byte[] wal = Files.readAllBytes(beside(file, "-wal"));
    int pageSize = ByteBuffer.wrap(wal, 8, 4).getInt();
    byte[] page1 = null;
    for (int at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
      if (ByteBuffer.wrap(wal, at, 4).getInt() == 1) {
        page1 = java.util.Arrays.copyOfRange(wal, at + 24, at + 24 + pageSize);
      }
    }
    assertThat(page1).as("page 1 in the log").isNotNull();
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.write(page1);
    }
  }

  @Test
  void aFileCutOffWithoutALogBesideItIsStillRefused() throws Exception {
    Path file = sampleNotebook();
    killMidWrite(file, "wal", 2000);
    copyNewestPageOneFromTheLog(file);
    Files.delete(beside(file, "-wal"));
    Files.deleteIfExists(beside(file, "-shm"));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Notebook.open(file))
        .isInstanceOfSatisfying(
            NotebookOpenException.class,
            e -> assertThat(e.problem()).isEqualTo(NotebookOpenException.Problem.TRUNCATED));
  }

  @Test
  void aClosedNotebookIsOneFile() throws Exception {
    Path file = sampleNotebook();
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder("crashed.talkbook", "crashed.talkbook.lock");
    }
  }
}
