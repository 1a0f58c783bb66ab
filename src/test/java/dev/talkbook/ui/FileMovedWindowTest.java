package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Found by a tester: the notebook file moved while the window was open, and the status bar went on
 * saying "Saved" beside a path that no longer existed. The window now says where the file went and
 * what to do, once, and the path shows the new place.
 */
class FileMovedWindowTest extends RealWindowTest {

  @Test
  void aNotebookFileMovedWhileOpenIsToldWithItsNewPlace(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Keynote", "before move text\n");
    Path file = ui.notebook.file();
    Path moved = Files.createDirectories(dir.resolve("moved")).resolve(file.getFileName());
    Files.move(file, moved);
    String now = moved.toRealPath().toString();

    FxWait.untilFx(
        "the path showing the new place",
        () -> robot.lookup("#notebook-path").queryAs(Label.class).getText().startsWith(now));
    assertThat(FxWait.onFx(() -> robot.lookup("#notice").queryAs(Label.class).getText()))
        .contains("moved to " + now)
        .contains("still saved into it at its new place until you quit");
    assertThat(
            FxWait.onFx(
                () -> robot.lookup("#notebook-path").queryAs(Label.class).getTooltip().getText()))
        .contains("File → Open notebook…");
  }
}
