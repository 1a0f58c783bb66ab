package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.talkbook.core.sample.SampleMeetup;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.core.store.NotebookOpenException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A notebook that another Talkbook has open: the open-problem dialog offers "Open read-only", and
 * that open works beside the writer.
 */
class OpenReadOnlyTest extends RealWindowTest {

  /** Waits for {@code condition} (an exception from it means "not yet"), then for the FX events. */
  private static void waitUntil(Callable<Boolean> condition) {
    FxWait.until(condition);
  }

  @Test
  void aNotebookOpenElsewhereCanBeOpenedReadOnly(FxRobot robot) throws Exception {
    SampleMeetup.addTo(ui.notebook);
    Path file = ui.notebook.file();
    NotebookOpenException locked =
        catchThrowableOfType(NotebookOpenException.class, () -> Notebook.open(file).close());
    assertThat(locked.problem()).isEqualTo(NotebookOpenException.Problem.LOCKED);
    assertThat(locked.getMessage()).contains("--read-only");

    AtomicReference<OpenProblemDialog.Choice> choice = new AtomicReference<>();
    Platform.runLater(() -> choice.set(OpenProblemDialog.ask(ui.stage, locked)));
    waitUntil(() -> robot.lookup("#open-problem").tryQuery().isPresent());
    assertThat(robot.lookup("Choose another…").tryQuery()).isPresent();
    javafx.scene.Parent pane = robot.lookup("#open-problem").queryParent();
    assertThat(FxWait.onFx(() -> WindowUnderTest.cutShort(pane))).isEmpty();

    FxWait.clickOn(robot, "Open read-only");

    waitUntil(() -> choice.get() != null);
    assertThat(choice.get()).isEqualTo(new OpenProblemDialog.Choice.OpenReadOnly(file));
    try (Notebook beside =
        Notebook.open(file, Notebook.Options.defaults().withReadOnly(true).withCreate(false))) {
      assertThat(beside.isReadOnly()).isTrue();
      assertThat(beside.talks().count()).isEqualTo(SampleMeetup.talkCount());
    }
  }

  @Test
  void aFileThatIsNotANotebookIsNotOfferedReadOnly(FxRobot robot) throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.talkbook"), "not a notebook");
    NotebookOpenException problem =
        catchThrowableOfType(NotebookOpenException.class, () -> Notebook.open(bad).close());

    robot.interact(() -> OpenProblemDialog.alert(ui.stage, problem).show());
    waitUntil(() -> robot.lookup("#open-problem").tryQuery().isPresent());

    assertThat(robot.lookup("Open read-only").tryQuery()).isEmpty();
    // Enter does the likely next step, as in every other dialog: it had no default button.
    javafx.scene.control.DialogPane pane =
        robot.lookup("#open-problem").queryAs(javafx.scene.control.DialogPane.class);
    assertThat(
            FxWait.onFx(
                () ->
                    ((javafx.scene.control.Button) pane.lookupButton(OpenProblemDialog.CHOOSE))
                        .isDefaultButton()))
        .isTrue();
    FxWait.clickOn(robot, "Quit");
  }
}
