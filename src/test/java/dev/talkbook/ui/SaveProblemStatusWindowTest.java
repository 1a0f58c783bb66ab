package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A save that fails while typing cannot be journaled either (a full disk), in a 1366 px window
 * (here 1280 px): the bar said "⚠ Not saved: th…" beside "Typing cannot be journaled (…): the notes
 * are still saved in the notebook every half second, but a crash coul…", both cut and contradicting
 * each other, the details in a tooltip the keyboard could not reach (tester 9a, finding 2). Now:
 * one message, whole; its details a key away; and a word when saving works again.
 */
class SaveProblemStatusWindowTest extends RealWindowTest {
  static final String JOURNAL_PROBLEM =
      "Typing cannot be journaled (No space left on device): a crash could lose what is not yet"
          + " saved in the notebook.";

  @Test
  void aFailedSaveIsOneWholeMessageWithItsDetailsAKeyAwayAndSavingAgainIsSaid(FxRobot robot)
      throws Exception {
    robot.interact(
        () -> {
          // The headless screen's width (1280 px), narrower than the tester's 1366 px.
          ui.stage.setX(0);
          ui.stage.setY(0);
          ui.stage.setWidth(1280);
          ui.stage.setHeight(768);
        });
    ui.openNewTalk(robot, "Typed into", "Notes\n");
    FxWait.clickOn(robot, "#editor");
    robot.press(KeyCode.CONTROL, KeyCode.END).release(KeyCode.END, KeyCode.CONTROL);
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + ui.notebook.file())) {
      try (Statement s = other.createStatement()) {
        s.execute("BEGIN IMMEDIATE"); // the save fails (busy), as on a full disk
      }
      robot.write("typed while it cannot be saved");
      FxWait.until(() -> WindowUnderTest.saveState(robot).startsWith("Not saved:"));
      robot.interact(() -> ui.window.statusBar().journalProblem(JOURNAL_PROBLEM));
      ui.idle();

      Label state = robot.lookup("#save-state").queryAs(Label.class);
      Label notice = robot.lookup("#notice").queryAs(Label.class);
      assertThat(FxWait.onFx(() -> notice.isVisible() && notice.getText().contains("journaled")))
          .as("one message: the journal's is in the save state's details, not beside it")
          .isFalse();
      assertThat(FxWait.onFx(() -> state.getWidth() + 0.5 >= state.prefWidth(-1)))
          .as("the save state whole: " + WindowUnderTest.saveState(robot))
          .isTrue();

      // The details, from the keyboard.
      assertThat(FxWait.onFx(state::isFocusTraversable)).isTrue();
      robot.interact(state::requestFocus);
      robot.type(KeyCode.ENTER);
      FxWait.until(() -> FxWait.onFx(() -> ui.window.statusBar().wholeNoticeShown()) != null);
      assertThat(FxWait.onFx(() -> ui.window.statusBar().wholeNoticeShown()))
          .contains("busy")
          .contains("tries again")
          .contains("cannot be journaled");
      robot.type(KeyCode.ESCAPE);

      try (Statement s = other.createStatement()) {
        s.execute("ROLLBACK");
      }
    }
    FxWait.until(() -> WindowUnderTest.saveState(robot).equals("Saved"));
    FxWait.until(
        () ->
            FxWait.onFx(
                () -> {
                  Label notice = robot.lookup("#notice").queryAs(Label.class);
                  return notice.isVisible() && notice.getText().equals(StatusBar.SAVED_AGAIN);
                }));
  }
}
