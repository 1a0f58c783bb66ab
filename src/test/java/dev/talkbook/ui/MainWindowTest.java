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
import dev.talkbook.ui.editor.EditorSession.SaveState;
import dev.talkbook.ui.navigator.NavNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TreeItem;
import javafx.scene.image.WritableImage;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real main window, headless, as a user would. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
  @TempDir Path dir;

  private WindowUnderTest ui;

  @Start
  void start(Stage primary) {
    ui = new WindowUnderTest(primary, dir);
  }

  private void showWindow() {
    ui.show();
  }

  @AfterEach
  void tearDown(FxRobot robot) throws Exception {
    ui.close(robot);
  }

  private static void waitUntil(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private long addSample(FxRobot robot) throws Exception {
    Event event = SampleMeetup.addTo(ui.notebook);
    robot.interact(() -> ui.window.navigator.reload(null));
    waitUntil(() -> !ui.window.navigator.tree().getRoot().getChildren().isEmpty());
    return event.id();
  }

  private Talk talk(String title) {
    return ui.notebook.talks().findByTitle(title).get(0);
  }

  private void openFromTree(FxRobot robot, String title) throws Exception {
    robot.clickOn(title);
    waitUntil(
        () ->
            ui.window.session.getTalk() != null
                && ui.window.session.getTalk().title().equals(title));
  }

  @Test
  void anEmptyNotebookWelcomesWithTheSample(FxRobot robot) throws Exception {
    waitUntil(() -> robot.lookup("#welcome").query().isVisible());
    robot.clickOn("#add-sample");
    waitUntil(() -> ui.notebook.talks().count() == SampleMeetup.talkCount());
    waitUntil(() -> ui.window.session.getTalk() != null);
    assertThat(robot.lookup("#welcome").query().isVisible()).isFalse();
    assertThat(ui.window.editor.area().getText()).startsWith("# Virtual threads in practice");
  }

  @Test
  void createAnEventAndATalkAndTypeNotesThatAreSaved(FxRobot robot) throws Exception {
    robot.clickOn("#new-event");
    // Headless windows do not take the focus by themselves: click into the dialog first.
    robot.clickOn("#event-title");
    robot.write("Devoxx 2026");
    robot.type(KeyCode.ENTER);
    waitUntil(() -> ui.notebook.events().list().size() == 1);

    robot.clickOn("#new-talk");
    robot.clickOn("#talk-title-input");
    robot.write("Loom in practice");
    robot.type(KeyCode.ENTER);
    waitUntil(() -> ui.window.session.getTalk() != null);

    robot.clickOn("#editor");
    robot.write("virtual threads\n");
    long talk = ui.window.session.getTalk().id();
    waitUntil(() -> ui.notebook.talks().get(talk).body().equals("virtual threads\n"));
    waitUntil(() -> ui.window.session.stateProperty().get() == SaveState.SAVED);
    assertThat(ui.window.status.saveState.getText()).isEqualTo("Saved");
    assertThat(ui.window.status.words.getText()).isEqualTo("2 words");
    assertThat(ui.notebook.talks().get(talk).title()).isEqualTo("Loom in practice");
  }

  @Test
  void switchingTalksSavesAndKeepsARevisionOfTheOneLeft(FxRobot robot) throws Exception {
    addSample(robot);
    openFromTree(robot, "Outlines that think");
    long outlines = ui.window.session.getTalk().id();
    robot.clickOn("#editor");
    robot.press(KeyCode.CONTROL, KeyCode.END).release(KeyCode.END, KeyCode.CONTROL);
    robot.write("\nadded at the end");

    openFromTree(robot, "SQLite everywhere");

    waitUntil(() -> ui.notebook.talks().get(outlines).body().endsWith("\nadded at the end"));
    waitUntil(
        () ->
            ui.notebook.revisions().list(outlines).stream()
                .anyMatch(r -> r.body().endsWith("added at the end")));
    assertThat(ui.window.editor.area().getText()).startsWith("# SQLite everywhere");
  }

  @Test
  void afterARestartTheLastTalkOpensWithItsText(FxRobot robot) throws Exception {
    addSample(robot);
    openFromTree(robot, "Live coding without fear");
    robot.clickOn("#editor");
    robot.press(KeyCode.CONTROL, KeyCode.HOME).release(KeyCode.HOME, KeyCode.CONTROL);
    robot.write("Typed before the restart. ");

    robot.interact(() -> ui.window.close());
    ui.notebook.close();
    ui.notebook = Notebook.open(dir.resolve("notes.talkbook"));
    robot.interact(this::showWindow);

    waitUntil(
        () ->
            ui.window.session.getTalk() != null
                && ui.window
                    .editor
                    .area()
                    .getText()
                    .startsWith("Typed before the restart. # Live"));
    assertThat(ui.window.session.getTalk().title()).isEqualTo("Live coding without fear");
  }

  @Test
  void searchFindsATalkAndEnterOpensItAtTheMatch(FxRobot robot) throws Exception {
    addSample(robot);
    robot.clickOn("#search-field");
    robot.write("pinning");
    ListView<?> results = robot.lookup("#search-results").queryAs(ListView.class);
    waitUntil(() -> !results.getItems().isEmpty());
    robot.type(KeyCode.ENTER);

    waitUntil(
        () ->
            ui.window.session.getTalk() != null
                && ui.window.session.getTalk().title().equals("Virtual threads in practice"));
    waitUntil(() -> ui.window.editor.area().getSelectedText().equalsIgnoreCase("pinning"));
  }

  @Test
  void aQueryWithNothingToFindIsExplained(FxRobot robot) throws Exception {
    addSample(robot);
    robot.clickOn("#search-field");
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
    ListView<Revision> list = robot.lookup("#history-list").queryAs(ListView.class);
    waitUntil(() -> list.getItems().size() >= 2);
    int first = -1;
    for (int i = 0; i < list.getItems().size(); i++) {
      if (list.getItems().get(i).body().equals("first draft")) {
        first = i;
      }
    }
    int index = first;
    robot.interact(() -> list.getSelectionModel().select(index));
    waitUntil(() -> diffLines(robot, "tb-diff-removed").contains("first draft"));
    assertThat(diffLines(robot, "tb-diff-added")).contains("second draft");
    robot.clickOn("#restore");

    waitUntil(() -> ui.window.editor.area().getText().equals("first draft"));
    assertThat(ui.notebook.talks().get(id).body()).isEqualTo("first draft");
    assertThat(ui.notebook.revisions().list(id))
        .anyMatch(r -> r.reason() == Revision.Reason.RESTORED);
  }

  /** The texts of the history's diff rows of a kind (tb-diff-added, -removed, -same). */
  static java.util.List<String> diffLines(FxRobot robot, String kind) {
    return robot
        .lookup("." + kind + " .tb-diff-text")
        .queryAllAs(javafx.scene.text.Text.class)
        .stream()
        .map(javafx.scene.text.Text::getText)
        .toList();
  }

  @Test
  void quickSwitcherOpensATalkBySpeaker(FxRobot robot) throws Exception {
    addSample(robot);
    robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
    waitUntil(() -> robot.lookup("#picker-filter").tryQuery().isPresent());
    robot.clickOn("#picker-filter");
    robot.write("wierzbicki");
    robot.type(KeyCode.ENTER);
    waitUntil(
        () ->
            ui.window.session.getTalk() != null
                && ui.window.session.getTalk().title().equals("SQLite everywhere"));
  }

  @Test
  void commandPaletteRunsAnActionByName(FxRobot robot) throws Exception {
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P)
        .release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
    waitUntil(() -> robot.lookup("#picker-filter").tryQuery().isPresent());
    robot.clickOn("#picker-filter");
    robot.write("dark");
    robot.type(KeyCode.ENTER);
    waitUntil(() -> ui.stage.getScene().getRoot().getStyleClass().contains(Theme.DARK_CLASS));
  }

  @Test
  void aPastedImageIsStoredAndReferenced(FxRobot robot) throws Exception {
    addSample(robot);
    openFromTree(robot, "Outlines that think");
    long id = ui.window.session.getTalk().id();
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
    robot.clickOn("#editor");
    robot.press(KeyCode.CONTROL, KeyCode.HOME).release(KeyCode.HOME, KeyCode.CONTROL);
    robot.press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);

    waitUntil(
        () -> ui.window.editor.area().getText().startsWith("![pasted-image.png](attachment:"));
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

    robot.clickOn("#editor");
    robot.write("still here");

    waitUntil(() -> ui.window.session.stateProperty().get() == SaveState.FAILED);
    assertThat(ui.window.status.saveState.getText()).startsWith("Not saved:").contains("closed");
    assertThat(ui.window.editor.area().getText()).contains("still here");
    ui.notebook = Notebook.open(dir.resolve("notes.talkbook"));
  }

  @Test
  void deletingATalkAsksFirst(FxRobot robot) throws Exception {
    addSample(robot);
    openFromTree(robot, "Outlines that think");
    robot.clickOn("Outlines that think");
    robot.type(KeyCode.DELETE);
    waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
    robot.clickOn("Cancel");
    assertThat(ui.notebook.talks().count()).isEqualTo(SampleMeetup.talkCount());

    robot.clickOn("Outlines that think");
    robot.type(KeyCode.DELETE);
    waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
    robot.clickOn("Delete");
    waitUntil(() -> ui.notebook.talks().count() == SampleMeetup.talkCount() - 1);
    waitUntil(
        () ->
            ui.window.navigator.tree().getRoot().getChildren().get(0).getChildren().stream()
                .map(TreeItem::getValue)
                .map(NavNode::label)
                .noneMatch("Outlines that think"::equals));
  }

  @Test
  void editingDetailsRenamesTheTalkInTheTree(FxRobot robot) throws Exception {
    addSample(robot);
    openFromTree(robot, "Outlines that think");
    robot.doubleClickOn("#detail-title");
    robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
    robot.write("Outlines that really think");
    robot.type(KeyCode.ENTER);
    long id = ui.window.session.getTalk().id();
    waitUntil(() -> ui.notebook.talks().get(id).title().equals("Outlines that really think"));
    waitUntil(() -> robot.lookup("Outlines that really think").tryQuery().isPresent());

    robot.clickOn("#detail-slides");
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
    robot.interact(() -> OpenProblemDialog.alert(ui.stage, shown).show());
    waitUntil(() -> robot.lookup("#open-problem").tryQuery().isPresent());
    Alert alert =
        (Alert) robot.lookup("#open-problem").query().getScene().getWindow().getUserData();
    assertThat(robot.lookup("#open-problem .content").queryLabeled().getText())
        .contains(bad.toString())
        .contains("not a Talkbook notebook");
    assertThat(robot.lookup("Choose another…").queryAs(Button.class)).isNotNull();
    assertThat(robot.lookup("Create new…").queryAs(Button.class)).isNotNull();
    robot.clickOn("Quit");
    assertThat(Files.readAllBytes(bad)).isEqualTo(before);
    assertThat(alert).isNull();
  }

  @Test
  void findAndReplaceAllIsOneUndoableChange(FxRobot robot) throws Exception {
    addSample(robot);
    openFromTree(robot, "Outlines that think");
    robot.clickOn("#editor");
    robot.press(KeyCode.CONTROL, KeyCode.H).release(KeyCode.H, KeyCode.CONTROL);
    robot.clickOn("#find-field");
    robot.write("talk");
    robot.clickOn("#replace-field");
    robot.write("session");
    robot.clickOn("#replace-all");
    String replaced = ui.window.editor.area().getText();
    assertThat(replaced.toLowerCase(java.util.Locale.ROOT)).doesNotContain("talk");
    assertThat(replaced).contains("session");

    robot.interact(() -> ui.window.editor.area().undo());
    assertThat(ui.window.editor.area().getText()).contains("talk").isNotEqualTo(replaced);
  }

  @Test
  void draggingATalkOntoAnotherEventMovesIt(FxRobot robot) throws Exception {
    addSample(robot);
    Event other = ui.notebook.events().create(Event.Details.titled("Other meetup"));
    robot.interact(() -> ui.window.navigator.reload(null));
    waitUntil(() -> ui.window.navigator.tree().getRoot().getChildren().size() == 2);
    long id = talk("Outlines that think").id();

    robot.drag("Outlines that think").dropTo("Other meetup");

    waitUntil(() -> ui.notebook.talks().get(id).eventId() == other.id());
    assertThat(ui.notebook.talks().list(other.id()))
        .extracting(Talk::title)
        .containsExactly("Outlines that think");
  }

  @Test
  void zoomChangesTheEditorFontAndIsRemembered(FxRobot robot) throws Exception {
    addSample(robot);
    openFromTree(robot, "Outlines that think");
    robot.clickOn("#editor");
    robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
    robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
    waitUntil(() -> ui.window.editor.fontSizeProperty().get() == 16);
    robot.interact(() -> ui.window.close());
    assertThat(Settings.load(ui.settingsFile).get(Settings.FONT_SIZE)).isEqualTo(16.0);
    robot.interact(this::showWindow);
    waitUntil(() -> ui.window.editor.fontSizeProperty().get() == 16);
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

    assertThat(ui.window.editor.area().isEditable()).isFalse();
    assertThat(robot.lookup("#detail-title").queryTextInputControl().isEditable()).isFalse();
    assertThat(robot.lookup("#notebook-path").queryLabeled().getText()).contains("read-only");
  }

  @Test
  void aDeletedTalkComesBackWithUndo(FxRobot robot) throws Exception {
    addSample(robot);
    Talk before = talk("Outlines that think");
    int revisions = ui.notebook.revisions().list(before.id()).size();
    robot.clickOn("Outlines that think");
    robot.type(KeyCode.DELETE);
    waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
    robot.clickOn("Delete");
    waitUntil(() -> ui.notebook.talks().find(before.id()).isEmpty());
    waitUntil(() -> robot.lookup("#undo-notice").query().isVisible());
    assertThat(robot.lookup("#notice").queryLabeled().getText()).contains("Outlines that think");

    robot.clickOn("#undo-notice");

    waitUntil(() -> ui.notebook.talks().find(before.id()).isPresent());
    assertThat(ui.notebook.talks().get(before.id())).isEqualTo(before);
    assertThat(ui.notebook.revisions().list(before.id())).hasSize(revisions);
    waitUntil(
        () ->
            ui.window.session.getTalk() != null
                && ui.window.session.getTalk().id() == before.id()
                && ui.window.editor.area().getText().equals(before.body()));
  }

  @Test
  void aDeletedEventComesBackWithUndo(FxRobot robot) throws Exception {
    long event = addSample(robot);
    robot.clickOn(SampleMeetup.TITLE);
    robot.type(KeyCode.DELETE);
    waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
    robot.clickOn("Delete");
    waitUntil(() -> ui.notebook.events().find(event).isEmpty());
    waitUntil(() -> robot.lookup("#undo-notice").query().isVisible());

    robot.clickOn("#undo-notice");

    waitUntil(() -> ui.notebook.talks().count() == SampleMeetup.talkCount());
    waitUntil(() -> ui.window.navigator.tree().getRoot().getChildren().size() == 1);
    assertThat(ui.notebook.events().get(event).title()).isEqualTo(SampleMeetup.TITLE);
  }
}
