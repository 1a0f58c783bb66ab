package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Talk;
import java.util.List;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Undo keeps each talk's own history through going to other talks and back, and never applies one
 * talk's changes to another's notes; notes changed elsewhere meanwhile start afresh.
 */
class TalkUndoWindowTest extends RealWindowTest {

  /** Opens {@code talk} and waits for {@code notes} in the editor. */
  private void openAndSee(FxRobot robot, Talk talk, String notes) throws Exception {
    robot.interact(() -> ui.window.open(talk.id(), List.of()));
    FxWait.untilFx(
        "the notes of " + talk.title(), () -> WindowUnderTest.editorText(robot).equals(notes));
  }

  /** Types {@code text} into the notes at {@code position}, and waits for it to be there. */
  private static void typeAt(FxRobot robot, int position, String text) throws Exception {
    CodeArea notes = WindowUnderTest.editor(robot);
    String before = WindowUnderTest.editorText(robot);
    robot.interact(
        () -> {
          notes.requestFocus();
          notes.moveTo(position);
        });
    robot.write(text);
    String after = before.substring(0, position) + text + before.substring(position);
    FxWait.untilFx("typed " + text, () -> notes.getText().equals(after));
  }

  private static void undo(FxRobot robot) {
    robot.interact(() -> WindowUnderTest.editor(robot).requestFocus());
    robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void undoAfterGoingToAnotherTalkAndBackTakesBackWhatWasTypedThere(FxRobot robot)
      throws Exception {
    Talk alpha = ui.openNewTalk(robot, "Alpha", "Alpha notes\n");
    typeAt(robot, 11, "XYZ");
    Talk beta = ui.openNewTalk(robot, "Beta", "Beta notes\n");
    typeAt(robot, 10, "QQ");

    openAndSee(robot, alpha, "Alpha notesXYZ\n");
    undo(robot);
    FxWait.untilFx(
        "Alpha's typing undone", () -> WindowUnderTest.editorText(robot).equals("Alpha notes\n"));
    // Nothing more to undo here: Beta's typing is never applied to Alpha's notes.
    undo(robot);
    undo(robot);
    assertThat(WindowUnderTest.editorText(robot)).isEqualTo("Alpha notes\n");

    openAndSee(robot, beta, "Beta notesQQ\n");
    undo(robot);
    FxWait.untilFx(
        "Beta's typing undone", () -> WindowUnderTest.editorText(robot).equals("Beta notes\n"));
    openAndSee(robot, alpha, "Alpha notes\n");
    ui.idle();
    assertThat(ui.notebook.talks().find(beta.id()).orElseThrow().body()).isEqualTo("Beta notes\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"imported", "put back"})
  void notesChangedElsewhereMeanwhileStartAFreshHistory(String how, FxRobot robot)
      throws Exception {
    Talk alpha = ui.openNewTalk(robot, "Alpha", "Alpha notes\n");
    typeAt(robot, 11, "XYZ");
    ui.openNewTalk(robot, "Beta", "Beta notes\n");
    ui.idle();

    String elsewhere = "Changed elsewhere\n";
    if (how.equals("imported")) {
      ui.notebook.talks().saveBody(alpha.id(), elsewhere);
    } else {
      ui.notebook.revisions().bringBack(alpha.id(), elsewhere); // kept notes put back
    }
    openAndSee(robot, alpha, elsewhere);
    undo(robot);
    assertThat(WindowUnderTest.editorText(robot)).isEqualTo(elsewhere);

    // Undo works there, on what is typed from now on.
    typeAt(robot, 7, "W");
    undo(robot);
    FxWait.untilFx(
        "the new typing undone", () -> WindowUnderTest.editorText(robot).equals(elsewhere));
    undo(robot);
    assertThat(WindowUnderTest.editorText(robot)).isEqualTo(elsewhere);
  }
}
