package dev.talkbook.ui;

import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * For tests that drive the real main window ({@link WindowUnderTest}) on a fresh notebook in a
 * temporary folder: the window opens before the subclass's own {@code @BeforeEach} and closes after
 * its {@code @AfterEach}, with the REPLs the test attached through it.
 */
@ExtendWith(ApplicationExtension.class)
abstract class RealWindowTest {
  @TempDir protected Path dir;
  protected WindowUnderTest ui;

  /** TestFX looks for {@code @Start} only in the test class itself: the window opens here. */
  @BeforeEach
  void openWindow(FxRobot robot) throws TimeoutException {
    Stage primary = FxToolkit.registerPrimaryStage();
    robot.interact(() -> ui = new WindowUnderTest(primary, dir));
  }

  @AfterEach
  void closeWindow(FxRobot robot) {
    ui.close(robot);
  }
}
