package dev.talkbook.ui.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.repl.ReplOptions;
import dev.talkbook.core.repl.ReplSession;
import dev.talkbook.ui.FxWait;
import dev.talkbook.ui.common.Theme;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * One very long line of output in the REPL: the transcript shows its first {@link
 * ReplPane#LINE_CHARS} characters and a marker for the rest, the FX thread goes on answering, and
 * Esc stops code that goes on printing one. Before, 3,000,000 characters on one line held the FX
 * thread for minutes (RichTextFX wrapping the line) and Esc could not stop the code.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ReplLongLineTest {

  private ReplSession session;
  private ReplPane pane;
  private volatile boolean probing = true;

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
    probing = false;
    session.close();
  }

  /**
   * Measures, until the test ends, how long the FX thread takes to run a {@code runLater} posted
   * every 50 ms; the longest wait so far is in the returned value, in ns.
   */
  private AtomicLong probeFxThread() {
    AtomicLong longest = new AtomicLong();
    Thread probe =
        new Thread(
            () -> {
              while (probing) {
                CountDownLatch ran = new CountDownLatch(1);
                long at = System.nanoTime();
                Platform.runLater(ran::countDown);
                try {
                  while (!ran.await(100, TimeUnit.MILLISECONDS)) {
                    longest.accumulateAndGet(System.nanoTime() - at, Math::max);
                    if (!probing) {
                      return;
                    }
                  }
                  longest.accumulateAndGet(System.nanoTime() - at, Math::max);
                  Thread.sleep(50);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "fx-probe");
    probe.setDaemon(true);
    probe.start();
    return longest;
  }

  @Test
  void aLineOfThreeMillionCharactersIsCutWithAMarkerAndTheWindowGoesOnAnswering(FxRobot robot)
      throws Exception {
    AtomicLong longest = probeFxThread();
    robot.interact(
        () -> pane.input().replaceText("System.out.print(\"x\".repeat(3_000_000));\n\"after\""));
    robot.interact(pane::runInput);
    FxWait.untilFx(
        "the marker of the long line",
        Duration.ofSeconds(90),
        () -> pane.transcriptText().contains("more characters on this line"));
    FxWait.untilFx("the value after it", Duration.ofSeconds(30), () -> !pane.isRunning());
    String text = FxWait.onFx(pane::transcriptText);
    assertThat(text)
        .contains("x".repeat(ReplPane.LINE_CHARS) + " … 2,995,000 more characters on this line\n")
        .doesNotContain("x".repeat(ReplPane.LINE_CHARS + 1))
        .contains("⇒ \"after\"");
    // Before, the FX thread did not answer for minutes; a loaded machine may hold it a second.
    assertThat(longest.get() / 1e9).as("the FX thread's longest wait, s").isLessThan(5.0);
  }

  @Test
  void escStopsCodeThatGoesOnPrintingOneLine(FxRobot robot) throws Exception {
    AtomicLong longest = probeFxThread();
    robot.interact(
        () -> pane.input().replaceText("while (true) System.out.print(\"y\".repeat(100_000));"));
    robot.interact(pane::runInput);
    FxWait.untilFx(
        "the line's first characters",
        Duration.ofSeconds(60),
        () -> pane.transcriptText().contains("y".repeat(ReplPane.LINE_CHARS)));
    FxWait.clickOn(robot, pane.input());
    robot.push(KeyCode.ESCAPE);
    FxWait.untilFx("the code stopped", Duration.ofSeconds(30), () -> !pane.isRunning());
    assertThat(FxWait.onFx(pane::transcriptText))
        .containsPattern("y{" + ReplPane.LINE_CHARS + "} … [0-9,]+ more characters on this line\n")
        .doesNotContain("y".repeat(ReplPane.LINE_CHARS + 1));
    assertThat(longest.get() / 1e9).as("the FX thread's longest wait, s").isLessThan(5.0);
  }
}
