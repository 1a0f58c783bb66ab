package dev.talkbook.ui.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.sample.SampleMeetup;
import dev.talkbook.ui.FxWait;
import dev.talkbook.ui.OwnerWindowTest;
import dev.talkbook.ui.common.LongJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** File → Export site… and Import Markdown…, driven headless as a user would. */
class ExportDialogsTest extends OwnerWindowTest {
  private final List<String> opened = new CopyOnWriteArrayList<>();
  private final List<SiteExportDialog.Choices> remembered = new CopyOnWriteArrayList<>();

  /** Opens File → Export site…'s dialog with {@code out} as the proposed folder. */
  private void showSiteExport(FxRobot robot, Path out) {
    showSiteExport(robot, new SiteExportDialog.Choices(out.toString(), "", ""));
  }

  /** Opens File → Export site…'s dialog holding what {@code last} says. */
  private void showSiteExport(FxRobot robot, SiteExportDialog.Choices last) {
    showSiteExport(robot, last, LongJob.ownThread("test-export"), Platform::runLater);
  }

  private void showSiteExport(
      FxRobot robot, SiteExportDialog.Choices last, Executor worker, Executor fx) {
    showSiteExport(robot, last, worker, fx, SiteExportDialog.exporter());
  }

  private void showSiteExport(
      FxRobot robot,
      SiteExportDialog.Choices last,
      Executor worker,
      Executor fx,
      dev.talkbook.core.site.SiteExporter exporter) {
    robot.interact(
        () ->
            new SiteExportDialog(
                    stage,
                    notebook,
                    exporter,
                    worker,
                    fx,
                    last,
                    remembered::add,
                    (url, notOpened) -> {
                      opened.add(url);
                      notOpened.accept("No browser opened " + url + ".");
                    })
                .show());
  }

  @Test
  void theFormHoldsWhatTheLastExportHadAndItIsRememberedAgain(FxRobot robot) throws Exception {
    SampleMeetup.addTo(notebook);
    Path out = dir.resolve("site");
    showSiteExport(
        robot, new SiteExportDialog.Choices(out.toString(), "Meetup notes", "https://ex.org/t/"));
    assertThat(FxWait.onFx(() -> field(robot, SiteExportDialog.TITLE_ID)))
        .isEqualTo("Meetup notes");
    assertThat(FxWait.onFx(() -> field(robot, SiteExportDialog.URL_ID)))
        .isEqualTo("https://ex.org/t/");
    robot.interact(
        () -> robot.lookup("#" + SiteExportDialog.TITLE_ID).queryTextInputControl().setText("JVM"));
    FxWait.clickOn(robot, "#" + SiteExportDialog.EXPORT_ID);
    // (not index.html's being there: a placeholder page stands there while the export runs)
    FxWait.untilFx(
        "the export to finish",
        () -> !robot.lookup("#" + SiteExportDialog.OPEN_ID).queryButton().isDisabled());
    assertThat(remembered)
        .containsExactly(new SiteExportDialog.Choices(out.toString(), "JVM", "https://ex.org/t/"));
    assertThat(Files.readString(out.resolve("index.html"))).contains("<title>JVM</title>");
  }

  @Test
  void theFormTakesTheTitleAndAddressTheChosenFoldersSiteKeeps(FxRobot robot) throws Exception {
    SampleMeetup.addTo(notebook);
    // Sites exported as `talkbook export site --title … --base-url …` does, not from this window.
    Path site = dir.resolve("site");
    Path other = dir.resolve("other");
    SiteExportDialog.exporter()
        .export(
            notebook,
            site,
            new dev.talkbook.core.site.SiteExporter.Options(
                "Polyglot", java.util.Set.of(), "https://ex.org/talks/"),
            dev.talkbook.core.site.SiteExporter.Progress.NONE,
            () -> false);
    SiteExportDialog.exporter()
        .export(
            notebook,
            other,
            new dev.talkbook.core.site.SiteExporter.Options("Other", java.util.Set.of(), null),
            dev.talkbook.core.site.SiteExporter.Progress.NONE,
            () -> false);
    // This window never exported it: it remembers nothing (the defaults). The worker counts what
    // it was given and what it finished, so a test of what a read did not change can wait for it.
    java.util.concurrent.atomic.AtomicInteger given =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger done =
        new java.util.concurrent.atomic.AtomicInteger();
    Executor one =
        java.util.concurrent.Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "test-export-dialog");
              t.setDaemon(true);
              return t;
            });
    Executor worker =
        work -> {
          given.incrementAndGet();
          one.execute(
              () -> {
                try {
                  work.run();
                } finally {
                  done.incrementAndGet();
                }
              });
        };
    showSiteExport(
        robot, new SiteExportDialog.Choices(site.toString(), "", ""), worker, Platform::runLater);
    FxWait.untilFx(
        "the site's title and address",
        () ->
            field(robot, SiteExportDialog.TITLE_ID).equals("Polyglot")
                && field(robot, SiteExportDialog.URL_ID).equals("https://ex.org/talks/"));

    FxWait.clickOn(robot, "#" + SiteExportDialog.EXPORT_ID);
    FxWait.until("the export to be remembered", () -> !remembered.isEmpty());
    FxWait.untilFx(
        "the export to finish",
        () -> !robot.lookup("#" + SiteExportDialog.OPEN_ID).queryButton().isDisabled());
    assertThat(remembered)
        .containsExactly(
            new SiteExportDialog.Choices(site.toString(), "Polyglot", "https://ex.org/talks/"));
    assertThat(Files.readString(site.resolve("index.html"))).contains("<title>Polyglot</title>");
    assertThat(Files.readString(site.resolve("feed.xml"))).contains("https://ex.org/talks/");

    // Another site's folder: its own title, and no address.
    robot.interact(
        () ->
            robot
                .lookup("#" + SiteExportDialog.FOLDER_ID)
                .queryTextInputControl()
                .setText(other.toString()));
    FxWait.untilFx(
        "the other site's title",
        () ->
            field(robot, SiteExportDialog.TITLE_ID).equals("Other")
                && field(robot, SiteExportDialog.URL_ID).isEmpty());
    // A title the user typed stays when the folder changes; the address still follows it.
    robot.interact(
        () ->
            robot.lookup("#" + SiteExportDialog.TITLE_ID).queryTextInputControl().setText("Mine"));
    robot.interact(
        () ->
            robot
                .lookup("#" + SiteExportDialog.FOLDER_ID)
                .queryTextInputControl()
                .setText(site.toString()));
    FxWait.untilFx(
        "the site's address",
        () -> field(robot, SiteExportDialog.URL_ID).equals("https://ex.org/talks/"));
    assertThat(FxWait.onFx(() -> field(robot, SiteExportDialog.TITLE_ID))).isEqualTo("Mine");
    // A folder without a site, or with a file that is not a manifest, changes neither.
    Path notASite = Files.createDirectories(dir.resolve("not-a-site"));
    Files.writeString(notASite.resolve(".talkbook-site"), "something else\n");
    for (Path folder : List.of(dir.resolve("new"), notASite)) {
      robot.interact(
          () ->
              robot
                  .lookup("#" + SiteExportDialog.FOLDER_ID)
                  .queryTextInputControl()
                  .setText(folder.toString()));
      FxWait.until("the folder's read", () -> done.get() == given.get());
      assertThat(FxWait.onFx(() -> field(robot, SiteExportDialog.TITLE_ID))).isEqualTo("Mine");
      assertThat(FxWait.onFx(() -> field(robot, SiteExportDialog.URL_ID)))
          .isEqualTo("https://ex.org/talks/");
    }
  }

  @Test
  void eachFieldOfTheSiteExportIsNamedForAScreenReader(FxRobot robot) throws Exception {
    showSiteExport(robot, dir.resolve("site"));
    javafx.scene.Parent root =
        robot.lookup("#" + SiteExportDialog.FOLDER_ID).query().getScene().getRoot();
    // each visible label is tied to the field it names
    assertThat(
            FxWait.onFx(
                () ->
                    root.lookupAll(".label").stream()
                        .map(Label.class::cast)
                        .filter(l -> l.getLabelFor() != null)
                        .collect(
                            java.util.stream.Collectors.toMap(
                                Label::getText, l -> l.getLabelFor().getId()))))
        .containsEntry("Folder", SiteExportDialog.FOLDER_ID)
        .containsEntry("Site title", SiteExportDialog.TITLE_ID)
        .containsEntry("Published at", SiteExportDialog.URL_ID);
    // what has no visible label of its own says what it is
    assertThat(
            FxWait.onFx(
                () ->
                    root.lookupAll(".button").stream()
                        .map(Button.class::cast)
                        .filter(b -> b.getText().equals("Choose…"))
                        .map(Button::getAccessibleText)
                        .toList()))
        .containsExactly("Choose the folder for the site");
    assertThat(FxWait.onFx(() -> root.lookup(".progress-bar").getAccessibleText()))
        .isEqualTo("Export progress");
  }

  @Test
  void theMarkdownDialogsSayWhatTheirProgressAndReportAre(FxRobot robot) throws Exception {
    Path md = Files.createDirectories(dir.resolve("md/meetup"));
    Files.writeString(md.resolve("_index.md"), "---\ntitle: Spring Meetup\n---\n");
    robot.interact(
        () -> {
          new MarkdownImportDialog(
                  stage,
                  notebook,
                  md.getParent().toString(),
                  folder -> {},
                  Runnable::run,
                  Runnable::run,
                  report -> {})
              .show();
          new MarkdownExportDialog(
                  stage,
                  notebook,
                  dir.resolve("out").toString(),
                  folder -> {},
                  Runnable::run,
                  Runnable::run)
              .show();
        });
    TextArea report = robot.lookup("#" + MarkdownImportDialog.REPORT_ID).queryAs(TextArea.class);
    assertThat(FxWait.onFx(report::getAccessibleText))
        .isEqualTo("What the import does with each file");
    assertThat(
            FxWait.onFx(
                () -> report.getScene().getRoot().lookup(".progress-bar").getAccessibleText()))
        .isEqualTo("Import progress");
    Label exportStatus = robot.lookup("#" + MarkdownExportDialog.STATUS_ID).queryAs(Label.class);
    assertThat(
            FxWait.onFx(
                () ->
                    exportStatus.getScene().getRoot().lookup(".progress-bar").getAccessibleText()))
        .isEqualTo("Export progress");
  }

  @Test
  void theMarkdownImportsSummaryStartsUnderItsFolderWithNoEmptyBandBetween(FxRobot robot)
      throws Exception {
    Path md = Files.createDirectories(dir.resolve("md/meetup"));
    Files.writeString(md.resolve("_index.md"), "---\ntitle: Spring Meetup\n---\n");
    robot.interact(
        () ->
            new MarkdownImportDialog(
                    stage,
                    notebook,
                    md.getParent().toString(),
                    folder -> {},
                    Runnable::run,
                    Runnable::run,
                    report -> {})
                .show());
    Label status = robot.lookup("#" + MarkdownImportDialog.STATUS_ID).queryAs(Label.class);
    FxWait.untilFx("the dry run's summary", () -> !status.getText().isEmpty());
    double[] gap =
        FxWait.onFx(
            () -> {
              javafx.scene.layout.VBox root = (javafx.scene.layout.VBox) status.getParent();
              root.layout();
              javafx.scene.Node from = root.getChildren().get(1); // the folder's row
              return new double[] {
                status.getBoundsInParent().getMinY() - from.getBoundsInParent().getMaxY(),
                root.getSpacing()
              };
            });
    // The progress bar, hidden once the dry run was done, kept its room: 30 px more.
    assertThat(gap[0]).isLessThanOrEqualTo(gap[1] + 0.5);
  }

  @Test
  void openingAndClosingTheSiteExportMakesNoFolder(FxRobot robot) {
    // The folder offered beside the notebook was made, empty, as the dialog opened (reading
    // whether a site is there made it) and stayed after Esc: only an export makes it.
    Path offered = dir.resolve("n-site");
    showSiteExport(
        robot,
        new SiteExportDialog.Choices(offered.toString(), "", ""),
        Runnable::run, // the folder's read runs as the dialog opens, before the check below
        Runnable::run);
    robot.interact(
        () ->
            robot
                .lookup("#" + SiteExportDialog.FOLDER_ID)
                .queryTextInputControl()
                .setText(dir.resolve("typed").toString()));
    robot.interact(
        () -> robot.lookup("#" + SiteExportDialog.FOLDER_ID).query().getScene().getWindow().hide());

    assertThat(offered).doesNotExist();
    assertThat(dir.resolve("typed")).doesNotExist();
  }

  @Test
  void aNotebooksFirstSiteIsOfferedAFolderBesideIt() {
    assertThat(SiteExportDialog.defaultFolder(Path.of("/home/ana/talks.talkbook")))
        .isEqualTo(Path.of("/home/ana/talks-site"));
    assertThat(SiteExportDialog.defaultFolder(Path.of("/home/ana/notes.db")))
        .isEqualTo(Path.of("/home/ana/notes.db-site"));
  }

  private static String field(FxRobot robot, String id) {
    return robot.lookup("#" + id).queryTextInputControl().getText();
  }

  @Test
  void exportSiteShowsProgressAndOpensTheResultInTheBrowser(FxRobot robot) throws Exception {
    SampleMeetup.addTo(notebook);
    Path out = dir.resolve("site");
    showSiteExport(robot, out);
    Button open = robot.lookup("#" + SiteExportDialog.OPEN_ID).queryButton();
    assertThat(FxWait.onFx(open::isDisabled)).isTrue();

    FxWait.clickOn(robot, "#" + SiteExportDialog.EXPORT_ID);
    FxWait.untilFx("the export to finish", () -> !open.isDisabled());

    Label status = robot.lookup("#" + SiteExportDialog.STATUS_ID).queryAs(Label.class);
    assertThat(FxWait.onFx(status::getText)).startsWith("Exported 5 talks");
    assertThat(out.resolve("index.html")).exists();
    assertThat(remembered).containsExactly(new SiteExportDialog.Choices(out.toString(), "", ""));
    Button export = robot.lookup("#" + SiteExportDialog.EXPORT_ID).queryButton();
    assertThat(FxWait.onFx(open::isDefaultButton)).as("Enter opens the site").isTrue();
    assertThat(FxWait.onFx(export::isDefaultButton)).isFalse();
    pressEnterIn(robot, open);
    FxWait.until("the site to be opened", () -> !opened.isEmpty());
    assertThat(opened).containsExactly(out.resolve("index.html").toUri().toString());
    // No browser opened it (the test's opener says so): the dialog says it, not only the window.
    FxWait.untilFx("the dialog to say so", () -> status.getText().startsWith("No browser opened"));
    assertThat(FxWait.onFx(status::getText))
        .isEqualTo("No browser opened " + out.resolve("index.html").toUri() + ".");
    // A change to the form: Enter exports again.
    robot.interact(
        () ->
            robot.lookup("#" + SiteExportDialog.TITLE_ID).queryTextInputControl().setText("Talks"));
    assertThat(FxWait.onFx(export::isDefaultButton)).isTrue();
    assertThat(FxWait.onFx(open::isDefaultButton)).isFalse();
  }

  @Test
  void enterOpensTheSiteAlsoWhenTheExportEndedBeforeItsButtonLostTheFocus(FxRobot robot)
      throws Exception {
    SampleMeetup.addTo(notebook);
    Path out = dir.resolve("site");
    // The work and its end run at once, inside the click: the export is done before the disabled
    // Export button hands its focus on, as a quick export on a fast machine is. The exporter's own
    // threads report progress too: theirs go to the FX thread, as the app's do.
    Executor fxNowOrLater =
        r -> {
          if (Platform.isFxApplicationThread()) {
            r.run();
          } else {
            Platform.runLater(r);
          }
        };
    showSiteExport(
        robot, new SiteExportDialog.Choices(out.toString(), "", ""), Runnable::run, fxNowOrLater);
    Button open = robot.lookup("#" + SiteExportDialog.OPEN_ID).queryButton();
    FxWait.clickOn(robot, "#" + SiteExportDialog.EXPORT_ID);
    FxWait.untilFx("the export to finish", () -> !open.isDisabled());
    WaitForAsyncUtils.waitForFxEvents();

    pressEnterIn(robot, open);
    FxWait.until("the site to be opened", () -> !opened.isEmpty());
    assertThat(opened).containsExactly(out.resolve("index.html").toUri().toString());
  }

  @Test
  void exportSiteNamesAnSvgPublishedAsADownloadUnderItsSummary(FxRobot robot) throws Exception {
    var event = notebook.events().create(dev.talkbook.core.notebook.Event.Details.titled("Meetup"));
    var talk =
        notebook
            .talks()
            .create(event.id(), dev.talkbook.core.notebook.Talk.Details.titled("T"), "");
    var svg =
        notebook
            .attachments()
            .add(
                talk.id(),
                "diagram.svg",
                "image/svg+xml",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>x()</script></svg>".getBytes());
    notebook.talks().saveBody(talk.id(), svg.markdown("image/svg+xml") + "\n");
    Path out = dir.resolve("site");
    showSiteExport(robot, out);
    Button open = robot.lookup("#" + SiteExportDialog.OPEN_ID).queryButton();

    FxWait.clickOn(robot, "#" + SiteExportDialog.EXPORT_ID);
    FxWait.untilFx("the export to finish", () -> !open.isDisabled());

    Label status = robot.lookup("#" + SiteExportDialog.STATUS_ID).queryAs(Label.class);
    assertThat(FxWait.onFx(status::getText))
        .startsWith("Exported 1 talk")
        .endsWith(
            " removed.\ndiagram.svg holds links or scripts: published as a download, not shown"
                + " as a picture");
  }

  @Test
  void exportSiteIntoAFolderWithSomeoneElsesFilesSaysWhy(FxRobot robot) throws Exception {
    SampleMeetup.addTo(notebook);
    Path out = Files.createDirectories(dir.resolve("taken"));
    Files.writeString(out.resolve("index.html"), "mine");
    showSiteExport(robot, out);
    FxWait.clickOn(robot, "#" + SiteExportDialog.EXPORT_ID);
    Label status = robot.lookup("#" + SiteExportDialog.STATUS_ID).queryAs(Label.class);
    FxWait.untilFx(
        "the export to say why not", () -> status.getText().contains("not written by Talkbook"));
    // Said as a problem, and whole: the dialog grows to the message's lines (it was cut to "…").
    assertThat(FxWait.onFx(() -> List.copyOf(status.getStyleClass()))).contains("tb-problem");
    FxWait.untilFx(
        "the dialog to hold the whole message",
        () -> {
          javafx.scene.Scene scene = status.getScene();
          return scene.getRoot().prefHeight(scene.getWidth()) <= scene.getHeight() + 1
              && status.getHeight() >= status.prefHeight(status.getWidth()) - 0.5;
        });
    assertThat(
            FxWait.onFx(
                () -> robot.lookup("#" + SiteExportDialog.OPEN_ID).queryButton().isDisabled()))
        .isTrue();
    assertThat(out.resolve("index.html")).hasContent("mine");
  }

  /**
   * Cancel while the export writes the talks' pages: the dialog says that the site still works and
   * how many of its pages only say that they are being published until the next export (and that
   * its search has no index yet), counted as the folder holds them; the next export finishes it.
   */
  @Test
  void cancellingTheSiteExportSaysWhatTheFolderHoldsUntilTheNextExport(FxRobot robot)
      throws Exception {
    SampleMeetup.addTo(notebook);
    Path out = dir.resolve("site");
    java.util.concurrent.CountDownLatch asked = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch goOn = new java.util.concurrent.CountDownLatch(1);
    // the pages wait for the renderer until Cancel was clicked
    dev.talkbook.core.site.SiteExporter exporter =
        new dev.talkbook.core.site.SiteExporter(
            () -> {
              asked.countDown();
              try {
                goOn.await(60, java.util.concurrent.TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return new dev.talkbook.core.markdown.MarkdownRenderer();
            });
    showSiteExport(
        robot,
        new SiteExportDialog.Choices(out.toString(), "", ""),
        LongJob.ownThread("test-export"),
        Platform::runLater,
        exporter);
    Button cancel = robot.lookup("#" + SiteExportDialog.CANCEL_ID).queryButton();
    Label status = robot.lookup("#" + SiteExportDialog.STATUS_ID).queryAs(Label.class);
    FxWait.clickOn(robot, "#" + SiteExportDialog.EXPORT_ID);
    assertThat(asked.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    FxWait.untilFx("the export to run", () -> cancel.getText().equals("Cancel"));
    // placeholders stand where the pages go (which wait for the renderer)
    FxWait.until("the export to write", () -> Files.exists(out.resolve("index.html")));

    FxWait.clickOn(robot, "#" + SiteExportDialog.CANCEL_ID);
    goOn.countDown();

    FxWait.untilFx("the export to stop", () -> cancel.getText().equals("Close"));
    long waiting;
    try (var files = Files.walk(out)) {
      waiting =
          files
              .filter(p -> p.toString().endsWith(".html") && !p.toString().contains(".talkbook-"))
              .filter(
                  p -> {
                    try {
                      return Files.readString(p).contains("This page is being published.");
                    } catch (java.io.IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .count();
    }
    assertThat(waiting).isGreaterThan(1);
    assertThat(FxWait.onFx(status::getText))
        .isEqualTo(
            "Export cancelled. The site still works, but "
                + waiting
                + " pages only say that they are being published and its search finds nothing"
                + " until you export again.");
    assertThat(FxWait.onFx(() -> List.copyOf(status.getStyleClass()))).doesNotContain("tb-problem");
    assertThat(FxWait.onFx(() -> cancel.getScene().getWindow().isShowing())).isTrue();

    FxWait.clickOn(robot, "#" + SiteExportDialog.EXPORT_ID);
    FxWait.untilFx(
        "the export to finish",
        () -> !robot.lookup("#" + SiteExportDialog.OPEN_ID).queryButton().isDisabled());
    assertThat(Files.readString(out.resolve("index.html")))
        .doesNotContain("This page is being published.");
  }

  /**
   * Another export writing into the folder (the command line's, another window's: here a process
   * that holds it) is said in the status line at once, as a problem; nothing is written, and Export
   * works again once that one has ended.
   */
  @Test
  void exportSiteIntoAFolderAnotherExportIsWritingIntoSaysSoAtOnce(FxRobot robot) throws Exception {
    SampleMeetup.addTo(notebook);
    Path out = dir.resolve("busy");
    Process holder = dev.talkbook.core.site.HoldSiteFolder.start(out);
    try {
      showSiteExport(robot, out);
      Label shown = robot.lookup("#" + SiteExportDialog.STATUS_ID).queryAs(Label.class);
      FxWait.clickOn(robot, "#" + SiteExportDialog.EXPORT_ID);
      FxWait.untilFx(
          "the export to say why not",
          () -> shown.getText().startsWith("Another export is writing into"));
      assertThat(FxWait.onFx(shown::getText))
          .isEqualTo(dev.talkbook.core.site.HoldSiteFolder.busy(out));
      assertThat(FxWait.onFx(() -> List.copyOf(shown.getStyleClass()))).contains("tb-problem");
      assertThat(out.resolve("index.html")).doesNotExist();
    } finally {
      holder.getOutputStream().close(); // it ends, letting the folder go
      holder.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
    }
    FxWait.clickOn(robot, "#" + SiteExportDialog.EXPORT_ID);
    Button open = robot.lookup("#" + SiteExportDialog.OPEN_ID).queryButton();
    FxWait.untilFx("the export to finish", () -> !open.isDisabled());
    assertThat(out.resolve("index.html")).exists();
  }

  @Test
  void enterClosesAfterAnImportThatEndedBeforeItsButtonLostTheFocus(FxRobot robot)
      throws Exception {
    Path md = Files.createDirectories(dir.resolve("md/meetup"));
    Files.writeString(md.resolve("_index.md"), "---\ntitle: Spring Meetup\n---\n");
    Files.writeString(md.resolve("01-one.md"), "---\ntitle: One\n---\nfirst\n");
    robot.interact(
        () ->
            new MarkdownImportDialog(
                    stage,
                    notebook,
                    md.getParent().toString(),
                    folder -> {},
                    Runnable::run,
                    Runnable::run,
                    report -> {})
                .show());
    Button close = robot.lookup("#" + MarkdownImportDialog.CLOSE_ID).queryButton();
    FxWait.clickOn(robot, "#" + MarkdownImportDialog.IMPORT_ID);
    FxWait.untilFx("the import to finish", close::isDefaultButton);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(notebook.talks().count()).isEqualTo(1);

    pressEnterIn(robot, close);
    FxWait.untilFx("Enter to close the dialog", () -> !close.getScene().getWindow().isShowing());
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
                    md.getParent().toString(),
                    folder -> {},
                    LongJob.ownThread("test-import"),
                    Platform::runLater,
                    report -> imported.add("done"))
                .show());
    TextArea report = robot.lookup("#" + MarkdownImportDialog.REPORT_ID).queryAs(TextArea.class);
    Label status = robot.lookup("#" + MarkdownImportDialog.STATUS_ID).queryAs(Label.class);
    FxWait.untilFx("the dry run's summary", () -> status.getText().startsWith("Would import"));
    String dryRun = FxWait.onFx(report::getText);
    // Each file a line; the summary only once, above.
    assertThat(dryRun)
        .contains(
            "created   meetup/01-one.md",
            "failed    meetup/02-bad.md — is not UTF-8",
            "event     meetup/_index.md — new event \"Spring Meetup\"")
        .doesNotContain("Would import");
    // Its columns line up (a fixed-width font), and the failed line's reason wraps, not cut off.
    assertThat(FxWait.onFx(() -> report.getFont().getFamily())).isEqualTo("Monospaced");
    assertThat(
            FxWait.onFx(
                () ->
                    report.lookupAll(".scroll-bar").stream()
                        .filter(n -> n instanceof javafx.scene.control.ScrollBar)
                        .map(n -> (javafx.scene.control.ScrollBar) n)
                        .filter(b -> b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL)
                        .noneMatch(javafx.scene.Node::isVisible)))
        .as("no horizontal scroll bar")
        .isTrue();
    // Each file counted once, the event file too: the parts add up to the files.
    assertThat(FxWait.onFx(status::getText))
        .startsWith(
            "Would import 2 of 3 files: 1 new talk, 0 updated, 0 unchanged, 1 event file;"
                + " 1 failed; 1 new event");
    assertThat(notebook.talks().count()).isZero();

    FxWait.clickOn(robot, "#" + MarkdownImportDialog.IMPORT_ID);
    FxWait.untilFx(
        "the import's summary", () -> status.getText().startsWith("Imported 2 of 3 files"));
    FxWait.untilFx("the import's report", () -> report.getText().startsWith("created"));
    assertThat(notebook.talks().count()).isEqualTo(1);
    assertThat(imported).containsExactly("done");
    assertThat(
            FxWait.onFx(
                () ->
                    robot
                        .lookup("#" + MarkdownImportDialog.CLOSE_ID)
                        .queryButton()
                        .isDefaultButton()))
        .as("Enter closes")
        .isTrue();
    assertThat(
            FxWait.onFx(
                () ->
                    robot.lookup("#" + MarkdownImportDialog.IMPORT_ID).queryButton().isDisabled()))
        .isTrue();
  }

  @Test
  void aCheckThatEndsAfterTheFolderWasRetypedDoesNotLetImportTakeTheOldFolder(FxRobot robot)
      throws Exception {
    Path md = Files.createDirectories(dir.resolve("md/meetup"));
    Files.writeString(md.resolve("01-one.md"), "---\ntitle: One\n---\nfirst\n");
    Path other = Files.createDirectories(dir.resolve("other"));
    // The worker holds the check of the folder offered until the test lets it go.
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    Executor held =
        work ->
            LongJob.ownThread("test-import-held")
                .execute(
                    () -> {
                      try {
                        go.await();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      work.run();
                    });
    robot.interact(
        () ->
            new MarkdownImportDialog(
                    stage,
                    notebook,
                    md.getParent().toString(),
                    folder -> {},
                    held,
                    Platform::runLater,
                    report -> {})
                .show());
    Label status = robot.lookup("#" + MarkdownImportDialog.STATUS_ID).queryAs(Label.class);
    Button run = robot.lookup("#" + MarkdownImportDialog.IMPORT_ID).queryButton();
    Button check = robot.lookup("#" + MarkdownImportDialog.CHECK_ID).queryButton();
    TextArea report = robot.lookup("#" + MarkdownImportDialog.REPORT_ID).queryAs(TextArea.class);
    FxWait.untilFx("the check to start", () -> status.getText().startsWith("Checking"));
    robot.interact(
        () ->
            robot
                .lookup("#" + MarkdownImportDialog.FOLDER_ID)
                .queryAs(javafx.scene.control.TextField.class)
                .setText(other.toString()));
    go.countDown();
    FxWait.untilFx("the old check to end", () -> !status.getText().startsWith("Checking"));
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(FxWait.onFx(run::isDisabled)).as("Import of the folder no longer typed").isTrue();
    assertThat(FxWait.onFx(check::isDefaultButton)).as("Enter checks the folder typed").isTrue();
    assertThat(FxWait.onFx(() -> report.getText())).isEmpty();
    assertThat(FxWait.onFx(() -> status.getText())).doesNotStartWith("Would import");
    assertThat(notebook.talks().count()).isZero();
  }

  private List<Path> showMarkdownExport(FxRobot robot, String last) {
    List<Path> exportedTo = new CopyOnWriteArrayList<>();
    robot.interact(
        () ->
            new MarkdownExportDialog(
                    stage,
                    notebook,
                    last,
                    exportedTo::add,
                    LongJob.ownThread("test-md-export"),
                    Platform::runLater)
                .show());
    return exportedTo;
  }

  private static void typeFolder(FxRobot robot, String id, String text) {
    robot.interact(
        () -> robot.lookup("#" + id).queryAs(javafx.scene.control.TextField.class).setText(text));
  }

  @Test
  void exportMarkdownAgainOffersANewFolderBesideTheLastAndRemembersOnlyAFolderExportedTo(
      FxRobot robot) throws Exception {
    dev.talkbook.core.notebook.Event meetup =
        notebook.events().create(dev.talkbook.core.notebook.Event.Details.titled("Meetup"));
    notebook
        .talks()
        .create(meetup.id(), dev.talkbook.core.notebook.Talk.Details.titled("Loom"), "");
    Path last = Files.createDirectories(dir.resolve("n-markdown"));
    Files.writeString(last.resolve("_index.md"), "the last export");
    List<Path> exportedTo = showMarkdownExport(robot, last.toString());
    javafx.scene.control.TextField folder =
        robot
            .lookup("#" + MarkdownExportDialog.FOLDER_ID)
            .queryAs(javafx.scene.control.TextField.class);
    Label status = robot.lookup("#" + MarkdownExportDialog.STATUS_ID).queryAs(Label.class);
    assertThat(FxWait.onFx(() -> folder.getText()))
        .isEqualTo(dir.resolve("n-markdown-2").toString());

    // The folder of the last export typed back: refused, and not remembered.
    typeFolder(robot, MarkdownExportDialog.FOLDER_ID, last.toString());
    FxWait.clickOn(robot, "#" + MarkdownExportDialog.EXPORT_ID);
    FxWait.untilFx("the refusal", () -> status.getText().contains("is not empty"));
    assertThat(exportedTo).isEmpty();

    // Enter on what is offered exports there, and that is remembered.
    typeFolder(robot, MarkdownExportDialog.FOLDER_ID, dir.resolve("n-markdown-2").toString());
    FxWait.clickOn(robot, "#" + MarkdownExportDialog.EXPORT_ID);
    FxWait.until("the export to be remembered", () -> !exportedTo.isEmpty());
    assertThat(exportedTo).containsExactly(dir.resolve("n-markdown-2"));
    assertThat(dir.resolve("n-markdown-2/meetup/01-loom.md")).exists();
    // The next time, the one after it.
    assertThat(MarkdownExportDialog.offered(dir.resolve("n-markdown-2").toString()))
        .isEqualTo(dir.resolve("n-markdown-3").toString());
  }

  @Test
  void aFolderHoldingOnlyAKilledExportsLeftoversIsOfferedAgainNotANewOneBesideIt()
      throws Exception {
    // A killed export leaves its staging folder (and lock) behind; the export counts that folder as
    // empty, so the dialog offers it, not NAME-2.
    Path last = Files.createDirectories(dir.resolve("n-markdown/.talkbook-writing")).getParent();
    Files.writeString(last.resolve(".talkbook-writing/export.lock"), "");
    Files.writeString(last.resolve(".talkbook-writing/3.tmp"), "half a file");
    assertThat(MarkdownExportDialog.offered(last.toString())).isEqualTo(last.toString());
    // and NAME-2 holding only leftovers is the one offered after a NAME with files
    Files.writeString(last.resolve("_index.md"), "the last export");
    Files.createDirectories(dir.resolve("n-markdown-2/.talkbook-writing"));
    assertThat(MarkdownExportDialog.offered(last.toString()))
        .isEqualTo(dir.resolve("n-markdown-2").toString());
    // anything else in it is a file of someone's: not offered
    Files.writeString(dir.resolve("n-markdown-2/notes.txt"), "mine");
    assertThat(MarkdownExportDialog.offered(last.toString()))
        .isEqualTo(dir.resolve("n-markdown-3").toString());
  }

  @Test
  void aFolderTypedWithTildeIsInTheHomeFolderAndARelativeOneIsRefused(FxRobot robot)
      throws Exception {
    dev.talkbook.core.notebook.Event meetup =
        notebook.events().create(dev.talkbook.core.notebook.Event.Details.titled("Meetup"));
    notebook
        .talks()
        .create(meetup.id(), dev.talkbook.core.notebook.Talk.Details.titled("Loom"), "");
    Path home = Files.createDirectories(dir.resolve("home"));
    String wasHome = System.getProperty("user.home");
    System.setProperty("user.home", home.toString());
    try {
      List<Path> exportedTo = showMarkdownExport(robot, "relative-md");
      Label status = robot.lookup("#" + MarkdownExportDialog.STATUS_ID).queryAs(Label.class);
      FxWait.clickOn(robot, "#" + MarkdownExportDialog.EXPORT_ID);
      FxWait.untilFx("the refusal", () -> status.getText().contains("is not a full path"));
      assertThat(Path.of("relative-md")).doesNotExist();

      typeFolder(robot, MarkdownExportDialog.FOLDER_ID, "~/talks-md");
      FxWait.clickOn(robot, "#" + MarkdownExportDialog.EXPORT_ID);
      FxWait.until("the export to be remembered", () -> !exportedTo.isEmpty());
      assertThat(exportedTo).containsExactly(home.resolve("talks-md"));
      assertThat(home.resolve("talks-md/meetup/01-loom.md")).exists();
      assertThat(Path.of("~")).doesNotExist();
    } finally {
      System.setProperty("user.home", wasHome);
    }
  }

  /**
   * Another export writing into the folder (the command line's, another window's: here a process
   * that holds it) is said in the Markdown export's status line at once, as a problem; nothing is
   * written, nothing remembered, and once that one has been killed Export writes there.
   */
  @Test
  void exportMarkdownIntoAFolderAnotherExportIsWritingIntoSaysSoAtOnce(FxRobot robot)
      throws Exception {
    SampleMeetup.addTo(notebook);
    Path out = dir.resolve("busy-md");
    Process holder = dev.talkbook.core.site.HoldSiteFolder.start(out);
    List<Path> exportedTo;
    Label shown;
    try {
      exportedTo = showMarkdownExport(robot, out.toString());
      typeFolder(robot, MarkdownExportDialog.FOLDER_ID, out.toString());
      shown = robot.lookup("#" + MarkdownExportDialog.STATUS_ID).queryAs(Label.class);
      FxWait.clickOn(robot, "#" + MarkdownExportDialog.EXPORT_ID);
      FxWait.untilFx(
          "the export to say why not",
          () -> shown.getText().startsWith("Another export is writing into"));
      assertThat(FxWait.onFx(shown::getText))
          .isEqualTo(dev.talkbook.core.site.HoldSiteFolder.busy(out));
      assertThat(FxWait.onFx(() -> List.copyOf(shown.getStyleClass()))).contains("tb-problem");
      assertThat(exportedTo).isEmpty();
      try (var files = Files.walk(out)) {
        assertThat(files.filter(p -> p.toString().endsWith(".md")).count()).isZero();
      }
    } finally {
      holder.destroyForcibly(); // kill -9: its hold goes with it
      holder.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
    }
    FxWait.clickOn(robot, "#" + MarkdownExportDialog.EXPORT_ID);
    FxWait.until("the export to be remembered", () -> !exportedTo.isEmpty());
    assertThat(exportedTo).containsExactly(out);
    FxWait.untilFx("the export to say so", () -> shown.getText().startsWith("Exported"));
    assertThat(FxWait.onFx(() -> List.copyOf(shown.getStyleClass()))).doesNotContain("tb-problem");
  }
}
