package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.ui.repl.KeptReplHistory;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;

/**
 * Tester 13b killed the app mid-demo (kill -9) and started it again: the notes came back whole, but
 * Up in the REPL's input brought back nothing of the snippets run before, so a speaker would have
 * typed them again on stage (the history was kept in memory only; a normal quit lost it too). The
 * inputs run are now kept per notebook beside the settings, written soon after each run, and the
 * next start's REPL walks back to them.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ReplHistoryKeptWindowTest extends RealWindowTest {

  private static final Executor NOW = Runnable::run;

  @Test
  void upAfterARestartBringsBackTheInputsRunBeforeIt(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Demo", "# Demo\n");
    ui.attachRepl(robot);
    CodeArea input = showRepl(robot);
    run(robot, input, "int kept = 7;");
    run(robot, input, "String twoLines =\n    \"a\\\\b\";");
    KeptReplHistory file = KeptReplHistory.of(ui.settingsFile.getParent(), ui.notebook.file(), NOW);
    // Written soon after each run, not only at a clean exit: a kill -9 now loses nothing of it.
    FxWait.until(
        "both inputs in the history's file",
        () ->
            file.read()
                .equals(java.util.List.of("int kept = 7;", "String twoLines =\n    \"a\\\\b\";")));

    robot.interact(() -> ui.window.close());
    robot.interact(() -> ui.show());
    FxWait.untilFx("the notes again", () -> WindowUnderTest.editorText(robot).equals("# Demo\n"));
    ui.attachRepl(robot);
    // Shown as the window last closed: the REPL comes up by itself.
    FxWait.untilFx(
        "the REPL shown again",
        () ->
            robot.lookup(".tb-repl-input").tryQueryAs(CodeArea.class).isPresent()
                && robot.lookup(".tb-repl-input").queryAs(CodeArea.class).getScene() != null);
    CodeArea again = robot.lookup(".tb-repl-input").queryAs(CodeArea.class);
    robot.interact(again::requestFocus);
    FxWait.untilFx("the REPL's input focused", again::isFocused);
    // The file is read off the FX thread as the REPL is first shown: Up until it has come (Up on
    // an empty history changes nothing, so no input is skipped).
    FxWait.until(
        "an input back with Up",
        () -> {
          if (FxWait.onFx(again::getText).isEmpty()) {
            robot.type(KeyCode.UP);
          }
          return !FxWait.onFx(again::getText).isEmpty();
        });
    assertThat(FxWait.<String>onFx(again::getText))
        .as("the last input run before the restart")
        .isEqualTo("String twoLines =\n    \"a\\\\b\";");
    robot.interact(() -> again.moveTo(0));
    robot.type(KeyCode.UP);
    FxWait.untilFx("the one before it", () -> again.getText().equals("int kept = 7;"));
  }

  /** Shows the REPL (Ctrl+J's item) and waits for its input to have the keyboard. */
  private CodeArea showRepl(FxRobot robot) throws Exception {
    ui.fire(robot, "Show or hide the REPL");
    FxWait.untilFx(
        "the REPL's input focused",
        () ->
            robot.lookup(".tb-repl-input").tryQueryAs(CodeArea.class).isPresent()
                && robot.lookup(".tb-repl-input").queryAs(CodeArea.class).isFocused());
    return robot.lookup(".tb-repl-input").queryAs(CodeArea.class);
  }

  /** Puts {@code code} in the input and runs it (Ctrl+Enter), waiting for the input to clear. */
  private static void run(FxRobot robot, CodeArea input, String code) throws Exception {
    robot.interact(() -> input.replaceText(code));
    robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
    FxWait.untilFx("the input run and cleared", () -> input.getText().isEmpty());
  }
}
