package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.store.Notebook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * A notebook made before, opened in the window, its file deleted (`rm`, code run in the REPL)
 * before anything was saved, then notes typed: the window said "Not saved: the file could not be
 * read or written … Trying again" for every save, Quit asked "Your latest notes are not saved", and
 * only the notes from before the delete came back.
 */
@ExtendWith(ApplicationExtension.class)
class FileDeletedWindowTest {
  @TempDir Path dir;
  private WindowUnderTest ui;

  @AfterEach
  void closeWindow(FxRobot robot) {
    if (ui != null) {
      ui.close(robot);
    }
  }

  @Test
  void notesTypedAfterTheFileWasDeletedAreSavedAndWrittenBackAtQuit(FxRobot robot)
      throws Exception {
    Path file = dir.resolve("notes.talkbook"); // where WindowUnderTest opens its notebook
    long talk = WindowUnderTest.notebookWithOneTalk(dir, "Notes\n");
    openWindow(robot);
    ui.clickOnRow(robot, "Keynote");
    FxWait.until("the notes shown", () -> WindowUnderTest.editorText(robot).equals("Notes\n"));

    Files.delete(file);
    FxWait.clickOn(robot, "#editor");
    robot.press(KeyCode.CONTROL, KeyCode.END).release(KeyCode.END, KeyCode.CONTROL);
    robot.write("typed after the delete");
    // Settled: stored (read through the writer: no new reader can open the deleted file), or
    // refused. A read that fails is "not yet".
    FxWait.until(
        "the notes saved or refused",
        () ->
            WindowUnderTest.saveState(robot).startsWith("Not saved")
                || ui.notebook.talks().get(talk).body().equals("Notes\ntyped after the delete"));
    assertThat(WindowUnderTest.saveState(robot)).doesNotStartWith("Not saved");

    ui.quitAsTheAppDoes(robot); // asks nothing: all is saved
    assertThat(file).exists();
    try (Notebook after =
        Notebook.open(file, Notebook.Options.defaults().withCreate(false).withReadOnly(true))) {
      assertThat(after.talks().get(talk).body()).isEqualTo("Notes\ntyped after the delete");
      assertThat(after.check()).isEmpty();
    }
  }

  private void openWindow(FxRobot robot) throws TimeoutException {
    Stage primary = FxToolkit.registerPrimaryStage();
    robot.interact(() -> ui = new WindowUnderTest(primary, dir));
  }
}
