package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.talkbook.core.sample.SampleMeetup;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.core.store.NotebookOpenException;
import dev.talkbook.core.store.PageDamage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A notebook whose index alone is damaged: the open-problem dialog offers Repair, which rebuilds it
 * from its data as {@code talkbook check --repair} does (the damaged file kept beside it), or says
 * why it could not and leaves the file as it was. Before, the dialog told the user to run a command
 * and offered only Choose another, Create new and Quit.
 */
class NotebookRepairTest extends RealWindowTest {

  /** A closed notebook with the sample's talks and tags, its tags' index page overwritten. */
  private Path damagedIndex() throws Exception {
    Path file = dir.resolve("mid.talkbook");
    try (Notebook book = Notebook.open(file)) {
      SampleMeetup.addTo(book);
    }
    PageDamage.damagePageOf(file, "sqlite_autoindex_tag_1");
    return file;
  }

  private static NotebookOpenException refused(Path file) {
    NotebookOpenException e =
        catchThrowableOfType(NotebookOpenException.class, () -> Notebook.open(file).close());
    assertThat(e.problem()).isEqualTo(NotebookOpenException.Problem.INDEX_DAMAGED);
    return e;
  }

  @Test
  void repairRebuildsTheNotebookFromItsDataAndOpensIt(FxRobot robot) throws Exception {
    Path file = damagedIndex();
    NotebookOpenException problem = refused(file);

    AtomicReference<OpenProblemDialog.Choice> choice = new AtomicReference<>();
    Platform.runLater(() -> choice.set(OpenProblemDialog.ask(ui.stage, problem, null)));
    FxWait.until(() -> robot.lookup("#open-problem").tryQuery().isPresent());
    DialogPane pane = robot.lookup("#open-problem").queryAs(DialogPane.class);
    assertThat(FxWait.onFx(() -> pane.lookupButton(OpenProblemDialog.REPAIR)))
        .as("Repair is offered")
        .isNotNull();
    assertThat(
            FxWait.onFx(
                () -> ((Button) pane.lookupButton(OpenProblemDialog.REPAIR)).isDefaultButton()))
        .isTrue();
    assertThat(FxWait.onFx(() -> WindowUnderTest.cutShort(pane))).isEmpty();

    FxWait.clickOn(robot, "Repair");

    FxWait.until(() -> choice.get() != null);
    Path kept = dir.resolve("mid.talkbook.damaged");
    assertThat(choice.get()).isEqualTo(new OpenProblemDialog.Choice.Repaired(file, kept));
    assertThat(Files.exists(kept)).isTrue();
    try (Notebook repaired = Notebook.open(file, Notebook.Options.defaults().withCreate(false))) {
      assertThat(repaired.check()).isEmpty();
      assertThat(repaired.talks().count()).isEqualTo(SampleMeetup.talkCount());
    }
    assertThat(App.repaired((OpenProblemDialog.Choice.Repaired) choice.get()))
        .contains("Repaired mid.talkbook")
        .contains(kept.toString());
  }

  @Test
  void aRepairThatFailsSaysWhyAndLeavesTheFileAsItWas(FxRobot robot) throws Exception {
    Path file = damagedIndex();
    NotebookOpenException problem = refused(file);
    AtomicReference<OpenProblemDialog.Choice> choice = new AtomicReference<>();
    Platform.runLater(() -> choice.set(OpenProblemDialog.ask(ui.stage, problem, null)));
    FxWait.until(() -> robot.lookup("#open-problem").tryQuery().isPresent());
    // The talks' own rows go bad too, while the dialog is up: they cannot be copied.
    PageDamage.damagePageOf(file, "talk");
    byte[] before = Files.readAllBytes(file);

    FxWait.clickOn(robot, "Repair");

    FxWait.until(
        () ->
            robot.lookup("#repair-status").tryQuery().isPresent()
                && robot
                    .lookup("#repair-status")
                    .queryAs(Label.class)
                    .getStyleClass()
                    .contains("tb-problem"));
    Label status = robot.lookup("#repair-status").queryAs(Label.class);
    assertThat(status.getText())
        .contains("Could not rebuild notebook " + file)
        .contains("left as it was")
        .doesNotContain(".rebuilding");
    assertThat(choice.get()).isNull();
    DialogPane shown = robot.lookup("#open-problem").queryAs(DialogPane.class);
    assertThat(FxWait.onFx(() -> WindowUnderTest.cutShort(shown)))
        .as("the message and the failure both whole")
        .isEmpty();
    DialogPane pane = robot.lookup("#open-problem").queryAs(DialogPane.class);
    assertThat(FxWait.onFx(() -> pane.lookupButton(OpenProblemDialog.REPAIR).isDisabled()))
        .isTrue();
    assertThat(FxWait.onFx(() -> pane.lookupButton(OpenProblemDialog.CHOOSE).isDisabled()))
        .isFalse();
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    assertThat(Files.exists(dir.resolve("mid.talkbook.damaged"))).isFalse();

    FxWait.clickOn(robot, "Quit");
    FxWait.until(() -> choice.get() != null);
    assertThat(choice.get()).isEqualTo(new OpenProblemDialog.Choice.Quit());
  }

  @Test
  void saveNotesSavesTheNotesOfANotebookDamagedAtItsStartIntoANewNotebook(FxRobot robot)
      throws Exception {
    Path file = dir.resolve("start.talkbook");
    try (Notebook book = Notebook.open(file)) {
      SampleMeetup.addTo(book);
    }
    byte[] noise = new byte[200];
    new java.util.Random(5).nextBytes(noise);
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
      f.write(noise);
    }
    byte[] damaged = Files.readAllBytes(file);
    NotebookOpenException problem =
        catchThrowableOfType(NotebookOpenException.class, () -> Notebook.open(file).close());
    assertThat(problem.problem()).isEqualTo(NotebookOpenException.Problem.DAMAGED_START);

    AtomicReference<OpenProblemDialog.Choice> choice = new AtomicReference<>();
    Platform.runLater(() -> choice.set(OpenProblemDialog.ask(ui.stage, problem, null)));
    FxWait.until(() -> robot.lookup("#open-problem").tryQuery().isPresent());
    DialogPane pane = robot.lookup("#open-problem").queryAs(DialogPane.class);
    assertThat(FxWait.onFx(pane::getContentText))
        .contains("damaged at its start")
        .doesNotContain("not a Talkbook notebook");
    assertThat(
            FxWait.onFx(
                () -> ((Button) pane.lookupButton(OpenProblemDialog.SAVE_NOTES)).isDefaultButton()))
        .as("Save notes is offered, and is what Enter does")
        .isTrue();
    assertThat(FxWait.onFx(() -> WindowUnderTest.cutShort(pane))).isEmpty();

    FxWait.clickOn(robot, "Save notes");

    FxWait.until(() -> choice.get() != null);
    Path saved = dir.resolve("start-saved.talkbook");
    assertThat(choice.get()).isEqualTo(new OpenProblemDialog.Choice.SavedNotes(file, saved, ""));
    assertThat(Files.readAllBytes(file))
        .as("the damaged file is left as it was")
        .isEqualTo(damaged);
    try (Notebook opened = Notebook.open(saved, Notebook.Options.defaults().withCreate(false))) {
      assertThat(opened.check()).isEmpty();
      assertThat(opened.talks().count()).isEqualTo(SampleMeetup.talkCount());
    }
    assertThat(App.savedNotes((OpenProblemDialog.Choice.SavedNotes) choice.get()))
        .contains("start.talkbook")
        .contains(saved.toString())
        .contains("left as it was");
  }
}
