package dev.talkbook.ui;

import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.notebook.TalkLink;
import dev.talkbook.core.repl.ReplSession;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.core.store.NotesJournal;
import dev.talkbook.ui.common.CtrlTab;
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
import dev.talkbook.ui.talk.OpenTalk;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;

/**
 * The main window's layout and menus: search and navigator on the left (the open note's outline
 * under them), the talk's details and notes in the middle, the preview on the right, the status bar
 * below; the REPL under it all once used. The talk being edited is {@link #openTalk()}, the view
 * model the views bind to; {@link TalkScreen} shows it, {@link WindowActions} does what the menus
 * ask, {@link WindowRepl} holds the REPL ({@link JavaMenu}, with presenter mode), {@link
 * WindowClose} closes the window, {@link ReadOnlyWindow} is a read-only window's, {@link
 * WindowNotices} says what the app has the window say.
 */
public final class MainWindow {
  private final OpenTalk talk;
  private final StatusBar status;
  private final TalkScreen screen;
  private final WindowMenus menus;
  private final WindowLayout layout;
  private final Scene scene;
  private final LiveShare share;
  private final WindowRepl repl;
  private final WindowNotices notices;
  private final WindowClose closing;

  /** Watches for the notebook's file moved or deleted while open. */
  private final FileWhereabouts whereabouts;

  private final Settings settings;

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
    settings.writeChangesOn(executors.windowState()); // kept even if the app is killed
    this.settings = settings;
    Runnable quit = () -> requestClose(host::quit); // File → Quit, from other windows too
    // A journal that cannot be written is said once (typing goes on).
    NotesJournal journal = WindowClose.journal(notebook, host, p -> statusBar().journalProblem(p));
    talk =
        new OpenTalk(
            notebook,
            executors.io(),
            executors.render(),
            Platform::runLater,
            executors.timer(),
            journal);
    // A link in the notes to another talk opens it as the navigator does; web and mail addresses
    // leave; any other is said, not ignored.
    PreviewView preview = new PreviewView(url -> followLink(url, host));
    TalkDetailsPane details =
        new TalkDetailsPane(notebook, executors, this::detailsSaved, host::openLink);
    NavigatorView navigator =
        new NavigatorView(notebook, executors, settings, id -> open(id, null), this::reloadTalk);
    // A hit opens with the caret in the notes at the match: typing goes on there, not into the
    // query.
    SearchView search = new SearchView(notebook, executors, this::openFromSearch);
    status = new StatusBar(notebook.file(), notebook.isReadOnly(), talk);
    status.followDetails(details);
    details.keepUnsavedIn(settings, Settings.detailsKept(notebook.file()));
    EditorView editor =
        editorAside == null
            ? new EditorView(this::attach)
            : EditorView.take(editorAside, this::attach);
    WindowParts parts =
        new WindowParts(
            stage, notebook, executors, settings, theme, host, talk, editor, details, preview,
            navigator, search, status);
    screen = new TalkScreen(parts, this::outline);
    navigator.onTalkCreated(screen::openToWrite);
    screen.writeOnTyping();
    // A talk chosen by Go to talk or Now and next opens with the caret in its notes: typing goes
    // on there, not into the search field that had the focus.
    WindowActions actions =
        new WindowActions(parts, screen::openToWrite, screen::reloadNotebook, this::attach);
    share = new LiveShare(parts);
    WindowState state = new WindowState(stage, settings);
    menus = new WindowMenus(parts, actions, share, quit, this::togglePreview, this::goToOutline);
    OwnedWindowKeys.follow(stage, WindowMenus.QUIT_KEY, quit);
    state.keepFold(details.root()); // before the pane joins the scene: folded, it has no fields
    layout =
        new WindowLayout(
            parts,
            menus.bar(),
            new WindowLayout.WelcomeActions(
                this::addSample, actions::importSchedule, actions::importMarkdown));
    screen.placeCutBannerWith(layout::aboveNotes);
    // Back from the search to the notes: the caret where the hit left it, the match no longer
    // selected (a key typed would have replaced it).
    search.onLeaving(
        () -> {
          editor.area().deselect();
          layout.focusNotes();
        });
    navigator.onDeleted(deletion -> status.offerUndo(deletion.message(), screen.deleted(deletion)));
    navigator.onRenamed(status::offerUndo);
    repl = new WindowRepl(parts, layout, menus, share, screen);
    scene = state.show(layout.root(), theme, preview, editor);
    CtrlTab.movesOn(scene);
    ReadOnlyWindow readOnly =
        notebook.isReadOnly() ? ReadOnlyWindow.start(parts, screen, menus.changing(), scene) : null;
    whereabouts = FileWhereabouts.watch(parts);
    closing =
        new WindowClose(
            parts,
            journal,
            quit,
            share,
            repl,
            screen,
            state,
            layout.split(),
            readOnly,
            whereabouts);
    notices = new WindowNotices(status, screen);
    screen.showTitle(null);
    ScrollSync scroll = ScrollSync.install(editor.area(), preview);
    screen.onOutline(
        outline -> {
          outline.onJump(scroll::jumpTo);
          outline.onLeave(layout::focusNotes);
        });
    // Notes the notebook could not take as Talkbook last closed, kept in files: said once up.
    KeptNotes.offerOnceShown(parts, screen);
    // A notebook written back beside another file at its name as it last closed: said until
    // dismissed (once), where the quit could not say it.
    WrittenBackNotice.sayOnOpen(parts);
  }

  /** The settings this window reads and writes. */
  Settings settings() {
    return settings;
  }

  /**
   * Whether this window has seen its notebook's file deleted while open ({@link FileWhereabouts}
   * looks every 2 s): a quit then closes the notebook before the app ends, to say where it was
   * written back ({@link WrittenBackNotice#closeThenTell}).
   */
  boolean fileDeleted() {
    Notebook.Moved moved = whereabouts.found();
    return moved != null && moved.deleted() && !moved.readOnly();
  }

  /** The outline panel, built under the navigator when a talk is first shown. */
  private OutlineView outline() {
    return layout.outline();
  }

  /**
   * Go → Go to outline (Ctrl+Shift+O): the keyboard into the outline, on the heading the caret is
   * under (it took 8 × Ctrl+Tab from the notes); again, or Esc there: back to the notes, the caret
   * where it was.
   */
  private void goToOutline() {
    OutlineView outline = screen.outline();
    if (outline != null && outline.tree().isFocused()) {
      layout.focusNotes();
      return;
    }
    if (outline == null || talk.getTalk() == null || outline.root().getScene() == null) {
      status.showMessage(
          talk.getTalk() == null
              ? "No outline to go to: open a talk first."
              : "The outline is hidden while search results show: Esc in the search leaves them.");
      return;
    }
    if (outline.tree().getScene() == null) {
      status.showMessage("No headings in the outline yet: start a line with # to add one.");
      return;
    }
    outline.tree().requestFocus();
  }

  private void togglePreview(boolean show) {
    layout.togglePreview(show);
  }

  private void attach(List<EditorView.Pasted> pasted) {
    screen.attach(pasted);
  }

  private void addSample() {
    screen.addSample();
  }

  private void detailsSaved(Talk saved) {
    screen.detailsSaved(saved);
  }

  private void reloadTalk() {
    screen.reload();
  }

  /**
   * A link clicked in the preview: a link to a talk opens it, a web or mail address goes to the
   * system browser, and the status bar says why a relative path (another note's file) leads
   * nowhere; other addresses (an attachment's) do nothing, as before.
   */
  private void followLink(String url, WindowHost host) {
    java.util.Optional<TalkLink> talkLink = TalkLink.parse(url);
    String lower = url.toLowerCase(java.util.Locale.ROOT);
    if (talkLink.isPresent()) {
      open(talkLink.get().talkId(), null);
    } else if (lower.startsWith("http://")
        || lower.startsWith("https://")
        || lower.startsWith("mailto:")) {
      host.openLink(url);
    } else if (!url.matches("(?s)[A-Za-z][A-Za-z0-9+.-]*:.*")) {
      // a relative path (another note's file, 02-loom.md): said, where a click did nothing
      status.showMessage(
          "“"
              + url
              + "” is not a web address or a talk, so the preview cannot open it. Edit → Link to"
              + " talk… (Ctrl+K) links another talk.");
    }
  }

  /** A search hit: its talk, the caret in the notes at the first of {@code reveal} it has. */
  private void openFromSearch(long talkId, List<String> reveal) {
    screen.openToWrite(talkId, reveal);
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

  /** Live share (for tests). */
  LiveShare share() {
    return share;
  }

  /** Every menu action, sub-menus flattened (what the command palette offers). */
  List<MenuItem> actions() {
    return menus.actions();
  }

  /** Loads the tree and the talk that was open last time. */
  public void start() {
    screen.start();
  }

  /** The same, showing at once what was read while the toolkit started (when not null). */
  void start(EarlyStart.FirstView first) {
    screen.start(first);
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
    screen.reloadNotebook(null);
  }

  /**
   * Completes once the preview's page has first loaded: WebKit, made after the notes are shown, is
   * the last of the window's start.
   */
  public CompletionStage<Void> previewLoaded() {
    return screen.previewLoaded();
  }

  /**
   * The preview's WebKit starts once {@code first} completes, or {@code atMost} after the notes are
   * first shown (see {@link TalkScreen#startPreviewAfter}). Call before {@link #start}.
   */
  public void startPreviewAfter(CompletionStage<?> first, Duration atMost) {
    screen.startPreviewAfter(first, atMost);
  }

  /** Docks the Java REPL under the window's content and adds the Java menu (built on first use). */
  public void attachRepl(ReplSession session) {
    repl.attach(session);
  }

  /**
   * Says why the notebook is read-only (a sentence from its small letter, "another Talkbook has it
   * open for writing."): the status bar's "Read-only" and what a key typed into the notes is told.
   */
  void readOnlyBecause(String why) {
    status.readOnlyBecause(why);
  }

  /** See {@link WindowNotices#linkNotOpened}. */
  String linkNotOpened(String url, Throwable why) {
    return notices.linkNotOpened(url, why);
  }

  /** See {@link WindowNotices#tellRecovered}. */
  void tellRecovered(List<NotesJournal.Recovered> recovered) {
    notices.tellRecovered(recovered);
  }

  /** Says {@code message} once the talk is shown, whole even where the status bar cuts it. */
  void tell(String message) {
    notices.tell(message);
  }

  /**
   * Quit or close: saves the details and the notes first, then runs {@code then}; when the notes
   * cannot be saved, asks what to do ({@link WindowClose#request}). The FX thread never waits.
   */
  public void requestClose(Runnable then) {
    closing.request(then);
  }

  /** Saves the details' unsaved fields without the FX thread, for the shutdown hook (SIGTERM). */
  void saveDetailsForShutdown() {
    closing.saveDetailsForShutdown();
  }

  /** Saves the notes, keeps a revision, and remembers the window; returns when the save is done. */
  public void close() {
    closing.close();
  }

  /** Writes the journal's queue: after the shutdown hook's save, its cut (no journal left). */
  void flushJournal() {
    closing.journalWritten().join();
  }

  /** Completes once every change queued to the notes' journal so far is written to the OS. */
  CompletableFuture<Void> journalWritten() {
    return closing.journalWritten();
  }
}
