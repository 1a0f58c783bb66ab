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
 * A snippet that fails in presenter mode, as a speaker lives it: the room reads the exception's
 * line (it had scrolled off above four "at java.base/…" lines), and Esc, leaving presenter mode,
 * leaves the keyboard in the REPL's input where the speaker was typing (it went to the notes, and
 * Ctrl+A with the next snippet typed over the whole notes).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PresenterFailureWindowTest extends RealWindowTest {
  private static final String NOTES =
      "# Loom\n\nWhy threads.\n\n```java\nint answer = 6 * 7;\n```\n\nThen: more.\n";

  private static final String FAILING = "Integer.parseInt(\"forty-two\")";

  private ReplSession repl;

  @BeforeEach
  void openTalkWithTheRepl(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Loom", NOTES);
    repl = ui.attachRepl(robot);
  }

  private static GenericStyledArea<?, ?, ?> transcript(FxRobot robot) {
    return robot.lookup(".tb-repl-transcript").queryAs(GenericStyledArea.class);
  }

  private static CodeArea input(FxRobot robot) {
    return robot.lookup(".tb-repl-input").queryAs(CodeArea.class);
  }

  /** Whether the paragraph of {@code area} that holds {@code text} is whole in its viewport. */
  private static boolean inSight(GenericStyledArea<?, ?, ?> area, String text) {
    Bounds view = area.localToScreen(area.getLayoutBounds());
    for (int i = 0; i < area.getVisibleParagraphs().size(); i++) {
      int par = area.visibleParToAllParIndex(i);
      if (!area.getText(par).contains(text)) {
        continue;
      }
      Bounds b = area.getVisibleParagraphBoundsOnScreen(i);
      return b != null
          && b.getMinY() >= view.getMinY() - 0.5
          && b.getMaxY() <= view.getMaxY() + 0.5;
    }
    return false;
  }

  private static String seen(GenericStyledArea<?, ?, ?> area) {
    StringBuilder out = new StringBuilder("view " + area.localToScreen(area.getLayoutBounds()));
    for (int i = 0; i < area.getVisibleParagraphs().size(); i++) {
      int par = area.visibleParToAllParIndex(i);
      out.append("\n").append(par).append(' ').append(area.getText(par)).append(' ');
      Bounds b = area.getVisibleParagraphBoundsOnScreen(i);
      out.append(b == null ? "-" : b.getMinY() + ".." + b.getMaxY());
    }
    return out.toString();
  }

  /** Types {@code code} into the REPL's input (focused) and runs it with Ctrl+Enter. */
  private static void runFromTheInput(FxRobot robot, CodeArea input, String code) {
    robot.interact(
        () -> {
          input.requestFocus();
          input.replaceText(code);
          input.moveTo(code.length());
        });
    robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
  }

  @Test
  void theExceptionsLineIsInSightAfterAFailureAtThePresentersSize(FxRobot robot) throws Exception {
    ui.fire(robot, "Presenter mode");
    CodeArea input = FxWait.onFx(() -> input(robot));
    GenericStyledArea<?, ?, ?> transcript = FxWait.onFx(() -> transcript(robot));
    FxWait.untilFx("the REPL at the presenter size", () -> input.getStyle().contains("24"));
    ui.resize(robot, 1024, 600);
    // Output before it, as in a talk: the transcript is full.
    repl.evaluate("for (int i = 0; i < 30; i++) System.out.println(\"line \" + i);")
        .get(60, TimeUnit.SECONDS);
    FxWait.untilFx("the output in", () -> transcript.getText().endsWith("line 29\n"));

    runFromTheInput(robot, input, FAILING);
    FxWait.untilFx(
        "the exception in the transcript",
        () -> transcript.getText().contains("NumberFormatException: For input string"));
    FxWait.until("the run ended", () -> !repl.isRunning());
    ui.idle();
    assertThat(FxWait.onFx(() -> inSight(transcript, "NumberFormatException: For input")))
        .as("the exception's line in sight: " + FxWait.onFx(() -> seen(transcript)))
        .isTrue();
    // It stays in sight as the window changes (the input's room, a resize).
    ui.resize(robot, 1280, 800);
    ui.idle();
    assertThat(FxWait.onFx(() -> inSight(transcript, "NumberFormatException: For input")))
        .as("the exception's line in sight at 1280x800")
        .isTrue();
    // The next run's output follows its end again.
    repl.evaluate("for (int i = 0; i < 30; i++) System.out.println(\"more \" + i);")
        .get(60, TimeUnit.SECONDS);
    FxWait.untilFx("the next output in", () -> transcript.getText().endsWith("more 29\n"));
    ui.idle();
    assertThat(FxWait.onFx(() -> inSight(transcript, "more 29"))).as("the newest line").isTrue();
    ui.fire(robot, "Presenter mode");
  }

  @Test
  void escAfterAFailureLeavesTheKeyboardInTheReplsInput(FxRobot robot) throws Exception {
    // The REPL under the notes, the keyboard in the notes, when presenter mode starts.
    ui.fire(robot, "Show or hide the REPL");
    ui.idle();
    CodeArea notes = FxWait.onFx(() -> WindowUnderTest.editor(robot));
    robot.interact(notes::requestFocus);
    ui.fire(robot, "Presenter mode");
    CodeArea input = FxWait.onFx(() -> input(robot));
    GenericStyledArea<?, ?, ?> transcript = FxWait.onFx(() -> transcript(robot));
    FxWait.untilFx("the REPL at the presenter size", () -> input.getStyle().contains("24"));
    // The speaker goes to the REPL's input while presenting, and a snippet fails there.
    runFromTheInput(robot, input, FAILING);
    FxWait.untilFx(
        "the exception in the transcript",
        () -> transcript.getText().contains("NumberFormatException"));
    FxWait.until("the run ended", () -> !repl.isRunning());
    ui.idle();

    robot.type(KeyCode.ESCAPE);
    FxWait.untilFx("presenter mode left", () -> !input.getStyle().contains("24"));
    ui.idle();
    assertThat(FxWait.onFx(() -> input.getScene().getFocusOwner()))
        .as("the focus owner after leaving")
        .isSameAs(input);
    robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
    robot.type(KeyCode.X);
    FxWait.untilFx("the letter typed into the input", () -> input.getText().equals("x"));
    assertThat(FxWait.onFx(() -> notes.getText())).isEqualTo(NOTES);
  }
}
