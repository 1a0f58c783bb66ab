package dev.talkbook.ui;

import dev.talkbook.core.store.Notebook;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

  /**
   * Presses and releases Enter in the window that holds {@code node}, at its focus owner, as the
   * keyboard does with that window in front. Not {@code robot.type}: Monocle sends keys to the
   * window it last marked focused, and the owner shown by {@link #showOwner} was at times marked
   * after the dialog it owns (both said focused), so the key went to the owner and the dialog's
   * default button never heard it (a CI run waited 30 s for an import Enter should have started).
   */
  protected static void pressEnterIn(FxRobot robot, javafx.scene.Node node) {
    robot.interact(
        () -> {
          Scene scene = node.getScene();
          javafx.scene.Node target =
              scene.getFocusOwner() != null ? scene.getFocusOwner() : scene.getRoot();
          for (var type :
              List.of(
                  javafx.scene.input.KeyEvent.KEY_PRESSED,
                  javafx.scene.input.KeyEvent.KEY_RELEASED)) {
            javafx.event.Event.fireEvent(
                target,
                new javafx.scene.input.KeyEvent(
                    type, "", "", javafx.scene.input.KeyCode.ENTER, false, false, false, false));
          }
        });
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
