package dev.talkbook.ui;

import dev.talkbook.core.markdown.Outline;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.ui.common.Settings;
import dev.talkbook.ui.common.Theme;
import dev.talkbook.ui.common.UiExecutors;
import dev.talkbook.ui.navigator.NavNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.concurrent.Worker;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window on a fresh notebook in {@code dir}, with settings of its own, for the TestFX
 * tests: opened and closed around each test by {@link RealWindowTest} (or a test's own {@code
 * Start} and {@code AfterEach}). Links the window opens are recorded, not sent to a browser.
 */
final class WindowUnderTest {
  final Stage stage;

  /** The notebook the window shows; a test may close it and open it again (a restart). */
  Notebook notebook;

  final UiExecutors executors = new UiExecutors();

  /** The window's settings file; a restart reads it again. */
  final Path settingsFile;

  /** Links the window asked to open (added on the FX thread, read by the test's). */
  final List<String> openedLinks = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** How many times the window asked the app to quit. */
  final java.util.concurrent.atomic.AtomicInteger quits =
      new java.util.concurrent.atomic.AtomicInteger();

  /** What the "save as" file chooser answers (null: the user cancelled). */
  volatile Path saveAs;

  /** What File → New notebook…'s save dialog answers (null: cancelled). */
  volatile Path newNotebook;

  /** A notebook the window asked the app to open (and to create, or not). */
  record Opened(Path file, boolean create) {}

  /** The notebooks the window asked the app to open, in order. */
  final List<Opened> opened = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** What the chooser of Edit → Attach file… answers (empty: the user cancelled). */
  volatile List<Path> toAttach = List.of();

  /** How many times the window asked for files to attach. */
  final java.util.concurrent.atomic.AtomicInteger attachAsked =
      new java.util.concurrent.atomic.AtomicInteger();

  /** The files whose folder the window asked the desktop to show. */
  final List<Path> shownFolders = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** How showing a folder fails (null: it is shown). */
  volatile RuntimeException folderFailure;

  /** Where the window looks for notes kept outside the notebook's folder (null: the real one). */
  volatile Path keptNotesFolder;

  MainWindow window;

  /** The window's theme (a test may switch it, as View → Theme does). */
  final Theme theme = new Theme(false);

  private final WindowHost host =
      new WindowHost() {
        @Override
        public void openLink(String url) {
          openedLinks.add(url);
        }

        @Override
        public void openAnotherNotebook() {}

        @Override
        public Path chooseNewNotebook() {
          return newNotebook;
        }

        @Override
        public void openNotebook(Path file, boolean create) {
          opened.add(new Opened(file, create));
        }

        @Override
        public void quit() {
          quits.incrementAndGet();
        }

        @Override
        public Path chooseFileToSave(String title, String name) {
          return saveAs;
        }

        @Override
        public List<Path> chooseFilesToAttach(javafx.stage.Window owner) {
          attachAsked.incrementAndGet();
          return toAttach;
        }

        @Override
        public Path keptNotesFolder() {
          Path folder = WindowUnderTest.this.keptNotesFolder;
          return folder == null ? WindowHost.super.keptNotesFolder() : folder;
        }

        @Override
        public java.util.concurrent.CompletableFuture<Void> showInFolder(Path file) {
          shownFolders.add(file);
          RuntimeException failure = folderFailure;
          return failure == null
              ? java.util.concurrent.CompletableFuture.completedFuture(null)
              : java.util.concurrent.CompletableFuture.failedFuture(failure);
        }
      };

  /** Opens the notebook and shows the window (on the FX thread). */
  WindowUnderTest(Stage stage, Path dir) {
    this(stage, dir, Notebook.Options.defaults());
  }

  /** The same, the notebook opened with {@code options} (read-only, say; on the FX thread). */
  WindowUnderTest(Stage stage, Path dir, Notebook.Options options) {
    this.stage = stage;
    this.notebook = Notebook.open(dir.resolve("notes.talkbook"), options);
    this.settingsFile = dir.resolve("settings.properties");
    // TestFX hands every test class the same primary stage: start as a first start of the app
    // does, not at the size, scene, full screen or place an earlier test left it in.
    stage.setFullScreen(false);
    stage.setMaximized(false);
    stage.setScene(null);
    show();
    stage.sizeToScene();
    stage.centerOnScreen();
    HeadlessScreen.keepOn(stage);
  }

  /** A new window on the same notebook and settings, as after a restart (on the FX thread). */
  MainWindow show() {
    window = new MainWindow(stage, notebook, executors, Settings.load(settingsFile), theme, host);
    stage.show();
    window.start();
    return window;
  }

  /**
   * A new window on the same notebook and settings as the app starts one: the tree and the last
   * talk read before the window shows ({@code EarlyStart}), in its views before the first frame (on
   * the FX thread).
   */
  MainWindow showAsTheAppStarts() {
    Settings settings = Settings.load(settingsFile);
    long last = settings.get(Settings.lastTalk(notebook.file()));
    EarlyStart.FirstView first =
        new EarlyStart.FirstView(
            last,
            dev.talkbook.ui.navigator.NavigatorView.Contents.read(notebook),
            last >= 0 ? notebook.talks().find(last) : java.util.Optional.empty());
    window = new MainWindow(stage, notebook, executors, settings, theme, host);
    stage.show();
    window.start(first);
    return window;
  }

  /**
   * Waits until the notebook thread has nothing queued and the FX thread has run what that work
   * handed it (three rounds, for work that hands work back): a reload, an open, a save asked for
   * before this call has then been shown, and the window state it changed written out.
   */
  void idle() {
    for (int round = 0; round < 3; round++) {
      try {
        executors.io().submit(() -> {}).get(FxWait.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        // the settings and places that work asked to write, on their own thread
        executors.windowState().submit(() -> {}).get(FxWait.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      } catch (ExecutionException | TimeoutException e) {
        throw new AssertionError("the notebook thread did not become idle", e);
      }
      WaitForAsyncUtils.waitForFxEvents();
    }
  }

  /** Opens a new talk holding {@code notes}, in a new event, and waits for the notes shown. */
  dev.talkbook.core.notebook.Talk openNewTalk(FxRobot robot, String title, String notes) {
    var event = notebook.events().create(dev.talkbook.core.notebook.Event.Details.titled("Meetup"));
    var talk =
        notebook
            .talks()
            .create(event.id(), dev.talkbook.core.notebook.Talk.Details.titled(title), notes);
    reloadTree(robot);
    robot.interact(() -> window.open(talk.id(), java.util.List.of()));
    FxWait.untilFx("the notes", () -> editor(robot).getText().equals(notes));
    return talk;
  }

  /** Starts a REPL (until it is ready) and gives it to the window as the app does. */
  dev.talkbook.core.repl.ReplSession attachRepl(FxRobot robot) throws Exception {
    var repl =
        dev.talkbook.core.repl.ReplSession.start(dev.talkbook.core.repl.ReplOptions.defaults());
    repls.add(repl);
    repl.ready().get(60, TimeUnit.SECONDS);
    robot.interact(() -> window.attachRepl(repl));
    return repl;
  }

  /** The REPLs {@link #attachRepl} started: {@link #close} ends them after the window. */
  private final List<dev.talkbook.core.repl.ReplSession> repls = new java.util.ArrayList<>();

  /** The window's menu item labelled {@code text} (what the menus and the palette offer). */
  javafx.scene.control.MenuItem action(String text) {
    return window.actions().stream()
        .filter(i -> text.equals(dev.talkbook.ui.palette.MenuActions.label(i)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no menu item " + text));
  }

  /** Sizes the window to {@code width} × {@code height}; 0 for the least it may be. */
  void resize(FxRobot robot, double width, double height) throws Exception {
    double w = width > 0 ? width : FxWait.onFx(stage::getMinWidth);
    double h = height > 0 ? height : FxWait.onFx(stage::getMinHeight);
    robot.interact(
        () -> {
          stage.setWidth(w);
          stage.setHeight(h);
        });
    idle();
  }

  /** Fires the menu item labelled {@code text}, on the FX thread. */
  void fire(FxRobot robot, String text) {
    javafx.scene.control.MenuItem item = action(text);
    robot.interact(item::fire);
  }

  /** Reloads the navigator from the notebook and waits until the tree shows what it read. */
  void reloadTree(FxRobot robot) {
    robot.interact(() -> window.reloadNotebook());
    idle();
  }

  /** The navigator's row titled {@code title}, once it is drawn (waits for it). */
  Node row(FxRobot robot, String title) {
    // A user scrolls to a row below the tree's fold; so does the test (once the reload showed it).
    FxWait.untilFx(
        "a row titled “" + title + "” in the navigator",
        () -> {
          TreeView<NavNode> tree = navigator(robot);
          for (int i = 0; i < tree.getExpandedItemCount(); i++) {
            TreeItem<NavNode> item = tree.getTreeItem(i);
            if (item != null && title.equals(item.getValue().label())) {
              if (!drawn(robot, tree, item)) {
                tree.scrollTo(i);
              }
              return true;
            }
          }
          return false;
        });
    return FxWait.shown(
        robot,
        "#navigator .tb-row-title",
        node -> node instanceof Labeled l && title.equals(l.getText()));
  }

  private static boolean drawn(FxRobot robot, TreeView<NavNode> tree, TreeItem<NavNode> item) {
    javafx.geometry.Bounds view = tree.localToScene(tree.getLayoutBounds());
    for (Node n : robot.lookup("#navigator .tree-cell").queryAll()) {
      if (n instanceof javafx.scene.control.TreeCell<?> cell
          && cell.isVisible()
          && cell.getTreeItem() == item) {
        javafx.geometry.Bounds b = cell.localToScene(cell.getLayoutBounds());
        return b.getMinY() >= view.getMinY() && b.getMaxY() <= view.getMaxY();
      }
    }
    return false;
  }

  /** Clicks the navigator's row titled {@code title} once it is drawn. */
  void clickOnRow(FxRobot robot, String title) {
    robot.clickOn(row(robot, title));
  }

  /**
   * Writes the notebook a window opened on {@code dir} opens ({@code notes.talkbook}): one event,
   * "Conference", with one talk, "Keynote", whose notes are {@code notes}. Returns the talk's id.
   */
  static long notebookWithOneTalk(Path dir, String notes) {
    try (Notebook made = Notebook.open(dir.resolve("notes.talkbook"))) {
      long event =
          made.events().create(dev.talkbook.core.notebook.Event.Details.titled("Conference")).id();
      return made.talks()
          .create(event, dev.talkbook.core.notebook.Talk.Details.titled("Keynote"), notes)
          .id();
    }
  }

  /** The label of the navigator's selected row, null for none (call on the FX thread). */
  static String selectedLabel(FxRobot robot) {
    var item = navigator(robot).getSelectionModel().getSelectedItem();
    return item == null ? null : item.getValue().label();
  }

  /** Adds the sample meetup and clicks into the search field, to search it. */
  void sampleToSearch(FxRobot robot) {
    dev.talkbook.core.sample.SampleMeetup.addTo(notebook);
    reloadTree(robot);
    FxWait.clickOn(robot, "#search-field");
  }

  /** The search's results, which take the navigator's place while a search is typed. */
  static javafx.scene.control.ListView<?> searchResults(FxRobot robot) {
    return robot.lookup("#search-results").queryAs(javafx.scene.control.ListView.class);
  }

  /** Adds the sample meetup and selects its talk {@code title} with a click, as a user does. */
  void sampleWithTalkSelected(FxRobot robot, String title) {
    dev.talkbook.core.sample.SampleMeetup.addTo(notebook);
    reloadTree(robot);
    clickOnRow(robot, title);
    FxWait.untilFx("\"" + title + "\" selected", () -> title.equals(selectedLabel(robot)));
  }

  // ---- the real window, as a user sees it

  /** The notes editor. */
  static CodeArea editor(FxRobot robot) {
    return robot.lookup("#editor").queryAs(CodeArea.class);
  }

  /** The notes editor's font size, in pixels (what View → Zoom set). */
  static double fontSize(FxRobot robot) throws Exception {
    String style = FxWait.onFx(() -> editor(robot).getStyle());
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("-fx-font-size: ([0-9.]+)px").matcher(style);
    if (!m.find()) {
      throw new AssertionError("the editor has no font size: " + style);
    }
    return Double.parseDouble(m.group(1));
  }

  /** The notes editor's text now (read on the FX thread). */
  static String editorText(FxRobot robot) throws Exception {
    return FxWait.onFx(() -> editor(robot).getText());
  }

  /** The talk open in the window (the window's view model), or null. */
  Talk openTalk() {
    return window.openTalk().getTalk();
  }

  /** The navigator's tree of events and talks. */
  @SuppressWarnings("unchecked")
  static TreeView<NavNode> navigator(FxRobot robot) {
    return robot.lookup("#navigator").queryAs(TreeView.class);
  }

  /** The outline panel's tree (once a talk was shown). */
  @SuppressWarnings("unchecked")
  static TreeView<Outline.Entry> outline(FxRobot robot) {
    return robot.lookup("#outline").queryAs(TreeView.class);
  }

  /** The preview's web view (once a talk was shown), or null. */
  static WebView preview(FxRobot robot) {
    return robot.lookup("#preview .web-view").tryQueryAs(WebView.class).orElse(null);
  }

  /** Whether the preview's page is loaded and shows the note (or a message). */
  static boolean previewShows(FxRobot robot) throws Exception {
    WebView web = preview(robot);
    if (web == null) {
      return false;
    }
    return FxWait.onFx(
        () ->
            web.getEngine().getLoadWorker().getState() == Worker.State.SUCCEEDED
                && Boolean.TRUE.equals(
                    web.getEngine()
                        .executeScript(
                            "document.getElementById('content') != null"
                                + " && document.getElementById('content').children.length"
                                + " > 0")));
  }

  /**
   * The words of the buttons and labels under {@code root} that show cut short (with an ellipsis)
   * as laid out now; empty when every one shows whole. On the FX thread.
   */
  static List<String> cutShort(javafx.scene.Parent root) {
    List<String> cut = new java.util.ArrayList<>();
    root.applyCss();
    root.layout();
    List<Node> nodes = new java.util.ArrayList<>(List.of(root));
    for (int i = 0; i < nodes.size(); i++) {
      Node node = nodes.get(i);
      if (node instanceof javafx.scene.Parent parent) {
        nodes.addAll(parent.getChildrenUnmodifiable());
      }
      if (node instanceof Labeled labeled
          && labeled.isVisible()
          && labeled.getText() != null
          && !labeled.getText().isEmpty()
          && labeled.lookup(".text") instanceof javafx.scene.text.Text shown
          && !shown.getText().equals(labeled.getText().replace("_", ""))
          && !shown.getText().equals(labeled.getText())) {
        cut.add(labeled.getText() + " shown as " + shown.getText());
      }
    }
    return cut;
  }

  /** A text field's prompt as its skin draws it: whether the field's text area shows it whole. */
  static boolean promptWhole(javafx.scene.control.TextField field) {
    javafx.scene.text.Text prompt =
        field.lookupAll(".text").stream()
            .filter(
                n ->
                    n instanceof javafx.scene.text.Text t
                        && t.getText().equals(field.getPromptText()))
            .map(javafx.scene.text.Text.class::cast)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no prompt drawn in " + field.getId()));
    javafx.scene.Node clip = prompt.getParent().getClip();
    return clip == null
        || prompt.getBoundsInParent().getMaxX() <= clip.getBoundsInParent().getMaxX() + 0.5;
  }

  /** The save state in the status bar ("Saved", "Edited", "Not saved: …"). */
  static String saveState(FxRobot robot) throws Exception {
    return FxWait.onFx(() -> robot.lookup("#save-state").queryAs(Label.class).getText());
  }

  /** The notebook changed behind the window: it reads it again (as after an import). */
  void reload(FxRobot robot) {
    robot.interact(() -> window.reloadNotebook());
  }

  /** Whether {@link #quitAsTheAppDoes} ran: {@link #close} then has nothing left to do. */
  private volatile boolean quit;

  /**
   * Quits as File → Quit does in the app: the window's close request, and once it lets the app go,
   * as {@code App.stop} (through {@link App#closeInTurn}): the window closed and hidden, then the
   * notebook and the app's threads off the FX thread. Returns when that is done; the notebook is
   * closed then.
   */
  void quitAsTheAppDoes(FxRobot robot) {
    java.util.concurrent.CompletableFuture<Void> done =
        new java.util.concurrent.CompletableFuture<>();
    robot.interact(
        () ->
            window.requestClose(
                () ->
                    App.closeInTurn(
                        stage,
                        window::close,
                        List.of(
                            notebook::close,
                            executors::close,
                            () -> repls.forEach(dev.talkbook.core.repl.ReplSession::close)),
                        () -> {
                          quit = true;
                          done.complete(null);
                        })));
    try {
      done.get(FxWait.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("the window did not quit", e);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  /**
   * Quits as File → Quit does in the app when the window has seen its notebook's file deleted
   * ({@code App.quit}): {@link WrittenBackNotice#closeThenTell}, which may leave a dialog up;
   * {@code exit} runs when the app would end (on the FX thread).
   */
  void quitTellingWhereWrittenBack(FxRobot robot, Runnable exit) {
    robot.interact(
        () ->
            window.requestClose(
                () ->
                    WrittenBackNotice.closeThenTell(
                        stage,
                        window::close,
                        notebook,
                        window.settings(),
                        host::showInFolder,
                        () -> {
                          executors.close();
                          repls.forEach(dev.talkbook.core.repl.ReplSession::close);
                          quit = true;
                          exit.run();
                        })));
  }

  void close(FxRobot robot) {
    if (quit) {
      return;
    }
    robot.interact(
        () -> {
          window.close();
          stage.hide();
        });
    notebook.close();
    executors.close();
    repls.forEach(dev.talkbook.core.repl.ReplSession::close);
  }
}
