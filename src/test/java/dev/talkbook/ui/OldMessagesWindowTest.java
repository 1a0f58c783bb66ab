package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.NotesJournal;
import dev.talkbook.ui.common.FormDialogs;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Messages that outlived what they said (tester 9a, finding 7): "⚠ Video not saved: …" stayed for
 * minutes through typing, find, search and restore; "…was put back (27 changes)" stayed into the
 * export dialog. A field's problem goes with Esc in the field (its saved value back); a message
 * goes after {@link StatusBar#MESSAGE_FOR}, or when a dialog opens.
 */
class OldMessagesWindowTest extends RealWindowTest {

  private static TextField field(FxRobot robot, String id) {
    return robot.lookup("#detail-" + id).queryAs(TextField.class);
  }

  @Test
  void escInAFieldThatCannotBeSavedPutsBackItsSavedValueAndItsProblemGoes(FxRobot robot)
      throws Exception {
    Talk talk = ui.openNewTalk(robot, "Loom", "Notes\n");
    ui.notebook
        .talks()
        .update(talk.id(), talk.details().withVideoUrl("https://video.example/loom"));
    ui.reload(robot);
    FxWait.untilFx(
        "the video shown",
        () -> field(robot, "video").getText().equals("https://video.example/loom"));
    FxWait.clickOn(robot, "#detail-video");
    robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
    robot.write("#");
    FxWait.untilFx(
        "the video not saved", () -> WindowUnderTest.saveState(robot).startsWith("Video not"));

    String before = whereTheKeysGo(robot);
    robot.type(KeyCode.ESCAPE);

    try {
      FxWait.untilFx(
          "the saved video back",
          () -> field(robot, "video").getText().equals("https://video.example/loom"));
    } catch (AssertionError e) {
      // CI under load failed here once: say where the Esc could have gone.
      throw new AssertionError(
          e.getMessage() + "; before Esc: " + before + "; now: " + whereTheKeysGo(robot), e);
    }
    FxWait.untilFx("saved", () -> WindowUnderTest.saveState(robot).equals("Saved"));
    assertThat(
            FxWait.onFx(
                () -> field(robot, "video").getPseudoClassStates().contains(FormDialogs.INVALID)))
        .isFalse();
    assertThat(ui.notebook.talks().get(talk.id()).details().videoUrl())
        .isEqualTo("https://video.example/loom");
  }

  /**
   * A tooltip shown when Esc was pressed took the key (a JavaFX popup consumes the Esc that hides
   * it): the field kept "#" and its problem, as the test above once did in CI under load. The
   * window's tooltips ({@link dev.talkbook.ui.common.Tips}) let it through now.
   */
  @Test
  void escInAFieldWhileATooltipShowsStillPutsBackItsSavedValue(FxRobot robot) throws Exception {
    Talk talk = ui.openNewTalk(robot, "Loom", "Notes\n");
    ui.notebook
        .talks()
        .update(talk.id(), talk.details().withVideoUrl("https://video.example/loom"));
    ui.reload(robot);
    FxWait.untilFx(
        "the video shown",
        () -> field(robot, "video").getText().equals("https://video.example/loom"));
    FxWait.clickOn(robot, "#detail-video");
    robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
    robot.write("#");
    FxWait.untilFx(
        "the video not saved", () -> WindowUnderTest.saveState(robot).startsWith("Video not"));
    javafx.scene.control.Tooltip[] tip = new javafx.scene.control.Tooltip[1];
    robot.interact(
        () -> {
          tip[0] = dev.talkbook.ui.common.Tips.wrapping("Video");
          tip[0].show(ui.stage);
        });
    FxWait.untilFx("the tooltip shown", () -> tip[0].isShowing());

    robot.type(KeyCode.ESCAPE);

    FxWait.untilFx(
        "the saved video back",
        () -> field(robot, "video").getText().equals("https://video.example/loom"));
    FxWait.untilFx("the tooltip gone", () -> !tip[0].isShowing());
  }

  /** The focus owner, the windows shown and the video field's text, for a failure's message. */
  private String whereTheKeysGo(FxRobot robot) throws Exception {
    return FxWait.onFx(
        () ->
            "focus in "
                + ui.stage.getScene().getFocusOwner()
                + ", windows shown "
                + javafx.stage.Window.getWindows().stream()
                    .map(w -> w.getClass().getSimpleName())
                    .toList()
                + ", video field \""
                + field(robot, "video").getText()
                + "\"");
  }

  @Test
  void aMessageGoesAfterAWhile(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Loom", "Notes\n");
    long said = System.nanoTime();
    robot.interact(() -> ui.window.statusBar().showMessage("Exported 3 talks."));
    Label notice = robot.lookup("#notice").queryAs(Label.class);
    assertThat(FxWait.onFx(notice::isVisible)).isTrue();
    FxWait.until("the message gone", () -> !FxWait.onFx(notice::isVisible));
    long seconds = (System.nanoTime() - said) / 1_000_000_000L;
    assertThat(seconds).as("seconds shown").isLessThan(15); // it stayed 20 s
  }

  @Test
  void aMessageGoesWhenADialogOpens(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Loom", "Notes\n");
    robot.interact(
        () ->
            ui.window
                .statusBar()
                .showMessage(
                    "Typing in “Loom” that was not yet saved when Talkbook stopped was put back (27"
                        + " changes); History has the notes before it."));
    Label notice = robot.lookup("#notice").queryAs(Label.class);
    assertThat(FxWait.onFx(notice::isVisible)).isTrue();
    Stage[] dialog = new Stage[1];
    long opened = System.nanoTime();
    robot.interact(
        () -> {
          dialog[0] = new Stage();
          dialog[0].initOwner(ui.stage);
          dialog[0].setScene(new javafx.scene.Scene(new Label("Export site"), 300, 200));
          dialog[0].show();
        });
    try {
      FxWait.untilFx("the message gone", () -> !notice.isVisible());
      long seconds = (System.nanoTime() - opened) / 1_000_000_000L;
      assertThat(seconds).as("seconds after the dialog opened").isLessThan(5); // went after 20 s
    } finally {
      robot.interact(
          () -> {
            dialog[0].close();
            ui.stage.requestFocus(); // headless, the keyboard does not go back by itself
          });
    }
  }

  /**
   * Review 10: the notice naming the file a crash's typing is kept in (the only place that names
   * it) went when the start's first dialog opened, or after 10 s. It stays until dismissed.
   */
  @Test
  void theNoticeNamingAKeptJournalStaysUntilDismissed(FxRobot robot) throws Exception {
    Talk loom = ui.openNewTalk(robot, "Loom", "Notes\n");
    Path kept = dir.resolve("notes.talkbook.journal-" + loom.id() + ".kept");
    robot.interact(
        () ->
            ui.window.tellRecovered(
                List.of(
                    new NotesJournal.Recovered(
                        loom.id(), "Loom", 3, kept, "the notes changed since.", -1))));
    Label notice = robot.lookup("#notice").queryAs(Label.class);
    FxWait.untilFx("the notice", () -> notice.isVisible() && notice.getText().contains("kept in"));
    Stage[] dialog = new Stage[1];
    robot.interact(
        () -> {
          dialog[0] = new Stage();
          dialog[0].initOwner(ui.stage);
          dialog[0].setScene(new javafx.scene.Scene(new Label("Kept notes"), 300, 200));
          dialog[0].show();
        });
    robot.interact(
        () -> {
          dialog[0].close();
          ui.stage.requestFocus();
        });
    assertThat(FxWait.onFx(notice::isVisible)).as("after a dialog").isTrue();
    readWholeThenDismiss(robot);
    assertThat(FxWait.onFx(notice::isVisible)).as("dismissed").isFalse();
  }

  /**
   * Review 11: at a start after a crash whose last talk is cut, the talk's own notice (or any later
   * one) replaced the notice naming the kept file at once; and it took two lines of the bar. Now it
   * is one line (its whole text in its tooltip), a later notice shows over it for its while, and it
   * comes back when that one goes, until it is dismissed.
   */
  @Test
  void theNoticeNamingAKeptJournalComesBackAfterALaterNoticeOnOneLine(FxRobot robot)
      throws Exception {
    Talk loom = ui.openNewTalk(robot, "Loom", "Notes\n");
    Path kept = dir.resolve("notes.talkbook.journal-" + loom.id() + ".kept");
    robot.interact(
        () ->
            ui.window.tellRecovered(
                List.of(
                    new NotesJournal.Recovered(
                        loom.id(), "Loom", 3, kept, "the notes changed since.", -1))));
    Label notice = robot.lookup("#notice").queryAs(Label.class);
    FxWait.untilFx("the notice", () -> notice.isVisible() && notice.getText().contains("kept in"));
    String keptNotice = FxWait.onFx(notice::getText);
    assertThat(FxWait.onFx(notice::isWrapText)).as("on one line").isFalse();
    double oneLine = FxWait.onFx(() -> notice.getFont().getSize() * 2);
    assertThat(FxWait.onFx(notice::getHeight)).as("one line high").isLessThan(oneLine);

    robot.interact(() -> ui.window.statusBar().showMessage("“Huge” is shown cut."));
    assertThat(FxWait.onFx(notice::getText)).isEqualTo("“Huge” is shown cut.");
    // The later notice goes when a window opens (or after its while): the kept one is back.
    Stage[] dialog = new Stage[1];
    robot.interact(
        () -> {
          dialog[0] = new Stage();
          dialog[0].initOwner(ui.stage);
          dialog[0].setScene(new javafx.scene.Scene(new Label("Export site"), 300, 200));
          dialog[0].show();
        });
    robot.interact(
        () -> {
          dialog[0].close();
          ui.stage.requestFocus();
        });
    FxWait.untilFx("the kept notice back", () -> keptNotice.equals(notice.getText()));
    assertThat(FxWait.onFx(notice::isVisible)).isTrue();
    assertThat(FxWait.onFx(() -> ui.window.statusBar().pinnedMessage())).isEqualTo(keptNotice);

    readWholeThenDismiss(robot);
    assertThat(FxWait.onFx(notice::isVisible)).as("dismissed").isFalse();
    assertThat(FxWait.onFx(() -> ui.window.statusBar().pinnedMessage())).isNull();
    robot.interact(() -> ui.window.statusBar().showMessage("Saved."));
    robot.interact(
        () -> {
          dialog[0] = new Stage();
          dialog[0].initOwner(ui.stage);
          dialog[0].setScene(new javafx.scene.Scene(new Label("Export site"), 300, 200));
          dialog[0].show();
        });
    robot.interact(
        () -> {
          dialog[0].close();
          ui.stage.requestFocus();
        });
    FxWait.untilFx("the later notice gone", () -> !notice.isVisible());
  }

  /**
   * Review 13: a message pinned until dismissed (the file a crash's typing is kept in) was replaced
   * for good by the next one pinned (the file text typed ahead went to), a transient notice shown
   * between them or not. Each stays until it is dismissed: the newest shows ("(1 of 2)"), and
   * dismissed, the one before it is back.
   */
  @Test
  void aSecondMessageUntilDismissedDoesNotLoseTheFirst(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Loom", "Notes\n");
    StatusBar bar = ui.window.statusBar();
    Label notice = robot.lookup("#notice").queryAs(Label.class);
    robot.interact(() -> bar.showMessageUntilDismissed("Your typing is kept in /x/a.kept."));
    robot.interact(() -> bar.showMessage("Could not open “Gone”."));
    robot.interact(() -> bar.showMessageUntilDismissed("What you typed is in /x/b.txt."));
    assertThat(FxWait.onFx(notice::getText)).isEqualTo("(1 of 2) What you typed is in /x/b.txt.");
    assertThat(FxWait.onFx(bar::pinnedMessages))
        .containsExactly("Your typing is kept in /x/a.kept.", "What you typed is in /x/b.txt.");

    FxWait.clickOn(robot, "#notice");
    FxWait.untilFx(
        "the first one back", () -> "Your typing is kept in /x/a.kept.".equals(notice.getText()));
    assertThat(FxWait.onFx(notice::isVisible)).isTrue();
    assertThat(FxWait.onFx(bar::pinnedMessage)).isEqualTo("Your typing is kept in /x/a.kept.");

    FxWait.clickOn(robot, "#notice");
    FxWait.untilFx("both dismissed", () -> !notice.isVisible());
    assertThat(FxWait.onFx(bar::pinnedMessages)).isEmpty();
  }

  /**
   * Tester 14b: a message that waits to be dismissed, cut with "…" on the bar (a long path in it),
   * went at the first click, the click a user makes to read it: gone unread. The first click shows
   * it whole; the next one dismisses it.
   */
  @Test
  void aCutMessageThatWaitsToBeDismissedIsShownWholeBeforeAClickDismissesIt(FxRobot robot)
      throws Exception {
    ui.openNewTalk(robot, "Loom", "Notes\n");
    StatusBar bar = ui.window.statusBar();
    Label notice = robot.lookup("#notice").queryAs(Label.class);
    String said =
        "Typing in “Loom” that could not be put back is kept in "
            + "/home/ada/conferences/2026/nightjvm/notes.talkbook.journal-1.kept".repeat(4)
            + ": open it to copy what you need.";
    robot.interact(() -> bar.showMessageUntilDismissed(said));
    FxWait.untilFx("the message cut", bar::noticeCut);

    FxWait.clickOn(robot, "#notice");
    FxWait.untilFx("the message shown whole", () -> said.equals(bar.wholeNoticeShown()));
    assertThat(FxWait.onFx(notice::isVisible)).as("still on the bar").isTrue();
    assertThat(FxWait.onFx(bar::pinnedMessage)).isEqualTo(said);

    // A click closes the whole message (a popup takes the click that closes it); the next one on
    // the message dismisses it.
    robot.type(KeyCode.ESCAPE);
    FxWait.untilFx("the whole message closed", () -> bar.wholeNoticeShown() == null);
    assertThat(FxWait.onFx(bar::pinnedMessage)).isEqualTo(said);
    FxWait.clickOn(robot, "#notice");
    FxWait.untilFx("dismissed", () -> !notice.isVisible());
    assertThat(FxWait.onFx(bar::pinnedMessages)).isEmpty();
  }

  /**
   * The kept file's notice, cut on the test window's bar: a click shows it whole, the next goes.
   */
  private void readWholeThenDismiss(FxRobot robot) throws Exception {
    StatusBar bar = ui.window.statusBar();
    if (FxWait.onFx(bar::noticeCut)) {
      FxWait.clickOn(robot, "#notice");
      FxWait.untilFx("the message shown whole", () -> bar.wholeNoticeShown() != null);
      robot.type(KeyCode.ESCAPE);
      FxWait.untilFx("the whole message closed", () -> bar.wholeNoticeShown() == null);
    }
    FxWait.clickOn(robot, "#notice");
  }
}
