package dev.talkbook.ui;

import dev.talkbook.core.store.Notebook;
import dev.talkbook.core.store.NotesJournal;
import dev.talkbook.ui.common.Errors;
import dev.talkbook.ui.talk.ClosingGuard;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.SplitPane;

/**
 * Closing the main window: a quit or close asked for saves the details and the notes first ({@link
 * ClosingGuard} asks what to do when the notes cannot be saved); the close itself stops what
 * follows the notebook, saves, closes the notes' journal and remembers the window; the shutdown
 * hook's saves, made without the FX thread. The journal is made here too, for the window's {@code
 * OpenTalk}, so that its life reads in one place.
 */
final class WindowClose {
  private final WindowParts parts;

  /** The notes' journal; null for a read-only notebook. */
  private final NotesJournal journal;

  private final Runnable quit;
  private final LiveShare share;
  private final WindowRepl repl;
  private final TalkScreen screen;
  private final WindowState state;
  private final SplitPane split;
  private final ClosingGuard guard;

  /** A read-only window's; null when writable. */
  private final ReadOnlyWindow readOnly;

  /** Watches for the notebook's file moved or deleted while open. */
  private final FileWhereabouts whereabouts;

  /**
   * @param quit File → Quit, whose key the app's other windows took ({@link OwnedWindowKeys})
   * @param split the window's columns, whose dividers are remembered
   */
  WindowClose(
      WindowParts parts,
      NotesJournal journal,
      Runnable quit,
      LiveShare share,
      WindowRepl repl,
      TalkScreen screen,
      WindowState state,
      SplitPane split,
      ReadOnlyWindow readOnly,
      FileWhereabouts whereabouts) {
    this.parts = parts;
    this.journal = journal;
    this.quit = quit;
    this.share = share;
    this.repl = repl;
    this.screen = screen;
    this.state = state;
    this.split = split;
    this.readOnly = readOnly;
    this.whereabouts = whereabouts;
    guard =
        new ClosingGuard(
            parts.talk(), parts.stage(), Platform::runLater, parts.host()::chooseFileToSave);
  }

  /**
   * The notes' journal: every change to the notes, journaled before it is saved, so a killed
   * process loses none; null for a read-only notebook, which saves nothing (so nothing is journaled
   * and no thread is started). {@code problem} is told, on the FX thread, when it cannot be
   * written.
   */
  static NotesJournal journal(Notebook notebook, WindowHost host, Consumer<String> problem) {
    return notebook.isReadOnly()
        ? null
        : new NotesJournal(
            notebook.file(),
            host.keptNotesFolder(),
            said -> Platform.runLater(() -> problem.accept(said)));
  }

  /**
   * Quit or close: saves the details and the notes first and then runs {@code then}; when the notes
   * cannot be saved, asks whether to save them elsewhere as Markdown, quit anyway, or stay. The FX
   * thread never waits for the save.
   */
  void request(Runnable then) {
    parts.details().save();
    guard.requestClose(then);
  }

  /**
   * Saves what the details' fields hold unsaved on the calling thread, without the FX thread: for
   * the shutdown hook (SIGTERM), beside the notes' {@code OpenTalk.saveForShutdown}.
   */
  void saveDetailsForShutdown() {
    parts.details().saveForShutdown();
  }

  /** Saves the notes, keeps a revision, and remembers the window; returns when the save is done. */
  void close() {
    OwnedWindowKeys.stop(parts.stage(), WindowMenus.QUIT_KEY, quit);
    if (readOnly != null) {
      readOnly.stop();
    }
    whereabouts.stop();
    share.close(); // on the notebook thread, which the app lets finish
    repl.close();
    // What the fields show, and nothing more of the details after: the app's threads stop next.
    parts.details().close();
    try {
      parts.talk().leave().get(10, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      Errors.show(
          parts.stage(), "Could not save before closing", e.getCause() == null ? e : e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (journal != null) {
      journal.close(); // after the save: its cut is written; a journal not cut stays for next time
    }
    screen.keepPlaces();
    state.remember(split);
    parts.editor().dispose();
    parts.talk().dispose();
  }

  /** Completes once every change queued to the notes' journal so far is written to the OS. */
  CompletableFuture<Void> journalWritten() {
    return journal == null ? CompletableFuture.<Void>completedFuture(null) : journal.flush();
  }
}
