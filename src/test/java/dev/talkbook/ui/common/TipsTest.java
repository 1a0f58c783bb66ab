package dev.talkbook.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.ui.FxWait;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A tooltip is made when the pointer first enters its control; its text is the help at once. */
@ExtendWith(ApplicationExtension.class)
class TipsTest {
  private Button tipped;
  private Button other;

  @Start
  void start(Stage stage) {
    tipped = new Button("Tipped");
    other = new Button("Other");
    stage.setMinWidth(0);
    stage.setMinHeight(0);
    stage.setMaximized(false);
    stage.setScene(new Scene(new HBox(40, other, tipped), 300, 80));
    stage.show();
  }

  @Test
  void theTooltipIsMadeOnTheFirstHoverAndKept(FxRobot robot) throws Exception {
    robot.interact(() -> Tips.install(tipped, "Does the thing (Ctrl+T)"));
    assertThat(FxWait.onFx(tipped::getTooltip)).isNull();
    assertThat(FxWait.onFx(tipped::getAccessibleHelp)).isEqualTo("Does the thing (Ctrl+T)");

    robot.moveTo(other);
    robot.moveTo(tipped);
    FxWait.untilFx("the tooltip made", () -> tipped.getTooltip() != null);
    Tooltip made = FxWait.onFx(tipped::getTooltip);
    assertThat(made.getText()).isEqualTo("Does the thing (Ctrl+T)");

    robot.moveTo(other);
    robot.moveTo(tipped);
    org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    assertThat(FxWait.onFx(tipped::getTooltip)).isSameAs(made);
  }
}
