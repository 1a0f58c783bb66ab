package dev.talkbook.ui.common;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.control.skin.VirtualFlow;

/**
 * Keeps a tree's row in view without moving a row that is in view already. {@link #reveal} scrolls
 * to a row once the tree has been laid out at its size, and a change of the tree's height keeps the
 * selected row in view if it was, else the rows where they were: the first one seen stays first
 * (the tree keeps its scroll as a fraction, so that a navigator made taller when the outline under
 * it went, a talk deleted, moved its rows four down and the place read was lost).
 *
 * <p>A tree's scroll position is a fraction of its rows, not a row: a row scrolled to before the
 * tree's first layout (at start, the window's first frame built with the last talk selected), or
 * before the tree's height changed (the outline placed under it once the talk shows), ended up
 * elsewhere, and with 200 talks the selected one out of view.
 *
 * @param <T> the tree's items
 */
public final class RowInView<T> {
  /** Rows kept above a row scrolled to, so that it is not the first one seen. */
  private static final int ROWS_ABOVE = 3;

  private final TreeView<T> tree;
  private final Runnable afterLayout = this::afterLayout;

  /** The row to bring into view after the next layout at a size, or null. */
  private TreeItem<T> pending;

  /**
   * The row seen first before the tree's height changed, to keep first after the next layout at a
   * size (-1: none), and how much of it was hidden above, px.
   */
  private int keptTop = -1;

  private double keptHidden;

  public RowInView(TreeView<T> tree) {
    this.tree = tree;
    tree.heightProperty()
        .addListener(
            (obs, old, height) -> {
              // Called as the tree is resized, its rows still where the old height had them.
              TreeItem<T> selected = tree.getSelectionModel().getSelectedItem();
              if (pending != null || old.doubleValue() <= 0) {
                return;
              }
              if (selected != null && inView(tree.getRow(selected))) {
                pending = selected;
              } else if (keptTop < 0 && flow() != null && flow().getFirstVisibleCell() != null) {
                keptTop = flow().getFirstVisibleCell().getIndex();
                keptHidden = hiddenOfFirstRow();
              }
            });
    tree.sceneProperty()
        .addListener(
            (obs, old, scene) -> {
              if (old != null) {
                old.removePostLayoutPulseListener(afterLayout);
              }
              if (scene != null) {
                scene.addPostLayoutPulseListener(afterLayout);
              }
            });
    Scene scene = tree.getScene();
    if (scene != null) {
      scene.addPostLayoutPulseListener(afterLayout);
    }
  }

  /**
   * Brings {@code item}'s row into view, a few rows below the top, unless it is in view already:
   * after the tree's next layout at a size, before that frame is drawn.
   */
  public void reveal(TreeItem<T> item) {
    pending = item;
    tree.requestLayout();
  }

  /** After a layout pass (before the frame is drawn): scrolls to the pending row if it needs it. */
  private void afterLayout() {
    if (pending == null && keptTop < 0
        || flow() == null
        || tree.getHeight() <= 0
        || tree.isNeedsLayout()) {
      return; // nothing to do, or not laid out at a size yet: after a later pass
    }
    if (pending == null) {
      keepTop();
      return;
    }
    keptTop = -1;
    int row = tree.getRow(pending);
    pending = null;
    if (row >= 0 && !inView(row)) {
      tree.scrollTo(Math.max(0, row - ROWS_ABOVE));
      tree.layout(); // drawn where it is now in this frame, not a frame later
      firstRowWhole(row);
    }
  }

  /** Scrolls back to the row seen first before the height changed, as much of it hidden. */
  private void keepTop() {
    int top = Math.min(keptTop, tree.getExpandedItemCount() - 1);
    keptTop = -1;
    if (top < 0) {
      return;
    }
    VirtualFlow<?> flow = flow();
    IndexedCell<?> first = flow.getFirstVisibleCell();
    if (first != null && first.getIndex() == top && Math.abs(hiddenOfFirstRow() - keptHidden) < 1) {
      return; // where it was
    }
    tree.scrollTo(top);
    tree.layout();
    if (keptHidden > 0.5) {
      flow.scrollPixels(keptHidden);
      tree.layout();
    }
  }

  /**
   * After a scroll to a row near the end, which the tree stops at its last row: the first row in
   * view was cut at the top (an event's title half hidden). Scrolls back by that part when {@code
   * row} stays wholly in view, so the cut row is the last one, where a list goes on.
   */
  private void firstRowWhole(int row) {
    double cut = hiddenOfFirstRow();
    if (cut <= 0.5) {
      return;
    }
    VirtualFlow<?> flow = flow();
    double moved = flow.scrollPixels(-cut);
    tree.layout();
    if (!inView(row)) {
      flow.scrollPixels(-moved);
      tree.layout();
    }
  }

  /** How much of the first row seen is hidden above the viewport (0 if none, as last laid out). */
  private double hiddenOfFirstRow() {
    VirtualFlow<?> flow = flow();
    IndexedCell<?> first = flow == null ? null : flow.getFirstVisibleCell();
    Node viewport = flow == null ? null : flow.lookup(".clipped-container");
    if (first == null || viewport == null) {
      return 0;
    }
    double top = viewport.localToScene(viewport.getLayoutBounds()).getMinY();
    // the flow's first cell may lie wholly above the viewport
    for (int i = first.getIndex(); flow.getVisibleCell(i) != null; i++) {
      Bounds at = flow.getVisibleCell(i).localToScene(flow.getVisibleCell(i).getLayoutBounds());
      if (at.getMaxY() > top + 0.5) {
        return Math.max(0, top - at.getMinY());
      }
    }
    return 0;
  }

  /** Whether row {@code row} is wholly in the tree's viewport (as last laid out). */
  private boolean inView(int row) {
    VirtualFlow<?> flow = flow();
    if (row < 0 || flow == null) {
      return false;
    }
    IndexedCell<?> cell = flow.getVisibleCell(row);
    Node viewport = flow.lookup(".clipped-container");
    if (cell == null || !cell.isVisible() || viewport == null) {
      return false;
    }
    Bounds shown = viewport.localToScene(viewport.getLayoutBounds());
    Bounds at = cell.localToScene(cell.getLayoutBounds());
    return at.getMinY() >= shown.getMinY() - 0.5 && at.getMaxY() <= shown.getMaxY() + 0.5;
  }

  private VirtualFlow<?> flow() {
    return tree.lookup(".virtual-flow") instanceof VirtualFlow<?> flow ? flow : null;
  }
}
