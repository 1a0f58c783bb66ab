package dev.talkbook.ui.details;

import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextFormatter;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * The talk's title, whole: it wraps onto as many lines as it needs, one to {@link #MOST_LINES}
 * (then it scrolls), so a long title can be read and edited where it is. Where the details show
 * little (a short window, the REPL open) it takes at most half of what they show, so the fields
 * under it are still seen. Its scroll bar shows only when a title is longer than its lines. It is
 * one line of text all the same: Enter commits it (as a text field's Enter does), a line break or
 * tab pasted in is a space, Tab moves on to the next field, and Esc puts back the title it had
 * before (as {@code stored} gives it).
 */
final class TitleField extends TextArea {
  /** The most lines the field grows to; a longer title scrolls inside them. */
  static final int MOST_LINES = 4;

  private final Runnable commit;
  private final Supplier<String> stored;

  /**
   * @param commit what Enter does (what a text field's action did)
   * @param stored the title to put back on Esc (null: nothing to put back)
   */
  TitleField(Runnable commit, Supplier<String> stored) {
    this.commit = commit;
    this.stored = stored;
    setWrapText(true);
    setPrefRowCount(1);
    // One line to start with: rows of the text area's own are taller (see heightNeeded).
    setTextFormatter(
        new TextFormatter<String>(
            change -> {
              String typed = change.getText();
              if (change.isContentChange() && typed.chars().anyMatch(TitleField::breaksLine)) {
                // One for one, so the caret stays where the change put it.
                StringBuilder one = new StringBuilder(typed);
                for (int i = 0; i < one.length(); i++) {
                  if (breaksLine(one.charAt(i))) {
                    one.setCharAt(i, ' ');
                  }
                }
                change.setText(one.toString());
              }
              return change;
            }));
    addEventFilter(KeyEvent.KEY_PRESSED, this::key);
  }

  private static boolean breaksLine(int c) {
    return c == '\n' || c == '\r' || c == '\t';
  }

  private void key(KeyEvent e) {
    if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown() && !e.isAltDown()) {
      e.consume();
      commit.run();
    } else if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
      // A text area's Tab types a tab; its Ctrl+Tab (with Shift: backwards) moves on.
      e.consume();
      fireEvent(
          new KeyEvent(
              e.getSource(),
              e.getTarget(),
              e.getEventType(),
              e.getCharacter(),
              e.getText(),
              e.getCode(),
              e.isShiftDown(),
              true,
              e.isAltDown(),
              e.isMetaDown()));
    } else if (e.getCode() == KeyCode.ESCAPE && !e.isShortcutDown()) {
      String title = stored.get();
      if (title != null && !title.equals(getText())) {
        e.consume();
        // As an edit, so that Undo brings back what was typed.
        replaceText(0, getLength(), title);
        positionCaret(getLength());
      }
    }
  }

  /** Lays the title out, then takes the height its wrapped text needs (up to the most lines). */
  @Override
  protected void layoutChildren() {
    super.layoutChildren();
    double height = heightNeeded();
    if (height > 0 && Math.abs(height - getPrefHeight()) > 0.5 && !resizing) {
      // After this layout pass: a size set during the parent's pass is not laid out until the
      // next change (a short title stood at the text area's own, taller, height).
      resizing = true;
      javafx.application.Platform.runLater(
          () -> {
            resizing = false;
            double now = heightNeeded();
            if (now > 0) {
              setMinHeight(now);
              setPrefHeight(now);
            }
          });
    }
  }

  /** Whether a new height is on its way (see {@link #layoutChildren}). */
  private boolean resizing;

  /**
   * The field's height for its text wrapped as the skin wraps it (to its content's width): its
   * lines, at most {@link #MOST_LINES}, plus the paddings; 0 before it is skinned and laid out. Not
   * from the row count: the skin's line height is the font's leading, higher than a text field's
   * line, and one line of title would stand taller than the fields under it.
   */
  double heightNeeded() {
    if (!(lookup(".content") instanceof Region content)) {
      return 0;
    }
    double wrap = content.getWidth() - content.snappedLeftInset() - content.snappedRightInset();
    if (wrap <= 0) {
      return 0;
    }
    Text one = new Text("X");
    one.setFont(getFont());
    double line = one.getLayoutBounds().getHeight();
    double[] lines = lineEdges(wrap);
    double all = lines[lines.length - 1] - lines[0];
    int most = mostLines(line);
    // Where the line after the most shown starts, not most * line: wrapped lines stand further
    // apart than one line is high where a glyph comes from a fallback font (a line 22 px high,
    // eight lines 192 px, here), and the box showed its last line cut or the next one's top.
    boolean fits = lines.length - 1 <= most;
    double mostHigh = fits ? all : lines[most] - lines[0];
    if (lookup(".scroll-pane") instanceof javafx.scene.control.ScrollPane own) {
      // A title that fits shows no scroll bar (rounding left one beside a one-line title).
      own.setVbarPolicy(
          fits
              ? javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER
              : javafx.scene.control.ScrollPane.ScrollBarPolicy.AS_NEEDED);
    }
    double shown = mostHigh;
    return Math.ceil(
        shown
            + content.snappedTopInset()
            + content.snappedBottomInset()
            + snappedTopInset()
            + snappedBottomInset());
  }

  /**
   * Where the lines of the title start, wrapped to {@code wrap} as the skin wraps them, and where
   * the last ends: one more edge than lines.
   */
  private double[] lineEdges(double wrap) {
    String title = getText() == null || getText().isEmpty() ? "X" : getText();
    Text text = new Text(title);
    text.setFont(getFont());
    text.setWrappingWidth(wrap);
    java.util.TreeSet<Double> edges = new java.util.TreeSet<>();
    for (javafx.scene.shape.PathElement e : text.rangeShape(0, title.length())) {
      double y =
          e instanceof javafx.scene.shape.MoveTo m
              ? m.getY()
              : e instanceof javafx.scene.shape.LineTo l ? l.getY() : Double.NaN;
      if (!Double.isNaN(y)) {
        Double near = edges.floor(y + 0.5);
        if (near == null || y - near > 0.5) {
          edges.add(y);
        }
      }
    }
    if (edges.size() < 2) {
      return new double[] {0, text.getLayoutBounds().getHeight()};
    }
    return edges.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** The height of the title's first {@code lines} lines as the field wraps it (for tests). */
  double linesHeight(int lines) {
    Region content = (Region) lookup(".content");
    double[] edges =
        lineEdges(content.getWidth() - content.snappedLeftInset() - content.snappedRightInset());
    return edges[Math.min(lines, edges.length - 1)] - edges[0];
  }

  /**
   * The most lines the title takes now: {@link #MOST_LINES}, or as many as half of what the
   * details' scroll pane shows holds when that is fewer; at least one.
   */
  private int mostLines(double line) {
    javafx.scene.control.ScrollPane around = scrollPaneAround();
    double room = around == null ? 0 : around.getViewportBounds().getHeight();
    if (room <= 0) {
      return MOST_LINES;
    }
    return (int) Math.max(1, Math.min(MOST_LINES, Math.floor(room / 2 / line)));
  }

  /** The scroll pane the field is in (not its own), watched so a new height lays it out again. */
  private javafx.scene.control.ScrollPane scrollPaneAround() {
    for (javafx.scene.Parent p = getParent(); p != null; p = p.getParent()) {
      if (p instanceof javafx.scene.control.ScrollPane pane) {
        if (watched != pane) {
          watched = pane;
          pane.viewportBoundsProperty().addListener((o, was, now) -> requestLayout());
        }
        return pane;
      }
    }
    return null;
  }

  /** The scroll pane around whose height is watched. */
  private javafx.scene.control.ScrollPane watched;

  /** Whether the whole title shows, nothing scrolled out of sight (for tests). */
  boolean showsAll() {
    Node content = lookup(".content");
    return lookup(".scroll-pane") instanceof javafx.scene.control.ScrollPane pane
        && content instanceof Region region
        && region.prefHeight(-1) <= pane.getViewportBounds().getHeight() + 0.5;
  }
}
