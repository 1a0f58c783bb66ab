package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.sample.SampleMeetup;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.ui.palette.MenuActions;
import dev.talkbook.ui.palette.PaletteEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/** A window on a notebook opened read-only says so, and offers nothing that would change it. */
@ExtendWith(ApplicationExtension.class)
class ReadOnlyWindowTest {
  @TempDir Path dir;
  private WindowUnderTest ui;
  private String notes;

  /** What would change the notebook, and so is not offered in a read-only window. */
  private static final List<String> CHANGING =
      List.of(
          "New event…",
          "New talk…",
          "Import Markdown…",
          "Import schedule…",
          "Rename…",
          "Delete…",
          "Edit event…",
          "Move to event…");

  @BeforeEach
  void openReadOnly(FxRobot robot) throws TimeoutException {
    long talk;
    try (Notebook writer = Notebook.open(dir.resolve("notes.talkbook"))) {
      SampleMeetup.addTo(writer);
      talk = writer.talks().summaries().get(0).id();
      notes = writer.talks().get(talk).body();
    }
    Stage primary = FxToolkit.registerPrimaryStage();
    robot.interact(
        () ->
            ui =
                new WindowUnderTest(
                    primary,
                    dir,
                    Notebook.Options.defaults().withReadOnly(true).withCreate(false)));
    ui.idle();
    robot.interact(() -> ui.window.open(talk, List.of()));
    FxWait.untilFx("the notes", () -> WindowUnderTest.editor(robot).getText().equals(notes));
  }

  @AfterEach
  void close(FxRobot robot) {
    ui.close(robot);
  }

  private static Label label(FxRobot robot, String id) {
    return robot.lookup("#" + id).queryAs(Label.class);
  }

  @Test
  void anEmptyReadOnlyNotebooksWelcomeOffersNothingItCannotDo(FxRobot robot) throws Exception {
    java.nio.file.Path empty = java.nio.file.Files.createDirectories(dir.resolve("empty"));
    Notebook.open(empty.resolve("notes.talkbook")).close();
    Stage fresh = FxWait.onFx(Stage::new);
    WindowUnderTest other =
        FxWait.onFx(
            () ->
                new WindowUnderTest(
                    fresh,
                    empty,
                    Notebook.Options.defaults().withReadOnly(true).withCreate(false)));
    try {
      FxWait.untilFx(
          "the welcome",
          () ->
              other.stage.getScene().lookup("#welcome") != null
                  && other.stage.getScene().lookup("#welcome").isVisible());
      for (String id :
          List.of(
              "add-sample",
              "welcome-new-event",
              "welcome-import-schedule",
              "welcome-import-markdown")) {
        assertThat(FxWait.onFx(() -> other.stage.getScene().lookup("#" + id).isDisabled()))
            .as(id)
            .isTrue();
      }
    } finally {
      other.close(robot);
    }
  }

  @Test
  void theStatusBarSaysReadOnlyNotSavedAndWhy(FxRobot robot) throws Exception {
    assertThat(WindowUnderTest.saveState(robot)).startsWith("Read-only");
    String tip =
        FxWait.onFx(
            () -> {
              var tooltip = label(robot, "save-state").getTooltip();
              return tooltip == null ? null : tooltip.getText();
            });
    assertThat(tip).startsWith("This notebook is open read-only: ");
  }

  @Test
  void theTooltipSaysWhenAnotherTalkbookHasTheNotebook(FxRobot robot) throws Exception {
    var before = FxWait.onFx(() -> label(robot, "save-state").getTooltip());
    robot.interact(
        () ->
            ui.window.readOnlyBecause(
                App.readOnlyBecause(dev.talkbook.core.store.NotebookOpenException.Problem.LOCKED)));
    assertThat(FxWait.onFx(() -> label(robot, "save-state").getTooltip().getText()))
        .startsWith("This notebook is open read-only: another Talkbook has it open for writing.");
    assertThat(FxWait.onFx(() -> label(robot, "save-state").getTooltip()))
        .as("the same tooltip, its text updated")
        .isSameAs(before);
  }

  @Test
  void aKeyTypedInTheNotesSaysTheNotebookIsReadOnly(FxRobot robot) throws Exception {
    FxWait.clickOn(robot, WindowUnderTest.editor(robot));
    FxWait.untilFx(
        "the notes to have the keyboard", () -> WindowUnderTest.editor(robot).isFocused());
    robot.write("x");
    ui.idle();
    assertThat(FxWait.onFx(() -> label(robot, "notice").isVisible())).isTrue();
    assertThat(FxWait.onFx(() -> label(robot, "notice").getText()))
        .startsWith("This notebook is open read-only: ");
    assertThat(WindowUnderTest.editorText(robot)).isEqualTo(notes);
    assertThat(WindowUnderTest.saveState(robot)).startsWith("Read-only");
  }

  @Test
  void aLetterTypedOnATalksRowWritesNothingAndSaysWhy(FxRobot robot) throws Exception {
    String title = FxWait.onFx(() -> ui.openTalk().title());
    ui.clickOnRow(robot, title);
    FxWait.untilFx(
        "the navigator to have the keyboard", () -> WindowUnderTest.navigator(robot).isFocused());
    robot.interact(() -> label(robot, "notice").setVisible(false));
    robot.write("x");
    ui.idle();
    assertThat(FxWait.onFx(() -> label(robot, "notice").isVisible())).isTrue();
    assertThat(FxWait.onFx(() -> label(robot, "notice").getText()))
        .startsWith("This notebook is open read-only: ");
    assertThat(WindowUnderTest.editorText(robot)).isEqualTo(notes);
    assertThat(FxWait.onFx(() -> WindowUnderTest.navigator(robot).isFocused())).isTrue();
  }

  @Test
  void whatWouldChangeTheNotebookIsGreyedAndNotInThePalette(FxRobot robot) throws Exception {
    ui.clickOnRow(robot, SampleMeetup.TITLE); // an event selected: Rename, Delete, Edit event apply
    FxWait.untilFx(
        "the event selected",
        () -> WindowUnderTest.navigator(robot).getSelectionModel().getSelectedIndex() == 0);
    for (String text : CHANGING) {
      MenuItem item = ui.action(text);
      assertThat(FxWait.onFx(item::isDisable)).as(text).isTrue();
    }
    List<String> offered =
        FxWait.onFx(
            () ->
                MenuActions.entries(robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus())
                    .stream()
                    .map(PaletteEntry::label)
                    .toList());
    assertThat(offered).isNotEmpty().doesNotContainAnyElementsOf(CHANGING);
    for (String id : List.of("new-event", "new-talk", "rename-selected", "delete-selected")) {
      assertThat(FxWait.onFx(() -> robot.lookup("#" + id).query().isDisabled())).as(id).isTrue();
    }

    robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
    ui.idle();
    assertThat(FxWait.onFx(() -> Window.getWindows().stream().filter(Window::isShowing).count()))
        .as("no new-talk form")
        .isEqualTo(1);
  }

  @Test
  void deleteAndRenameSayWhyNotAskingFirst(FxRobot robot) throws Exception {
    ui.clickOnRow(robot, SampleMeetup.TITLE);
    FxWait.untilFx(
        "the event selected",
        () -> WindowUnderTest.navigator(robot).getSelectionModel().getSelectedIndex() == 0);
    for (KeyCode key : List.of(KeyCode.DELETE, KeyCode.F2)) {
      robot.interact(() -> label(robot, "notice").setVisible(false));
      robot.type(key);
      ui.idle();
      assertThat(FxWait.onFx(() -> label(robot, "notice").isVisible())).as(key.getName()).isTrue();
      assertThat(FxWait.onFx(() -> label(robot, "notice").getText()))
          .startsWith("This notebook is open read-only: ");
    }
    // Called from elsewhere (a toolbar button, the palette): no "Delete …?" first.
    robot.interact(() -> label(robot, "notice").setVisible(false));
    for (String id : List.of("delete-selected", "rename-selected")) {
      javafx.scene.control.Button tool = robot.lookup("#" + id).queryButton();
      javafx.application.Platform.runLater(() -> tool.getOnAction().handle(null));
    }
    ui.idle();
    List<Window> shown =
        FxWait.onFx(() -> Window.getWindows().stream().filter(Window::isShowing).toList());
    try {
      assertThat(shown).as("no question asked").hasSize(1);
      assertThat(FxWait.onFx(() -> label(robot, "notice").isVisible())).isTrue();
    } finally {
      for (Window w : shown) {
        if (w != ui.stage) {
          robot.interact(w::hide);
        }
      }
    }
    robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
    ui.idle();
    assertThat(FxWait.onFx(() -> label(robot, "notice").isVisible())).as("Ctrl+N").isTrue();
  }
}
