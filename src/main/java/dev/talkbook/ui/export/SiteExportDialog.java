package dev.talkbook.ui.export;

import static java.util.stream.Collectors.joining;

import dev.talkbook.core.common.Counts;
import dev.talkbook.core.markdown.MarkdownRenderer;
import dev.talkbook.core.site.SiteExporter;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.ui.common.DefaultButtons;
import dev.talkbook.ui.common.DialogButtons;
import dev.talkbook.ui.common.LongJob;
import dev.talkbook.ui.common.OverOwner;
import dev.talkbook.ui.common.StatusLine;
import dev.talkbook.ui.common.Theme;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * File → Export site…: choose a folder (and a title, and the address it will be published at),
 * export with a progress bar that can be cancelled, then open the result in the system browser. The
 * export runs on {@code worker}, never on the FX thread.
 */
public final class SiteExportDialog {
  public static final String FOLDER_ID = "site-export-folder";
  public static final String TITLE_ID = "site-export-title";
  public static final String URL_ID = "site-export-url";
  public static final String EXPORT_ID = "site-export-run";

  /** The one button that cancels the running export, or closes the dialog. */
  public static final String CANCEL_ID = "site-export-cancel";

  public static final String OPEN_ID = "site-export-open";
  public static final String STATUS_ID = "site-export-status";

  private final Stage stage = new Stage();
  private final LongJob<SiteExporter.Result> job;

  /** What the form holds: the folder, the site's title and the address it is published at. */
  public record Choices(String folder, String title, String baseUrl) {}

  /**
   * The folder offered for a notebook's first export: beside the notebook file, named after it
   * ({@code talks.talkbook} → {@code talks-site}).
   */
  public static Path defaultFolder(Path notebook) {
    Path file = notebook.toAbsolutePath();
    String name = file.getFileName().toString();
    String stem = name.endsWith(".talkbook") ? name.substring(0, name.length() - 9) : name;
    return file.resolveSibling(stem + "-site");
  }

  /**
   * @param openLink opens a URL in the system browser; when none opened it, it tells the second
   *     argument what it said (on the FX thread), which the dialog shows too, not only the window
   * @param last what the form held at the last export (or the defaults); {@code remember} is told
   *     what it holds at each export
   */
  public SiteExportDialog(
      Window owner,
      Notebook notebook,
      SiteExporter exporter,
      Executor worker,
      Executor fx,
      Choices last,
      Consumer<Choices> remember,
      java.util.function.BiConsumer<String, Consumer<String>> openLink) {
    job = new LongJob<>(worker, fx);
    stage.initOwner(owner);
    OverOwner.place(stage);
    stage.initModality(Modality.WINDOW_MODAL);
    stage.setTitle("Export site");

    FolderField folderField =
        new FolderField(FOLDER_ID, last.folder(), "Folder for the site", "Folder for the site");
    TextField folder = folderField.field();
    TextField title = new TextField(last.title());
    title.setId(TITLE_ID);
    title.setPromptText("Talk notes");
    TextField baseUrl = new TextField(last.baseUrl());
    baseUrl.setId(URL_ID);
    baseUrl.setPromptText("optional, e.g. https://example.org/talks/ (for the feed)");

    keepTheFoldersSettings(folder, title, baseUrl, worker, fx);

    GridPane form = new GridPane();
    form.setHgap(8);
    form.setVgap(8);
    form.addRow(0, labelFor("Folder", folder), folderField.row());
    form.addRow(1, labelFor("Site title", title), title);
    form.addRow(2, labelFor("Published at", baseUrl), baseUrl);
    GridPane.setHgrow(title, Priority.ALWAYS);

    ProgressBar bar = new ProgressBar(0);
    bar.setAccessibleText("Export progress");
    bar.setMaxWidth(Double.MAX_VALUE);
    bar.progressProperty().bind(job.progressProperty());
    bar.visibleProperty().bind(job.runningProperty().or(job.resultProperty().isNotNull()));
    Label status = new Label("A site readers open in any browser, from disk or a web host.");
    status.setId(STATUS_ID);
    status.setWrapText(true); // an export's notices follow its summary, a line each
    StatusLine.follow(status, job);
    job.statusProperty().addListener((o, was, now) -> status.setText(now));

    Button export = new Button("Export");
    export.setId(EXPORT_ID);
    export.setDefaultButton(true);
    export.disableProperty().bind(job.runningProperty().or(folder.textProperty().isEmpty()));
    Button close = DialogButtons.cancelOrClose(job, stage);
    close.setId(CANCEL_ID);
    Button open = new Button("Open in browser");
    open.setId(OPEN_ID);
    open.disableProperty().bind(job.resultProperty().isNull().or(job.runningProperty()));
    open.setOnAction(
        e ->
            openLink.accept(
                job.getResult().index().toUri().toString(),
                said -> {
                  // in the dialog the user is looking at, not only in the window's status bar
                  status.setText(said);
                  StatusLine.mark(status, true);
                }));
    stage.setOnHidden(e -> job.cancel());

    export.setOnAction(
        e -> {
          SiteExporter.Options options;
          try {
            options =
                new SiteExporter.Options(
                    title.getText(),
                    Set.of(),
                    baseUrl.getText().isBlank() ? null : baseUrl.getText());
          } catch (RuntimeException bad) {
            status.setText(dev.talkbook.ui.common.Errors.message(bad));
            StatusLine.mark(status, true);
            return;
          }
          Path out = folderField.path();
          if (out == null) {
            status.setText(folderField.whyNot());
            StatusLine.mark(status, true);
            return;
          }
          remember.accept(new Choices(out.toString(), title.getText(), baseUrl.getText()));
          job.start(
              "Exporting…",
              feedback ->
                  exporter.export(
                      notebook,
                      out,
                      // the dates as the folder's site has them, else as the window names them
                      options.withLocale(SiteExporter.siteLocale(out)),
                      feedback::progress,
                      feedback::cancelled),
              r ->
                  "Exported "
                      + Counts.of(r.talks(), "talk")
                      + ": "
                      + Counts.of(r.written(), "file")
                      + " written, "
                      + r.unchanged()
                      + " unchanged, "
                      + r.deleted()
                      + " removed."
                      + r.notices().stream().map(line -> "\n" + line).collect(joining()),
              // what the folder holds now: placeholder pages until the next export, say
              cancelled ->
                  cancelled instanceof SiteExporter.Cancelled said
                      ? said.getMessage()
                      : "Cancelled.");
        });

    VBox root = new VBox(12, form, bar, status, DialogButtons.bar(export, open, close));
    // Once exported, Enter opens the site; a change to the form makes Export the action again.
    BooleanProperty exported = new SimpleBooleanProperty();
    job.resultProperty().addListener((o, was, now) -> exported.set(now != null));
    for (TextField field : List.of(folder, title, baseUrl)) {
      field.textProperty().addListener((o, was, now) -> exported.set(false));
    }
    open.defaultButtonProperty().bind(exported);
    export.defaultButtonProperty().bind(exported.not());
    DefaultButtons.keepEnterOnTheDefault(open, export);
    // The keyboard starts in the folder, its text selected to type over, where it is seen (the
    // window gave it to Export, whose ring only a Tab shows: nothing looked focused). Enter there
    // still exports.
    folderField.focusWhenShown(stage);
    root.setPadding(new Insets(16));
    root.setPrefWidth(560);
    stage.setScene(new Scene(root));
    Theme.dress(root, owner);
  }

  /**
   * The title and address the site in the folder was last exported with, read (off the FX thread)
   * from its manifest whenever the folder changes, fill their fields, as {@code talkbook export
   * site} keeps them: a site exported by the command, or by the window of another notebook, keeps
   * its name. A field the user typed into keeps what was typed; a folder without a site leaves both
   * as they are; a folder that cannot be read is left for the export to name.
   */
  private static void keepTheFoldersSettings(
      TextField folder, TextField title, TextField baseUrl, Executor worker, Executor fx) {
    BooleanProperty filling = new SimpleBooleanProperty();
    BooleanProperty titleTyped = new SimpleBooleanProperty();
    BooleanProperty urlTyped = new SimpleBooleanProperty();
    title
        .textProperty()
        .addListener((o, was, now) -> titleTyped.set(titleTyped.get() || !filling.get()));
    baseUrl
        .textProperty()
        .addListener((o, was, now) -> urlTyped.set(urlTyped.get() || !filling.get()));
    Consumer<String> read =
        text -> {
          if (text.isBlank()) {
            return;
          }
          worker.execute(
              () -> {
                SiteExporter.Kept kept;
                try {
                  Path typed = FolderField.resolve(text);
                  if (typed == null) {
                    return; // not a full path: the export says so
                  }
                  kept = SiteExporter.kept(typed);
                } catch (RuntimeException notASite) {
                  return; // not a path, not a manifest, unreadable: the export says why
                }
                if (kept == null) {
                  return;
                }
                fx.execute(
                    () -> {
                      if (!folder.getText().equals(text)) {
                        return; // the folder changed meanwhile: its own read fills the fields
                      }
                      filling.set(true);
                      try {
                        if (!titleTyped.get()) {
                          title.setText(kept.title());
                        }
                        if (!urlTyped.get()) {
                          baseUrl.setText(kept.baseUrl() == null ? "" : kept.baseUrl());
                        }
                      } finally {
                        filling.set(false);
                      }
                    });
              });
        };
    folder.textProperty().addListener((o, was, now) -> read.accept(now));
    read.accept(folder.getText());
  }

  /** A field's label, tied to it: a screen reader names the field by it. */
  private static Label labelFor(String text, javafx.scene.Node field) {
    Label label = new Label(text);
    label.setLabelFor(field);
    return label;
  }

  public void show() {
    stage.show();
  }

  public Stage stage() {
    return stage;
  }

  /** The running or finished export, for tests. */
  LongJob<SiteExporter.Result> job() {
    return job;
  }

  /** The renderer-backed exporter the window uses. */
  public static SiteExporter exporter() {
    return new SiteExporter(new MarkdownRenderer());
  }
}
