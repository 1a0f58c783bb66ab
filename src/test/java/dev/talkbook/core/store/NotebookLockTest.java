package dev.talkbook.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notebook's lock between two processes: one held by a Talkbook that is closing the notebook
 * (quit a moment ago) is waited for; one held by a Talkbook that has it open is refused at once.
 */
@Timeout(60)
class NotebookLockTest {
  @TempDir Path dir;

  private Process holder;

  @AfterEach
  void letGo() throws Exception {
    if (holder != null) {
      holder.getOutputStream().close();
      assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  /** A child JVM holding {@code notebook}'s lock; returns its output, past its "locked". */
  private BufferedReader hold(Path notebook) throws Exception {
    return hold(notebook, "new");
  }

  /** The same; {@code how} "whole" locks the whole file, as older Talkbooks did. */
  private BufferedReader hold(Path notebook, String how) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    holder =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                HoldLock.class.getName(),
                notebook.toString(),
                how)
            .redirectErrorStream(true)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
    assertThat(out.readLine()).isEqualTo("locked");
    return out;
  }

  private void markClosing(BufferedReader out) throws Exception {
    OutputStream in = holder.getOutputStream();
    in.write("closing\n".getBytes(StandardCharsets.UTF_8));
    in.flush();
    assertThat(out.readLine()).isEqualTo("closing");
  }

  @Test
  void anOpenWaitsForATalkbookThatIsClosingTheNotebookAndGetsIt() throws Exception {
    Path notebook = dir.resolve("n.talkbook");
    markClosing(hold(notebook));
    CountDownLatch told = new CountDownLatch(1);
    CompletableFuture<NotebookLock> taken =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                // the window's open: no wait asked for
                return NotebookLock.acquire(
                    notebook, Duration.ZERO, Duration.ofSeconds(30), told::countDown);
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    assertThat(told.await(20, TimeUnit.SECONDS)).as("told it waits").isTrue();
    assertThat(taken).isNotDone();
    holder.getOutputStream().close(); // the other Talkbook's close ends: it lets go
    try (NotebookLock lock = taken.get(20, TimeUnit.SECONDS)) {
      assertThat(Files.readString(NotebookLock.lockFileOf(notebook)).strip())
          .isEqualTo(Long.toString(ProcessHandle.current().pid()));
    }
  }

  @Test
  void aTalkbookThatHasTheNotebookOpenIsNotWaitedFor() throws Exception {
    Path notebook = dir.resolve("n.talkbook");
    hold(notebook);
    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                NotebookLock.acquire(
                    notebook,
                    Duration.ZERO,
                    Duration.ofSeconds(30),
                    () -> {
                      throw new AssertionError("told it waits for a close");
                    }))
        .isInstanceOf(NotebookOpenException.class)
        .hasMessageContaining("it is open in another Talkbook (process " + holder.pid() + ")");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  /**
   * On Windows a lock denies other processes reads of its bytes: with the whole file locked, a
   * second Talkbook read no pid and no "closing", and never waited for a close. The lock is one
   * byte past the text, which another process can lock (as Windows lets it read) while it is held.
   */
  @Test
  void theLockLeavesTheOwnersTextFreeToRead() throws Exception {
    Path notebook = dir.resolve("n.talkbook");
    markClosing(hold(notebook));
    try (var channel =
            java.nio.channels.FileChannel.open(
                NotebookLock.lockFileOf(notebook),
                java.nio.file.StandardOpenOption.READ,
                java.nio.file.StandardOpenOption.WRITE);
        var text = channel.tryLock(0, 64, true)) {
      assertThat(text).as("the owner's text not locked").isNotNull();
    }
    assertThat(Files.readString(NotebookLock.lockFileOf(notebook)).strip())
        .isEqualTo(holder.pid() + " closing");
  }

  /** A Talkbook from before, which locks the whole file, still keeps this one out, and back. */
  @Test
  void anOlderTalkbooksWholeFileLockStillExcludes() throws Exception {
    Path notebook = dir.resolve("n.talkbook");
    hold(notebook, "whole");
    assertThatThrownBy(() -> NotebookLock.acquire(notebook))
        .isInstanceOf(NotebookOpenException.class)
        .hasMessageContaining("it is open in another Talkbook (process " + holder.pid() + ")");
    holder.getOutputStream().close();
    assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
    holder = null;
    try (NotebookLock lock = NotebookLock.acquire(notebook)) {
      // an older Talkbook's whole-file lock overlaps this one's byte: it is refused
      Process older =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  HoldLock.class.getName(),
                  notebook.toString(),
                  "whole")
              .redirectErrorStream(true)
              .start();
      older.getOutputStream().close();
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(older.getInputStream(), StandardCharsets.UTF_8))) {
        assertThat(out.readLine()).isEqualTo("refused");
      }
      assertThat(older.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void aCloseThatNeverEndsIsWaitedForOnlySoLongThenSaid() throws Exception {
    Path notebook = dir.resolve("n.talkbook");
    markClosing(hold(notebook));
    assertThatThrownBy(
            () -> NotebookLock.acquire(notebook, Duration.ZERO, Duration.ofSeconds(1), () -> {}))
        .isInstanceOf(NotebookOpenException.class)
        .hasMessageContaining(
            "another Talkbook (process "
                + holder.pid()
                + ") is closing it and has not let go of it in 1 s.");
  }

  /**
   * The mark comes first: while another program holds the notebook's write lock, the close's
   * revisions wait for it (up to the busy timeout, 5 s), and a Talkbook started meanwhile already
   * reads "closing". Marked after the revisions or the file's close, it would read so only 5 s on.
   */
  @Test
  void aNotebooksCloseMarksItsLockAsClosingBeforeItFoldsItsLog() throws Exception {
    Path notebook = dir.resolve("n.talkbook");
    Notebook open = Notebook.open(notebook);
    Path lockFile = NotebookLock.lockFileOf(notebook);
    String closing = ProcessHandle.current().pid() + " closing";
    CompletableFuture<Void> closed;
    try (java.sql.Connection other =
        java.sql.DriverManager.getConnection("jdbc:sqlite:" + notebook)) {
      try (var s = other.createStatement()) {
        s.execute("BEGIN IMMEDIATE"); // the write lock, which the close's revisions wait for
      }
      closed = CompletableFuture.runAsync(open::close);
      long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
      while (!Files.readString(lockFile).strip().equals(closing) && System.nanoTime() < until) {
        Thread.onSpinWait();
      }
      // what a Talkbook started during the close reads
      assertThat(Files.readString(lockFile).strip())
          .as("marked while the close waits for the write lock")
          .isEqualTo(closing);
      assertThat(closed).as("the close still waiting").isNotDone();
      try (var s = other.createStatement()) {
        s.execute("ROLLBACK");
      }
    }
    closed.get(20, TimeUnit.SECONDS);
    assertThat(lockFile).hasContent(closing); // the file is left in place after it
  }
}
