package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;

/**
 * After presenter view, the window's keys work from the notes as before it: Ctrl+Shift+P opened
 * nothing there, and the words typed next went into the notes (the speaker's window closed, the
 * main window was not given the system's keyboard back).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PresenterPaletteWindowTest extends LoomTalkWindowTest {
  private static boolean paletteOpen(FxRobot robot) {
    return robot.lookup("#picker-filter").tryQuery().filter(Node::isVisible).isPresent();
  }

  @Test
  void thePaletteOpensFromTheNotesAfterPresenterView(FxRobot robot) throws Exception {
    ui.fire(robot, "Show or hide the REPL");
    ui.idle();
    ui.fire(robot, "Presenter view (a window for the speaker)");
    FxWait.untilFx("presenter view", () -> robot.lookup("#presenter-end").tryQuery().isPresent());
    ui.idle();
    FxWait.clickOn(robot, "#presenter-end");
    FxWait.untilFx(
        "presenter view left", () -> robot.lookup("#presenter-end").tryQuery().isEmpty());
    ui.idle();
    CodeArea notes = FxWait.onFx(() -> WindowUnderTest.editor(robot));
    FxWait.clickOn(robot, notes);
    FxWait.untilFx("the notes focused", () -> notes.getScene().getFocusOwner() == notes);
    String before = FxWait.onFx(() -> notes.getText());

    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P)
        .release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
    FxWait.until("the command palette", () -> paletteOpen(robot));
    robot.write("zz");
    FxWait.untilFx(
        "the letters in the palette's field",
        () ->
            robot
                .lookup("#picker-filter")
                .queryAs(javafx.scene.control.TextField.class)
                .getText()
                .equals("zz"));
    ui.idle();
    assertThat(FxWait.onFx(() -> notes.getText())).as("the notes").isEqualTo(before);
  }
}
