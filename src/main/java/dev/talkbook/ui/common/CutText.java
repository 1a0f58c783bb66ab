package dev.talkbook.ui.common;

import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Font;

/**
 * One line of text that may be shown cut, with "…" or past a field's end: whether it is, and its
 * whole text as the control's tooltip while it is (wrapped, made once and kept). The status bar's
 * notice ({@link #of(Labeled)}), the talk details' one-line fields ({@link #marked(TextField)},
 * with a "…" of their own) and {@link FittedLabel} (which shows shorter forms, {@link #shown})
 * offer a whole text this one way.
 */
public final class CutText {
  /** The style class of the "…" that {@link #marked} puts at a cut field's right end. */
  public static final String MARK_CLASS = "tb-cut-mark";

  private final Control control;
  private final ReadOnlyBooleanWrapper cut = new ReadOnlyBooleanWrapper();
  private Tooltip tip;

  /** Offers {@code control}'s whole text as its tooltip when it is told ({@link #shown}). */
  public CutText(Control control) {
    this.control = control;
  }

  /** Follows {@code label}: cut or not as its text, font and width change. */
  public static CutText of(Labeled label) {
    return follow(label, label.textProperty(), label.fontProperty());
  }

  /** Follows {@code field}: cut or not as its text, font and width change. */
  public static CutText of(TextField field) {
    return follow(field, field.textProperty(), field.fontProperty());
  }

  private static CutText follow(
      Control control, ObservableValue<String> text, ObservableValue<Font> font) {
    CutText cut = new CutText(control);
    InvalidationListener update =
        obs -> {
          String now = text.getValue() == null ? "" : text.getValue();
          cut.shown(isCut(control, now, font.getValue()), now);
        };
    text.addListener(update);
    font.addListener(update);
    control.widthProperty().addListener(update);
    control.insetsProperty().addListener(update);
    update.invalidated(null);
    return cut;
  }

  /**
   * Whether {@code text}, drawn in {@code font}, is wider than the room inside {@code control} (its
   * width less its insets); never for an empty text or a control not laid out yet.
   */
  public static boolean isCut(Region control, String text, Font font) {
    return control.getWidth() > 0
        && !text.isEmpty()
        && TextWidth.of(text, font)
            > control.getWidth() - control.snappedLeftInset() - control.snappedRightInset() + 0.5;
  }

  /**
   * The control shows {@code whole} cut or in a shorter form ({@code shortened}): its tooltip then
   * says {@code whole}; otherwise it has none.
   */
  public void shown(boolean shortened, String whole) {
    if (shortened) {
      if (tip == null) {
        tip = Tips.wrapping(whole);
      } else if (!tip.getText().equals(whole)) {
        tip.setText(whole);
      }
      if (control.getTooltip() != tip) {
        control.setTooltip(tip);
      }
    } else if (control.getTooltip() != null) {
      control.setTooltip(null);
    }
    cut.set(shortened);
  }

  /** Whether the text shows cut (or shortened) now. */
  public boolean isCut() {
    return cut.get();
  }

  public ReadOnlyBooleanProperty cutProperty() {
    return cut.getReadOnlyProperty();
  }

  /**
   * {@code field} in a box that marks it when its text is cut: "…" at its right end while the field
   * does not have the keyboard (its text then shows from its start), and the whole text as its
   * tooltip. Speakers cut in two columns ("Ada Lovelace, Grace") looked like the whole list.
   */
  public static StackPane marked(TextField field) {
    Label mark = new Label("…");
    mark.getStyleClass().add(MARK_CLASS);
    mark.setMouseTransparent(true);
    mark.setFocusTraversable(false);
    mark.setMinWidth(Region.USE_PREF_SIZE);
    StackPane box = new StackPane(field, mark);
    box.setMinWidth(0);
    StackPane.setAlignment(mark, Pos.CENTER_RIGHT);
    CutText cut = of(field);
    Runnable update =
        () -> {
          mark.setVisible(cut.isCut() && !field.isFocused());
          StackPane.setMargin(
              mark, new Insets(1, Math.max(1, field.getInsets().getRight() - 4), 1, 0));
        };
    cut.cutProperty().addListener(obs -> update.run());
    field.insetsProperty().addListener(obs -> update.run());
    field
        .focusedProperty()
        .addListener(
            (obs, was, focused) -> {
              if (!focused) {
                field.home(); // its start shown, where the mark says the rest follows
              }
              update.run();
            });
    update.run();
    return box;
  }
}
