package dev.talkbook.ui;

import dev.talkbook.core.store.Notebook;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * For tests of one dialog or view: a small shown window to own it and an empty notebook in a
 * temporary folder. After each test every other window is hidden (a failed test leaves no dialog
 * behind for the next) and the notebook is closed, after the subclass's own {@code @AfterEach}.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class OwnerWindowTest {
  @TempDir protected Path dir;
  protected Stage stage;
  protected Notebook notebook;

  /** TestFX looks for {@code @Start} only in the test class itself: this runs after it. */
  @BeforeEach
  protected void showOwner(FxRobot robot) throws TimeoutException {
    stage = FxToolkit.registerPrimaryStage();
    robot.interact(
        () -> {
          stage.setScene(new Scene(new StackPane(), 300, 200));
          stage.show();
        });
    notebook = Notebook.open(dir.resolve("n.talkbook"));
  }

  @AfterEach
  protected void closeOwned(FxRobot robot) {
    robot.interact(
        () ->
            new ArrayList<>(Window.getWindows())
                .stream().filter(w -> w != stage).forEach(Window::hide));
    notebook.close();
  }
}
