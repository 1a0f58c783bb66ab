package dev.talkbook.ui.navigator;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.NotebookException;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Create or edit an event: title, dates, location, web page. */
final class EventDialog extends Dialog<Event.Details> {
  final TextField title = new TextField();
  final DatePicker start = new DatePicker();
  final DatePicker end = new DatePicker();
  final TextField location = new TextField();
  final TextField url = new TextField();
  private final Label problem = new Label();

  EventDialog(Window owner, Event.Details initial) {
    initOwner(owner);
    setTitle(initial == null ? "New event" : "Edit event");
    setHeaderText(null);
    title.setId("event-title");
    title.setPromptText("e.g. Devoxx 2026");
    url.setPromptText("https://…");
    location.setPromptText("City, venue");
    if (initial != null) {
      title.setText(initial.title());
      start.setValue(initial.startDate());
      end.setValue(initial.endDate());
      location.setText(initial.location());
      url.setText(initial.url());
    }
    start
        .valueProperty()
        .addListener(
            (obs, old, day) -> {
              if (day != null && (end.getValue() == null || end.getValue().isBefore(day))) {
                end.setValue(day);
              }
            });
    problem.getStyleClass().add("tb-problem");
    problem.setWrapText(true);
    GridPane grid = new GridPane();
    grid.setHgap(10);
    grid.setVgap(8);
    grid.setPadding(new Insets(12));
    grid.addRow(0, new Label("Title"), title);
    grid.addRow(1, new Label("From"), start);
    grid.addRow(2, new Label("To"), end);
    grid.addRow(3, new Label("Location"), location);
    grid.addRow(4, new Label("Web page"), url);
    grid.add(problem, 0, 5, 2, 1);
    title.setPrefColumnCount(28);
    getDialogPane().setContent(grid);
    ButtonType save =
        new ButtonType(initial == null ? "Create" : "Save", ButtonBar.ButtonData.OK_DONE);
    getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
    var saveButton = getDialogPane().lookupButton(save);
    saveButton.disableProperty().bind(title.textProperty().isEmpty());
    saveButton.addEventFilter(
        javafx.event.ActionEvent.ACTION,
        e -> {
          try {
            details();
          } catch (NotebookException ex) {
            problem.setText(ex.getMessage());
            e.consume();
          }
        });
    setResultConverter(button -> button == save ? details() : null);
    Platform.runLater(title::requestFocus);
  }

  private Event.Details details() {
    return new Event.Details(
        title.getText(), start.getValue(), end.getValue(), location.getText(), url.getText());
  }
}
