package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Found by a tester: a window left at 1100 × 704 on a 1280 × 800 screen opened at that size and
 * place on a 1024 × 600 screen, its right side and status bar off the screen.
 */
@ExtendWith(ApplicationExtension.class)
class WindowFitTest {
  @TempDir java.nio.file.Path dir;

  @Test
  void aRememberedWindowIsFittedToTheScreenThereIsNow() {
    Rectangle2D small = new Rectangle2D(0, 0, 1024, 600);
    assertThat(WindowState.fit(90, 32, 1100, 704, List.of(small)))
        .isEqualTo(new Rectangle2D(0, 0, 1024, 600));
    assertThat(WindowState.fit(90, 32, 800, 500, List.of(small)))
        .isEqualTo(new Rectangle2D(90, 32, 800, 500));
    assertThat(WindowState.fit(500, 300, 800, 500, List.of(small)))
        .isEqualTo(new Rectangle2D(224, 100, 800, 500));
    // Left on a second screen that is gone: on the primary.
    assertThat(WindowState.fit(2000, 100, 800, 500, List.of(small)))
        .isEqualTo(new Rectangle2D(224, 100, 800, 500));
    // On the second of two screens, it stays there.
    Rectangle2D right = new Rectangle2D(1024, 0, 1920, 1080);
    assertThat(WindowState.fit(1100, 50, 1200, 900, List.of(small, right)))
        .isEqualTo(new Rectangle2D(1100, 50, 1200, 900));
    Rectangle2D none = WindowState.fit(Double.NaN, Double.NaN, 1500, 700, List.of(small));
    assertThat(none.getWidth()).isEqualTo(1024);
    assertThat(none.getHeight()).isEqualTo(600);
    assertThat(none.getMinX()).isNaN();
  }

  @Test
  void theWindowOpensOnTheScreenWhenItWasLeftLargerThanTheScreen(FxRobot robot) throws Exception {
    Rectangle2D screen = FxWait.onFx(() -> Screen.getPrimary().getVisualBounds());
    java.nio.file.Path home = Files.createDirectories(dir.resolve("big"));
    Files.writeString(
        home.resolve("settings.properties"),
        "x=90\ny=32\nwidth="
            + (screen.getWidth() + 300)
            + "\nheight="
            + (screen.getHeight() + 200)
            + "\n");
    Stage fresh = FxWait.onFx(Stage::new);
    WindowUnderTest big = FxWait.onFx(() -> new WindowUnderTest(fresh, home));
    try {
      assertThat(FxWait.onFx(() -> fresh.getScene().getWidth()))
          .isLessThanOrEqualTo(screen.getWidth());
      assertThat(FxWait.onFx(() -> fresh.getScene().getHeight()))
          .isLessThanOrEqualTo(screen.getHeight());
    } finally {
      big.close(robot);
    }
  }
}
