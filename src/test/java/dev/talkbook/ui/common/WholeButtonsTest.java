package dev.talkbook.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.ui.FxWait;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Labeled;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A dialog's buttons show their words whole, even when the dialog was made too narrow for them. */
@ExtendWith(ApplicationExtension.class)
class WholeButtonsTest {
  private Stage stage;

  @Start
  void start(Stage primary) {
    stage = primary;
    primary.setScene(new Scene(new StackPane(), 300, 200));
    primary.show();
  }

  /** Each button's words as shown, and whether it lies inside the dialog. */
  private static List<String> shown(Alert alert) {
    var pane = alert.getDialogPane();
    pane.applyCss();
    pane.layout();
    return pane.lookupAll(".button").stream()
        .map(Labeled.class::cast)
        .map(
            b ->
                ((Text) b.lookup(".text")).getText()
                    + (b.localToScene(b.getLayoutBounds()).getMaxX() <= pane.getWidth()
                        ? ""
                        : " (outside)"))
        .toList();
  }

  @Test
  void aNarrowDialogGrowsToItsButtonsWords(FxRobot robot) throws Exception {
    Alert alert =
        FxWait.onFx(
            () -> {
              Alert a =
                  new Alert(
                      Alert.AlertType.ERROR,
                      "Short.",
                      new ButtonType("Choose another notebook…", ButtonBar.ButtonData.LEFT),
                      new ButtonType("Create a new notebook…", ButtonBar.ButtonData.OTHER),
                      ButtonType.CANCEL,
                      new ButtonType("Open it read-only anyway", ButtonBar.ButtonData.OK_DONE));
              a.initOwner(stage);
              a.getDialogPane().setPrefWidth(400); // JavaFX cut all four to "Choose ..." etc.
              Theme.dress(a.getDialogPane(), stage);
              a.show();
              return a;
            });
    FxWait.until("the dialog shown", () -> FxWait.onFx(alert::isShowing));

    assertThat(FxWait.onFx(() -> shown(alert)))
        .containsExactlyInAnyOrder(
            "Choose another notebook…",
            "Create a new notebook…",
            "Cancel",
            "Open it read-only anyway");
    robot.interact(alert::close);
  }
}
