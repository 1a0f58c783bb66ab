package dev.talkbook.core.share;

import dev.talkbook.core.notebook.NotebookException;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Shares what is saved: follows one talk of a notebook that another process writes (the window, a
 * command) by reading when the talk or its event last changed, which is one cheap query, every
 * {@code every}; when that moves, the talk is read again and shown. Needs no lock: the notebook may
 * be open read-only. Runs on the caller's thread.
 *
 * <p>Between looks it holds nothing open ({@link Notebook#releaseReaders}): whatever journal mode a
 * writer leaves the file in (WAL while one is open, rollback journal once it has closed), the next
 * look opens a connection afresh and reads what was committed, and a writer that closes while the
 * watch waits still leaves the notebook as one file. A look costs about a millisecond.
 */
public final class SavedTalkWatch {
  /** Why watching ended. */
  public enum End {
    /** The thread was interrupted (the user stopped sharing). */
    STOPPED,
    /** The talk is no longer in the notebook. */
    DELETED
  }

  private final Notebook notebook;
  private final long talkId;
  private final ShareSession session;
  private final Duration every;
  private final Consumer<String> problems;
  private Instant seen;
  private String lastProblem;

  /**
   * @param problems told, once each time it changes, why the notebook cannot be read (the watch
   *     carries on and tries again); told "" when it can again
   */
  public SavedTalkWatch(
      Notebook notebook,
      long talkId,
      ShareSession session,
      Duration every,
      Consumer<String> problems) {
    this.notebook = notebook;
    this.talkId = talkId;
    this.session = session;
    this.every = every;
    this.problems = problems;
  }

  /** Watches until interrupted or the talk is deleted. */
  public End run() {
    while (!Thread.currentThread().isInterrupted()) {
      if (!check()) {
        return End.DELETED;
      }
      try {
        Thread.sleep(every.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return End.STOPPED;
  }

  /** One look: shows the talk if it changed; false when it is gone. */
  boolean check() {
    try {
      Optional<Instant> changed = notebook.talks().changedAt(talkId);
      if (changed.isEmpty()) {
        return false;
      }
      if (!changed.get().equals(seen)) {
        Optional<Talk> talk = notebook.talks().find(talkId);
        if (talk.isEmpty()) {
          return false;
        }
        session.show(SharedTalk.of(talk.get(), notebook.events().get(talk.get().eventId())));
        seen = changed.get();
      }
      report("");
    } catch (NotebookException e) {
      report(e.getMessage());
    } finally {
      notebook.releaseReaders();
    }
    return true;
  }

  private void report(String problem) {
    if (!problem.equals(lastProblem == null ? "" : lastProblem)) {
      problems.accept(problem);
    }
    lastProblem = problem;
  }
}
