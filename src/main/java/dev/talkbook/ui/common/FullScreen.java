package dev.talkbook.ui.common;

import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Full screen where the desktop does not give it. On Linux, {@code Stage.setFullScreen(true)} asks
 * the window manager; with none (a bare X server, some kiosk set-ups) the stage says it is full
 * screen and keeps its size and place (measured under Xvfb: a 600 × 400 window stayed 600 × 400,
 * and {@code setMaximized} did nothing either). Presenter mode then showed a window in a corner of
 * the projector. {@link #cover} gives such a window the whole screen itself, and its size and place
 * back when it leaves full screen.
 */
public final class FullScreen {
  private FullScreen() {}

  /**
   * Makes {@code stage}, just told to go full screen, cover {@code screen} (its bounds) if the
   * desktop has not: checked once the request has been handled (the next pulse; a window manager
   * that resizes later has the last word, at the same size).
   */
  public static void cover(Stage stage, Rectangle2D screen) {
    Platform.runLater(
        () -> {
          Rectangle2D window =
              new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
          if (!stage.isFullScreen() || !needsCovering(window, screen)) {
            return;
          }
          stage.setX(screen.getMinX());
          stage.setY(screen.getMinY());
          stage.setWidth(screen.getWidth());
          stage.setHeight(screen.getHeight());
          Once.when(
              stage.fullScreenProperty(),
              full -> !full,
              left -> {
                stage.setWidth(window.getWidth());
                stage.setHeight(window.getHeight());
                stage.setX(window.getMinX());
                stage.setY(window.getMinY());
              });
        });
  }

  /** The usable bounds of the screen most of {@code stage} is on (the primary when none). */
  public static Rectangle2D screenOf(Stage stage) {
    var screens =
        Screen.getScreensForRectangle(
            stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
    return (screens.isEmpty() ? Screen.getPrimary() : screens.get(0)).getBounds();
  }

  /** Whether a window at {@code window} leaves part of {@code screen} uncovered. */
  static boolean needsCovering(Rectangle2D window, Rectangle2D screen) {
    return window.getMinX() > screen.getMinX()
        || window.getMinY() > screen.getMinY()
        || window.getMaxX() < screen.getMaxX()
        || window.getMaxY() < screen.getMaxY();
  }
}
