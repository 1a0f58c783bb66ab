package dev.talkbook.ui.talk;

import dev.talkbook.ui.common.Theme;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * Quitting while the notes cannot be saved: says why, and offers to save them elsewhere as a
 * Markdown file, to quit anyway (the notes are lost), or to stay. Closing the dialog stays.
 */
public final class UnsavedNotesDialog {
  /** What the user chose. */
  public enum Choice {
    SAVE_ELSEWHERE,
    QUIT_ANYWAY,
    CANCEL
  }

  static final ButtonType SAVE_ELSEWHERE =
      new ButtonType("Save notes as Markdown…", ButtonBar.ButtonData.YES);
  static final ButtonType QUIT_ANYWAY =
      new ButtonType("Quit without saving", ButtonBar.ButtonData.NO);
  static final ButtonType CANCEL = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);

  private UnsavedNotesDialog() {}

  /**
   * Asks on the FX thread and waits for the answer.
   *
   * @param talk the open talk's title
   * @param problem why the notes could not be saved
   */
  public static Choice ask(Window owner, String talk, String problem) {
    Alert alert =
        new Alert(
            Alert.AlertType.WARNING,
            "Talkbook could not save your notes of “"
                + talk
                + "”: "
                + problem
                + "\n\nSave them to a Markdown file elsewhere to keep them, or stay and let"
                + " Talkbook keep trying.",
            SAVE_ELSEWHERE,
            QUIT_ANYWAY,
            CANCEL);
    alert.initOwner(owner);
    Theme.dress(alert.getDialogPane(), owner);
    alert.setTitle("Talkbook");
    alert.setHeaderText("Your latest notes are not saved");
    alert.getDialogPane().setId("unsaved-notes");
    alert.getDialogPane().setMinWidth(520);
    Optional<ButtonType> answer = alert.showAndWait();
    if (answer.isEmpty() || answer.get() == CANCEL) {
      return Choice.CANCEL;
    }
    return answer.get() == SAVE_ELSEWHERE ? Choice.SAVE_ELSEWHERE : Choice.QUIT_ANYWAY;
  }
}
