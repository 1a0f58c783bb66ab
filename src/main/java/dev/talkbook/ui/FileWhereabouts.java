package dev.talkbook.ui;

import dev.talkbook.core.store.Notebook;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * Tells the window, once, that its notebook file was moved, renamed or deleted while open (a tester
 * moved it with a file manager: the status bar went on saying "Saved" beside a path that no longer
 * existed, and after a crash the typing was in a {@code -wal} left at the old place). Looks every
 * {@link #EVERY} with {@link Notebook#whereabouts()} (one {@code stat}) on the notebook thread,
 * never on the FX thread; stops once it has told, or when the window closes.
 */
final class FileWhereabouts {
  /** How often the window looks whether its file is still where it was opened. */
  static final Duration EVERY = Duration.ofSeconds(2);

  private final ScheduledFuture<?> looks;
  private volatile boolean told;

  /** What was found, once it was; null while the file is in place. */
  private volatile Notebook.Moved found;

  private FileWhereabouts(WindowParts parts) {
    Notebook notebook = parts.notebook();
    StatusBar status = parts.status();
    looks =
        parts
            .executors()
            .timer()
            .scheduleWithFixedDelay(
                () ->
                    CompletableFuture.supplyAsync(notebook::whereabouts, parts.executors().io())
                        .thenAccept(
                            moved ->
                                moved.ifPresent(
                                    m -> {
                                      if (!told) {
                                        told = true;
                                        found = m;
                                        stop();
                                        Platform.runLater(() -> status.fileMoved(m));
                                      }
                                    }))
                        .exceptionally(
                            error -> {
                              System.getLogger(FileWhereabouts.class.getName())
                                  .log(System.Logger.Level.DEBUG, "looking for the file", error);
                              return null;
                            }),
                EVERY.toMillis(),
                EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
  }

  static FileWhereabouts watch(WindowParts parts) {
    return new FileWhereabouts(parts);
  }

  /** Where the file went, once found (moved, renamed or deleted); null while not. Any thread. */
  Notebook.Moved found() {
    return found;
  }

  /** Stops looking (the window closes). */
  void stop() {
    looks.cancel(false);
  }
}
