package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.ui.common.Settings;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * View → Talk details (Ctrl+Shift+T) folds and unfolds the talk's details from the keyboard (a
 * click on their header was the only way), for room for the notes on a 768-pixel screen; the fold
 * is remembered.
 */
class DetailsFoldKeyWindowTest extends RealWindowTest {

  private static void ctrlShiftT(FxRobot robot) {
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T)
        .release(KeyCode.T, KeyCode.SHIFT, KeyCode.CONTROL);
  }

  private static TitledPane details(FxRobot robot) {
    return robot.lookup("#talk-details").queryAs(TitledPane.class);
  }

  @Test
  void ctrlShiftTFoldsAndUnfoldsTheDetailsAndTheFoldIsKept(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Loom", "notes\n");
    CodeArea notes = WindowUnderTest.editor(robot);
    robot.interact(notes::requestFocus);
    FxWait.untilFx("the notes to have the keyboard", notes::isFocused);
    assertThat(FxWait.<Boolean>onFx(() -> details(robot).isExpanded())).isTrue();

    ctrlShiftT(robot);
    FxWait.untilFx("the details folded", () -> !details(robot).isExpanded());
    assertThat(FxWait.<Boolean>onFx(notes::isFocused)).as("the notes keep the keyboard").isTrue();
    ui.idle();
    assertThat(Settings.load(ui.settingsFile).get(Settings.DETAILS_EXPANDED)).isFalse();

    ctrlShiftT(robot);
    FxWait.untilFx("the details unfolded", () -> details(robot).isExpanded());
    assertThat(FxWait.<Boolean>onFx(notes::isFocused)).isTrue();
  }

  @Test
  void foldedFromOneOfItsFieldsTheKeyboardGoesToTheNotes(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Loom", "notes\n");
    TextField room = (TextField) FxWait.shown(robot, "#detail-room");
    robot.interact(room::requestFocus);
    FxWait.untilFx("the room field to have the keyboard", room::isFocused);

    ctrlShiftT(robot);
    FxWait.untilFx("the details folded", () -> !details(robot).isExpanded());
    FxWait.untilFx("the notes to have the keyboard", WindowUnderTest.editor(robot)::isFocused);
  }
}
