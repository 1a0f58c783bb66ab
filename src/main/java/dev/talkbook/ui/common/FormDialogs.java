package dev.talkbook.ui.common;

import dev.talkbook.core.notebook.NotebookException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * What the small form dialogs (a new talk, an event) share: the action's button, which Enter
 * presses, greyed while the form is incomplete, and which keeps the dialog open and says why when
 * the core refuses what was typed; the line under the form that says it; labels tied to their
 * fields; the mark of a field that cannot be read; the dialog grown to show its problem line; a
 * filled-in date selected when tabbed into.
 */
public final class FormDialogs {
  /** Marks a field whose text cannot be read (the theme draws it red). */
  public static final PseudoClass INVALID = PseudoClass.getPseudoClass("danger");

  private FormDialogs() {}

  /**
   * Gives {@code dialog} the button {@code action} ("Create", "Save"), the default one (Enter), and
   * Cancel. The action is greyed while {@code incomplete} is true. Pressed, it builds the dialog's
   * result with {@code result}; when that throws a {@link NotebookException} (the core's records
   * refuse a blank title, a time or URL they cannot read, …) the dialog stays open and {@code
   * refused} is told the exception's message. Cancel, Esc and closing the window give null.
   */
  public static <R> void actionAndCancel(
      Dialog<R> dialog,
      String action,
      ObservableValue<Boolean> incomplete,
      Supplier<R> result,
      Consumer<String> refused) {
    ButtonType done = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().addAll(done, ButtonType.CANCEL);
    Node button = dialog.getDialogPane().lookupButton(done);
    button.disableProperty().bind(incomplete);
    button.addEventFilter(
        ActionEvent.ACTION,
        e -> {
          try {
            result.get();
          } catch (NotebookException ex) {
            refused.accept(ex.getMessage());
            e.consume();
          }
        });
    dialog.setResultConverter(pressed -> pressed == done ? result.get() : null);
  }

  /** The line that says what is wrong with the form: red, wrapped, taking no room when empty. */
  public static Label problemLine() {
    Label problem = new Label();
    problem.getStyleClass().add("tb-problem");
    problem.setWrapText(true);
    problem.managedProperty().bind(problem.textProperty().isNotEmpty());
    return problem;
  }

  /**
   * Makes {@code dialog} fit its content again each time one of {@code lines} changes its text: a
   * problem said under the form, or a hint that now takes two lines, grows the dialog (it kept its
   * size, and its buttons were cut in half at the bottom edge), and it shrinks back when the
   * problem goes.
   */
  public static void fitTo(Dialog<?> dialog, Label... lines) {
    for (Label line : lines) {
      // After the label's own skin has taken the new text in (it listens after this was added).
      line.textProperty()
          .addListener(
              o ->
                  Platform.runLater(
                      () -> {
                        Window window = dialog.getDialogPane().getScene().getWindow();
                        if (window != null && window.isShowing()) {
                          window.sizeToScene();
                        }
                      }));
    }
  }

  /**
   * A field's label, tied to it: a screen reader names the field by it. It keeps its whole width: a
   * long problem said under a field widened the form's other column, and the labels were cut to
   * "Loca…" and "Web…".
   */
  public static Label labelFor(String text, Node field) {
    Label label = new Label(text);
    label.setLabelFor(field);
    label.setMinWidth(Region.USE_PREF_SIZE);
    return label;
  }

  /**
   * Selects the whole of {@code text} each time {@code field}, the date picker it is the editor of,
   * gets the focus by the keyboard, Tab or Shift+Tab: a filled-in date is then replaced by what is
   * typed, as in a text field, which selects its text itself. The picker's editor did not (it gets
   * the focus from its picker): the caret was left at its start, and a date typed into "To",
   * pre-filled from "From", read "2026-12-082026-12-07". A click still puts the caret where it
   * points.
   */
  public static void selectWhenTabbedInto(Node field, TextInputControl text) {
    field
        .focusVisibleProperty()
        .addListener(
            (o, was, byKeyboard) -> {
              if (byKeyboard) {
                // After the focus change is through: a date picker's skin hands the focus on to
                // its editor, which puts its caret back at the start.
                Platform.runLater(
                    () -> {
                      if (field.isFocused()) {
                        text.selectAll();
                      }
                    });
              }
            });
  }
}
