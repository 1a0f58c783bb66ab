package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.NotesJournal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Keys typed right after Go to talk, while the chosen talk is still being opened (the notebook
 * thread busy: a save, a loaded machine), wait until its notes are shown. A kill -9 meanwhile lost
 * them all (tester 9a, finding 8: nothing kept in a 600-talk notebook): they are journaled for that
 * talk as they come, and once the notes take them the journal holds their changes, not both.
 */
class TypedAheadJournalWindowTest extends RealWindowTest {

  @Test
  void keysTypedWhileTheChosenTalkOpensAreJournaledForItAtOnce(FxRobot robot) throws Exception {
    Talk alpha = ui.openNewTalk(robot, "Alpha", "# Alpha\n");
    Talk beta =
        ui.notebook.talks().create(alpha.eventId(), Talk.Details.titled("Beta"), "# Beta\n");
    ui.reloadTree(robot);
    robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
    FxWait.until(
        () -> robot.lookup("#picker-filter").tryQuery().filter(Node::isVisible).isPresent());
    robot.write("Beta");
    FxWait.until(
        () ->
            robot.lookup("#picker-list").queryAs(ListView.class).getItems().size() == 1
                && robot.lookup("#picker-list").queryAs(ListView.class).getItems().get(0) != null);
    CountDownLatch busy = new CountDownLatch(1);
    // The notebook thread is busy: the switch (leave Alpha, read Beta) waits behind it.
    ui.executors.io().execute(() -> awaitQuietly(busy));
    try {
      robot.type(KeyCode.ENTER);
      robot.write("typed ahead");
      robot.type(KeyCode.ENTER);
      robot.write("x");
      ui.window.journalWritten().get(30, TimeUnit.SECONDS);
      assertThat(ui.openTalk().id()).as("still opening").isEqualTo(alpha.id());

      Path journal = ui.notebook.file().resolveSibling("notes.talkbook.journal-" + beta.id());
      assertThat(journal).as("the keys journaled for the talk they wait for").exists();
      NotesJournal.Replayed killedNow =
          NotesJournal.replay(Files.readAllBytes(journal), "# Beta\n");
      assertThat(killedNow.text()).isEqualTo("# Beta\ntyped ahead\nx");
    } finally {
      busy.countDown();
    }

    FxWait.untilFx(
        "Beta's notes with the keys",
        () -> WindowUnderTest.editor(robot).getText().contains("typed ahead"));
    String shown = FxWait.onFx(() -> WindowUnderTest.editor(robot).getText());
    assertThat(shown.split("typed ahead", -1)).as("typed once").hasSize(2);
    // Saved as shown: the keys once, not put back a second time from their journal.
    FxWait.until(() -> ui.notebook.talks().get(beta.id()).body().equals(shown));
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
