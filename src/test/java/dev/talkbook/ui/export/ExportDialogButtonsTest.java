package dev.talkbook.ui.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.sample.SampleMeetup;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.ui.FxWait;
import dev.talkbook.ui.common.LongJob;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The export dialogs' buttons: one Cancel/Close, on the right as platform dialogs have them. */
@ExtendWith(ApplicationExtension.class)
class ExportDialogButtonsTest {
  @TempDir Path dir;
  private Stage stage;
  private Notebook notebook;

  /** Holds the export back until released, so a test sees it running. */
  private final CountDownLatch release = new CountDownLatch(1);

  private final Executor heldWorker =
      work ->
          LongJob.ownThread("test-held-export")
              .execute(
                  () -> {
                    try {
                      release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                    work.run();
                  });

  @Start
  void start(Stage primary) {
    stage = primary;
    stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 300, 200));
    stage.show();
    notebook = Notebook.open(dir.resolve("n.talkbook"));
  }

  @AfterEach
  void close(FxRobot robot) {
    release.countDown();
    robot.interact(
        () ->
            new java.util.ArrayList<>(javafx.stage.Window.getWindows())
                .stream().filter(w -> w != stage).forEach(javafx.stage.Window::hide));
    notebook.close();
  }

  private static List<Button> buttons(Parent root) {
    return root.lookupAll(".button").stream()
        .filter(n -> n instanceof Button)
        .map(n -> (Button) n)
        .filter(Node::isVisible)
        .toList();
  }

  private static Bounds inScene(Node n) {
    return n.localToScene(n.getLayoutBounds());
  }

  /** Every button sits in the right part of the dialog, the last one near its right edge. */
  private static void rightAligned(Parent root, List<Button> buttons) {
    double width = root.getLayoutBounds().getWidth();
    double right = buttons.stream().mapToDouble(b -> inScene(b).getMaxX()).max().orElseThrow();
    assertThat(right).isGreaterThan(width - 40);
    for (Button b : buttons) {
      assertThat(inScene(b).getMinX()).as(b.getText()).isGreaterThan(width / 3);
    }
  }

  @Test
  void theSiteExportHasOneButtonThatCancelsThenCloses(FxRobot robot) throws Exception {
    SampleMeetup.addTo(notebook);
    SiteExportDialog[] dialog = new SiteExportDialog[1];
    robot.interact(
        () -> {
          dialog[0] =
              new SiteExportDialog(
                  stage,
                  notebook,
                  SiteExportDialog.exporter(),
                  heldWorker,
                  Platform::runLater,
                  new SiteExportDialog.Choices(dir.resolve("site").toString(), "", ""),
                  chosen -> {},
                  (url, notOpened) -> {});
          dialog[0].show();
        });
    Parent root = dialog[0].stage().getScene().getRoot();
    List<Button> buttons = buttons(root);
    assertThat(buttons).extracting(Button::getText).doesNotContain("Cancel").contains("Close");
    assertThat(buttons).filteredOn(b -> b.getText().equals("Close")).hasSize(1);
    rightAligned(root, buttons.stream().filter(b -> !b.getText().equals("Choose…")).toList());

    FxWait.clickOn(robot, "#" + SiteExportDialog.EXPORT_ID);
    Button cancel = robot.lookup("#" + SiteExportDialog.CANCEL_ID).queryButton();
    assertThat(FxWait.onFx(cancel::getText)).isEqualTo("Cancel");
    assertThat(FxWait.onFx(() -> buttons(root).stream().map(Button::getText).toList()))
        .doesNotContain("Close");
    FxWait.clickOn(robot, cancel);
    release.countDown();
    Label status = robot.lookup("#" + SiteExportDialog.STATUS_ID).queryAs(Label.class);
    // cancelled before it began: the folder as it was, and said so
    FxWait.untilFx(
        "the export to be cancelled",
        () -> status.getText().equals("Export cancelled before it changed the site."));
    assertThat(dir.resolve("site").resolve("index.html")).doesNotExist();
    assertThat(FxWait.onFx(cancel::getText)).isEqualTo("Close");
    // Cancel stopped the export, not the dialog.
    assertThat(FxWait.onFx(() -> dialog[0].stage().isShowing())).isTrue();

    FxWait.clickOn(robot, cancel);
    FxWait.untilFx("Close to close the dialog", () -> !dialog[0].stage().isShowing());
  }

  @Test
  void theMarkdownExportsButtonsAreOnTheRightAndOneCancelsThenCloses(FxRobot robot)
      throws Exception {
    SampleMeetup.addTo(notebook);
    MarkdownExportDialog[] dialog = new MarkdownExportDialog[1];
    robot.interact(
        () -> {
          dialog[0] =
              new MarkdownExportDialog(
                  stage,
                  notebook,
                  dir.resolve("md").toString(),
                  folder -> {},
                  heldWorker,
                  Platform::runLater);
          dialog[0].show();
        });
    Parent root = dialog[0].stage().getScene().getRoot();
    Button export = robot.lookup("#" + MarkdownExportDialog.EXPORT_ID).queryButton();
    Button only = robot.lookup("#" + MarkdownExportDialog.CLOSE_ID).queryButton();
    assertThat(buttons(root).stream().filter(b -> !b.getText().equals("Choose…")).toList())
        .containsExactlyInAnyOrder(export, only);
    rightAligned(root, List.of(export, only));
    FxWait.clickOn(robot, export);
    FxWait.untilFx("the export to start", () -> only.getText().equals("Cancel"));
    release.countDown();
    Label status = robot.lookup("#" + MarkdownExportDialog.STATUS_ID).queryAs(Label.class);
    FxWait.untilFx("the export to finish", () -> status.getText().startsWith("Exported"));
    assertThat(FxWait.onFx(only::getText)).isEqualTo("Close");
  }

  /** The visible buttons' words from left to right, but the folder's Choose…. */
  private static List<String> leftToRight(Parent root) throws Exception {
    return FxWait.onFx(
        () ->
            buttons(root).stream()
                .filter(b -> !b.getText().equals("Choose…"))
                .sorted(java.util.Comparator.comparingDouble(b -> inScene(b).getMinX()))
                .map(Button::getText)
                .toList());
  }

  /**
   * The buttons read in the order of the work, Close last: the Markdown import's read "Close,
   * Import, Check" (placed by the role each had when the row was made).
   */
  @Test
  void theButtonsReadInTheOrderOfTheWorkWithCloseLast(FxRobot robot) throws Exception {
    SampleMeetup.addTo(notebook);
    java.nio.file.Path md = dir.resolve("md");
    java.nio.file.Files.createDirectories(md);
    java.nio.file.Files.writeString(md.resolve("a.md"), "# A talk\n");
    Stage[] shown = new Stage[3];
    robot.interact(
        () -> {
          MarkdownImportDialog in =
              new MarkdownImportDialog(
                  stage,
                  notebook,
                  md.toString(),
                  folder -> {},
                  heldWorker,
                  Platform::runLater,
                  report -> {});
          in.show();
          shown[0] = in.stage();
          MarkdownExportDialog out =
              new MarkdownExportDialog(
                  stage,
                  notebook,
                  dir.resolve("out").toString(),
                  folder -> {},
                  heldWorker,
                  Platform::runLater);
          out.show();
          shown[1] = out.stage();
          SiteExportDialog site =
              new SiteExportDialog(
                  stage,
                  notebook,
                  SiteExportDialog.exporter(),
                  heldWorker,
                  Platform::runLater,
                  new SiteExportDialog.Choices(dir.resolve("site").toString(), "", ""),
                  chosen -> {},
                  (url, notOpened) -> {});
          site.show();
          shown[2] = site.stage();
        });
    FxWait.untilFx(
        "the dialogs laid out", () -> leftToRight(shown[2].getScene().getRoot()).size() >= 2);
    assertThat(leftToRight(shown[0].getScene().getRoot()))
        .containsExactly("Check", "Import", "Close");
    assertThat(leftToRight(shown[1].getScene().getRoot())).containsExactly("Export", "Close");
    List<String> site = leftToRight(shown[2].getScene().getRoot());
    assertThat(site.get(0)).isEqualTo("Export");
    assertThat(site.get(site.size() - 1)).isEqualTo("Close");
  }
}
