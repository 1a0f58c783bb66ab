package dev.talkbook.ui.common;

import javafx.scene.Scene;
import javafx.scene.control.Button;

/**
 * Keeps Enter on a window's default button. JavaFX gives Enter to a focused button before the
 * default one, and a clicked button keeps the focus while it stays enabled: a job quick enough to
 * end before its disabled button handed the focus on (at the next pulse) left Enter doing that
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
