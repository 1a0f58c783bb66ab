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

  /**
   * Moves the focus on from {@code from} as a Tab (Shift+Tab when not {@code forward}) that no
   * control took: JavaFX 21 has no public call for it (Node.requestFocusTraversal came with JavaFX
   * 24), but the scene moves the focus on a Tab no control took, from the node the event went to.
   * For a control whose Tab types (the notes, the REPL's input, a read-only text area that takes it
   * all the same): sent to a node near it that takes no keys. Forwards from a parent the focus goes
   * into its children first, so forwards it is sent from a node after the control.
   */
  public static void moveFocusOn(javafx.scene.Node from, boolean forward) {
    javafx.event.Event.fireEvent(
        from,
        new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, !forward, false, false, false));
  }
}
