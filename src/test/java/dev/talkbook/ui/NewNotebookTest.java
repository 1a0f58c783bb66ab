package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.DialogPane;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** File → New notebook…: a named file is created and opened; an existing one is never taken. */
class NewNotebookTest extends RealWindowTest {

  @Test
  void aNameWithoutExtensionBecomesATalkbookFileTheAppCreates(FxRobot robot) throws Exception {
    ui.newNotebook = dir.resolve("Devoxx 2026");

    ui.fire(robot, "New notebook…");

    FxWait.until(() -> ui.created.size() == 1);
    assertThat(ui.created).containsExactly(dir.resolve("Devoxx 2026.talkbook"));
  }

  @Test
  void cancellingTheDialogCreatesNothing(FxRobot robot) throws Exception {
    ui.newNotebook = null;

    ui.fire(robot, "New notebook…");

    assertThat(ui.created).isEmpty();
    assertThat(FxWait.onFx(() -> robot.lookup(".dialog-pane").tryQuery().isPresent())).isFalse();
  }

  @Test
  void anExistingFileIsNeverTakenForANewNotebook(FxRobot robot) throws Exception {
    Path taken = Files.writeString(dir.resolve("mine.talkbook"), "someone's file");
    ui.newNotebook = taken;

    ui.fire(robot, "New notebook…");

    FxWait.until(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
    DialogPane error = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    assertThat(FxWait.onFx(error::getHeaderText)).isEqualTo("Not created");
    assertThat(FxWait.onFx(error::getContentText))
        .contains(taken + " is there already")
        .contains("File → Open notebook…");
    assertThat(ui.created).isEmpty();
    assertThat(taken).hasContent("someone's file");
    robot.interact(() -> error.getScene().getWindow().hide());
  }
}
