package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.repl.ReplSession;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.GenericStyledArea;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;

/**
 * Presenter mode in the real window at a projector's sizes (1024 × 600, 1280 × 800): the REPL has
 * room for the snippet and its result at the presenter's text size, read from the back of the room.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PresenterRoomWindowTest extends RealWindowTest {
  private static final String SNIPPET =
      "String summary = \"The evening has \" +\n"
          + "    \"four talks and lasts \" +\n"
          + "    \"130 minutes, questions \" +\n"
          + "    \"included\";";

  private static final String NOTES =
      "# Loom\n\nWhy threads.\n\n```java\n"
          + SNIPPET
          + "\n```\n\n"
          + "- a point to make\n".repeat(30);

  private ReplSession repl;

  @BeforeEach
  void openTalkWithTheRepl(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Loom", NOTES);
    repl = ui.attachRepl(robot);
  }

  /**
   * How many lines of {@code area} are whole in sight: the lines of the paragraphs whose bounds lie
   * inside its viewport. On the FX thread.
   */
  static int linesInSight(GenericStyledArea<?, ?, ?> area) {
    Bounds view = area.localToScreen(area.getLayoutBounds());
    int lines = 0;
    for (int i = 0; i < area.getVisibleParagraphs().size(); i++) {
      Bounds b = area.getVisibleParagraphBoundsOnScreen(i);
      if (b != null && b.getMinY() >= view.getMinY() - 0.5 && b.getMaxY() <= view.getMaxY() + 0.5) {
        lines += area.getParagraphLinesCount(area.visibleParToAllParIndex(i));
      }
    }
    return lines;
  }

  private static GenericStyledArea<?, ?, ?> transcript(FxRobot robot) {
    return robot.lookup(".tb-repl-transcript").queryAs(GenericStyledArea.class);
  }

  private static CodeArea input(FxRobot robot) {
    return robot.lookup(".tb-repl-input").queryAs(CodeArea.class);
  }

  /** Lines of {@code area} in sight at {@code width} × {@code height}, once its text is in. */
  private int linesAt(FxRobot robot, GenericStyledArea<?, ?, ?> area, double width, double height)
      throws Exception {
    ui.resize(robot, width, height);
    FxWait.untilFx("lines in sight", () -> linesInSight(area) > 0);
    ui.idle();
    return FxWait.onFx(() -> linesInSight(area));
  }

  @Test
  void theReplShowsTheSnippetAndItsResultWholeAtAProjectorsSize(FxRobot robot) throws Exception {
    robot.interact(
        () ->
            ((javafx.scene.control.CheckMenuItem) ui.action("Presenter mode types snippets in"))
                .setSelected(false));
    ui.fire(robot, "Presenter mode");
    CodeArea input = FxWait.onFx(() -> input(robot));
    GenericStyledArea<?, ?, ?> transcript = FxWait.onFx(() -> transcript(robot));
    FxWait.untilFx("the REPL at the presenter size", () -> input.getStyle().contains("24"));
    // The details are out of the window: their folded line was the presenter's text size too.
    assertThat(robot.lookup("#talk-details").queryAs(javafx.scene.control.TitledPane.class))
        .matches(details -> !details.isVisible());
    ui.resize(robot, 1024, 600);
    robot.type(KeyCode.PAGE_DOWN);
    FxWait.untilFx("the snippet in", () -> input.getText().equals(SNIPPET));
    // Its four lines whole in the input (it had three lines' room).
    assertThat(linesAt(robot, input, 1024, 600)).as("the snippet's lines in sight").isEqualTo(4);
    robot.type(KeyCode.PAGE_DOWN);
    FxWait.untilFx("its result", () -> transcript.getText().contains("summary ⇒"));
    FxWait.untilFx("the input emptied", () -> input.getText().isEmpty());
    repl.evaluate("for (int i = 0; i < 40; i++) System.out.println(\"line \" + i);")
        .get(60, TimeUnit.SECONDS);
    FxWait.untilFx("the output in", () -> transcript.getText().endsWith("line 39\n"));
    // The emptied input gives its room to the output: eight lines or more (it showed five; three
    // with the fonts of a desktop), nine at 1280 × 800 (seven).
    int small = linesAt(robot, transcript, 1024, 600);
    int large = linesAt(robot, transcript, 1280, 800);
    assertThat(small).as("lines in sight at 1024x600").isGreaterThanOrEqualTo(8);
    assertThat(large).as("lines in sight at 1280x800").isGreaterThanOrEqualTo(9);
    // The notes above keep a third of the window.
    CodeArea notes = FxWait.onFx(() -> WindowUnderTest.editor(robot));
    assertThat(linesAt(robot, notes, 1024, 600))
        .as("the notes' lines in sight")
        .isGreaterThanOrEqualTo(4);
    ui.fire(robot, "Presenter mode");
  }
}
