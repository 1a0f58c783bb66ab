package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.repl.ReplSession;
import javafx.scene.Node;
import javafx.scene.control.TitledPane;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A laptop's window: the unfolded details leave the notes most of the talk's column (their fields
 * scroll), and the REPL pane comes back as it was left, shown or hidden, after a restart.
 */
class SmallWindowTest extends RealWindowTest {

  private static final String NOTES = "# Notes\n" + "A line of notes\n".repeat(60);

  @Test
  void theDetailsLeaveTheNotesMostOfAShortWindow(FxRobot robot) throws Exception {
    ui.resize(robot, 1024, 600);
    ui.openNewTalk(robot, "A talk with all its details", NOTES);
    TitledPane details = robot.lookup("#talk-details").queryAs(TitledPane.class);
    Node notes = WindowUnderTest.editor(robot);
    assertThat(FxWait.onFx(details::isExpanded)).isTrue();
    FxWait.untilFx("the details laid out", () -> details.getHeight() > 0);
    double column = FxWait.onFx(() -> details.getParent().getLayoutBounds().getHeight());
    assertThat(FxWait.onFx(details::getHeight))
        .as("the details' height in a column of %s px", column)
        .isLessThanOrEqualTo(MainWindow.detailsMost(column) + 1);
    assertThat(FxWait.onFx(() -> notes.getLayoutBounds().getHeight()))
        .isGreaterThanOrEqualTo(
            Math.min(MainWindow.NOTES_ROOM, column * MainWindow.NOTES_SHARE) - 1);
  }

  @Test
  void aFieldTabbedToBelowTheDetailsViewIsScrolledIntoSight(FxRobot robot) throws Exception {
    ui.resize(robot, 1024, 600);
    ui.openNewTalk(robot, "A talk with all its details", NOTES);
    Node box = FxWait.shown(robot, ".tb-details-fields");
    javafx.scene.control.TextField video =
        robot.lookup("#detail-video").queryAs(javafx.scene.control.TextField.class);
    FxWait.clickOn(robot, "#detail-title");
    // Tab by Tab down the fields to the last one, as a keyboard user goes: the scroll pane brings
    // each into sight (JavaFX's own traversal), so the capped details stay usable by keyboard.
    for (int i = 0; i < 20 && !FxWait.onFx(video::isFocused); i++) {
      robot.type(javafx.scene.input.KeyCode.TAB);
    }
    assertThat(FxWait.onFx(video::isFocused)).isTrue();
    FxWait.untilFx(
        "the video field inside what the details show",
        () -> {
          javafx.geometry.Bounds view = box.localToScene(box.getLayoutBounds());
          javafx.geometry.Bounds field = video.localToScene(video.getLayoutBounds());
          return field.getMinY() >= view.getMinY() - 0.5 && field.getMaxY() <= view.getMaxY() + 0.5;
        });
  }

  private static boolean replShown(FxRobot robot) {
    return robot.lookup(".tb-repl").tryQuery().map(FxWait::isShown).orElse(false);
  }

  @Test
  void theReplPaneIsShownAfterARestartIfItWasAndNotIfItWasNot(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "A talk", NOTES);
    ReplSession repl = ui.attachRepl(robot);
    ui.fire(robot, "Show or hide the REPL");
    FxWait.untilFx("the REPL shown", () -> replShown(robot));

    robot.interact(() -> ui.window.close());
    robot.interact(
        () -> {
          ui.show();
          ui.window.attachRepl(repl);
        });
    FxWait.untilFx("the talk open again", () -> ui.openTalk() != null);
    FxWait.untilFx("the REPL shown again", () -> replShown(robot));
    // The notes keep the focus the start gave them.
    FxWait.untilFx("the notes focused", () -> WindowUnderTest.editor(robot).isFocused());

    ui.fire(robot, "Show or hide the REPL");
    FxWait.untilFx("the REPL hidden", () -> !replShown(robot));
    robot.interact(() -> ui.window.close());
    robot.interact(
        () -> {
          ui.show();
          ui.window.attachRepl(repl);
        });
    FxWait.untilFx("the talk open again", () -> ui.openTalk() != null);
    ui.idle();
    assertThat(FxWait.onFx(() -> replShown(robot))).isFalse();
  }
}
