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
