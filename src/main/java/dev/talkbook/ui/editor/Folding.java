package dev.talkbook.ui.editor;

import dev.talkbook.core.common.Counts;
import dev.talkbook.ui.common.HangingIndent;
import dev.talkbook.ui.common.Icons;
import dev.talkbook.ui.common.Keys;
import dev.talkbook.ui.common.Tips;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.TwoDimensional.Bias;
import org.kordamp.ikonli.feather.Feather;

/**
 * Folds in the notes editor, with RichTextFX's paragraph folding: the folded lines stay in the text
 * (saved, searched, copied) and are only hidden. A fold is the line before a run of hidden lines;
 * the gutter shows a chevron there (click it, or Ctrl+. on the line, to unfold).
 *
 * <p>The gutter also shows a list item's prefix when it is kept out of the text's flow ({@link
 * HangingIndent}).
 *
 * <p>Edits never lose text into a fold: an edit that lands in hidden lines (Backspace at the start
 * of the line after a fold, a replace-all) opens that fold, and so does one that joins a hidden
 * line to the fold's line (Delete at its end). The caret never rests in a hidden line: it steps
 * over a fold (Down from the fold's line goes to the line after the fold, Up from there to the
 * fold's line), and a hidden line draws nothing, not even its line number or bullet.
 */
public final class Folding {
  static final String GUTTER = "tb-fold-gutter";
  static final String MARKER = "tb-fold-marker";
  static final String LINE_NUMBER = "tb-lineno";

  private final CodeArea area;
  private boolean lineNumbers;
  private boolean repairQueued;
  private boolean quiet;

  /** While a fold is made or opened here: the caret passes through lines on the way. */
  private boolean adjusting;

  /** The lines the edits since the last repair touched (in their text after the edit). */
  private int repairFrom = Integer.MAX_VALUE;

  private int repairTo = -1;

  /** Whether one of those edits joined lines (removed a line break). */
  private boolean joined;

  Folding(CodeArea area) {
    this.area = area;
    updateGutter();
    area.plainTextChanges()
        .subscribe(
            change -> {
              if (quiet) {
                return;
              }
              int at = Math.min(change.getPosition(), area.getLength());
              int end = Math.min(change.getInsertionEnd(), area.getLength());
              repairFrom = Math.min(repairFrom, paragraphAt(at));
              repairTo = Math.max(repairTo, paragraphAt(end));
              joined |= change.getRemoved().indexOf('\n') >= 0;
              if (!repairQueued) {
                repairQueued = true;
                Platform.runLater(this::repair);
              }
            });
    // RichTextFX steps over folded lines too, but only when their line on screen is styled
    // already, and never into the last line: Ctrl+End, or a click below a fold at the end, left the
    // caret in a hidden line, and what was typed there went out of sight.
    area.currentParagraphProperty()
        .addListener(
            (obs, old, now) -> {
              // An edit's caret is seen to by the repair after it (Backspace into a fold opens it).
              if (!quiet && !adjusting && !repairQueued) {
                showCaret(old);
              }
            });
  }

  /** Runs an edit that keeps its folds itself ({@link #restore}): no repair for it. */
  void quietly(Runnable edit) {
    quiet = true;
    try {
      edit.run();
    } finally {
      quiet = false;
    }
  }

  /** Shows line numbers before the fold gutter, or not. */
  void setLineNumbers(boolean show) {
    lineNumbers = show;
    updateGutter();
  }

  private void updateGutter() {
    IntFunction<Node> numbers = lineNumbers ? this::lineNumber : null;
    area.setParagraphGraphicFactory(
        p -> {
          if (area.isFolded(p)) {
            // A hidden line is laid out zero high, but its graphic would still be drawn, spilling
            // over the line after the fold: its number and bullet there made a ghost row.
            return null;
          }
          StackPane gutter = new StackPane();
          gutter.getStyleClass().add(GUTTER);
          if (isFolded(p)) {
            int hidden = hiddenAfter(p);
            Label marker = new Label(null, Icons.of(Feather.CHEVRON_RIGHT));
            marker.getStyleClass().add(MARKER);
            marker.setTooltip(
                Tips.tooltip(
                    Counts.of(hidden, "line") + " folded (" + Keys.shown("Shortcut+Period") + ")"));
            marker.setAccessibleText("Folded, " + Counts.of(hidden, "line"));
            marker.setOnMouseClicked(
                e -> {
                  unfold(p);
                  e.consume();
                });
            gutter.getChildren().add(marker);
          }
          Node prefix = HangingIndent.graphic(area, p);
          if (numbers == null && prefix == null) {
            return gutter;
          }
          HBox row = new HBox();
          if (numbers != null) {
            row.getChildren().add(numbers.apply(p));
          }
          row.getChildren().add(gutter);
          if (prefix != null) {
            row.getChildren().add(prefix);
          }
          return row;
        });
  }

  /**
   * A line number (RichTextFX's own factory would add a second fold sign). The area makes a new one
   * whenever a paragraph's index changes, so it stays right.
   */
  private Node lineNumber(int p) {
    int digits = Math.max(2, String.valueOf(area.getParagraphs().size()).length());
    Label number = new Label(Integer.toString(p + 1));
    number.getStyleClass().addAll("lineno", LINE_NUMBER);
    number.setMinWidth(10 + digits * 8);
    number.setMaxWidth(Double.MAX_VALUE);
    number.setAlignment(javafx.geometry.Pos.TOP_RIGHT);
    return number;
  }

  /** Whether paragraph {@code p} is shown with hidden lines after it. */
  public boolean isFolded(int p) {
    int count = area.getParagraphs().size();
    return p >= 0 && p + 1 < count && !area.isFolded(p) && area.isFolded(p + 1);
  }

  /** How many hidden lines follow paragraph {@code p}. */
  int hiddenAfter(int p) {
    int count = area.getParagraphs().size();
    int n = 0;
    while (p + 1 + n < count && area.isFolded(p + 1 + n)) {
      n++;
    }
    return n;
  }

  /** Hides paragraphs {@code header + 1} to {@code last}; the selection stays where it was. */
  void fold(int header, int last) {
    keepingSelection(
        () -> {
          area.foldParagraphs(header, last);
          area.recreateParagraphGraphic(header);
        });
  }

  /** Shows the lines hidden after {@code header}. */
  void unfold(int header) {
    keepingSelection(
        () -> {
          area.unfoldParagraphs(header);
          area.recreateParagraphGraphic(header);
        });
  }

  /** Folds {@code header} so that it hides up to {@code last}, whatever it hid before. */
  void refold(int header, int last) {
    if (isFolded(header)) {
      unfold(header);
    }
    fold(header, last);
  }

  /** Runs {@code change} to the folds (RichTextFX moves the caret), then selects as before. */
  private void keepingSelection(Runnable change) {
    int anchor = area.getAnchor();
    int caret = area.getCaretPosition();
    adjusting = true;
    try {
      change.run();
      area.selectRange(anchor, caret);
    } finally {
      adjusting = false;
    }
  }

  /** The line whose fold hides line {@code p} (or {@code p} if it is shown). */
  private int headerOf(int p) {
    int header = p;
    while (header > 0 && area.isFolded(header)) {
      header--;
    }
    return header;
  }

  /**
   * Moves the caret out of hidden lines, having come from line {@code from}: from the fold's line
   * (Down) to the first line after the fold, or where there is none (the fold reaches the end) to
   * the end of the fold's line; from elsewhere (Up from below, a jump) to the fold's line. A
   * selection goes along, except one that runs to the end of the text (Select all).
   */
  private void showCaret(int from) {
    int p = area.getCurrentParagraph();
    if (!area.isFolded(p)) {
      return;
    }
    int header = headerOf(p);
    int after = header + hiddenAfter(header) + 1;
    boolean atEnd = after >= area.getParagraphs().size();
    boolean down = from <= header;
    boolean selecting = area.getAnchor() != area.getCaretPosition();
    int line;
    int column;
    if (down && atEnd) {
      if (selecting) {
        return;
      }
      line = header;
      column = area.getParagraphLength(header);
    } else {
      line = down && from == header ? after : header;
      column = Math.min(area.getCaretColumn(), area.getParagraphLength(line));
    }
    int to = area.getAbsolutePosition(line, column);
    if (selecting) {
      area.selectRange(area.getAnchor(), to);
    } else {
      area.moveTo(to);
    }
    area.requestFollowCaret();
  }

  /** A fold: its line, and how many lines it hides. */
  record Fold(int header, int hidden) {}

  /** The folds that hide or start on a line of {@code [first, last]}. */
  List<Fold> around(int first, int last) {
    List<Fold> folds = new ArrayList<>();
    int p = first;
    while (p > 0 && area.isFolded(p)) {
      p--;
    }
    int count = area.getParagraphs().size();
    while (p <= last && p < count) {
      if (isFolded(p)) {
        int hidden = hiddenAfter(p);
        folds.add(new Fold(p, hidden));
        p += hidden + 1;
      } else {
        p++;
      }
    }
    return folds;
  }

  /**
   * After an edit replaced lines: shows every line of {@code [first, last]} (new lines), then folds
   * again the folds that were there, at the lines they moved to.
   */
  void restore(List<Fold> folds, IntUnaryOperator newLine, int first, int last) {
    int count = area.getParagraphs().size();
    for (int p = Math.max(0, first); p <= last && p < count; p++) {
      if (area.isFolded(p)) {
        unfold(headerOf(p));
      }
    }
    for (Fold f : folds) {
      int header = newLine.applyAsInt(f.header());
      if (header >= 0 && header + f.hidden() < area.getParagraphs().size()) {
        refold(header, header + f.hidden());
      }
    }
  }

  /**
   * Opens folds whose hidden lines were edited (text typed or merged into them must not vanish), a
   * fold whose line took in hidden text (Delete at the end of a folded line joins the first hidden
   * line to it), and a hidden run at the very start that has no line to show its marker. Then the
   * caret, if an edit left it in a hidden line, is moved out.
   */
  private void repair() {
    repairQueued = false;
    int from = repairFrom;
    int to = repairTo;
    boolean join = joined;
    repairFrom = Integer.MAX_VALUE;
    repairTo = -1;
    joined = false;
    int count = area.getParagraphs().size();
    if (count > 0 && area.isFolded(0)) {
      showFrom(0);
    }
    // Text put into a hidden line starts there (the lines it brings take that line's style);
    // lines an edit joined meet where its text ends.
    for (int edited : new int[] {from, to}) {
      int p = Math.min(edited, count - 1);
      if (p < 0) {
        continue;
      }
      if (area.isFolded(p)) {
        unfold(headerOf(p));
      } else if (join && isFolded(p)) {
        unfold(p);
      }
    }
    showCaret(area.getCurrentParagraph());
  }

  /** Shows hidden paragraphs from {@code p} on (a run with no line before it). */
  private void showFrom(int p) {
    int count = area.getParagraphs().size();
    for (int i = p; i < count && area.isFolded(i); i++) {
      List<String> style = new ArrayList<>(area.getParagraph(i).getParagraphStyle());
      style.remove("collapse");
      area.setParagraphStyle(i, style);
    }
  }

  private int paragraphAt(int offset) {
    return area.offsetToPosition(offset, Bias.Forward).getMajor();
  }
}
