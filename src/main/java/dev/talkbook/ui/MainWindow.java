package dev.talkbook.ui;

import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.repl.ReplSession;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.core.store.NotesJournal;
import dev.talkbook.ui.common.CtrlTab;
import dev.talkbook.ui.common.Errors;
import dev.talkbook.ui.common.HeldKeys;
import dev.talkbook.ui.common.Keys;
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
import dev.talkbook.ui.welcome.WelcomeView;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The main window's layout and menus: search and navigator on the left (the open note's outline
 * under them), the talk's details and notes in the middle, the preview on the right, the status bar
 * below; the REPL under it all once used. The talk being edited is {@link #openTalk()}, the view
 * model the views bind to; {@link TalkScreen} shows it, {@link WindowActions} does what the menus
 * ask, {@link JavaMenu} holds the REPL and presenter mode.
 */
public final class MainWindow {
  /** The least height of the notes (px): six lines at the default font size. */
  static final double NOTES_MIN_HEIGHT = 130;

  /**
   * The room the notes keep under the unfolded details (px, about twelve lines at the default font
   * size), or {@link #NOTES_SHARE} of the talk's column when that is less: on a short window (a
   * laptop's, the REPL open) the details' fields scroll, not five lines of notes under them.
   */
  static final double NOTES_ROOM = 250;

  /** The share of a short talk's column the notes keep under the details. */
  static final double NOTES_SHARE = 0.6;

  /** The most height the unfolded details take in a talk's column {@code column} px high. */
  static double detailsMost(double column) {
    return column - Math.min(NOTES_ROOM, column * NOTES_SHARE);
  }

  /** The least width of the preview (px): a narrow window takes the room from the others first. */
  static final double PREVIEW_MIN_WIDTH = 180;

  /** The least width of the talk's column (details, notes, find bar). */
  static final double TALK_MIN_WIDTH = 320;

  /** What the window needs from the app around it. */
  public interface Host {
    void openLink(String url);

    /**
     * {@link #openLink(String)}; when no browser opened it, {@code notOpened} is also told what the
     * window's status bar says (on the FX thread), for a dialog that shows it.
     */
    default void openLink(String url, java.util.function.Consumer<String> notOpened) {
      openLink(url);
    }

    /** File → Open notebook…: the app closes this window's notebook and opens another. */
    void openAnotherNotebook();

    /** Asks where a new notebook goes (a save dialog); null when the user cancelled. */
    Path chooseNewNotebook();

    /**
     * Closes this window's notebook (once its notes are saved) and opens {@code file}, creating it
     * when {@code create} (File → New notebook…, File → Open recent).
     */
    void openNotebook(Path file, boolean create);

    /** Leaves the app; the window has saved its notes (or the user chose not to). */
    void quit();

    /** Asks where to save a file (what for, the proposed name); null when the user cancelled. */
    Path chooseFileToSave(String title, String name);

    /** Asks for a folder (what for); null when the user cancelled. */
    Path chooseFolder(String title);

    /** The clock "Now and next" reads (tests give a fixed one). */
    default Clock clock() {
      return Clock.systemDefaultZone();
    }

    /**
     * Shows {@code file}'s folder in the desktop's file manager; completes when it is shown, or
     * exceptionally with what went wrong (no application to show folders with).
     */
    default java.util.concurrent.CompletableFuture<Void> showInFolder(Path file) {
      return dev.talkbook.ui.common.DesktopOpener.show(file);
    }

    /**
     * The folder where notes the notebook could not take at the last close went when its own folder
     * could not hold them: the temporary folder (tests give another).
     */
    default Path keptNotesFolder() {
      return temporaryFolder();
    }

    /** The temporary folder: where notes and journals go when the notebook's folder refuses. */
    static Path temporaryFolder() {
      return Path.of(System.getProperty("java.io.tmpdir"));
    }
  }

  private final Stage stage;
  private final Settings settings;
  private final Theme theme;
  private final Host host;
  private final OpenTalk talk;

  /** The notes' journal; null for a read-only notebook. */
  private final NotesJournal journal;

  private final EditorView editor;
  private final PreviewView preview;
  private final TalkDetailsPane details;
  private final NavigatorView navigator;
  private final SearchView search;
  private final StatusBar status;

  /** What an empty notebook shows, made when the notebook is first seen empty (null before). */
  private WelcomeView welcome;

  /** View → Show preview. */
  private boolean previewWanted = true;

  private final WindowParts parts;
  private final TalkScreen screen;
  private final WindowActions actions;
  private final ClosingGuard guard;
  private final WindowState state;
  private final BorderPane root = new BorderPane();
  private final SplitPane split = new SplitPane();
  private final SplitPane left = new SplitPane();
  private final StackPane center = new StackPane();
  private final VBox talkPane = new VBox();

  /** Whether the notebook is open read-only (the welcome then offers nothing). */
  private final boolean readOnly;

  private final Label noTalk =
      new Label("Choose a talk on the left, or create one with " + Keys.shown("Shortcut+N") + ".");
  private final WindowMenus menus;
  private final Scene scene;
  private JavaMenu java;
  private final LiveShare share;

  /** How often a read-only window looks whether another process saved. */
  static final Duration FOLLOW_EVERY = Duration.ofSeconds(1);

  /** Follows another process's saves while the window is read-only (null when writable). */
  private final SavedFollow follow;

  public MainWindow(
      Stage stage,
      Notebook notebook,
      UiExecutors executors,
      Settings settings,
      Theme theme,
      Host host) {
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
      Host host,
      CompletableFuture<EditorView> editorAside) {
    this.stage = stage;
    this.settings = settings;
    settings.writeChangesOn(executors.io()); // kept even if the app is killed
    this.theme = theme;
    this.host = host;
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
    readOnly = notebook.isReadOnly();
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
    // A letter typed on a talk's row starts writing in its notes: it and every key after it wait
    // (held) until the talk is shown with the keyboard in its notes, at its kept caret, then go
    // there in order.
    navigator.onTypingInTalk(
        (talkId, key) -> {
          HeldKeys keys = HeldKeys.holdFrom(key, navigator.tree().getScene());
          screen
              .openToWrite(talkId)
              .whenComplete(
                  (shown, error) -> {
                    Throwable why = error instanceof CompletionException ? error.getCause() : error;
                    if (why == null || why instanceof CancellationException) {
                      keys.release(); // another talk chosen meanwhile: the keys go on from there
                    } else {
                      keys.drop(); // the talk could not be read: the status bar says why
                    }
                  });
        });
    // A talk chosen by Go to talk or Now and next opens with the caret in its notes: typing goes
    // on there, not into the search field that had the focus.
    actions = new WindowActions(parts, screen::openToWrite, this::reloadNotebook);
    share = new LiveShare(parts);
    guard = new ClosingGuard(talk, stage, Platform::runLater, host::chooseFileToSave);
    state = new WindowState(stage, settings);
    menus =
        new WindowMenus(parts, actions, share, () -> requestClose(host::quit), this::togglePreview);
    state.keepFold(details.root()); // before the pane joins the scene: folded, it has no fields
    // Back from the search to the notes: the caret where the hit left it, the match no longer
    // selected (a key typed would have replaced it).
    search.onLeaving(
        () -> {
          editor.area().deselect();
          focusNotes();
        });
    layout();
    scene = state.show(root, theme, preview, editor);
    CtrlTab.movesOn(scene);
    if (readOnly) {
      sayWhyReadOnly();
      follow =
          new SavedFollow(
              notebook,
              executors.io(),
              executors.timer(),
              Platform::runLater,
              FOLLOW_EVERY,
              this::followSaves,
              problem -> {
                if (!problem.isEmpty()) {
                  status.showMessageOnce("Could not follow the notebook: " + problem);
                }
              });
    } else {
      follow = null;
    }
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

  private void attach(String name, byte[] bytes) {
    screen.attach(name, bytes);
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

  private void layout() {
    StackPane searchBox = new StackPane(search.field());
    searchBox.getStyleClass().add("tb-search-box");
    // The results (a list and its skin, made by the first CSS pass of the scene that holds them)
    // join the window when the field first has text, not with the first frame.
    StackPane leftContent = new StackPane(navigator.root());
    search.resultsPane().visibleProperty().bind(search.activeProperty());
    search
        .activeProperty()
        .addListener(
            (obs, was, active) -> {
              if (active && !leftContent.getChildren().contains(search.resultsPane())) {
                leftContent.getChildren().add(search.resultsPane());
              }
            });
    navigator.root().visibleProperty().bind(search.activeProperty().not());
    // The outline of the open note goes under the navigator once a talk is shown.
    left.setOrientation(Orientation.VERTICAL);
    left.getItems().add(leftContent);
    VBox leftBox = new VBox(6, searchBox, left);
    VBox.setVgrow(left, Priority.ALWAYS);
    leftBox.getStyleClass().add("tb-left");
    noTalk.getStyleClass().add("tb-muted");
    VBox.setVgrow(editor.root(), Priority.ALWAYS);
    // A short window shrinks the details (their fields scroll), never the notes below six lines.
    editor.root().setMinHeight(NOTES_MIN_HEIGHT);
    details
        .root()
        .maxHeightProperty()
        .bind(
            javafx.beans.binding.Bindings.createDoubleBinding(
                () -> detailsMost(talkPane.getHeight()), talkPane.heightProperty()));
    talkPane.getChildren().addAll(details.root(), editor.root());
    // The talk's column is never narrower than its find bar needs (fields with their prompts,
    // "No results", the buttons) in the smallest window.
    talkPane.setMinWidth(TALK_MIN_WIDTH);
    center.getChildren().addAll(talkPane, noTalk);
    showCenter();
    navigator.emptyProperty().addListener((obs, old, empty) -> showCenter());
    talk.talkProperty().addListener((obs, old, open) -> showCenter());
    split.getItems().addAll(leftBox, center);
    preview.root().setMinWidth(PREVIEW_MIN_WIDTH);
    placePreview();
    talk.talkProperty().addListener((obs, old, open) -> placePreview());
    SplitPane.setResizableWithParent(leftBox, false);
    split.setDividerPositions(
        settings.get(Settings.NAVIGATOR_DIVIDER), settings.get(Settings.PREVIEW_DIVIDER));
    root.setTop(menus.bar());
    root.setCenter(split);
    root.setBottom(status.root());
    navigator.onDeleted(deletion -> status.offerUndo(deletion.message(), screen.deleted(deletion)));
    navigator.onRenamed(status::offerUndo);
    editor.area().addEventFilter(KeyEvent.KEY_PRESSED, this::runBlockKey);
    // Ctrl+Shift+Tab from the notes goes up to the details' first field, the title, not to their
    // last (Video), from where a keyboard user counted Shift+Tabs back to Tags.
    talkPane.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == javafx.scene.input.KeyCode.TAB
              && e.isControlDown()
              && e.isShiftDown()
              && editor.area().isFocused()
              && details.focusFirstField()) {
            e.consume();
          }
        });
  }

  /**
   * The outline panel, built under the navigator when a talk is first shown. With no talk open, or
   * while a search shows its results, it leaves the column and the navigator or the results take
   * its height (hidden, it left an empty block under a navigator that scrolled; beside the results,
   * it left them room for two hits); it comes back at its place.
   */
  private OutlineView outline() {
    OutlineView outline = new OutlineView();
    Runnable place =
        () -> {
          boolean in = left.getItems().contains(outline.root());
          boolean wanted = talk.getTalk() != null && !search.activeProperty().get();
          if (wanted && !in) {
            left.getItems().add(outline.root());
            left.setDividerPositions(settings.get(Settings.OUTLINE_DIVIDER));
            left.getDividers()
                .get(0)
                .positionProperty()
                .addListener(
                    (obs, o, v) -> settings.put(Settings.OUTLINE_DIVIDER, v.doubleValue()));
          } else if (!wanted && in) {
            left.getItems().remove(outline.root());
          }
        };
    place.run();
    talk.talkProperty().addListener((obs, was, now) -> place.run());
    search.activeProperty().addListener((obs, was, now) -> place.run());
    return outline;
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

  /** The notes take the focus when a talk is shown, else the navigator's tree. */
  private void focusNotes() {
    if (talkPane.isVisible() && talk.getTalk() != null) {
      editor.area().requestFocus();
    } else {
      navigator.tree().requestFocus();
    }
  }

  /** Whether the focus is on {@code node} or in it. */
  private static boolean holdsFocus(javafx.scene.Node node) {
    javafx.scene.Scene scene = node.getScene();
    for (javafx.scene.Node n = scene == null ? null : scene.getFocusOwner();
        n != null;
        n = n.getParent()) {
      if (n == node) {
        return true;
      }
    }
    return false;
  }

  private void showCenter() {
    boolean empty = navigator.emptyProperty().get();
    boolean open = talk.getTalk() != null;
    boolean wasShown = welcome != null && welcome.root().isVisible();
    boolean hadFocus = false;
    if (empty && welcome == null) {
      welcome =
          new WelcomeView(
              this::addSample,
              navigator::newEvent,
              actions::importSchedule,
              actions::importMarkdown);
      if (readOnly) {
        welcome.readOnly();
      }
      center.getChildren().add(welcome.root());
    }
    if (welcome != null) {
      // The welcome goes once the notebook has talks (an import, a new event): the focus on its
      // button goes to the tree (or the notes), not to the window's first control, the search
      // field, which took the next keys typed after the dialog closed.
      hadFocus = !empty && wasShown && holdsFocus(welcome.root());
      welcome.root().setVisible(empty);
      if (empty && !wasShown) {
        // Keys act on the welcome's button, not on the search field the window's first focus
        // went to (or on a row that is gone).
        welcome.takeFocus();
      }
    }
    talkPane.setVisible(!empty && open);
    noTalk.setVisible(!empty && !open);
    if (hadFocus) {
      focusNotes();
    }
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

  /**
   * Another process saved (read-only window): the tree and the open talk's notes and details are
   * read again; the status bar says when.
   */
  private void followSaves() {
    navigator.follow();
    screen.follow();
    status.followed();
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
    java = new JavaMenu(parts, root, split, session);
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

  private void togglePreview(boolean show) {
    previewWanted = show;
    placePreview();
  }

  /**
   * The preview is a column of the window while a talk is open and View → Show preview is on; else
   * the talk's column (the welcome, "no talk") takes its room, where an empty column stood. Its
   * divider comes back where the user left it.
   */
  private void placePreview() {
    boolean wanted = previewWanted && talk.getTalk() != null;
    boolean in = split.getItems().contains(preview.root());
    if (wanted && !in) {
      split.getItems().add(preview.root());
      split.setDividerPosition(1, settings.get(Settings.PREVIEW_DIVIDER));
    } else if (!wanted && in) {
      settings.put(Settings.PREVIEW_DIVIDER, split.getDividerPositions()[1]);
      split.getItems().remove(preview.root());
    }
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
    if (follow != null) {
      follow.stop();
    }
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
    state.remember(split);
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
    screen.whenTalkShown(() -> status.showMessage(said));
  }
}
