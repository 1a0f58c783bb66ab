package dev.talkbook.ui.presenter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.store.TestClock;
import dev.talkbook.ui.HeadlessScreen;
import dev.talkbook.ui.common.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Presenter mode in a window laid out like the main one (a navigator that keeps its width, the
 * notes, the preview, the REPL docked under them), with a REPL, a preview and notes that record
 * what presenter mode does to them.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PresenterModeTest {

  private static final String NOTES =
      "# Talk\n\nFirst we declare.\n\n```java\nint answer = 6 * 7;\n```\n\n"
          + "- a point to make\n".repeat(80)
          + "\nThen:\n\n```java\nanswer + 1\n```\n";

  @TempDir Path dir;
  private Stage stage;
  private TextArea input;
  private final List<String> ran = new ArrayList<>();
  private final SimpleStringProperty status = new SimpleStringProperty("");
  private final SimpleDoubleProperty replFont = new SimpleDoubleProperty();
  private final SimpleDoubleProperty notesFont = new SimpleDoubleProperty(14);
  private final SimpleStringProperty notes = new SimpleStringProperty(NOTES);
  private double previewZoom = 1;
  private boolean previewPresenting;
  private Label navigator;
  private SplitPane content;
  private SplitPane left;
  private SplitPane dock;
  private StackPane replPane;
  private Settings settings;
  private final TestClock clock = new TestClock(Instant.parse("2026-12-02T09:30:00Z"));
  private PresenterMode presenter;
  private boolean dark; // the theme windows opened from now on get
  private final java.util.concurrent.ExecutorService highlighter =
      java.util.concurrent.Executors.newSingleThreadExecutor();
  private Label details; // made in start(): a control made before the toolkit starts fails
  private org.fxmisc.richtext.CodeArea notesArea; // the notes editor, its text NOTES
  private final List<String> kept = new ArrayList<>();
  private boolean codeRuns;
  private boolean findOpen;
  private boolean wraps;
  private boolean fits;
  private dev.talkbook.ui.common.ReplGuide guide;
  private int stops;
  private double fontAtShow = -1; // the REPL's font size as it was shown
  private int roomLines; // the lines of code the REPL was last given room for

  @Start
  void start(Stage stage) {
    this.stage = stage;
    details = new Label("details");
    input = new TextArea();
    settings = Settings.load(dir.resolve("settings.properties"));
    navigator = new Label("navigator");
    left = new SplitPane(new StackPane(navigator), pane("outline"));
    left.setOrientation(Orientation.VERTICAL);
    StackPane leftBox = new StackPane(left);
    SplitPane.setResizableWithParent(leftBox, false);
    notesArea = new org.fxmisc.richtext.CodeArea(NOTES);
    javafx.scene.layout.VBox.setVgrow(notesArea, javafx.scene.layout.Priority.ALWAYS);
    content =
        new SplitPane(leftBox, new javafx.scene.layout.VBox(details, notesArea), pane("preview"));
    content.setDividerPositions(0.23, 0.61);
    left.setDividerPositions(0.4);
    replPane = pane("repl");
    dock = new SplitPane(content);
    dock.setOrientation(Orientation.VERTICAL);
    PresenterMode.Repl repl =
        new PresenterMode.Repl() {
          @Override
          public void show() {
            fontAtShow = replFont.get();
            if (!dock.getItems().contains(replPane)) {
              dock.getItems().add(replPane);
              dock.setDividerPositions(0.62);
            }
          }

          @Override
          public void giveRoom(int lines, double least, double most) {
            roomLines = lines;
            dock.setDividerPositions(1 - least);
          }

          @Override
          public void showAlone(boolean alone) {
            if (alone) {
              dock.getItems().setAll(replPane);
            }
          }

          @Override
          public void load(String code) {
            input.setText(code);
          }

          @Override
          public String input() {
            return input.getText();
          }

          @Override
          public void keep(String text) {
            kept.add(text);
          }

          @Override
          public boolean runsCode() {
            return codeRuns;
          }

          @Override
          public void wrapLines(boolean on) {
            wraps = on;
          }

          @Override
          public void fitInput(boolean on) {
            fits = on;
          }

          @Override
          public void append(String text) {
            input.appendText(text);
          }

          @Override
          public void run() {
            ran.add(input.getText());
          }

          @Override
          public void setCodeFontSize(double px) {
            replFont.set(px);
          }

          @Override
          public void showStatus(String text, String... shorter) {
            status.set(text);
          }

          @Override
          public void guide(dev.talkbook.ui.common.ReplGuide guide) {
            PresenterModeTest.this.guide = guide;
          }

          @Override
          public void stop() {
            stops++;
          }
        };
    PresenterMode.Preview preview =
        new PresenterMode.Preview() {
          @Override
          public void setPresenting(boolean on) {
            previewPresenting = on;
          }

          @Override
          public void setZoom(double factor) {
            previewZoom = factor;
          }

          @Override
          public double zoom() {
            return previewZoom;
          }
        };
    presenter =
        new PresenterMode(
            new PresenterMode.Window(
                stage,
                content,
                leftBox,
                notesArea,
                notesFont,
                details,
                scene -> new dev.talkbook.ui.common.Theme(dark).apply(scene),
                () -> findOpen,
                List.of()),
            repl,
            preview,
            notes,
            settings,
            clock,
            highlighter);
    BorderPane root = new BorderPane(dock);
    root.setBottom(input);
    Scene scene = new Scene(root, 1000, 640);
    new dev.talkbook.ui.common.Theme(false).apply(scene);
    // TestFX hands every test the same stage: at this scene's size, centred, not at the size, place
    // or full screen an earlier test left it in (leavingPutsBackTheLayoutExactlyEveryTime failed
    // in a 1280 × 800 window that theAudiencesTextGrows… left when it failed), and kept on the
    // headless screen when a test resizes it.
    stage.setFullScreen(false);
    stage.setMaximized(false);
    stage.setScene(scene);
    stage.sizeToScene();
    stage.centerOnScreen();
    HeadlessScreen.keepOn(stage);
    stage.show();
  }

  @Test
  void pageDownPastesOrRunsEachSnippetAndPageUpGoesBack(FxRobot robot) {
    robot.interact(() -> presenter.typingProperty().set(false));
    robot.interact(presenter::enter);
    assertThat(onFx(() -> content.getItems().size())).isEqualTo(2);
    assertThat(robot.lookup(".tb-presenter").tryQuery()).isPresent();
    assertThat(status.get()).isEqualTo("Next: snippet 1 of 2 (Page Down)");
    robot.type(KeyCode.PAGE_DOWN);
    assertThat(inputText()).isEqualTo("int answer = 6 * 7;");
    robot.type(KeyCode.PAGE_DOWN);
    assertThat(ran).containsExactly("int answer = 6 * 7;");
    robot.type(KeyCode.PAGE_DOWN);
    assertThat(inputText()).isEqualTo("answer + 1");
    robot.type(KeyCode.PAGE_UP);
    assertThat(inputText()).isEqualTo("int answer = 6 * 7;");
    assertThat(status.get()).isEqualTo("Snippet 1 of 2: Page Down runs it");
    // Other notes (another talk opened, or the talk finished loading): their script, from the top.
    robot.interact(() -> notes.set("# Other\n\n```java\n\"other\"\n```\n"));
    assertThat(status.get()).isEqualTo("Next: snippet 1 of 1 (Page Down)");
    robot.type(KeyCode.PAGE_DOWN);
    assertThat(inputText()).isEqualTo("\"other\"");
    robot.interact(presenter::exit);
    assertThat(robot.lookup(".tb-presenter").tryQuery()).isEmpty();
    assertThat(settings.get(Settings.PRESENTER_TYPING)).isFalse();
  }

  /** A talk of six snippets with a screenful of points between them. */
  private static String sixSnippets() {
    StringBuilder talk = new StringBuilder("# Six steps\n\n");
    for (int i = 1; i <= 6; i++) {
      talk.append("## Step ").append(i).append("\n\n```java\nint s").append(i).append(" = ");
      talk.append(i).append(";\n```\n\n").append("- a point to make\n".repeat(40)).append('\n');
    }
    return talk.toString();
  }

  /** Gives the notes (the editor's text and the open talk's) {@code text}, the caret at the top. */
  private void notesAre(FxRobot robot, String text) {
    robot.interact(
        () -> {
          notesArea.replaceText(text);
          notesArea.moveTo(0);
          notesArea.showParagraphAtTop(0);
          notes.set(text);
        });
  }

  @Test
  void theNotesFollowTheScriptAndComingBackGoesOnWhereItStood(FxRobot robot) {
    String talk = sixSnippets();
    notesAre(robot, talk);
    robot.interact(() -> presenter.typingProperty().set(false));
    robot.interact(presenter::enter);
    // Snippets 1 and 2 run, 3 loaded.
    for (int i = 0; i < 5; i++) {
      robot.type(KeyCode.PAGE_DOWN);
    }
    assertThat(ran).containsExactly("int s1 = 1;", "int s2 = 2;");
    assertThat(inputText()).isEqualTo("int s3 = 3;");
    // The audience's notes are at snippet 3: the caret at its block, the block in sight (the
    // notes had stayed at the top, on block 1).
    int third = talk.indexOf("```java\nint s3");
    assertThat(onFx(notesArea::getCaretPosition)).isEqualTo(third);
    int thirdLine =
        onFx(
            () ->
                notesArea
                    .offsetToPosition(third, org.fxmisc.richtext.model.TwoDimensional.Bias.Forward)
                    .getMajor());
    until(
        () ->
            !notesArea.getVisibleParagraphs().isEmpty()
                && notesArea.firstVisibleParToAllParIndex() <= thirdLine
                && thirdLine + 2 < notesArea.lastVisibleParToAllParIndex());
    // Out (a question, the theme switched) and back: snippet 3 is still loaded, Page Down runs it.
    robot.interact(presenter::exit);
    robot.interact(presenter::enter);
    assertThat(status.get()).isEqualTo("Snippet 3 of 6: Page Down runs it");
    robot.type(KeyCode.PAGE_DOWN);
    assertThat(ran).containsExactly("int s1 = 1;", "int s2 = 2;", "int s3 = 3;");
    assertThat(kept).as("nothing typed again, nothing to the history").isEmpty();
    robot.interact(input::clear); // as the REPL does after a run
    // Out and back after a run: the next snippet is 4.
    robot.interact(presenter::exit);
    robot.interact(presenter::enter);
    assertThat(status.get()).isEqualTo("Next: snippet 4 of 6 (Page Down)");
    robot.type(KeyCode.PAGE_DOWN);
    assertThat(inputText()).isEqualTo("int s4 = 4;");
    assertThat(status.get()).isEqualTo("Snippet 4 of 6: Page Down runs it");
    // The speaker moved the caret himself (to step 2 while out): from there.
    robot.interact(presenter::exit);
    robot.interact(() -> notesArea.moveTo(talk.indexOf("## Step 2")));
    robot.interact(presenter::enter);
    assertThat(status.get()).isEqualTo("Next: snippet 2 of 6 (Page Down)");
    robot.interact(presenter::exit);
  }

  @Test
  void pageDownTypesTheSnippetInAndASecondPageDownFinishesItAtOnce(FxRobot robot) {
    String longer = "# T\n\n```java\n" + "String s = \"" + "x".repeat(200) + "\";\n```\n";
    robot.interact(() -> notes.set(longer));
    robot.interact(presenter::enter);
    assertThat(presenter.typingProperty().get()).isTrue();
    robot.type(KeyCode.PAGE_DOWN);
    // Typed a character at a time: part of it is there while the rest is still coming.
    until(() -> input.getText().length() > 3);
    assertThat(onFx(presenter::isTyping)).isTrue();
    assertThat(onFx(() -> input.getText().length())).isLessThan(200);
    robot.type(KeyCode.PAGE_DOWN);
    String whole = "String s = \"" + "x".repeat(200) + "\";";
    assertThat(inputText()).isEqualTo(whole);
    assertThat(onFx(presenter::isTyping)).isFalse();
    assertThat(ran).isEmpty();
    robot.type(KeyCode.PAGE_DOWN);
    assertThat(ran).containsExactly(whole);
    robot.interact(presenter::exit);
  }

  @Test
  void keysTypedWhileASnippetIsTypedInFinishItAndGoAfterIt(FxRobot robot) {
    String whole = "String s = \"" + "x".repeat(200) + "\";";
    robot.interact(() -> notes.set("# T\n\n```java\n" + whole + "\n```\n"));
    robot.interact(presenter::enter);
    robot.interact(input::requestFocus);
    robot.type(KeyCode.PAGE_DOWN);
    until(() -> input.getText().length() > 3);
    assertThat(onFx(presenter::isTyping)).isTrue();
    // The presenter types meanwhile: the snippet is finished first, the keys go after it (before,
    // they went into its middle and the rest was typed after them).
    robot.press(KeyCode.SHIFT).type(KeyCode.X, KeyCode.Y, KeyCode.Z).release(KeyCode.SHIFT);
    assertThat(inputText()).isEqualTo(whole + "XYZ");
    assertThat(onFx(presenter::isTyping)).isFalse();
    robot.interact(presenter::exit);
  }

  @Test
  void theToolbarSaysWhatTheNextKeyDoesWhileTypingRunningAndReady(FxRobot robot) {
    String longer = "# T\n\n```java\n" + "String s = \"" + "x".repeat(200) + "\";\n```\n";
    robot.interact(() -> notes.set(longer));
    robot.interact(presenter::enter);
    assertThat(guide).as("the REPL's words follow the script").isNotNull();
    robot.type(KeyCode.PAGE_DOWN);
    until(() -> input.getText().length() > 3);
    assertThat(status.get()).isEqualTo("Typing snippet 1 of 1: Page Down shows it whole");
    robot.type(KeyCode.PAGE_DOWN);
    assertThat(status.get()).isEqualTo("Snippet 1 of 1: Page Down runs it");
    robot.type(KeyCode.PAGE_DOWN);
    // What the REPL's toolbar says as the snippet runs, and once it has.
    String whole = "String s = \"" + "x".repeat(200) + "\";";
    assertThat(onFx(() -> guide.running(whole)))
        .first()
        .isEqualTo("Running snippet 1 of 1: Esc stops it");
    assertThat(onFx(() -> guide.running("1 + 1")))
        .first()
        .isEqualTo("Running your code: Esc stops it");
    assertThat(onFx(() -> guide.ready(dev.talkbook.ui.common.ReplGuide.After.RAN)))
        .first()
        .isEqualTo("End of the script: no more snippets (Page Up goes back)");
    robot.interact(presenter::exit);
    assertThat(guide).as("the REPL's own words again").isNull();
  }

  @Test
  void leavingOrOtherNotesWhileASnippetIsTypedPutItInWhole(FxRobot robot) {
    String whole = "String s = \"" + "x".repeat(200) + "\";";
    robot.interact(() -> notes.set("# T\n\n```java\n" + whole + "\n```\n"));
    robot.interact(presenter::enter);
    robot.type(KeyCode.PAGE_DOWN);
    until(() -> input.getText().length() > 3);
    assertThat(onFx(presenter::isTyping)).isTrue();
    // Leaving now: the snippet goes in whole, not half a line of it.
    robot.interact(presenter::exit);
    assertThat(inputText()).isEqualTo(whole);
    assertThat(onFx(presenter::isTyping)).isFalse();

    // Back in, the snippet in the input is the one loaded: Page Down would run it. With the input
    // cleared, Page Down types it in again.
    robot.interact(presenter::enter);
    assertThat(status.get()).isEqualTo("Snippet 1 of 1: Page Down runs it");
    robot.interact(presenter::exit);
    robot.interact(input::clear);
    robot.interact(presenter::enter);
    robot.type(KeyCode.PAGE_DOWN);
    until(() -> input.getText().length() > 3);
    assertThat(onFx(presenter::isTyping)).isTrue();
    // The notes change under it (another talk opened): the same.
    robot.interact(() -> notes.set(NOTES));
    assertThat(inputText()).isEqualTo(whole);
    assertThat(onFx(presenter::isTyping)).isFalse();
    robot.interact(presenter::exit);
  }

  @Test
  void pageDownKeepsWhatThePresenterTypedAndDidNotRunInTheHistory(FxRobot robot) {
    robot.interact(() -> presenter.typingProperty().set(false));
    robot.interact(presenter::enter);
    robot.interact(() -> input.setText("String mine = \"draft\";"));
    robot.type(KeyCode.PAGE_DOWN);
    assertThat(inputText()).isEqualTo("int answer = 6 * 7;");
    assertThat(kept).containsExactly("String mine = \"draft\";");
    assertThat(status.get())
        .isEqualTo(
            "Your input went to the history, "
                + dev.talkbook.ui.common.Keys.shown("Shortcut+Up")
                + " brings it back · Snippet 1 of 2: Page Down runs it");
    robot.type(KeyCode.PAGE_DOWN);
    assertThat(ran).containsExactly("int answer = 6 * 7;");
    assertThat(status.get()).doesNotContain("history");
    // The snippet itself, run or not, is not the presenter's own input: not kept again.
    robot.type(KeyCode.PAGE_DOWN);
    robot.type(KeyCode.PAGE_UP);
    assertThat(inputText()).isEqualTo("int answer = 6 * 7;");
    assertThat(kept).hasSize(1);
    // Typed in too: what was there is kept before the typing starts.
    robot.interact(() -> presenter.typingProperty().set(true));
    robot.interact(() -> input.setText("mine + 1"));
    robot.type(KeyCode.PAGE_DOWN); // runs the loaded snippet, whatever the input says
    robot.type(KeyCode.PAGE_DOWN);
    until(() -> !presenter.isTyping());
    assertThat(kept).containsExactly("String mine = \"draft\";", "mine + 1");
    assertThat(inputText()).isEqualTo("answer + 1");
    robot.interact(presenter::exit);
  }

  @Test
  void escLeavesPresenterModeWhenNothingElseWantsIt(FxRobot robot) {
    var exitKey = onFx(stage::getFullScreenExitKeyCombination);
    robot.interact(presenter::enter);
    assertThat(wraps).isTrue();
    // Code runs: Esc is its stop, not a way out (from wherever the focus is: here the window
    // itself, where nothing else stops it).
    codeRuns = true;
    robot.type(KeyCode.ESCAPE);
    assertThat(presenter.isActive()).isTrue();
    assertThat(stops).isEqualTo(1);
    codeRuns = false;
    // The notes' find bar is open: Esc is the find bar's.
    findOpen = true;
    robot.type(KeyCode.ESCAPE);
    assertThat(presenter.isActive()).isTrue();
    findOpen = false;
    // A popup (a menu, a completion list) is open.
    var menu = new javafx.scene.control.ContextMenu(new javafx.scene.control.MenuItem("one"));
    robot.interact(() -> menu.show(stage));
    robot.interact(
        () ->
            stage
                .getScene()
                .getRoot()
                .fireEvent(
                    new javafx.scene.input.KeyEvent(
                        javafx.scene.input.KeyEvent.KEY_PRESSED,
                        "",
                        "",
                        KeyCode.ESCAPE,
                        false,
                        false,
                        false,
                        false)));
    assertThat(presenter.isActive()).isTrue();
    robot.interact(menu::hide);
    // A control that uses Esc itself (it consumes it) keeps it.
    javafx.event.EventHandler<javafx.scene.input.KeyEvent> taker = javafx.event.Event::consume;
    robot.interact(
        () ->
            stage
                .getScene()
                .getRoot()
                .addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, taker));
    robot.type(KeyCode.ESCAPE);
    assertThat(presenter.isActive()).isTrue();
    robot.interact(
        () ->
            stage
                .getScene()
                .getRoot()
                .removeEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, taker));
    // Nothing else: Esc leaves presenter mode, the full screen's own Esc as it was.
    assertThat(onFx(stage::getFullScreenExitKeyCombination))
        .isEqualTo(javafx.scene.input.KeyCombination.NO_MATCH);
    robot.type(KeyCode.ESCAPE);
    assertThat(presenter.isActive()).isFalse();
    assertThat(robot.lookup(".tb-presenter").tryQuery()).isEmpty();
    assertThat(onFx(stage::getFullScreenExitKeyCombination)).isEqualTo(exitKey);
    assertThat(wraps).isFalse();
  }

  @Test
  void theAudiencesTextGrowsWithTheWindowAndTheZoomStaysOnTop(FxRobot robot) {
    // Presenter view on one screen leaves the window's size to the user: sized here (no larger
    // than the headless screen, 1280 × 800).
    robot.interact(presenter::enterPresenterView);
    resize(robot, 1024, 640);
    assertThat(replFont.get()).as("at 1024 × 640").isEqualTo(19);
    resize(robot, 1280, 800);
    assertThat(replFont.get()).as("at 1280 × 800").isEqualTo(24);
    assertThat(notesFont.get()).isEqualTo(24);
    assertThat(previewZoom).isEqualTo(24 / PresenterMode.PREVIEW_FONT);
    assertThat(onFx(() -> stage.getScene().getRoot().getStyle())).contains("24.0px");
    // A wide, low window: as far as its height allows.
    resize(robot, 1280, 540);
    assertThat(replFont.get()).as("at 1280 × 540").isEqualTo(18);
    resize(robot, 1280, 800);
    // The presenter's zoom is on top, and kept as their size at 1280 × 720 and over.
    robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
    assertThat(replFont.get()).isEqualTo(26);
    assertThat(settings.get(Settings.PRESENTER_FONT_SIZE)).isEqualTo(26);
    resize(robot, 1024, 800);
    assertThat(replFont.get()).as("26 at 1024 wide").isEqualTo(21);
    robot.interact(presenter::exit);
    assertThat(replFont.get()).isZero();
    assertThat(notesFont.get()).isEqualTo(14);
  }

  @Test
  void zoomingInGrowsTheReplAndTheNotesAlikeNotTheReplAlone(FxRobot robot) {
    robot.interact(presenter::enter);
    until(() -> presenter.fontSize() == 24); // the headless screen's size for the default
    assertThat(roomLines).isEqualTo(PresenterMode.REPL_LINES);
    // Two Ctrl+=: the text 28 px; the REPL keeps the room ten lines took at 24 px (8.6 lines at
    // 28), rather than ten lines at 28 px taken from the notes.
    robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
    until(() -> presenter.fontSize() == 28);
    assertThat(roomLines).isEqualTo(9);
    // Smaller than the size for the window: ten lines still.
    robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
    robot.press(KeyCode.CONTROL).type(KeyCode.MINUS).release(KeyCode.CONTROL);
    until(() -> presenter.fontSize() == 22);
    assertThat(roomLines).isEqualTo(PresenterMode.REPL_LINES);
    robot.interact(presenter::exit);
  }

  @Test
  void theReplsLinesAtAZoomKeepTheRoomOfTheSizeForTheWindow() {
    assertThat(PresenterMode.replLines(36, 36)).isEqualTo(10);
    assertThat(PresenterMode.replLines(30, 36)).isEqualTo(10);
    assertThat(PresenterMode.replLines(42, 36)).isEqualTo(9);
    assertThat(PresenterMode.replLines(72, 36)).isEqualTo(5);
  }

  @Test
  void oneZoomScalesTheNotesThePreviewAndTheRepl(FxRobot robot) {
    robot.interact(presenter::enter);
    double size = presenter.fontSize();
    assertThat(size).isEqualTo(PresenterMode.DEFAULT_FONT);
    assertThat(notesFont.get()).isEqualTo(size);
    assertThat(replFont.get()).isEqualTo(size);
    assertThat(previewZoom).isEqualTo(size / PresenterMode.PREVIEW_FONT);
    assertThat(previewPresenting).isTrue();
    assertThat(onFx(() -> stage.getScene().getRoot().getStyle())).contains(size + "px");
    robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
    robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
    assertThat(presenter.fontSize()).isEqualTo(size + 4);
    assertThat(notesFont.get()).isEqualTo(size + 4);
    assertThat(replFont.get()).isEqualTo(size + 4);
    assertThat(previewZoom).isEqualTo((size + 4) / PresenterMode.PREVIEW_FONT);
    assertThat(settings.get(Settings.PRESENTER_FONT_SIZE)).isEqualTo(size + 4);
    robot.press(KeyCode.CONTROL).type(KeyCode.MINUS).release(KeyCode.CONTROL);
    assertThat(notesFont.get()).isEqualTo(size + 2);
    assertThat(previewZoom).isEqualTo((size + 2) / PresenterMode.PREVIEW_FONT);
    robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
    assertThat(replFont.get()).isEqualTo(PresenterMode.DEFAULT_FONT);
    robot.interact(presenter::exit);
    assertThat(notesFont.get()).isEqualTo(14);
    assertThat(replFont.get()).isZero();
    assertThat(previewZoom).isEqualTo(1);
    assertThat(previewPresenting).isFalse();
  }

  @Test
  void enteringSetsThePresentersSizesBeforeTheReplLaysTheWindowOut(FxRobot robot) {
    // Showing the REPL lays the whole window out (CSS and layout); the sizes set after it had the
    // window laid out once more, twice with the REPL's room, while entering.
    for (boolean view : List.of(false, true)) {
      fontAtShow = -1;
      robot.interact(view ? presenter::enterPresenterView : presenter::enter);
      assertThat(fontAtShow).as("the REPL's size as it is shown").isEqualTo(presenter.fontSize());
      robot.interact(presenter::exit);
    }
  }

  @Test
  void leavingPutsBackTheLayoutExactlyEveryTime(FxRobot robot) {
    robot.interact(
        () -> {
          content.setDividerPositions(0.23, 0.61);
          left.setDividerPositions(0.4);
          dock.getItems().add(replPane);
          dock.setDividerPositions(0.7);
        });
    WaitForAsyncUtils.waitForFxEvents();
    List<Object> before = onFx(this::layout);
    assertThat(before.toString()).contains("0.23");
    for (int i = 0; i < 4; i++) {
      boolean view = i % 2 == 1;
      robot.interact(view ? presenter::enterPresenterView : presenter::enter);
      assertThat(onFx(() -> dock.getItems().contains(replPane))).isTrue();
      assertThat(onFx(details::isVisible)).as("the details hidden while presenting").isFalse();
      assertThat(onFx(details::isManaged)).as("their room given to the notes").isFalse();
      assertThat(fits).as("the REPL's input as high as its code").isTrue();
      robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
      robot.interact(presenter::exit);
      until(() -> layout().equals(before));
      assertThat(onFx(this::layout)).as("after leaving %d times", i + 1).isEqualTo(before);
      assertThat(onFx(stage::isFullScreen)).isFalse();
      assertThat(onFx(details::isVisible)).as("the details back").isTrue();
      assertThat(onFx(details::isManaged)).isTrue();
      assertThat(fits).isFalse();
    }
  }

  @Test
  void presenterViewShowsSpeakerNotesClockTimerAndTheNextSnippet(FxRobot robot) {
    robot.interact(() -> presenter.typingProperty().set(false));
    robot.interact(presenter::enterPresenterView);
    PresenterView view = presenter.view();
    assertThat(view).isNotNull();
    assertThat(onFx(() -> view.stage().isShowing())).isTrue();
    // The audience sees the REPL alone.
    assertThat(onFx(() -> List.copyOf(dock.getItems()))).containsExactly(replPane);
    assertThat(text(view::notesText)).isEqualTo(NOTES);
    // The speaker notes read as the notes editor shows them: monospaced, headings and Java marked
    // (marked once the highlighting, made off the FX thread, is done).
    until(() -> view.notesStyleAt(2).contains("md-heading"));
    assertThat(onFx(view::notesFontFamily)).isEqualTo("DejaVu Sans Mono");
    assertThat(onFx(() -> view.notesStyleAt(2))).contains("md-heading", "md-heading-1");
    assertThat(onFx(() -> view.notesStyleAt(NOTES.indexOf("int answer") + 1)))
        .contains("java-keyword");
    assertThat(onFx(() -> view.notesStyleAt(NOTES.indexOf("First we") + 1))).isEmpty();
    assertThat(onFx(() -> view.notesFillOf("int")))
        .as("a keyword's colour, against the plain text's")
        .isNotNull()
        .isNotEqualTo(onFx(() -> view.notesFillOf("First we declare.")));
    assertThat(text(view::clockText))
        .isEqualTo(
            java.time.LocalTime.ofInstant(clock.instant(), clock.getZone())
                .format(java.time.format.DateTimeFormatter.ofPattern("HH:mm")));
    assertThat(text(view::timerText)).isEqualTo("00:00");
    assertThat(text(view::nextText)).isEqualTo("int answer = 6 * 7;");
    clock.advance(Duration.ofSeconds(65));
    until(() -> view.timerText().equals("01:05"));
    clock.advance(Duration.ofHours(1));
    until(() -> view.timerText().equals("1:01:05"));

    // Page Down in the presenter's window steps the script in the audience's.
    robot.interact(() -> view.stage().requestFocus());
    robot.targetWindow(view.stage());
    robot.type(KeyCode.PAGE_DOWN);
    assertThat(inputText()).isEqualTo("int answer = 6 * 7;");
    // The box shows what Page Down runs now, the snippet loaded (it said the one after it, or "(no
    // more snippets)" with the last one loaded).
    assertThat(text(view::nextText)).isEqualTo("int answer = 6 * 7;");
    assertThat(text(view::nextCaption)).isEqualTo(PresenterView.LOADED);
    robot.type(KeyCode.PAGE_DOWN);
    assertThat(text(view::nextText)).isEqualTo("answer + 1");
    assertThat(text(view::nextCaption)).isEqualTo(PresenterView.NEXT);
    robot.type(KeyCode.PAGE_DOWN);
    assertThat(ran).containsExactly("int answer = 6 * 7;");
    // The speaker notes follow the snippet in play (the second block is in sight, the first out of
    // it).
    int second =
        (int)
            NOTES.substring(0, NOTES.lastIndexOf("```java")).chars().filter(c -> c == '\n').count();
    until(() -> view.notesShows(second));
    assertThat(onFx(() -> view.notesShows(4))).as("the first block scrolled away").isFalse();
    assertThat(text(view::nextText)).as("the last snippet, loaded").isEqualTo("answer + 1");
    assertThat(text(view::nextCaption)).isEqualTo(PresenterView.LOADED);
    robot.interact(view::restartTimer);
    assertThat(text(view::timerText)).isEqualTo("00:00");
    // The notes change: the speaker notes show the new text.
    robot.interact(() -> notes.set(NOTES + "\nOne more thing.\n"));
    assertThat(text(view::notesText)).endsWith("One more thing.\n");
    until(() -> view.notesStyleAt(NOTES.indexOf("answer + 1") + 9).contains("java-number"));
    robot.interact(presenter::exit);
    assertThat(onFx(() -> view.stage().isShowing())).isFalse();
    assertThat(presenter.isPresenterView()).isFalse();
    assertThat(onFx(() -> dock.getItems().get(0))).isSameAs(content);
  }

  /**
   * The speaker's window on a 1024×640 screen (922×576): the clock, the timer and the buttons keep
   * their words (they showed "0…", "0…", "Restart ti…"), and a long line of the next snippet wraps
   * rather than going behind the edge.
   */
  @Test
  void theSpeakersBarKeepsItsWordsInASmallWindow(FxRobot robot) {
    robot.interact(
        () ->
            notes.set(
                "# T\n\n```java\nSystem.out.println(\"" + "answer ".repeat(20) + "\");\n```\n"));
    robot.interact(presenter::enterPresenterView);
    PresenterView view = presenter.view();
    robot.interact(
        () -> {
          view.stage().setWidth(922);
          view.stage().setHeight(576);
        });
    WaitForAsyncUtils.waitForFxEvents();
    javafx.scene.Scene scene = onFx(() -> view.stage().getScene());
    until(() -> scene.getWidth() <= 922);
    for (String id : List.of("#presenter-clock", "#presenter-timer", "#presenter-end")) {
      javafx.scene.control.Labeled l = (javafx.scene.control.Labeled) scene.lookup(id);
      assertThat(onFx(() -> ((javafx.scene.text.Text) l.lookup(".text")).getText()))
          .as(id)
          .isEqualTo(onFx(l::getText));
    }
    javafx.scene.control.Labeled restart =
        (javafx.scene.control.Labeled)
            onFx(
                () ->
                    scene.getRoot().lookupAll(".button").stream()
                        .filter(
                            n ->
                                "Restart timer"
                                    .equals(((javafx.scene.control.Labeled) n).getText()))
                        .findFirst()
                        .orElseThrow());
    assertThat(onFx(() -> ((javafx.scene.text.Text) restart.lookup(".text")).getText()))
        .isEqualTo("Restart timer");
    javafx.scene.Node next = scene.lookup("#presenter-next");
    assertThat(
            onFx(
                () ->
                    next.lookupAll(".scroll-bar").stream()
                        .anyMatch(
                            b ->
                                b.isVisible()
                                    && ((javafx.scene.control.ScrollBar) b).getOrientation()
                                        == javafx.geometry.Orientation.HORIZONTAL)))
        .as("a scroll bar under the next snippet")
        .isFalse();
    robot.interact(presenter::exit);
    until(() -> !presenter.isActive());
  }

  /**
   * The speaker's window draws its text at the size at which a line of 80 columns of code fits its
   * notes, as the window's size changes (at presenter mode's sizes, 32 px in a 1920 × 1080 screen's
   * window, the line wrapped at about 50 columns), and follows the zoom; the audience's size is
   * presenter mode's as before.
   */
  @Test
  void theSpeakersNotesFitAnEightyColumnLineAndFollowTheZoom(FxRobot robot) {
    String line =
        "var answers = java.util.stream.IntStream.range(0, 42).boxed().toList(); // 80 co";
    assertThat(line).hasSize(PresenterView.COLUMNS);
    robot.interact(() -> notes.set("# Talk\n\nFirst we declare.\n\n```java\n" + line + "\n```\n"));
    robot.interact(presenter::enterPresenterView);
    PresenterView view = presenter.view();
    robot.interact(() -> HeadlessScreen.keepOn(view.stage()));
    javafx.scene.Scene scene = onFx(() -> view.stage().getScene());
    double audience = onFx(presenter::fontSize);
    // The speaker's window filling a 1280 × 800 screen, then nine tenths of it (as it opens).
    double last = Double.MAX_VALUE;
    for (double[] size : new double[][] {{1280, 800}, {1152, 720}}) {
      robot.interact(
          () -> {
            view.stage().setWidth(size[0]);
            view.stage().setHeight(size[1]);
          });
      until(() -> onFx(scene::getWidth) == size[0]);
      WaitForAsyncUtils.waitForFxEvents();
      String at = size[0] + " × " + size[1];
      double px = onFx(() -> view.notesSizeOf("First we declare."));
      assertThat(onFx(() -> view.notesLinesOf(5)))
          .as("the 80-column line's lines at " + at)
          .isEqualTo(1);
      // As large as fits: the line fills most of the notes' width.
      double lineWidth = width(line, onFx(view::notesFontFamily), px);
      assertThat(lineWidth)
          .as("the line's width at " + at)
          .isGreaterThan(0.85 * onFx(view::notesTextWidth));
      assertThat(onFx(view::fontSize)).as("the window's size, the notes'").isEqualTo(px);
      assertThat(px).as("smaller in the smaller window").isLessThan(last);
      last = px;
    }
    assertThat(onFx(presenter::fontSize)).as("the audience's size").isEqualTo(audience);
    assertThat(audience)
        .isEqualTo(
            PresenterMode.scaled(
                PresenterMode.DEFAULT_FONT,
                onFx(() -> stage.getScene().getWidth()),
                onFx(() -> stage.getScene().getHeight())));
    double fitting = onFx(view::fontSize);
    robot.interact(() -> view.stage().requestFocus());
    robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
    assertThat(onFx(view::fontSize)).as("zoomed in").isGreaterThan(fitting);
    robot.press(KeyCode.CONTROL).type(KeyCode.MINUS).type(KeyCode.MINUS).release(KeyCode.CONTROL);
    assertThat(onFx(view::fontSize)).as("zoomed out").isLessThan(fitting);
    robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
    assertThat(onFx(view::fontSize)).as("the usual size again").isEqualTo(fitting);
    robot.interact(presenter::exit);
    until(() -> !presenter.isActive());
  }

  /** The width of {@code text} in {@code family} at {@code px}. */
  private static double width(String text, String family, double px) {
    javafx.scene.text.Text t = new javafx.scene.text.Text(text);
    t.setFont(javafx.scene.text.Font.font(family, px));
    return t.getLayoutBounds().getWidth();
  }

  /** The speaker's window's size rule: 80 columns in the notes' width, scaled by the zoom. */
  @Test
  void theSpeakersSizeIsTheLargestAtWhichEightyColumnsFit() {
    double column = 0.602; // DejaVu Sans Mono's advance per px
    // The notes' text width in a 1920 × 1080 screen's window (1728 px, 58 %) and 1280 × 800's.
    assertThat(PresenterView.fitted(1728 * 0.58 - 44, column, 24)).isEqualTo(19);
    assertThat(PresenterView.fitted(1152 * 0.58 - 44, column, 24)).isEqualTo(12);
    assertThat(PresenterView.fitted(1728 * 0.58 - 44, column, 26)).isEqualTo(21);
    assertThat(PresenterView.fitted(1728 * 0.58 - 44, column, 20)).isEqualTo(16);
    assertThat(PresenterView.fitted(200, column, 24))
        .as("never below")
        .isEqualTo(PresenterMode.MIN_FONT);
  }

  /**
   * Tab in the speaker's window reaches Restart timer, the typing check box and End presenting,
   * each ringed: four Tabs showed the focus nowhere (the three took no focus).
   */
  @Test
  void tabInTheSpeakersWindowRingsItsControls(FxRobot robot) {
    robot.interact(presenter::enterPresenterView);
    PresenterView view = presenter.view();
    robot.interact(() -> view.stage().requestFocus());
    robot.targetWindow(view.stage());
    javafx.css.PseudoClass ring = javafx.css.PseudoClass.getPseudoClass("focus-visible");
    List<String> reached = new ArrayList<>();
    for (int i = 0; i < 8 && !reached.contains("End presenting"); i++) {
      robot.type(KeyCode.TAB);
      javafx.scene.Node owner = onFx(() -> view.stage().getScene().getFocusOwner());
      if (owner instanceof javafx.scene.control.Labeled l
          && onFx(() -> l.getPseudoClassStates().contains(ring))) {
        reached.add(l.getText());
      }
    }
    assertThat(reached)
        .contains("Restart timer", "Type snippets in (Page Down finishes)", "End presenting");
    robot.interact(presenter::exit);
    until(() -> !presenter.isActive());
  }

  @Test
  void theSpeakersWindowLeavesPresenterViewByItsKeyEscItsButtonOrBeingClosed(FxRobot robot) {
    robot.interact(() -> dock.getItems().add(replPane));
    WaitForAsyncUtils.waitForFxEvents();
    List<Object> before = onFx(this::layout);
    for (int way = 0; way < 4; way++) {
      robot.interact(presenter::enterPresenterView);
      PresenterView view = presenter.view();
      assertThat(onFx(() -> view.stage().isShowing())).isTrue();
      switch (way) {
        case 0 -> {
          // the key that entered it, pressed where the speaker is: the speaker's window
          robot.interact(() -> view.stage().requestFocus());
          robot.targetWindow(view.stage());
          robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.M);
          robot.release(KeyCode.SHIFT, KeyCode.CONTROL);
        }
        case 1 ->
            robot.interact(
                () ->
                    ((javafx.scene.control.Button) view.stage().getScene().lookup("#presenter-end"))
                        .fire());
        case 2 -> {
          robot.interact(() -> view.stage().requestFocus());
          robot.targetWindow(view.stage());
          robot.type(KeyCode.ESCAPE);
        }
        default ->
            robot.interact(
                () ->
                    view.stage()
                        .fireEvent(
                            new javafx.stage.WindowEvent(
                                view.stage(), javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
      }
      until(() -> !presenter.isActive());
      assertThat(onFx(() -> view.stage().isShowing())).as("way %d", way).isFalse();
      until(() -> layout().equals(before));
    }
  }

  /**
   * The speaker's window closes after the key that closes it is handled, not inside its handlers:
   * GTK's glass goes on using a window's view once a key press's handlers return (it sends the
   * key's KEY_TYPED next), and a window closed inside them crashed the JVM (SIGSEGV in
   * WindowContextBase::process_key, 3 of 3 on Xvfb, by Esc and by Ctrl+Shift+M).
   */
  @Test
  void theSpeakersWindowOutlivesTheKeyThatClosesIt(FxRobot robot) {
    robot.interact(() -> dock.getItems().add(replPane));
    for (KeyEvent key :
        List.of(
            new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ESCAPE, false, false, false, false),
            new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.M, true, true, false, false))) {
      robot.interact(presenter::enterPresenterView);
      PresenterView view = presenter.view();
      boolean showingWhenHandled =
          onFx(
              () -> {
                Scene scene = view.stage().getScene();
                javafx.event.Event.fireEvent(
                    scene.getFocusOwner() != null ? scene.getFocusOwner() : scene.getRoot(),
                    key.copyFor(scene, scene.getRoot()));
                return view.stage().isShowing();
              });
      assertThat(showingWhenHandled).as("%s", key.getCode()).isTrue();
      until(() -> !presenter.isActive() && !view.stage().isShowing());
    }
  }

  @Test
  void presenterViewChosenInPresenterModeOpensTheSpeakersWindowWhereTheScriptStands(FxRobot robot) {
    robot.interact(() -> presenter.typingProperty().set(false));
    robot.interact(() -> dock.getItems().add(replPane));
    WaitForAsyncUtils.waitForFxEvents();
    List<Object> before = onFx(this::layout);
    robot.interact(presenter::enter);
    robot.type(KeyCode.PAGE_DOWN);
    robot.type(KeyCode.PAGE_DOWN);
    assertThat(ran).containsExactly("int answer = 6 * 7;");
    // Presenter view chosen now: the speaker's window opens (before: presenter mode was left).
    robot.interact(presenter::enterPresenterView);
    assertThat(presenter.isActive()).isTrue();
    PresenterView view = presenter.view();
    assertThat(view).as("the speaker's window").isNotNull();
    assertThat(onFx(() -> view.stage().isShowing())).isTrue();
    assertThat(onFx(() -> List.copyOf(dock.getItems()))).containsExactly(replPane);
    assertThat(onFx(stage::isFullScreen)).as("one screen: not full screen").isFalse();
    // The script goes on where it stood.
    assertThat(text(view::nextText)).isEqualTo("answer + 1");
    robot.interact(presenter::exit);
    assertThat(onFx(() -> view.stage().isShowing())).isFalse();
    until(() -> layout().equals(before));
  }

  @Test
  void theSpeakerNotesKeepTheEditorsColoursInTheDarkTheme(FxRobot robot) {
    dark = true;
    robot.interact(presenter::enterPresenterView);
    PresenterView view = presenter.view();
    until(() -> view.notesStyleAt(2).contains("md-heading"));
    var keyword = onFx(() -> view.notesFillOf("int"));
    var plain = onFx(() -> view.notesFillOf("First we declare."));
    assertThat(plain).isEqualTo(javafx.scene.paint.Color.WHITE);
    assertThat(keyword).isNotNull().isNotEqualTo(plain);
    robot.interact(presenter::exit);
  }

  /**
   * Sizes the audience's window to {@code width} × {@code height} and waits until its scene has
   * that size: the window takes a new size in the next pulse (Monocle's glass applies it then,
   * after {@code robot.interact} may have returned), and the presenter's sizes follow the scene's.
   * Read at once, the sizes were the old window's (the zoom at 1280 × 540 gave 20 px, not 26 at
   * 1280 × 800).
   */
  private void resize(FxRobot robot, double width, double height) {
    robot.interact(
        () -> {
          stage.setWidth(width);
          stage.setHeight(height);
        });
    until(() -> stage.getScene().getWidth() == width && stage.getScene().getHeight() == height);
  }

  /**
   * Leaves presenter mode after a test that failed in it: its speaker's window and full screen are
   * not left for the next test.
   */
  @org.junit.jupiter.api.AfterEach
  void leaveAndStopTheHighlighter() {
    if (presenter != null) {
      onFx(
          () -> {
            presenter.exit();
            return null;
          });
    }
    highlighter.shutdownNow();
  }

  @Test
  void theElapsedTimeReadsAsMinutesAndHours() {
    assertThat(PresenterView.elapsed(Duration.ZERO)).isEqualTo("00:00");
    assertThat(PresenterView.elapsed(Duration.ofSeconds(59 * 60 + 59))).isEqualTo("59:59");
    assertThat(PresenterView.elapsed(Duration.ofSeconds(3600))).isEqualTo("1:00:00");
    assertThat(PresenterView.elapsed(Duration.ofSeconds(-3))).isEqualTo("00:00");
  }

  /** A pane that grows (a label alone would not: its largest size is its text's). */
  private static StackPane pane(String text) {
    return new StackPane(new Label(text));
  }

  /** Every split pane's items and dividers, the root's style, the notes' font size. */
  private List<Object> layout() {
    List<Object> out = new ArrayList<>();
    for (SplitPane pane : List.of(content, left, dock)) {
      out.add(List.copyOf(pane.getItems()));
      out.add(
          java.util.Arrays.stream(pane.getDividerPositions())
              .mapToObj(d -> String.format("%.4f", d))
              .toList());
    }
    out.add(stage.getScene().getRoot().getStyle());
    out.add(notesFont.get());
    return out;
  }

  private String inputText() {
    return text(input::getText);
  }

  private static String text(Callable<String> read) {
    return onFx(read);
  }

  private static <T> T onFx(Callable<T> read) {
    try {
      return WaitForAsyncUtils.asyncFx(read).get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Waits (60 s at most) until {@code condition}, read on the FX thread, holds. */
  private static void until(Callable<Boolean> condition) {
    try {
      WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(condition));
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("waited 60 s in vain", e);
    }
  }
}
