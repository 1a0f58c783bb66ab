package dev.talkbook.ui.editor;

import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The open talk's notes and their saving: typing is saved about a second after a pause, on
 * switching talks and on close, always off the FX thread and in order. A failed save keeps the text
 * (it stays in the editor and is tried again on the next change) and says why.
 *
 * <p>A view model: no controls, only properties; {@code fx} is where results are applied (the FX
 * thread in the app, the calling thread in tests).
 */
public final class EditorSession {
  /** Where the open talk's notes stand. */
  public enum SaveState {
    SAVED,
    UNSAVED,
    SAVING,
    FAILED
  }

  public static final Duration AUTOSAVE_DELAY = Duration.ofMillis(800);

  private final Notebook notebook;
  private final Executor io;
  private final Executor fx;
  private final ScheduledExecutorService timer;

  private final ReadOnlyObjectWrapper<Talk> talk = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<SaveState> state =
      new ReadOnlyObjectWrapper<>(SaveState.SAVED);
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();

  private String text = "";
  private String savedText = "";
  private ScheduledFuture<?> pending;
  private CompletableFuture<?> lastSave = CompletableFuture.completedFuture(null);

  public EditorSession(
      Notebook notebook, Executor io, Executor fx, ScheduledExecutorService timer) {
    this.notebook = notebook;
    this.io = io;
    this.fx = fx;
    this.timer = timer;
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

  /** Why the last save failed, or null. */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  /**
   * Shows {@code next} (already read from the notebook): the notes of the talk being left are saved
   * first and kept as a revision.
   */
  public void open(Talk next) {
    leave();
    talk.set(next);
    text = next == null ? "" : next.body();
    savedText = text;
    problem.set(null);
    state.set(SaveState.SAVED);
  }

  /** The talk's details changed elsewhere (renamed, moved): keep the notes being edited. */
  public void detailsChanged(Talk updated) {
    if (talk.get() != null && updated.id() == talk.get().id()) {
      talk.set(updated.withBody(text));
    }
  }

  /** The editor's text changed: save it after a short pause. */
  public void edited(String newText) {
    if (talk.get() == null || Objects.equals(newText, text)) {
      return;
    }
    text = newText;
    if (state.get() != SaveState.SAVING) {
      state.set(SaveState.UNSAVED);
    }
    if (pending != null) {
      pending.cancel(false);
    }
    pending =
        timer.schedule(
            () -> fx.execute(this::saveNow), AUTOSAVE_DELAY.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The text the editor shows. */
  public String text() {
    return text;
  }

  /** Saves now if anything is unsaved; returns when the save is done. */
  public CompletableFuture<?> saveNow() {
    if (pending != null) {
      pending.cancel(false);
      pending = null;
    }
    Talk current = talk.get();
    if (current == null || text.equals(savedText) && state.get() != SaveState.FAILED) {
      return lastSave;
    }
    String toSave = text;
    long id = current.id();
    state.set(SaveState.SAVING);
    // The returned future is the write alone, so the FX thread may wait for it (on close)
    // without waiting for itself; the outcome is shown on the FX thread afterwards.
    CompletableFuture<Void> write =
        lastSave
            .handle((ignored, error) -> null)
            .thenRunAsync(() -> notebook.talks().saveBody(id, toSave), io);
    write.whenComplete((ok, error) -> fx.execute(() -> saved(id, toSave, error)));
    lastSave = write;
    return write;
  }

  private void saved(long id, String body, Throwable error) {
    if (talk.get() == null || talk.get().id() != id) {
      return; // the user has moved on; the save itself was still made
    }
    if (error != null) {
      Throwable cause = error.getCause() != null ? error.getCause() : error;
      problem.set(dev.talkbook.ui.common.Errors.message(cause));
      state.set(SaveState.FAILED);
      return;
    }
    savedText = body;
    problem.set(null);
    state.set(text.equals(savedText) ? SaveState.SAVED : SaveState.UNSAVED);
  }

  /** Saves the open talk and keeps a revision of it (leaving the talk, closing the window). */
  public CompletableFuture<?> leave() {
    Talk current = talk.get();
    if (current == null) {
      return lastSave;
    }
    CompletableFuture<?> save = saveNow();
    long id = current.id();
    lastSave =
        save.handle((ignored, error) -> null)
            .thenRunAsync(
                () -> {
                  if (notebook.talks().find(id).isPresent()) {
                    notebook.talks().leave(id);
                  }
                },
                io);
    return lastSave;
  }

  /** Forgets the open talk without saving (it was deleted). */
  public void close() {
    if (pending != null) {
      pending.cancel(false);
    }
    talk.set(null);
    text = "";
    savedText = "";
    state.set(SaveState.SAVED);
  }
}
