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
 * Leaving presenter mode by its key gives the keyboard back where it was before entering: the
 * notes, with the caret where it was, so the presenter types on at once (it went to the navigator's
 * search field).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PresenterFocusWindowTest extends LoomTalkWindowTest {
  private static void presenterKey(FxRobot robot) {
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT)
        .type(KeyCode.M)
        .release(KeyCode.SHIFT, KeyCode.CONTROL);
  }

  private static Node focused(CodeArea notes) throws Exception {
    return FxWait.onFx(() -> notes.getScene().getFocusOwner());
  }

  @Test
  void leavingByItsKeyGivesTheKeyboardBackToTheNotesWithTheCaretWhereItWas(FxRobot robot)
      throws Exception {
    CodeArea notes = FxWait.onFx(() -> WindowUnderTest.editor(robot));
    int at = NOTES.indexOf("more.");
    robot.interact(
        () -> {
          notes.requestFocus();
          notes.moveTo(at);
        });
    ui.idle();
    assertThat(focused(notes)).isSameAs(notes);

    presenterKey(robot);
    FxWait.untilFx("presenter mode", () -> notes.getStyle().contains("24"));
    ui.idle();
    presenterKey(robot);
    FxWait.untilFx("presenter mode left", () -> !notes.getStyle().contains("24"));
    ui.idle();

    assertThat(focused(notes)).as("the focus owner after leaving").isSameAs(notes);
    assertThat(FxWait.onFx(notes::getCaretPosition)).isEqualTo(at);
    robot.type(KeyCode.X);
    FxWait.untilFx("the letter typed into the notes", () -> notes.getText().contains("xmore."));
  }
}
