package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.Callable;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Saving the notes as a user meets it: while typing without a pause, after the notebook was busy,
 * and on quitting when they cannot be saved (save elsewhere, quit anyway, cancel).
 */
class SavingTest extends RealWindowTest {

  private long talk;

  /** Another program's write transaction on the notebook, while a test holds it. */
  private Connection otherWriter;

  @AfterEach
  void tearDown(FxRobot robot) throws Exception {
    releaseTheNotebook();
  }

  /** Waits for {@code condition} (an exception from it means "not yet"), then for the FX events. */
  private static void waitUntil(Callable<Boolean> condition) {
    FxWait.until(condition);
  }

  private String saveState(FxRobot robot) throws Exception {
    return WindowUnderTest.saveState(robot);
  }

  private String editorText(FxRobot robot) throws Exception {
    return WindowUnderTest.editorText(robot);
  }

  private String stored() {
    return ui.notebook.talks().get(talk).body();
  }

  /** A talk "Typed into", opened from the navigator, the caret at the end of its notes. */
  private void openATalk(FxRobot robot) throws Exception {
    long event = ui.notebook.events().create(Event.Details.titled("Meetup")).id();
    talk = ui.notebook.talks().create(event, Talk.Details.titled("Typed into"), "Notes\n").id();
    ui.reload(robot);
    ui.clickOnRow(robot, "Typed into");
    waitUntil(() -> editorText(robot).equals("Notes\n"));
    FxWait.clickOn(robot, "#editor");
    robot.press(KeyCode.CONTROL, KeyCode.END).release(KeyCode.END, KeyCode.CONTROL);
  }

  /** Takes SQLite's write lock from outside, as another program writing to the file would. */
  private void holdTheNotebook() throws Exception {
    otherWriter = DriverManager.getConnection("jdbc:sqlite:" + ui.notebook.file());
    try (Statement s = otherWriter.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
    }
  }

  private void releaseTheNotebook() throws Exception {
    if (otherWriter != null) {
      try (Statement s = otherWriter.createStatement()) {
        s.execute("ROLLBACK");
      }
      otherWriter.close();
      otherWriter = null;
    }
  }

  private void quit(FxRobot robot) {
    robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
  }

  /** Ctrl+Q while the notebook is held: the save fails (busy) and the dialog asks. */
  private void quitWhileTheNotesCannotBeSaved(FxRobot robot) throws Exception {
    openATalk(robot);
    holdTheNotebook();
    robot.write("typed while busy");
    quit(robot);
    waitUntil(() -> robot.lookup("#unsaved-notes").tryQuery().isPresent());
    assertThat(ui.quits.get()).isZero();
    javafx.scene.Parent dialog = robot.lookup("#unsaved-notes").queryParent();
    assertThat(FxWait.onFx(() -> WindowUnderTest.cutShort(dialog))).isEmpty();
  }

  @Test
  void typingWithoutAPauseIsSavedWhileItGoesOn(FxRobot robot) throws Exception {
    openATalk(robot);
    boolean savedWhileTyping = false;
    int line = 0;
    for (; line < 60 && !savedWhileTyping; line++) {
      robot.write("line " + line + "\n");
      savedWhileTyping = stored().contains("line 0\n");
    }
    assertThat(savedWhileTyping).as("a save landed while the typing went on").isTrue();
    waitUntil(() -> stored().equals(editorText(robot)));
    waitUntil(() -> saveState(robot).equals("Saved"));
  }

  @Test
  void aSaveRefusedBecauseTheNotebookWasBusyIsRetriedUntilItSucceeds(FxRobot robot)
      throws Exception {
    openATalk(robot);
    holdTheNotebook();
    robot.write("typed while busy");

    waitUntil(() -> saveState(robot).startsWith("Not saved:"));
    // In a few words in the bar (which names the notebook already), all of it in the tooltip.
    assertThat(saveState(robot))
        .matches(
            "Not saved: the notebook is busy: another program is writing to it\\. Trying again in"
                + " \\d+ s\\.");
    String tip =
        FxWait.onFx(() -> robot.lookup("#save-state").queryAs(Label.class).getTooltip().getText());
    assertThat(tip).startsWith("Could not save").contains(dir.toString()).contains("busy");
    robot.write(", and more");
    assertThat(saveState(robot)).as("still says so while typing").startsWith("Not saved:");
    assertThat(stored()).isEqualTo("Notes\n");

    releaseTheNotebook();
    waitUntil(() -> stored().equals("Notes\ntyped while busy, and more"));
    waitUntil(() -> saveState(robot).equals("Saved"));
    assertThat(FxWait.onFx(() -> robot.lookup("#save-state").queryAs(Label.class).getTooltip()))
        .as("saved: nothing to explain")
        .isNull();
  }

  @Test
  void quittingWhenTheNotesCannotBeSavedOffersToSaveThemElsewhere(FxRobot robot) throws Exception {
    quitWhileTheNotesCannotBeSaved(robot);
    ui.saveAs = null; // the user cancels the file chooser: asked again
    FxWait.clickOn(robot, "Save notes as Markdown…");
    waitUntil(() -> robot.lookup("#unsaved-notes").tryQuery().isPresent());
    assertThat(ui.quits.get()).isZero();

    Path file = dir.resolve("kept.md");
    ui.saveAs = file;
    FxWait.clickOn(robot, "Save notes as Markdown…");
    waitUntil(() -> ui.quits.get() == 1);
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .startsWith("---\ntitle: Typed into\n---\n")
        .endsWith("Notes\ntyped while busy");
  }

  @Test
  void quittingWhenTheNotesCannotBeSavedMayQuitAnyway(FxRobot robot) throws Exception {
    quitWhileTheNotesCannotBeSaved(robot);
    FxWait.clickOn(robot, "Quit without saving");
    waitUntil(() -> ui.quits.get() == 1);
    assertThat(stored()).isEqualTo("Notes\n");
  }

  @Test
  void quittingWhenTheNotesCannotBeSavedMayBeCancelled(FxRobot robot) throws Exception {
    quitWhileTheNotesCannotBeSaved(robot);
    FxWait.clickOn(robot, "Cancel");
    waitUntil(() -> robot.lookup("#unsaved-notes").tryQuery().isEmpty());
    assertThat(ui.quits.get()).isZero();
    assertThat(editorText(robot)).isEqualTo("Notes\ntyped while busy");
    assertThat(saveState(robot)).startsWith("Not saved:");

    releaseTheNotebook(); // the window keeps trying, and now it works
    waitUntil(() -> stored().equals("Notes\ntyped while busy"));
    waitUntil(() -> saveState(robot).equals("Saved"));
    quit(robot);
    waitUntil(() -> ui.quits.get() == 1);
  }
}
