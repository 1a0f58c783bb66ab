package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.talkbook.core.notebook.Talk;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;

/**
 * Edit → Undo (Ctrl+Z) after a delete in the navigator: a keyboard user deleted a talk with Del and
 * Ctrl+Z did nothing; only the status bar's Undo link, 5 Tabs away and gone in half a minute,
 * brought it back. In the notes Ctrl+Z stays the notes' undo.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class UndoKeyWindowTest extends RealWindowTest {

  private void ctrlZ(FxRobot robot) {
    robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
  }

  private void until(java.util.concurrent.Callable<Boolean> condition) throws Exception {
    waitFor(30, TimeUnit.SECONDS, condition);
  }

  @Test
  void ctrlZInTheNavigatorBringsBackTheTalkJustDeleted(FxRobot robot) throws Exception {
    Talk talk = ui.openNewTalk(robot, "Doomed", "# Doomed\n\nkept words\n");
    ui.clickOnRow(robot, "Doomed");
    robot.type(KeyCode.DELETE);
    FxWait.clickOn(robot, "Delete");
    until(() -> ui.notebook.talks().find(talk.id()).isEmpty());
    until(() -> robot.lookup("#undo-notice").query().isVisible());
    FxWait.untilFx(
        "the keyboard in the navigator",
        () -> ui.stage.getScene().getFocusOwner() == WindowUnderTest.navigator(robot));
    assertThat(FxWait.onFx(() -> ui.action("Undo").isDisable()))
        .as("Edit → Undo offered with no talk open")
        .isFalse();

    ctrlZ(robot);

    until(() -> ui.notebook.talks().find(talk.id()).isPresent());
    assertThat(ui.notebook.talks().get(talk.id()).body()).isEqualTo("# Doomed\n\nkept words\n");
    until(() -> !robot.lookup("#undo-notice").query().isVisible());
  }

  @Test
  void ctrlZInTheNotesUndoesTheTypingNotTheRename(FxRobot robot) throws Exception {
    Talk talk = ui.openNewTalk(robot, "Before", "# Notes\n");
    ui.clickOnRow(robot, "Before");
    robot.type(KeyCode.F2);
    until(() -> robot.lookup(".dialog-pane .text-field").tryQuery().isPresent());
    robot.interact(
        () ->
            robot
                .lookup(".dialog-pane .text-field")
                .queryAs(javafx.scene.control.TextField.class)
                .setText("After"));
    FxWait.clickOn(robot, "Rename");
    until(() -> ui.notebook.talks().get(talk.id()).title().equals("After"));
    until(() -> robot.lookup("#undo-notice").query().isVisible());
    FxWait.clickOn(robot, "#editor");
    robot.interact(
        () -> WindowUnderTest.editor(robot).moveTo(WindowUnderTest.editor(robot).getLength()));
    robot.write("typed");
    FxWait.untilFx("typed", () -> WindowUnderTest.editor(robot).getText().equals("# Notes\ntyped"));

    // One Ctrl+Z takes back what was typed without a pause of 0.5 s (read from the clock): on a
    // loaded machine the robot's keys may come further apart, each a step of its own. Each press
    // takes back some of the typing, never the rename.
    for (int i = 0; i < "typed".length(); i++) {
      String before = FxWait.onFx(() -> WindowUnderTest.editor(robot).getText());
      if (before.equals("# Notes\n")) {
        break;
      }
      ctrlZ(robot);
      FxWait.untilFx(
          "a step of the typing undone",
          () -> !WindowUnderTest.editor(robot).getText().equals(before));
      assertThat(FxWait.onFx(() -> WindowUnderTest.editor(robot).getText()))
          .startsWith("# Notes\n");
    }

    FxWait.untilFx(
        "the typing undone", () -> WindowUnderTest.editor(robot).getText().equals("# Notes\n"));
    ui.idle();
    assertThat(ui.notebook.talks().get(talk.id()).title()).isEqualTo("After");
    assertThat(FxWait.onFx(() -> robot.lookup("#undo-notice").query().isVisible())).isTrue();
  }
}
