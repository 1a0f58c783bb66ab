package dev.talkbook.ui.common;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

/**
 * A dialog's status line under a {@link LongJob}: wrapped and whole, never cut to "…", marked as a
 * problem when the job failed, and its window made taller when the line needs more room. A failure
 * says why and what to do in a sentence or two; in a dialog sized for its one-line hint it was cut
 * to "… is already there and was not written by …".
 */
public final class StatusLine {
  /** The style class of a status line that reports a failure. */
  public static final String PROBLEM = "tb-problem";

  private StatusLine() {}

  /** Makes {@code status} follow {@code job}'s failures, and its window grow to show it whole. */
  public static void follow(Label status, LongJob<?> job) {
    status.setWrapText(true);
    status.setMinHeight(Region.USE_PREF_SIZE);
    job.failureProperty().addListener((o, was, error) -> mark(status, error != null));
    job.runningProperty()
        .addListener(
            (o, was, running) -> {
              if (running) {
                mark(status, false);
              }
            });
    // After the label's own skin has taken the new text in (it listens after this was added).
    status
        .textProperty()
        .addListener(o -> javafx.application.Platform.runLater(() -> growWindowFor(status)));
  }

  /** Marks {@code status} as reporting a problem, or not. */
  public static void mark(Label status, boolean problem) {
    status.getStyleClass().remove(PROBLEM);
    if (problem) {
      status.getStyleClass().add(PROBLEM);
    }
  }

  /** Sizes the shown window holding {@code status} to its content when that no longer fits. */
  private static void growWindowFor(Label status) {
    Scene scene = status.getScene();
    if (scene == null || !(scene.getWindow() instanceof Stage stage) || !stage.isShowing()) {
      return;
    }
    Parent root = scene.getRoot();
    root.applyCss();
    double missing = root.prefHeight(scene.getWidth()) - scene.getHeight();
    if (missing > 0.5) {
      // Its content's size (Stage.setHeight alone was not applied to a shown window on X11).
      stage.sizeToScene();
    }
  }
}
