package dev.talkbook.ui.details;

import dev.talkbook.ui.common.TextWidth;
import dev.talkbook.ui.common.Tips;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;

/**
 * Shows that a one-line field's text is longer than the field: "…" at its right end while the field
 * does not have the keyboard (its text then shows from its start), and the whole text as its
 * tooltip. Speakers cut in two columns ("Ada Lovelace, Grace") looked like the whole list.
 */
final class CutMark {
  private final TextField field;
  private final Label mark = new Label("…");
  private final StackPane box;
  private Tooltip tip;

  private CutMark(TextField field) {
    this.field = field;
    mark.getStyleClass().add("tb-cut-mark");
    mark.setMouseTransparent(true);
    mark.setFocusTraversable(false);
    mark.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    box = new StackPane(field, mark);
    box.setMinWidth(0);
    StackPane.setAlignment(mark, Pos.CENTER_RIGHT);
    field.textProperty().addListener(obs -> update());
    field.widthProperty().addListener(obs -> update());
    field.fontProperty().addListener(obs -> update());
    field
        .focusedProperty()
        .addListener(
            (obs, was, focused) -> {
              if (!focused) {
                field.home(); // its start shown, where the mark says the rest follows
              }
              update();
            });
    update();
  }

  /** {@code field} in a box that marks it when its text is cut. */
  static StackPane around(TextField field) {
    return new CutMark(field).box;
  }

  /** Whether {@code field}'s text is wider than the room inside it. */
  static boolean isCut(TextField field) {
    Insets in = field.getInsets();
    double room = field.getWidth() - in.getLeft() - in.getRight();
    return field.getWidth() > 0
        && !field.getText().isEmpty()
        && TextWidth.of(field.getText(), field.getFont()) > room;
  }

  private void update() {
    boolean cut = isCut(field);
    mark.setVisible(cut && !field.isFocused());
    StackPane.setMargin(mark, new Insets(1, Math.max(1, field.getInsets().getRight() - 4), 1, 0));
    if (cut) {
      if (tip == null) {
        tip = Tips.wrapping(field.getText());
      } else {
        tip.setText(field.getText());
      }
      field.setTooltip(tip);
    } else if (field.getTooltip() != null) {
      field.setTooltip(null);
    }
  }
}
