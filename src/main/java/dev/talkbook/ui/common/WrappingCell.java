package dev.talkbook.ui.common;

import javafx.geometry.Insets;
import javafx.scene.control.ListCell;
import javafx.scene.layout.Pane;

/**
 * A list cell as wide as its list and never wider, whose row (a box of labels and text flows) wraps
 * to that width: the cell is as tall as the wrapped row. A label's skin would ask the graphic for
 * its height at the graphic's own preferred width, one long unwrapped line, and the list would
 * scroll sideways.
 *
 * @param <T> the list's items
 * @param <R> the row's kind of box
 */
public abstract class WrappingCell<T, R extends Pane> extends ListCell<T> {
  /** What the cell shows as its graphic when it wraps; filled by the subclass. */
  protected final R row;

  protected WrappingCell(R row) {
    this.row = row;
    setPrefWidth(0);
  }

  @Override
  protected double computePrefHeight(double width) {
    if (getGraphic() != row || width <= 0) {
      return super.computePrefHeight(width);
    }
    Insets in = getInsets();
    return in.getTop() + in.getBottom() + row.prefHeight(width - in.getLeft() - in.getRight());
  }
}
