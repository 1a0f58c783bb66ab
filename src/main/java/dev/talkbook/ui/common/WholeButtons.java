package dev.talkbook.ui.common;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.Region;

/**
 * A dialog's buttons each as wide as its words, never cut short. JavaFX's button bar makes every
 * button as wide as the widest and shrinks them all when the dialog is narrower than that: "Choose
 * another…" showed as "Choose anot..." and "Open read-only" as "Open read-o..." in a 600 px dialog
 * with four buttons.
 */
public final class WholeButtons {
  private static final String KEPT = WholeButtons.class.getName();

  private WholeButtons() {}

  /** From now on, for the buttons {@code pane} has and those it is given later. */
  public static void keep(DialogPane pane) {
    if (pane.getProperties().putIfAbsent(KEPT, Boolean.TRUE) != null) {
      return;
    }
    apply(pane);
    // The pane makes a button for a new type in its own listener, added before this one.
    pane.getButtonTypes().addListener((ListChangeListener<ButtonType>) change -> apply(pane));
  }

  private static void apply(DialogPane pane) {
    for (ButtonType type : pane.getButtonTypes()) {
      Node node = pane.lookupButton(type);
      if (node instanceof Button button && !button.getProperties().containsKey(KEPT)) {
        button.getProperties().put(KEPT, Boolean.TRUE);
        ButtonBar.setButtonUniformSize(button, false);
        button.setMinWidth(Region.USE_PREF_SIZE);
        // The bar's skin sets every button's least width to its own (85 px on Linux) whenever it
        // lays the buttons out, first when the dialog shows: put it back each time.
        button
            .minWidthProperty()
            .addListener(
                (obs, old, now) -> {
                  if (now.doubleValue() != Region.USE_PREF_SIZE) {
                    button.setMinWidth(Region.USE_PREF_SIZE);
                  }
                });
      }
    }
  }
}
