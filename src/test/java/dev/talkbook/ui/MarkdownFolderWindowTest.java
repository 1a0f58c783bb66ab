package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.ui.export.MarkdownExportDialog;
import dev.talkbook.ui.export.MarkdownImportDialog;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * File → Export Markdown… and Import Markdown… by keys alone: the folder is typed in the dialog's
 * own field (the system's folder chooser, taller than a 768-pixel screen, hid its buttons), Enter
 * exports, or checks and then imports, and the next time the dialog offers the folder used last.
 */
class MarkdownFolderWindowTest extends RealWindowTest {

  @AfterEach
  void tearDown(FxRobot robot) {
    closeDialogs(robot);
  }

  private void closeDialogs(FxRobot robot) {
    robot.interact(
        () ->
            new java.util.ArrayList<>(Window.getWindows())
                .stream().filter(w -> w != ui.stage).forEach(Window::hide));
  }

  /** The dialog's folder field, once it has the keyboard. */
  private static TextField focusedField(FxRobot robot, String id) {
    TextField field = (TextField) FxWait.shown(robot, "#" + id);
    FxWait.untilFx("the folder field to have the keyboard", field::isFocused);
    return field;
  }

  private static void typeOver(FxRobot robot, TextField field, Path folder) {
    // Ctrl+A, then the path (set at once: typing a long temporary path key by key is slow)
    robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
    robot.interact(() -> field.replaceSelection(folder.toString()));
  }

  private static void enter(FxRobot robot) {
    robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
  }

  @Test
  void exportMarkdownTakesATypedFolderAndOffersOneBesideItNextTime(FxRobot robot) throws Exception {
    ui.sampleWithTalkSelected(robot, "Outlines that think");
    ui.fire(robot, "Export Markdown…");
    TextField field = focusedField(robot, MarkdownExportDialog.FOLDER_ID);
    assertThat(FxWait.<String>onFx(field::getText))
        .as("a first export is offered a folder beside the notebook")
        .isEqualTo(MarkdownExportDialog.defaultFolder(ui.notebook.file()).toString());
    Path out = dir.resolve("md out");
    typeOver(robot, field, out);
    enter(robot);
    Label status = robot.lookup("#" + MarkdownExportDialog.STATUS_ID).queryAs(Label.class);
    FxWait.untilFx("the export's summary", () -> status.getText().startsWith("Exported"));
    try (var files = Files.walk(out)) {
      assertThat(files.filter(p -> p.toString().endsWith(".md")).count()).isGreaterThan(1);
    }
    enter(robot); // once exported, Enter closes
    FxWait.untilFx("Enter to close the dialog", () -> !field.getScene().getWindow().isShowing());

    ui.fire(robot, "Export Markdown…");
    TextField again = focusedField(robot, MarkdownExportDialog.FOLDER_ID);
    assertThat(again).isNotSameAs(field);
    // Beside the folder exported to, which holds that export now (an export into it is refused).
    assertThat(FxWait.<String>onFx(again::getText)).isEqualTo(out + "-2");
  }

  @Test
  void importMarkdownChecksATypedFolderThenImportsItAndOffersItNextTime(FxRobot robot)
      throws Exception {
    ui.sampleWithTalkSelected(robot, "Outlines that think");
    Path md = Files.createDirectories(dir.resolve("notes/spring"));
    Files.writeString(md.resolve("_index.md"), "---\ntitle: Spring Meetup\n---\n");
    Files.writeString(md.resolve("01-one.md"), "---\ntitle: One\n---\nfirst\n");
    ui.fire(robot, "Import Markdown…");
    TextField field = focusedField(robot, MarkdownImportDialog.FOLDER_ID);
    assertThat(FxWait.<String>onFx(field::getText)).isEmpty();
    typeOver(robot, field, md.getParent());
    enter(robot); // checks: the dry run
    Label status = robot.lookup("#" + MarkdownImportDialog.STATUS_ID).queryAs(Label.class);
    FxWait.untilFx("the dry run's summary", () -> status.getText().startsWith("Would import"));
    assertThat(ui.notebook.talks().findByTitle("One")).isEmpty();
    enter(robot); // imports what was checked
    FxWait.untilFx("the import's summary", () -> status.getText().startsWith("Imported"));
    assertThat(ui.notebook.talks().findByTitle("One")).hasSize(1);
    enter(robot); // closes
    FxWait.untilFx("Enter to close the dialog", () -> !field.getScene().getWindow().isShowing());

    ui.fire(robot, "Import Markdown…");
    TextField again = focusedField(robot, MarkdownImportDialog.FOLDER_ID);
    assertThat(FxWait.<String>onFx(again::getText)).isEqualTo(md.getParent().toString());
    Label statusAgain = (Label) again.getScene().lookup("#" + MarkdownImportDialog.STATUS_ID);
    FxWait.untilFx(
        "the offered folder checked at once",
        () -> statusAgain.getText().startsWith("Would import"));
  }
}
