package dev.talkbook.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * For tests of a row that is given less and less room: the row, made by the subclass on the FX
 * thread, in a 600 × 60 window with the light theme, at most 600 px wide until {@link #width}
 * narrows it.
 */
@ExtendWith(ApplicationExtension.class)
abstract class NarrowedRowTest {
  private Region sized;

  /** Makes the row (on the FX thread); returns the node whose width {@link #width} limits. */
  abstract Region makeRow();

  /** TestFX looks for {@code @Start} only in the test class itself: the window opens here. */
  @BeforeEach
  void showRow(FxRobot robot) throws TimeoutException {
    Stage stage = FxToolkit.registerPrimaryStage();
    robot.interact(
        () -> {
          sized = makeRow();
          sized.setMaxWidth(600);
          Scene scene = new Scene(new StackPane(sized), 600, 60);
          new Theme(false).apply(scene);
          stage.setScene(scene);
          stage.show();
        });
  }

  <T> T onFx(Callable<T> read) throws Exception {
    return WaitForAsyncUtils.asyncFx(read).get();
  }

  /** Gives the row at most {@code width} px, and waits for the layout. */
  void width(FxRobot robot, double width) {
    robot.interact(() -> sized.setMaxWidth(width));
    WaitForAsyncUtils.waitForFxEvents();
  }
}
