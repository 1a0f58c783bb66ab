package dev.talkbook.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A text that wraps, with ranges of it marked by a background drawn behind them (a {@link Text} has
 * no background of its own): the changed words of a diff row, the matches of a search hit. The text
 * has the style class given, the marks {@code markClass} (style them with {@code -fx-fill}).
 */
public final class MarkedFlow extends TextFlow {
  /** A marked range of the text, [start, end). */
  public record Range(int start, int end) {}

  private final Text text = new Text();
  private final Path marks = new Path();
  private List<Range> ranges = List.of();

  public MarkedFlow(String textClass, String markClass) {
    text.getStyleClass().add(textClass);
    marks.getStyleClass().add(markClass);
    marks.setManaged(false); // drawn behind the text, not laid out with it
    getChildren().addAll(marks, text);
    setMinWidth(0);
  }

  /** Shows {@code s} with the {@code marked} ranges of it marked. */
  public void show(String s, List<Range> marked) {
    text.setText(s.isEmpty() ? " " : s); // an empty line still takes a line's height
    ranges = List.copyOf(marked);
    requestLayout();
  }

  public String text() {
    return text.getText();
  }

  /** The marked ranges as shown. */
  public List<Range> ranges() {
    return ranges;
  }

  @Override
  protected void layoutChildren() {
    super.layoutChildren();
    List<PathElement> shape = new ArrayList<>();
    for (Range m : ranges) {
      shape.addAll(List.of(rangeShape(m.start(), m.end())));
    }
    marks.getElements().setAll(shape);
  }
}
