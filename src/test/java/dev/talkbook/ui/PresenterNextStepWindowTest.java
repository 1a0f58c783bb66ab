package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.repl.ReplSession;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.GenericStyledArea;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;

/**
 * Presenter mode in the real window, the real REPL under it: whatever the REPL's toolbar says while
 * presenting names what comes next: after a snippet ran (it said "Ready: Ctrl+Enter runs"), while
 * one runs, after one failed, at the end of the script.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PresenterNextStepWindowTest extends RealWindowTest {
  private static final String NOTES =
      "# Loom\n\n```java\nint answer = 6 * 7;\n```\n\nIt fails:\n\n```java\nanswer / 0\n```\n\n"
          + "A long one:\n\n```java\nThread.sleep(60_000);\n```\n\nAt last:\n\n"
          + "```java\nanswer + 1\n```\n";

  private ReplSession repl;

  @BeforeEach
  void openTalkWithTheRepl(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Loom", NOTES);
    repl = ui.attachRepl(robot);
  }

  /** The REPL toolbar's status label (the one label there that is not the Java version). */
  private static Label status(FxRobot robot) {
    HBox bar = robot.lookup(".tb-repl-bar").queryAs(HBox.class);
    return bar.getChildren().stream()
        .filter(n -> n instanceof Label && !n.getStyleClass().contains("tb-repl-java"))
        .map(Label.class::cast)
        .findFirst()
        .orElseThrow();
  }

  /** What the status says in full: its tooltip while it shows a shorter form, else its text. */
  private static String says(FxRobot robot) throws Exception {
    return FxWait.onFx(
        () -> {
          Label status = status(robot);
          return status.getTooltip() != null ? status.getTooltip().getText() : status.getText();
        });
  }

  private static void untilSays(FxRobot robot, String words) {
    FxWait.untilFx(
        "the REPL's toolbar to say “" + words + "”",
        () -> {
          Label status = status(robot);
          String said =
              status.getTooltip() != null ? status.getTooltip().getText() : status.getText();
          return said.equals(words);
        });
  }

  private static String input(FxRobot robot) throws Exception {
    return FxWait.onFx(() -> robot.lookup(".tb-repl-input").queryAs(CodeArea.class).getText());
  }

  private static String transcript(FxRobot robot) throws Exception {
    return FxWait.onFx(
        () -> robot.lookup(".tb-repl-transcript").queryAs(GenericStyledArea.class).getText());
  }

  /** Page Down, and the snippet typed in whole. */
  private void load(FxRobot robot, String snippet) {
    robot.type(KeyCode.PAGE_DOWN);
    FxWait.untilFx(
        "“" + snippet + "” typed in",
        () -> robot.lookup(".tb-repl-input").queryAs(CodeArea.class).getText().equals(snippet));
  }

  @Test
  void theToolbarNamesTheNextStepAfterEachRunAndAtTheEnd(FxRobot robot) throws Exception {
    ui.fire(robot, "Presenter mode");
    untilSays(robot, "Next: snippet 1 of 4 (Page Down)");
    load(robot, "int answer = 6 * 7;");
    untilSays(robot, "Snippet 1 of 4: Page Down runs it");
    robot.type(KeyCode.PAGE_DOWN);
    FxWait.until("its result", () -> transcript(robot).contains("answer ⇒ 42"));
    FxWait.until("the run ended", () -> !repl.isRunning());
    // Not "Ready: Ctrl+Enter runs": the presenter's next key, and what it brings.
    untilSays(robot, "Next: snippet 2 of 4 (Page Down)");

    load(robot, "answer / 0");
    robot.type(KeyCode.PAGE_DOWN);
    FxWait.until("its exception", () -> transcript(robot).contains("ArithmeticException"));
    untilSays(robot, "That failed: fix it and Ctrl+Enter, or Page Down for snippet 3 of 4");

    load(robot, "Thread.sleep(60_000);");
    robot.type(KeyCode.PAGE_DOWN);
    untilSays(robot, "Running snippet 3 of 4: Esc stops it");
    robot.type(KeyCode.ESCAPE);
    FxWait.until("the snippet stopped", () -> !repl.isRunning());
    assertThat(robot.lookup(".tb-presenter").tryQuery()).as("still presenting").isPresent();
    // A stop is not a failure (the REPL keeps what it printed as plain output): run it again.
    untilSays(robot, "Stopped: Ctrl+Enter runs it again, or Page Down for snippet 4 of 4");

    load(robot, "answer + 1");
    robot.type(KeyCode.PAGE_DOWN);
    FxWait.until("its result", () -> transcript(robot).contains("⇒ 43"));
    untilSays(robot, "End of the script: no more snippets (Page Up goes back)");
    robot.type(KeyCode.PAGE_DOWN);
    assertThat(says(robot)).isEqualTo("End of the script: no more snippets (Page Up goes back)");
    assertThat(input(robot)).isEmpty();

    // Leaving (the REPL goes out of the window with the layout as it was): its own words again.
    Label status = FxWait.onFx(() -> status(robot));
    ui.fire(robot, "Presenter mode");
    FxWait.untilFx("the REPL's own words", () -> status.getText().equals("Ready: Ctrl+Enter runs"));
  }
}
