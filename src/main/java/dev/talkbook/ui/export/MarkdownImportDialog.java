package dev.talkbook.ui.export;

import dev.talkbook.core.site.MarkdownImporter;
import dev.talkbook.core.site.MarkdownImporter.FileResult;
import dev.talkbook.core.site.MarkdownImporter.Report;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.ui.common.DefaultButtons;
import dev.talkbook.ui.common.DialogButtons;
import dev.talkbook.ui.common.LongJob;
import dev.talkbook.ui.common.OverOwner;
import dev.talkbook.ui.common.Theme;
import dev.talkbook.ui.common.WorkBeforeQuit;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * File → Import Markdown…: first a dry run that lists, file by file, what the import would do (and
 * why a file cannot be imported); then, on "Import", the real import, in one transaction.
 */
public final class MarkdownImportDialog {
  public static final String REPORT_ID = "markdown-import-report";
  public static final String IMPORT_ID = "markdown-import-run";
  public static final String STATUS_ID = "markdown-import-status";
  public static final String CLOSE_ID = "markdown-import-close";

  private final Stage stage = new Stage();
  private final LongJob<Report> job;
  private final TextArea report = new TextArea();

  public MarkdownImportDialog(
      Window owner,
      Notebook notebook,
      Path folder,
      Executor worker,
      Executor fx,
      java.util.function.Consumer<Report> imported) {
    job = new LongJob<>(worker, fx);
    stage.initOwner(owner);
    OverOwner.place(stage);
    stage.initModality(Modality.WINDOW_MODAL);
    stage.setTitle("Import Markdown");
    MarkdownImporter importer = new MarkdownImporter();

    Label from = new Label("From " + folder);
    from.setWrapText(true);
    ProgressBar bar = new ProgressBar(0);
    bar.setAccessibleText("Import progress");
    bar.setMaxWidth(Double.MAX_VALUE);
    bar.progressProperty().bind(job.progressProperty());
    bar.visibleProperty().bind(job.runningProperty());
    // Room for the bar only while it runs: hidden, it left an empty band under "From …" (the
    // report takes the room back and gives it).
    bar.managedProperty().bind(bar.visibleProperty());
    Label status = new Label();
    status.setId(STATUS_ID);
    status.setWrapText(true);
    status.textProperty().bind(job.statusProperty());
    report.setId(REPORT_ID);
    report.setEditable(false);
    report.setAccessibleText("What the import does with each file");
    // Its columns (outcome, file) line up in a fixed-width font, and a long line (a failure's
    // reason) wraps rather than running off to the right.
    report.setWrapText(true);
    report.setStyle("-fx-font-family: 'Monospaced';");
    report.setPrefRowCount(16);
    VBox.setVgrow(report, Priority.ALWAYS);

    Button run = new Button("Import");
    run.setId(IMPORT_ID);
    run.setDefaultButton(true);
    run.setDisable(true);
    // An import runs in one transaction and is not cancelled half way: Close waits for it.
    Button close = new Button("Close");
    close.setId(CLOSE_ID);
    close.setCancelButton(true);
    close.disableProperty().bind(job.runningProperty());
    close.setOnAction(e -> stage.close());
    WorkBeforeQuit.waitsFor(stage, job); // and so does a quit from here
    DefaultButtons.keepEnterOnTheDefault(run, close);

    job.resultProperty()
        .addListener(
            (o, was, now) -> {
              if (now == null) {
                return;
              }
              report.setText(text(now));
              run.setDisable(!now.dryRun() || !now.importsAny());
              if (!now.dryRun()) {
                // Imported: nothing left to do here but close, which Enter now does.
                run.setDefaultButton(false);
                close.setDefaultButton(true);
                imported.accept(now);
              }
            });
    run.setOnAction(
        e -> {
          run.setDisable(true);
          job.start(
              "Importing…",
              feedback -> importer.importFolder(notebook, folder, false, feedback::progress),
              Report::summary);
        });

    VBox root = new VBox(10, from, bar, status, report, DialogButtons.bar(run, close));
    root.setPadding(new Insets(16));
    root.setPrefSize(640, 480);
    stage.setScene(new Scene(root));
    Theme.dress(root, owner);
    job.start(
        "Checking the files…",
        feedback -> importer.importFolder(notebook, folder, true, feedback::progress),
        Report::summary);
  }

  /** Each file's outcome, one a line (the summary is the status line above the report). */
  static String text(Report r) {
    StringBuilder b = new StringBuilder();
    for (FileResult f : r.files()) {
      b.append(String.format("%-9s", f.outcome().name().toLowerCase(Locale.ROOT)))
          .append(' ')
          .append(f.path())
          .append(" — ")
          .append(f.detail())
          .append('\n');
    }
    return b.toString();
  }

  public void show() {
    stage.show();
  }

  public Stage stage() {
    return stage;
  }
}
