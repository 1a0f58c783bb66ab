package dev.talkbook.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A button made the default takes Enter: the focus from another button, not from a field. A busy
 * button takes back the focus its disabling handed on.
 */
@ExtendWith(ApplicationExtension.class)
class DefaultButtonsTest {
  private final TextField field = new TextField();
  private final Button check = new Button("Check");
  private final Button run = new Button("Import");
  private final Button busy = new Button("Start sharing");
  private final TextField after = new TextField();

  @Start
  void start(Stage stage) {
    check.setDefaultButton(true);
    DefaultButtons.keepEnterOnTheDefault(check, run);
    DefaultButtons.keepFocusWhileBusy(busy);
    stage.setScene(new Scene(new VBox(8, field, check, run, busy, after), 300, 260));
    stage.show();
  }

  private static <T> T onFx(Callable<T> read) throws Exception {
    return WaitForAsyncUtils.asyncFx(read).get();
  }

  private Node focusOwner() throws Exception {
    return onFx(() -> check.getScene().getFocusOwner());
  }

  @Test
  void theNewDefaultTakesTheFocusFromTheButtonThatHadIt(FxRobot robot) throws Exception {
    robot.interact(check::requestFocus);
    robot.interact(
        () -> {
          check.setDefaultButton(false);
          run.setDefaultButton(true);
        });
    assertThat(focusOwner()).isSameAs(run);
    robot.interact(
        () -> {
          run.setDefaultButton(false);
          check.setDefaultButton(true);
        });
    assertThat(focusOwner()).isSameAs(check);
  }

  @Test
  void aFieldKeepsTheFocusAndADisabledDefaultTakesNothing(FxRobot robot) throws Exception {
    robot.interact(field::requestFocus);
    robot.interact(
        () -> {
          check.setDefaultButton(false);
          run.setDefaultButton(true);
        });
    assertThat(focusOwner()).isSameAs(field);

    robot.interact(
        () -> {
          run.setDefaultButton(false);
          check.setDefaultButton(true);
          run.requestFocus();
          check.setDisable(true);
          check.setDefaultButton(false);
          check.setDefaultButton(true);
        });
    assertThat(focusOwner()).isNotSameAs(check);
  }

  @Test
  void aBusyButtonTakesBackTheFocusItsDisablingHandedOn(FxRobot robot) throws Exception {
    robot.interact(busy::requestFocus);
    robot.interact(() -> busy.setDisable(true));
    assertThat(focusOwner()).isSameAs(after);
    robot.interact(() -> busy.setDisable(false));
    assertThat(focusOwner()).isSameAs(busy);
  }

  @Test
  void aBusyButtonLeavesTheFocusWhereTheUserPutItMeanwhile(FxRobot robot) throws Exception {
    robot.interact(busy::requestFocus);
    robot.interact(() -> busy.setDisable(true));
    robot.interact(field::requestFocus);
    robot.interact(() -> busy.setDisable(false));
    assertThat(focusOwner()).isSameAs(field);
    // Disabled while it had no focus: nothing is taken.
    robot.interact(() -> busy.setDisable(true));
    robot.interact(() -> busy.setDisable(false));
    assertThat(focusOwner()).isSameAs(field);
  }
}
