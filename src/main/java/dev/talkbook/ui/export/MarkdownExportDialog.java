package dev.talkbook.ui.export;

import dev.talkbook.core.site.MarkdownExporter;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.ui.common.DialogButtons;
import dev.talkbook.ui.common.LongJob;
import dev.talkbook.ui.common.OverOwner;
import dev.talkbook.ui.common.StatusLine;
import dev.talkbook.ui.common.Theme;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** File → Export Markdown…: writes the notebook as Markdown files, with progress and a report. */
public final class MarkdownExportDialog {
  public static final String STATUS_ID = "markdown-export-status";

  /** The one button that cancels the running export, or closes the dialog. */
  public static final String CLOSE_ID = "markdown-export-close";

  private final Stage stage = new Stage();

  public MarkdownExportDialog(
      Window owner, Notebook notebook, Path folder, Executor worker, Executor fx) {
    LongJob<MarkdownExporter.Result> job = new LongJob<>(worker, fx);
    stage.initOwner(owner);
    OverOwner.place(stage);
    stage.initModality(Modality.WINDOW_MODAL);
    stage.setTitle("Export Markdown");
    ProgressBar bar = new ProgressBar(0);
    bar.setAccessibleText("Export progress");
    bar.setMaxWidth(Double.MAX_VALUE);
    bar.progressProperty().bind(job.progressProperty());
    Label status = new Label();
    status.setId(STATUS_ID);
    StatusLine.follow(status, job);
    status.textProperty().bind(job.statusProperty());
    Button close = DialogButtons.cancelOrClose(job, stage);
    close.setId(CLOSE_ID);
    stage.setOnHidden(e -> job.cancel());
    VBox root = new VBox(10, new Label("To " + folder), bar, status, DialogButtons.bar(close));
    root.setPadding(new Insets(16));
    root.setPrefWidth(520);
    stage.setScene(new Scene(root));
    Theme.dress(root, owner);
    job.start(
        "Exporting…",
        feedback ->
            new MarkdownExporter()
                .export(notebook, folder, Set.of(), feedback::progress, feedback::cancelled),
        r -> r.summary() + ".");
  }

  public void show() {
    stage.show();
  }

  public Stage stage() {
    return stage;
  }
}
