package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.store.Notebook;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.stage.Stage;
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

  /** A read-only window said "What you type is still saved into it", though nothing is saved. */
  @Test
  void aReadOnlyWindowsFileMovedSaysItCannotReadItAnyMore(FxRobot robot) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("read-only"));
    try (Notebook made = Notebook.open(folder.resolve("notes.talkbook"))) {
      made.events().create(Event.Details.titled("Conference"));
    }
    Stage fresh = FxWait.onFx(Stage::new);
    WindowUnderTest other =
        FxWait.onFx(
            () ->
                new WindowUnderTest(
                    fresh,
                    folder,
                    Notebook.Options.defaults().withReadOnly(true).withCreate(false)));
    try {
      Path file = other.notebook.file();
      Path moved = Files.createDirectories(dir.resolve("moved")).resolve(file.getFileName());
      Files.move(file, moved);
      FxWait.untilFx(
          "the notice that the file moved",
          () -> ((Label) other.stage.getScene().lookup("#notice")).getText().contains("was moved"));
      assertThat(FxWait.onFx(() -> ((Label) other.stage.getScene().lookup("#notice")).getText()))
          .contains("read-only window")
          .contains("open the notebook from there")
          .doesNotContain("still saved");
    } finally {
      other.close(robot);
    }
  }
}
