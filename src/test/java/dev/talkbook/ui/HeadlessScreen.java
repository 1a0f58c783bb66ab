package dev.talkbook.ui;

import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyProperty;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The tests' screen: Monocle's headless one (1280 × 800, HeadlessScreen's default; the pom sets no
 * {@code headless.geometry}), where no window manager keeps a window on the screen.
 */
public final class HeadlessScreen {

  private HeadlessScreen() {}

  /**
   * Keeps {@code stage}, resized, on the headless screen, as a window manager does: a window that
   * reaches past the screen (1280 × 800 where a smaller window was centred, say) is drawn only in
   * part, and Monocle, copying that part ({@code Framebuffer.composePixels}), leaves the window's
   * pixel buffer's limit short; JavaFX reuses that buffer for the next frame of the same size, and
   * its copy fails: a {@code BufferOverflowException} from {@code UploadingPainter}, or "Too small
   * int buffer size", printed to the log, the frame lost. Call on the FX thread; calling it again
   * for the same stage adds nothing.
   */
  public static void keepOn(Stage stage) {
    stage.widthProperty().removeListener(ON_SCREEN);
    stage.heightProperty().removeListener(ON_SCREEN);
    stage.widthProperty().addListener(ON_SCREEN);
    stage.heightProperty().addListener(ON_SCREEN);
  }

  /**
   * Moves the resized stage back onto the screen. Its place and size reach the window together (in
   * the next pulse), so it is never drawn half off the screen in between.
   */
  private static final InvalidationListener ON_SCREEN =
      size -> {
        Stage stage = (Stage) ((ReadOnlyProperty<?>) size).getBean();
        var screen = Screen.getPrimary().getVisualBounds();
        if (stage.getX() + stage.getWidth() > screen.getMaxX()) {
          stage.setX(Math.max(screen.getMinX(), screen.getMaxX() - stage.getWidth()));
        }
        if (stage.getY() + stage.getHeight() > screen.getMaxY()) {
          stage.setY(Math.max(screen.getMinY(), screen.getMaxY() - stage.getHeight()));
        }
      };
}
