package dev.talkbook.ui.help;

import dev.talkbook.ui.common.Keys;
import dev.talkbook.ui.common.Theme;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * Help → Keyboard shortcuts: every menu item that has a key, under its menu's name, read from the
 * menus themselves by the window (so the list is never out of date), with a field that narrows it
 * as you type.
 */
public final class ShortcutsDialog extends Dialog<Void> {
  /**
   * One shortcut: where it is ("Edit", "File › Open recent"), what it does, its key, and more words
   * that find it ("font" finds the zoom items).
   */
  public record Shortcut(String menu, String action, String key, String words) {}

  final TextField filter = new TextField();
  final GridPane grid = new GridPane();
  final Label none = new Label("No shortcut matches.");
  private final List<Shortcut> all;

  /** {@code shortcuts}: the menus' keys, in menu order (the window reads them from its menus). */
  public ShortcutsDialog(Window owner, List<Shortcut> shortcuts) {
    this.all = List.copyOf(shortcuts);
    initOwner(owner);
    initModality(Modality.NONE);
    Theme.dress(getDialogPane(), owner);
    setTitle("Keyboard shortcuts");
    setHeaderText(null);
    setResizable(true);
    getDialogPane().setId("shortcuts");
    filter.setId("shortcuts-filter");
    filter.setAccessibleText("Find a shortcut");
    filter.setPromptText("Type to find a shortcut: zoom, talk, " + Keys.shown("Shortcut+Shift+P"));
    filter.textProperty().addListener((obs, was, now) -> show(now));
    grid.setId("shortcuts-list");
    grid.setHgap(24);
    grid.setVgap(4);
    grid.setPadding(new Insets(4, 12, 12, 4));
    ColumnConstraints action = new ColumnConstraints();
    action.setHgrow(Priority.ALWAYS);
    ColumnConstraints key = new ColumnConstraints();
    key.setHalignment(HPos.RIGHT);
    grid.getColumnConstraints().setAll(action, key);
    none.getStyleClass().add("tb-muted");
    none.setId("shortcuts-none");
    ScrollPane scroll = new ScrollPane(grid);
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add("edge-to-edge");
    Label tip =
        new Label(
            "Every command, with a key or without, is in the command palette ("
                + javafx.scene.input.KeyCombination.keyCombination("Shortcut+Shift+P")
                    .getDisplayText()
                + ").");
    tip.getStyleClass().add("tb-muted");
    tip.setWrapText(true);
    tip.setMinHeight(Label.USE_PREF_SIZE);
    VBox box = new VBox(10, filter, scroll, tip);
    VBox.setVgrow(scroll, Priority.ALWAYS);
    box.setPadding(new Insets(4));
    getDialogPane().setContent(box);
    getDialogPane().setPrefSize(560, 640);
    getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    show("");
    setOnShown(e -> filter.requestFocus());
  }

  /** The shortcuts whose menu, action or key holds every word of {@code query}. */
  static List<Shortcut> matching(List<Shortcut> shortcuts, String query) {
    String[] words = query.toLowerCase(Locale.ROOT).trim().split("\\s+");
    List<Shortcut> out = new ArrayList<>();
    for (Shortcut s : shortcuts) {
      String text =
          (s.menu() + " " + s.action() + " " + s.key() + " " + s.words()).toLowerCase(Locale.ROOT);
      boolean all = true;
      for (String w : words) {
        all &= w.isEmpty() || text.contains(w);
      }
      if (all) {
        out.add(s);
      }
    }
    return out;
  }

  private void show(String query) {
    grid.getChildren().clear();
    int row = 0;
    String menu = null;
    for (Shortcut s : matching(all, query)) {
      if (!s.menu().equals(menu)) {
        menu = s.menu();
        Label heading = new Label(menu);
        heading.getStyleClass().add("tb-shortcuts-menu");
        heading.setPadding(new Insets(row == 0 ? 0 : 10, 0, 2, 0));
        grid.add(heading, 0, row++, 2, 1);
      }
      Label action = new Label(s.action());
      action.setWrapText(true);
      Label key = new Label(s.key());
      key.getStyleClass().add("tb-shortcuts-key");
      key.setMinWidth(Label.USE_PREF_SIZE);
      grid.addRow(row++, action, key);
    }
    if (row == 0) {
      grid.add(none, 0, 0, 2, 1);
    }
  }
}
