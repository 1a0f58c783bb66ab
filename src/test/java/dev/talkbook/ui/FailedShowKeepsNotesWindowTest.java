package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Talk;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Label;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A view that fails to show a talk (the editor threw StackOverflowError on a note it could not lay
 * out, fix10c) leaves the talk open in the notebook's sense while the notes of the talk left stay
 * in the editor. A key typed there then saved those notes, with the key, over the notes of the talk
 * now open. Now the notes shown are read-only until they are the open talk's, and their changes go
 * to the open talk only when they are its notes; a key typed there says why it changes nothing.
 */
class FailedShowKeepsNotesWindowTest extends RealWindowTest {

  @Test
  void keysTypedAfterAViewFailedToShowATalkNeverReplaceItsNotes(FxRobot robot) throws Exception {
    Talk alpha = ui.openNewTalk(robot, "Alpha", "# Alpha\n");
    Talk beta =
        ui.notebook.talks().create(alpha.eventId(), Talk.Details.titled("Beta"), "# Beta\n");
    ui.reloadTree(robot);
    FxWait.until("the details' fields", () -> robot.lookup("#detail-title").tryQuery().isPresent());
    javafx.scene.control.TextInputControl title =
        robot.lookup("#detail-title").queryTextInputControl();
    // The details fail to show Beta as the editor failed on a note it could not lay out.
    ChangeListener<String> failing =
        (obs, was, now) -> {
          if (now.equals("Beta")) {
            throw new StackOverflowError("a view failed to show Beta");
          }
        };
    robot.interact(() -> title.textProperty().addListener(failing));
    robot.interact(() -> ui.window.open(beta.id(), List.of()));
    Label notice = robot.lookup("#notice").queryAs(Label.class);
    FxWait.untilFx(
        "the failure said", () -> notice.getText().startsWith("Could not open the talk: "));
    robot.interact(() -> title.textProperty().removeListener(failing));
    CodeArea notes = WindowUnderTest.editor(robot);
    robot.interact(notes::requestFocus);
    robot.write("x");
    ui.idle();
    // The key is told why it changed nothing (the failure's own notice goes after a while).
    FxWait.untilFx(
        "why typing changes nothing said",
        () -> notice.getText().equals(TalkScreen.notShownMessage(beta)));
    robot.interact(() -> ui.window.openTalk().saveNow());
    ui.idle();
    assertThat(ui.notebook.talks().get(beta.id()).body()).isEqualTo("# Beta\n");
    assertThat(ui.notebook.talks().get(alpha.id()).body()).isEqualTo("# Alpha\n");
  }
}
