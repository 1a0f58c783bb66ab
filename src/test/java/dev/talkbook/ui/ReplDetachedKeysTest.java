package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;

/**
 * The detached REPL by keyboard only: a tester detached it from the palette and no key docked it
 * again (Tab typed indentation, Ctrl+Tab did too, Ctrl+Shift+P and Ctrl+J did nothing in its
 * window, the Java menu still said "Detach the REPL").
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ReplDetachedKeysTest extends RealWindowTest {
  private CodeArea input;

  @BeforeEach
  void detachTheRepl(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Demo", "# Demo\n");
    ui.attachRepl(robot);
    ui.fire(robot, "Show or hide the REPL");
    input = robot.lookup(".tb-repl-input").queryAs(CodeArea.class);
    ui.fire(robot, "Detach the REPL");
    FxWait.untilFx("the REPL in a window of its own", () -> detached() != null);
    FxWait.untilFx(
        "its input focused",
        () -> detached().isFocused() && input.getScene().getFocusOwner() == input);
  }

  private Window detached() {
    Window w = input.getScene() == null ? null : input.getScene().getWindow();
    return w == null || w == ui.stage ? null : w;
  }

  private void press(FxRobot robot, KeyCode... keys) {
    robot.press(keys);
    for (int i = keys.length - 1; i >= 0; i--) {
      robot.release(keys[i]);
    }
  }

  @Test
  void ctrlTabLeavesTheInputForTheDockButtonWhichDocksIt(FxRobot robot) throws Exception {
    robot.interact(() -> input.replaceText("1 + 1"));
    // Ctrl+Tab leaves the input (where Tab indents), then Tab goes on to the toolbar's buttons.
    press(robot, KeyCode.CONTROL, KeyCode.TAB);
    FxWait.untilFx("the input left", () -> input.getScene().getFocusOwner() != input);
    Node focused = null;
    for (int i = 0; i < 8; i++) {
      focused = FxWait.onFx(() -> input.getScene().getFocusOwner());
      if (focused instanceof Button b && "Dock".equals(b.getText())) {
        break;
      }
      press(robot, KeyCode.TAB);
      ui.idle();
    }
    assertThat(focused).as("Ctrl+Tab reaches the Dock button").isInstanceOf(Button.class);
    assertThat(FxWait.onFx(() -> ((Button) input.getScene().getFocusOwner()).getText()))
        .isEqualTo("Dock");
    assertThat(FxWait.onFx(() -> input.getText()))
        .as("no tab typed into the input")
        .isEqualTo("1 + 1");
    press(robot, KeyCode.SPACE);
    FxWait.untilFx("docked in the main window", () -> input.getScene() == ui.stage.getScene());
  }

  @Test
  void theJavaMenuAndThePaletteOfferDockAndCtrlShiftJDocks(FxRobot robot) throws Exception {
    // The menu (and so the palette, which lists its items) says what the item does now.
    assertThat(FxWait.onFx(() -> ui.action("Dock the REPL").getAccelerator().getDisplayText()))
        .isEqualTo("Ctrl+Shift+J");
    press(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.J);
    FxWait.untilFx(
        "docked, its input focused",
        () -> input.getScene() == ui.stage.getScene() && input.isFocused());
    assertThat(FxWait.onFx(() -> ui.action("Detach the REPL").getText()))
        .as("the menu offers Detach again")
        .isEqualTo("Detach the REPL");
    // The same key detaches it again, from the main window.
    press(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.J);
    FxWait.untilFx("detached again", () -> detached() != null);
    FxWait.untilFx(
        "its input the focus in its window", () -> input.getScene().getFocusOwner() == input);
  }

  @Test
  void ctrlShiftPAndCtrlJWorkInTheDetachedWindow(FxRobot robot) throws Exception {
    press(robot, KeyCode.CONTROL, KeyCode.J);
    FxWait.untilFx("back in the main window", () -> ui.stage.isFocused());
    FxWait.clickOn(robot, ".tb-repl-input");
    FxWait.untilFx("the REPL's window focused", () -> detached().isFocused());
    press(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P);
    FxWait.untilFx(
        "the command palette open", () -> !robot.lookup("#picker-filter").queryAll().isEmpty());
    robot.targetWindow(ui.stage).write("dock");
    press(robot, KeyCode.ENTER);
    FxWait.untilFx("docked from the palette", () -> input.getScene() == ui.stage.getScene());
  }
}
