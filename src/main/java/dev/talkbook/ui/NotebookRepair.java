package dev.talkbook.ui;

import dev.talkbook.core.store.Notebook;
import dev.talkbook.ui.common.LongJob;
import dev.talkbook.ui.common.StatusLine;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The open-problem dialog's Repair, for a notebook whose indexes alone are damaged: the same
 * rebuild as {@code talkbook check --repair} ({@link Notebook#rebuildFromData}: the notebook made
 * again from its data, the damaged file kept beside it), on a thread of its own with the tables
 * copied shown, the dialog kept open and its buttons greyed meanwhile. Done, the dialog closes with
 * {@link OpenProblemDialog#REPAIR} and {@link #kept()} says where the damaged file is; failed, the
 * dialog says why (the rebuild leaves the file as it was) and offers its other ways on. Its Save
 * notes, for a notebook damaged at its start, is the same with {@link Notebook#saveNotesOf}: the
 * notes saved into a new notebook beside it, {@link #kept()} then the new notebook.
 */
final class NotebookRepair {
  private final Alert alert;
  private final Path file;
  private final ButtonType button;
  private final LongJob<Path> job;
  // Set on the job's thread before its result, read on the FX thread once the result is shown.
  private volatile String unreadNote = "";
  private final Label status = new Label();

  private NotebookRepair(Alert alert, Path file, ButtonType button, Executor worker) {
    this.alert = alert;
    this.file = file;
    this.button = button;
    this.job = new LongJob<>(worker, Platform::runLater);
  }

  /** Makes {@code alert}'s Repair button rebuild {@code file} instead of closing the dialog. */
  static NotebookRepair attach(Alert alert, Path file) {
    return attach(alert, file, OpenProblemDialog.REPAIR);
  }

  /**
   * Makes {@code alert}'s Save notes button save the notes of {@code file}, damaged at its start,
   * into a new notebook instead of closing the dialog.
   */
  static NotebookRepair attachSaveNotes(Alert alert, Path file) {
    return attach(alert, file, OpenProblemDialog.SAVE_NOTES);
  }

  private static NotebookRepair attach(Alert alert, Path file, ButtonType type) {
    NotebookRepair repair =
        new NotebookRepair(alert, file, type, LongJob.ownThread("talkbook-notebook-repair"));
    Button button = (Button) alert.getDialogPane().lookupButton(type);
    button.addEventFilter(
        ActionEvent.ACTION,
        e -> {
          e.consume();
          repair.start();
        });
    // Not closed while the rebuild runs: its result is what the dialog is waiting for.
    alert.setOnCloseRequest(
        e -> {
          if (repair.job.isRunning()) {
            e.consume();
          }
        });
    return repair;
  }

  /**
   * Where the damaged file was kept once the repair is done, or the new notebook the notes were
   * saved into (null before).
   */
  Path kept() {
    return job.getResult();
  }

  /**
   * What the notes saved could not include (the newest edits of a damaged write-ahead log); empty
   * if nothing.
   */
  String unreadNote() {
    return unreadNote;
  }

  private void start() {
    if (job.isRunning()) {
      return;
    }
    // The message stays as it was shown, wrapped at the dialog's width (one line, it was cut and
    // the status line widened the dialog).
    javafx.scene.Node shown = alert.getDialogPane().lookup(".content");
    double width =
        shown instanceof javafx.scene.layout.Region r && r.getWidth() > 0 ? r.getWidth() : 480;
    Label message = new Label(alert.getContentText());
    message.setWrapText(true);
    message.setMinHeight(Region.USE_PREF_SIZE);
    message.getStyleClass().add("content");
    ProgressBar bar = new ProgressBar();
    bar.setMaxWidth(Double.MAX_VALUE);
    bar.progressProperty().bind(job.progressProperty());
    status.setId("repair-status");
    status.textProperty().bind(job.statusProperty());
    StatusLine.follow(status, job);
    VBox content = new VBox(10, message, bar, status);
    content.setFillWidth(true);
    content.setPrefWidth(width);
    content.setMaxWidth(width);
    alert.getDialogPane().setContent(content);
    for (ButtonType type : alert.getButtonTypes()) {
      alert.getDialogPane().lookupButton(type).disableProperty().bind(job.runningProperty());
    }
    job.resultProperty()
        .addListener(
            (o, was, kept) -> {
              if (kept != null) {
                alert.setResult(button);
              }
            });
    job.failureProperty()
        .addListener(
            (o, was, error) -> {
              if (error != null) {
                bar.setVisible(false);
                bar.setManaged(false);
                // Tried and failed: the other ways on stay; Repair is not offered again.
                Button repair = (Button) alert.getDialogPane().lookupButton(button);
                repair.disableProperty().unbind();
                repair.setDisable(true);
                ((Button) alert.getDialogPane().lookupButton(OpenProblemDialog.CHOOSE))
                    .setDefaultButton(true);
              }
            });
    if (button == OpenProblemDialog.SAVE_NOTES) {
      job.start(
          "Saving the notes of " + file.getFileName() + " into a new notebook…",
          feedback -> {
            Notebook.SavedNotes saved =
                Notebook.saveNotesOf(
                    file,
                    (done, total, table) -> feedback.progress(done, total, "copied " + table));
            unreadNote = saved.unreadNote(file);
            return saved.file();
          },
          saved -> "Saved into " + saved.getFileName() + ".");
      return;
    }
    job.start(
        "Rebuilding " + file.getFileName() + " from its data…",
        feedback ->
            Notebook.rebuildFromData(
                file,
                Notebook.Options.defaults(),
                (done, total, table) -> feedback.progress(done, total, "copied " + table)),
        kept -> "Repaired; the damaged file is kept as " + kept.getFileName() + ".");
  }
}
