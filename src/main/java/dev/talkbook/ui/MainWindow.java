package dev.talkbook.ui;

import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.repl.ReplSession;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.core.store.NotesJournal;
import dev.talkbook.ui.common.CtrlTab;
import dev.talkbook.ui.common.Errors;
import dev.talkbook.ui.common.Settings;
import dev.talkbook.ui.common.Theme;
import dev.talkbook.ui.common.UiExecutors;
import dev.talkbook.ui.details.TalkDetailsPane;
import dev.talkbook.ui.editor.EditorView;
import dev.talkbook.ui.navigator.NavigatorView;
import dev.talkbook.ui.outline.OutlineView;
import dev.talkbook.ui.preview.PreviewView;
import dev.talkbook.ui.preview.ScrollSync;
import dev.talkbook.ui.search.SearchView;
import dev.talkbook.ui.talk.ClosingGuard;
import dev.talkbook.ui.talk.OpenTalk;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * The main window's layout and menus: search and navigator on the left (the open note's outline
 * under them), the talk's details and notes in the middle, the preview on the right, the status bar
 * below; the REPL under it all once used. The talk being edited is {@link #openTalk()}, the view
 * model the views bind to; {@link TalkScreen} shows it, {@link WindowActions} does what the menus
 * ask, {@link JavaMenu} holds the REPL and presenter mode.
 */
public final class MainWindow {
  private final Stage stage;
  private final Settings settings;
  private final Theme theme;
  private final WindowHost host;
  private final OpenTalk talk;

  /** The notes' journal; null for a read-only notebook. */
  private final NotesJournal journal;

  private final EditorView editor;
  private final PreviewView preview;
  private final TalkDetailsPane details;
  private final NavigatorView navigator;
  private final SearchView search;
  private final StatusBar status;

  private final WindowParts parts;
  private final TalkScreen screen;
  private final WindowActions actions;
  private final ClosingGuard guard;
  private final WindowState state;
  private final WindowLayout layout;
  private final WindowMenus menus;
  private final Scene scene;
  private JavaMenu java;
  private final LiveShare share;

  /** File → Quit, from the app's other windows too. */
  private final Runnable quit;

  /** Follows another process's saves while the window is read-only (null when writable). */
  private final SavedFollow follow;

  private final FileWhereabouts whereabouts;

  public MainWindow(
      Stage stage,
      Notebook notebook,
      UiExecutors executors,
      Settings settings,
      Theme theme,
      WindowHost host) {
    this(stage, notebook, executors, settings, theme, host, null);
  }

  /**
   * The same, with the editor begun by {@link EditorView#makeAside} while the toolkit started
   * (null: made here): it is taken after the other views are made, so both threads work meanwhile.
   */
  MainWindow(
      Stage stage,
      Notebook notebook,
      UiExecutors executors,
      Settings settings,
      Theme theme,
      WindowHost host,
      CompletableFuture<EditorView> editorAside) {
    this.stage = stage;
    this.settings = settings;
    settings.writeChangesOn(executors.io()); // kept even if the app is killed
    this.theme = theme;
    this.host = host;
    quit = () -> requestClose(host::quit);
    // Every change to the notes, journaled before it is saved: a killed process loses none (a
    // read-only notebook saves nothing, so nothing is journaled and no thread is started).
    journal =
        notebook.isReadOnly()
            ? null
            : new NotesJournal(
                notebook.file(),
                host.keptNotesFolder(),
                problem -> Platform.runLater(() -> journalProblem(problem)));
    talk =
        new OpenTalk(
            notebook,
            executors.io(),
            executors.render(),
            Platform::runLater,
            executors.timer(),
            journal);
    preview = new PreviewView(host::openLink);
    details = new TalkDetailsPane(notebook, executors, this::detailsSaved, host::openLink);
    navigator =
        new NavigatorView(notebook, executors, settings, id -> open(id, null), this::reloadTalk);
    // A hit opens with the caret in the notes at the match: typing goes on there, not into the
    // query.
    search = new SearchView(notebook, executors, this::openFromSearch);
    status = new StatusBar(notebook.file(), notebook.isReadOnly(), talk);
    status.followDetails(
        details.unsavedProperty(), details.problemProperty(), details.notSavedProperty());
    details.onLeftUnsaved(status::showTalkMessage);
    details.onSchemeAdded(status::offerUndo);
    details.keepUnsavedIn(settings, Settings.detailsKept(notebook.file()));
    editor =
        editorAside == null
            ? new EditorView(this::attach)
            : EditorView.take(editorAside, this::attach);
    parts =
        new WindowParts(
            stage, notebook, executors, settings, theme, host, talk, editor, details, preview,
            navigator, search, status);
    screen = new TalkScreen(parts, this::outline);
    navigator.onTalkCreated(screen::openToWrite);
    screen.writeOnTyping();
    // A talk chosen by Go to talk or Now and next opens with the caret in its notes: typing goes
    // on there, not into the search field that had the focus.
    actions = new WindowActions(parts, screen::openToWrite, this::reloadNotebook);
    share = new LiveShare(parts);
    guard = new ClosingGuard(talk, stage, Platform::runLater, host::chooseFileToSave);
    state = new WindowState(stage, settings);
    menus = new WindowMenus(parts, actions, share, quit, this::togglePreview);
    OwnedWindowKeys.follow(stage, WindowMenus.QUIT_KEY, quit);
    state.keepFold(details.root()); // before the pane joins the scene: folded, it has no fields
    layout =
        new WindowLayout(
            parts,
            menus.bar(),
            new WindowLayout.WelcomeActions(
                this::addSample, actions::importSchedule, actions::importMarkdown));
    // Back from the search to the notes: the caret where the hit left it, the match no longer
    // selected (a key typed would have replaced it).
    search.onLeaving(
        () -> {
          editor.area().deselect();
          layout.focusNotes();
        });
    navigator.onDeleted(deletion -> status.offerUndo(deletion.message(), screen.deleted(deletion)));
    navigator.onRenamed(status::offerUndo);
    editor.area().addEventFilter(KeyEvent.KEY_PRESSED, this::runBlockKey);
    scene = state.show(layout.root(), theme, preview, editor);
    CtrlTab.movesOn(scene);
    if (notebook.isReadOnly()) {
      sayWhyReadOnly();
      follow = SavedFollow.forWindow(parts, screen);
    } else {
      follow = null;
    }
    whereabouts = FileWhereabouts.watch(parts);
    screen.showTitle(null);
    ScrollSync scroll = ScrollSync.install(editor.area(), preview);
    screen.onOutline(outline -> outline.onJump(scroll::jumpTo));
    // Notes the notebook could not take as Talkbook last closed, kept in files: said once up.
    screen.whenTalkShown(
        () ->
            KeptNotes.offer(
                new KeptNotes.Parts(
                    stage,
                    notebook,
                    settings,
                    executors,
                    talk,
                    screen::openToWrite,
                    host::showInFolder,
                    status::showMessage),
                host.keptNotesFolder()));
  }

  /** The outline panel, built under the navigator when a talk is first shown. */
  private OutlineView outline() {
    return layout.outline();
  }

  private void togglePreview(boolean show) {
    layout.togglePreview(show);
  }

  private void attach(java.util.List<EditorView.Pasted> pasted) {
    screen.attach(pasted);
  }

  private void addSample() {
    screen.addSample();
  }

  /** The talk being edited: the view model the preview, outline, status bar and others bind to. */
  public OpenTalk openTalk() {
    return talk;
  }

  /** The status bar (for tests). */
  StatusBar statusBar() {
    return status;
  }

  public Scene scene() {
    return scene;
  }

  /**
   * Says why the notebook is read-only (a sentence from its small letter, "another Talkbook has it
   * open for writing."): the status bar's "Read-only" and what a key typed into the notes is told.
   */
  void readOnlyBecause(String why) {
    status.readOnlyBecause(why);
  }

  /**
   * A web address the desktop could not open (no browser it knows of; {@code why} is logged): the
   * status bar says so and the address is on the clipboard, to paste into a browser. Returns the
   * words said, for a dialog that asked to show them too.
   */
  String linkNotOpened(String url, Throwable why) {
    System.getLogger(MainWindow.class.getName())
        .log(System.Logger.Level.INFO, "could not open " + url, why);
    javafx.scene.input.ClipboardContent copy = new javafx.scene.input.ClipboardContent();
    copy.putString(url);
    javafx.scene.input.Clipboard.getSystemClipboard().setContent(copy);
    String said = "No browser opened " + url + ". The address is copied: paste it into a browser.";
    status.showMessage(said);
    return said;
  }

  /**
   * In a read-only window, what would change the notebook is greyed out; its key (Ctrl+N, F2, Del,
   * Ctrl+D…) and a call from elsewhere say why nothing happens, in the status bar, not asking
   * first.
   */
  private void sayWhyReadOnly() {
    Runnable tell = () -> status.showMessageOnce(status.readOnlyMessage());
    navigator.onReadOnly(tell);
    List<MenuItem> changing = menus.changing();
    scene.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          for (MenuItem item : changing) {
            if (item.getAccelerator() != null && item.getAccelerator().match(e)) {
              tell.run();
              return;
            }
          }
        });
  }

  /**
   * Ctrl+Shift+Enter in the notes runs the code block at the caret; Esc stops it (or Run all, or
   * any code that runs), and only then: with nothing running Esc is left to the notes.
   */
  private void runBlockKey(KeyEvent e) {
    if (java != null && e.getCode() == KeyCode.ENTER && e.isShortcutDown() && e.isShiftDown()) {
      java.runBlockAtCaret();
      e.consume();
    } else if (java != null
        && e.getCode() == KeyCode.ESCAPE
        && !e.isShortcutDown()
        && !e.isShiftDown()
        && !e.isAltDown()
        && java.stopIfRunning()) {
      e.consume();
    }
  }

  // ---- the open talk

  /** Loads the tree and the talk that was open last time. */
  public void start() {
    screen.start();
  }

  /** The same, showing at once what was read while the toolkit started (when not null). */
  void start(EarlyStart.FirstView first) {
    screen.start(first);
  }

  /** A search hit: its talk, the caret in the notes at the first of {@code reveal} it has. */
  private void openFromSearch(long talkId, List<String> reveal) {
    screen.openToWrite(talkId, reveal);
  }

  /** Opens a talk (leaving the open one) and selects the first of {@code reveal} it has. */
  public void open(long talkId, List<String> reveal) {
    screen.open(talkId, reveal);
  }

  /**
   * Runs {@code action} once, after the last open talk's notes are first shown, or once the window
   * is up when there is no talk to open; actions run in the order given.
   */
  public void whenTalkShown(Runnable action) {
    screen.whenTalkShown(action);
  }

  /** The notebook changed behind the window (an import, another window): reads it again. */
  public void reloadNotebook() {
    reloadNotebook(null);
  }

  /** {@link #reloadNotebook()}, selecting the event {@code eventId} (null: the selected row). */
  private void reloadNotebook(Long eventId) {
    if (eventId == null) {
      navigator.reload(null);
    } else {
      navigator.reloadSelectingEvent(eventId);
    }
    reloadTalk();
  }

  private void reloadTalk() {
    screen.reload();
  }

  private void detailsSaved(Talk saved) {
    talk.detailsChanged(saved);
    navigator.talkChanged(saved);
    if (talk.getTalk() != null && talk.getTalk().id() == saved.id()) {
      screen.showTitle(saved); // not a talk left, saved as another showed
    }
  }

  /**
   * Completes once the preview's page has first loaded: WebKit, made after the notes are shown, is
   * the last of the window's start.
   */
  public java.util.concurrent.CompletionStage<Void> previewLoaded() {
    return screen.previewLoaded();
  }

  /**
   * The preview's WebKit starts once {@code first} completes, or {@code atMost} after the notes are
   * first shown (see {@link TalkScreen#startPreviewAfter}). Call before {@link #start}.
   */
  public void startPreviewAfter(
      java.util.concurrent.CompletionStage<?> first, java.time.Duration atMost) {
    screen.startPreviewAfter(first, atMost);
  }

  /** Docks the Java REPL under the window's content and adds the Java menu (built on first use). */
  public void attachRepl(ReplSession session) {
    share.followRepl(session);
    java = new JavaMenu(parts, layout.root(), layout.split(), session);
    menus.add(java.menu());
    // Shown again if it was as the window last closed, once the notes are up (not before the
    // window's first frame, which it would hold up).
    JavaMenu shown = java;
    screen.whenTalkShown(shown::showIfShownLastTime);
  }

  /** Live share (for tests). */
  LiveShare share() {
    return share;
  }

  /** Every menu action, sub-menus flattened (what the command palette offers). */
  List<MenuItem> actions() {
    return menus.actions();
  }

  // ---- closing

  /**
   * Quit or close: saves the details and the notes first and then runs {@code then}; when the notes
   * cannot be saved, asks whether to save them elsewhere as Markdown, quit anyway, or stay. The FX
   * thread never waits for the save.
   */
  public void requestClose(Runnable then) {
    details.save();
    guard.requestClose(then);
  }

  /**
   * Saves what the details' fields hold unsaved on the calling thread, without the FX thread: for
   * the shutdown hook (SIGTERM), beside the notes' {@link OpenTalk#saveForShutdown}.
   */
  void saveDetailsForShutdown() {
    details.saveForShutdown();
  }

  /** Saves the notes, keeps a revision, and remembers the window; returns when the save is done. */
  public void close() {
    OwnedWindowKeys.stop(stage, WindowMenus.QUIT_KEY, quit);
    if (follow != null) {
      follow.stop();
    }
    whereabouts.stop();
    share.close(); // on the notebook thread, which the app lets finish
    if (java != null) {
      java.close();
    }
    // What the fields show, and nothing more of the details after: the app's threads stop next.
    details.close();
    try {
      talk.leave().get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
      Errors.show(stage, "Could not save before closing", e.getCause() == null ? e : e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (journal != null) {
      journal.close(); // after the save: its cut is written; a journal not cut stays for next time
    }
    screen.keepPlaces();
    state.remember(layout.split());
    editor.dispose();
    talk.dispose();
  }

  /**
   * Writes what the notes' journal has queued: after the shutdown hook's save, its cut, so no
   * journal is left for notes already saved.
   */
  void flushJournal() {
    journalWritten().join();
  }

  /** Completes once every change queued to the notes' journal so far is written to the OS. */
  java.util.concurrent.CompletableFuture<Void> journalWritten() {
    return journal == null ? CompletableFuture.<Void>completedFuture(null) : journal.flush();
  }

  /** The journal cannot be written: said once (typing goes on). */
  private void journalProblem(String problem) {
    status.showMessage(problem);
  }

  /**
   * Says, once the notes show, what the open did with the journals a killed Talkbook left ({@link
   * NotesJournal#recover}): typing put back, or a journal kept aside and why.
   */
  void tellRecovered(List<NotesJournal.Recovered> recovered) {
    if (recovered.isEmpty()) {
      return;
    }
    String said =
        recovered.stream().map(NotesJournal.Recovered::message).collect(Collectors.joining(" "));
    screen.whenTalkShown(
        () -> {
          // The caret (and the scroll) at the end of the typing put back into the talk shown.
          recovered.stream()
              .filter(r -> r.putBack() && r.end() >= 0)
              .reduce((first, second) -> second)
              .ifPresent(r -> screen.caretAt(r.talkId(), r.end()));
          status.showMessageWhole(said);
        });
  }

  /** Says {@code message} once the talk is shown, whole even where the status bar cuts it. */
  void tell(String message) {
    screen.whenTalkShown(() -> status.showMessageWhole(message));
  }
}
