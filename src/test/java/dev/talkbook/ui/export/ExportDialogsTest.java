package dev.talkbook.ui.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.sample.SampleMeetup;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.ui.common.LongJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File → Export site… and Import Markdown…, driven headless as a user would. */
@ExtendWith(ApplicationExtension.class)
class ExportDialogsTest {
  @TempDir Path dir;
  private Stage stage;
  private Notebook notebook;
  private final List<String> opened = new CopyOnWriteArrayList<>();
  private final List<String> remembered = new CopyOnWriteArrayList<>();

  @Start
  void start(Stage primary) {
    stage = primary;
    stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 300, 200));
    stage.show();
    notebook = Notebook.open(dir.resolve("n.talkbook"));
  }

  @AfterEach
  void close(FxRobot robot) {
    robot.interact(
        () ->
            new java.util.ArrayList<>(javafx.stage.Window.getWindows())
                .stream().filter(w -> w != stage).forEach(javafx.stage.Window::hide));
    notebook.close();
  }

  /** Opens File → Export site…'s dialog with {@code out} as the proposed folder. */
  private void showSiteExport(FxRobot robot, Path out) {
    robot.interact(
        () ->
            new SiteExportDialog(
                    stage,
                    notebook,
                    SiteExportDialog.exporter(),
                    LongJob.ownThread("test-export"),
                    Platform::runLater,
                    out.toString(),
                    remembered::add,
                    opened::add)
                .show());
  }

  @Test
  void exportSiteShowsProgressAndOpensTheResultInTheBrowser(FxRobot robot) throws Exception {
    SampleMeetup.addTo(notebook);
    Path out = dir.resolve("site");
    showSiteExport(robot, out);
    Button open = robot.lookup("#" + SiteExportDialog.OPEN_ID).queryButton();
    assertThat(open.isDisabled()).isTrue();

    robot.clickOn("#" + SiteExportDialog.EXPORT_ID);
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !open.isDisabled());

    Label status = robot.lookup("#" + SiteExportDialog.STATUS_ID).queryAs(Label.class);
    assertThat(status.getText()).startsWith("Exported 5 talks");
    assertThat(out.resolve("index.html")).exists();
    assertThat(remembered).containsExactly(out.toString());
    robot.clickOn("#" + SiteExportDialog.OPEN_ID);
    assertThat(opened).containsExactly(out.resolve("index.html").toUri().toString());
  }

  @Test
  void exportSiteIntoAFolderWithSomeoneElsesFilesSaysWhy(FxRobot robot) throws Exception {
    SampleMeetup.addTo(notebook);
    Path out = Files.createDirectories(dir.resolve("taken"));
    Files.writeString(out.resolve("index.html"), "mine");
    showSiteExport(robot, out);
    robot.clickOn("#" + SiteExportDialog.EXPORT_ID);
    Label status = robot.lookup("#" + SiteExportDialog.STATUS_ID).queryAs(Label.class);
    WaitForAsyncUtils.waitFor(
        30, TimeUnit.SECONDS, () -> status.getText().contains("not written by Talkbook"));
    assertThat(robot.lookup("#" + SiteExportDialog.OPEN_ID).queryButton().isDisabled()).isTrue();
    assertThat(out.resolve("index.html")).hasContent("mine");
  }

  @Test
  void importMarkdownFirstReportsADryRunThenImports(FxRobot robot) throws Exception {
    Path md = Files.createDirectories(dir.resolve("md/meetup"));
    Files.writeString(md.resolve("_index.md"), "---\ntitle: Spring Meetup\n---\n");
    Files.writeString(md.resolve("01-one.md"), "---\ntitle: One\n---\nfirst\n");
    Files.write(md.resolve("02-bad.md"), new byte[] {(byte) 0xff, (byte) 0xfe});
    List<String> imported = new CopyOnWriteArrayList<>();
    robot.interact(
        () ->
            new MarkdownImportDialog(
                    stage,
                    notebook,
                    md.getParent(),
                    LongJob.ownThread("test-import"),
                    Platform::runLater,
                    report -> imported.add("done"))
                .show());
    TextArea report = robot.lookup("#" + MarkdownImportDialog.REPORT_ID).queryAs(TextArea.class);
    WaitForAsyncUtils.waitFor(
        30, TimeUnit.SECONDS, () -> report.getText().contains("Would import"));
    assertThat(report.getText())
        .contains("created   meetup/01-one.md", "failed    meetup/02-bad.md — is not UTF-8");
    assertThat(notebook.talks().count()).isZero();

    robot.clickOn("#" + MarkdownImportDialog.IMPORT_ID);
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> report.getText().startsWith("Imported"));
    assertThat(notebook.talks().count()).isEqualTo(1);
    assertThat(imported).containsExactly("done");
    assertThat(robot.lookup("#" + MarkdownImportDialog.IMPORT_ID).queryButton().isDisabled())
        .isTrue();
  }
}
