package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;

/**
 * View → Full screen in the real window: F11 toggles it, the item's tick follows the window's real
 * state, Esc in the notes leaves it alone, and presenter mode puts the user's choice back.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class FullScreenWindowTest extends RealWindowTest {

  private CheckMenuItem item() {
    return (CheckMenuItem) ui.action("Full screen");
  }

  private boolean full() throws Exception {
    return FxWait.onFx(ui.stage::isFullScreen);
  }

  private boolean ticked() throws Exception {
    return FxWait.onFx(() -> item().isSelected());
  }

  @Test
  void f11TogglesFullScreenAndTheMenuItemFollows(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Loom", "# Loom\n\nnotes\n");
    assertThat(FxWait.onFx(() -> item().getAccelerator()))
        .isEqualTo(KeyCombination.keyCombination("F11"));
    assertThat(full()).isFalse();
    assertThat(ticked()).isFalse();
    CodeArea notes = FxWait.onFx(() -> WindowUnderTest.editor(robot));
    robot.interact(notes::requestFocus);

    robot.type(KeyCode.F11);
    FxWait.untilFx("full screen after F11", ui.stage::isFullScreen);
    assertThat(ticked()).isTrue();
    assertThat(
            FxWait.onFx(
                () ->
                    ui.window.statusBar().root().lookupAll(".label").stream()
                        .filter(n -> n.isVisible())
                        .map(n -> ((javafx.scene.control.Labeled) n).getText())
                        .toList()))
        .as("the status bar says how to leave")
        .contains("Full screen: F11 leaves it");

    // Esc in the notes is the notes' (stop code, close the find bar): full screen stays. Checked
    // once the key has reached the notes (JavaFX's exit key acts before they see it).
    java.util.concurrent.atomic.AtomicInteger escapes =
        new java.util.concurrent.atomic.AtomicInteger();
    javafx.event.EventHandler<javafx.scene.input.KeyEvent> counter =
        e -> {
          if (e.getCode() == KeyCode.ESCAPE) {
            escapes.incrementAndGet();
          }
        };
    robot.interact(() -> notes.addEventFilter(javafx.scene.input.KeyEvent.KEY_RELEASED, counter));
    robot.type(KeyCode.ESCAPE);
    FxWait.untilFx("Esc reached the notes", () -> escapes.get() == 1);
    robot.interact(
        () -> notes.removeEventFilter(javafx.scene.input.KeyEvent.KEY_RELEASED, counter));
    assertThat(full()).isTrue();
    assertThat(FxWait.onFx(ui.stage::getFullScreenExitKeyCombination))
        .isEqualTo(KeyCombination.NO_MATCH);

    robot.type(KeyCode.F11);
    FxWait.untilFx("out of full screen after F11", () -> !ui.stage.isFullScreen());
    assertThat(ticked()).isFalse();

    // The menu item (the palette fires it so) does the same.
    ui.fire(robot, "Full screen");
    FxWait.untilFx("full screen from the menu", ui.stage::isFullScreen);
    assertThat(ticked()).isTrue();
  }

  @Test
  void leavingFullScreenFromOutsideUnticksTheItem(FxRobot robot) throws Exception {
    robot.type(KeyCode.F11);
    FxWait.untilFx("full screen", () -> item().isSelected());
    // the window manager (or the desktop's own key) leaves full screen
    robot.interact(() -> ui.stage.setFullScreen(false));
    assertThat(ticked()).isFalse();
    robot.interact(() -> ui.stage.setFullScreen(true));
    assertThat(ticked()).isTrue();
  }

  @Test
  void quittingInFullScreenKeepsTheWindowsOwnSizeForNextTime(FxRobot robot) throws Exception {
    ui.resize(robot, 900, 600);
    robot.type(KeyCode.F11);
    FxWait.untilFx("full screen", () -> item().isSelected());
    FxWait.untilFx("the window covers the screen", () -> ui.stage.getScene().getWidth() > 900);
    ui.quitAsTheAppDoes(robot);
    var settings = dev.talkbook.ui.common.Settings.load(ui.settingsFile);
    assertThat(settings.get(dev.talkbook.ui.common.Settings.WIDTH)).isEqualTo(900.0);
    assertThat(settings.get(dev.talkbook.ui.common.Settings.HEIGHT)).isEqualTo(600.0);
  }

  @Test
  void presenterModeLeavesTheUsersFullScreenChoiceAsItWas(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Loom", "# Loom\n\n```java\n1 + 1\n```\n");
    ui.attachRepl(robot);
    for (boolean chosen : new boolean[] {true, false}) {
      if (full() != chosen) {
        robot.type(KeyCode.F11);
      }
      FxWait.untilFx("full screen " + chosen, () -> ui.stage.isFullScreen() == chosen);
      ui.fire(robot, "Presenter mode");
      FxWait.untilFx("presenter mode", () -> robot.lookup(".tb-presenter").tryQuery().isPresent());
      assertThat(full()).as("presenting is full screen").isTrue();
      assertThat(ticked()).as("the item follows the window").isTrue();
      ui.fire(robot, "Presenter mode");
      FxWait.untilFx(
          "presenter mode left", () -> robot.lookup(".tb-presenter").tryQuery().isEmpty());
      assertThat(full()).as("full screen as chosen before presenting").isEqualTo(chosen);
      assertThat(ticked()).isEqualTo(chosen);
      assertThat(FxWait.onFx(ui.stage::getFullScreenExitKeyCombination))
          .isEqualTo(KeyCombination.NO_MATCH);
    }
  }
}
