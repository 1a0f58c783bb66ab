package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.input.Clipboard;
import javafx.scene.web.WebView;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Edit → Cut, Copy, Paste, Select all, from the menu (for mouse users) on the focused text. */
class EditMenuWindowTest extends RealWindowTest {
  private static final String NOTES = "# Loom\n\n- cheap threads\n";

  private static String clipboard() throws Exception {
    return FxWait.onFx(() -> Clipboard.getSystemClipboard().getString());
  }

  private Menu editMenu() throws Exception {
    return FxWait.onFx(
        () ->
            ((MenuBar) ui.stage.getScene().getRoot().lookup(".menu-bar"))
                .getMenus().stream()
                    .filter(m -> m.getText().equals("_Edit"))
                    .findFirst()
                    .orElseThrow());
  }

  /** The Edit menu's items that apply now, as the menu shows them when it opens. */
  private List<String> enabledClipItems(FxRobot robot) throws Exception {
    Menu edit = editMenu();
    robot.interact(() -> edit.getOnShowing().handle(null));
    return FxWait.onFx(
        () ->
            edit.getItems().stream()
                .filter(i -> i.getText() != null)
                .map(dev.talkbook.ui.palette.MenuActions::label)
                .filter(List.of("Cut", "Copy", "Paste", "Select all")::contains)
                .filter(
                    label ->
                        edit.getItems().stream()
                            .anyMatch(
                                i ->
                                    !i.isDisable()
                                        && label.equals(
                                            dev.talkbook.ui.palette.MenuActions.label(i))))
                .toList());
  }

  @Test
  void theNotesAreSelectedAndCopiedFromTheMenu(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Loom", NOTES);
    CodeArea notes = WindowUnderTest.editor(robot);
    FxWait.clickOn(robot, "#editor");
    FxWait.untilFx("the notes focused", notes::isFocused);
    assertThat(enabledClipItems(robot)).containsExactly("Cut", "Copy", "Paste", "Select all");

    ui.fire(robot, "Select all");
    ui.fire(robot, "Copy");

    assertThat(clipboard()).isEqualTo(NOTES);
    ui.fire(robot, "Cut");
    FxWait.untilFx("the notes cut", () -> notes.getText().isEmpty());
    ui.fire(robot, "Paste");
    FxWait.untilFx("the notes pasted back", () -> notes.getText().equals(NOTES));
  }

  @Test
  void aCopiedImagePastedFromTheMenuIsStoredAndLinkedAsCtrlVDoes(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Loom", NOTES);
    CodeArea notes = WindowUnderTest.editor(robot);
    robot.interact(
        () -> {
          javafx.scene.image.WritableImage image = new javafx.scene.image.WritableImage(4, 3);
          javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
          content.putImage(image);
          Clipboard.getSystemClipboard().setContent(content);
        });
    FxWait.clickOn(robot, "#editor");
    robot.interact(() -> notes.moveTo(0));

    ui.fire(robot, "Paste");

    FxWait.untilFx(
        "the image linked", () -> notes.getText().startsWith("![pasted-image.png](attachment:"));
  }

  /** Puts {@code files} on the clipboard, as a file manager's Copy does. */
  private static void copyFiles(FxRobot robot, java.nio.file.Path... files) {
    robot.interact(
        () -> {
          javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
          content.putFiles(java.util.Arrays.stream(files).map(java.nio.file.Path::toFile).toList());
          Clipboard.getSystemClipboard().setContent(content);
        });
  }

  /**
   * A task that holds the notebook's thread, once it runs, until {@link #release}d: what the window
   * queues there meanwhile (a store, an open) waits, as behind a slow store.
   */
  private static final class Hold implements Runnable {
    final java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
    final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);

    @Override
    public void run() {
      held.countDown();
      try {
        release.await(FxWait.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    Hold awaitHeld() throws InterruptedException {
      assertThat(held.await(FxWait.TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      return this;
    }

    void release() {
      release.countDown();
    }
  }

  /** Queues a {@link Hold} on the notebook's thread. */
  private Hold hold() {
    Hold hold = new Hold();
    ui.executors.io().execute(hold);
    return hold;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private String notice(FxRobot robot) throws Exception {
    javafx.scene.control.Label notice =
        robot.lookup("#notice").queryAs(javafx.scene.control.Label.class);
    return FxWait.onFx(() -> notice.isVisible() ? notice.getText() : "");
  }

  @Test
  void twoFilesPastedAtOnceAreLinkedOneALineAsOneUndoStep(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Loom", NOTES);
    CodeArea notes = WindowUnderTest.editor(robot);
    java.nio.file.Path fifty = dir.resolve("fifty.bin");
    java.nio.file.Path blob = dir.resolve("blob.bin");
    java.nio.file.Files.write(fifty, new byte[] {1, 2, 3});
    java.nio.file.Files.write(blob, new byte[] {4, 5, 6, 7});
    copyFiles(robot, fifty, blob);
    FxWait.clickOn(robot, "#editor");
    robot.interact(() -> notes.moveTo(notes.getLength()));
    Hold busy = hold().awaitHeld();

    try {
      ui.fire(robot, "Paste");
      // The files are read when they are stored, on the notebook's thread, not in the paste on
      // the FX thread (a 50 MB file froze the window while it was read): a change made to one
      // after the paste returned is what is stored.
      java.nio.file.Files.write(blob, new byte[] {8, 9});
    } finally {
      busy.release();
    }

    FxWait.untilFx("both files linked", () -> notes.getText().contains("blob.bin)"));
    ui.idle();
    String added = FxWait.onFx(() -> notes.getText().substring(NOTES.length()));
    assertThat(added.lines().toList())
        .as("one link a line: %s", added)
        .hasSize(2)
        .satisfiesExactly(
            first ->
                assertThat(first)
                    .matches("\\[fifty\\.bin\\]\\(attachment:[0-9a-f]+/fifty\\.bin\\)"),
            second ->
                assertThat(second)
                    .matches("\\[blob\\.bin\\]\\(attachment:[0-9a-f]+/blob\\.bin\\)"));
    String blobHash = added.lines().toList().get(1).replaceAll(".*attachment:([0-9a-f]+)/.*", "$1");
    assertThat(sha256(new byte[] {8, 9})).as("the bytes stored").startsWith(blobHash);
    robot.interact(notes::undo);
    assertThat(FxWait.onFx(() -> notes.getText())).as("after one undo").isEqualTo(NOTES);
  }

  @Test
  void aFileThatCannotBeReadIsNamedAndTheOthersOfThePasteAreLinked(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Loom", NOTES);
    CodeArea notes = WindowUnderTest.editor(robot);
    java.nio.file.Path gone = dir.resolve("gone.bin"); // deleted after it was copied
    java.nio.file.Path blob = dir.resolve("blob.bin");
    java.nio.file.Files.write(blob, new byte[] {4, 5, 6, 7});
    copyFiles(robot, gone, blob);
    FxWait.clickOn(robot, "#editor");
    robot.interact(() -> notes.moveTo(notes.getLength()));

    ui.fire(robot, "Paste");

    FxWait.untilFx("the readable file linked", () -> notes.getText().contains("blob.bin)"));
    ui.idle();
    assertThat(FxWait.onFx(() -> notes.getText().substring(NOTES.length())))
        .matches("\\[blob\\.bin\\]\\(attachment:[0-9a-f]+/blob\\.bin\\)");
    assertThat(notice(robot)).startsWith("Could not attach gone.bin: ").contains("gone.bin");
    assertThat(ui.notebook.attachments().of(ui.openTalk().id()))
        .extracting(dev.talkbook.core.notebook.AttachmentRef::fileName)
        .containsExactly("blob.bin");
  }

  @Test
  void filesStoredAfterTheUserWentToAnotherTalkAreNotLinkedIntoIt(FxRobot robot) throws Exception {
    var other = ui.openNewTalk(robot, "Other", "other notes\n");
    var loom = ui.openNewTalk(robot, "Loom", NOTES);
    CodeArea notes = WindowUnderTest.editor(robot);
    java.nio.file.Path blob = dir.resolve("blob.bin");
    java.nio.file.Files.write(blob, new byte[] {4, 5, 6, 7});
    copyFiles(robot, blob);
    FxWait.clickOn(robot, "#editor");
    robot.interact(() -> notes.moveTo(notes.getLength()));
    Hold busy = hold().awaitHeld();
    Hold busyStill = null;
    try {
      // The user chose another talk; before it shows (the notebook's thread is busy: the talk left
      // is saved, then the other one read), pastes into the notes still shown: the file is stored
      // with them, after the other talk is read, which then shows.
      robot.interact(() -> ui.window.open(other.id(), List.of()));
      busyStill = hold(); // after the leaving's save; the other talk's read is queued behind it
      busy.release();
      busyStill.awaitHeld();
      ui.fire(robot, "Paste");
    } finally {
      busy.release();
      if (busyStill != null) {
        busyStill.release();
      }
    }

    FxWait.untilFx("the other talk shown", () -> notes.getText().contains("other notes"));
    ui.idle();
    assertThat(FxWait.onFx(() -> notes.getText())).isEqualTo("other notes\n");
    assertThat(ui.notebook.attachments().of(loom.id()))
        .extracting(dev.talkbook.core.notebook.AttachmentRef::fileName)
        .containsExactly("blob.bin");
    assertThat(notice(robot))
        .isEqualTo("1 file stored with “Loom”, not linked: another talk is open now.");
    assertThat(ui.notebook.talks().get(loom.id()).body()).isEqualTo(NOTES);
  }

  @Test
  void aFieldIsCutAndPastedFromTheMenu(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Loom", NOTES);
    javafx.scene.control.TextInputControl title =
        robot.lookup("#detail-title").queryTextInputControl();
    FxWait.clickOn(robot, "#detail-title");
    FxWait.untilFx("the title focused", title::isFocused);

    ui.fire(robot, "Select all");
    ui.fire(robot, "Cut");

    assertThat(clipboard()).isEqualTo("Loom");
    String cut = FxWait.onFx(() -> title.getText());
    assertThat(cut).isEmpty();
    ui.fire(robot, "Paste");
    String pasted = FxWait.onFx(() -> title.getText());
    assertThat(pasted).isEqualTo("Loom");
  }

  @Test
  void thePreviewIsSelectedAndCopiedFromTheMenu(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Loom", NOTES);
    FxWait.until("the note in the preview", () -> WindowUnderTest.previewShows(robot));
    WebView preview = WindowUnderTest.preview(robot);
    FxWait.clickOn(robot, "#preview .web-view");
    FxWait.untilFx("the preview focused", preview::isFocused);
    assertThat(enabledClipItems(robot)).containsExactly("Copy", "Select all");
    robot.interact(() -> Clipboard.getSystemClipboard().clear());

    ui.fire(robot, "Copy"); // nothing selected yet: nothing copied
    assertThat(clipboard()).isNull();
    ui.fire(robot, "Select all");
    ui.fire(robot, "Copy");

    assertThat(clipboard()).contains("Loom").contains("cheap threads");
    String html = FxWait.onFx(() -> Clipboard.getSystemClipboard().getHtml());
    assertThat(html).contains("<li").contains("cheap threads");
  }

  @Test
  void outsideTextTheyDoNotApply(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Loom", NOTES);
    ui.clickOnRow(robot, "Loom");
    FxWait.untilFx("the tree focused", () -> WindowUnderTest.navigator(robot).isFocused());

    assertThat(enabledClipItems(robot)).isEmpty();
    // Closed again: enabled, so the command palette still offers them (it lists enabled items).
    Menu edit = editMenu();
    robot.interact(() -> edit.getOnHidden().handle(null));
    assertThat(FxWait.onFx(() -> ui.action("Copy").isDisable())).isFalse();
  }
}
