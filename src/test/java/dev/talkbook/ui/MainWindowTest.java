package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Revision;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.sample.SampleMeetup;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.core.store.NotebookOpenException;
import dev.talkbook.ui.common.Settings;
import dev.talkbook.ui.common.Theme;
import dev.talkbook.ui.navigator.NavNode;
import dev.talkbook.ui.talk.EditorSession.SaveState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListView;
import javafx.scene.control.TreeItem;
import javafx.scene.image.WritableImage;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Drives the real main window, headless, as a user would. */
class MainWindowTest extends RealWindowTest {

  private void showWindow() {
    ui.show();
  }

  private static void waitUntil(Callable<Boolean> condition) {
    FxWait.until(condition);
  }

  private long addSample(FxRobot robot) throws Exception {
    Event event = SampleMeetup.addTo(ui.notebook);
    ui.reloadTree(robot);
    waitUntil(() -> !WindowUnderTest.navigator(robot).getRoot().getChildren().isEmpty());
    return event.id();
  }

  private Talk talk(String title) {
    return ui.notebook.talks().findByTitle(title).get(0);
  }

  private void openFromTree(FxRobot robot, String title) throws Exception {
    ui.clickOnRow(robot, title);
    waitUntil(() -> ui.openTalk() != null && ui.openTalk().title().equals(title));
  }

  @Test
  void anEmptyNotebookWelcomesWithTheSample(FxRobot robot) throws Exception {
    waitUntil(() -> robot.lookup("#welcome").query().isVisible());
    // The welcome's main button has the keyboard focus (not the search field): Enter takes it.
    waitUntil(() -> robot.lookup("#add-sample").query().isFocused());
    robot.type(KeyCode.ENTER);
    waitUntil(() -> ui.notebook.talks().count() == SampleMeetup.talkCount());
    // The talk is opened, then shown: wait for its text in the editor.
    waitUntil(
        () ->
            ui.openTalk() != null
                && WindowUnderTest.editorText(robot).startsWith("# Virtual threads in practice"));
    assertThat(FxWait.onFx(() -> robot.lookup("#welcome").query().isVisible())).isFalse();
    // The button that was clicked is gone: the focus goes to the notes, not the search field.
    waitUntil(() -> robot.lookup("#editor").query().isFocused());
  }

  @Test
  void theWelcomeOffersToImportAProgramme(FxRobot robot) throws Exception {
    waitUntil(() -> robot.lookup("#welcome").query().isVisible());
    Button schedule = robot.lookup("#welcome-import-schedule").queryAs(Button.class);
    javafx.application.Platform.runLater(schedule::fire); // opens a dialog
    Node source =
        FxWait.shown(robot, "#" + dev.talkbook.ui.exchange.ScheduleImportDialog.SOURCE_ID);
    assertThat(FxWait.onFx(() -> source.getScene().getWindow())).isNotSameAs(ui.stage);
    robot.interact(() -> source.getScene().getWindow().hide());
  }

  /** The window's columns: navigator, talk and, while a talk is shown, the preview. */
  private static javafx.scene.control.SplitPane columns(FxRobot robot) {
    return robot.lookup(".split-pane").queryAllAs(javafx.scene.control.SplitPane.class).stream()
        .filter(p -> p.getOrientation() == javafx.geometry.Orientation.HORIZONTAL)
        .filter(p -> p.getItems().size() >= 2)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theWelcomeTakesThePreviewsRoomUntilATalkIsOpen(FxRobot robot) throws Exception {
    waitUntil(() -> robot.lookup("#welcome").query().isVisible());
    javafx.scene.control.SplitPane columns = columns(robot);
    Node welcome = robot.lookup("#welcome").query();
    ui.idle();
    // No empty preview column beside the welcome: it is the window's room right of the navigator.
    assertThat(FxWait.onFx(() -> columns.getItems().size())).isEqualTo(2);
    double right = FxWait.onFx(() -> welcome.localToScene(welcome.getLayoutBounds()).getMaxX());
    assertThat(right).isGreaterThan(FxWait.onFx(() -> ui.stage.getScene().getWidth()) - 20);

    FxWait.clickOn(robot, "#add-sample");
    waitUntil(() -> ui.openTalk() != null);
    waitUntil(() -> columns.getItems().size() == 3);
    // The preview comes back where it was left, also after View → Preview hid it.
    robot.interact(() -> columns.setDividerPosition(1, 0.55));
    ui.idle();
    var preview = (javafx.scene.control.CheckMenuItem) ui.action("Preview");
    robot.interact(() -> preview.setSelected(false));
    assertThat(FxWait.onFx(() -> columns.getItems().size())).isEqualTo(2);
    robot.interact(() -> preview.setSelected(true));
    ui.idle();
    assertThat(FxWait.onFx(() -> columns.getDividerPositions()[1]))
        .isCloseTo(0.55, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void whatWorksOnTheOpenTalkIsGreyedOutWhileNoneIsOpen(FxRobot robot) throws Exception {
    waitUntil(() -> robot.lookup("#welcome").query().isVisible());
    String[] onTheTalk = {
      "Undo",
      "Find…",
      "Replace…",
      "Star or unstar the talk",
      "History of this talk…",
      "Indent item",
      "Toggle task",
      "Start sharing the open talk"
    };
    String[] onTheSelection = {"Rename…", "Delete…"};
    for (String item : onTheTalk) {
      assertThat(FxWait.onFx(() -> ui.action(item).isDisable())).as(item).isTrue();
    }
    for (String item : onTheSelection) {
      assertThat(FxWait.onFx(() -> ui.action(item).isDisable())).as(item).isTrue();
    }
    FxWait.clickOn(robot, "#add-sample");
    waitUntil(() -> ui.openTalk() != null);
    for (String item : onTheTalk) {
      assertThat(FxWait.onFx(() -> ui.action(item).isDisable())).as(item).isFalse();
    }
    for (String item : onTheSelection) {
      assertThat(FxWait.onFx(() -> ui.action(item).isDisable())).as(item).isFalse();
    }
  }

  @Test
  void theWelcomeIsMadeOnlyWhenTheNotebookIsEmpty(FxRobot robot) throws Exception {
    long event = addSample(robot);
    robot.interact(() -> ui.window.close());
    robot.interact(this::showWindow); // a start on a notebook with talks
    waitUntil(() -> !WindowUnderTest.navigator(robot).getRoot().getChildren().isEmpty());
    assertThat(FxWait.onFx(() -> ui.stage.getScene().lookup("#welcome"))).isNull();
    // Emptied behind the window: the next read of the tree shows the welcome.
    ui.notebook.events().delete(event);
    ui.reload(robot);
    waitUntil(
        () -> {
          Node welcome = ui.stage.getScene().lookup("#welcome");
          return welcome != null && welcome.isVisible();
        });
    // the focus leaves the rows that are gone for the welcome's button
    waitUntil(() -> robot.lookup("#add-sample").query().isFocused());
  }

  /**
   * What the first frame does not show is made when first needed, not with the window (each a popup
   * window or a control for the first CSS pass to style): the rows' menu, the live-sharing sign and
   * the save state's tooltip. The rows' menu then opens on a right click.
   */
  @Test
  void theRowsMenuTheLiveSignAndTheSaveStatesTooltipAreMadeWhenFirstNeeded(FxRobot robot)
      throws Exception {
    addSample(robot);
    robot.interact(() -> ui.window.close());
    robot.interact(this::showWindow); // a start on a notebook with talks
    openFromTree(robot, "SQLite everywhere");
    var tree = WindowUnderTest.navigator(robot);
    assertThat(FxWait.onFx(tree::getContextMenu)).as("the rows' menu").isNull();
    assertThat(FxWait.onFx(() -> ui.stage.getScene().lookup("#live-indicator")))
        .as("the live sign")
        .isNull();
    assertThat(
            FxWait.onFx(
                () ->
                    ((javafx.scene.control.Label) ui.stage.getScene().lookup("#save-state"))
                        .getTooltip()))
        .as("the save state's tooltip")
        .isNull();

    // a right click on the row (the platform's request; the headless robot's click makes none)
    Node row = ui.row(robot, "SQLite everywhere");
    robot.interact(
        () -> {
          var at = row.localToScreen(row.getBoundsInLocal());
          row.fireEvent(
              new javafx.scene.input.ContextMenuEvent(
                  javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                  10,
                  10,
                  at.getMinX() + 10,
                  at.getMinY() + 10,
                  false,
                  null));
        });
    FxWait.untilFx(
        "the rows' menu shown",
        () -> tree.getContextMenu() != null && tree.getContextMenu().isShowing());
    assertThat(
            FxWait.onFx(
                () ->
                    tree.getContextMenu().getItems().stream()
                        .filter(javafx.scene.control.MenuItem::isVisible)
                        .map(javafx.scene.control.MenuItem::getText)
                        .toList()))
        .containsExactly("Star", "New talk…", "Rename…", "Move to event…", "Delete…");
    robot.type(KeyCode.ESCAPE);
    FxWait.untilFx("the rows' menu hidden", () -> !tree.getContextMenu().isShowing());
  }

  @Test
  void createAnEventAndATalkAndTypeNotesThatAreSaved(FxRobot robot) throws Exception {
    FxWait.clickOn(robot, "#new-event");
    // Headless windows do not take the focus by themselves: click into the dialog first.
    FxWait.clickOn(robot, "#event-title");
    robot.write("Devoxx 2026");
    robot.type(KeyCode.ENTER);
    waitUntil(() -> ui.notebook.events().list().size() == 1);

    FxWait.clickOn(robot, "#new-talk");
    FxWait.clickOn(robot, "#talk-title-input");
    robot.write("Loom in practice");
    robot.type(KeyCode.ENTER);
    waitUntil(() -> ui.openTalk() != null);

    // No click: the new talk's notes take the typing at once (the keys went nowhere before).
    FxWait.untilFx(
        "the caret in the new talk's notes",
        () -> ui.stage.getScene().getFocusOwner() == WindowUnderTest.editor(robot));
    robot.write("virtual threads\n");
    long talk = ui.openTalk().id();
    waitUntil(() -> ui.notebook.talks().get(talk).body().equals("virtual threads\n"));
    waitUntil(() -> ui.window.openTalk().saveStateProperty().get() == SaveState.SAVED);
    assertThat(WindowUnderTest.saveState(robot)).isEqualTo("Saved");
    assertThat(FxWait.onFx(() -> robot.lookup("#word-count").queryLabeled().getText()))
        .isEqualTo("2 words");
    assertThat(ui.notebook.talks().get(talk).title()).isEqualTo("Loom in practice");
  }

  /**
   * Export site opens with its keyboard focus seen: a tester found nothing marked, the focus on
   * Export without its ring. The folder field has it, its text selected to type over.
   */
  @Test
  void exportSiteOpensWithTheFocusSeenInTheFolderField(FxRobot robot) throws Exception {
    exportSiteDialog(robot);
    javafx.scene.control.TextField folder =
        robot.lookup("#site-export-folder").queryAs(javafx.scene.control.TextField.class);
    FxWait.untilFx(
        "the folder field focused, not " + FxWait.onFx(() -> folder.getScene().getFocusOwner()),
        java.time.Duration.ofSeconds(5),
        () -> folder.isFocused() && folder.getSelectedText().equals(folder.getText()));
    FxWait.clickOn(robot, "#site-export-cancel");
  }

  @Test
  void exportSiteOffersAFolderBesideTheNotebookAndKeepsTheFormForIt(FxRobot robot)
      throws Exception {
    addSample(robot);
    Path site = dev.talkbook.ui.export.SiteExportDialog.defaultFolder(ui.notebook.file());
    exportSiteDialog(robot);
    assertThat(FxWait.onFx(() -> text(robot, "site-export-folder"))).isEqualTo(site.toString());
    robot.interact(() -> robot.lookup("#site-export-title").queryTextInputControl().setText("JVM"));
    FxWait.clickOn(robot, "#site-export-run");
    FxWait.until("the site written", () -> Files.exists(site.resolve("index.html")));
    FxWait.untilFx(
        "the export done", () -> !robot.lookup("#site-export-open").queryButton().isDisabled());
    FxWait.clickOn(robot, "#site-export-cancel");
    // Asked again, after a restart: the same folder and title, kept for this notebook.
    robot.interact(
        () -> {
          ui.window.close();
          ui.show();
        });
    exportSiteDialog(robot);
    assertThat(FxWait.onFx(() -> text(robot, "site-export-folder"))).isEqualTo(site.toString());
    assertThat(FxWait.onFx(() -> text(robot, "site-export-title"))).isEqualTo("JVM");
    FxWait.clickOn(robot, "#site-export-cancel");
    // Another notebook's site is not offered this one's folder.
    Settings settings = Settings.load(ui.settingsFile);
    assertThat(settings.get(Settings.siteFolder(ui.notebook.file()))).isEqualTo(site.toString());
    assertThat(settings.get(Settings.siteFolder(ui.notebook.file().resolveSibling("b.talkbook"))))
        .isEmpty();
  }

  @Test
  void aChoiceIsKeptAtOnceNotOnlyWhenTheWindowCloses(FxRobot robot) throws Exception {
    // Killed, or the session ended: no close ran, and the theme chosen was lost.
    ui.fire(robot, "Dark");
    FxWait.until(
        "the theme written out",
        () -> "DARK".equals(Settings.load(ui.settingsFile).get(Settings.THEME)));
  }

  private void exportSiteDialog(FxRobot robot) {
    ui.fire(robot, "Export site…");
    FxWait.shown(robot, "#site-export-folder", n -> true);
  }

  private static String text(FxRobot robot, String id) {
    return robot.lookup("#" + id).queryTextInputControl().getText();
  }

  @Test
  void switchingTalksSavesAndKeepsARevisionOfTheOneLeft(FxRobot robot) throws Exception {
    addSample(robot);
    openFromTree(robot, "Outlines that think");
    long outlines = ui.openTalk().id();
    FxWait.clickOn(robot, "#editor");
    robot.press(KeyCode.CONTROL, KeyCode.END).release(KeyCode.END, KeyCode.CONTROL);
    robot.write("\nadded at the end");

    openFromTree(robot, "SQLite everywhere");

    waitUntil(() -> ui.notebook.talks().get(outlines).body().endsWith("\nadded at the end"));
    waitUntil(
        () ->
            ui.notebook.revisions().list(outlines).stream()
                .anyMatch(r -> r.body().endsWith("added at the end")));
    waitUntil(() -> WindowUnderTest.editorText(robot).startsWith("# SQLite everywhere"));
  }

  @Test
  void afterARestartTheLastTalkOpensWithItsText(FxRobot robot) throws Exception {
    addSample(robot);
    openFromTree(robot, "Live coding without fear");
    FxWait.clickOn(robot, "#editor");
    robot.press(KeyCode.CONTROL, KeyCode.HOME).release(KeyCode.HOME, KeyCode.CONTROL);
    robot.write("Typed before the restart. ");

    robot.interact(() -> ui.window.close());
    ui.notebook.close();
    ui.notebook = Notebook.open(dir.resolve("notes.talkbook"));
    robot.interact(this::showWindow);

    waitUntil(
        () ->
            ui.openTalk() != null
                && WindowUnderTest.editor(robot)
                    .getText()
                    .startsWith("Typed before the restart. # Live"));
    assertThat(ui.openTalk().title()).isEqualTo("Live coding without fear");
    // The caret is in the notes: typing goes on there, not into the search field.
    CodeArea notes = WindowUnderTest.editor(robot);
    FxWait.untilFx("the notes focused", notes::isFocused);
    robot.interact(() -> notes.moveTo(0));
    robot.write("And after. ");
    waitUntil(
        () -> WindowUnderTest.editorText(robot).startsWith("And after. Typed before the restart."));
  }

  @Test
  void aClickWhileTheLastTalkIsReadKeepsTheFocusWhereItWent(FxRobot robot) throws Exception {
    addSample(robot);
    openFromTree(robot, "Live coding without fear");
    robot.interact(() -> ui.window.close());
    ui.notebook.close();
    ui.notebook = Notebook.open(dir.resolve("notes.talkbook"));
    java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
    ui.executors.io().submit(() -> reading.await(30, java.util.concurrent.TimeUnit.SECONDS));

    robot.interact(this::showWindow); // the notebook thread is busy: the talk is not read yet
    FxWait.clickOn(robot, "#search-field");
    reading.countDown();

    waitUntil(
        () ->
            ui.openTalk() != null && WindowUnderTest.editor(robot).getText().startsWith("# Live"));
    ui.idle();
    javafx.scene.control.TextField search =
        robot.lookup("#search-field").queryAs(javafx.scene.control.TextField.class);
    assertThat(FxWait.onFx(search::isFocused)).as("the search field keeps the focus").isTrue();
  }

  @Test
  void searchFindsATalkAndEnterOpensItAtTheMatch(FxRobot robot) throws Exception {
    addSample(robot);
    FxWait.clickOn(robot, "#search-field");
    robot.write("pinning");
    ListView<?> results = robot.lookup("#search-results").queryAs(ListView.class);
    waitUntil(() -> !results.getItems().isEmpty());
    robot.type(KeyCode.ENTER);

    waitUntil(
        () -> ui.openTalk() != null && ui.openTalk().title().equals("Virtual threads in practice"));
    waitUntil(() -> WindowUnderTest.editor(robot).getSelectedText().equalsIgnoreCase("pinning"));
  }

  @Test
  void aQueryWithNothingToFindIsExplained(FxRobot robot) throws Exception {
    addSample(robot);
    FxWait.clickOn(robot, "#search-field");
    robot.write("-java");
    waitUntil(
        () ->
            robot.lookup(".tb-muted").queryAllAs(javafx.scene.control.Labeled.class).stream()
                .anyMatch(l -> l.getText() != null && l.getText().contains("leaves out")));
  }

  @Test
  void historyShowsRevisionsAndRestoresOne(FxRobot robot) throws Exception {
    addSample(robot);
    long id = talk("Accessible desktop apps").id();
    ui.notebook.talks().saveBody(id, "first draft");
    ui.notebook.talks().leave(id);
    ui.notebook.talks().saveBody(id, "second draft");
    ui.notebook.talks().leave(id);
    openFromTree(robot, "Accessible desktop apps");

    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H)
        .release(KeyCode.H, KeyCode.SHIFT, KeyCode.CONTROL);
    @SuppressWarnings("unchecked")
    ListView<Revision> list = (ListView<Revision>) FxWait.shown(robot, "#history-list");
    FxWait.untilFx(
        "the first draft in the history",
        () -> list.getItems().stream().anyMatch(r -> r.body().equals("first draft")));
    robot.interact(
        () -> {
          for (int i = 0; i < list.getItems().size(); i++) {
            if (list.getItems().get(i).body().equals("first draft")) {
              list.getSelectionModel().select(i);
            }
          }
        });
    waitUntil(() -> diffLines(robot, "tb-diff-removed").contains("first draft"));
    assertThat(diffLines(robot, "tb-diff-added")).contains("second draft");
    FxWait.clickOn(robot, "#restore");

    waitUntil(() -> WindowUnderTest.editor(robot).getText().equals("first draft"));
    assertThat(ui.notebook.talks().get(id).body()).isEqualTo("first draft");
    assertThat(ui.notebook.revisions().list(id))
        .anyMatch(r -> r.reason() == Revision.Reason.RESTORED);
  }

  /** The texts of the history's diff rows of a kind (tb-diff-added, -removed, -same). */
  static java.util.List<String> diffLines(FxRobot robot, String kind) throws Exception {
    return FxWait.onFx(
        () ->
            robot
                .lookup("." + kind + " .tb-diff-text")
                .queryAllAs(javafx.scene.text.Text.class)
                .stream()
                .map(javafx.scene.text.Text::getText)
                .toList());
  }

  @Test
  void quickSwitcherOpensATalkBySpeaker(FxRobot robot) throws Exception {
    addSample(robot);
    robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
    FxWait.clickOn(robot, "#picker-filter");
    robot.write("wierzbicki");
    robot.type(KeyCode.ENTER);
    waitUntil(() -> ui.openTalk() != null && ui.openTalk().title().equals("SQLite everywhere"));
    // What is typed next goes into its notes, not the search field that had the focus.
    waitUntil(() -> robot.lookup("#editor").query().isFocused());
  }

  @Test
  void commandPaletteRunsAnActionByName(FxRobot robot) throws Exception {
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P)
        .release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
    FxWait.clickOn(robot, "#picker-filter");
    robot.write("dark");
    robot.type(KeyCode.ENTER);
    waitUntil(() -> ui.stage.getScene().getRoot().getStyleClass().contains(Theme.DARK_CLASS));
  }

  @Test
  void aPastedImageIsStoredAndReferenced(FxRobot robot) throws Exception {
    addSample(robot);
    openFromTree(robot, "Outlines that think");
    long id = ui.openTalk().id();
    robot.interact(
        () -> {
          WritableImage image = new WritableImage(4, 3);
          for (int x = 0; x < 4; x++) {
            for (int y = 0; y < 3; y++) {
              image.getPixelWriter().setColor(x, y, Color.CORNFLOWERBLUE);
            }
          }
          ClipboardContent content = new ClipboardContent();
          content.putImage(image);
          javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });
    FxWait.clickOn(robot, "#editor");
    robot.press(KeyCode.CONTROL, KeyCode.HOME).release(KeyCode.HOME, KeyCode.CONTROL);
    robot.press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);

    waitUntil(
        () ->
            WindowUnderTest.editor(robot).getText().startsWith("![pasted-image.png](attachment:"));
    waitUntil(
        () -> ui.notebook.talks().get(id).body().startsWith("![pasted-image.png](attachment:"));
    assertThat(ui.notebook.attachments().of(id)).hasSize(1);
    assertThat(ui.notebook.attachments().find(ui.notebook.attachments().of(id).get(0).sha256()))
        .hasValueSatisfying(a -> assertThat(a.mediaType()).isEqualTo("image/png"));
  }

  @Test
  void aFailedSaveIsShownAndTheTextStays(FxRobot robot) throws Exception {
    addSample(robot);
    openFromTree(robot, "Outlines that think");
    ui.notebook.close(); // the file goes away under the window

    FxWait.clickOn(robot, "#editor");
    robot.write("still here");

    waitUntil(() -> ui.window.openTalk().saveStateProperty().get() == SaveState.FAILED);
    assertThat(WindowUnderTest.saveState(robot)).startsWith("Not saved:").contains("closed");
    assertThat(WindowUnderTest.editorText(robot)).contains("still here");
    ui.notebook = Notebook.open(dir.resolve("notes.talkbook"));
  }

  @Test
  void deletingATalkAsksFirst(FxRobot robot) throws Exception {
    addSample(robot);
    openFromTree(robot, "Outlines that think");
    ui.clickOnRow(robot, "Outlines that think");
    robot.type(KeyCode.DELETE);
    FxWait.clickOn(robot, "Cancel");
    assertThat(ui.notebook.talks().count()).isEqualTo(SampleMeetup.talkCount());

    ui.clickOnRow(robot, "Outlines that think");
    robot.type(KeyCode.DELETE);
    FxWait.clickOn(robot, "Delete");
    waitUntil(() -> ui.notebook.talks().count() == SampleMeetup.talkCount() - 1);
    waitUntil(
        () ->
            WindowUnderTest.navigator(robot).getRoot().getChildren().get(0).getChildren().stream()
                .map(TreeItem::getValue)
                .map(NavNode::label)
                .noneMatch("Outlines that think"::equals));
  }

  @Test
  void editingDetailsRenamesTheTalkInTheTree(FxRobot robot) throws Exception {
    addSample(robot);
    openFromTree(robot, "Outlines that think");
    robot.doubleClickOn(FxWait.shown(robot, "#detail-title"));
    robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
    robot.write("Outlines that really think");
    robot.type(KeyCode.ENTER);
    long id = ui.openTalk().id();
    waitUntil(() -> ui.notebook.talks().get(id).title().equals("Outlines that really think"));
    waitUntil(() -> robot.lookup("Outlines that really think").tryQuery().isPresent());

    FxWait.clickOn(robot, "#detail-slides");
    robot.write("not a link");
    robot.type(KeyCode.ENTER);
    waitUntil(
        () ->
            robot.lookup(".tb-problem").queryAllAs(javafx.scene.control.Label.class).stream()
                .anyMatch(l -> l.getText().contains("Slides URL")));
    assertThat(ui.notebook.talks().get(id).details().slidesUrl()).isNull();
  }

  @Test
  void theOpenProblemDialogNamesTheFileAndOffersAWayOut(FxRobot robot) throws Exception {
    Path bad = dir.resolve("broken.talkbook");
    Files.writeString(bad, "this is not a notebook");
    byte[] before = Files.readAllBytes(bad);
    NotebookOpenException problem = null;
    try {
      Notebook.open(bad).close();
    } catch (NotebookOpenException e) {
      problem = e;
    }
    assertThat(problem).isNotNull();
    NotebookOpenException shown = problem;
    robot.interact(() -> OpenProblemDialog.alert(ui.stage, shown, null).show());
    waitUntil(() -> robot.lookup("#open-problem").tryQuery().isPresent());
    Alert alert =
        (Alert) robot.lookup("#open-problem").query().getScene().getWindow().getUserData();
    assertThat(robot.lookup("#open-problem .content").queryLabeled().getText())
        .contains(bad.toString())
        .contains("not a Talkbook notebook");
    assertThat(robot.lookup("Choose another…").queryAs(Button.class)).isNotNull();
    assertThat(robot.lookup("Create new…").queryAs(Button.class)).isNotNull();
    FxWait.clickOn(robot, "Quit");
    assertThat(Files.readAllBytes(bad)).isEqualTo(before);
    assertThat(alert).isNull();
  }

  @Test
  void findAndReplaceAllIsOneUndoableChange(FxRobot robot) throws Exception {
    addSample(robot);
    openFromTree(robot, "Outlines that think");
    FxWait.clickOn(robot, "#editor");
    robot.press(KeyCode.CONTROL, KeyCode.H).release(KeyCode.H, KeyCode.CONTROL);
    FxWait.clickOn(robot, "#find-field");
    robot.write("talk");
    FxWait.clickOn(robot, "#replace-field");
    robot.write("session");
    FxWait.clickOn(robot, "#replace-all");
    String replaced = WindowUnderTest.editorText(robot);
    assertThat(replaced.toLowerCase(java.util.Locale.ROOT)).doesNotContain("talk");
    assertThat(replaced).contains("session");

    robot.interact(() -> WindowUnderTest.editor(robot).undo());
    assertThat(WindowUnderTest.editorText(robot)).contains("talk").isNotEqualTo(replaced);
  }

  @Test
  void draggingATalkOntoAnotherEventMovesIt(FxRobot robot) throws Exception {
    addSample(robot);
    // Dated after the sample, so it is listed first: both rows fit in the tree at once, and no
    // scrolling (to reach a row below the fold) moves the rows while the mouse button is down.
    Event other =
        ui.notebook
            .events()
            .create(new Event.Details("Other meetup", LocalDate.of(2026, 6, 1), null, null, null));
    ui.reloadTree(robot);
    waitUntil(() -> WindowUnderTest.navigator(robot).getRoot().getChildren().size() == 2);
    long id = talk("Outlines that think").id();
    Node target = ui.row(robot, "Other meetup");
    Node source = ui.row(robot, "Outlines that think");
    assertThat(FxWait.onFx(() -> FxWait.isShown(target))).as("both rows on screen").isTrue();

    robot.drag(source).dropTo(target);

    waitUntil(() -> ui.notebook.talks().get(id).eventId() == other.id());
    assertThat(ui.notebook.talks().list(other.id()))
        .extracting(Talk::title)
        .containsExactly("Outlines that think");
  }

  @Test
  void zoomChangesTheEditorFontAndIsRemembered(FxRobot robot) throws Exception {
    addSample(robot);
    openFromTree(robot, "Outlines that think");
    FxWait.clickOn(robot, "#editor");
    robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
    robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
    waitUntil(() -> WindowUnderTest.editor(robot).getStyle().contains("font-size: 16.0px"));
    robot.interact(() -> ui.window.close());
    assertThat(Settings.load(ui.settingsFile).get(Settings.FONT_SIZE)).isEqualTo(16.0);
    robot.interact(this::showWindow);
    waitUntil(() -> WindowUnderTest.editor(robot).getStyle().contains("font-size: 16.0px"));
  }

  @Test
  void aReadOnlyNotebookCannotBeEditedInTheWindow(FxRobot robot) throws Exception {
    addSample(robot);
    robot.interact(() -> ui.window.close());
    ui.notebook.close();
    ui.notebook =
        Notebook.open(
            dir.resolve("notes.talkbook"), Notebook.Options.defaults().withReadOnly(true));
    robot.interact(this::showWindow);
    openFromTree(robot, "Outlines that think");

    assertThat(FxWait.onFx(() -> WindowUnderTest.editor(robot).isEditable())).isFalse();
    assertThat(
            FxWait.onFx(() -> robot.lookup("#detail-title").queryTextInputControl().isEditable()))
        .isFalse();
    assertThat(FxWait.onFx(() -> robot.lookup("#notebook-path").queryLabeled().getText()))
        .contains("read-only");
  }

  @Test
  void editEventIsInTheEditMenuForTheSelectedEvent(FxRobot robot) throws Exception {
    addSample(robot);
    ui.clickOnRow(robot, "Outlines that think");
    waitUntil(() -> ui.action("Edit event…").isDisable()); // a talk is selected, not an event
    ui.clickOnRow(robot, SampleMeetup.TITLE);
    waitUntil(() -> !ui.action("Edit event…").isDisable());
    // the dialog waits for its answer: fired later, not inside interact(), which would wait too
    javafx.application.Platform.runLater(() -> ui.action("Edit event…").fire());
    waitUntil(() -> robot.lookup("#event-title").tryQuery().isPresent());
    assertThat(
            FxWait.onFx(
                () ->
                    robot
                        .lookup("#event-title")
                        .queryAs(javafx.scene.control.TextField.class)
                        .getText()))
        .isEqualTo(SampleMeetup.TITLE);
    robot.type(KeyCode.ESCAPE);
    waitUntil(() -> robot.lookup("#event-title").tryQuery().isEmpty());
  }

  @Test
  void aRenameCanBeUndoneFromTheStatusBar(FxRobot robot) throws Exception {
    addSample(robot);
    Talk before = talk("Outlines that think");
    ui.clickOnRow(robot, "Outlines that think");
    robot.type(KeyCode.F2);
    waitUntil(() -> robot.lookup(".dialog-pane .text-field").tryQuery().isPresent());
    robot.interact(
        () ->
            robot
                .lookup(".dialog-pane .text-field")
                .queryAs(javafx.scene.control.TextField.class)
                .setText("Outlines that act"));
    FxWait.clickOn(robot, "Rename");
    waitUntil(() -> ui.notebook.talks().get(before.id()).title().equals("Outlines that act"));
    waitUntil(() -> robot.lookup("#undo-notice").query().isVisible());
    assertThat(FxWait.onFx(() -> robot.lookup("#notice").queryLabeled().getText()))
        .isEqualTo("Renamed “Outlines that think” to “Outlines that act”.");
    FxWait.clickOn(robot, "#undo-notice");
    waitUntil(() -> ui.notebook.talks().get(before.id()).title().equals("Outlines that think"));
    waitUntil(() -> ui.row(robot, "Outlines that think") != null);
  }

  @Test
  void aDeletedTalkComesBackWithUndo(FxRobot robot) throws Exception {
    addSample(robot);
    Talk before = talk("Outlines that think");
    int revisions = ui.notebook.revisions().list(before.id()).size();
    ui.clickOnRow(robot, "Outlines that think");
    robot.type(KeyCode.DELETE);
    FxWait.clickOn(robot, "Delete");
    waitUntil(() -> ui.notebook.talks().find(before.id()).isEmpty());
    waitUntil(() -> robot.lookup("#undo-notice").query().isVisible());
    assertThat(FxWait.onFx(() -> robot.lookup("#notice").queryLabeled().getText()))
        .contains("Outlines that think");
    // No talk open: the outline leaves the column and the navigator has its height.
    waitUntil(
        () -> robot.lookup("#outline").tryQuery().map(n -> n.getScene() == null).orElse(true));
    javafx.scene.Node tree = robot.lookup("#navigator").query();
    javafx.scene.control.SplitPane column =
        (javafx.scene.control.SplitPane)
            FxWait.onFx(
                () -> {
                  javafx.scene.Node n = tree;
                  while (!(n instanceof javafx.scene.control.SplitPane)) {
                    n = n.getParent();
                  }
                  return n;
                });
    assertThat(FxWait.onFx(() -> column.getItems().size())).isEqualTo(1);
    // Nor does the status bar keep room for a save state and a word count: the notice leads it.
    assertThat(FxWait.onFx(() -> robot.lookup("#save-state").query().isManaged())).isFalse();
    assertThat(FxWait.onFx(() -> robot.lookup("#word-count").query().isManaged())).isFalse();

    FxWait.clickOn(robot, "#undo-notice");

    waitUntil(() -> ui.notebook.talks().find(before.id()).isPresent());
    assertThat(ui.notebook.talks().get(before.id())).isEqualTo(before);
    assertThat(ui.notebook.revisions().list(before.id())).hasSize(revisions);
    waitUntil(
        () ->
            ui.openTalk() != null
                && ui.openTalk().id() == before.id()
                && WindowUnderTest.editor(robot).getText().equals(before.body()));
    // The talk open again: the outline is back under the navigator.
    waitUntil(() -> FxWait.onFx(() -> column.getItems().size()) == 2);
    assertThat(FxWait.onFx(() -> robot.lookup("#outline").query().getScene())).isNotNull();
  }

  @Test
  void undoingAnEventsDeletionOpensTheTalkThatWasOpenAndSaysItWasRestored(FxRobot robot)
      throws Exception {
    long event = addSample(robot);
    java.util.List<Talk> talks = ui.notebook.talks().list(event);
    Talk open = talks.get(talks.size() - 1); // not its first talk, which Undo opened before
    openFromTree(robot, open.title());
    ui.clickOnRow(robot, SampleMeetup.TITLE);
    robot.type(KeyCode.DELETE);
    FxWait.clickOn(robot, "Delete");
    waitUntil(() -> ui.notebook.events().find(event).isEmpty());
    waitUntil(() -> robot.lookup("#undo-notice").query().isVisible());

    FxWait.clickOn(robot, "#undo-notice");

    waitUntil(() -> ui.openTalk() != null && ui.openTalk().id() == open.id());
    waitUntil(
        () ->
            FxWait.onFx(
                () ->
                    robot
                        .lookup("#notice")
                        .queryLabeled()
                        .getText()
                        .equals(
                            "Restored event \u201c"
                                + SampleMeetup.TITLE
                                + "\u201d with "
                                + SampleMeetup.talkCount()
                                + " talks.")));
    assertThat(
            FxWait.onFx(
                () ->
                    WindowUnderTest.navigator(robot)
                        .getSelectionModel()
                        .getSelectedItem()
                        .getValue()
                        .label()))
        .isEqualTo(open.title());
  }

  @Test
  void aDeletedEventComesBackWithUndo(FxRobot robot) throws Exception {
    long event = addSample(robot);
    ui.clickOnRow(robot, SampleMeetup.TITLE);
    robot.type(KeyCode.DELETE);
    String talks = SampleMeetup.talkCount() + " talks";
    assertThat(
            FxWait.onFx(
                () -> robot.lookup(".dialog-pane").queryAs(DialogPane.class).getContentText()))
        .isEqualTo("Its " + talks + " and all their notes and history are deleted too.");
    FxWait.clickOn(robot, "Delete");
    waitUntil(() -> ui.notebook.events().find(event).isEmpty());
    waitUntil(() -> robot.lookup("#undo-notice").query().isVisible());
    assertThat(FxWait.onFx(() -> robot.lookup("#notice").queryLabeled().getText()))
        .isEqualTo("Deleted \u201c" + SampleMeetup.TITLE + "\u201d with " + talks + ".");

    FxWait.clickOn(robot, "#undo-notice");

    waitUntil(() -> ui.notebook.talks().count() == SampleMeetup.talkCount());
    waitUntil(() -> WindowUnderTest.navigator(robot).getRoot().getChildren().size() == 1);
    assertThat(ui.notebook.events().get(event).title()).isEqualTo(SampleMeetup.TITLE);
    // The event is shown again with its first talk open, not an empty window.
    long first = ui.notebook.talks().list(event).get(0).id();
    waitUntil(() -> ui.openTalk() != null && ui.openTalk().id() == first);
  }
}
