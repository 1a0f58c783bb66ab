package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.ui.common.Settings;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The window's own state is written out while the notebook thread is busy (a big save being
 * indexed, an import, an export). Its writes waited behind that work on the same thread: killed
 * meanwhile, the window started again on the talk open before, while the status bar said that the
 * typing it put back was in the other one (tester14a, 5 MB pasted in the talk before); a choice
 * made then (the details folded, say) was lost alike.
 */
class WindowStateKeptWindowTest extends RealWindowTest {

  @Test
  void aChoiceMadeWhileTheNotebookThreadIsBusyIsWrittenOutAtOnce(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Alpha", "# Alpha\n");
    ui.idle();
    assertThat(written(Settings.DETAILS_EXPANDED)).as("the details unfolded").isTrue();
    CountDownLatch busy = new CountDownLatch(1);
    ui.executors.io().execute(() -> awaitQuietly(busy));
    try {
      // View → Talk details: folded, and kept for the next start
      robot
          .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T)
          .release(KeyCode.T, KeyCode.SHIFT, KeyCode.CONTROL);
      FxWait.until(
          "the fold written while the notebook thread is busy",
          () -> !written(Settings.DETAILS_EXPANDED));
    } finally {
      busy.countDown();
    }
  }

  /** {@code key} as the settings file on disk has it. */
  private <T> T written(Settings.Key<T> key) {
    return Settings.load(ui.settingsFile).get(key);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(90, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
