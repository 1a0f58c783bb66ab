package dev.talkbook.ui;

import dev.talkbook.core.store.Notebook;
import dev.talkbook.ui.common.Settings;
import dev.talkbook.ui.common.Theme;
import dev.talkbook.ui.common.UiExecutors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;

/**
 * The real main window on a fresh notebook in {@code dir}, with settings of its own, for the TestFX
 * tests: made in their {@code @Start}, closed in their {@code @AfterEach}. Links the window opens
 * are recorded, not sent to a browser.
 */
final class WindowUnderTest {
  final Stage stage;

  /** The notebook the window shows; a test may close it and open it again (a restart). */
  Notebook notebook;

  final UiExecutors executors = new UiExecutors();

  /** The window's settings file; a restart reads it again. */
  final Path settingsFile;

  final List<String> openedLinks = new ArrayList<>();

  /** How many times the window asked the app to quit. */
  final java.util.concurrent.atomic.AtomicInteger quits =
      new java.util.concurrent.atomic.AtomicInteger();

  /** What the "save as" file chooser answers (null: the user cancelled). */
  volatile Path saveAs;

  MainWindow window;

  private final MainWindow.Host host =
      new MainWindow.Host() {
        @Override
        public void openLink(String url) {
          openedLinks.add(url);
        }

        @Override
        public void openAnotherNotebook() {}

        @Override
        public void quit() {
          quits.incrementAndGet();
        }

        @Override
        public Path chooseFileToSave(String title, String name) {
          return saveAs;
        }
      };

  /** Opens the notebook and shows the window (on the FX thread). */
  WindowUnderTest(Stage stage, Path dir) {
    this.stage = stage;
    this.notebook = Notebook.open(dir.resolve("notes.talkbook"));
    this.settingsFile = dir.resolve("settings.properties");
    show();
  }

  /** A new window on the same notebook and settings, as after a restart (on the FX thread). */
  MainWindow show() {
    window =
        new MainWindow(
            stage, notebook, executors, Settings.load(settingsFile), new Theme(false), host);
    stage.show();
    window.start();
    return window;
  }

  void close(FxRobot robot) {
    robot.interact(
        () -> {
          window.close();
          stage.hide();
        });
    notebook.close();
    executors.close();
  }
}
