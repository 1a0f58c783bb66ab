package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Talk;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Coming back to a talk (another talk opened in between, or a restart) puts the caret, the
 * selection and the scroll where they were left, so typing goes on there; a talk never visited
 * opens at its start.
 */
class CaretPlaceWindowTest extends RealWindowTest {

  private static final String LONG =
      IntStream.range(0, 300).mapToObj(i -> "line " + i).collect(Collectors.joining("\n")) + "\n";

  /** The caret put on line {@code line}, column 2, and line {@code top} scrolled to the top. */
  private static void leaveCaret(FxRobot robot, int line, int top) throws Exception {
    CodeArea notes = WindowUnderTest.editor(robot);
    robot.interact(
        () -> {
          notes.requestFocus();
          notes.moveTo(line, 2);
          notes.showParagraphAtTop(top);
        });
    FxWait.untilFx(
        "line " + top + " at the top",
        () ->
            !notes.getVisibleParagraphs().isEmpty() && notes.firstVisibleParToAllParIndex() == top);
  }

  private static int caretAt(int line) {
    return LONG.lines().limit(line).mapToInt(l -> l.length() + 1).sum() + 2;
  }

  private static void seesCaretAndTop(FxRobot robot, int line, int top) throws Exception {
    CodeArea notes = WindowUnderTest.editor(robot);
    FxWait.untilFx(
        "the caret on line " + line + " and line " + top + " at the top",
        () ->
            notes.getCaretPosition() == caretAt(line)
                && !notes.getVisibleParagraphs().isEmpty()
                && notes.firstVisibleParToAllParIndex() == top);
  }

  @Test
  void comingBackToATalkPutsTheCaretAndTheScrollWhereTheyWereLeft(FxRobot robot) throws Exception {
    Talk other = ui.openNewTalk(robot, "Other", "Other notes\n");
    Talk talk = ui.openNewTalk(robot, "Long notes", LONG);
    leaveCaret(robot, 150, 140);

    robot.interact(() -> ui.window.open(other.id(), List.of()));
    FxWait.untilFx(
        "the other talk", () -> WindowUnderTest.editorText(robot).equals("Other notes\n"));
    robot.interact(() -> ui.window.open(talk.id(), List.of()));
    FxWait.untilFx("the long notes", () -> WindowUnderTest.editorText(robot).equals(LONG));
    seesCaretAndTop(robot, 150, 140);

    // Typing goes on there, not at the start of the notes.
    CodeArea notes = WindowUnderTest.editor(robot);
    robot.interact(notes::requestFocus);
    robot.write("BACK");
    FxWait.untilFx(
        "typed on line 150", () -> notes.getParagraph(150).getText().equals("liBACKne 150"));
  }

  @Test
  void aTalkNeverVisitedOpensAtItsStart(FxRobot robot) throws Exception {
    Talk talk = ui.openNewTalk(robot, "Long notes", LONG);
    leaveCaret(robot, 150, 140);
    Talk fresh = ui.openNewTalk(robot, "Fresh", LONG);
    assertThat(fresh.id()).isNotEqualTo(talk.id());
    CodeArea notes = WindowUnderTest.editor(robot);
    FxWait.untilFx(
        "the caret and the scroll at the start",
        () ->
            notes.getCaretPosition() == 0
                && !notes.getVisibleParagraphs().isEmpty()
                && notes.firstVisibleParToAllParIndex() == 0);
  }

  @Test
  void afterARestartTheLastTalkOpensWithTheCaretAndScrollWhereTheyWereLeft(FxRobot robot)
      throws Exception {
    ui.openNewTalk(robot, "Long notes", LONG);
    leaveCaret(robot, 220, 200);

    robot.interact(() -> ui.window.close());
    robot.interact(() -> ui.show());
    FxWait.untilFx("the long notes again", () -> WindowUnderTest.editorText(robot).equals(LONG));
    seesCaretAndTop(robot, 220, 200);
  }
}
