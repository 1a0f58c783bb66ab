package dev.talkbook.ui.talk;

import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.core.store.NotesJournal;
import dev.talkbook.ui.common.Errors;
import dev.talkbook.ui.common.HeldKeys;
import dev.talkbook.ui.common.SaveWait;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The open talk's notes and their saving, always off the FX thread and in order: typing is saved
 * {@link #AUTOSAVE_DELAY} after a pause and at the latest {@link #AUTOSAVE_MAX_WAIT} after the
 * first unsaved change while typing goes on, at once on switching talks and on close. A failed save
 * keeps the text, says why, and is tried again by itself ({@link #RETRY_FIRST}, doubling up to
 * {@link #RETRY_MAX}) until it succeeds. {@link #saveForShutdown} saves from any thread without the
 * FX thread (the JVM's shutdown hook on SIGTERM). With a {@link NotesJournal}, each change is
 * queued for it as it is made (never waiting for the disk) and each save cuts it.
 *
 * <p>A view model: no controls, only properties. Its methods other than {@link #saveForShutdown}
 * are called on one thread (the FX thread); {@code fx} is how results get back there.
 */
public final class EditorSession {
  private static final System.Logger LOG = System.getLogger(EditorSession.class.getName());

  /** Where the open talk's notes stand. */
  public enum SaveState {
    SAVED,
    UNSAVED,
    SAVING,
    /** The last save failed; the text is kept and a retry is scheduled ({@link #retryIn}). */
    FAILED
  }

  /** How long after a pause in typing the notes are saved ({@link SaveWait#DELAY}). */
  public static final Duration AUTOSAVE_DELAY = SaveWait.DELAY;

  /**
   * The longest the notes stay unsaved in the notebook while typing goes on without a pause (what a
   * crash would lose without the journal, {@link NotesJournal}, which keeps every change until
   * then); {@link SaveWait#MAX_WAIT}, as for the details.
   */
  public static final Duration AUTOSAVE_MAX_WAIT = SaveWait.MAX_WAIT;

  /** The wait before the first retry of a failed save; each further failure doubles it. */
  public static final Duration RETRY_FIRST = Duration.ofSeconds(1);

  /** The longest wait between retries. */
  public static final Duration RETRY_MAX = Duration.ofSeconds(30);

  /** One version of one talk's notes: the {@code seq}-th change made while it was open. */
  record Snapshot(Talk talk, long seq, String text) {
    long talkId() {
      return talk.id();
    }

    boolean covers(Snapshot other) {
      return other != null && talkId() == other.talkId() && seq >= other.seq;
    }
  }

  private final Notebook notebook;
  private final Executor io;
  private final Executor fx;
  private final ScheduledExecutorService timer;

  /** Where each change goes before the notebook has it (null: none, nothing journaled). */
  private final NotesJournal journal;

  private final ReadOnlyObjectWrapper<Talk> talk = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<SaveState> state =
      new ReadOnlyObjectWrapper<>(SaveState.SAVED);
  private final ReadOnlyObjectWrapper<SaveProblem> problem = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Duration> retryIn = new ReadOnlyObjectWrapper<>();

  // FX thread only.
  private String text = "";
  private long seq;
  private long savedSeq;
  private ScheduledFuture<?> pending;
  private ScheduledFuture<?> retry;
  private int failures;

  // Any thread.
  private final SaveWait saveWait = new SaveWait();
  private volatile boolean retryPending;

  /**
   * How many failed saves have been counted (written on the FX thread): each write is queued with
   * the number then, so a failure of a write queued before the last counted failure was known is
   * told from a try made after it, whatever the order the threads ran in.
   */
  private volatile long countedFailures;

  private volatile CompletableFuture<?> lastWrite = CompletableFuture.completedFuture(null);
  private final java.util.concurrent.atomic.AtomicReference<QueuedWrite> queued =
      new java.util.concurrent.atomic.AtomicReference<>();

  /** The newest text of the open talk (or null), for writes and the shutdown hook. */
  private volatile Snapshot latest;

  /** Writes to the notebook, from the notebook thread or the shutdown hook, one at a time. */
  private final Object writing = new Object();

  /** What the last write stored (guarded by {@link #writing}). */
  private Snapshot written;

  public EditorSession(
      Notebook notebook, Executor io, Executor fx, ScheduledExecutorService timer) {
    this(notebook, io, fx, timer, null);
  }

  /**
   * With {@code journal}: each change is queued for it as typed, and it is cut at each save (a
   * read-only notebook journals nothing).
   */
  public EditorSession(
      Notebook notebook,
      Executor io,
      Executor fx,
      ScheduledExecutorService timer,
      NotesJournal journal) {
    this.notebook = notebook;
    this.io = io;
    this.fx = fx;
    this.timer = timer;
    this.journal = notebook.isReadOnly() ? null : journal;
  }

  public ReadOnlyObjectProperty<Talk> talkProperty() {
    return talk.getReadOnlyProperty();
  }

  public Talk getTalk() {
    return talk.get();
  }

  public ReadOnlyObjectProperty<SaveState> stateProperty() {
    return state.getReadOnlyProperty();
  }

  /**
   * Why a save failed: the whole {@code message} ({@link Errors#message}) and its {@code reason}
   * alone, without the notebook's name and the step ({@link Errors#reason}), for a place that says
   * those already.
   */
  public record SaveProblem(String message, String reason) {}

  /** Why the last save failed, or null. */
  public ReadOnlyObjectProperty<SaveProblem> problemProperty() {
    return problem.getReadOnlyProperty();
  }

  /** After a failed save: how long until the next try; null when nothing failed. */
  public ReadOnlyObjectProperty<Duration> retryInProperty() {
    return retryIn.getReadOnlyProperty();
  }

  /** Whether everything typed is in the notebook. */
  public boolean isSaved() {
    return talk.get() == null || state.get() == SaveState.SAVED;
  }

  /**
   * Shows {@code next} (already read from the notebook) as saved. The caller has left the talk that
   * was open ({@link #leave()}), or is showing a restored version of it.
   */
  public void open(Talk next) {
    cancelTimers();
    failures = 0;
    talk.set(next);
    text = next == null ? "" : next.body();
    savedSeq = ++seq;
    latest = next == null ? null : new Snapshot(next, savedSeq, text);
    if (journal != null && next != null) {
      journal.begin(next.id(), savedSeq, text);
    }
    if (latest != null) {
      synchronized (writing) {
        written = latest; // as read from the notebook: what it holds, nothing to write
      }
    }
    problem.set(null);
    retryIn.set(null);
    state.set(SaveState.SAVED);
  }

  /** The talk's details changed elsewhere (renamed, moved): keep the notes being edited. */
  public void detailsChanged(Talk updated) {
    if (talk.get() != null && updated.id() == talk.get().id()) {
      talk.set(updated.withBody(text));
    }
  }

  /** The editor's text changed: save it after a short pause, or soon if typing goes on. */
  public void edited(String newText) {
    edited(newText, -1, 0, 0);
  }

  /**
   * The same, with the change: {@code removed} characters at {@code position} replaced by {@code
   * inserted} characters (a position of -1: not known). The change is queued for the journal before
   * anything else, so a save's cut never overtakes it.
   */
  public void edited(String newText, int position, int removed, int inserted) {
    if (talk.get() == null || Objects.equals(newText, text)) {
      return;
    }
    long next = ++seq;
    if (journal != null) {
      long id = talk.get().id();
      if (position >= 0
          && removed >= 0
          && inserted >= 0
          && position + removed <= text.length()
          && position + inserted <= newText.length()
          && newText.length() == text.length() - removed + inserted) {
        journal.edited(
            id, next, position, removed, newText.substring(position, position + inserted), newText);
      } else {
        journal.replaced(id, next, newText);
      }
    }
    text = newText;
    latest = new Snapshot(talk.get(), next, text);
    if (state.get() == SaveState.SAVED) {
      state.set(SaveState.UNSAVED);
    }
    if (!retryPending) {
      scheduleSave(); // else the scheduled retry saves the newest text
    }
  }

  /**
   * Schedules the autosave: {@link #AUTOSAVE_DELAY} from now, but no later than {@link
   * #AUTOSAVE_MAX_WAIT} after the first change not yet saved. The timer hands the write straight to
   * the notebook thread: a busy FX thread does not hold it up.
   */
  private void scheduleSave() {
    long wait = saveWait.changed();
    if (pending != null) {
      pending.cancel(false);
    }
    pending = schedule(this::autosave, wait);
  }

  /** Runs {@code task} on the timer after {@code nanos}; null when the app is closing. */
  private ScheduledFuture<?> schedule(Runnable task, long nanos) {
    try {
      return timer.schedule(task, nanos, TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.RejectedExecutionException closing) {
      return null; // the window is closing: it saves on its own way out
    }
  }

  /** On the timer thread. */
  private void autosave() {
    Snapshot s = latest;
    if (s != null && !isWritten(s)) {
      enqueue(s);
    }
  }

  private boolean isWritten(Snapshot s) {
    synchronized (writing) {
      return written != null && written.covers(s);
    }
  }

  /** The text the editor shows. */
  public String text() {
    return text;
  }

  /**
   * Saves now if anything is unsaved; the future completes when the newest text is in the notebook
   * and fails when the save failed. The future is the write alone, so the FX thread may wait for it
   * (on close) without waiting for itself; the outcome is shown on the FX thread afterwards.
   */
  public CompletableFuture<?> saveNow() {
    if (pending != null) {
      pending.cancel(false);
      pending = null;
    }
    Talk current = talk.get();
    if (current == null || latest.seq() <= savedSeq && state.get() != SaveState.FAILED) {
      return lastWrite;
    }
    if (retry != null) {
      retry.cancel(false);
      retry = null;
      retryPending = false;
    }
    if (state.get() != SaveState.FAILED) {
      state.set(SaveState.SAVING); // a failure stays shown until a save succeeds
    }
    return enqueue(latest);
  }

  /**
   * Queues the write of {@code snapshot} on the notebook thread (any thread may call it). A write
   * of the same talk queued and not yet started is shared: it takes the newest text when it starts.
   */
  private CompletableFuture<Snapshot> enqueue(Snapshot snapshot) {
    long generation = countedFailures;
    QueuedWrite waiting = queued.get();
    if (waiting != null
        && !waiting.started.get()
        && waiting.talkId == snapshot.talkId()
        && waiting.generation == generation) {
      return waiting.future; // not one from before a failure: the retry's try is a write of its own
    }
    QueuedWrite next = new QueuedWrite(snapshot.talkId(), generation);
    try {
      next.future =
          CompletableFuture.supplyAsync(
              () -> {
                next.started.set(true);
                return write(snapshot);
              },
              io);
    } catch (java.util.concurrent.RejectedExecutionException closing) {
      next.future = CompletableFuture.failedFuture(closing);
    }
    queued.set(next);
    lastWrite = next.future;
    next.future.whenComplete(
        (done, error) -> fx.execute(() -> saved(snapshot, generation, done, error)));
    return next.future;
  }

  /** A write on the notebook thread's queue. */
  private static final class QueuedWrite {
    final long talkId;

    /** {@link #countedFailures} when it was queued. */
    final long generation;

    final AtomicBoolean started = new AtomicBoolean();
    CompletableFuture<Snapshot> future;

    QueuedWrite(long talkId, long generation) {
      this.talkId = talkId;
      this.generation = generation;
    }
  }

  /**
   * Writes {@code asked}, or the open talk's newer text if there is one; skips what an earlier
   * write (or the shutdown hook) already stored. Any thread.
   */
  private Snapshot write(Snapshot asked) {
    synchronized (writing) {
      Snapshot newest = latest;
      Snapshot toWrite = newest != null && newest.covers(asked) ? newest : asked;
      if (written != null && written.covers(toWrite)) {
        return written;
      }
      saveWait.saving(); // changes from now on start a new wait
      if (journal != null) {
        noteSaving(toWrite);
      }
      notebook.talks().saveBody(toWrite.talkId(), toWrite.text());
      written = toWrite;
      if (journal != null) {
        journal.saved(toWrite.talkId(), toWrite.seq(), toWrite.text());
      }
      return toWrite;
    }
  }

  /**
   * Has the journal note the text about to be saved before it is (the notebook thread waits for
   * that, at most {@link #JOURNAL_WAIT}): a kill between the save and the journal's cut then still
   * replays on the saved notes.
   */
  private void noteSaving(Snapshot toWrite) {
    CompletableFuture<Void> noted = journal.saving(toWrite.talkId(), toWrite.seq(), toWrite.text());
    if (journalBehind != null && !journalBehind.isDone()) {
      // The journal's thread has not yet noted a save it timed out on (a disk that does not
      // answer): waiting a second for each save would hold every read and write of the notebook
      // thread, which the window shares. The note is still queued; until the journal catches up,
      // the saves go on without it (a kill before its cut keeps the journal aside, not applied).
      return;
    }
    journalBehind = null;
    try {
      noted.get(JOURNAL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      journalBehind = noted;
      LOG.log(System.Logger.Level.WARNING, "the journal did not note a save in time", e);
    } catch (java.util.concurrent.ExecutionException e) {
      LOG.log(System.Logger.Level.WARNING, "the journal did not note a save in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A save's note the journal did not write in time (guarded by {@link #writing}); null: none. */
  private CompletableFuture<Void> journalBehind;

  /** The longest a save waits for the journal to note it (a stuck disk does not hold saves up). */
  static final Duration JOURNAL_WAIT = Duration.ofSeconds(1);

  /** On the FX thread: the outcome of a write queued when {@code generation} failures counted. */
  private void saved(Snapshot asked, long generation, Snapshot stored, Throwable error) {
    if (talk.get() == null || talk.get().id() != asked.talkId()) {
      return; // the user has moved on (the switch waited for this save)
    }
    if (error != null) {
      Throwable cause = error.getCause() != null ? error.getCause() : error;
      failed(new SaveProblem(Errors.message(cause), Errors.reason(cause)), generation);
      return;
    }
    if (stored.talkId() != asked.talkId() || stored.seq() < asked.seq()) {
      return; // cannot happen: a write stores what it was asked or newer
    }
    failures = 0;
    retryIn.set(null);
    problem.set(null);
    savedSeq = Math.max(savedSeq, stored.seq());
    if (latest.seq() <= savedSeq) {
      state.set(SaveState.SAVED);
    } else {
      state.set(SaveState.UNSAVED);
      if (pending == null || pending.isDone()) {
        scheduleSave(); // typed while a failed save was being retried
      }
    }
  }

  private void failed(SaveProblem why, long generation) {
    problem.set(why);
    state.set(SaveState.FAILED);
    if (pending != null) {
      pending.cancel(false); // the retry saves the newest text
      pending = null;
    }
    if (generation < countedFailures || retryPending) {
      // A write queued before the last counted failure was known (an autosave typed before it):
      // the retry is still to come, at the time shown, or its own write is queued and reports
      // itself. Counting this failure too doubled the wait with every such write, so the bar
      // said 16 s four seconds in. Told by the write's generation, not by the retry's flag alone:
      // the older write can fail after the retry cleared its flag and before it queued its
      // write, and the retry's own write can fail, and be handled here, before its timer task
      // has returned (a loaded machine). The flag still covers an autosave that was starting as
      // the failure was counted: the retry to come saves the newest text.
      return;
    }
    countedFailures++;
    failures++;
    long seconds =
        Math.min(RETRY_MAX.toSeconds(), RETRY_FIRST.toSeconds() << Math.min(failures - 1, 10));
    Duration wait = Duration.ofSeconds(seconds);
    retryIn.set(wait);
    if (retry != null) {
      retry.cancel(false);
    }
    retryPending = true;
    retry =
        schedule(
            () -> {
              retryPending = false;
              Snapshot s = latest;
              if (s != null) {
                enqueue(s);
              }
            },
            wait.toNanos());
  }

  /**
   * Saves the open talk and keeps a revision of it (leaving the talk, closing the window). The
   * future fails when the notes could not be saved; a revision that could not be kept is only
   * logged (the notes themselves are saved).
   */
  public CompletableFuture<?> leave() {
    Talk current = talk.get();
    if (current == null) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<?> save = saveNow();
    long id = current.id();
    CompletableFuture<?> left =
        save.thenRunAsync(
            () -> {
              try {
                if (!notebook.isReadOnly() && notebook.talks().find(id).isPresent()) {
                  notebook.talks().leave(id);
                }
              } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "no revision kept on leaving talk " + id, e);
              }
            },
            io);
    lastWrite = left;
    return left;
  }

  /**
   * Keys typed for talk {@code talkId} while it is being opened (they wait until its notes are
   * shown) type {@code text} so far: journaled at once, so that a kill before the notes take them
   * puts them back (at the end of its notes).
   */
  public HeldKeys.Ahead typedAhead(long talkId) {
    return new HeldKeys.Ahead() {
      @Override
      public void typed(String text) {
        if (journal != null) {
          journal.typedAhead(talkId, text);
        }
      }

      @Override
      public void gone() {
        if (journal != null) {
          journal.typedAheadTaken(talkId);
        }
      }
    };
  }

  /**
   * Forgets the open talk without saving (it was deleted, or the user chose to quit anyway), and
   * its journal with it.
   */
  public void close() {
    if (journal != null && talk.get() != null) {
      journal.forget(talk.get().id());
    }
    cancelTimers();
    failures = 0;
    talk.set(null);
    latest = null;
    text = "";
    problem.set(null);
    retryIn.set(null);
    state.set(SaveState.SAVED);
  }

  private void cancelTimers() {
    if (pending != null) {
      pending.cancel(false);
      pending = null;
    }
    if (retry != null) {
      retry.cancel(false);
      retry = null;
    }
    retryPending = false;
    saveWait.saving();
  }

  /**
   * The notes as they are now when they differ from what the notebook holds, for the shutdown hook:
   * the talk and its text, or null (nothing open, nothing typed, or typed and taken back).
   */
  public Unsaved unsaved() {
    Snapshot s = latest;
    if (s == null) {
      return null;
    }
    synchronized (writing) {
      boolean stored =
          written != null
              && (written.covers(s)
                  || written.talkId() == s.talkId() && written.text().equals(s.text()));
      return stored ? null : new Unsaved(s.talk(), s.text());
    }
  }

  /** Text not yet in the notebook. */
  public record Unsaved(Talk talk, String text) {}

  /**
   * Saves the newest text on the calling thread, without the FX thread: for the shutdown hook.
   * Waits for a save already under way. Returns normally when the newest text is in the notebook.
   */
  public void saveForShutdown() {
    Snapshot s = latest;
    if (s != null) {
      write(s);
    }
  }
}
