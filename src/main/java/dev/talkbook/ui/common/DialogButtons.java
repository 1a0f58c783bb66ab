package dev.talkbook.ui.common;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.stage.Stage;

/**
 * The button rows of the export, import and rehearsal windows: a {@link ButtonBar}, so the buttons
 * sit on the right in the order the platform's own dialogs use (the default action last on Linux
 * and macOS, first on Windows), and one button that cancels the running job or, when none runs,
 * closes.
 */
public final class DialogButtons {
  private DialogButtons() {}

  /**
   * The buttons in a bar, placed by their role: a default button is the action, a cancel button is
   * Cancel/Close, any other is a secondary action next to them.
   */
  public static ButtonBar bar(Button... buttons) {
    ButtonBar bar = new ButtonBar();
    for (Button b : buttons) {
      ButtonData data =
          b.isDefaultButton()
              ? ButtonData.OK_DONE
              : b.isCancelButton() ? ButtonData.CANCEL_CLOSE : ButtonData.NEXT_FORWARD;
      ButtonBar.setButtonData(b, data);
      ButtonBar.setButtonUniformSize(b, false); // each as wide as its words
      bar.getButtons().add(b);
    }
    return bar;
  }

  /**
   * "Cancel" while the job runs (it stops the job), "Close" otherwise (it closes the dialog). A
   * quit from the dialog cancels the job too, and waits for it to stop ({@link WorkBeforeQuit}).
   */
  public static Button cancelOrClose(LongJob<?> job, Stage stage) {
    WorkBeforeQuit.cancels(stage, job);
    Button b = new Button();
    b.textProperty().bind(Bindings.when(job.runningProperty()).then("Cancel").otherwise("Close"));
    b.setCancelButton(true);
    b.setOnAction(
        e -> {
          if (job.runningProperty().get()) {
            job.cancel();
          } else {
            stage.close();
          }
        });
    return b;
  }
}
