package dev.talkbook.ui;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyEvent;

/**
 * A read-only main window: what would change the notebook is greyed out, and its key (Ctrl+N, F2,
 * Del, Ctrl+D…) and a call from elsewhere say why nothing happens, in the status bar, not asking
 * first; another process's saves are followed ({@link SavedFollow}) until the window closes.
 */
final class ReadOnlyWindow {
  private final SavedFollow follow;

  private ReadOnlyWindow(SavedFollow follow) {
    this.follow = follow;
  }

  /**
   * Makes the window read-only.
   *
   * @param changing the menu items that would change the notebook (greyed out by the menus)
   * @param scene the window's scene, whose keys are looked at
   */
  static ReadOnlyWindow start(
      WindowParts parts, TalkScreen screen, List<MenuItem> changing, Scene scene) {
    StatusBar status = parts.status();
    Runnable tell = () -> status.showMessageOnce(status.readOnlyMessage());
    parts.navigator().onReadOnly(tell);
    scene.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          for (MenuItem item : changing) {
            if (item.getAccelerator() != null && item.getAccelerator().match(e)) {
              tell.run();
              return;
            }
          }
        });
    return new ReadOnlyWindow(SavedFollow.forWindow(parts, screen));
  }

  /** Stops following the notebook: the window closes. */
  void stop() {
    follow.stop();
  }
}
