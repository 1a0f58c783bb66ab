package dev.talkbook.ui.exchange;

import dev.talkbook.core.exchange.Schedule;
import dev.talkbook.core.exchange.ScheduleFetcher;
import dev.talkbook.core.exchange.ScheduleImporter;
import dev.talkbook.core.exchange.ScheduleImporter.Report;
import dev.talkbook.core.exchange.ScheduleReader;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.ui.common.DefaultButtons;
import dev.talkbook.ui.common.DialogButtons;
import dev.talkbook.ui.common.LongJob;
import dev.talkbook.ui.common.OverOwner;
import dev.talkbook.ui.common.StatusLine;
import dev.talkbook.ui.common.WorkBeforeQuit;
import java.io.File;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * File → Import schedule…: a conference programme from a file or a web address. "Check" reads it
 * (downloading it first, with progress) and does a dry run whose report lists what would be added,
 * moved, changed and removed; "Import" then imports the programme that was checked, in one
 * transaction. Every failure (no network, 404, not a schedule, a cut-off file) is said under the
 * fields, in the dialog, and nothing is changed. A check starts with an empty report, and one that
 * fails leaves it empty: no earlier file's lines stand under it. Close (or Esc) while a check runs
 * cancels it and closes; the work stops at its next step (the download's next block, the dry run's
 * next talk) and its result is dropped. Close waits for an import, which is one short transaction.
 */
public final class ScheduleImportDialog {
  /** What the result box says before a check. */
  static final String REPORT_PROMPT = "Check the schedule to see what the import would do.";

  public static final String SOURCE_ID = "schedule-source";
  public static final String EVENT_ID = "schedule-event";
  public static final String CHECK_ID = "schedule-check";
  public static final String IMPORT_ID = "schedule-import";
  public static final String REPORT_ID = "schedule-report";
  public static final String STATUS_ID = "schedule-status";

  /** The report's line when a check finds the notebook already holds the programme as it is. */
  private static final String NOTHING_TO_IMPORT =
      "Nothing to import: the notebook has this programme.";

  /** A programme read and dry-run: what the Import button imports. */
  record Checked(Schedule schedule, String origin, String event, Report report) {}

  private final Stage stage = new Stage();
  private final LongJob<Checked> check;
  private final LongJob<Report> run;
  private final TextField source = new TextField();
  private final TextField event = new TextField();
  private final TextArea report = new TextArea();
  private final Button checkButton = new Button("Check");
  private final Button importButton = new Button("Import");
  private Checked checked;

  /**
   * @param fetcher downloads a web address (the app's has a 30 s timeout)
   * @param imported called on the FX thread after an import, with its report
   */
  public ScheduleImportDialog(
      Window owner,
      Notebook notebook,
      ScheduleFetcher fetcher,
      Clock clock,
      Executor worker,
      Executor fx,
      Consumer<Report> imported) {
    check = new LongJob<>(worker, fx);
    run = new LongJob<>(worker, fx);
    stage.initOwner(owner);
    OverOwner.place(stage);
    stage.initModality(Modality.WINDOW_MODAL);
    stage.setTitle("Import schedule");
    ScheduleReader reader = new ScheduleReader();
    ScheduleImporter importer = new ScheduleImporter(clock);

    source.setId(SOURCE_ID);
    source.setPromptText("https://…/schedule.xml, .json or .ics — or a file");
    source.setAccessibleText("Schedule file or web address");
    source.setPrefColumnCount(40);
    Button browse = new Button("Choose file…");
    browse.setOnAction(e -> chooseFile());
    browse.setMinWidth(Region.USE_PREF_SIZE);
    event.setId(EVENT_ID);
    event.setPromptText("Automatic: where it went before, or a new event");
    event.setAccessibleText("Event to import into");
    Label hint =
        new Label(
            "Reads "
                + ScheduleReader.FORMATS
                + ". Importing again applies the programme's changes; your notes are never"
                + " touched.");
    hint.setWrapText(true);
    hint.getStyleClass().add("tb-muted");
    GridPane fields = new GridPane();
    fields.setHgap(8);
    fields.setVgap(8);
    javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
    labels.setMinWidth(Region.USE_PREF_SIZE);
    javafx.scene.layout.ColumnConstraints grow = new javafx.scene.layout.ColumnConstraints();
    grow.setHgrow(Priority.ALWAYS);
    fields.getColumnConstraints().addAll(labels, grow);
    hint.setMinHeight(Region.USE_PREF_SIZE);
    hint.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(source, Priority.ALWAYS);
    HBox sourceRow = new HBox(6, source, browse);
    sourceRow.setAlignment(Pos.CENTER_LEFT);
    GridPane.setHgrow(sourceRow, Priority.ALWAYS);
    fields.addRow(0, new Label("Schedule"), sourceRow);
    fields.addRow(1, new Label("Event"), event);
    fields.add(hint, 1, 2);

    ProgressBar bar = new ProgressBar(0);
    bar.setMaxWidth(Double.MAX_VALUE);
    bar.visibleProperty().bind(check.runningProperty().or(run.runningProperty()));
    // Room for the bar and the status line only while they show something: hidden, they left an
    // empty band between the form and the report (the report takes the room back and gives it).
    bar.managedProperty().bind(bar.visibleProperty());
    Label status = new Label();
    status.setId(STATUS_ID);
    status.managedProperty().bind(status.textProperty().isNotEmpty());
    // Either job's failure marks the line; the next start of either clears the mark.
    StatusLine.follow(status, check);
    StatusLine.follow(status, run);
    check.statusProperty().addListener((o, was, now) -> status.setText(now));
    run.statusProperty().addListener((o, was, now) -> status.setText(now));
    check.progressProperty().addListener((o, was, now) -> bar.setProgress(now.doubleValue()));
    run.progressProperty().addListener((o, was, now) -> bar.setProgress(now.doubleValue()));

    report.setId(REPORT_ID);
    report.setEditable(false);
    report.setWrapText(true);
    report.setPrefRowCount(14);
    report.setPromptText(REPORT_PROMPT);
    VBox.setVgrow(report, Priority.ALWAYS);

    checkButton.setId(CHECK_ID);
    checkButton.setDefaultButton(true);
    DefaultButtons.keepEnterOnTheDefault(checkButton, importButton);
    checkButton
        .disableProperty()
        .bind(
            source.textProperty().isEmpty().or(check.runningProperty()).or(run.runningProperty()));
    importButton.setId(IMPORT_ID);
    importButton.setDisable(true);
    Button close = new Button("Close");
    close.setCancelButton(true);
    // A check can be left (it changes nothing); an import is one transaction, waited for.
    close.disableProperty().bind(run.runningProperty());
    close.setOnAction(e -> stage.close());
    // However the dialog goes (Close, Esc, the window's own close), a check still running stops.
    stage.setOnHidden(e -> check.cancel());
    // A quit from here likewise stops a check, and waits for an import to be done.
    WorkBeforeQuit.cancels(stage, check);
    WorkBeforeQuit.waitsFor(stage, run);
    source.textProperty().addListener((o, was, now) -> forget());
    event.textProperty().addListener((o, was, now) -> forget());

    checkButton.setOnAction(
        e -> {
          forget();
          report.clear(); // the previous file's lines are not this one's
          String from = source.getText().strip();
          String into = event.getText().isBlank() ? null : event.getText().strip();
          check.start(
              ScheduleFetcher.isUrl(from) ? "Downloading…" : "Reading…",
              feedback -> {
                Schedule schedule = read(reader, fetcher, from, feedback);
                stopIfCancelled(feedback);
                Report dry =
                    importer.importSchedule(
                        notebook,
                        schedule,
                        into,
                        ScheduleReader.titleFrom(from),
                        true,
                        (done, total, what) -> {
                          stopIfCancelled(feedback);
                          feedback.progress(done, total, what);
                        });
                return new Checked(schedule, from, into, dry);
              },
              c -> c.report().summary());
        });
    check
        .resultProperty()
        .addListener(
            (o, was, now) -> {
              if (now != null) {
                checked = now;
                // The summary is the status line above; the report lists what is under it.
                List<String> lines = new ArrayList<>(now.report().details());
                boolean nothing = now.report().nothingChanged();
                if (nothing) {
                  lines.add((lines.isEmpty() ? "" : "\n") + NOTHING_TO_IMPORT);
                }
                report.setText(String.join("\n", lines));
                importButton.setDisable(nothing);
                // Enter now imports what the check showed.
                importButton.setDefaultButton(!nothing);
                checkButton.setDefaultButton(nothing);
              }
            });
    check
        .failureProperty()
        .addListener(
            (o, was, error) -> {
              if (error != null) {
                report.clear();
              }
              // Under a failure the box says nothing more than the status line above it (it said
              // "Check the schedule to see…" under "Could not read…"); the next check's end brings
              // the hint back.
              report.setPromptText(error != null ? "" : REPORT_PROMPT);
            });
    importButton.setOnAction(
        e -> {
          Checked c = checked;
          if (c == null) {
            return;
          }
          importButton.setDisable(true);
          run.start(
              "Importing…",
              feedback ->
                  importer.importSchedule(
                      notebook,
                      c.schedule(),
                      c.event(),
                      ScheduleReader.titleFrom(c.origin()),
                      false,
                      feedback::progress),
              Report::summary);
        });
    run.resultProperty()
        .addListener(
            (o, was, now) -> {
              if (now != null) {
                forget(); // imported: Enter checks again
                report.setText(String.join("\n", now.details()));
                imported.accept(now);
              }
            });
    run.failureProperty()
        .addListener(
            (o, was, error) -> {
              if (error != null) {
                importButton.setDisable(checked == null);
              }
            });

    VBox root =
        new VBox(
            10, fields, bar, status, report, DialogButtons.bar(checkButton, importButton, close));
    root.setPadding(new Insets(16));
    root.setPrefSize(720, 520);
    stage.setScene(new Scene(root));
  }

  /** The schedule's bytes from the web or the disk, read into the model. */
  private static Schedule read(
      ScheduleReader reader, ScheduleFetcher fetcher, String from, LongJob.Feedback feedback) {
    if (ScheduleFetcher.isUrl(from)) {
      byte[] bytes =
          fetcher.fetch(
              from,
              (received, total) -> {
                stopIfCancelled(feedback);
                feedback.progress(
                    (int) Math.min(Integer.MAX_VALUE, received / 1024),
                    total < 0 ? -1 : (int) (total / 1024),
                    "downloading (" + received / 1024 + " kB)");
              });
      return reader.read(bytes, from);
    }
    return reader.readFile(from);
  }

  /** The dialog was closed while the check ran: its work ends here, rolled back if need be. */
  private static void stopIfCancelled(LongJob.Feedback feedback) {
    if (feedback.cancelled()) {
      throw new CancellationException("the import dialog was closed");
    }
  }

  /** The field changed: what was checked no longer applies. */
  private void forget() {
    checked = null;
    importButton.setDisable(true);
    importButton.setDefaultButton(false);
    checkButton.setDefaultButton(true);
  }

  private void chooseFile() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("A conference schedule");
    chooser
        .getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter("Schedules", "*.xml", "*.json", "*.ics", "*.ical"),
            new FileChooser.ExtensionFilter("All files", "*"));
    File chosen = chooser.showOpenDialog(stage);
    if (chosen != null) {
      source.setText(chosen.getAbsolutePath());
    }
  }

  /** A default fetcher for the app: 30 seconds to connect and to download. */
  public static ScheduleFetcher defaultFetcher() {
    return new ScheduleFetcher(Duration.ofSeconds(30));
  }

  /** Fills in the source (a file path or a web address), as the user would type it. */
  public void setSource(String text) {
    source.setText(text);
  }

  public void show() {
    stage.show();
    source.requestFocus();
  }

  public Stage stage() {
    return stage;
  }
}
