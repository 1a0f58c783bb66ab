package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.talkbook.core.store.Notebook;
import dev.talkbook.core.store.NotebookOpenException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * File → Open notebook… on a file that is no notebook, while a notebook is open: the dialog's
 * cancel (Esc, its last button) goes back to the open notebook; it quit the whole app (tester 9a,
 * finding 1). At the start, with nothing open, it still quits.
 */
class OpenProblemBackTest extends RealWindowTest {

  private NotebookOpenException emptyFile() throws Exception {
    Path zero = Files.createFile(dir.resolve("zero.talkbook"));
    return catchThrowableOfType(NotebookOpenException.class, () -> Notebook.open(zero).close());
  }

  @Test
  void escWithANotebookOpenGoesBackToItInsteadOfQuitting(FxRobot robot) throws Exception {
    NotebookOpenException problem = emptyFile();
    Path current = ui.notebook.file();
    AtomicReference<OpenProblemDialog.Choice> choice = new AtomicReference<>();
    Platform.runLater(() -> choice.set(OpenProblemDialog.ask(ui.stage, problem, current)));
    FxWait.until(() -> robot.lookup("#open-problem").tryQuery().isPresent());
    assertThat(robot.lookup("Quit").tryQuery()).as("no Quit while a notebook is open").isEmpty();
    assertThat(robot.lookup("Back to " + current.getFileName()).tryQuery()).isPresent();

    robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);

    FxWait.until(() -> choice.get() != null);
    assertThat(choice.get()).isEqualTo(new OpenProblemDialog.Choice.Back());
  }

  @Test
  void theBackButtonGoesBackToo(FxRobot robot) throws Exception {
    NotebookOpenException problem = emptyFile();
    Path current = ui.notebook.file();
    AtomicReference<OpenProblemDialog.Choice> choice = new AtomicReference<>();
    Platform.runLater(() -> choice.set(OpenProblemDialog.ask(ui.stage, problem, current)));
    FxWait.until(() -> robot.lookup("#open-problem").tryQuery().isPresent());

    FxWait.clickOn(robot, "Back to " + current.getFileName());

    FxWait.until(() -> choice.get() != null);
    assertThat(choice.get()).isEqualTo(new OpenProblemDialog.Choice.Back());
  }

  @Test
  void escAtTheStartWithNothingOpenQuits(FxRobot robot) throws Exception {
    NotebookOpenException problem = emptyFile();
    AtomicReference<OpenProblemDialog.Choice> choice = new AtomicReference<>();
    Platform.runLater(() -> choice.set(OpenProblemDialog.ask(ui.stage, problem, null)));
    FxWait.until(() -> robot.lookup("#open-problem").tryQuery().isPresent());
    assertThat(robot.lookup("Quit").tryQuery()).isPresent();

    robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);

    FxWait.until(() -> choice.get() != null);
    assertThat(choice.get()).isEqualTo(new OpenProblemDialog.Choice.Quit());
  }
}
