package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.ui.exchange.ScheduleImportDialog;
import dev.talkbook.ui.export.MarkdownImportDialog;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * After an import the navigator shows what came in: the event the import went into is selected (and
 * Ctrl+N adds the next talk to it), not the row that was selected before.
 */
class ImportSelectionWindowTest extends RealWindowTest {

  @AfterEach
  void tearDown(FxRobot robot) throws Exception {
    robot.interact(
        () ->
            new java.util.ArrayList<>(javafx.stage.Window.getWindows())
                .stream().filter(w -> w != ui.stage).forEach(javafx.stage.Window::hide));
  }

  private static String selectedLabel(FxRobot robot) {
    return WindowUnderTest.selectedLabel(robot);
  }

  /** The sample meetup with one of its talks selected (what a reload alone would keep). */
  private void sampleWithATalkSelected(FxRobot robot) {
    ui.sampleWithTalkSelected(robot, "Outlines that think");
  }

  private void menu(FxRobot robot, String text) {
    ui.fire(robot, text);
  }

  private static Button enabled(FxRobot robot, String id) {
    return (Button)
        FxWait.shown(robot, "#" + id, node -> !node.isDisabled() && node instanceof Button);
  }

  @Test
  void aScheduleImportSelectsItsEvent(FxRobot robot) throws Exception {
    sampleWithATalkSelected(robot);
    Path file = dir.resolve("camp.xml");
    try (InputStream in =
        getClass().getResourceAsStream("/dev/talkbook/core/exchange/frab-schedule.xml")) {
      Files.write(file, in.readAllBytes());
    }
    menu(robot, "Import schedule…");
    TextField source = (TextField) FxWait.shown(robot, "#" + ScheduleImportDialog.SOURCE_ID);
    robot.interact(() -> source.setText(file.toString()));
    robot.clickOn(enabled(robot, ScheduleImportDialog.CHECK_ID));
    robot.clickOn(enabled(robot, ScheduleImportDialog.IMPORT_ID));

    FxWait.untilFx(
        "the imported event selected", () -> "Sommercamp 2026".equals(selectedLabel(robot)));
    assertThat(ui.notebook.talks().count()).isEqualTo(5 + 4);
  }

  @Test
  void aMarkdownImportSelectsTheEventItsTalksWentInto(FxRobot robot) throws Exception {
    sampleWithATalkSelected(robot);
    Path md = Files.createDirectories(dir.resolve("md/spring"));
    Files.writeString(md.resolve("_index.md"), "---\ntitle: Spring Meetup\n---\n");
    Files.writeString(md.resolve("01-one.md"), "---\ntitle: One\n---\nfirst\n");
    menu(robot, "Import Markdown…");
    TextField folder = (TextField) FxWait.shown(robot, "#" + MarkdownImportDialog.FOLDER_ID);
    robot.interact(() -> folder.setText(md.getParent().toString()));
    robot.clickOn(enabled(robot, MarkdownImportDialog.CHECK_ID));
    robot.clickOn(enabled(robot, MarkdownImportDialog.IMPORT_ID));

    FxWait.untilFx(
        "the imported event selected", () -> "Spring Meetup".equals(selectedLabel(robot)));
    assertThat(ui.notebook.talks().findByTitle("One")).hasSize(1);
  }
}
