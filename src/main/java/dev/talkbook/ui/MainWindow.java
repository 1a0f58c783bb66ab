package dev.talkbook.ui;

import dev.talkbook.core.markdown.MarkdownRenderer;
import dev.talkbook.core.markdown.NotePreviewRenderer;
import dev.talkbook.core.markdown.RenderedNote;
import dev.talkbook.core.notebook.Attachment;
import dev.talkbook.core.notebook.AttachmentRef;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.repl.ReplSession;
import dev.talkbook.core.sample.SampleMeetup;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.ui.common.Errors;
import dev.talkbook.ui.common.Settings;
import dev.talkbook.ui.common.ShownKey;
import dev.talkbook.ui.common.Theme;
import dev.talkbook.ui.common.UiExecutors;
import dev.talkbook.ui.details.TalkDetailsPane;
import dev.talkbook.ui.editor.EditorSession;
import dev.talkbook.ui.editor.EditorView;
import dev.talkbook.ui.editor.UnsavedNotesDialog;
import dev.talkbook.ui.export.ExportJob;
import dev.talkbook.ui.export.MarkdownExportDialog;
import dev.talkbook.ui.export.MarkdownImportDialog;
import dev.talkbook.ui.export.SiteExportDialog;
import dev.talkbook.ui.history.HistoryDialog;
import dev.talkbook.ui.navigator.NavigatorView;
import dev.talkbook.ui.outline.OutlineView;
import dev.talkbook.ui.palette.MenuActions;
import dev.talkbook.ui.palette.PaletteEntry;
import dev.talkbook.ui.palette.PalettePopup;
import dev.talkbook.ui.presenter.PresenterMode;
import dev.talkbook.ui.preview.PreviewView;
import dev.talkbook.ui.preview.ScrollSync;
import dev.talkbook.ui.repl.NotesRunner;
import dev.talkbook.ui.repl.ReplDock;
import dev.talkbook.ui.repl.ReplPane;
import dev.talkbook.ui.search.SearchView;
import dev.talkbook.ui.welcome.WelcomeView;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The main window: navigator and search on the left, the open talk's details and notes in the
 * middle, the live preview on the right, the status bar below. It wires the views to the notebook;
 * every notebook call runs on the background thread, results come back on the FX thread.
 */
public final class MainWindow {
  private static final long PREVIEW_DELAY_MS = 120;

  /** What the window needs from the app around it. */
  public interface Host {
    void openLink(String url);

    /** File → Open notebook…: the app closes this window's notebook and opens another. */
    void openAnotherNotebook();

    /** Leaves the app; the window has saved its notes (or the user chose not to). */
    void quit();

    /**
     * Asks where to save a file ({@code title} says what for, {@code name} is the proposed file
     * name); null when the user cancelled.
     */
    java.nio.file.Path chooseFileToSave(String title, String name);

    /** The clock "Now and next" reads (tests give a fixed one). */
    default java.time.Clock clock() {
      return java.time.Clock.systemDefaultZone();
    }
  }

  private final Stage stage;
  private final Notebook notebook;
  private final UiExecutors executors;
  private final Settings settings;
  private final Theme theme;
  private final Host host;

  /** Built on first use, on the notebook thread: commonmark's set-up costs ~0.3 s at start. */
  private MarkdownRenderer renderer;

  /** Re-renders only the changed sections of the open note; notebook thread only. */
  private NotePreviewRenderer previewRenderer;

  final EditorSession session;
  final EditorView editor;
  final PreviewView preview;
  final OutlineView outline = new OutlineView();
  final ScrollSync scrollSync;
  final TalkDetailsPane details;
  final NavigatorView navigator;
  final SearchView search;
  final StatusBar status;
  private final WelcomeView welcome;
  private final BorderPane root = new BorderPane();
  private final SplitPane split = new SplitPane();
  private final StackPane center = new StackPane();
  private final VBox talkPane = new VBox();
  private final Label noTalk = new Label("Choose a talk on the left, or create one with Ctrl+N.");
  private final MenuBar menuBar = new MenuBar();
  private final Scene scene;
  private ReplDock repl;
  private PresenterMode presenter;
  private ScheduledFuture<?> pendingPreview;
  private boolean loading;
  private Runnable onTalkShown;

  public MainWindow(
      Stage stage,
      Notebook notebook,
      UiExecutors executors,
      Settings settings,
      Theme theme,
      Host host) {
    this.stage = stage;
    this.notebook = notebook;
    this.executors = executors;
    this.settings = settings;
    this.theme = theme;
    this.host = host;
    session = new EditorSession(notebook, executors.io(), Platform::runLater, executors.timer());
    editor = new EditorView(this::attach);
    preview = new PreviewView(host::openLink);
    scrollSync = ScrollSync.install(editor.area(), preview);
    details = new TalkDetailsPane(notebook, executors, this::detailsSaved, host::openLink);
    navigator =
        new NavigatorView(notebook, executors, id -> openTalk(id, null), this::notebookChanged);
    search = new SearchView(notebook, executors, this::openTalk);
    status = new StatusBar(notebook.file(), notebook.isReadOnly(), session);
    welcome = new WelcomeView(this::addSample, navigator::newEvent);
    layout();
    wire();
    if (notebook.isReadOnly()) {
      // Nothing could be saved: say so by not offering to change the notes or details.
      editor.area().setEditable(false);
      details.setEditable(false);
    }
    javafx.geometry.Dimension2D start =
        startSize(javafx.stage.Screen.getPrimary().getVisualBounds());
    boolean sized = settings.has(Settings.WIDTH) && settings.has(Settings.HEIGHT);
    scene =
        new Scene(
            root,
            sized ? settings.get(Settings.WIDTH) : start.getWidth(),
            sized ? settings.get(Settings.HEIGHT) : start.getHeight());
    theme.apply(scene);
    preview.setDark(theme.isDark());
    stage.setScene(scene);
    stage.setTitle(notebook.file().getFileName() + " — Talkbook");
    stage.setMinWidth(640);
    stage.setMinHeight(420);
    restoreWindow();
  }

  public Scene scene() {
    return scene;
  }

  private void layout() {
    VBox left = new VBox(6);
    StackPane leftContent = new StackPane(navigator.root(), search.resultsPane());
    VBox.setVgrow(leftContent, Priority.ALWAYS);
    StackPane searchBox = new StackPane(search.field());
    searchBox.getStyleClass().add("tb-search-box");
    // The outline of the open note sits under the navigator, beside the editor.
    SplitPane leftSplit = new SplitPane(leftContent, outline.root());
    leftSplit.setOrientation(Orientation.VERTICAL);
    leftSplit.setDividerPositions(settings.get(Settings.OUTLINE_DIVIDER));
    leftSplit
        .getDividers()
        .get(0)
        .positionProperty()
        .addListener((obs, o, v) -> settings.put(Settings.OUTLINE_DIVIDER, v.doubleValue()));
    outline.root().visibleProperty().bind(session.talkProperty().isNotNull());
    VBox.setVgrow(leftSplit, Priority.ALWAYS);
    left.getChildren().addAll(searchBox, leftSplit);
    left.getStyleClass().add("tb-left");
    search.resultsPane().visibleProperty().bind(search.activeProperty());
    navigator.root().visibleProperty().bind(search.activeProperty().not());

    noTalk.getStyleClass().add("tb-muted");
    VBox.setVgrow(editor.root(), Priority.ALWAYS);
    talkPane.getChildren().addAll(details.root(), editor.root());
    center.getChildren().addAll(talkPane, noTalk, welcome.root());
    showCenter();

    split.getItems().addAll(left, center, preview.root());
    split.setOrientation(Orientation.HORIZONTAL);
    SplitPane.setResizableWithParent(left, false);
    split.setDividerPositions(
        settings.get(Settings.NAVIGATOR_DIVIDER), settings.get(Settings.PREVIEW_DIVIDER));

    root.setTop(menuBar);
    root.setCenter(split);
    root.setBottom(status.root());
    buildMenus();
  }

  private void showCenter() {
    boolean empty = navigator.emptyProperty().get();
    boolean open = session.getTalk() != null;
    welcome.root().setVisible(empty);
    talkPane.setVisible(!empty && open);
    noTalk.setVisible(!empty && !open);
  }

  private void wire() {
    navigator.emptyProperty().addListener((obs, old, empty) -> showCenter());
    navigator.onDeleted(
        deletion ->
            status.offerUndo(
                deletion.message(),
                () ->
                    executors.run(
                        deletion.undo(),
                        talkId -> {
                          navigator.reload(talkId);
                          if (talkId != null) {
                            openTalk(talkId, null);
                          }
                        },
                        error -> Errors.show(stage, "Could not undo the deletion", error))));
    session.talkProperty().addListener((obs, old, talk) -> showCenter());
    preview.root().visibleProperty().bind(session.talkProperty().isNotNull());
    editor
        .area()
        .textProperty()
        .addListener(
            (obs, old, text) -> {
              if (session.getTalk() != null) {
                status.showWords(text);
              }
              if (!loading) {
                session.edited(text);
              }
              schedulePreview(text);
            });
    javafx.beans.value.ChangeListener<Boolean> saveOnLeaving =
        (obs, was, focused) -> {
          if (was && !focused) {
            session.saveNow();
          }
        };
    editor.area().focusedProperty().addListener(saveOnLeaving);
    stage.focusedProperty().addListener(saveOnLeaving);
    theme
        .choiceProperty()
        .addListener(
            (obs, old, choice) -> {
              theme.apply(scene);
              preview.setDark(theme.isDark());
              settings.put(Settings.THEME, choice.name());
            });
    details.root().setExpanded(settings.get(Settings.DETAILS_EXPANDED));
    details
        .root()
        .expandedProperty()
        .addListener((obs, o, v) -> settings.put(Settings.DETAILS_EXPANDED, v));
    outline.onJump(scrollSync::jumpTo);
    outline.withBulletsProperty().set(settings.get(Settings.OUTLINE_BULLETS));
    outline
        .withBulletsProperty()
        .addListener((obs, o, v) -> settings.put(Settings.OUTLINE_BULLETS, v));
    editor.area().currentParagraphProperty().addListener((obs, old, par) -> outline.showCaret(par));
    editor.lineNumbersProperty().addListener((obs, o, v) -> settings.put(Settings.LINE_NUMBERS, v));
    editor.wrapProperty().addListener((obs, o, v) -> settings.put(Settings.SOFT_WRAP, v));
    editor
        .fontSizeProperty()
        .addListener((obs, o, v) -> settings.put(Settings.FONT_SIZE, v.doubleValue()));
    editor.lineNumbersProperty().set(settings.get(Settings.LINE_NUMBERS));
    editor.wrapProperty().set(settings.get(Settings.SOFT_WRAP));
    editor.fontSizeProperty().set(settings.get(Settings.FONT_SIZE));
  }

  /** Loads the tree and the talk that was open last time. */
  public void start() {
    long last = settings.get(Settings.lastTalk(notebook.file()));
    navigator.reload(last >= 0 ? last : null);
    if (last >= 0) {
      executors.run(
          () -> notebook.talks().find(last),
          talk -> talk.ifPresentOrElse(t -> show(t, null), this::noTalkToShow),
          error -> Errors.show(stage, "Could not open the last talk", error));
    } else {
      noTalkToShow();
    }
  }

  /** Opens the notebook's first talk, if it has any. */
  void openFirstTalk() {
    executors.run(
        () -> notebook.talks().summaries(),
        talks -> {
          if (!talks.isEmpty()) {
            openTalk(talks.get(0).id(), null);
          }
        },
        error -> Errors.show(stage, "Could not list the talks", error));
  }

  /** Nothing to open at start: the window as it is counts as shown. */
  private void noTalkToShow() {
    if (onTalkShown != null) {
      Runnable once = onTalkShown;
      onTalkShown = null;
      Platform.runLater(once);
    }
  }

  private static String emptyToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }

  // ---- opening talks -------------------------------------------------------------------------

  /**
   * Opens a talk (saving and leaving the open one) and shows the first of {@code reveal} it has.
   */
  public void openTalk(long talkId, List<String> reveal) {
    Talk open = session.getTalk();
    if (open != null && open.id() == talkId) {
      if (reveal != null) {
        editor.reveal(reveal);
      }
      return;
    }
    if (open == null) {
      readAndShow(talkId, reveal);
      return;
    }
    // The talk being left is saved first; if that fails it stays open, so nothing is lost.
    session
        .leave()
        .whenComplete(
            (left, error) ->
                Platform.runLater(
                    () -> {
                      if (error == null) {
                        readAndShow(talkId, reveal);
                      } else {
                        navigator.select(open.id());
                        Errors.show(
                            stage,
                            "“" + open.title() + "” stays open: its notes could not be saved",
                            error.getCause() == null ? error : error.getCause());
                      }
                    }));
  }

  private void readAndShow(long talkId, List<String> reveal) {
    executors.run(
        () -> notebook.talks().get(talkId),
        talk -> {
          show(talk, reveal);
          if (!navigator.tree().getSelectionModel().isEmpty()
              && navigator.tree().getSelectionModel().getSelectedItem().getValue()
                  instanceof dev.talkbook.ui.navigator.NavNode.TalkNode t
              && t.talk().id() == talkId) {
            return;
          }
          navigator.select(talkId);
        },
        error -> Errors.show(stage, "Could not open the talk", error));
  }

  private void show(Talk talk, List<String> reveal) {
    session.open(talk);
    details.show(talk);
    showAbstract(talk);
    loading = true;
    try {
      editor.load(talk.body());
    } finally {
      loading = false;
    }
    if (reveal != null) {
      editor.reveal(reveal);
    }
    settings.put(Settings.lastTalk(notebook.file()), talk.id());
    executors.io().execute(settings::flush); // remembered even if the app is killed
    showTitle(talk);
    if (onTalkShown != null) {
      Runnable once = onTalkShown;
      onTalkShown = null;
      Platform.runLater(once); // after the pulse that lays out the text
    }
    if (preview.webView() == null) {
      // The notes are on screen; now the preview's WebKit may take its second.
      Platform.runLater(() -> Platform.runLater(preview::create));
    }
  }

  /**
   * Runs {@code action} once, after the last open talk's notes are first shown, or once the window
   * is up when there is no talk to open (to start the REPL then, for start-up timing and the
   * packaged app's smoke test); actions run in the order they were given.
   */
  public void whenTalkShown(Runnable action) {
    Runnable before = onTalkShown;
    onTalkShown =
        before == null
            ? action
            : () -> {
              before.run();
              action.run();
            };
  }

  private void showTitle(Talk talk) {
    stage.setTitle(talk.title() + " — " + notebook.file().getFileName() + " — Talkbook");
  }

  private void detailsSaved(Talk talk) {
    session.detailsChanged(talk);
    navigator.talkChanged(talk);
    showTitle(talk);
  }

  private void notebookChanged() {
    Talk open = session.getTalk();
    if (open == null) {
      return;
    }
    executors.run(
        () -> notebook.talks().find(open.id()),
        talk -> {
          if (talk.isEmpty()) {
            session.close();
            details.show(null);
            loading = true;
            editor.load("");
            loading = false;
          } else {
            session.detailsChanged(talk.get());
            details.show(session.getTalk());
            showAbstract(talk.get());
          }
        },
        error -> Errors.show(stage, "Could not read the notebook", error));
  }

  private void addSample() {
    executors.run(
        () -> {
          var event = SampleMeetup.addTo(notebook);
          return notebook.talks().list(event.id()).get(0).id();
        },
        first -> {
          navigator.reload(first);
          openTalk(first, null);
        },
        error -> Errors.show(stage, "Could not add the sample meetup", error));
  }

  // ---- preview and attachments ---------------------------------------------------------------

  /** The talk's abstract from its programme, rendered above the notes in the preview. */
  private void showAbstract(Talk talk) {
    String text = talk.programme().abstractText();
    if (text.isEmpty()) {
      preview.showAbstract("");
      return;
    }
    executors.run(
        () -> renderer().render(text), preview::showAbstract, error -> preview.showAbstract(""));
  }

  private void schedulePreview(String text) {
    if (pendingPreview != null) {
      pendingPreview.cancel(false);
    }
    pendingPreview =
        executors
            .timer()
            .schedule(
                () ->
                    executors.run(
                        () -> previewRenderer().render(text, this::inlineAttachment),
                        this::showRendered,
                        error -> preview.show("<p>The preview failed: " + error + "</p>")),
                PREVIEW_DELAY_MS,
                TimeUnit.MILLISECONDS);
  }

  private void showRendered(RenderedNote note) {
    preview.show(note);
    outline.show(note.outline());
  }

  private NotePreviewRenderer previewRenderer() {
    if (previewRenderer == null) {
      previewRenderer = new NotePreviewRenderer(renderer());
    }
    return previewRenderer;
  }

  /** The renderer; called on the notebook thread only. */
  private MarkdownRenderer renderer() {
    if (renderer == null) {
      renderer = new MarkdownRenderer();
    }
    return renderer;
  }

  /** The preview shows stored images inline, as data URLs. */
  private Optional<String> inlineAttachment(AttachmentRef ref) {
    Optional<Attachment> found = notebook.attachments().find(ref.sha256());
    if (found.isEmpty() || !found.get().mediaType().startsWith("image/")) {
      return Optional.empty();
    }
    return Optional.of(
        "data:"
            + found.get().mediaType()
            + ";base64,"
            + Base64.getEncoder().encodeToString(notebook.attachments().bytes(ref.sha256())));
  }

  private void attach(String name, byte[] bytes) {
    Talk talk = session.getTalk();
    if (talk == null) {
      return;
    }
    executors.run(
        () -> {
          AttachmentRef ref = notebook.attachments().add(talk.id(), name, null, bytes);
          String type =
              notebook.attachments().find(ref.sha256()).map(Attachment::mediaType).orElse("");
          return ref.markdown(type);
        },
        markdown -> editor.area().replaceSelection(markdown),
        error -> Errors.show(stage, "Could not attach " + name, error));
  }

  /**
   * Docks the Java REPL under the window's content (Ctrl+J shows and hides it, Esc stops running
   * code) and adds the Java menu.
   */
  public void attachRepl(ReplSession replSession) {
    repl = new ReplDock(new ReplPane(replSession), split, stage, theme::apply);
    root.setCenter(repl.root());
    NotesRunner notesRunner = new NotesRunner(editor.area(), replSession, repl.pane()::showStatus);
    editor
        .area()
        .addEventFilter(
            javafx.scene.input.KeyEvent.KEY_PRESSED,
            e -> {
              if (e.getCode() == javafx.scene.input.KeyCode.ENTER
                  && e.isShortcutDown()
                  && e.isShiftDown()) {
                notesRunner.runBlockAtCaret();
                e.consume();
              }
            });
    Menu java =
        new Menu(
            "_Java",
            null,
            MenuActions.words(
                item("Show or hide the REPL", "Shortcut+J", repl::toggle),
                "repl jshell console java"),
            MenuActions.words(item("Detach the REPL", null, repl::detach), "repl jshell window"),
            new SeparatorMenuItem(),
            shows(
                item("Run the code block at the caret", null, notesRunner::runBlockAtCaret),
                new ShownKey(
                    KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)),
            MenuActions.words(
                item("Run all code blocks in a fresh Java VM", null, notesRunner::runAll),
                "execute snippets repl"),
            item(
                "Save transcript to notes",
                null,
                () -> notesRunner.saveTranscript(repl.pane().ranSoFar())),
            new SeparatorMenuItem(),
            MenuActions.words(
                item("Stop the running code", null, replSession::stop), "repl interrupt cancel"),
            MenuActions.words(
                item("Restart Java (run the definitions again)", null, replSession::restart),
                "repl jshell"),
            MenuActions.words(
                item("Reset Java (forget everything)", null, replSession::reset),
                "repl jshell clear"));
    presenter =
        new PresenterMode(
            stage, split, split.getItems().get(0), repl, () -> editor.area().getText(), settings);
    java.getItems()
        .addAll(
            new SeparatorMenuItem(),
            MenuActions.words(
                item("Presenter mode", "Shortcut+Shift+M", presenter::toggle),
                "present projector full screen talk demo"));
    menuBar.getMenus().add(java);
  }

  /** The REPL's dock, or null before {@link #attachRepl}. */
  ReplDock repl() {
    return repl;
  }

  // ---- menus ----------------------------------------------------------------------------------

  private static MenuItem item(String text, String accelerator, Runnable action) {
    MenuItem item = new MenuItem(text);
    if (accelerator != null) {
      item.setAccelerator(KeyCombination.keyCombination(accelerator));
    }
    item.setOnAction(e -> action.run());
    return item;
  }

  /**
   * Shows {@code key} as the item's shortcut for a key the focused view handles itself (Tab in the
   * notes, Del in the navigator); the menu never fires on it.
   */
  private static MenuItem shows(MenuItem item, ShownKey key) {
    item.setAccelerator(key);
    return item;
  }

  // ---- publishing (ui.export) ---------------------------------------------------------------

  private void exportSite() {
    session.saveNow();
    new SiteExportDialog(
            stage,
            notebook,
            SiteExportDialog.exporter(),
            ExportJob.ownThread("talkbook-export"),
            Platform::runLater,
            emptyToNull(settings.get(Settings.SITE_FOLDER)),
            folder -> settings.put(Settings.SITE_FOLDER, folder),
            host::openLink)
        .show();
  }

  private java.nio.file.Path chooseFolder(String title) {
    javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
    chooser.setTitle(title);
    java.io.File chosen = chooser.showDialog(stage);
    return chosen == null ? null : chosen.toPath();
  }

  private void exportMarkdown() {
    java.nio.file.Path folder = chooseFolder("An empty folder for the Markdown files");
    if (folder != null) {
      // The open talk's latest notes are saved before the export reads them.
      session
          .saveNow()
          .whenComplete(
              (saved, error) ->
                  Platform.runLater(
                      () ->
                          new MarkdownExportDialog(
                                  stage,
                                  notebook,
                                  folder,
                                  ExportJob.ownThread("talkbook-export"),
                                  Platform::runLater)
                              .show()));
    }
  }

  private void importMarkdown() {
    java.nio.file.Path folder = chooseFolder("The folder with the Markdown files");
    if (folder != null) {
      session
          .saveNow()
          .whenComplete(
              (saved, error) ->
                  Platform.runLater(
                      () ->
                          new MarkdownImportDialog(
                                  stage,
                                  notebook,
                                  folder,
                                  ExportJob.ownThread("talkbook-import"),
                                  Platform::runLater,
                                  () -> {
                                    navigator.reload(null);
                                    notebookChanged();
                                  })
                              .show()));
    }
  }

  // ---- conference programmes (ui.exchange, ui.agenda) ----------------------------------------

  private void importSchedule() {
    session.saveNow();
    dev.talkbook.ui.exchange.ScheduleImportDialog dialog =
        new dev.talkbook.ui.exchange.ScheduleImportDialog(
            stage,
            notebook,
            dev.talkbook.ui.exchange.ScheduleImportDialog.defaultFetcher(),
            host.clock(),
            ExportJob.ownThread("talkbook-import"),
            Platform::runLater,
            report -> {
              navigator.reload(null);
              notebookChanged();
            });
    theme.apply(dialog.stage().getScene());
    dialog.show();
  }

  private void exportAgenda() {
    java.nio.file.Path chosen =
        host.chooseFileToSave("Save your agenda (the starred talks) as iCalendar", "my-agenda.ics");
    if (chosen == null) {
      return;
    }
    java.io.File file = chosen.toFile();
    executors.run(
        () ->
            new dev.talkbook.core.exchange.AgendaExporter(host.clock())
                .export(notebook, file.toPath()),
        r ->
            status.showMessage(
                "Wrote "
                    + r.written()
                    + " starred talk"
                    + (r.written() == 1 ? "" : "s")
                    + " to "
                    + file.getName()
                    + (r.withoutTime() > 0
                        ? " (" + r.withoutTime() + " without a time left out)"
                        : "")),
        error -> Errors.show(stage, "Could not export the agenda", error));
  }

  private void toggleStar() {
    if (session.getTalk() != null) {
      details.toggleStar();
    } else {
      navigator.toggleStarSelected();
    }
  }

  /** View → Now and next: what is on in each room, from the host's clock. */
  dev.talkbook.ui.agenda.NowAndNextView nowAndNext() {
    dev.talkbook.ui.agenda.NowAndNextView view =
        new dev.talkbook.ui.agenda.NowAndNextView(
            stage, notebook, executors, host.clock(), id -> openTalk(id, null));
    theme.apply(view.stage().getScene());
    view.show();
    return view;
  }

  private void buildMenus() {
    Menu file =
        new Menu(
            "_File",
            null,
            MenuActions.words(
                item("New event…", "Shortcut+Shift+E", navigator::newEvent),
                "conference meetup add create"),
            MenuActions.words(
                item("New talk…", "Shortcut+N", navigator::newTalk), "session add create"),
            new SeparatorMenuItem(),
            MenuActions.words(
                item("Open notebook…", "Shortcut+O", host::openAnotherNotebook),
                "file switch notebook"),
            new SeparatorMenuItem(),
            MenuActions.words(
                item("Export site…", "Shortcut+Shift+X", this::exportSite),
                "publish website html static"),
            MenuActions.words(
                item("Export Markdown…", null, this::exportMarkdown), "save files backup md"),
            MenuActions.words(
                item("Import Markdown…", null, this::importMarkdown),
                "load files md obsidian hugo jekyll"),
            new SeparatorMenuItem(),
            item("Import schedule…", "Shortcut+Shift+I", this::importSchedule),
            item("Export agenda…", null, this::exportAgenda),
            new SeparatorMenuItem(),
            item("Quit", "Shortcut+Q", () -> requestClose(host::quit)));
    Menu edit =
        new Menu(
            "_Edit",
            null,
            item("Undo", "Shortcut+Z", () -> editor.area().undo()),
            item("Redo", "Shortcut+Shift+Z", () -> editor.area().redo()),
            new SeparatorMenuItem(),
            MenuActions.words(item("Find…", "Shortcut+F", this::find), "search in notes"),
            MenuActions.words(
                item("Replace…", "Shortcut+H", () -> editor.showFind(true)), "substitute"),
            new SeparatorMenuItem(),
            MenuActions.words(item("Rename…", "F2", navigator::renameSelected), "title"),
            shows(item("Delete…", null, navigator::deleteSelected), new ShownKey(KeyCode.DELETE)),
            new SeparatorMenuItem(),
            MenuActions.words(
                item("Star or unstar the talk", "Shortcut+D", this::toggleStar),
                "favourite favorite mark"));
    CheckMenuItem lineNumbers = new CheckMenuItem("Line numbers");
    lineNumbers.selectedProperty().bindBidirectional(editor.lineNumbersProperty());
    MenuActions.words(lineNumbers, "gutter");
    CheckMenuItem wrap = MenuActions.words(new CheckMenuItem("Soft wrap"), "wrap long lines");
    wrap.selectedProperty().bindBidirectional(editor.wrapProperty());
    CheckMenuItem showPreview =
        MenuActions.words(new CheckMenuItem("Preview"), "render html rendered");
    showPreview.setSelected(true);
    showPreview.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+V"));
    showPreview.selectedProperty().addListener((obs, o, show) -> togglePreview(show));
    Menu themes = new Menu("Theme");
    ToggleGroup group = new ToggleGroup();
    for (Theme.Choice choice : Theme.Choice.values()) {
      RadioMenuItem r =
          new RadioMenuItem(
              choice.name().charAt(0) + choice.name().substring(1).toLowerCase(Locale.ROOT));
      r.setToggleGroup(group);
      r.setSelected(theme.choiceProperty().get() == choice);
      r.setOnAction(e -> theme.choiceProperty().set(choice));
      MenuActions.words(
          r,
          "appearance colour color mode "
              + switch (choice) {
                case SYSTEM -> "desktop follow automatic";
                case LIGHT -> "day bright";
                case DARK -> "night";
              });
      themes.getItems().add(r);
    }
    Menu view =
        new Menu(
            "_View",
            null,
            showPreview,
            lineNumbers,
            wrap,
            new SeparatorMenuItem(),
            MenuActions.words(
                item("Zoom in", "Shortcut+Equals", () -> editor.zoom(1)),
                "font bigger larger text size"),
            MenuActions.words(
                item("Zoom out", "Shortcut+Minus", () -> editor.zoom(-1)),
                "font smaller text size"),
            MenuActions.words(
                item("Actual size", "Shortcut+0", () -> editor.fontSizeProperty().set(14)),
                "zoom reset font text size"),
            new SeparatorMenuItem(),
            themes);
    Menu go =
        new Menu(
            "_Go",
            null,
            MenuActions.words(
                item("Search notes", "Shortcut+Shift+F", search::focus), "find full text notebook"),
            MenuActions.words(
                item("Go to talk…", "Shortcut+P", this::quickSwitcher), "switch open quick"),
            item("Command palette…", "Shortcut+Shift+P", this::commandPalette),
            new SeparatorMenuItem(),
            MenuActions.words(
                item("History of this talk…", "Shortcut+Shift+H", this::history),
                "revisions versions restore earlier"),
            MenuActions.words(
                item("Now and next…", "Shortcut+Shift+N", this::nowAndNext),
                "agenda schedule programme current upcoming"));
    Menu outline =
        new Menu(
            "_Outline",
            null,
            shows(
                item("Indent item", null, () -> outline(editor.outliner()::indent)),
                new ShownKey(KeyCode.TAB)),
            shows(
                item("Outdent item", null, () -> outline(editor.outliner()::outdent)),
                new ShownKey(KeyCode.TAB, KeyCombination.SHIFT_DOWN)),
            item("Move item or section up", "Alt+Up", () -> outline(editor.outliner()::moveUp)),
            item(
                "Move item or section down",
                "Alt+Down",
                () -> outline(editor.outliner()::moveDown)),
            new SeparatorMenuItem(),
            MenuActions.words(
                item(
                    "Fold or unfold",
                    "Shortcut+Period",
                    () -> outline(editor.outliner()::toggleFold)),
                "collapse expand hide"),
            MenuActions.words(
                item("Toggle task", "Shortcut+Enter", () -> outline(editor.outliner()::toggleTask)),
                "todo checkbox done tick"));
    menuBar.getMenus().addAll(file, edit, outline, view, go);
    menuBar.setUseSystemMenuBar(true);
  }

  /** Runs an outliner command on the open talk's notes (menu and palette). */
  private void outline(java.util.function.BooleanSupplier command) {
    if (session.getTalk() != null) {
      command.getAsBoolean();
      editor.area().requestFocus();
    }
  }

  /** Ctrl+F: search the notebook from the navigator, find in the notes from anywhere else. */
  private void find() {
    javafx.scene.Node focus = scene.getFocusOwner();
    boolean inNavigator = false;
    for (javafx.scene.Node n = focus; n != null; n = n.getParent()) {
      if (n == navigator.root() || n == search.resultsPane()) {
        inNavigator = true;
        break;
      }
    }
    if (inNavigator || session.getTalk() == null) {
      search.focus();
    } else {
      editor.showFind(false);
    }
  }

  private void togglePreview(boolean show) {
    if (show && !split.getItems().contains(preview.root())) {
      split.getItems().add(preview.root());
      split.setDividerPosition(1, settings.get(Settings.PREVIEW_DIVIDER));
    } else if (!show) {
      split.getItems().remove(preview.root());
    }
  }

  /** Every menu action with its shortcut, for the command palette. */
  List<MenuItem> actions() {
    List<MenuItem> all = new ArrayList<>();
    for (Menu menu : menuBar.getMenus()) {
      collect(menu, all);
    }
    return all;
  }

  private static void collect(Menu menu, List<MenuItem> into) {
    for (MenuItem item : menu.getItems()) {
      if (item instanceof Menu sub) {
        collect(sub, into);
      } else if (!(item instanceof SeparatorMenuItem) && item.getText() != null) {
        into.add(item);
      }
    }
  }

  /** Ctrl+P: the talks by title, speaker or event, each with its event beside it. */
  private void quickSwitcher() {
    executors.run(
        () -> {
          java.util.Map<Long, String> events = new java.util.HashMap<>();
          notebook.events().list().forEach(e -> events.put(e.id(), e.title()));
          List<PaletteEntry<Long>> talks = new ArrayList<>();
          for (var t : notebook.talks().summaries()) {
            talks.add(
                new PaletteEntry<>(
                    t.id(),
                    t.title(),
                    String.join(", ", t.speakers()),
                    events.getOrDefault(t.eventId(), ""),
                    ""));
          }
          return talks;
        },
        talks ->
            PalettePopup.show(
                stage,
                "Go to a talk: part of its title, a speaker or the event",
                talks,
                id -> openTalk(id, null)),
        error -> Errors.show(stage, "Could not list the talks", error));
  }

  /** Ctrl+Shift+P: every enabled menu action, with its menu path and shortcut. */
  private void commandPalette() {
    PalettePopup.show(
        stage,
        "Type an action: \u201ctheme\u201d, \u201cexport\u201d, \u201crepl\u201d…",
        MenuActions.entries(menuBar.getMenus()),
        MenuItem::fire);
  }

  private void history() {
    Talk talk = session.getTalk();
    if (talk == null) {
      return;
    }
    session.saveNow();
    Consumer<Talk> restored =
        t -> {
          session.open(t);
          loading = true;
          editor.area().replaceText(t.body());
          loading = false;
          details.show(t);
        };
    new HistoryDialog(stage, notebook, executors, talk, editor.area().getText(), restored).show();
  }

  // ---- window state ---------------------------------------------------------------------------

  /**
   * The size of a first window (nothing remembered yet) on a screen whose usable area is {@code
   * screen}: most of it, so notes, preview and details all have room, but not more than a notes
   * window needs, and never more than the screen.
   */
  static javafx.geometry.Dimension2D startSize(javafx.geometry.Rectangle2D screen) {
    double w = Math.min(screen.getWidth(), Math.max(960, Math.min(1680, screen.getWidth() * 0.86)));
    double h =
        Math.min(screen.getHeight(), Math.max(640, Math.min(1080, screen.getHeight() * 0.88)));
    return new javafx.geometry.Dimension2D(Math.floor(w), Math.floor(h));
  }

  private void restoreWindow() {
    double x = settings.get(Settings.X);
    double y = settings.get(Settings.Y);
    if (!Double.isNaN(x) && !Double.isNaN(y)) {
      stage.setX(x);
      stage.setY(y);
    } else {
      stage.centerOnScreen();
    }
    stage.setMaximized(settings.get(Settings.MAXIMIZED));
  }

  private boolean closing;

  /**
   * Quit or close: saves the notes first and then runs {@code then}; when they cannot be saved,
   * asks whether to save them elsewhere as Markdown, quit anyway, or stay (then nothing runs). The
   * FX thread never waits for the save.
   */
  public void requestClose(Runnable then) {
    if (closing) {
      return; // already saving or asking
    }
    closing = true;
    details.save();
    session
        .saveNow()
        .whenComplete(
            (saved, error) ->
                Platform.runLater(
                    () -> {
                      if (error == null || session.getTalk() == null) {
                        closing = false;
                        then.run();
                      } else {
                        askAboutUnsavedNotes(
                            Errors.message(error.getCause() == null ? error : error.getCause()),
                            then);
                      }
                    }));
  }

  private void askAboutUnsavedNotes(String problem, Runnable then) {
    Talk talk = session.getTalk();
    switch (UnsavedNotesDialog.ask(stage, talk.title(), problem)) {
      case CANCEL -> closing = false;
      case QUIT_ANYWAY -> {
        session.close();
        closing = false;
        then.run();
      }
      case SAVE_ELSEWHERE -> {
        java.nio.file.Path file =
            host.chooseFileToSave("Save the notes as Markdown", fileNameFor(talk.title()));
        if (file == null) {
          askAboutUnsavedNotes(problem, then);
          return;
        }
        String markdown = markdownOf(talk, session.text());
        // Written off the FX thread (the disk may be slow or full), on a thread of its own: the
        // notebook thread may be busy retrying the save.
        CompletableFuture.runAsync(
                () -> writeMarkdown(file, markdown),
                r -> {
                  Thread t = new Thread(r, "talkbook-save-elsewhere");
                  t.setDaemon(true);
                  t.start();
                })
            .whenComplete(
                (done, error) ->
                    Platform.runLater(
                        () -> {
                          if (error == null) {
                            session.close();
                            closing = false;
                            then.run();
                          } else {
                            Errors.show(
                                stage,
                                "Could not save the notes to " + file,
                                error.getCause() == null ? error : error.getCause());
                            askAboutUnsavedNotes(problem, then);
                          }
                        }));
      }
    }
  }

  static String fileNameFor(String title) {
    String name = title.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", " ").strip();
    return (name.isEmpty() ? "notes" : name) + ".md";
  }

  /** The notes with the talk's title as front matter, so that Import Markdown reads them back. */
  static String markdownOf(Talk talk, String notes) {
    java.util.Map<String, Object> data = new java.util.LinkedHashMap<>();
    data.put("title", talk.title());
    if (!talk.speakers().isEmpty()) {
      data.put("speakers", talk.speakers());
    }
    return dev.talkbook.core.site.FrontMatter.write(data, notes);
  }

  private static void writeMarkdown(java.nio.file.Path file, String markdown) {
    java.nio.file.Path tmp = file.resolveSibling(file.getFileName() + ".part");
    try {
      java.nio.file.Files.writeString(tmp, markdown, java.nio.charset.StandardCharsets.UTF_8);
      java.nio.file.Files.move(
          tmp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (java.io.IOException e) {
      try {
        java.nio.file.Files.deleteIfExists(tmp);
      } catch (java.io.IOException ignored) {
        e.addSuppressed(ignored);
      }
      throw new dev.talkbook.core.notebook.NotebookException(
          "Could not write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Saves the notes, keeps a revision, and remembers the window; returns when the save is done. */
  public void close() {
    if (repl != null) {
      repl.close();
    }
    details.save();
    try {
      session.leave().get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
      Errors.show(stage, "Could not save before closing", e.getCause() == null ? e : e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    settings.put(Settings.MAXIMIZED, stage.isMaximized());
    if (!stage.isMaximized()) {
      settings.put(Settings.X, stage.getX());
      settings.put(Settings.Y, stage.getY());
      settings.put(Settings.WIDTH, scene.getWidth());
      settings.put(Settings.HEIGHT, scene.getHeight());
    }
    double[] dividers = split.getDividerPositions();
    if (dividers.length > 0) {
      settings.put(Settings.NAVIGATOR_DIVIDER, dividers[0]);
    }
    if (dividers.length > 1) {
      settings.put(Settings.PREVIEW_DIVIDER, dividers[1]);
    }
    settings.flush();
    editor.dispose();
  }
}
