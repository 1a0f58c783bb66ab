package dev.talkbook.ui.common;

import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;

/**
 * Keeps Enter on a window's default button, and the focus on a button through the time its work
 * keeps it disabled ({@link #keepFocusWhileBusy}). JavaFX gives Enter to a focused button before
 * the default one, and a clicked button keeps the focus while it stays enabled: a job quick enough
 * to end before its disabled button handed the focus on (at the next pulse) left Enter doing that
 * button's work again, where the dialog had just made another button the default ("Import" after
 * "Check", "Open in browser" after "Export"). Here a button that becomes the default takes the
 * focus from any other button; focus in a field stays where it is (Enter there reaches the default
 * button anyway).
 */
public final class DefaultButtons {
  private DefaultButtons() {}

  /** From now on, each of {@code buttons} takes the focus from another button when made default. */
  public static void keepEnterOnTheDefault(Button... buttons) {
    for (Button button : buttons) {
      button
          .defaultButtonProperty()
          .addListener(
              (o, was, now) -> {
                if (now) {
                  takeFocusFromAnotherButton(button);
                }
              });
    }
  }

  /**
   * A button disabled while its work runs ("Start sharing" → "Starting…") hands the focus on to the
   * next control, an empty field say, whose hint then hides; once enabled again it takes the focus
   * back, unless the user put it somewhere else meanwhile.
   */
  public static void keepFocusWhileBusy(Button button) {
    // Whether the button lost the focus by being disabled, and the control that then took it
    // (JavaFX first clears the focus, then hands it on).
    boolean[] lost = {false};
    Node[] fellTo = {null};
    button
        .disabledProperty()
        .addListener(
            (o, was, disabled) -> {
              Scene scene = button.getScene();
              if (!disabled && lost[0] && scene != null) {
                Node owner = scene.getFocusOwner();
                if (owner == null || owner == fellTo[0]) {
                  button.requestFocus();
                }
              }
              if (!disabled) {
                lost[0] = false;
                fellTo[0] = null;
              }
            });
    ChangeListener<Node> falls =
        (f, from, to) -> {
          if (from == button && button.isDisabled()) {
            lost[0] = true;
            fellTo[0] = to;
          } else if (lost[0] && from == null && fellTo[0] == null) {
            fellTo[0] = to;
          }
        };
    if (button.getScene() != null) {
      button.getScene().focusOwnerProperty().addListener(falls);
    }
    button
        .sceneProperty()
        .addListener(
            (o, was, scene) -> {
              if (was != null) {
                was.focusOwnerProperty().removeListener(falls);
              }
              if (scene != null) {
                scene.focusOwnerProperty().addListener(falls);
              }
            });
  }

  private static void takeFocusFromAnotherButton(Button button) {
    Scene scene = button.getScene();
    if (scene != null
        && scene.getFocusOwner() instanceof Button focused
        && focused != button
        && !button.isDisabled()) {
      button.requestFocus();
    }
  }
}
