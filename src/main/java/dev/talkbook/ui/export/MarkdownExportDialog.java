package dev.talkbook.ui.export;

import dev.talkbook.core.site.MarkdownExporter;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.ui.common.DefaultButtons;
import dev.talkbook.ui.common.DialogButtons;
import dev.talkbook.ui.common.LongJob;
import dev.talkbook.ui.common.OverOwner;
import dev.talkbook.ui.common.StatusLine;
import dev.talkbook.ui.common.Theme;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * File → Export Markdown…: a folder typed (or chosen), then the notebook written there as Markdown
 * files, with progress and a report.
 */
public final class MarkdownExportDialog {
  public static final String FOLDER_ID = "markdown-export-folder";
  public static final String EXPORT_ID = "markdown-export-run";
  public static final String STATUS_ID = "markdown-export-status";

  /** The one button that cancels the running export, or closes the dialog. */
  public static final String CLOSE_ID = "markdown-export-close";

  private final Stage stage = new Stage();

  /**
   * The folder a notebook's Markdown is offered first: beside the notebook file, named after it
   * ({@code talks.talkbook} → {@code talks-markdown}).
   */
  public static Path defaultFolder(Path notebook) {
    Path site = SiteExportDialog.defaultFolder(notebook);
    String name = site.getFileName().toString();
    return site.resolveSibling(name.substring(0, name.length() - "-site".length()) + "-markdown");
  }

  /** A name ending in a number: {@code talks-markdown-2}. */
  private static final java.util.regex.Pattern NUMBERED =
      java.util.regex.Pattern.compile("(.+)-(\\d{1,6})");

  /**
   * The folder offered for {@code last} (the last one exported to, or the default): itself, unless
   * it holds files (the last export is there, and an export goes into a new or empty folder only):
   * then the first of {@code NAME-2}, {@code NAME-3} … beside it that is new or empty.
   */
  static String offered(String last) {
    Path folder = FolderField.resolve(last);
    if (folder == null || folder.getFileName() == null || isNewOrEmpty(folder)) {
      return last;
    }
    String name = folder.getFileName().toString();
    java.util.regex.Matcher numbered = NUMBERED.matcher(name);
    String base = numbered.matches() ? numbered.group(1) : name;
    int from = numbered.matches() ? Integer.parseInt(numbered.group(2)) + 1 : 2;
    for (int n = from; n < from + 1000; n++) {
      Path next = folder.resolveSibling(base + "-" + n);
      if (isNewOrEmpty(next)) {
        return next.toString();
      }
    }
    return last;
  }

  /** New, or empty but for what an export left there ({@link MarkdownExporter#takesFolder}). */
  private static boolean isNewOrEmpty(Path folder) {
    return MarkdownExporter.takesFolder(folder);
  }

  /**
   * @param last the folder last exported to, or the default ({@link #offered} is offered)
   * @param remember told the folder of each export that is done
   */
  public MarkdownExportDialog(
      Window owner,
      Notebook notebook,
      String last,
      Consumer<Path> remember,
      Executor worker,
      Executor fx) {
    LongJob<MarkdownExporter.Result> job = new LongJob<>(worker, fx);
    stage.initOwner(owner);
    OverOwner.place(stage);
    stage.initModality(Modality.WINDOW_MODAL);
    stage.setTitle("Export Markdown");
    FolderField folder =
        new FolderField(
            FOLDER_ID,
            offered(last),
            "A new or empty folder for the Markdown files",
            "Folder for the Markdown files");
    Label to = new Label("To folder");
    to.setLabelFor(folder.field());
    ProgressBar bar = new ProgressBar(0);
    bar.setAccessibleText("Export progress");
    bar.setMaxWidth(Double.MAX_VALUE);
    bar.progressProperty().bind(job.progressProperty());
    bar.visibleProperty().bind(job.runningProperty().or(job.resultProperty().isNotNull()));
    Label status = new Label("One .md file a talk, a folder an event; attachments beside them.");
    status.setId(STATUS_ID);
    status.setWrapText(true);
    StatusLine.follow(status, job);
    job.statusProperty().addListener((o, was, now) -> status.setText(now));
    Button export = new Button("Export");
    export.setId(EXPORT_ID);
    export
        .disableProperty()
        .bind(job.runningProperty().or(folder.field().textProperty().isEmpty()));
    Button close = DialogButtons.cancelOrClose(job, stage);
    close.setId(CLOSE_ID);
    DefaultButtons.keepEnterOnTheDefault(export, close);
    // Once exported, Enter closes (the folder is no longer empty); another folder typed makes
    // Export the action again.
    javafx.beans.property.BooleanProperty exported =
        new javafx.beans.property.SimpleBooleanProperty();
    job.resultProperty().addListener((o, was, now) -> exported.set(now != null));
    folder.field().textProperty().addListener((o, was, now) -> exported.set(false));
    export.defaultButtonProperty().bind(exported.not());
    close.defaultButtonProperty().bind(exported);
    stage.setOnHidden(e -> job.cancel());
    export.setOnAction(
        e -> {
          Path out = folder.path();
          if (out == null) {
            status.setText(folder.whyNot());
            StatusLine.mark(status, true);
            return;
          }
          job.start(
              "Exporting…",
              feedback ->
                  new MarkdownExporter()
                      .export(notebook, out, Set.of(), feedback::progress, feedback::cancelled),
              r -> {
                remember.accept(out); // a folder exported to, not one refused
                return r.summary() + ".";
              });
        });
    folder.focusWhenShown(stage);
    VBox root = new VBox(10, to, folder.row(), bar, status, DialogButtons.bar(export, close));
    root.setPadding(new Insets(16));
    root.setPrefWidth(560);
    stage.setScene(new Scene(root));
    Theme.dress(root, owner);
  }

  public void show() {
    stage.show();
  }

  public Stage stage() {
    return stage;
  }
}
