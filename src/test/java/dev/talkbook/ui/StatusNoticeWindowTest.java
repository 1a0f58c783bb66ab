package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Found by a tester: in a full status bar (a details problem beside it), the Undo of "Added
 * https:// to the Slides link" was cut to a bare "…", which looked like "show more". The notice's
 * text gives way now, keeping its start, and its button stays whole.
 */
class StatusNoticeWindowTest extends RealWindowTest {

  /**
   * Types {@code text} over field {@code id}, given the keyboard as Tab would give it: a click
   * aimed where the field was could land on the next one, since the details scroll their problems
   * into view (a post-layout scroll) while the time typed before is refused.
   */
  private static void typeInto(FxRobot robot, String id, String text) {
    javafx.scene.Node field = FxWait.shown(robot.lookup("#detail-" + id).query());
    robot.interact(field::requestFocus);
    FxWait.untilFx("the keyboard in the " + id + " field", field::isFocused);
    robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
    robot.write(text);
  }

  @Test
  void theUndoOfAnHttpsFixIsNeverCutInAFullStatusBar(FxRobot robot) throws Exception {
    robot.interact(() -> ui.stage.setWidth(1000));
    ui.openNewTalk(robot, "Keynote: what we learned building a distributed editor", "Notes\n");
    typeInto(robot, "time", "tomorrow-ish 25:99");
    typeInto(robot, "slides", "youtu.be/a-rather-long-link-to-the-slides-of-this-keynote");
    robot.type(KeyCode.TAB);
    FxWait.untilFx(
        "the fix offered", () -> robot.lookup("#undo-notice").queryAs(Button.class).isVisible());
    FxWait.untilFx("the notice cut: the bar is full", () -> ui.window.statusBar().noticeCut());
    FxWait.untilFx(
        "the Undo button's text whole",
        () -> "Undo".equals(robot.lookup("#undo-notice .text").queryAs(Text.class).getText()));
    // The notice gives way, yet its start stays, and it can still be read whole.
    assertThat(FxWait.onFx(() -> robot.lookup("#notice .text").queryAs(Text.class).getText()))
        .startsWith("Added https://");
    // The notice itself can still be read whole.
    assertThat(
            FxWait.onFx(() -> robot.lookup("#notice").queryAs(Label.class).getTooltip().getText()))
        .startsWith("Added https:// to the Slides link: https://youtu.be/a-rather-long");
  }
}
