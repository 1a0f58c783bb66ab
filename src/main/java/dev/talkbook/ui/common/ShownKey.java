package dev.talkbook.ui.common;

import java.util.Objects;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * A key a menu item shows as its shortcut, for an action the focused control already handles itself
 * (Tab indents a list item in the notes, Ctrl+Shift+Enter runs the code block there). As a menu
 * accelerator it is displayed like any other ("Shift+Tab") but never fires, so the key keeps its
 * meaning everywhere else (Tab still moves the focus between fields).
 */
public final class ShownKey extends KeyCombination {
  private final KeyCodeCombination shown;

  public ShownKey(KeyCode code, Modifier... modifiers) {
    super(modifiers);
    shown = new KeyCodeCombination(code, modifiers);
  }

  /** Never: the control that has the focus handles the key. */
  @Override
  public boolean match(KeyEvent event) {
    return false;
  }

  @Override
  public String getDisplayText() {
    return shown.getDisplayText();
  }

  /** The key as it would match if it were a real accelerator (for tests and the palette). */
  public KeyCodeCombination key() {
    return shown;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ShownKey s && s.shown.equals(shown);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ShownKey.class, shown);
  }

  @Override
  public String toString() {
    return "shown " + shown;
  }
}
