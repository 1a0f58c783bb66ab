package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Revision;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.ui.common.StatusLine;
import dev.talkbook.ui.talk.EditorSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Notes kept in a file as Talkbook closed (a full disk) are told of when the window is next up, and
 * can be put back into their talk from there: the talk's notes then are kept in its History, and in
 * the open talk Undo takes the put back away. Showing the file's folder says so when it fails, and
 * copies the path instead. Text typed for a talk that could not be opened, kept in a file as the
 * clipboard refused it, is offered the same way: added to the end of its talk's notes, the file
 * removed then.
 */
class KeptNotesWindowTest extends RealWindowTest {

  private long event;

  private Talk talk(String title, String notes) {
    if (event == 0) {
      event = ui.notebook.events().create(Event.Details.titled("Evening")).id();
    }
    return ui.notebook.talks().create(event, Talk.Details.titled(title), notes);
  }

  /** Writes the file the shutdown hook writes, {@code minutesAgo} old. */
  private Path kept(Talk talk, String notes, int minutesAgo) throws Exception {
    Path file =
        ShutdownRecovery.write(
            ui.notebook.file(),
            new EditorSession.Unsaved(talk, notes),
            null,
            Files.createDirectories(dir.resolve("tmp")));
    Files.setLastModifiedTime(
        file, FileTime.fromMillis(System.currentTimeMillis() - minutesAgo * 60_000L));
    return file;
  }

  private void open(FxRobot robot, String title) {
    ui.reloadTree(robot);
    ui.clickOnRow(robot, title);
    FxWait.until(() -> ui.openTalk() != null && ui.openTalk().title().equals(title));
  }

  /** Writes the file of text typed for {@code talk} that the clipboard refused. */
  private Path typedFor(Talk talk) throws Exception {
    return TypedAheadKept.writeBeside(
        ui.notebook.file(),
        talk.id(),
        "typed while it could not open",
        Files.createDirectories(dir.resolve("tmp")));
  }

  /** A new window on the notebook, as the next start has. */
  private void restart(FxRobot robot) {
    restart(robot, Notebook.Options.defaults());
  }

  private void restart(FxRobot robot, Notebook.Options options) {
    robot.interact(() -> ui.window.close());
    ui.notebook.close();
    ui.notebook = Notebook.open(dir.resolve("notes.talkbook"), options);
    robot.interact(() -> ui.show());
  }

  private static boolean asked(FxRobot robot) {
    return robot
        .lookup("#" + KeptNotes.DIALOG_ID)
        .tryQuery()
        .map(Node::getScene)
        .map(s -> s.getWindow().isShowing())
        .orElse(false);
  }

  private static String status(FxRobot robot, int row) throws Exception {
    return FxWait.onFx(() -> robot.lookup("#kept-status-" + row).queryAs(Label.class).getText());
  }

  private static boolean marked(FxRobot robot, int row) throws Exception {
    return FxWait.onFx(
        () ->
            robot
                .lookup("#kept-status-" + row)
                .query()
                .getStyleClass()
                .contains(StatusLine.PROBLEM));
  }

  /** Waits until the notebook thread's queue and the FX callbacks before this one have run. */
  private void settle() {
    AtomicBoolean done = new AtomicBoolean();
    ui.executors.run(() -> null, nothing -> done.set(true), error -> done.set(true));
    FxWait.until("the notebook thread's work done", done::get);
    ui.idle();
  }

  @Test
  void putBackMakesThemTheOpenTalksNotesAsOneChangeAndKeepsWhatItHadInTheHistory(FxRobot robot)
      throws Exception {
    Talk keynote = talk("Keynote", "saved before\n");
    open(robot, "Keynote");
    Path file = kept(keynote, "typed as it closed\n", 1);

    restart(robot);
    FxWait.shown(robot, "#kept-put-back-0");
    assertThat(status(robot, 0)).isEqualTo("These notes are not in the talk now.");
    assertThat(FxWait.onFx(() -> robot.lookup("#kept-path-0").queryAs(TextField.class).getText()))
        .isEqualTo(file.toString());
    FxWait.until(
        "the talk shown", () -> WindowUnderTest.editorText(robot).equals("saved before\n"));

    // Typing on when it comes up answers nothing: no default button, the focus in the path.
    FxWait.untilFx("the path focused", () -> robot.lookup("#kept-path-0").query().isFocused());
    robot.type(KeyCode.SPACE, KeyCode.ENTER, KeyCode.X);
    ui.idle();
    assertThat(FxWait.onFx(() -> asked(robot))).as("still asking").isTrue();
    assertThat(WindowUnderTest.editorText(robot)).isEqualTo("saved before\n");

    FxWait.clickOn(robot, "#kept-put-back-0");
    FxWait.until(
        "the notes put back",
        () -> WindowUnderTest.editorText(robot).equals("typed as it closed\n"));
    FxWait.until("told", () -> status(robot, 0).startsWith("Put back into “Keynote”"));
    assertThat(status(robot, 0)).contains("History").contains("Undo");
    assertThat(marked(robot, 0)).isFalse();
    assertThat(ui.notebook.talks().get(keynote.id()).body()).isEqualTo("typed as it closed\n");
    List<Revision> history = ui.notebook.revisions().list(keynote.id());
    // What the talk had is in its History (kept before the restore, or already kept).
    assertThat(history).anyMatch(r -> r.body().equals("saved before\n"));
    assertThat(history.get(0).reason()).isEqualTo(Revision.Reason.RESTORED);
    assertThat(history.get(0).body()).isEqualTo("typed as it closed\n");
    assertThat(FxWait.onFx(() -> robot.lookup("#kept-put-back-0").query().isDisabled())).isTrue();
    assertThat(file).as("the file stays").exists();

    FxWait.clickOn(robot, "Done");
    FxWait.until("the dialog gone", () -> !asked(robot));
    FxWait.clickOn(robot, "#editor");
    robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
    FxWait.until("undone", () -> WindowUnderTest.editorText(robot).equals("saved before\n"));

    restart(robot);
    settle();
    assertThat(FxWait.onFx(() -> asked(robot))).as("asked again after Done").isFalse();
  }

  /**
   * Text typed in the open talk just before Put back is saved once, through the editor's save, and
   * kept in the History before the notes put back replace it; Undo brings it back.
   */
  @Test
  void typingInTheOpenTalkIsKeptInItsHistoryBeforeTheNotesPutBack(FxRobot robot) throws Exception {
    Talk keynote = talk("Keynote", "saved before\n");
    open(robot, "Keynote");
    kept(keynote, "typed as it closed\n", 1);

    restart(robot);
    FxWait.shown(robot, "#kept-put-back-0");
    FxWait.until(
        "the talk shown", () -> WindowUnderTest.editorText(robot).equals("saved before\n"));
    robot.interact(() -> WindowUnderTest.editor(robot).appendText("typed just now\n"));
    FxWait.clickOn(robot, "#kept-put-back-0");
    FxWait.until("told", () -> status(robot, 0).startsWith("Put back into “Keynote”"));

    assertThat(WindowUnderTest.editorText(robot)).isEqualTo("typed as it closed\n");
    assertThat(ui.notebook.talks().get(keynote.id()).body()).isEqualTo("typed as it closed\n");
    assertThat(ui.notebook.revisions().list(keynote.id()))
        .anyMatch(r -> r.body().equals("saved before\ntyped just now\n"));
    FxWait.clickOn(robot, "Done");
    FxWait.until("the dialog gone", () -> !asked(robot));
    FxWait.clickOn(robot, "#editor");
    robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
    FxWait.until(
        "undone", () -> WindowUnderTest.editorText(robot).equals("saved before\ntyped just now\n"));
  }

  /**
   * When the open talk's text cannot be saved first, nothing is replaced: the row says why, the
   * talk keeps its notes, the typing stays in the editor and the file stays.
   */
  @Test
  void nothingIsAddedWhenTheOpenTalksTextCannotBeSavedFirst(FxRobot robot) throws Exception {
    Talk keynote = talk("Keynote", "saved before\n");
    open(robot, "Keynote");
    Path file = typedFor(keynote);
    // Saves of notes holding "refused" fail, as on a disk that takes nothing more.
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection("jdbc:sqlite:" + ui.notebook.file());
        java.sql.Statement s = c.createStatement()) {
      s.execute(
          "CREATE TRIGGER refuse BEFORE UPDATE OF body ON talk WHEN NEW.body LIKE '%refused%'"
              + " BEGIN SELECT RAISE(ABORT, 'the test refuses this save'); END");
    }

    restart(robot);
    FxWait.shown(robot, "#kept-add-0");
    FxWait.until(
        "the talk shown", () -> WindowUnderTest.editorText(robot).equals("saved before\n"));
    robot.interact(() -> WindowUnderTest.editor(robot).appendText("refused typing\n"));
    FxWait.clickOn(robot, "#kept-add-0");
    FxWait.until("told", () -> status(robot, 0).startsWith("Could not add the text:"));

    assertThat(status(robot, 0)).endsWith("It is still in the file.");
    assertThat(marked(robot, 0)).isTrue();
    assertThat(file).hasContent("typed while it could not open");
    assertThat(ui.notebook.talks().get(keynote.id()).body()).isEqualTo("saved before\n");
    assertThat(WindowUnderTest.editorText(robot)).isEqualTo("saved before\nrefused typing\n");
    assertThat(FxWait.onFx(() -> robot.lookup("#kept-add-0").query().isDisabled()))
        .as("may be tried again")
        .isFalse();
    FxWait.clickOn(robot, "Not now");
    FxWait.until("the dialog gone", () -> !asked(robot));
  }

  @Test
  void anotherTalksNotesAreOpenedPutBackAndATalkThatIsGoneIsSaidToBe(FxRobot robot)
      throws Exception {
    talk("Open one", "open notes\n");
    Talk other = talk("Other", "other before\n");
    Talk gone = talk("Gone", "");
    open(robot, "Open one");
    kept(gone, "notes of a deleted talk\n", 3);
    kept(other, "other as it closed\n", 2);
    ui.notebook.talks().delete(gone.id());

    restart(robot);
    FxWait.shown(robot, "#kept-put-back-1");
    // Newest first: the other talk's, then the deleted one's.
    assertThat(status(robot, 1)).contains("“Gone” is no longer in this notebook");
    assertThat(marked(robot, 1)).isTrue();
    assertThat(FxWait.onFx(() -> robot.lookup("#kept-put-back-1").query().isDisabled())).isTrue();

    FxWait.clickOn(robot, "#kept-put-back-0");
    FxWait.until(
        "the other talk open with its notes put back",
        () ->
            ui.openTalk() != null
                && ui.openTalk().id() == other.id()
                && WindowUnderTest.editorText(robot).equals("other as it closed\n"));
    FxWait.until("told", () -> status(robot, 0).startsWith("Put back into “Other”"));
    assertThat(status(robot, 0)).doesNotContain("Undo");
    assertThat(ui.notebook.talks().findByTitle("Open one").get(0).body()).isEqualTo("open notes\n");
    FxWait.clickOn(robot, "Not now");
    FxWait.until("the dialog gone", () -> !asked(robot));
  }

  @Test
  void showFolderThatFailsSaysWhyAndCopiesThePath(FxRobot robot) throws Exception {
    Talk keynote = talk("Keynote", "saved\n");
    Path file = kept(keynote, "kept\n", 1);
    ui.folderFailure =
        new IllegalStateException("the desktop has no application to show folders with.");

    restart(robot);
    FxWait.shown(robot, "#kept-show-folder-0");
    FxWait.clickOn(robot, "#kept-show-folder-0");
    FxWait.until("told", () -> status(robot, 0).startsWith("Could not show the folder"));
    assertThat(status(robot, 0))
        .contains("no application to show folders with")
        .contains("copied to the clipboard");
    assertThat(marked(robot, 0)).isTrue();
    assertThat(ui.shownFolders).containsExactly(file);
    assertThat(FxWait.onFx(() -> Clipboard.getSystemClipboard().getString()))
        .isEqualTo(file.toString());

    ui.folderFailure = null;
    robot.interact(() -> Clipboard.getSystemClipboard().clear());
    FxWait.clickOn(robot, "#kept-show-folder-0");
    FxWait.until("told", () -> status(robot, 0).startsWith("Its folder was handed"));
    assertThat(marked(robot, 0)).isFalse();
    FxWait.clickOn(robot, "#kept-copy-path-0");
    FxWait.until(
        "copied", () -> status(robot, 0).equals("The file's path is copied to the clipboard."));
    assertThat(FxWait.onFx(() -> Clipboard.getSystemClipboard().getString()))
        .isEqualTo(file.toString());
    FxWait.clickOn(robot, "Not now");
    FxWait.until("the dialog gone", () -> !asked(robot));

    // Not now: told again at the next start.
    restart(robot);
    FxWait.shown(robot, "#kept-put-back-0");
    assertThat(FxWait.onFx(() -> robot.lookup("#kept-put-back-0").queryAs(Button.class).getText()))
        .isEqualTo("Put back into the talk");
    FxWait.clickOn(robot, "Not now");
  }

  @Test
  void aReadOnlyWindowSaysWhyNothingCanBePutBack(FxRobot robot) throws Exception {
    Talk keynote = talk("Keynote", "saved\n");
    kept(keynote, "kept\n", 1);

    restart(robot, Notebook.Options.defaults().withReadOnly(true));
    FxWait.shown(robot, "#kept-put-back-0");
    assertThat(status(robot, 0)).contains("open read-only");
    assertThat(FxWait.onFx(() -> robot.lookup("#kept-put-back-0").query().isDisabled())).isTrue();
    FxWait.clickOn(robot, "Not now");
    FxWait.until("the dialog gone", () -> !asked(robot));
  }

  private static String notice(FxRobot robot) throws Exception {
    return FxWait.onFx(
        () -> {
          Label notice = robot.lookup("#notice").queryAs(Label.class);
          return notice.isVisible() ? notice.getText() : "";
        });
  }

  @Test
  void aFolderThatCannotBeLookedInIsSaidInTheStatusBarAndLeftAsItIs(FxRobot robot)
      throws Exception {
    talk("Keynote", "saved\n");
    // The temporary folder is a file: the notes of a full disk could be nowhere else.
    Path notAFolder = Files.writeString(dir.resolve("tmp-file"), "someone's file\n");
    ui.keptNotesFolder = notAFolder;

    restart(robot);
    settle();
    FxWait.until("said", () -> notice(robot).contains(notAFolder.toString()));
    assertThat(notice(robot))
        .isEqualTo(
            "Could not look for notes kept at the last close in "
                + notAFolder
                + ": "
                + notAFolder
                + " is a file, not a folder.");
    assertThat(FxWait.onFx(() -> asked(robot))).isFalse();
    assertThat(Files.readString(notAFolder)).isEqualTo("someone's file\n");
  }

  @Test
  void aFolderThatCannotBeLookedInIsSaidInTheDialogBesideTheNotesFound(FxRobot robot)
      throws Exception {
    Talk keynote = talk("Keynote", "saved\n");
    kept(keynote, "kept\n", 1);
    Path notAFolder = Files.writeString(dir.resolve("tmp-file"), "someone's file\n");
    ui.keptNotesFolder = notAFolder;

    restart(robot);
    FxWait.shown(robot, "#kept-put-back-0");
    String said =
        FxWait.onFx(() -> robot.lookup("#kept-unreadable").queryAs(Label.class).getText());
    assertThat(said)
        .startsWith("Could not look for notes kept at the last close in " + notAFolder)
        .endsWith("is a file, not a folder.");
    assertThat(
            FxWait.onFx(
                () ->
                    robot
                        .lookup("#kept-unreadable")
                        .query()
                        .getStyleClass()
                        .contains(StatusLine.PROBLEM)))
        .isTrue();
    assertThat(status(robot, 0)).isEqualTo("These notes are not in the talk now.");
    FxWait.clickOn(robot, "Not now");
    FxWait.until("the dialog gone", () -> !asked(robot));
  }

  @Test
  void aKeptFileThatCannotBeReadIsShownWithWhyAndLeftAsItIs(FxRobot robot) throws Exception {
    Talk keynote = talk("Keynote", "saved\n");
    // A link to nothing, named as a kept file: its time cannot be read, nor its notes.
    Path link =
        Files.createSymbolicLink(
            dir.resolve("notes.talkbook.unsaved-" + keynote.id() + "-20260101-101010.md"),
            dir.resolve("gone.md"));
    // A folder named as one.
    Path folder =
        Files.createDirectories(
            dir.resolve("notes.talkbook.unsaved-" + keynote.id() + "-20260102-101010.md"));

    restart(robot);
    FxWait.shown(robot, "#kept-put-back-1");
    // Newest first: the folder (its time is known), then the link.
    assertThat(status(robot, 0))
        .startsWith("This file cannot be read: it is a folder, not a file.")
        .endsWith("It is left as it is.");
    assertThat(status(robot, 1))
        .startsWith("This file cannot be read: it is no longer there, or it is a link to nothing.")
        .contains("left as it is");
    assertThat(marked(robot, 0)).isTrue();
    assertThat(marked(robot, 1)).isTrue();
    assertThat(FxWait.onFx(() -> robot.lookup("#kept-path-1").queryAs(TextField.class).getText()))
        .isEqualTo(link.toString());
    assertThat(FxWait.onFx(() -> robot.lookup("#kept-put-back-1").query().isDisabled())).isTrue();
    // The link's time is the one its name says: Done tells of it no more, as of the others.
    assertThat(FxWait.onFx(() -> robot.lookup("#kept-1").queryAs(VBox.class).getChildren()))
        .first()
        .satisfies(t -> assertThat(((Label) t).getText()).startsWith("Notes — kept "));
    FxWait.clickOn(robot, "Done");
    FxWait.until("the dialog gone", () -> !asked(robot));
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(folder).isDirectory();

    restart(robot);
    settle();
    assertThat(FxWait.onFx(() -> asked(robot))).as("asked again after Done").isFalse();
  }

  @Test
  void nothingKeptAsksNothing(FxRobot robot) throws Exception {
    talk("Keynote", "saved\n");
    restart(robot);
    settle();
    assertThat(FxWait.onFx(() -> asked(robot))).isFalse();
  }

  @Test
  void textTypedForATalkThatCouldNotBeOpenedIsAddedToTheEndOfItsNotesAndTheFileRemoved(
      FxRobot robot) throws Exception {
    Talk keynote = talk("Keynote", "saved before\n");
    open(robot, "Keynote");
    // As the clipboard refused the keys typed for it: in a file beside the notebook.
    Path file = typedFor(keynote);
    assertThat(file.getParent()).isEqualTo(ui.notebook.file().toAbsolutePath().getParent());

    restart(robot);
    FxWait.shown(robot, "#kept-add-0");
    assertThat(status(robot, 0))
        .isEqualTo("This text is not in the talk's notes: “typed while it could not open”");
    assertThat(FxWait.onFx(() -> robot.lookup("#kept-add-0").queryAs(Button.class).getText()))
        .isEqualTo("Add to the end of its notes");
    FxWait.until(
        "the talk shown", () -> WindowUnderTest.editorText(robot).equals("saved before\n"));

    FxWait.clickOn(robot, "#kept-add-0");
    FxWait.until(
        "the text added",
        () ->
            WindowUnderTest.editorText(robot)
                .equals("saved before\n\ntyped while it could not open\n"));
    FxWait.until(
        "told", () -> status(robot, 0).startsWith("Added to the end of the notes of “Keynote”."));
    assertThat(status(robot, 0)).contains("Undo").endsWith("The file is removed.");
    assertThat(marked(robot, 0)).isFalse();
    assertThat(ui.notebook.talks().get(keynote.id()).body())
        .isEqualTo("saved before\n\ntyped while it could not open\n");
    assertThat(ui.notebook.revisions().list(keynote.id()))
        .anyMatch(r -> r.body().equals("saved before\n"));
    assertThat(file).as("removed once the text is in the notebook").doesNotExist();
    assertThat(FxWait.onFx(() -> robot.lookup("#kept-add-0").query().isDisabled())).isTrue();
    assertThat(FxWait.onFx(() -> robot.lookup("#kept-copy-path-0").query().isDisabled()))
        .as("no file to copy the path of")
        .isTrue();

    FxWait.clickOn(robot, "Done");
    FxWait.until("the dialog gone", () -> !asked(robot));
    FxWait.clickOn(robot, "#editor");
    robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
    FxWait.until("undone", () -> WindowUnderTest.editorText(robot).equals("saved before\n"));
  }

  @Test
  void notNowKeepsTheTypedTextsFileAndItIsOfferedAgain(FxRobot robot) throws Exception {
    Talk keynote = talk("Keynote", "saved\n");
    Path file =
        TypedAheadKept.writeBeside(
            ui.notebook.file(), keynote.id(), "typed", Files.createDirectories(dir.resolve("tmp")));
    // Written by an earlier Talkbook, whose names did not say the talk: shown, not added.
    Path older =
        Files.writeString(
            dir.resolve("notes.talkbook.typed-20260101-101010-123.txt"), "typed long ago");
    Files.setLastModifiedTime(
        older, FileTime.fromMillis(System.currentTimeMillis() - 60 * 60_000L));

    restart(robot);
    FxWait.shown(robot, "#kept-add-0");
    assertThat(status(robot, 1)).contains("does not say which talk it was typed for");
    assertThat(FxWait.onFx(() -> robot.lookup("#kept-add-1").query().isDisabled())).isTrue();
    FxWait.clickOn(robot, "Not now");
    FxWait.until("the dialog gone", () -> !asked(robot));
    assertThat(file).hasContent("typed");
    assertThat(older).hasContent("typed long ago");
    assertThat(ui.notebook.talks().get(keynote.id()).body()).isEqualTo("saved\n");

    restart(robot);
    FxWait.shown(robot, "#kept-add-0");
    FxWait.clickOn(robot, "Not now");
    FxWait.until("the dialog gone", () -> !asked(robot));
    assertThat(file).hasContent("typed");
  }
}
