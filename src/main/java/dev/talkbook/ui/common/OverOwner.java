package dev.talkbook.ui.common;

import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Puts a dialog's stage over its window as it is shown. JavaFX centres a {@code Stage} on the
 * screen whoever owns it (only its {@code Dialog} class goes over the owner): a small window at a
 * corner of a large screen had its dialogs open in the middle of the screen, beside it or away from
 * it. Here the dialog goes in the middle of its owner's width and a third of the way down (as
 * JavaFX places it on a screen), kept on the owner's screen.
 */
public final class OverOwner {
  private OverOwner() {}

  /** Places {@code stage} over its owner each time it is shown (nothing without an owner). */
  public static void place(Stage stage) {
    stage.addEventHandler(WindowEvent.WINDOW_SHOWING, e -> placeNow(stage));
  }

  private static void placeNow(Stage stage) {
    Window owner = stage.getOwner();
    Scene scene = stage.getScene();
    if (owner == null || scene == null || !owner.isShowing()) {
      return;
    }
    // Not shown yet, the stage has no size: the one it is about to take from its scene.
    Parent root = scene.getRoot();
    root.applyCss();
    double width =
        known(stage.getWidth())
            ? stage.getWidth()
            : known(scene.getWidth()) ? scene.getWidth() : root.prefWidth(-1);
    double height =
        known(stage.getHeight())
            ? stage.getHeight()
            : known(scene.getHeight()) ? scene.getHeight() : root.prefHeight(width);
    Rectangle2D where = at(owner, width, height);
    stage.setX(where.getMinX());
    stage.setY(where.getMinY());
  }

  /** Where a window of this size goes over {@code owner}: its top left corner and its size. */
  private static Rectangle2D at(Window owner, double width, double height) {
    Rectangle2D screen =
        Screen.getScreensForRectangle(
                owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight())
            .stream()
            .findFirst()
            .orElse(Screen.getPrimary())
            .getVisualBounds();
    double x = owner.getX() + (owner.getWidth() - width) / 2;
    double y = owner.getY() + (owner.getHeight() - height) / 3;
    x = Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - width));
    y = Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - height));
    return new Rectangle2D(x, y, width, height);
  }

  private static boolean known(double size) {
    return !Double.isNaN(size) && size > 0;
  }
}
