package dev.talkbook.ui.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Where work runs: notebook reads and writes on one background thread (so saves keep their order),
 * rendering the open note on another, the window's settings and places on a third, delays on a
 * timer thread, results back on the FX thread. Threads are named daemons and shut down with the
 * app.
 */
public final class UiExecutors implements AutoCloseable {
  private final ExecutorService io = Executors.newSingleThreadExecutor(named("talkbook-notebook"));
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(named("talkbook-timer"));
  private final ExecutorService render =
      Executors.newSingleThreadExecutor(named("talkbook-render"));
  private final ExecutorService windowState =
      Executors.newSingleThreadExecutor(named("talkbook-window-state"));

  private static java.util.concurrent.ThreadFactory named(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  public ExecutorService io() {
    return io;
  }

  public ScheduledExecutorService timer() {
    return timer;
  }

  /** Rendering the open note for the preview: a thread of its own, so saves never wait for it. */
  public ExecutorService render() {
    return render;
  }

  /**
   * Writing the window's own state (the settings, the talks' places): a thread of its own. On the
   * notebook thread the talk just opened was written out only after that thread's queued work (a
   * big save, a checkpoint, an import, an export): a kill -9 meanwhile started the window on the
   * talk before, while the typing it put back was in another (tester14a).
   */
  public ExecutorService windowState() {
    return windowState;
  }

  /**
   * Runs {@code work} on the notebook thread, then {@code then} with its result on the FX thread; a
   * failure goes to {@code failed} on the FX thread.
   */
  public <T> CompletableFuture<T> run(
      Supplier<T> work, Consumer<T> then, Consumer<Throwable> failed) {
    CompletableFuture<T> future = CompletableFuture.supplyAsync(work, io);
    future.whenComplete(
        (result, error) ->
            Platform.runLater(
                () -> {
                  if (error == null) {
                    then.accept(result);
                  } else {
                    failed.accept(
                        error instanceof java.util.concurrent.CompletionException
                                && error.getCause() != null
                            ? error.getCause()
                            : error);
                  }
                }));
    return future;
  }

  /** Waits up to ten seconds for queued notebook work to finish, then stops the threads. */
  @Override
  public void close() {
    io.shutdown();
    timer.shutdownNow();
    render.shutdownNow();
    windowState.shutdown(); // a write asked for is done; the window flushes its state itself too
    try {
      io.awaitTermination(10, TimeUnit.SECONDS);
      windowState.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
