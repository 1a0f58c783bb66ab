package dev.talkbook.ui.common;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * A key as this platform writes it, for the words of a tooltip, prompt or hint: {@code
 * "Shortcut+N"} is "Ctrl+N" on Linux and Windows and "⌘N" on macOS, as the menus show it. (The
 * words once said "Ctrl+…" everywhere, which a Mac user would press in vain.)
 */
public final class Keys {
  private Keys() {}

  /**
   * How {@code combination} (in {@link KeyCombination#valueOf}'s form) is written here; Enter is
   * spelled out where there is no ⏎ key cap to recognise it by (not macOS).
   */
  public static String shown(String combination) {
    String text = KeyCombination.valueOf(combination).getDisplayText();
    boolean mac = System.getProperty("os.name", "").startsWith("Mac");
    return mac ? text : text.replace("\u21b5", "Enter");
  }

  /**
   * Whether {@code e} asks for a context menu from the keyboard: the Menu key or Shift+F10. JavaFX
   * on Linux sends no context menu request for either, so a control that has a menu listens for
   * them itself.
   */
  public static boolean asksForContextMenu(KeyEvent e) {
    return e.getCode() == KeyCode.CONTEXT_MENU || (e.getCode() == KeyCode.F10 && e.isShiftDown());
  }
}
