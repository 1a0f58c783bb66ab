package dev.talkbook.ui;

import dev.talkbook.core.common.Counts;
import dev.talkbook.ui.common.Settings;
import dev.talkbook.ui.common.Theme;
import dev.talkbook.ui.common.UiExecutors;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * Tells, once the window is up, of notes the notebook could not take when Talkbook last closed,
 * which {@link ShutdownRecovery} kept in Markdown files (a full disk, a notebook another program
 * held): without this they were only named on the standard error, which a desktop start shows
 * nobody. "Open" opens the files it names and the window does not tell of them again; "Not now"
 * tells of them at the next start.
 */
final class KeptNotes {
  static final String DIALOG_ID = "kept-notes";
  static final ButtonType OPEN = new ButtonType("Open", ButtonBar.ButtonData.OK_DONE);
  static final ButtonType LATER = new ButtonType("Not now", ButtonBar.ButtonData.CANCEL_CLOSE);

  private KeptNotes() {}

  /** Looks for such files on the notebook thread and, when there are new ones, asks. */
  static void offer(
      Window owner,
      Path notebook,
      Settings settings,
      UiExecutors executors,
      Path fallback,
      Consumer<String> openLink) {
    long seen = settings.get(Settings.keptNotesSeen(notebook)).longValue();
    executors.run(
        () ->
            ShutdownRecovery.kept(notebook, fallback).stream()
                .filter(file -> ShutdownRecovery.modified(file) > seen)
                .toList(),
        files -> {
          if (!files.isEmpty()) {
            ask(owner, notebook, settings, files, openLink);
          }
        },
        error -> {}); // nothing to tell of
  }

  /** The files, one a line; past {@link #NAMED} of them, the newest and how many more. */
  static String named(List<Path> files) {
    int skip = Math.max(0, files.size() - NAMED);
    String shown =
        files.subList(skip, files.size()).stream()
            .map(Path::toString)
            .collect(Collectors.joining("\n"));
    return skip == 0 ? shown : shown + "\n… and " + Counts.of(skip, "older file");
  }

  /** The most files the question names one by one. */
  static final int NAMED = 6;

  private static void ask(
      Window owner, Path notebook, Settings settings, List<Path> files, Consumer<String> openLink) {
    Alert alert = new Alert(Alert.AlertType.INFORMATION, "", OPEN, LATER);
    alert.initOwner(owner);
    Theme.dress(alert.getDialogPane(), owner);
    alert.setTitle("Talkbook");
    alert.getDialogPane().setId(DIALOG_ID);
    alert.setHeaderText("Notes kept when Talkbook last closed");
    alert.setContentText(
        "When Talkbook last closed, notes could not be saved in this notebook. "
            + (files.size() == 1 ? "They were kept in:" : "They were kept in these files:")
            + "\n\n"
            + named(files)
            + "\n\nOpen "
            + (files.size() == 1 ? "it" : "them")
            + " to copy back what the notes are missing.");
    alert.getDialogPane().setMinWidth(520);
    alert
        .showAndWait()
        .filter(OPEN::equals)
        .ifPresent(
            open -> {
              // The files named (the newest): not a window for each of dozens.
              files
                  .subList(Math.max(0, files.size() - NAMED), files.size())
                  .forEach(file -> openLink.accept(file.toUri().toString()));
              settings.put(
                  Settings.keptNotesSeen(notebook),
                  (double) ShutdownRecovery.modified(files.get(files.size() - 1)));
            });
  }
}
