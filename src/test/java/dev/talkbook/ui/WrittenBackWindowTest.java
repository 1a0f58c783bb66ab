package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.store.Notebook;
import dev.talkbook.ui.common.RecentNotebooks;
import dev.talkbook.ui.common.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.DialogPane;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Found in review: a notebook deleted while open, with another file put at its name meanwhile, was
 * written back at quit beside it as NAME-written-back.talkbook, and the user was never told: the
 * next start opened the other file, and their notes sat in a file they did not know of.
 */
@ExtendWith(ApplicationExtension.class)
class WrittenBackWindowTest {
  @TempDir Path dir;
  private WindowUnderTest ui;

  @AfterEach
  void closeWindow(FxRobot robot) {
    if (ui != null) {
      ui.close(robot);
    }
  }

  private void openWindow(FxRobot robot) throws TimeoutException {
    Stage primary = FxToolkit.registerPrimaryStage();
    robot.interact(() -> ui = new WindowUnderTest(primary, dir));
  }

  @Test
  void aQuitSaysWhereTheNotesWereWrittenBackAndTheNextStartOpensThatFile(FxRobot robot)
      throws Exception {
    Path file = dir.resolve("notes.talkbook"); // where WindowUnderTest opens its notebook
    long talk = WindowUnderTest.notebookWithOneTalk(dir, "Typed notes\n");
    openWindow(robot);
    Files.delete(file);
    Files.writeString(file, "another file put at its name");
    FxWait.until("the window saw the delete", () -> ui.window.fileDeleted());

    CompletableFuture<Void> exited = new CompletableFuture<>();
    ui.quitTellingWhereWrittenBack(robot, () -> exited.complete(null));

    Path beside = dir.resolve("notes-written-back.talkbook");
    FxWait.untilFx(
        "the dialog says where", () -> robot.lookup("#written-back").tryQuery().isPresent());
    String said =
        FxWait.onFx(
            () ->
                robot.lookup("#written-back").queryAs(DialogPane.class).lookupAll(".label").stream()
                    .map(n -> ((javafx.scene.control.Label) n).getText())
                    .reduce("", String::concat));
    assertThat(said).contains("Your notes are in " + beside).contains(file.toString());
    assertThat(exited).as("the app waits for the user to read it").isNotDone();
    // The words and buttons keep off the dialog's edges (they touched its left edge).
    double left =
        FxWait.onFx(
            () -> {
              DialogPane pane = robot.lookup("#written-back").queryAs(DialogPane.class);
              javafx.scene.Node button = pane.lookup("#written-back-show-folder");
              javafx.geometry.Bounds b =
                  pane.sceneToLocal(button.localToScene(button.getLayoutBounds()));
              return b.getMinX();
            });
    assertThat(left).as("the Show folder button's room at the left").isGreaterThanOrEqualTo(12);

    FxWait.clickOn(robot, "#written-back-copy-path");
    assertThat(FxWait.onFx(() -> Clipboard.getSystemClipboard().getString()))
        .isEqualTo(beside.toString());
    FxWait.clickOn(robot, "#written-back-show-folder");
    FxWait.until("the folder shown", () -> ui.shownFolders.contains(beside));
    FxWait.clickOn(robot, "Quit");
    exited.get(FxWait.TIMEOUT.toSeconds(), TimeUnit.SECONDS);

    assertThat(file).hasContent("another file put at its name");
    try (Notebook back =
        Notebook.open(beside, Notebook.Options.defaults().withCreate(false).withReadOnly(true))) {
      assertThat(back.talks().get(talk).body()).isEqualTo("Typed notes\n");
    }
    Settings settings = Settings.load(ui.settingsFile);
    assertThat(RecentNotebooks.list(settings)).first().isEqualTo(beside);
    assertThat(RecentNotebooks.forWindow(null, settings)).isEqualTo(beside);
    // Told at the quit: not said again at the next start.
    assertThat(settings.get(Settings.writtenBackFrom(beside))).isEmpty();
  }

  /**
   * Written back beside where the window could not say it (the delete came in the last two seconds,
   * another notebook was opened): the next window on that file says what it is, once.
   */
  @Test
  void theNextWindowOnAWrittenBackNotebookSaysWhatItIsOnce(FxRobot robot) throws Exception {
    openWindow(robot);
    Path old = dir.resolve("talks.talkbook");
    robot.interact(() -> ui.window.close());
    Settings settings = Settings.load(ui.settingsFile);
    settings.put(Settings.writtenBackFrom(ui.notebook.file()), old.toString());
    settings.flush();

    robot.interact(() -> ui.show());
    String said = WrittenBackNotice.message(old, ui.notebook.file());
    FxWait.untilFx("said", () -> said.equals(ui.window.statusBar().pinnedMessage()));

    robot.interact(() -> ui.window.close());
    robot.interact(() -> ui.show());
    ui.idle();
    assertThat(FxWait.onFx(() -> ui.window.statusBar().pinnedMessages())).doesNotContain(said);
  }
}
