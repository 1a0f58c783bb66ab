package dev.talkbook.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.NotebookException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The export job's state, without a window: FX updates go to a queue the test drains. */
@Timeout(20)
class LongJobTest {
  private final ExecutorService worker = Executors.newSingleThreadExecutor();
  private final LinkedBlockingQueue<Runnable> fxQueue = new LinkedBlockingQueue<>();
  private final LongJob<String> job = new LongJob<>(worker, fxQueue::add);

  @AfterEach
  void stop() {
    worker.shutdownNow();
  }

  /** Runs FX updates until the job is no longer running. */
  private void drainUntilDone() throws InterruptedException {
    while (job.isRunning()) {
      Runnable r = fxQueue.poll(10, TimeUnit.SECONDS);
      assertThat(r).as("an update from the worker").isNotNull();
      r.run();
    }
  }

  @Test
  void progressThenResult() throws Exception {
    CountDownLatch halfway = new CountDownLatch(1);
    CountDownLatch goOn = new CountDownLatch(1);
    job.start(
        "Starting",
        feedback -> {
          feedback.progress(1, 2, "one");
          halfway.countDown();
          await(goOn);
          return "result";
        },
        r -> "Done with " + r);
    assertThat(job.isRunning()).isTrue();
    assertThat(job.statusProperty().get()).isEqualTo("Starting");
    halfway.await();
    fxQueue.take().run();
    assertThat(job.progressProperty().get()).isEqualTo(0.5);
    assertThat(job.statusProperty().get()).isEqualTo("1 of 2: one");
    goOn.countDown();
    drainUntilDone();
    assertThat(job.getResult()).isEqualTo("result");
    assertThat(job.statusProperty().get()).isEqualTo("Done with result");
    assertThat(job.progressProperty().get()).isEqualTo(1.0);
  }

  @Test
  void cancelStopsTheWorkAndSaysSo() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    job.start(
        "Starting",
        feedback -> {
          started.countDown();
          while (!feedback.cancelled()) {
            Thread.onSpinWait();
          }
          throw new CancellationException();
        },
        r -> r);
    started.await();
    job.cancel();
    drainUntilDone();
    assertThat(job.statusProperty().get()).isEqualTo("Cancelled.");
    assertThat(job.getResult()).isNull();
  }

  /**
   * A job that says what its cancel left (a cancelled site export: pages still to be published)
   * shows that rather than "Cancelled.", told the work's own exception.
   */
  @Test
  void aCancelledJobSaysWhatItsOwnCancelLeft() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    job.start(
        "Starting",
        feedback -> {
          started.countDown();
          while (!feedback.cancelled()) {
            Thread.onSpinWait();
          }
          throw new CancellationException("3 pages wait");
        },
        r -> r,
        cancelled -> "Stopped: " + cancelled.getMessage() + ".");
    started.await();
    job.cancel();
    drainUntilDone();
    assertThat(job.statusProperty().get()).isEqualTo("Stopped: 3 pages wait.");
    assertThat(job.isRunning()).isFalse();
    assertThat(job.failureProperty().get()).isNull();
  }

  @Test
  void aFailureIsShownWithItsMessage() throws Exception {
    job.start(
        "Starting",
        feedback -> {
          throw new NotebookException("The folder cannot be written.");
        },
        r -> r);
    drainUntilDone();
    assertThat(job.statusProperty().get()).isEqualTo("The folder cannot be written.");
    assertThat(job.failureProperty().get()).isInstanceOf(NotebookException.class);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
