package dev.talkbook.ui;

import dev.talkbook.core.store.Notebook;
import dev.talkbook.ui.common.Errors;
import dev.talkbook.ui.common.RecentNotebooks;
import dev.talkbook.ui.common.Settings;
import dev.talkbook.ui.common.Theme;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * A notebook deleted while open, with another file at its name by the time it closes, is written
 * back beside it as {@code NAME-written-back.talkbook} ({@link Notebook#writtenBesideAs}): the
 * user's notes are then in a file they did not choose, and were never told so. Now:
 *
 * <ul>
 *   <li>a quit from a window that knows its file is deleted closes the notebook before the app
 *       ends, and a dialog names the file the notes are in, with Show folder and Copy path ({@link
 *       #closeThenTell});
 *   <li>that file becomes the last notebook opened, so the next start opens it (the notes the user
 *       typed, not the other file at the old name), and where the window could not tell at once (a
 *       quit before the window had seen the delete, another notebook opened), the window that next
 *       opens it says in its status bar, until dismissed, what it is ({@link #sayOnOpen}).
 * </ul>
 */
final class WrittenBackNotice {
  static final String DIALOG_ID = "written-back";
  static final ButtonType QUIT = new ButtonType("Quit", ButtonBar.ButtonData.OK_DONE);

  private WrittenBackNotice() {}

  /**
   * What the user is told: "Your notes are in /n/talks-written-back.talkbook. The notebook file
   * /n/talks.talkbook was deleted while it was open, and when Talkbook closed it another file was
   * at its name, left as it was: the notebook was written back beside it."
   */
  static String message(Path from, Path to) {
    return "Your notes are in "
        + to
        + ". The notebook file "
        + from
        + " was deleted while it was open, and when Talkbook closed it another file was at its"
        + " name, left as it was: the notebook was written back beside it.";
  }

  /**
   * After {@code closed} was closed: when it was written back beside its name, that file becomes
   * the last notebook opened (the next start opens it) and, unless the user was {@code told} now,
   * what to say when it is next opened is kept; the settings are written out. Returns where it
   * went. Any thread.
   */
  static Optional<Path> remember(Notebook closed, Settings settings, boolean told) {
    Optional<Path> beside = closed.writtenBesideAs();
    beside.ifPresent(
        to -> {
          System.getLogger(WrittenBackNotice.class.getName())
              .log(System.Logger.Level.WARNING, message(closed.file(), to));
          RecentNotebooks.opened(settings, to);
          if (!told) {
            settings.put(Settings.writtenBackFrom(to), closed.file().toString());
          }
          settings.flush();
        });
    return beside;
  }

  /**
   * The window on {@code parts}' notebook says, until dismissed, that it is a notebook written back
   * beside another file at its name when it last closed, if it is and that was not said yet (once).
   */
  static void sayOnOpen(WindowParts parts) {
    Path file = parts.notebook().file();
    Settings.Key<String> key = Settings.writtenBackFrom(file);
    String from = parts.settings().get(key);
    if (from.isBlank()) {
      return;
    }
    parts.settings().put(key, "");
    String said;
    try {
      said = message(Path.of(from), file);
    } catch (java.nio.file.InvalidPathException e) {
      said = message(Path.of("(unreadable)"), file);
    }
    parts.status().showMessageUntilDismissed(said);
  }

  /**
   * Quits a window whose notebook file is known to be deleted: the window closed and hidden ({@link
   * App#closeInTurn}), then the notebook closed (written back) off the FX thread, and, before the
   * app ends, the user told where the notes went when that is beside the old name (a dialog with
   * Show folder, Copy path and Quit), or why they could not be written back; then {@code exit}
   * runs. The app's implicit exit is held off meanwhile (the main window is hidden).
   */
  static void closeThenTell(
      Stage stage,
      Runnable closeWindow,
      Notebook notebook,
      Settings settings,
      Function<Path, CompletableFuture<Void>> showFolder,
      Runnable exit) {
    boolean implicitExit = Platform.isImplicitExit();
    Platform.setImplicitExit(false);
    RuntimeException[] failed = new RuntimeException[1];
    App.closeInTurn(
        stage,
        closeWindow,
        List.of(
            () -> {
              try {
                notebook.close();
              } catch (RuntimeException e) {
                failed[0] = e;
                throw e;
              }
            }),
        () -> {
          Optional<Path> beside = remember(notebook, settings, true);
          Platform.runLater(
              () -> {
                Runnable done =
                    () -> {
                      Platform.setImplicitExit(implicitExit);
                      exit.run();
                    };
                if (failed[0] != null) {
                  Errors.show(null, "Could not write the notebook back", failed[0]);
                  done.run();
                } else if (beside.isPresent()) {
                  tell(stage, notebook.file(), beside.get(), showFolder, done);
                } else {
                  done.run();
                }
              });
        });
  }

  /**
   * The dialog at quit naming {@code to}, dressed like {@code window} (hidden by now, its theme
   * kept); {@code then} runs once it is closed. FX thread.
   */
  static void tell(
      Stage window,
      Path from,
      Path to,
      Function<Path, CompletableFuture<Void>> showFolder,
      Runnable then) {
    Dialog<ButtonType> dialog = new Dialog<>();
    Theme.dress(dialog.getDialogPane(), window);
    dialog.setTitle("Talkbook");
    dialog.setHeaderText("Your notes were written back beside");
    dialog.getDialogPane().setId(DIALOG_ID);
    Label said = new Label(message(from, to));
    said.setWrapText(true);
    said.setPrefWidth(480);
    Label status = new Label();
    status.setId("written-back-status");
    status.setWrapText(true);
    status.setPrefWidth(480);
    // No empty line under the buttons until there is something to say.
    status.managedProperty().bind(status.textProperty().isNotEmpty());
    status.visibleProperty().bind(status.managedProperty());
    Button show = new Button("Show folder");
    show.setId("written-back-show-folder");
    Button copy = new Button("Copy path");
    copy.setId("written-back-copy-path");
    show.setOnAction(
        e ->
            showFolder
                .apply(to)
                .whenComplete(
                    (ok, error) ->
                        Platform.runLater(
                            () ->
                                status.setText(
                                    error == null
                                        ? ""
                                        : "Could not show the folder: "
                                            + (error.getCause() != null ? error.getCause() : error)
                                                .getMessage()))));
    copy.setOnAction(
        e -> {
          ClipboardContent content = new ClipboardContent();
          content.putString(to.toString());
          boolean copied = javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
          status.setText(
              copied
                  ? "The path was put on the clipboard."
                  : "The clipboard could not take the path; it is " + to + ".");
        });
    HBox buttons = new HBox(8, show, copy);
    VBox content = new VBox(12, said, buttons, status);
    // A dialog's content has no padding of its own under the theme: the words and buttons would
    // touch its left edge.
    content.setPadding(new Insets(16, 16, 8, 16));
    dialog.getDialogPane().setContent(content);
    dialog.getDialogPane().getButtonTypes().setAll(QUIT);
    dialog.setOnHidden(e -> then.run());
    dialog.show();
  }
}
