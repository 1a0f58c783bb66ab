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
 * File → Import Markdown…: a folder typed (or chosen), then a dry run ("Check", done at once for
 * the folder offered when it is there) that lists, file by file, what the import would do (and why
 * a file cannot be imported); then, on "Import", the real import of the folder checked, in one
 * transaction.
 */
public final class MarkdownImportDialog {
  public static final String FOLDER_ID = "markdown-import-folder";
  public static final String CHECK_ID = "markdown-import-check";
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
      String last,
      java.util.function.Consumer<Path> remember,
      Executor worker,
      Executor fx,
      java.util.function.Consumer<Report> imported) {
    job = new LongJob<>(worker, fx);
    stage.initOwner(owner);
    OverOwner.place(stage);
    stage.initModality(Modality.WINDOW_MODAL);
    stage.setTitle("Import Markdown");
    MarkdownImporter importer = new MarkdownImporter();

    FolderField folder =
        new FolderField(
            FOLDER_ID,
            last,
            "The folder with the .md files (Talkbook's, Hugo, Jekyll, Obsidian)",
            "Folder with the Markdown files");
    Label from = new Label("From folder");
    from.setLabelFor(folder.field());
    // The folder the last dry run read: what Import imports.
    Path[] checkedFolder = new Path[1];
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
    report.setPromptText(
        "Check the folder to see what the import would do with each file; nothing is changed"
            + " before Import.");
    VBox.setVgrow(report, Priority.ALWAYS);

    Button check = new Button("Check");
    check.setId(CHECK_ID);
    check.setAccessibleText("Check what the import would do (nothing is changed)");
    check.disableProperty().bind(job.runningProperty().or(folder.field().textProperty().isEmpty()));
    Button run = new Button("Import");
    run.setId(IMPORT_ID);
    run.setDisable(true);
    // An import runs in one transaction and is not cancelled half way: Close waits for it.
    Button close = new Button("Close");
    close.setId(CLOSE_ID);
    close.setCancelButton(true);
    close.disableProperty().bind(job.runningProperty());
    close.setOnAction(e -> stage.close());
    WorkBeforeQuit.waitsFor(stage, job); // and so does a quit from here
    DefaultButtons.keepEnterOnTheDefault(check, run, close);
    // Enter checks a folder typed, then imports the folder checked, then closes.
    check.setDefaultButton(true);
    Runnable dryRun =
        () -> {
          Path in = folder.path();
          String notAFolder = in == null ? folder.whyNot() : null;
          checkedFolder[0] = null;
          run.setDisable(true);
          report.clear();
          job.start(
              "Checking the files…",
              feedback -> {
                if (in == null) {
                  throw new IllegalArgumentException(notAFolder);
                }
                return importer.importFolder(notebook, in, true, feedback::progress);
              },
              r -> {
                // A check that ends after the field changed read another folder than the one the
                // field shows: its result is not what Import would import.
                if (!in.equals(folder.path())) {
                  return "The folder changed while it was checked: Check the one typed.";
                }
                checkedFolder[0] = in;
                return r.summary();
              });
        };
    check.setOnAction(e -> dryRun.run());
    folder
        .field()
        .textProperty()
        .addListener(
            (o, was, now) -> {
              // Another folder: what was checked is not what Import would import.
              checkedFolder[0] = null;
              run.setDisable(true);
              report.clear();
              check.setDefaultButton(true);
              run.setDefaultButton(false);
              close.setDefaultButton(false);
            });

    job.resultProperty()
        .addListener(
            (o, was, now) -> {
              if (now == null || (now.dryRun() && checkedFolder[0] == null)) {
                return; // (a check of a folder no longer typed: its report is not shown)
              }
              report.setText(text(now));
              run.setDisable(!now.dryRun() || !now.importsAny() || checkedFolder[0] == null);
              if (now.dryRun() && !run.isDisable()) {
                check.setDefaultButton(false);
                run.setDefaultButton(true);
              }
              if (!now.dryRun()) {
                // Imported: nothing left to do here but close, which Enter now does.
                check.setDefaultButton(false);
                run.setDefaultButton(false);
                close.setDefaultButton(true);
                imported.accept(now);
              }
            });
    run.setOnAction(
        e -> {
          Path in = checkedFolder[0];
          if (in == null) {
            return;
          }
          run.setDisable(true);
          remember.accept(in);
          job.start(
              "Importing…",
              feedback -> importer.importFolder(notebook, in, false, feedback::progress),
              Report::summary);
        });

    VBox root =
        new VBox(10, from, folder.row(), bar, status, report, DialogButtons.bar(check, run, close));
    root.setPadding(new Insets(16));
    root.setPrefSize(640, 480);
    stage.setScene(new Scene(root));
    Theme.dress(root, owner);
    folder.focusWhenShown(stage);
    // The folder offered (the last one imported from) is checked at once when it is there.
    if (folder.path() != null && java.nio.file.Files.isDirectory(folder.path())) {
      dryRun.run();
    }
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
