package dev.talkbook.ui.common;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;

/**
 * The header over a side pane (the navigator, the outline): its title on the left, small icon
 * buttons on the right, styled the same everywhere.
 */
public final class PaneHeader {
  private PaneHeader() {}

  /** A header with {@code title} and, at the right, {@code tools}. */
  public static HBox of(String title, Node... tools) {
    Label label = new Label(title);
    label.getStyleClass().add("tb-pane-title");
    // Too narrow for the whole word ("N…" beside the tools in the least window), it is not shown.
    label
        .visibleProperty()
        .bind(
            Bindings.createBooleanBinding(
                () -> label.getWidth() >= label.prefWidth(-1) - 0.5, label.widthProperty()));
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    // No gap between the tools (their padding parts them): "Notebook" and four tools fit in the
    // navigator of a 1024 x 640 screen's window (with 2 px gaps the word was 2 px short, and hid).
    HBox bar = new HBox(0, label, spacer);
    bar.getChildren().addAll(tools);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(4, 4, 4, 10));
    bar.getStyleClass().add("tb-pane-header");
    return bar;
  }

  /** A flat icon button for a header; {@code tip} is its tooltip and what a screen reader says. */
  public static Button tool(Feather icon, String tip, Runnable action) {
    Button b = new Button();
    style(b, icon, tip);
    b.setOnAction(e -> action.run());
    return b;
  }

  /** Gives {@code button} (a toggle, say) a header tool's icon, look and tooltip. */
  public static <B extends ButtonBase> B style(B button, Feather icon, String tip) {
    button.setGraphic(Icons.of(icon));
    button.getStyleClass().addAll("flat", "tb-tool");
    Tips.install(button, tip);
    button.setAccessibleText(tip);
    return button;
  }
}
