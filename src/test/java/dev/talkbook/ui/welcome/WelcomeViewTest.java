package dev.talkbook.ui.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.ui.FxWait;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The welcome's buttons keep their whole labels in a narrow pane, and in a wide one sit side by
 * side.
 */
@ExtendWith(ApplicationExtension.class)
class WelcomeViewTest {
  private StackPane pane;
  private Stage stage;
  private final java.util.concurrent.atomic.AtomicInteger importsMarkdown =
      new java.util.concurrent.atomic.AtomicInteger();

  @Start
  void start(Stage stage) {
    this.stage = stage;
    pane =
        new StackPane(
            new WelcomeView(() -> {}, () -> {}, () -> {}, importsMarkdown::incrementAndGet).root());
    stage.setMinWidth(0);
    stage.setMinHeight(0);
    stage.setMaximized(false);
    stage.setScene(new Scene(pane, 300, 500));
    stage.show();
  }

  @Test
  void theButtonsAreNeverCutInANarrowPane(FxRobot robot) throws Exception {
    for (double width : new double[] {300, 436}) {
      List<Button> buttons = laidOut(robot, width);
      for (Button b : buttons) {
        assertThat(b.getWidth())
            .as("%s at %s px", b.getText(), width)
            .isGreaterThanOrEqualTo(b.prefWidth(-1) - 0.5);
      }
      if (width == 300) { // too narrow for both in a row, in any theme: one under the other
        assertThat(buttons.get(1).localToScene(0, 0).getY())
            .isGreaterThan(buttons.get(0).localToScene(0, 0).getY());
      }
      for (Button b : buttons) { // inside the pane
        assertThat(b.localToScene(b.getLayoutBounds()).getMaxX()).isLessThanOrEqualTo(width);
      }
    }
  }

  @Test
  void theButtonsSitSideBySideWhereTheyFit(FxRobot robot) throws Exception {
    List<Button> buttons = laidOut(robot, 900);
    assertThat(buttons.get(1).localToScene(0, 0).getY())
        .isEqualTo(buttons.get(0).localToScene(0, 0).getY());
    assertThat(buttons.get(1).localToScene(0, 0).getX())
        .isGreaterThan(buttons.get(0).localToScene(0, 0).getX() + buttons.get(0).getWidth());
  }

  @Test
  void importMarkdownIsOfferedBesideTheOtherStarts(FxRobot robot) throws Exception {
    List<Button> buttons = laidOut(robot, 900);

    assertThat(buttons.get(3).getText()).isEqualTo("Import Markdown…");
    assertThat(FxWait.onFx(() -> buttons.get(3).isVisible() && !buttons.get(3).isDisabled()))
        .isTrue();
    robot.interact(buttons.get(3)::fire);
    assertThat(importsMarkdown).hasValue(1);
  }

  private List<Button> laidOut(FxRobot robot, double width) throws Exception {
    robot.interact(() -> stage.setWidth(width));
    return FxWait.onFx(
        () -> {
          stage.getScene().getRoot().applyCss();
          stage.getScene().getRoot().layout();
          Button sample = (Button) stage.getScene().lookup("#add-sample");
          Button event = (Button) stage.getScene().lookup("#welcome-new-event");
          Button schedule = (Button) stage.getScene().lookup("#welcome-import-schedule");
          Button markdown = (Button) stage.getScene().lookup("#welcome-import-markdown");
          return List.of(sample, event, schedule, markdown);
        });
  }
}
