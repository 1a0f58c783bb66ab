package dev.talkbook.ui.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.repl.ReplOptions;
import dev.talkbook.core.repl.ReplSession;
import dev.talkbook.ui.common.Theme;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The REPL pane with a real session, driven by keys, headless. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ReplPaneTest {

  private ReplSession session;
  private ReplPane pane;

  @Start
  void start(Stage stage) throws Exception {
    session = ReplSession.start(ReplOptions.defaults());
    session.ready().get(60, TimeUnit.SECONDS);
    pane = new ReplPane(session);
    Scene scene = new Scene(new javafx.scene.layout.StackPane(pane.root()), 900, 600);
    new Theme(false).apply(scene);
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void close() {
    session.close();
  }

  private void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
  }

  @Test
  void typingASnippetAndCtrlEnterShowsItsValue(FxRobot robot) throws Exception {
    robot.clickOn(pane.input());
    robot.write("int square(int n) { return n * n; }");
    robot.type(KeyCode.ENTER);
    robot.write("square(12)");
    robot
        .press(KeyCode.CONTROL)
        .press(KeyCode.ENTER)
        .release(KeyCode.ENTER)
        .release(KeyCode.CONTROL);
    waitFor(() -> pane.transcriptText().contains("⇒ 144"));
    assertThat(pane.transcriptText()).contains("› int square(int n)").contains("(int)");
    // What ran is kept for "Save transcript to notes": each input with what it gave.
    waitFor(() -> !pane.ranSoFar().isEmpty());
    assertThat(pane.ranSoFar())
        .anySatisfy(r -> assertThat(r.code()).contains("square(12)"))
        .anySatisfy(r -> assertThat(r.output()).contains("⇒ 144"));
    // A clean run empties the input; the definitions list shows the method.
    waitFor(() -> pane.input().getText().isEmpty());
    ListView<?> defs = robot.lookup(".tb-repl-definitions").queryAs(ListView.class);
    waitFor(() -> defs.getItems().stream().anyMatch(d -> d.toString().contains("square")));
    // Ctrl+Up brings the input back.
    robot.press(KeyCode.CONTROL).press(KeyCode.UP).release(KeyCode.UP).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(pane.input().getText()).endsWith("square(12)");
  }

  @Test
  void escapeStopsARunawayLoop(FxRobot robot) throws Exception {
    robot.clickOn(pane.input());
    robot.write("while (true) {}");
    robot
        .press(KeyCode.CONTROL)
        .press(KeyCode.ENTER)
        .release(KeyCode.ENTER)
        .release(KeyCode.CONTROL);
    waitFor(pane::isRunning);
    robot.type(KeyCode.ESCAPE);
    waitFor(() -> !pane.isRunning());
    assertThat(pane.transcriptText()).contains("Stopped.");
    robot.interact(() -> pane.input().replaceText("6 * 7"));
    robot
        .press(KeyCode.CONTROL)
        .press(KeyCode.ENTER)
        .release(KeyCode.ENTER)
        .release(KeyCode.CONTROL);
    waitFor(() -> pane.transcriptText().contains("⇒ 42"));
  }

  @Test
  void aCompileErrorSaysLineAndColumnAndIsMarkedInTheInput(FxRobot robot) throws Exception {
    String code = "int a = 1;\nString s = a;";
    robot.interact(() -> pane.input().replaceText(code));
    robot.interact(pane::runInput);
    waitFor(() -> pane.transcriptText().contains("(line 2, column 12)"));
    assertThat(pane.transcriptText()).contains("    String s = a;\n               ^\n");
    waitFor(() -> !pane.marks().isEmpty());
    int[] mark = pane.marks().get(0);
    assertThat(code.substring(mark[0], mark[1])).isEqualTo("a");
    assertThat(pane.input().getStyleOfChar(code.indexOf("= a") + 2)).contains(ReplPane.PROBLEM);
    // Editing the input takes the marks away: they were about the text that ran.
    robot.interact(() -> pane.input().appendText(" "));
    assertThat(pane.marks()).isEmpty();
  }

  @Test
  void theLineThatThrewIsMarkedInTheInput(FxRobot robot) throws Exception {
    String code = "int a = 1;\nInteger.parseInt(\"x\")";
    robot.interact(() -> pane.input().replaceText(code));
    robot.interact(pane::runInput);
    waitFor(() -> pane.transcriptText().contains("NumberFormatException"));
    waitFor(() -> !pane.marks().isEmpty());
    int[] mark = pane.marks().get(0);
    assertThat(code.substring(mark[0], mark[1])).isEqualTo("Integer.parseInt(\"x\")");
  }

  @Test
  void theTranscriptIsMonospacedAndShowsTheJavaVersion(FxRobot robot) throws Exception {
    robot.interact(() -> pane.input().replaceText("\"iiii\" + \"WWWW\""));
    robot.interact(pane::runInput);
    waitFor(() -> pane.transcriptText().contains("iiiiWWWW"));
    WaitForAsyncUtils.waitForFxEvents();
    var texts = robot.lookup(".tb-repl-transcript .text").queryAllAs(javafx.scene.text.Text.class);
    assertThat(texts).isNotEmpty().allMatch(t -> t.getFont().getFamily().equals("Monospaced"));
    javafx.scene.control.Label java =
        robot.lookup(".tb-repl-java").queryAs(javafx.scene.control.Label.class);
    assertThat(java.getText()).isEqualTo("Java " + Runtime.version().feature());
    assertThat(java.getTooltip().getText()).contains(Runtime.version().toString());
  }

  @Test
  void codeForANewerJavaSaysWhichJavaItNeeds(FxRobot robot) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.version().feature() < 21);
    robot.interact(() -> pane.input().replaceText("Thread.ofVirtual().start(() -> {})"));
    robot.interact(pane::runInput);
    waitFor(() -> pane.transcriptText().contains("needs Java 21"));
    assertThat(pane.transcriptText())
        .contains(
            "Thread.ofVirtual() needs Java 21; this REPL runs Java "
                + Runtime.version().feature()
                + ".");
  }

  @Test
  void systemExitGivesOneRestartNotice(FxRobot robot) throws Exception {
    robot.interact(() -> pane.input().replaceText("int kept = 1;"));
    robot.interact(pane::runInput);
    waitFor(() -> pane.transcriptText().contains("kept ⇒ 1"));
    robot.interact(() -> pane.input().replaceText("System.exit(4);\n1 + 1"));
    robot.interact(pane::runInput);
    waitFor(() -> pane.transcriptText().contains("not run"));
    WaitForAsyncUtils.waitForFxEvents();
    String text = pane.transcriptText();
    assertThat(text.split("exit code 4", -1)).hasSize(2);
    assertThat(text.split("A new JVM runs your code", -1)).hasSize(2);
    assertThat(text).contains("1 definition was run again.");
  }

  @Test
  void longValuesInTheDefinitionsWrapAndHaveATooltip(FxRobot robot) throws Exception {
    robot.interact(() -> pane.input().replaceText("String longOne = \"word \".repeat(30);"));
    robot.interact(pane::runInput);
    ListView<?> defs = robot.lookup(".tb-repl-definitions").queryAs(ListView.class);
    waitFor(() -> defs.getItems().stream().anyMatch(d -> d.toString().contains("longOne")));
    WaitForAsyncUtils.waitForFxEvents();
    var cell =
        robot
            .lookup(".tb-repl-definitions .list-cell")
            .queryAllAs(javafx.scene.control.ListCell.class)
            .stream()
            .filter(c -> c.getText() != null && c.getText().contains("longOne"))
            .findFirst()
            .orElseThrow();
    assertThat(cell.isWrapText()).isTrue();
    assertThat(cell.getTooltip().getText()).endsWith("word \"");
    assertThat(cell.getHeight()).isGreaterThan(2 * cell.getFont().getSize());
  }

  @Test
  void aCompileErrorClickPutsTheCaretThere(FxRobot robot) throws Exception {
    robot.interact(() -> pane.input().replaceText("int a = 1;\nString s = a;"));
    robot.interact(pane::runInput);
    waitFor(() -> pane.transcriptText().contains("error: incompatible types"));
    robot.interact(() -> pane.input().moveTo(0));
    robot.clickOn(robot.lookup(".tb-repl-transcript").queryAs(javafx.scene.Node.class));
    // A click lands somewhere in the transcript; click the error's own text.
    robot.interact(
        () -> {
          var transcript =
              (org.fxmisc.richtext.StyleClassedTextArea)
                  robot.lookup(".tb-repl-transcript").query();
          int at = transcript.getText().indexOf("error: incompatible");
          transcript.moveTo(at + 2);
          transcript.getOnMouseClicked().handle(null);
        });
    assertThat(pane.input().getCaretPosition()).isEqualTo("int a = 1;\nString s = ".length());
  }
}
