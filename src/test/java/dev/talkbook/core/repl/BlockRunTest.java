package dev.talkbook.core.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.repl.Evaluation.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Several blocks run in order in one session (Run all, Rehearse, {@code talkbook run}): each has
 * the time limit, and a stop ends the running block and the rest. A {@code while (true) {}} block
 * once kept Run all going for as long as the app ran.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BlockRunTest {
  /** A limit on waiting only (a JVM's start on a loaded machine); nothing waits for it to pass. */
  private static final long WAIT_S = 60;

  @Test
  void theDefaultTimeLimitIsTalkbookRuns() {
    assertThat(BlockRun.options().timeLimit()).isEqualTo(Duration.ofSeconds(30));
    assertThat(BlockRun.options().interactiveInput()).isFalse();
  }

  @Test
  void aBlockPastTheTimeLimitIsStoppedAndTheNextOnesRun() throws Exception {
    try (ReplSession fresh = ReplSession.start(BlockRun.options(Duration.ofSeconds(2)))) {
      BlockRun run =
          BlockRun.start(
              fresh, List.of("int a = 1;", "while (true) {}", "a + 1"), BlockRun.Listener.NONE);
      BlockRun.Result r = run.result().get(WAIT_S, TimeUnit.SECONDS);

      assertThat(r.stopped()).isFalse();
      assertThat(r.evaluations())
          .extracting(Evaluation::outcome)
          .containsExactly(Outcome.COMPLETED, Outcome.TIMED_OUT, Outcome.COMPLETED);
      assertThat(NoteCode.outputOf(r.evaluations().get(1)))
          .isEqualTo("Stopped after the time limit of 2 s.\n");
      assertThat(NoteCode.outputOf(r.evaluations().get(2))).isEqualTo("⇒ 2\n");
    }
  }

  @Test
  void aFailedBlocksErrorNamesTheUsersVariablesAndClassesNotJShells() throws Exception {
    try (ReplSession fresh = ReplSession.start(BlockRun.options())) {
      BlockRun run =
          BlockRun.start(
              fresh,
              List.of(
                  "Object o = null;",
                  "System.out.println(o.toString());",
                  "record Point(int x) {}",
                  "Object p = new Point(1); String s = (String) p;"),
              BlockRun.Listener.NONE);
      BlockRun.Result r = run.result().get(WAIT_S, TimeUnit.SECONDS);

      String npe = NoteCode.outputOf(r.evaluations().get(1));
      String cast = NoteCode.outputOf(r.evaluations().get(3));
      assertThat(npe)
          .contains("Cannot invoke \"Object.toString()\" because \"o\" is null")
          .doesNotContain("JShell");
      assertThat(cast).contains("class Point cannot be cast").doesNotContain("JShell");
    }
  }

  @Test
  void aStopEndsTheRunningBlockAndTheRestDoNotRun() throws Exception {
    // The limit is far off: only the stop can end the loop within the test's wait.
    try (ReplSession fresh = ReplSession.start(BlockRun.options(Duration.ofSeconds(300)))) {
      CompletableFuture<Void> second = new CompletableFuture<>();
      BlockRun run =
          BlockRun.start(
              fresh,
              List.of("1", "while (true) {}", "2", "3"),
              new BlockRun.Listener() {
                @Override
                public void starting(int index, int total) {
                  if (index == 1) {
                    second.complete(null);
                  }
                }
              });
      second.get(WAIT_S, TimeUnit.SECONDS);
      WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, fresh::isRunning);
      run.stop();
      BlockRun.Result r = run.result().get(15, TimeUnit.SECONDS);

      assertThat(r.stopped()).isTrue();
      assertThat(r.lastStopped()).isTrue();
      assertThat(r.notRun()).isEqualTo(2);
      assertThat(r.evaluations())
          .extracting(Evaluation::outcome)
          .containsExactly(Outcome.COMPLETED, Outcome.STOPPED);
      assertThat(NoteCode.outputOf(r.evaluations().get(1))).isEqualTo("Stopped.\n");
      assertThat(run.isRunning()).isFalse();
    }
  }

  @Test
  void aStopBetweenTwoBlocksRunsNoMore() throws Exception {
    try (ReplSession fresh = ReplSession.start(BlockRun.options(Duration.ofSeconds(300)))) {
      BlockRun[] run = new BlockRun[1];
      CompletableFuture<BlockRun> started = new CompletableFuture<>();
      run[0] =
          BlockRun.start(
              fresh,
              List.of("1", "while (true) {}"),
              new BlockRun.Listener() {
                @Override
                public void finished(int index, int total, Evaluation evaluation) {
                  started.join().stop();
                }
              });
      started.complete(run[0]);
      BlockRun.Result r = run[0].result().get(WAIT_S, TimeUnit.SECONDS);

      assertThat(r.stopped()).isTrue();
      assertThat(r.lastStopped()).isFalse();
      assertThat(r.evaluations()).hasSize(1);
      assertThat(r.notRun()).isEqualTo(1);
    }
  }

  @Test
  void aStopAsTheJvmStartsRunsNothingOfTheBlock() throws Exception {
    // The stop comes while the first block waits for the JVM: it was lost, and the block ran on.
    try (ReplSession fresh = ReplSession.start(BlockRun.options(Duration.ofSeconds(300)))) {
      BlockRun run = BlockRun.start(fresh, List.of("while (true) {}"), BlockRun.Listener.NONE);
      run.stop();
      BlockRun.Result r = run.result().get(WAIT_S, TimeUnit.SECONDS);

      assertThat(r.stopped()).isTrue();
      assertThat(r.evaluations()).hasSizeLessThanOrEqualTo(1);
      r.evaluations().forEach(e -> assertThat(NoteCode.outputOf(e)).isEqualTo("Stopped.\n"));
    }
  }
}
