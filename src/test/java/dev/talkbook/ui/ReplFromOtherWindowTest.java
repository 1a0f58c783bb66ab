package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;

/**
 * Ctrl+J where the Java menu is not: tester 10a pressed it with the live share panel in front,
 * nothing showed the REPL, and what they typed for it went into the shared notes (every key a patch
 * to the viewers). Asked for from the window's other windows, the REPL shows in the main window and
 * the keys typed for it reach its input, never the notes.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ReplFromOtherWindowTest extends RealWindowTest {

  @AfterEach
  void hidePanel(FxRobot robot) {
    robot.interact(
        () -> {
          if (ui.window.share().panelMade() && ui.window.share().panel().stage() != null) {
            ui.window.share().panel().stage().hide();
          }
        });
  }

  @Test
  void ctrlJInTheLiveSharePanelShowsTheReplAndWhatIsTypedGoesToItsInput(FxRobot robot)
      throws Exception {
    ui.openNewTalk(robot, "Demo", "# Demo\n\n```java\nint x = 1;\n```\n");
    ui.attachRepl(robot);
    String notes = WindowUnderTest.editorText(robot);
    ui.fire(robot, "Live share panel…");
    Stage panel = FxWait.onFx(() -> ui.window.share().panel().stage());
    robot.interact(panel::requestFocus);
    FxWait.untilFx("the panel has the keyboard", panel::isFocused);

    robot.press(KeyCode.CONTROL, KeyCode.J).release(KeyCode.J, KeyCode.CONTROL);
    robot.write("1+2");

    FxWait.untilFx(
        "the REPL shown, its input with the keys",
        () ->
            robot.lookup(".tb-repl-input").tryQueryAs(CodeArea.class).isPresent()
                && robot.lookup(".tb-repl-input").queryAs(CodeArea.class).getText().equals("1+2"));
    CodeArea input = robot.lookup(".tb-repl-input").queryAs(CodeArea.class);
    assertThat(FxWait.onFx(() -> input.getScene().getWindow())).isSameAs(ui.stage);
    assertThat(FxWait.onFx(() -> input.isFocused())).isTrue();
    assertThat(WindowUnderTest.editorText(robot)).isEqualTo(notes);
  }
}
