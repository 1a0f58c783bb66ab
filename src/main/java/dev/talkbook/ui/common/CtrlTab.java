package dev.talkbook.ui.common;

import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Ctrl+Tab and Ctrl+Shift+Tab move the keyboard to the next (previous) control from anywhere in a
 * window, as Tab and Shift+Tab do between most controls. Text controls take Ctrl+Tab for that
 * themselves (their Tab types), and the notes do; a tree, a list or a button takes no Ctrl+Tab, so
 * it went nowhere and the keyboard stayed in the navigator or the search's hits. A Ctrl+Tab that no
 * control took goes on, from a control that is not text, as its Tab.
 */
public final class CtrlTab {
  private CtrlTab() {}

  /** In {@code scene}, a Ctrl+Tab no control took moves on as Tab does. */
  public static void movesOn(Scene scene) {
    scene.addEventHandler(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.TAB
              && e.isControlDown()
              && !e.isAltDown()
              && !e.isMetaDown()
              && e.getTarget() instanceof Control control
              && !(control instanceof TextInputControl)) {
            e.consume();
            Keys.moveFocusOn(control, !e.isShiftDown()); // as its own Tab
          }
        });
  }
}
