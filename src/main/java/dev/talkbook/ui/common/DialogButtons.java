package dev.talkbook.ui.common;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.stage.Stage;

/**
 * The button rows of the export, import and rehearsal windows: a {@link ButtonBar} on the right,
 * its buttons in the order the work goes (Check, then Import; Export, then Open in browser) and the
 * one that cancels or closes last, on every platform. The default button (Enter, drawn as the
 * default) moves along the row as the work goes on; the row does not reorder itself around it.
 * Placed by role, the buttons read "Close, Import, Check" on Linux (the default at the time the row
 * was made went last). One button cancels the running job or, when none runs, closes.
 */
public final class DialogButtons {
  /** One spacer that grows, then every button as given: {@link ButtonData#OTHER} is "U". */
  static final String IN_WORK_ORDER = "+U";

  private DialogButtons() {}

  /**
   * The buttons in a bar on the right, in the order given: the steps of the work first to last,
   * then the button that cancels or closes.
   */
  public static ButtonBar bar(Button... inWorkOrder) {
    ButtonBar bar = new ButtonBar(IN_WORK_ORDER);
    for (Button b : inWorkOrder) {
      ButtonBar.setButtonData(b, ButtonData.OTHER);
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
