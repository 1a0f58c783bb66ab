package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.markdown.Unstamped;
import dev.talkbook.core.repl.ReplSession;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;

/**
 * The Java menu in the real window. Where the keys go around the REPL: a presenter runs a block and
 * types on, or shows the REPL, tries something and hides it again, and the next keys land in the
 * notes. What it offers when: "Stop the running code" only while code runs.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class JavaMenuWindowTest extends RealWindowTest {
  private static final String NOTES = "# Demo\n\n```java\nSystem.out.println(6 * 7);\n```\n";

  private ReplSession repl;

  @BeforeEach
  void openTalkWithTheRepl(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Demo", NOTES);
    repl = ui.attachRepl(robot);
  }

  private boolean notesFocused(FxRobot robot) {
    return ui.stage.getScene().getFocusOwner() == WindowUnderTest.editor(robot);
  }

  @Test
  void aBlockRunBeforeTheReplWasShownLeavesTheCaretInTheNotes(FxRobot robot) throws Exception {
    CodeArea notes = WindowUnderTest.editor(robot);
    FxWait.clickOn(robot, "#editor");
    robot.interact(() -> notes.moveTo(NOTES.indexOf("6 * 7")));
    ui.fire(robot, "Run the code block at the caret");
    FxWait.untilFx("the output", () -> Unstamped.of(notes.getText()).contains("```output\n"));
    assertThat(FxWait.onFx(() -> String.valueOf(ui.stage.getScene().getFocusOwner())))
        .isEqualTo(FxWait.onFx(() -> String.valueOf(notes)));
    robot.interact(() -> notes.moveTo(notes.getLength()));
    robot.write("typed on");
    FxWait.untilFx("the keys in the notes", () -> notes.getText().endsWith("typed on"));
  }

  @Test
  void hidingTheReplGivesTheFocusBackToTheNotes(FxRobot robot) throws Exception {
    FxWait.clickOn(robot, "#editor");
    FxWait.untilFx("the notes focused", () -> notesFocused(robot));
    ui.fire(robot, "Show or hide the REPL");
    CodeArea input = robot.lookup(".tb-repl-input").queryAs(CodeArea.class);
    FxWait.untilFx("the REPL's input focused", input::isFocused);
    ui.fire(robot, "Show or hide the REPL");
    FxWait.untilFx("the notes focused again", () -> notesFocused(robot));
  }

  @Test
  void whatTheMenuSaysWithTheReplHiddenIsInTheStatusBar(FxRobot robot) throws Exception {
    ui.fire(robot, "Prepare for offline…");
    FxWait.untilFx(
        "the status bar to say why nothing opened",
        () ->
            robot.lookup("#notice").queryLabeled().isVisible()
                && robot
                    .lookup("#notice")
                    .queryLabeled()
                    .getText()
                    .startsWith("These notes name no libraries"));
    // Shown, the REPL pane says it in its own line.
    ui.fire(robot, "Show or hide the REPL");
    robot.interact(() -> WindowUnderTest.editor(robot).moveTo(0));
    ui.fire(robot, "Run the code block at the caret");
    FxWait.untilFx(
        "the REPL pane to say it",
        () ->
            robot.lookup(".tb-repl .label").queryAllAs(javafx.scene.control.Label.class).stream()
                .anyMatch(l -> l.getText().equals("The caret is not in a ```java block.")));
  }

  /**
   * Java → Clear the REPL transcript (Ctrl+L, with the keyboard in the notes too) empties the
   * transcript; the palette offers it as it offers every menu item.
   */
  @Test
  void ctrlLClearsTheReplTranscript(FxRobot robot) throws Exception {
    ui.fire(robot, "Show or hide the REPL");
    var transcript =
        (org.fxmisc.richtext.StyleClassedTextArea) FxWait.shown(robot, ".tb-repl-transcript");
    repl.evaluate("6 * 7").get(30, TimeUnit.SECONDS);
    FxWait.untilFx("the value in the transcript", () -> transcript.getText().contains("⇒ 42"));
    FxWait.clickOn(robot, "#editor");
    FxWait.untilFx("the notes focused", () -> notesFocused(robot));
    robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
    FxWait.untilFx("the transcript empty", () -> transcript.getText().isEmpty());
    assertThat(FxWait.onFx(() -> WindowUnderTest.editor(robot).getText())).isEqualTo(NOTES);
    MenuItem clear = ui.action("Clear the REPL transcript");
    assertThat(FxWait.onFx(() -> clear.getAccelerator().getDisplayText())).isEqualTo("Ctrl+L");
  }

  @Test
  void stopIsOfferedOnlyWhileCodeRuns(FxRobot robot) throws Exception {
    MenuItem stop = ui.action("Stop the running code");
    assertThat(FxWait.onFx(stop::isDisable)).as("nothing runs").isTrue();
    var running = repl.evaluate("while (true) { Thread.onSpinWait(); }");
    FxWait.untilFx("offered while the loop runs", () -> !stop.isDisable());
    ui.fire(robot, "Stop the running code");
    assertThat(running.get(30, TimeUnit.SECONDS).outcome())
        .isEqualTo(dev.talkbook.core.repl.Evaluation.Outcome.STOPPED);
    FxWait.untilFx("not offered once stopped", stop::isDisable);
  }

  @Test
  void stopAndEscInTheNotesEndABackgroundThreadThatKeepsPrinting(FxRobot robot) throws Exception {
    ui.fire(robot, "Show or hide the REPL");
    var transcript =
        robot.lookup(".tb-repl-transcript").queryAs(org.fxmisc.richtext.StyleClassedTextArea.class);
    MenuItem stop = ui.action("Stop the running code");
    repl.evaluate(
            "new Thread(() -> { while (true) { System.out.println(\"tick\");"
                + " try { Thread.sleep(200); } catch (Exception e) {} } }).start();")
        .get(30, TimeUnit.SECONDS);
    // Nothing runs, but the thread prints on: Stop is offered, and Esc in the notes ends it too
    // (in presenter mode Esc left presenter mode instead).
    FxWait.untilFx("Stop offered while the thread prints", () -> !stop.isDisable());
    FxWait.clickOn(robot, "#editor");
    robot.type(KeyCode.ESCAPE);
    FxWait.untilFx(
        "the thread ended by starting Java again",
        () -> transcript.getText().contains("Stopping the background thread"));
    FxWait.untilFx("Stop not offered once it ended", stop::isDisable);
  }

  /** The status line the runner speaks in: the REPL pane's when shown, else the window's. */
  private static boolean says(FxRobot robot, String text) {
    return robot.lookup(".label").queryAllAs(javafx.scene.control.Label.class).stream()
        .anyMatch(l -> text.equals(l.getText()) && l.isVisible());
  }

  @Test
  void stopDuringRunAllStopsTheRunningBlockAndTheRest(FxRobot robot) throws Exception {
    String md =
        "# Demo\n\n```java\nint n = 20;\n```\n\n```java\nwhile (true) {}\n```\n\n"
            + "```java\nn + 1\n```\n";
    CodeArea notes = WindowUnderTest.editor(robot);
    robot.interact(() -> notes.replaceText(md));
    MenuItem stop = ui.action("Stop the running code");

    ui.fire(robot, "Run all code blocks in a fresh Java VM");
    FxWait.untilFx(
        "Run all at its endless block",
        java.time.Duration.ofSeconds(60),
        () -> says(robot, "Running code block 2 of 3 in a fresh Java VM… Esc stops it"));
    assertThat(FxWait.onFx(stop::isDisable)).as("Stop offered during Run all").isFalse();
    // The REPL's own code coming and going does not take Stop away from Run all.
    assertThat(repl.evaluate("1 + 1").get(30, TimeUnit.SECONDS).failed()).isFalse();
    org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    assertThat(FxWait.onFx(stop::isDisable)).isFalse();

    ui.fire(robot, "Stop the running code");

    FxWait.untilFx(
        "the run stopped, and said so",
        () -> says(robot, "Stopped at the 2nd of 3 code blocks; the one after it did not run."));
    assertThat(FxWait.onFx(() -> Unstamped.of(notes.getText())))
        .isEqualTo(
            "# Demo\n\n```java\nint n = 20;\n```\n\n```java\nwhile (true) {}\n```\n"
                + "```output\nStopped.\n```\n\n```java\nn + 1\n```\n");
    FxWait.untilFx("Stop not offered once stopped", stop::isDisable);
  }

  /**
   * Run all showed nothing while it ran (a fresh JVM; the REPL's transcript stayed empty): each
   * block shows in the transcript as it has run, while the notes get the outputs at the end only,
   * in one edit, as before.
   */
  @Test
  void runAllShowsEachBlockInTheTranscriptAsItHasRun(FxRobot robot) throws Exception {
    String md =
        "# Demo\n\n```java\nSystem.out.println(\"first block says hi\");\n```\n\n"
            + "```java\nwhile (true) {}\n```\n\n```java\n1 + 1\n```\n";
    CodeArea notes = WindowUnderTest.editor(robot);
    robot.interact(() -> notes.replaceText(md));
    ui.fire(robot, "Show or hide the REPL");
    var transcript =
        robot.lookup(".tb-repl-transcript").queryAs(org.fxmisc.richtext.StyleClassedTextArea.class);

    ui.fire(robot, "Run all code blocks in a fresh Java VM");
    FxWait.untilFx(
        "the first block in the transcript while the second runs",
        java.time.Duration.ofSeconds(60),
        () -> transcript.getText().contains("first block says hi"));
    assertThat(FxWait.<String>onFx(() -> transcript.getText()))
        .contains(
            "Run all, code block 1 of 3 (in a fresh Java VM):\n"
                + "› System.out.println(\"first block says hi\");\nfirst block says hi\n")
        .doesNotContain("code block 2 of 3 (");
    assertThat(says(robot, "Running code block 2 of 3 in a fresh Java VM… Esc stops it")).isTrue();
    // the notes unchanged until the run ends
    assertThat(FxWait.<String>onFx(() -> notes.getText())).isEqualTo(md);

    ui.fire(robot, "Stop the running code");
    FxWait.untilFx(
        "the run stopped",
        () -> says(robot, "Stopped at the 2nd of 3 code blocks; the one after it did not run."));
    assertThat(FxWait.<String>onFx(() -> transcript.getText()))
        .contains(
            "Run all, code block 2 of 3 (in a fresh Java VM):\n› while (true) {}\nStopped.\n");
    assertThat(FxWait.onFx(() -> Unstamped.of(notes.getText())))
        .isEqualTo(
            "# Demo\n\n```java\nSystem.out.println(\"first block says hi\");\n```\n"
                + "```output\nfirst block says hi\n```\n\n```java\nwhile (true) {}\n```\n"
                + "```output\nStopped.\n```\n\n```java\n1 + 1\n```\n");
  }

  @Test
  void stopHasAShortcutShownInTheMenu(FxRobot robot) throws Exception {
    MenuItem stop = ui.action("Stop the running code");
    assertThat(FxWait.onFx(stop::getAccelerator))
        .isEqualTo(javafx.scene.input.KeyCombination.keyCombination("Shortcut+Shift+Period"));
    var running = repl.evaluate("while (true) {}");
    FxWait.untilFx("offered while the loop runs", () -> !stop.isDisable());
    FxWait.clickOn(robot, "#editor");
    robot
        .press(
            javafx.scene.input.KeyCode.CONTROL,
            javafx.scene.input.KeyCode.SHIFT,
            javafx.scene.input.KeyCode.PERIOD)
        .release(
            javafx.scene.input.KeyCode.PERIOD,
            javafx.scene.input.KeyCode.SHIFT,
            javafx.scene.input.KeyCode.CONTROL);
    assertThat(running.get(30, TimeUnit.SECONDS).outcome())
        .isEqualTo(dev.talkbook.core.repl.Evaluation.Outcome.STOPPED);
  }

  @Test
  void escInTheNotesStopsTheBlockRunningThereAndOnlyThen(FxRobot robot) throws Exception {
    String md = "# Demo\n\n```java\nwhile (true) {}\n```\n";
    CodeArea notes = WindowUnderTest.editor(robot);
    robot.interact(() -> notes.replaceText(md));
    FxWait.clickOn(robot, "#editor");
    robot.interact(() -> notes.moveTo(md.indexOf("while")));
    // Esc that the notes leave alone reaches the scene, as before.
    java.util.List<javafx.scene.input.KeyEvent> reached =
        new java.util.concurrent.CopyOnWriteArrayList<>();
    javafx.event.EventHandler<javafx.scene.input.KeyEvent> watch =
        e -> {
          if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
            reached.add(e);
          }
        };
    robot.interact(
        () -> ui.stage.getScene().addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, watch));
    robot.type(javafx.scene.input.KeyCode.ESCAPE);
    FxWait.untilFx("Esc, nothing running, to go on as before", () -> reached.size() == 1);
    assertThat(FxWait.onFx(() -> notes.getText())).isEqualTo(md);

    robot
        .press(
            javafx.scene.input.KeyCode.CONTROL,
            javafx.scene.input.KeyCode.SHIFT,
            javafx.scene.input.KeyCode.ENTER)
        .release(
            javafx.scene.input.KeyCode.ENTER,
            javafx.scene.input.KeyCode.SHIFT,
            javafx.scene.input.KeyCode.CONTROL);
    MenuItem stop = ui.action("Stop the running code");
    FxWait.untilFx("the block running", () -> !stop.isDisable());
    FxWait.untilFx(
        "the status to say how to stop it",
        () -> says(robot, "Running the code block… Esc stops it"));
    robot.type(javafx.scene.input.KeyCode.ESCAPE);

    // A stop by the user is not the code's failure: a plain output, no red error block.
    FxWait.untilFx(
        "the block stopped, its output under it",
        () -> Unstamped.of(notes.getText()).equals(md + "```output\nStopped.\n```\n"));
    FxWait.untilFx(
        "the status to say it was stopped, not that it failed",
        () -> says(robot, "Stopped the code block: what it printed until then is under it."));
    assertThat(reached).as("the Esc that stopped was the notes'").hasSize(1);
    robot.interact(
        () ->
            ui.stage.getScene().removeEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, watch));
  }
}
