package dev.talkbook.ui;

import dev.talkbook.ui.common.FullScreen;
import dev.talkbook.ui.palette.MenuActions;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

/**
 * View → Full screen: the main window full screen without presenter mode (F11; on macOS the usual
 * Ctrl+Cmd+F, and F11 too). Its tick follows the window's real state: leaving full screen through
 * the window manager or the desktop unticks it.
 *
 * <p>Esc never leaves full screen (the stage's exit key is none): in the notes Esc stops running
 * code, closes the find bar, clears the search; JavaFX's own exit key, Esc, left full screen at the
 * first of those, before the notes saw the key. F11 (the item) leaves it, and the status bar says
 * so on entering (JavaFX shows no banner of its own without an exit key).
 *
 * <p>Presenter mode takes the window's full-screen state on entering and puts it back on leaving
 * ({@code LayoutSnapshot}), so the user's choice is as it was after presenting; its own exit key is
 * none too while it runs. F11 while presenting changes the presentation's window alone.
 */
final class WindowFullScreen {
  /** The key on Linux and Windows (and on macOS too, beside {@link #MAC_KEY}). */
  static final String KEY = "F11";

  /** macOS's usual full-screen key, Ctrl+Cmd+F. */
  static final String MAC_KEY = "Ctrl+Meta+F";

  private final Stage stage;
  private final Consumer<String> say;
  private final List<KeyCombination> keys;
  private final CheckMenuItem item =
      MenuActions.words(
          new CheckMenuItem("Full screen"),
          "fullscreen maximize maximise distraction free focus whole screen kiosk");

  /**
   * @param say shows a short message in the status bar
   * @param mac whether the keys are macOS's
   */
  WindowFullScreen(Stage stage, Consumer<String> say, boolean mac) {
    this.stage = stage;
    this.say = say;
    this.keys = keys(mac);
    item.setAccelerator(keys.get(0));
    item.setSelected(stage.isFullScreen());
    item.setOnAction(e -> toggle());
    stage.fullScreenProperty().addListener((obs, was, full) -> item.setSelected(full));
    stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
  }

  /** The keys that toggle full screen: the menu item's first, then the others. */
  static List<KeyCombination> keys(boolean mac) {
    return mac
        ? List.of(KeyCombination.keyCombination(MAC_KEY), KeyCombination.keyCombination(KEY))
        : List.of(KeyCombination.keyCombination(KEY));
  }

  /** The View menu's item. */
  CheckMenuItem item() {
    return item;
  }

  /** Makes the keys beyond the item's own (F11 on macOS) work in {@code scene}. */
  void addKeysTo(Scene scene) {
    for (KeyCombination key : keys.subList(1, keys.size())) {
      scene.getAccelerators().put(key, this::toggle);
    }
  }

  /** Full screen on or off; the item's tick then says which it is. */
  void toggle() {
    boolean full = !stage.isFullScreen();
    stage.setFullScreen(full);
    item.setSelected(stage.isFullScreen());
    if (full && stage.isFullScreen()) {
      FullScreen.cover(stage, FullScreen.screenOf(stage));
      say.accept("Full screen: " + keys.get(0).getDisplayText() + " leaves it");
    }
  }
}
