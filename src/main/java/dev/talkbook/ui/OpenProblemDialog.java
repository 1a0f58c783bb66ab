package dev.talkbook.ui;

import dev.talkbook.core.store.NotebookLocation;
import dev.talkbook.core.store.NotebookOpenException;
import dev.talkbook.ui.common.Theme;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * A notebook that cannot be opened: says which file and what is wrong, and offers to choose another
 * notebook, create a new one elsewhere, or quit (at the start, nothing open yet) or go back to the
 * notebook still open (File → Open notebook…: Esc and the dialog's close do that too); to open it
 * read-only when only writing is barred (it is open in another Talkbook, the disk is full); to
 * repair it when only an index is damaged ({@link NotebookRepair}: the damaged file is kept beside
 * it); to save the notes of one damaged at its start into a new notebook, and open that; and to
 * upgrade an older notebook asked to be opened read-only, when its file can be written. Otherwise
 * the bad file is never touched. A damaged index is not offered read-only: reads go through the
 * indexes, so the message says it is read again once repaired.
 */
final class OpenProblemDialog {
  /** What the user chose. */
  sealed interface Choice {
    /** Open this existing file. */
    record Open(Path file) implements Choice {}

    /** Open this file read-only (it is open for writing elsewhere, or the disk is full). */
    record OpenReadOnly(Path file) implements Choice {}

    /**
     * This file was repaired (rebuilt from its data; the damaged file is {@code kept}): open it.
     */
    record Repaired(Path file, Path kept) implements Choice {}

    /**
     * The notes of {@code file}, damaged at its start, were saved into the new notebook {@code
     * saved}: open that one ({@code file} is left as it was). {@code unread} says what of its
     * write-ahead log could not be read; empty if nothing.
     */
    record SavedNotes(Path file, Path saved, String unread) implements Choice {}

    /**
     * Upgrade this older notebook once (a writable open), then open it read-only as the user asked.
     */
    record UpgradeAndOpen(Path file) implements Choice {}

    /** Create a new notebook at this path. */
    record Create(Path file) implements Choice {}

    /** Leave Talkbook (offered when no notebook is open yet). */
    record Quit() implements Choice {}

    /** Keep working in the notebook that is open (offered instead of Quit when one is). */
    record Back() implements Choice {}
  }

  static final ButtonType CHOOSE = new ButtonType("Choose another…", ButtonBar.ButtonData.LEFT);
  static final ButtonType CREATE = new ButtonType("Create new…", ButtonBar.ButtonData.OTHER);
  static final ButtonType QUIT = new ButtonType("Quit", ButtonBar.ButtonData.CANCEL_CLOSE);
  static final ButtonType READ_ONLY =
      new ButtonType("Open read-only", ButtonBar.ButtonData.OK_DONE);
  static final ButtonType REPAIR = new ButtonType("Repair", ButtonBar.ButtonData.OK_DONE);

  static final ButtonType SAVE_NOTES = new ButtonType("Save notes", ButtonBar.ButtonData.OK_DONE);

  /** Whether the notebook is damaged at its start, so its notes can be saved into a new one. */
  static boolean canSaveNotes(NotebookOpenException problem) {
    return problem.problem() == NotebookOpenException.Problem.DAMAGED_START;
  }

  /** Whether only an index is damaged, so the notebook can be rebuilt from its data. */
  static boolean canRepair(NotebookOpenException problem) {
    return problem.problem() == NotebookOpenException.Problem.INDEX_DAMAGED;
  }

  static final ButtonType UPGRADE =
      new ButtonType("Upgrade and open", ButtonBar.ButtonData.OK_DONE);

  /**
   * Whether the file itself is fine and only writing is barred (another Talkbook has it open, or
   * the disk is full), so reading it is a way on.
   */
  static boolean canOpenReadOnly(NotebookOpenException problem) {
    return problem.problem() == NotebookOpenException.Problem.LOCKED
        || problem.problem() == NotebookOpenException.Problem.DISK_FULL;
  }

  /**
   * Whether the notebook was asked read-only but is an older one whose file can be written: it can
   * be upgraded once and then opened read-only (a desktop user is not told to drop a flag).
   */
  static boolean canUpgrade(NotebookOpenException problem) {
    Path file = problem.file();
    return problem.problem() == NotebookOpenException.Problem.NEEDS_UPGRADE
        && java.nio.file.Files.isWritable(file)
        && file.getParent() != null
        && java.nio.file.Files.isWritable(file.getParent());
  }

  /** What the dialog says: the core's message, but in a window's words for an upgrade. */
  static String text(NotebookOpenException problem) {
    if (canUpgrade(problem)) {
      return problem.file()
          + " was written by an older Talkbook, and was asked to be opened read-only. It must be"
          + " upgraded once to be read here; an older Talkbook cannot open it after that."
          + " \u201cUpgrade and open\u201d upgrades it (its notes and talks stay as they are) and"
          + " then opens it read-only.";
    }
    return problem.getMessage();
  }

  private OpenProblemDialog() {}

  /**
   * The button that leaves the dialog without opening anything (Esc, the dialog's close): "Back to
   * {@code current}" while a notebook is open, else Quit.
   */
  static ButtonType leave(Path current) {
    return current == null
        ? QUIT
        : new ButtonType("Back to " + current.getFileName(), ButtonBar.ButtonData.CANCEL_CLOSE);
  }

  /**
   * The dialog for {@code problem}; {@code current} is the notebook still open in the window (File
   * → Open notebook…), null at the start.
   */
  static Alert alert(Window owner, NotebookOpenException problem, Path current) {
    ButtonType anyway = openAnyway(problem);
    ButtonType leave = leave(current);
    Alert alert =
        anyway == null
            ? new Alert(Alert.AlertType.ERROR, text(problem), CHOOSE, CREATE, leave)
            : new Alert(Alert.AlertType.ERROR, text(problem), anyway, CHOOSE, CREATE, leave);
    alert.initOwner(owner);
    Theme.dress(alert.getDialogPane(), owner);
    alert.setTitle("Talkbook");
    alert.setHeaderText("Cannot open " + problem.file().getFileName());
    alert.getDialogPane().setId("open-problem");
    alert.getDialogPane().setMinWidth(520);
    if (anyway == null) {
      // Enter chooses another notebook (Open read-only, Repair or Upgrade and open is the default
      // where offered).
      ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(CHOOSE))
          .setDefaultButton(true);
    }
    return alert;
  }

  /**
   * The button that opens the notebook anyway, first in the dialog: Open read-only, Repair, or
   * Upgrade and open (in that order of preference); null when none can.
   */
  private static ButtonType openAnyway(NotebookOpenException problem) {
    if (canOpenReadOnly(problem)) {
      return READ_ONLY;
    }
    if (canRepair(problem)) {
      return REPAIR;
    }
    if (canSaveNotes(problem)) {
      return SAVE_NOTES;
    }
    if (canUpgrade(problem)) {
      return UPGRADE;
    }
    return null;
  }

  /**
   * Asks what to do about {@code problem}; {@code current} is the notebook still open in the window
   * (null at the start): then Esc, the dialog's close and its last button go back to it ({@link
   * Choice.Back}) instead of quitting.
   */
  static Choice ask(Window owner, NotebookOpenException problem, Path current) {
    while (true) {
      Alert alert = alert(owner, problem, current);
      NotebookRepair repair =
          canRepair(problem)
              ? NotebookRepair.attach(alert, problem.file())
              : canSaveNotes(problem)
                  ? NotebookRepair.attachSaveNotes(alert, problem.file())
                  : null;
      Optional<ButtonType> answer = alert.showAndWait();
      if (answer.isEmpty() || answer.get().getButtonData() == ButtonBar.ButtonData.CANCEL_CLOSE) {
        return current == null ? new Choice.Quit() : new Choice.Back();
      }
      if (answer.get() == REPAIR && repair != null && repair.kept() != null) {
        return new Choice.Repaired(problem.file(), repair.kept());
      }
      if (answer.get() == SAVE_NOTES && repair != null && repair.kept() != null) {
        return new Choice.SavedNotes(problem.file(), repair.kept(), repair.unreadNote());
      }
      if (answer.get() == READ_ONLY) {
        return new Choice.OpenReadOnly(problem.file());
      }
      if (answer.get() == UPGRADE) {
        return new Choice.UpgradeAndOpen(problem.file());
      }
      FileChooser chooser = new FileChooser();
      chooser
          .getExtensionFilters()
          .addAll(
              new FileChooser.ExtensionFilter("Talkbook notebooks", "*.talkbook"),
              new FileChooser.ExtensionFilter("All files", "*"));
      Path folder = problem.file().getParent();
      if (folder != null && folder.toFile().isDirectory()) {
        chooser.setInitialDirectory(folder.toFile());
      }
      if (answer.get() == CHOOSE) {
        chooser.setTitle("Open notebook");
        File file = chooser.showOpenDialog(owner);
        if (file != null) {
          return new Choice.Open(file.toPath());
        }
      } else {
        chooser.setTitle("Create a new notebook");
        chooser.setInitialFileName("notebook.talkbook");
        File file = chooser.showSaveDialog(owner);
        if (file != null) {
          return new Choice.Create(NotebookLocation.withExtension(file.toPath()));
        }
      }
    }
  }
}
