package dev.talkbook.ui.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.talkbook.core.exchange.ScheduleFetcher;
import dev.talkbook.core.exchange.ScheduleImporter.Report;
import dev.talkbook.ui.FxWait;
import dev.talkbook.ui.OwnerWindowTest;
import dev.talkbook.ui.common.LongJob;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** File → Import schedule…: a dry-run report first, then the import; errors said in place. */
class ScheduleImportDialogTest extends OwnerWindowTest {
  private final List<Report> imported = new CopyOnWriteArrayList<>();

  private static byte[] fixture(String name) throws Exception {
    try (InputStream in =
        ScheduleImportDialogTest.class.getResourceAsStream("/dev/talkbook/core/exchange/" + name)) {
      return in.readAllBytes();
    }
  }

  private void open(FxRobot robot, String source) {
    open(robot, source, LongJob.ownThread("test-import"), Platform::runLater);
  }

  private void open(
      FxRobot robot,
      String source,
      java.util.concurrent.Executor worker,
      java.util.concurrent.Executor fx) {
    robot.interact(
        () -> {
          ScheduleImportDialog d =
              new ScheduleImportDialog(
                  stage,
                  notebook,
                  new ScheduleFetcher(Duration.ofSeconds(5)),
                  Clock.fixed(Instant.parse("2026-08-21T12:00:00Z"), ZoneOffset.UTC),
                  worker,
                  fx,
                  imported::add);
          d.setSource(source);
          d.show();
        });
  }

  private TextArea report(FxRobot robot) {
    return robot.lookup("#" + ScheduleImportDialog.REPORT_ID).queryAs(TextArea.class);
  }

  /** The report's text now, read on the FX thread. */
  private String reportText(FxRobot robot) throws Exception {
    return FxWait.onFx(() -> report(robot).getText());
  }

  @Test
  void theReportStartsUnderTheFormWithNoEmptyBandBetween(FxRobot robot) throws Exception {
    open(robot, "");
    TextArea report = report(robot);
    FxWait.untilFx("laid out", () -> report.getHeight() > 0);
    double[] gap =
        FxWait.onFx(
            () -> {
              javafx.scene.layout.VBox root = (javafx.scene.layout.VBox) report.getParent();
              javafx.scene.Node form = root.getChildren().get(0);
              return new double[] {
                report.getBoundsInParent().getMinY() - form.getBoundsInParent().getMaxY(),
                root.getSpacing()
              };
            });
    // A hidden progress bar and an empty status line took 56 px more than the spacing.
    assertThat(gap[0]).isLessThanOrEqualTo(gap[1] + 0.5);
  }

  @Test
  void aFileIsCheckedFirstThenImported(FxRobot robot) throws Exception {
    Path file = dir.resolve("camp.xml");
    Files.write(file, fixture("frab-schedule.xml"));
    open(robot, file.toString());
    Button importButton = robot.lookup("#" + ScheduleImportDialog.IMPORT_ID).queryButton();
    assertThat(FxWait.onFx(importButton::isDisabled)).isTrue();

    FxWait.clickOn(robot, "#" + ScheduleImportDialog.CHECK_ID);
    FxWait.untilFx("the check to finish", () -> !importButton.isDisabled());
    // The summary once, above; the report lists what is under it.
    Label status = robot.lookup("#" + ScheduleImportDialog.STATUS_ID).queryAs(Label.class);
    assertThat(FxWait.onFx(status::getText))
        .startsWith("Would import")
        .contains("4 added", "1 entry left out, each said below");
    String dryRun = reportText(robot);
    assertThat(dryRun).startsWith("added: Soldering for the faint of heart");
    assertThat(dryRun).doesNotContain("Would import");
    assertThat(notebook.talks().count()).isZero();

    // Enter now imports what the check showed.
    assertThat(FxWait.onFx(importButton::isDefaultButton)).isTrue();
    pressEnterIn(robot, importButton);
    FxWait.until("the import to finish", () -> imported.size() == 1);
    assertThat(imported.get(0).dryRun()).isFalse();
    FxWait.untilFx(
        "the status to say it is done",
        () -> status.getText().startsWith("Imported the frab/pentabarf schedule XML"));
    assertThat(reportText(robot)).startsWith("added: Soldering").doesNotContain("Imported the");
    Button checkButton = robot.lookup("#" + ScheduleImportDialog.CHECK_ID).queryButton();
    assertThat(FxWait.onFx(checkButton::isDefaultButton)).as("Enter checks again").isTrue();
    assertThat(notebook.talks().count()).isEqualTo(4);
    assertThat(FxWait.onFx(importButton::isDisabled)).isTrue();

    // The same file again: nothing to import.
    FxWait.clickOn(robot, "#" + ScheduleImportDialog.CHECK_ID);
    FxWait.untilFx(
        "the check to say nothing is new",
        () -> report(robot).getText().contains("Nothing to import"));
    assertThat(FxWait.onFx(importButton::isDisabled)).isTrue();
    assertThat(FxWait.onFx(importButton::isDefaultButton)).isFalse();
  }

  @Test
  void aCheckOfTheSameFileAfterTheAttendeeEditedATalkSaysNothingToImport(FxRobot robot)
      throws Exception {
    Path file = dir.resolve("camp.xml");
    Files.write(file, fixture("frab-schedule.xml"));
    open(robot, file.toString());
    Button importButton = robot.lookup("#" + ScheduleImportDialog.IMPORT_ID).queryButton();
    FxWait.clickOn(robot, "#" + ScheduleImportDialog.CHECK_ID);
    FxWait.untilFx("the check to finish", () -> !importButton.isDisabled());
    FxWait.clickOn(robot, "#" + ScheduleImportDialog.IMPORT_ID);
    FxWait.until("the import to finish", () -> imported.size() == 1);
    // The attendee corrects the room, as the details pane saves it.
    dev.talkbook.core.notebook.Talk closing = notebook.talks().findByTitle("Closing").get(0);
    notebook
        .talks()
        .update(
            closing.id(),
            new dev.talkbook.core.notebook.Talk.Details(
                "Closing",
                closing.details().speakers(),
                closing.details().startsAt(),
                "Salle Éole, mine",
                null,
                null,
                closing.tags()));

    // The same file again: nothing to import (it listed "moved: Closing: Salle Éole, mine → …").
    FxWait.clickOn(robot, "#" + ScheduleImportDialog.CHECK_ID);
    FxWait.untilFx(
        "the check to say nothing is new",
        () -> report(robot).getText().contains("Nothing to import"));
    assertThat(reportText(robot)).doesNotContain("Closing");
    assertThat(FxWait.onFx(importButton::isDisabled)).isTrue();
    assertThat(notebook.talks().get(closing.id()).details().room()).isEqualTo("Salle Éole, mine");
  }

  @Test
  void enterImportsAlsoWhenTheCheckEndedBeforeItsButtonLostTheFocus(FxRobot robot)
      throws Exception {
    Path file = dir.resolve("camp.xml");
    Files.write(file, fixture("frab-schedule.xml"));
    // The work and its end run at once, inside the click: the check is done before the disabled
    // Check button hands its focus on, as a quick check on a fast machine is (a CI run saw it).
    open(robot, file.toString(), Runnable::run, Runnable::run);
    Button importButton = robot.lookup("#" + ScheduleImportDialog.IMPORT_ID).queryButton();
    FxWait.clickOn(robot, "#" + ScheduleImportDialog.CHECK_ID);
    FxWait.untilFx("the check to finish", () -> !importButton.isDisabled());
    WaitForAsyncUtils.waitForFxEvents();

    pressEnterIn(robot, importButton);
    FxWait.until("the import to finish", () -> imported.size() == 1);
    assertThat(notebook.talks().count()).isEqualTo(4);
  }

  @Test
  void aWebAddressIsDownloadedAndA404IsSaid(FxRobot robot) throws Exception {
    byte[] body = fixture("sessionize.json");
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/v2/abc123/view/All",
        ex -> {
          ex.sendResponseHeaders(200, body.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
          }
        });
    server.createContext(
        "/nothing",
        ex -> {
          ex.sendResponseHeaders(404, -1);
          ex.close();
        });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      open(robot, base + "/nothing");
      FxWait.clickOn(robot, "#" + ScheduleImportDialog.CHECK_ID);
      Label status = robot.lookup("#" + ScheduleImportDialog.STATUS_ID).queryAs(Label.class);
      FxWait.untilFx(
          "the check to say there is nothing there",
          () -> status.getText().contains("There is no schedule at"));
      assertThat(FxWait.onFx(() -> List.copyOf(status.getStyleClass()))).contains("tb-problem");

      robot.interact(
          () ->
              robot
                  .lookup("#" + ScheduleImportDialog.SOURCE_ID)
                  .queryTextInputControl()
                  .setText(base + "/api/v2/abc123/view/All"));
      FxWait.clickOn(robot, "#" + ScheduleImportDialog.EVENT_ID);
      robot.write("KotlinConf");
      FxWait.clickOn(robot, "#" + ScheduleImportDialog.CHECK_ID);
      Button importButton = robot.lookup("#" + ScheduleImportDialog.IMPORT_ID).queryButton();
      FxWait.untilFx("the check to finish", () -> !importButton.isDisabled());
      assertThat(FxWait.onFx(status::getText))
          .contains("into \"KotlinConf\" (a new event)", "3 added");
      assertThat(reportText(robot)).contains("added: Kotlin coroutines in anger");
      // The download worked: the status no longer shows the 404 as a problem.
      assertThat(FxWait.onFx(() -> List.copyOf(status.getStyleClass())))
          .doesNotContain("tb-problem");
      FxWait.clickOn(robot, "#" + ScheduleImportDialog.IMPORT_ID);
      FxWait.until("the import to finish", () -> imported.size() == 1);
      assertThat(notebook.events().list()).extracting(e -> e.title()).containsExactly("KotlinConf");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aFileThatIsNotASchedulePutsNothingIn(FxRobot robot) throws Exception {
    Path file = dir.resolve("laughs.xml");
    Files.writeString(
        file, "<?xml version=\"1.0\"?><!DOCTYPE s [<!ENTITY a \"aaaa\">]><schedule>&a;</schedule>");
    open(robot, file.toString());
    FxWait.clickOn(robot, "#" + ScheduleImportDialog.CHECK_ID);
    Label status = robot.lookup("#" + ScheduleImportDialog.STATUS_ID).queryAs(Label.class);
    FxWait.untilFx("the check to refuse", () -> status.getText().contains("billion laughs"));
    assertThat(
            FxWait.onFx(
                () ->
                    robot.lookup("#" + ScheduleImportDialog.IMPORT_ID).queryButton().isDisabled()))
        .isTrue();
    assertThat(notebook.events().list()).isEmpty();
  }

  /**
   * A file that is no schedule: the message names the formats as the window's hint does, and the
   * result box under it no longer says "Check the schedule to see what the import would do."
   */
  @Test
  void aTextFileIsRefusedInTheHintsWordsAndTheBoxUnderSaysNothingMore(FxRobot robot)
      throws Exception {
    Path file = dir.resolve("bad.ics");
    Files.writeString(file, "not a schedule");
    open(robot, file.toString());
    javafx.scene.control.TextArea report =
        robot
            .lookup("#" + ScheduleImportDialog.REPORT_ID)
            .queryAs(javafx.scene.control.TextArea.class);
    String before = FxWait.onFx(report::getPromptText);
    assertThat(before).startsWith("Check the schedule");
    FxWait.clickOn(robot, "#" + ScheduleImportDialog.CHECK_ID);
    Label status = robot.lookup("#" + ScheduleImportDialog.STATUS_ID).queryAs(Label.class);
    FxWait.untilFx("the check to refuse", () -> status.getText().contains("not a schedule"));
    assertThat(FxWait.onFx(status::getText))
        .contains("frab/pentabarf XML, pretalx/frab JSON, iCalendar (.ics) and Sessionize JSON");
    boolean hintSaysIt =
        FxWait.onFx(
            () ->
                robot.lookup(".label").queryAllAs(Label.class).stream()
                    .anyMatch(
                        l ->
                            l != status
                                && l.getText() != null
                                && l.getText()
                                    .startsWith(
                                        "Reads frab/pentabarf XML, pretalx/frab JSON, iCalendar"
                                            + " (.ics) and Sessionize JSON.")));
    assertThat(hintSaysIt).as("the hint in the same words").isTrue();
    String text = FxWait.onFx(report::getText);
    String prompt = FxWait.onFx(report::getPromptText);
    assertThat(text).isEmpty();
    assertThat(prompt).as("the result box's hint under the failure").isEmpty();
  }

  /**
   * A worker that runs jobs on a thread of their own, except while held: then they wait until
   * {@link #release}, as a slow read of a large file does.
   */
  private static final class HeldWorker implements java.util.concurrent.Executor {
    private final java.util.concurrent.Executor thread = LongJob.ownThread("test-import");
    private final List<Runnable> waiting = new CopyOnWriteArrayList<>();
    private volatile boolean held;

    @Override
    public void execute(Runnable work) {
      if (held) {
        waiting.add(work);
      } else {
        thread.execute(work);
      }
    }

    void hold() {
      held = true;
    }

    void release() {
      held = false;
      waiting.forEach(thread::execute);
      waiting.clear();
    }
  }

  @Test
  void aNewCheckClearsThePreviousFilesReportAndAFailedOneLeavesItEmpty(FxRobot robot)
      throws Exception {
    Path good = dir.resolve("camp.xml");
    Files.write(good, fixture("frab-schedule.xml"));
    Path binary = dir.resolve("photo.xml");
    Files.write(binary, new byte[] {0, 1, 2, 'P', 'K', 0, 0});
    HeldWorker worker = new HeldWorker();
    open(robot, good.toString(), worker, Platform::runLater);
    Button importButton = robot.lookup("#" + ScheduleImportDialog.IMPORT_ID).queryButton();
    FxWait.clickOn(robot, "#" + ScheduleImportDialog.CHECK_ID);
    FxWait.untilFx("the check to finish", () -> !importButton.isDisabled());
    assertThat(reportText(robot)).contains("added: Soldering");

    worker.hold();
    robot.interact(
        () ->
            robot
                .lookup("#" + ScheduleImportDialog.SOURCE_ID)
                .queryTextInputControl()
                .setText(binary.toString()));
    FxWait.clickOn(robot, "#" + ScheduleImportDialog.CHECK_ID);
    Label status = robot.lookup("#" + ScheduleImportDialog.STATUS_ID).queryAs(Label.class);
    assertThat(FxWait.onFx(status::getText)).isEqualTo("Reading…");
    assertThat(reportText(robot)).as("the report while the next file is read").isEmpty();

    worker.release();
    FxWait.untilFx("the check to refuse", () -> status.getText().contains("binary file"));
    assertThat(reportText(robot)).as("the report under the refusal").isEmpty();
    assertThat(FxWait.onFx(importButton::isDisabled)).isTrue();
  }

  @Test
  void escapeWhileACheckRunsCancelsItAndClosesTheDialog(FxRobot robot) throws Exception {
    Path good = dir.resolve("camp.xml");
    Files.write(good, fixture("frab-schedule.xml"));
    HeldWorker worker = new HeldWorker();
    worker.hold();
    open(robot, good.toString(), worker, Platform::runLater);
    FxWait.clickOn(robot, "#" + ScheduleImportDialog.CHECK_ID);
    Label status = robot.lookup("#" + ScheduleImportDialog.STATUS_ID).queryAs(Label.class);
    assertThat(FxWait.onFx(status::getText)).isEqualTo("Reading…");
    javafx.stage.Window dialog = FxWait.onFx(() -> status.getScene().getWindow());

    robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
    FxWait.untilFx("Esc to close the dialog while it reads", () -> !dialog.isShowing());

    // The read goes on to its next step, sees the cancel and stops: no dry run, no result.
    worker.release();
    FxWait.untilFx("the check to stop", () -> status.getText().equals("Cancelled."));
    assertThat(imported).isEmpty();
    assertThat(notebook.events().list()).isEmpty();
  }

  /** Check, Import, Close from left to right, on the right as the other dialogs' buttons. */
  @Test
  void theButtonsReadCheckImportCloseOnTheRight(FxRobot robot) throws Exception {
    open(robot, "");
    javafx.scene.Parent root =
        robot.lookup("#" + ScheduleImportDialog.REPORT_ID).query().getScene().getRoot();
    FxWait.untilFx("laid out", () -> root.getLayoutBounds().getWidth() > 0);
    java.util.List<javafx.scene.control.Button> buttons =
        FxWait.onFx(
            () ->
                root.lookupAll(".button").stream()
                    .filter(n -> n instanceof javafx.scene.control.Button b && b.isVisible())
                    .map(n -> (javafx.scene.control.Button) n)
                    .filter(b -> !b.getText().startsWith("Choose"))
                    .sorted(
                        java.util.Comparator.comparingDouble(
                            b -> b.localToScene(b.getLayoutBounds()).getMinX()))
                    .toList());
    assertThat(buttons)
        .extracting(javafx.scene.control.Button::getText)
        .containsExactly("Check", "Import", "Close");
    double width = FxWait.onFx(() -> root.getLayoutBounds().getWidth());
    assertThat(FxWait.onFx(() -> buttons.get(0).localToScene(0, 0).getX()))
        .isGreaterThan(width / 2);
  }
}
