package dev.talkbook.ui.outline;

import dev.talkbook.core.markdown.Outline;
import dev.talkbook.ui.common.PaneHeader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;

/**
 * The open note's outline beside the editor: its headings as a tree (and, when "Bullets" is on, the
 * top-level list items under them). A click or Enter jumps the editor and the preview to the entry;
 * the entry for the caret's section is selected; branches collapse and expand (and stay so while
 * the note is edited). The outline itself is built off the FX thread with the preview's render;
 * this view only shows it.
 */
public final class OutlineView {
  private final BorderPane root = new BorderPane();
  private final TreeView<Outline.Entry> tree = new TreeView<>();
  private final TreeItem<Outline.Entry> top = new TreeItem<>();
  private final BooleanProperty withBullets = new SimpleBooleanProperty(false);
  private final Label none = new Label("No headings yet. Start a line with # to add one.");
  private final Set<String> collapsed = new HashSet<>();
  private IntConsumer jump = line -> {};
  private Runnable leave = () -> {};
  private Outline outline = Outline.EMPTY;
  private int caretLine;
  private boolean selecting;

  public OutlineView() {
    tree.setId("outline");
    tree.setRoot(top);
    tree.setShowRoot(false);
    tree.setCellFactory(t -> new EntryCell());
    tree.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            jumpToSelected();
            e.consume();
          } else if (e.getCode() == KeyCode.ESCAPE) {
            leave.run();
            e.consume();
          }
        });
    none.getStyleClass().add("tb-muted");
    none.setWrapText(true);
    none.setPadding(new Insets(8, 10, 8, 10));
    root.setTop(header());
    root.setCenter(none);
    root.getStyleClass().add("tb-outline");
    root.getStylesheets().add(OutlineView.class.getResource("outline.css").toExternalForm());
    withBullets.addListener((obs, old, on) -> rebuild());
  }

  public Region root() {
    return root;
  }

  public TreeView<Outline.Entry> tree() {
    return tree;
  }

  /** Whether top-level list items are shown under the headings. */
  public BooleanProperty withBulletsProperty() {
    return withBullets;
  }

  /** Called with an entry's first line (0-based) when the user picks it. */
  public void onJump(IntConsumer action) {
    jump = action;
  }

  /** Called on Esc in the outline: back to the notes, the caret where it was. */
  public void onLeave(Runnable action) {
    leave = action;
  }

  /** Shows this outline, keeping collapsed branches collapsed and the caret's entry selected. */
  public void show(Outline next) {
    if (next.equals(outline)) {
      return;
    }
    // Only words changed (typing in a heading or a top item): the tree's items are kept and given
    // the new entries, which is far cheaper than making thousands of items again on every key.
    // The collapsed branches are known by their words, so with some collapsed only when the words
    // are the same.
    boolean sameShape =
        shape(next, false).equals(shape(outline, false))
            && (collapsed.isEmpty() || shape(next, true).equals(shape(outline, true)));
    outline = next;
    if (sameShape && !top.getChildren().isEmpty()) {
      refill(top, entries(next.entries()));
    } else {
      rebuild();
    }
    showCaret(caretLine);
  }

  /** Selects the entry whose section holds the caret's line. */
  public void showCaret(int line) {
    caretLine = line;
    Optional<Outline.Entry> at = outline.at(line, withBullets.get());
    TreeItem<Outline.Entry> item = at.map(this::find).orElse(null);
    while (item != null && item.getParent() != null && !visible(item)) {
      item = item.getParent();
    }
    selecting = true;
    try {
      if (item == null || item == top) {
        tree.getSelectionModel().clearSelection();
      } else if (tree.getSelectionModel().getSelectedItem() != item) {
        tree.getSelectionModel().select(item);
        int row = tree.getRow(item);
        if (row >= 0) {
          tree.scrollTo(Math.max(0, row - 3));
        }
      }
    } finally {
      selecting = false;
    }
  }

  public void expandAll(boolean expand) {
    collapsed.clear();
    walk(top, item -> item.setExpanded(expand));
    if (!expand) {
      walk(top, item -> collapsed.add(key(item)));
    }
  }

  // ---- building -----------------------------------------------------------------------------

  private List<Outline.Entry> entries(List<Outline.Entry> all) {
    List<Outline.Entry> out = new ArrayList<>();
    for (Outline.Entry e : all) {
      if (e.kind() == Outline.Kind.HEADING || (withBullets.get() && e.level() == 1)) {
        out.add(e);
      }
    }
    return out;
  }

  private void rebuild() {
    top.getChildren().setAll(items(entries(outline.entries())));
    boolean empty = top.getChildren().isEmpty();
    root.setCenter(empty ? none : tree);
    showCaret(caretLine);
  }

  private List<TreeItem<Outline.Entry>> items(List<Outline.Entry> entries) {
    List<TreeItem<Outline.Entry>> out = new ArrayList<>(entries.size());
    for (Outline.Entry e : entries) {
      TreeItem<Outline.Entry> item = new TreeItem<>(e);
      item.getChildren().setAll(items(entries(e.children())));
      out.add(item);
    }
    for (TreeItem<Outline.Entry> item : out) {
      item.setExpanded(!collapsed.contains(key(item)));
      item.expandedProperty()
          .addListener(
              (obs, was, open) -> {
                if (open) {
                  collapsed.remove(key(item));
                } else {
                  collapsed.add(key(item));
                }
              });
    }
    return out;
  }

  /** Same shape: new values (lines) into the existing items. */
  private void refill(TreeItem<Outline.Entry> parent, List<Outline.Entry> entries) {
    for (int i = 0; i < entries.size(); i++) {
      TreeItem<Outline.Entry> item = parent.getChildren().get(i);
      item.setValue(entries.get(i));
      refill(item, entries(entries.get(i).children()));
    }
  }

  /**
   * What the tree shows of an outline, without lines (and without words unless {@code withText}): a
   * change here rebuilds the tree.
   */
  private List<Object> shape(Outline o, boolean withText) {
    List<Object> out = new ArrayList<>();
    shape(entries(o.entries()), withText, out);
    return out;
  }

  private void shape(List<Outline.Entry> entries, boolean withText, List<Object> out) {
    out.add(entries.size());
    for (Outline.Entry e : entries) {
      out.add(e.kind());
      out.add(e.level());
      if (withText) {
        out.add(e.text());
      }
      shape(entries(e.children()), withText, out);
    }
  }

  private TreeItem<Outline.Entry> find(Outline.Entry entry) {
    TreeItem<Outline.Entry>[] found = cast(new TreeItem<?>[1]);
    walk(
        top,
        item -> {
          if (found[0] == null && item.getValue() == entry) {
            found[0] = item;
          }
        });
    return found[0];
  }

  @SuppressWarnings("unchecked")
  private static TreeItem<Outline.Entry>[] cast(TreeItem<?>[] array) {
    return (TreeItem<Outline.Entry>[]) array;
  }

  private static boolean visible(TreeItem<Outline.Entry> item) {
    for (TreeItem<Outline.Entry> p = item.getParent(); p != null; p = p.getParent()) {
      if (p.getParent() != null && !p.isExpanded()) {
        return false;
      }
    }
    return true;
  }

  private static void walk(
      TreeItem<Outline.Entry> item, java.util.function.Consumer<TreeItem<Outline.Entry>> action) {
    for (TreeItem<Outline.Entry> child : item.getChildren()) {
      action.accept(child);
      walk(child, action);
    }
  }

  private static String key(TreeItem<Outline.Entry> item) {
    StringBuilder out = new StringBuilder();
    for (TreeItem<Outline.Entry> i = item; i != null && i.getValue() != null; i = i.getParent()) {
      out.insert(0, i.getValue().text() + "\u0000");
    }
    return out.toString();
  }

  private void jumpToSelected() {
    TreeItem<Outline.Entry> item = tree.getSelectionModel().getSelectedItem();
    if (item != null && item.getValue() != null && !selecting) {
      jump.accept(item.getValue().firstLine());
    }
  }

  private HBox header() {
    ToggleButton bullets =
        PaneHeader.style(new ToggleButton(), Feather.LIST, "Show top-level bullets");
    bullets.setId("outline-bullets");
    bullets.selectedProperty().bindBidirectional(withBullets);
    Button expand = PaneHeader.tool(Feather.CHEVRONS_DOWN, "Expand all", () -> expandAll(true));
    Button collapse = PaneHeader.tool(Feather.CHEVRONS_UP, "Collapse all", () -> expandAll(false));
    return PaneHeader.of("Outline", bullets, expand, collapse);
  }

  private final class EntryCell extends TreeCell<Outline.Entry> {
    EntryCell() {
      // As wide as the panel, never wider: long entries end in "…" rather than scrolling sideways.
      setPrefWidth(1);
      setOnMouseClicked(
          e -> {
            if (e.getButton() == MouseButton.PRIMARY && !isEmpty() && getItem() != null) {
              jump.accept(getItem().firstLine());
            }
          });
    }

    @Override
    protected void updateItem(Outline.Entry entry, boolean empty) {
      super.updateItem(entry, empty);
      getStyleClass().removeAll("tb-outline-heading", "tb-outline-item");
      if (empty || entry == null) {
        setText(null);
        return;
      }
      setText(entry.text().isEmpty() ? "(untitled)" : entry.text());
      getStyleClass()
          .add(entry.kind() == Outline.Kind.HEADING ? "tb-outline-heading" : "tb-outline-item");
    }
  }
}
