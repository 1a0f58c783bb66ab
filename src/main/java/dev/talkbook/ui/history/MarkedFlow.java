package dev.talkbook.ui.history;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A line of text that wraps, with ranges of it marked by a background drawn behind them (a {@link
 * Text} has no background of its own): the changed words of a diff row.
 */
final class MarkedFlow extends TextFlow {
  private final Text text = new Text();
  private final Path marks = new Path();
  private List<LineDiff.Mark> ranges = List.of();

  MarkedFlow() {
    text.getStyleClass().add("tb-diff-text");
    marks.getStyleClass().add(HistoryDialog.MARK_CLASS);
    marks.setManaged(false); // drawn behind the text, not laid out with it
    getChildren().addAll(marks, text);
  }

  /** Shows {@code s} with {@code marked} ranges of it marked. */
  void show(String s, List<LineDiff.Mark> marked) {
    text.setText(s.isEmpty() ? " " : s); // an empty line still takes a line's height
    ranges = List.copyOf(marked);
    requestLayout();
  }

  /** The marked ranges as shown (for tests). */
  List<LineDiff.Mark> ranges() {
    return ranges;
  }

  @Override
  protected void layoutChildren() {
    super.layoutChildren();
    List<PathElement> shape = new ArrayList<>();
    for (LineDiff.Mark m : ranges) {
      shape.addAll(List.of(rangeShape(m.start(), m.end())));
    }
    marks.getElements().setAll(shape);
  }
}
