package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Talk;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Keys typed right after Go to talk wait for the chosen talk's notes. When that talk cannot be
 * opened (deleted meanwhile, by the command line say), they are not sent into the notes of the talk
 * being left, which they were not typed for (as a letter typed on a row of the navigator: dropped,
 * the status bar saying why); the text they typed goes on the clipboard, and the status bar says so
 * with the text (it was taken out of the journal and said nowhere).
 */
class TypedAheadLostTalkWindowTest extends RealWindowTest {

  @Test
  void keysTypedForATalkThatCannotBeOpenedStayOutOfTheTalkLeft(FxRobot robot) throws Exception {
    Talk alpha = ui.openNewTalk(robot, "Alpha", "# Alpha\n");
    Talk beta =
        ui.notebook.talks().create(alpha.eventId(), Talk.Details.titled("Beta"), "# Beta\n");
    ui.reloadTree(robot);
    robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
    FxWait.until(
        () -> robot.lookup("#picker-filter").tryQuery().filter(Node::isVisible).isPresent());
    robot.write("Beta");
    FxWait.until(
        () ->
            robot.lookup("#picker-list").queryAs(ListView.class).getItems().size() == 1
                && robot.lookup("#picker-list").queryAs(ListView.class).getItems().get(0) != null);
    CountDownLatch busy = new CountDownLatch(1);
    // The notebook thread is busy, then Beta is deleted before the switch reads it.
    ui.executors.io().execute(() -> awaitQuietly(busy));
    ui.executors.io().execute(() -> ui.notebook.talks().delete(beta.id()));
    try {
      robot.type(KeyCode.ENTER);
      robot.write("typed ahead");
    } finally {
      busy.countDown();
    }
    javafx.scene.control.Label notice =
        robot.lookup("#notice").queryAs(javafx.scene.control.Label.class);
    FxWait.untilFx(
        "the failed open said",
        () -> notice.isVisible() && notice.getText().startsWith("Could not open the talk: "));
    ui.idle();
    assertThat(FxWait.onFx(() -> WindowUnderTest.editor(robot).getText()))
        .as("Alpha's notes, without the keys typed for Beta")
        .isEqualTo("# Alpha\n");
    // Nor is what they typed lost without a word: on the clipboard, and said.
    FxWait.untilFx(
        "what was typed said",
        () ->
            notice.isVisible()
                && notice.getText().startsWith("Could not open the talk: ")
                && notice.getText().contains("“typed ahead”")
                && notice.getText().contains("on the clipboard"));
    assertThat(FxWait.onFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()))
        .isEqualTo("typed ahead");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
