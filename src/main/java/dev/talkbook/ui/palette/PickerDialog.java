package dev.talkbook.ui.palette;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * A keyboard-first chooser: type to filter, arrows to move, Enter to take, Esc to leave. Used by
 * the quick switcher (talks) and the command palette (actions with their shortcuts).
 */
public final class PickerDialog<T> extends Dialog<T> {
  final TextField filter = new TextField();
  final ListView<T> list = new ListView<>();

  private PickerDialog(
      Window owner,
      String title,
      String prompt,
      List<T> items,
      Function<T, String> primary,
      Function<T, String> secondary) {
    initOwner(owner);
    setTitle(title);
    setHeaderText(null);
    filter.setId("picker-filter");
    filter.setPromptText(prompt);
    list.setId("picker-list");
    FilteredList<T> shown = new FilteredList<>(FXCollections.observableArrayList(items));
    list.setItems(shown);
    list.setPrefSize(520, 340);
    list.setPlaceholder(new Label("Nothing matches."));
    list.setCellFactory(
        view ->
            new ListCell<>() {
              @Override
              protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                  setGraphic(null);
                  setText(null);
                  return;
                }
                Label main = new Label(primary.apply(item));
                Label side = new Label(secondary.apply(item));
                side.getStyleClass().add("tb-muted");
                Region gap = new Region();
                HBox.setHgrow(gap, Priority.ALWAYS);
                main.setMinWidth(0);
                side.setMinWidth(Region.USE_PREF_SIZE);
                HBox row = new HBox(12, main, gap, side);
                row.setAlignment(Pos.CENTER_LEFT);
                setGraphic(row);
                setText(null);
              }
            });
    filter
        .textProperty()
        .addListener(
            (obs, old, text) -> {
              String needle = text.strip().toLowerCase(Locale.ROOT);
              shown.setPredicate(
                  item ->
                      needle.isEmpty()
                          || (primary.apply(item) + " " + secondary.apply(item))
                              .toLowerCase(Locale.ROOT)
                              .contains(needle));
              list.getSelectionModel().selectFirst();
            });
    list.getSelectionModel().selectFirst();
    filter.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.DOWN) {
            list.getSelectionModel().selectNext();
            list.scrollTo(list.getSelectionModel().getSelectedIndex());
            e.consume();
          } else if (e.getCode() == KeyCode.UP) {
            list.getSelectionModel().selectPrevious();
            list.scrollTo(list.getSelectionModel().getSelectedIndex());
            e.consume();
          }
        });
    list.setOnMouseClicked(
        e -> {
          if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
            setResult(list.getSelectionModel().getSelectedItem());
            close();
          }
        });
    VBox box = new VBox(8, filter, list);
    box.setPadding(new Insets(10));
    getDialogPane().setContent(box);
    getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    getDialogPane()
        .lookupButton(ButtonType.OK)
        .disableProperty()
        .bind(list.getSelectionModel().selectedItemProperty().isNull());
    setResultConverter(
        button -> button == ButtonType.OK ? list.getSelectionModel().getSelectedItem() : null);
    Platform.runLater(filter::requestFocus);
  }

  /** Shows the chooser and returns what the user took. */
  public static <T> Optional<T> pick(
      Window owner,
      String title,
      String prompt,
      List<T> items,
      Function<T, String> primary,
      Function<T, String> secondary) {
    return new PickerDialog<>(owner, title, prompt, items, primary, secondary).showAndWait();
  }
}
