package dev.talkbook.ui.navigator;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.NotebookException;
import dev.talkbook.ui.common.FormDialogs;
import dev.talkbook.ui.common.TalkTime;
import dev.talkbook.ui.common.Theme;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Create or edit an event: title, dates, location, web page. Dates may be typed in ISO or the
 * locale's form (or picked from the calendar); the form is shown under them, and a date that cannot
 * be read is said there, in place, with Create held back until it is fixed. A header line says what
 * the dialog does, as the new talk's does ({@link NewTalkDialog}): without a window manager, or
 * where it draws no title, the form was otherwise a bare list of fields.
 */
final class EventDialog extends Dialog<Event.Details> {
  private final DateText dates = new DateText(Locale.getDefault(Locale.Category.FORMAT));

  /** Under the dates: the forms understood, or what is wrong with a date. */
  final Label dateHint = new Label();

  private final BooleanProperty datesValid = new SimpleBooleanProperty(true);
  final TextField title = new TextField();
  final DatePicker start = datePicker("event-start");
  final DatePicker end = datePicker("event-end");
  final TextField location = new TextField();
  final TextField url = new TextField();
  private final Label problem = FormDialogs.problemLine();

  EventDialog(Window owner, Event.Details initial) {
    initOwner(owner);
    Theme.dress(getDialogPane(), owner);
    setTitle(initial == null ? "New event" : "Edit event");
    setHeaderText(initial == null ? NavigatorView.NEW_EVENT_HEADER : "Edit " + initial.title());
    setGraphic(null); // a form, like the new talk's
    title.setId("event-title");
    title.setPromptText("e.g. Devoxx 2026");
    url.setPromptText("https://…");
    location.setPromptText("City, venue");
    if (initial != null) {
      title.setText(initial.title());
      start.setValue(initial.startDate());
      end.setValue(initial.endDate());
      start.getEditor().setText(DateText.format(initial.startDate()));
      end.getEditor().setText(DateText.format(initial.endDate()));
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
    dateHint.setId("event-date-hint");
    dateHint.setWrapText(true);
    // A long problem wraps under the dates, as wide as the fields, and shows whole: it widened the
    // dialog, and was itself cut with an ellipsis.
    dateHint.prefWidthProperty().bind(title.widthProperty());
    dateHint.setMinHeight(Region.USE_PREF_SIZE);
    checkDates(false);
    GridPane grid = new GridPane();
    grid.setHgap(10);
    grid.setVgap(8);
    grid.addRow(0, FormDialogs.labelFor("Title", title), title);
    grid.addRow(1, FormDialogs.labelFor("From", start), start);
    grid.addRow(2, FormDialogs.labelFor("To", end), end);
    grid.add(dateHint, 1, 3);
    grid.addRow(4, FormDialogs.labelFor("Location", location), location);
    grid.addRow(5, FormDialogs.labelFor("Web page", url), url);
    // Under the fields and as wide, like the dates' hint: across both columns it asked for its
    // whole length on one line, the dialog widened to the screen's edge and the line was still cut
    // ("…it must start with http:// or…"), the end that says what to type.
    problem.prefWidthProperty().bind(title.widthProperty());
    problem.setMinHeight(Region.USE_PREF_SIZE);
    grid.add(problem, 1, 6);
    title.setPrefColumnCount(28);
    getDialogPane().setContent(grid);
    // A refusal under the form, or a date's problem longer than the hint, grows the dialog.
    FormDialogs.fitTo(this, problem, dateHint);
    FormDialogs.actionAndCancel(
        this,
        initial == null ? "Create" : "Save",
        Bindings.or(title.textProperty().isEmpty(), datesValid.not()),
        this::details,
        problem::setText);
    Platform.runLater(title::requestFocus);
  }

  private Event.Details details() {
    return new Event.Details(
        title.getText(), typed(start), typed(end), location.getText(), url.getText());
  }

  /**
   * A date field: ISO shown, ISO or the locale's form read. A text that is not a date never throws
   * (the picker would report it as an unexpected error and drop the text): it keeps the value the
   * picker had, and stays in the field to be corrected.
   */
  private DatePicker datePicker(String id) {
    DatePicker picker = new DatePicker();
    picker.setId(id);
    picker.getEditor().setId(id + "-text");
    // The form the new talk's time shows too, lower case ("yyyy-mm-dd hh:mm (optional)").
    picker.setPromptText(TalkTime.DATE_PROMPT + TalkTime.OPTIONAL);
    picker.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(LocalDate date) {
            return DateText.format(date);
          }

          @Override
          public LocalDate fromString(String text) {
            if (text == null || text.isBlank()) {
              return null;
            }
            return dates.parse(text).orElse(picker.getValue());
          }
        });
    FormDialogs.selectWhenTabbedInto(picker, picker.getEditor());
    picker.getEditor().textProperty().addListener((obs, old, text) -> checkDates(false));
    picker
        .getEditor()
        .focusedProperty()
        .addListener(
            (obs, was, focused) -> {
              if (!focused) {
                checkDates(true);
              }
            });
    // Enter on a date that cannot be read says why instead of replacing the text (the picker
    // commits on the key's release).
    picker.addEventFilter(
        KeyEvent.ANY,
        e -> {
          if (e.getCode() == KeyCode.ENTER && !readable(picker)) {
            checkDates(true);
            e.consume();
          }
        });
    return picker;
  }

  private boolean readable(DatePicker picker) {
    String text = picker.getEditor().getText();
    return text == null || text.isBlank() || dates.parse(text).isPresent();
  }

  /** The date typed in the field (null when blank); only called when {@link #readable}. */
  private LocalDate typed(DatePicker picker) {
    String text = picker.getEditor().getText();
    if (text == null || text.isBlank()) {
      return null;
    }
    Optional<LocalDate> date = dates.parse(text);
    if (date.isEmpty()) {
      throw new NotebookException(dates.problem(text));
    }
    return date.get();
  }

  /**
   * Marks fields whose text is not a date and holds Create back; the message under the dates is
   * shown when {@code tell} (the field was left or Enter pressed), and goes as soon as the text is
   * right, so typing is not interrupted by complaints about a half-written date.
   */
  private void checkDates(boolean tell) {
    if (start == null || end == null) {
      return; // still being built
    }
    DatePicker bad = null;
    for (DatePicker picker : new DatePicker[] {start, end}) {
      boolean ok = readable(picker);
      picker.pseudoClassStateChanged(FormDialogs.INVALID, !ok);
      picker.getEditor().pseudoClassStateChanged(FormDialogs.INVALID, !ok);
      if (!ok && bad == null) {
        bad = picker;
      }
    }
    datesValid.set(bad == null);
    if (bad == null) {
      showHint("Dates as " + dates.examples() + ".", false);
    } else if (tell || dateHint.getStyleClass().contains("tb-problem")) {
      showHint(dates.problem(bad.getEditor().getText()), true);
    }
  }

  private void showHint(String text, boolean isProblem) {
    dateHint.setText(text);
    dateHint.getStyleClass().removeAll("tb-problem", "tb-muted");
    dateHint.getStyleClass().add(isProblem ? "tb-problem" : "tb-muted");
  }
}
