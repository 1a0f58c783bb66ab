package dev.talkbook.ui;

import dev.talkbook.core.notebook.NotebookException;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.core.store.TalkStore;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * A read-only window follows what another process saves: every {@code every} the notebook's {@link
 * TalkStore.SavedMark} (one cheap query, as {@code core.share.SavedTalkWatch} reads a talk's change
 * time) is read on the notebook thread; when it moved, {@code changed} runs on the FX thread (the
 * window reads the tree and the open talk again). Never on the FX thread itself; stopped by {@link
 * #stop}.
 */
final class SavedFollow {
  private final Notebook notebook;
  private final ExecutorService io;
  private final Consumer<Runnable> fx;
  private final Runnable changed;
  private final Consumer<String> problems;
  private final ScheduledFuture<?> looks;
  private TalkStore.SavedMark seen; // on the notebook thread only
  private String lastProblem = "";

  /** How often a read-only window looks whether another process saved. */
  static final Duration EVERY = Duration.ofSeconds(1);

  /**
   * Follows for a read-only main window: when another process saved, the tree and the open talk's
   * notes and details are read again and the status bar says when; it also says why the notebook
   * could not be read.
   */
  static SavedFollow forWindow(WindowParts parts, TalkScreen screen) {
    StatusBar status = parts.status();
    return new SavedFollow(
        parts.notebook(),
        parts.executors().io(),
        parts.executors().timer(),
        Platform::runLater,
        EVERY,
        () -> {
          parts.navigator().follow();
          screen.follow();
          status.followed();
        },
        problem -> {
          if (!problem.isEmpty()) {
            status.showMessageOnce("Could not follow the notebook: " + problem);
          }
        });
  }

  /**
   * @param problems told on the FX thread, once each time it changes, why the notebook cannot be
   *     read (following goes on); "" when it can again
   */
  SavedFollow(
      Notebook notebook,
      ExecutorService io,
      ScheduledExecutorService timer,
      Consumer<Runnable> fx,
      Duration every,
      Runnable changed,
      Consumer<String> problems) {
    this.notebook = notebook;
    this.io = io;
    this.fx = fx;
    this.changed = changed;
    this.problems = problems;
    io.execute(this::look); // the mark as the window first read it
    looks =
        timer.scheduleWithFixedDelay(
            this::lookOnNotebookThread, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void lookOnNotebookThread() {
    // The timer only hands the look on: the query waits its turn behind the window's own reads.
    CompletableFuture.runAsync(this::look, io)
        .exceptionally(
            error -> {
              System.getLogger(SavedFollow.class.getName())
                  .log(System.Logger.Level.WARNING, "following the notebook's saves", error);
              return null;
            });
  }

  private void look() {
    String problem = "";
    try {
      TalkStore.SavedMark now = notebook.talks().savedMark();
      if (seen != null && !seen.equals(now)) {
        fx.accept(changed);
      }
      seen = now;
    } catch (NotebookException e) {
      problem = e.getMessage();
    }
    if (!problem.equals(lastProblem)) {
      lastProblem = problem;
      String said = problem;
      fx.accept(() -> problems.accept(said));
    }
  }

  /** Stops following (the window closes). */
  void stop() {
    looks.cancel(false);
  }
}
