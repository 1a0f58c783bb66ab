package dev.talkbook.ui;

import java.nio.file.Path;
import java.time.Clock;

/** What the main window needs from the app around it ({@link App}; tests give their own). */
public interface WindowHost {
  void openLink(String url);

  /**
   * {@link #openLink(String)}; when no browser opened it, {@code notOpened} is also told what the
   * window's status bar says (on the FX thread), for a dialog that shows it.
   */
  default void openLink(String url, java.util.function.Consumer<String> notOpened) {
    openLink(url);
  }

  /** File → Open notebook…: the app closes this window's notebook and opens another. */
  void openAnotherNotebook();

  /** Asks where a new notebook goes (a save dialog); null when the user cancelled. */
  Path chooseNewNotebook();

  /**
   * Closes this window's notebook (once its notes are saved) and opens {@code file}, creating it
   * when {@code create} (File → New notebook…, File → Open recent).
   */
  void openNotebook(Path file, boolean create);

  /** Leaves the app; the window has saved its notes (or the user chose not to). */
  void quit();

  /** Asks where to save a file (what for, the proposed name); null when the user cancelled. */
  Path chooseFileToSave(String title, String name);

  /**
   * Edit → Attach file…: asks for the files to store with the open talk (the system's file chooser,
   * where Ctrl+L takes a typed path); empty when the user cancelled.
   */
  default java.util.List<Path> chooseFilesToAttach(javafx.stage.Window owner) {
    javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
    chooser.setTitle("Attach files to the talk");
    java.util.List<java.io.File> files = chooser.showOpenMultipleDialog(owner);
    return files == null ? java.util.List.of() : files.stream().map(java.io.File::toPath).toList();
  }

  /** The clock "Now and next" reads (tests give a fixed one). */
  default Clock clock() {
    return Clock.systemDefaultZone();
  }

  /**
   * Shows {@code file}'s folder in the desktop's file manager; completes when it is shown, or
   * exceptionally with what went wrong (no application to show folders with).
   */
  default java.util.concurrent.CompletableFuture<Void> showInFolder(Path file) {
    return dev.talkbook.ui.common.DesktopOpener.show(file);
  }

  /**
   * The folder where notes the notebook could not take at the last close went when its own folder
   * could not hold them: the temporary folder (tests give another).
   */
  default Path keptNotesFolder() {
    return temporaryFolder();
  }

  /** The temporary folder: where notes and journals go when the notebook's folder refuses. */
  static Path temporaryFolder() {
    return Path.of(System.getProperty("java.io.tmpdir"));
  }
}
