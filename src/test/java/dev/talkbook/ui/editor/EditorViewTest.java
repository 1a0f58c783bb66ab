package dev.talkbook.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.ui.FxWait;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The editor made on a thread of its own while the window starts ({@link EditorView#makeAside})
 * behaves like one made on the FX thread; the find bar is made when first asked for.
 */
@ExtendWith(ApplicationExtension.class)
class EditorViewTest {
  private Stage stage;

  @Start
  void start(Stage primary) {
    stage = primary;
    primary.setScene(new Scene(new javafx.scene.layout.StackPane(), 600, 400));
    primary.show();
  }

  /** Puts the editor in the window and focuses its text. */
  private void show(FxRobot robot, EditorView editor) {
    robot.interact(
        () -> {
          stage.getScene().setRoot(editor.root());
          editor.area().requestFocus();
        });
  }

  @Test
  void anEditorMadeAsideHighlightsAndReportsEdits(FxRobot robot) throws Exception {
    CompletableFuture<EditorView> aside = EditorView.makeAside();
    List<String> attached = new ArrayList<>();
    EditorView editor =
        FxWait.onFx(() -> EditorView.take(aside, (name, bytes) -> attached.add(name)));
    List<EditorView.Edit> edits = new ArrayList<>();
    editor.edits().subscribe(edits::add);
    show(robot, editor);
    robot.interact(() -> editor.load("# Title\n\nsome text"));
    assertThat(FxWait.onFx(() -> stylesAt(editor, 2))).contains("md-heading");

    robot.interact(() -> editor.area().moveTo(editor.area().getLength()));
    robot.type(KeyCode.X);
    FxWait.until(() -> FxWait.onFx(() -> editor.area().getText()).equals("# Title\n\nsome textx"));
    assertThat(edits).extracting(EditorView.Edit::text).contains("# Title\n\nsome textx");
    // the area is in the editor's scroll pane, which the FX thread made
    assertThat(FxWait.onFx(() -> editor.area().getScene())).isSameAs(stage.getScene());
  }

  @Test
  void emptyNotesSayHowToWriteThemUntilTheFirstKey(FxRobot robot) throws Exception {
    EditorView editor = FxWait.onFx(() -> EditorView.take(EditorView.makeAside(), (n, b) -> {}));
    show(robot, editor);
    javafx.scene.Node hint = robot.lookup("#editor-hint").query();
    // shown while the notes have the focus: that is when one is about to type
    FxWait.untilFx("the notes focused", editor.area()::isFocused);
    assertThat(FxWait.onFx(hint::isVisible)).isTrue();

    // beside the first line's gutter: right of the line number once they are shown
    FxWait.untilFx("the hint placed beside the gutter", () -> hint.getLayoutX() > 0);
    double beside = FxWait.onFx(hint::getLayoutX);
    robot.interact(() -> editor.lineNumbersProperty().set(true));
    FxWait.untilFx("the hint right of the line number", () -> hint.getLayoutX() > beside + 4);

    robot.type(KeyCode.X);
    FxWait.untilFx("the hint gone with the first key", () -> !hint.isVisible());
    robot.interact(() -> editor.load(""));
    assertThat(FxWait.onFx(hint::isVisible)).isTrue();
    robot.interact(() -> editor.area().setEditable(false)); // nothing can be written: no hint
    assertThat(FxWait.onFx(hint::isVisible)).isFalse();
  }

  @Test
  void anEditorWhoseMakingAsideFailedIsMadeOnTheFxThread() throws Exception {
    EditorView editor =
        FxWait.onFx(
            () ->
                EditorView.take(
                    CompletableFuture.failedFuture(new IllegalStateException("no")),
                    (name, bytes) -> {}));
    assertThat(FxWait.onFx(() -> editor.area().getParent())).isNotNull();
  }

  @Test
  void anEditDisposedBeforeItsStylingStartsEndsQuietly(FxRobot robot) throws Exception {
    // A key typed just before the window closed: its styling reached the editor's thread after
    // the close had stopped it, and the FX thread threw (RejectedExecutionException).
    EditorView editor = FxWait.onFx(() -> new EditorView((name, bytes) -> {}));
    show(robot, editor);
    robot.interact(() -> editor.load("# Title\n\nsome text"));
    List<Throwable> uncaught = new java.util.concurrent.CopyOnWriteArrayList<>();
    Thread.UncaughtExceptionHandler[] before = new Thread.UncaughtExceptionHandler[1];
    robot.interact(
        () -> {
          before[0] = Thread.currentThread().getUncaughtExceptionHandler();
          Thread.currentThread().setUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        });
    try {
      robot.interact(
          () -> {
            editor.area().insertText(0, "x");
            editor.dispose();
          });
      org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
      robot.interact(() -> {}); // the FX thread's next task ran after the styling's hand-off
    } finally {
      robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler(before[0]));
    }
    assertThat(uncaught).isEmpty();
  }

  @Test
  void theFindBarIsMadeWhenFirstAskedForAndFinds(FxRobot robot) throws Exception {
    EditorView editor = FxWait.onFx(() -> new EditorView((name, bytes) -> {}));
    show(robot, editor);
    robot.interact(() -> editor.load("one two one"));
    assertThat(FxWait.onFx(() -> editor.root().lookup("#find-field"))).isNull();
    assertThat(FxWait.onFx(() -> editor.find(true))).isFalse(); // nothing asked for yet

    robot.interact(() -> editor.showFind(false));
    robot.write("two");
    assertThat(FxWait.onFx(() -> editor.root().lookup("#find-field"))).isNotNull();
    assertThat(FxWait.onFx(() -> editor.find(true))).isTrue();
    assertThat(FxWait.onFx(() -> editor.area().getSelectedText())).isEqualTo("two");
  }

  @Test
  void editsAreStyledAsTheWholeTextStyledAfresh(FxRobot robot) throws Exception {
    EditorView editor = FxWait.onFx(() -> new EditorView((name, bytes) -> {}));
    show(robot, editor);
    String note =
        "# Notes\n\n- one *x*\n  - two\n\ntext\n\n```java\nint a = 1; // c\n```\n\n"
            + "> - quoted\n\n1. three\n- four `code`\n";
    robot.interact(() -> editor.load(note));
    // A fence opened at the top (the note's code turns into text and back), a word typed and a
    // line removed, in one go (one restyle for all three), then the fence taken out again.
    robot.interact(
        () -> {
          editor.area().insertText(0, "```\n");
          editor.area().insertText(editor.area().getText().indexOf("text") + 4, " more");
          int two = editor.area().getText().indexOf("  - two\n");
          editor.area().deleteText(two, two + "  - two\n".length());
        });
    FxWait.until("styled as afresh", () -> FxWait.onFx(() -> styledAsAfresh(editor)));
    robot.interact(() -> editor.area().deleteText(0, 4));
    FxWait.until("styled as afresh", () -> FxWait.onFx(() -> styledAsAfresh(editor)));
    assertThat(FxWait.onFx(() -> stylesAt(editor, editor.area().getText().indexOf("int"))))
        .contains("java-keyword");
  }

  @Test
  void everyEditCarriesTheAreasTextAsItIsAfterIt(FxRobot robot) throws Exception {
    EditorView editor = FxWait.onFx(() -> new EditorView((name, bytes) -> {}));
    List<EditorView.Edit> edits = new ArrayList<>();
    editor.edits().subscribe(edits::add);
    show(robot, editor);
    robot.interact(() -> editor.load("# Notes\n\n- one\n- two ünï\n"));
    List<Runnable> changes =
        List.of(
            () -> editor.area().insertText(3, "x"),
            () -> editor.area().insertText(0, "line\r\nbreaks\n\n"),
            () -> editor.area().deleteText(2, 9),
            () -> editor.area().replaceText(5, 7, "§ replaced\n"),
            () -> editor.area().appendText("end"),
            () -> editor.area().deleteText(0, editor.area().getLength()),
            () -> editor.area().insertText(0, "again"),
            () -> editor.area().undo(),
            () -> editor.area().undo(),
            () -> editor.area().redo(),
            () -> editor.load("another note\n"));
    for (Runnable change : changes) {
      int before = edits.size();
      robot.interact(change);
      assertThat(edits).hasSizeGreaterThan(before);
      assertThat(edits.get(edits.size() - 1).text())
          .isEqualTo(FxWait.onFx(() -> editor.area().getText()));
    }
    // The edit says where the change was: the open talk counts words from it.
    robot.interact(() -> editor.area().insertText(8, "ok "));
    assertThat(edits.get(edits.size() - 1))
        .isEqualTo(new EditorView.Edit("another ok note\n", 8, 0, 3));
  }

  /** Whether every character has the styles that a full highlight of the text gives it. */
  private static boolean styledAsAfresh(EditorView editor) {
    String text = editor.area().getText();
    var expected =
        HangingIndent.mark(
            new dev.talkbook.core.markdown.MarkdownHighlighter().highlight(text),
            HangingIndent.prefixes(text));
    for (int i = 0; i < text.length(); i++) {
      // (a line break has no style of its own in the area)
      if (text.charAt(i) != '\n'
          && !java.util.Set.copyOf(stylesAt(editor, i)).equals(expected.classesAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static Collection<String> stylesAt(EditorView editor, int offset) {
    return editor.area().getStyleOfChar(offset);
  }
}
