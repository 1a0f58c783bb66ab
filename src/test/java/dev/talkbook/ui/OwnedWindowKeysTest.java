package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Ctrl+Q quits from the app's other windows too: the live share panel (where it did nothing, and
 * the app went on running), a window of a window; a window's own Ctrl+Q stays its own.
 */
class OwnedWindowKeysTest extends RealWindowTest {
  private Stage other;

  @AfterEach
  void hideWindows(FxRobot robot) {
    robot.interact(
        () -> {
          if (ui.window.share().panelMade() && ui.window.share().panel().stage() != null) {
            ui.window.share().panel().stage().hide();
          }
          if (other != null) {
            other.hide();
          }
        });
  }

  private static void ctrlQ(FxRobot robot) {
    robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
  }

  @Test
  void ctrlQInTheLiveSharePanelQuits(FxRobot robot) {
    robot.interact(() -> ui.window.share().panel().show());
    FxWait.untilFx(
        "the live share panel has the keyboard",
        () -> ui.window.share().panel().stage().isFocused());
    ctrlQ(robot);
    FxWait.until("Quit asked for", () -> ui.quits.get() == 1);
  }

  @Test
  void aWindowOwnedByAnotherOwnedWindowQuitsAndAWindowsOwnKeyStaysItsOwn(FxRobot robot) {
    AtomicInteger own = new AtomicInteger();
    robot.interact(() -> ui.window.share().panel().show());
    robot.interact(
        () -> {
          other = new Stage();
          other.initOwner(ui.window.share().panel().stage());
          other.setScene(new Scene(new Label("a window of the panel"), 300, 200));
          other.show();
          other.toFront();
        });
    FxWait.untilFx("the panel's own window has the keyboard", () -> other.isFocused());
    ctrlQ(robot);
    FxWait.until("Quit asked for", () -> ui.quits.get() == 1);

    robot.interact(
        () -> {
          other.hide();
          other.getScene().getAccelerators().put(WindowMenus.QUIT_KEY, own::incrementAndGet);
          other.show();
          other.toFront();
        });
    FxWait.untilFx("the window has the keyboard again", () -> other.isFocused());
    ctrlQ(robot);
    FxWait.until("the window's own Ctrl+Q ran", () -> own.get() == 1);
    assertThat(ui.quits.get()).isEqualTo(1);
  }
}
