package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Down then Ctrl+D, pressed fast and again, in the navigator stars each row the keys reach, in
 * order. Before, Ctrl+D starred the talk still open (the selected one was still being read), so a
 * press took the star of the talk before off again, and a star's reload put the selection back on
 * the starred row: of 20 rows, 3 were starred.
 */
class NavigatorStarKeysWindowTest extends RealWindowTest {

  @Test
  void downAndCtrlDTwentyTimesWithoutWaitingStarsEachRow(FxRobot robot) {
    long event = ui.notebook.events().create(Event.Details.titled("Big conference")).id();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 22; i++) {
      String title = String.format("Talk %02d", i);
      ids.add(ui.notebook.talks().create(event, Talk.Details.titled(title), "# " + title).id());
    }
    ui.reloadTree(robot);
    ui.clickOnRow(robot, "Talk 00");
    FxWait.untilFx("the first talk open", () -> ui.openTalk() != null);
    FxWait.untilFx(
        "the navigator has the keyboard", () -> WindowUnderTest.navigator(robot).isFocused());
    // The notebook thread busy meanwhile (a big notebook, a loaded machine): every key is handled
    // before any talk the selection asks for is read, as with keys pressed fast.
    java.util.concurrent.CountDownLatch busy = new java.util.concurrent.CountDownLatch(1);
    ui.executors.io().submit(() -> busy.await(60, java.util.concurrent.TimeUnit.SECONDS));
    try {
      for (int i = 0; i < 20; i++) {
        robot.type(KeyCode.DOWN);
        robot.press(KeyCode.CONTROL).press(KeyCode.D).release(KeyCode.D).release(KeyCode.CONTROL);
      }
    } finally {
      busy.countDown();
    }
    ui.idle();
    FxWait.until(
        "20 talks starred",
        () -> ui.notebook.talks().list(event).stream().filter(Talk::starred).count() >= 20);
    ui.idle();
    assertThat(ui.notebook.talks().list(event).stream().filter(Talk::starred).map(Talk::id))
        .containsExactlyElementsOf(ids.subList(1, 21));
  }
}
