package dev.talkbook.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.ui.FxWait;
import dev.talkbook.ui.common.HangingIndent;
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
        FxWait.onFx(
            () -> EditorView.take(aside, pasted -> pasted.forEach(p -> attached.add(p.name()))));
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
    EditorView editor = FxWait.onFx(() -> EditorView.take(EditorView.makeAside(), pasted -> {}));
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
                    CompletableFuture.failedFuture(new IllegalStateException("no")), pasted -> {}));
    assertThat(FxWait.onFx(() -> editor.area().getParent())).isNotNull();
  }

  @Test
  void anEditDisposedBeforeItsStylingStartsEndsQuietly(FxRobot robot) throws Exception {
    // A key typed just before the window closed: its styling reached the editor's thread after
    // the close had stopped it, and the FX thread threw (RejectedExecutionException).
    EditorView editor = FxWait.onFx(() -> new EditorView(pasted -> {}));
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
    EditorView editor = FxWait.onFx(() -> new EditorView(pasted -> {}));
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
    EditorView editor = FxWait.onFx(() -> new EditorView(pasted -> {}));
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
  void anOutputWhoseCodeChangedSinceItRanIsDimmedUntilTheCodeIsAsItWas(FxRobot robot)
      throws Exception {
    EditorView editor = FxWait.onFx(() -> new EditorView(pasted -> {}));
    show(robot, editor);
    String stamp = dev.talkbook.core.markdown.CodeStamp.of("new Point(3, 4)");
    String note =
        "# Records\n\n```java\nnew Point(3, 4)\n```\n```output code="
            + stamp
            + "\nPoint[x=3, y=4]\n```\n\ntext after\n";
    robot.interact(() -> editor.load(note));
    int output = note.indexOf("Point[x=3");
    assertThat(FxWait.onFx(() -> stylesAt(editor, output))).doesNotContain(OutOfDateOutputs.CLASS);

    // typed in the code, as a user would: the output under it is marked, the text after it not
    robot.interact(() -> editor.area().moveTo(note.indexOf("3, 4")));
    robot.type(KeyCode.DIGIT7);
    FxWait.until(
        "the output marked out of date",
        () -> FxWait.onFx(() -> stylesAt(editor, output + 1)).contains(OutOfDateOutputs.CLASS));
    String text = FxWait.onFx(() -> editor.area().getText());
    assertThat(FxWait.onFx(() -> stylesAt(editor, text.indexOf("```output"))))
        .contains(OutOfDateOutputs.CLASS);
    assertThat(FxWait.onFx(() -> stylesAt(editor, text.indexOf("text after"))))
        .doesNotContain(OutOfDateOutputs.CLASS);
    assertThat(FxWait.onFx(() -> stylesAt(editor, text.indexOf("new Point"))))
        .doesNotContain(OutOfDateOutputs.CLASS);

    // the code as it was: the output is up to date again
    robot.type(KeyCode.BACK_SPACE);
    FxWait.until(
        "the mark gone",
        () -> !FxWait.onFx(() -> stylesAt(editor, output)).contains(OutOfDateOutputs.CLASS));
    FxWait.until("styled as afresh", () -> FxWait.onFx(() -> styledAsAfresh(editor)));
  }

  @Test
  void everyEditCarriesTheAreasTextAsItIsAfterIt(FxRobot robot) throws Exception {
    EditorView editor = FxWait.onFx(() -> new EditorView(pasted -> {}));
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

  /** {@code lines} lines of Markdown: sections of a heading, list items and a Java block. */
  private static String longNote(int lines) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      out.append(
              switch (i % 50) {
                case 0 -> "## Section " + i + " on virtual threads and structured concurrency";
                case 1, 40, 48 -> "";
                case 41 -> "```java";
                case 42, 43, 44, 45, 46 -> "int v" + i + " = fetch(\"carrier " + i + "\"); // c";
                case 47 -> "```";
                default -> "- point " + i + ": a monitor held across `blocking` calls pins it";
              })
          .append('\n');
    }
    return out.toString();
  }

  @Test
  void aLongNoteIsHighlightedOffTheFxThreadAndStyledInPiecesTheLinesInViewFirst(FxRobot robot)
      throws Exception {
    EditorView editor = FxWait.onFx(() -> new EditorView(pasted -> {}));
    show(robot, editor);
    String note = longNote(20_000);
    // Every change of styles the area gets, as (position, length).
    List<int[]> styled = new java.util.concurrent.CopyOnWriteArrayList<>();
    robot.interact(
        () ->
            editor
                .area()
                .richChanges()
                .filter(c -> c.isPlainTextIdentity())
                .subscribe(c -> styled.add(new int[] {c.getPosition(), c.getInserted().length()})));
    int far = note.indexOf("## Section 15000 ");
    boolean styledAtOnce =
        FxWait.onFx(
            () -> {
              editor.load(note, new EditorView.Place(far, far, 14_998));
              return !stylesAt(editor, far).isEmpty();
            });
    // The load did not wait for the highlighting: the note shows unstyled for a moment.
    assertThat(styledAtOnce).isFalse();
    FxWait.until("styled as afresh", () -> FxWait.onFx(() -> styledAsAfresh(editor)));
    assertThat(FxWait.onFx(() -> stylesAt(editor, far))).contains("md-heading");
    // In pieces, none longer than the FX thread may be held for; the first at the line in view.
    assertThat(styled).hasSizeGreaterThan(note.length() / EditorView.STYLE_CHARS);
    assertThat(styled.get(0)[0]).isBetween(far - 200, far);
    assertThat(styled)
        .allSatisfy(c -> assertThat(c[1]).isLessThanOrEqualTo(EditorView.STYLE_CHARS));
  }

  @Test
  void typingWhileALongNoteIsStyledInPiecesEndsStyledAsAfresh(FxRobot robot) throws Exception {
    EditorView editor = FxWait.onFx(() -> new EditorView(pasted -> {}));
    show(robot, editor);
    String note = longNote(20_000);
    // Keys at the start and in the middle once the first pieces are styled (the first key right
    // after the first piece, so before the last: each piece queues the next behind it, and a key
    // queued by the piece before runs first), one opening a fence (the rest turns into code).
    // Queued from the styling itself, not polled for: on a quiet machine the pieces went by
    // faster than a poll could catch the first before the last.
    int[] keyAfter = {1, 3, 5};
    java.util.concurrent.atomic.AtomicInteger pieces =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger queued =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger typed =
        new java.util.concurrent.atomic.AtomicInteger();
    int[] piecesAtFirstKey = {-1};
    robot.interact(
        () -> {
          editor
              .area()
              .richChanges()
              .filter(c -> c.isPlainTextIdentity())
              .subscribe(
                  c -> {
                    int done = pieces.incrementAndGet();
                    int key = queued.get();
                    if (key < keyAfter.length && done >= keyAfter[key]) {
                      queued.incrementAndGet();
                      javafx.application.Platform.runLater(
                          () -> {
                            if (key == 0) {
                              piecesAtFirstKey[0] = pieces.get();
                            }
                            editor.area().insertText(editor.area().getLength() / 2, "x");
                            editor.area().insertText(0, key == 1 ? "```\n" : "y");
                            typed.incrementAndGet();
                          });
                    }
                  });
          editor.load(note);
        });
    FxWait.until("three keys typed while the note is styled", () -> typed.get() == 3);
    assertThat(piecesAtFirstKey[0]).isBetween(1, note.length() / EditorView.STYLE_CHARS - 4);
    FxWait.until("styled as afresh", () -> FxWait.onFx(() -> styledAsAfresh(editor)));
    robot.interact(() -> editor.area().deleteText(0, editor.area().getText().indexOf('\n') + 1));
    FxWait.until("styled as afresh", () -> FxWait.onFx(() -> styledAsAfresh(editor)));
  }

  /** Whether every character has the styles that a full highlight of the text gives it. */
  private static boolean styledAsAfresh(EditorView editor) {
    String text = editor.area().getText();
    var expected =
        OutOfDateOutputs.mark(
            HangingIndent.mark(
                new dev.talkbook.core.markdown.MarkdownHighlighter().highlight(text),
                HangingIndent.prefixes(text)),
            text);
    Object[] want = new Object[text.length()];
    int at = 0;
    for (var span : expected.spans()) {
      java.util.Arrays.fill(want, at, at + span.length(), span.classes());
      at += span.length();
    }
    at = 0;
    for (var span : editor.area().getStyleSpans(0, text.length())) {
      for (int i = at; i < at + span.getLength(); i++) {
        // (a line break has no style of its own in the area)
        if (text.charAt(i) != '\n' && !java.util.Set.copyOf(span.getStyle()).equals(want[i])) {
          return false;
        }
      }
      at += span.getLength();
    }
    return true;
  }

  @Test
  void aCopiedImageIsHandedOnUnencodedAndMadeAPngWhereItIsStored(FxRobot robot) throws Exception {
    List<String> encodedOn = new java.util.concurrent.CopyOnWriteArrayList<>();
    javax.imageio.spi.IIORegistry registry = javax.imageio.spi.IIORegistry.getDefaultInstance();
    var noting = new ThreadNotingPngWriter(encodedOn);
    registry.registerServiceProvider(noting);
    registry.setOrdering(javax.imageio.spi.ImageWriterSpi.class, noting, noting.png);
    try {
      pasteAnImageAndStoreIt(robot, encodedOn);
    } finally {
      registry.deregisterServiceProvider(noting);
    }
  }

  private void pasteAnImageAndStoreIt(FxRobot robot, List<String> encodedOn) throws Exception {
    CompletableFuture<EditorView> aside = EditorView.makeAside();
    List<EditorView.Pasted> pasted = new java.util.concurrent.CopyOnWriteArrayList<>();
    EditorView editor = FxWait.onFx(() -> EditorView.take(aside, pasted::addAll));
    show(robot, editor);
    javafx.scene.image.WritableImage image = new javafx.scene.image.WritableImage(5, 3);
    robot.interact(
        () -> {
          for (int x = 0; x < 5; x++) {
            for (int y = 0; y < 3; y++) {
              image.getPixelWriter().setArgb(x, y, x == 4 && y == 2 ? 0xff102030 : 0xff6495ed);
            }
          }
          javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
          content.putImage(image);
          javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
          editor.paste();
        });
    assertThat(pasted).extracting(EditorView.Pasted::name).containsExactly("pasted-image.png");
    assertThat(encodedOn).as("PNG encoded on the FX thread at the paste").isEmpty();
    // Encoded when it is stored, on the thread that stores it (the notebook's; here the test's).
    byte[] png = pasted.get(0).read();
    assertThat(encodedOn).containsExactly(Thread.currentThread().getName());
    java.awt.image.BufferedImage read =
        javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
    assertThat(read.getWidth()).isEqualTo(5);
    assertThat(read.getHeight()).isEqualTo(3);
    assertThat(read.getRGB(0, 0)).isEqualTo(0xff6495ed);
    assertThat(read.getRGB(4, 2)).isEqualTo(0xff102030);
  }

  /** The PNG writer ImageIO picks first while registered: notes the thread of each encoding. */
  private static final class ThreadNotingPngWriter extends javax.imageio.spi.ImageWriterSpi {
    final javax.imageio.spi.ImageWriterSpi png =
        javax.imageio.ImageIO.getImageWritersByFormatName("png").next().getOriginatingProvider();
    private final List<String> threads;

    ThreadNotingPngWriter(List<String> threads) {
      this.threads = threads;
      vendorName = "test";
      version = "1";
      names = png.getFormatNames();
      suffixes = png.getFileSuffixes();
      MIMETypes = png.getMIMETypes();
      pluginClassName = png.getPluginClassName();
      outputTypes = png.getOutputTypes();
    }

    @Override
    public boolean canEncodeImage(javax.imageio.ImageTypeSpecifier type) {
      return png.canEncodeImage(type);
    }

    @Override
    public javax.imageio.ImageWriter createWriterInstance(Object extension)
        throws java.io.IOException {
      threads.add(Thread.currentThread().getName());
      return png.createWriterInstance(extension);
    }

    @Override
    public String getDescription(java.util.Locale locale) {
      return "PNG, noting the thread";
    }
  }

  private static Collection<String> stylesAt(EditorView editor, int offset) {
    return editor.area().getStyleOfChar(offset);
  }
}
