package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.web.WebView;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A long note's preview holds only a part of the note (about 160 KB of its HTML): right after the
 * talk opens with its caret far down, and after a paste of thousands of lines, that part is the one
 * around the caret, with the editor's top line in the page's view, without scrolling the editor.
 */
class LongNotePreviewWindowTest extends RealWindowTest {

  /** Line {@code i} of {@link #note}: a heading, a list item, code or a paragraph, all numbered. */
  static String line(int i) {
    return switch (i % 50) {
      case 0 -> "## Section " + i + " on virtual threads, carriers and structured concurrency";
      case 1, 40, 48 -> "";
      case 41 -> "```java";
      case 42, 43, 44, 45, 46 ->
          "var v" + i + " = scope.fork(() -> fetch(\"carrier pinning line " + i + "\"));";
      case 47 -> "```";
      case 49 -> "Paragraph " + i + ": the speaker showed the scheduler's latency under load.";
      default -> "- point " + i + ": a monitor held across blocking calls pins the carrier thread";
    };
  }

  /** {@code lines} lines of Markdown with code blocks; 20,000 of them are some 1.3 MB. */
  static String note(int from, int lines) {
    StringBuilder out = new StringBuilder(lines * 80);
    for (int i = from; i < from + lines; i++) {
      out.append(line(i)).append('\n');
    }
    return out.toString();
  }

  private static final String LONG = note(0, 20_000);

  /** The text of the preview's page (the part of the note it holds). */
  private static String pageText(FxRobot robot) throws Exception {
    WebView web = WindowUnderTest.preview(robot);
    if (web == null) {
      return "";
    }
    return FxWait.onFx(
        () ->
            String.valueOf(
                web.getEngine()
                    .executeScript(
                        "document.getElementById('content') == null ? ''"
                            + " : document.getElementById('content').textContent")));
  }

  /**
   * The source lines the page's view shows: from the first line of the first block in view to the
   * first line of the block after the last one in view (or the note's end, -1), and the page's
   * scroll; "" with no page.
   */
  private static String linesInView(FxRobot robot) throws Exception {
    WebView web = WindowUnderTest.preview(robot);
    if (web == null) {
      return "";
    }
    return FxWait.onFx(
        () ->
            String.valueOf(
                web.getEngine()
                    .executeScript(
                        "(function () { var first = -1, after = -1, kids ="
                            + " document.getElementById('content').children;"
                            + " for (var k = 0; k < kids.length; k++) {"
                            + " var r = kids[k].getBoundingClientRect();"
                            + " var line = Number(kids[k].getAttribute('data-line'));"
                            + " if (r.bottom > 0 && r.top < window.innerHeight) {"
                            + " if (first < 0) { first = line; } after = -1; }"
                            + " else if (first >= 0 && after < 0) { after = line; break; } }"
                            + " return first + ' ' + after + ' ' + window.pageYOffset; })()")));
  }

  /** Waits until the page's view shows source line {@code line}. */
  private static void waitForPageToShow(FxRobot robot, int line) {
    String[] seen = {""};
    try {
      FxWait.until(
          () -> {
            seen[0] = linesInView(robot);
            String[] parts = seen[0].split(" ");
            int first = Integer.parseInt(parts[0]);
            int after = Integer.parseInt(parts[1]);
            return first >= 0 && first <= line && (after < 0 || line < after);
          });
    } catch (AssertionError e) {
      throw new AssertionError(
          "the page's view never showed line " + line + "; it shows (first, after, y) " + seen[0],
          e);
    }
  }

  /** Puts the caret on {@code line} with it near the editor's top, and waits for that. */
  private static void leaveCaret(FxRobot robot, int line) {
    CodeArea notes = WindowUnderTest.editor(robot);
    robot.interact(
        () -> {
          notes.requestFocus();
          notes.moveTo(line, 0);
          notes.showParagraphAtTop(line - 3);
        });
    FxWait.untilFx(
        "line " + (line - 3) + " at the top",
        () ->
            !notes.getVisibleParagraphs().isEmpty()
                && notes.firstVisibleParToAllParIndex() == line - 3);
  }

  @Test
  void aLongNoteOpenedWithItsCaretFarDownShowsThatPartInThePreview(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Long notes", LONG);
    leaveCaret(robot, 15_000);

    // A restart: the talk opens again with its kept caret at line 15,000.
    robot.interact(() -> ui.window.close());
    robot.interact(() -> ui.show());
    FxWait.untilFx("the long notes again", () -> WindowUnderTest.editorText(robot).equals(LONG));
    FxWait.until("the preview shown", () -> WindowUnderTest.previewShows(robot));
    FxWait.until(
        "the preview's part holds line 15,000",
        () -> pageText(robot).contains("Section 15000 on virtual threads"));
    assertThat(pageText(robot)).doesNotContain("point 2: a monitor");
    waitForPageToShow(robot, 14_997);
  }

  @Test
  void aPasteOfThousandsOfLinesShowsThePartAtTheCaret(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Growing notes", note(0, 20) + "\n");
    FxWait.until("the preview shown", () -> WindowUnderTest.previewShows(robot));
    CodeArea notes = WindowUnderTest.editor(robot);
    robot.interact(
        () -> {
          notes.requestFocus();
          notes.moveTo(notes.getLength());
          ClipboardContent content = new ClipboardContent();
          content.putString(note(100, 12_000));
          Clipboard.getSystemClipboard().setContent(content);
        });
    robot.press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
    FxWait.untilFx("the paste", () -> notes.getParagraphs().size() > 12_000);
    FxWait.until(
        "the preview's part holds the pasted end",
        () -> pageText(robot).contains("point 12085: a monitor"));
    int top = FxWait.onFx(notes::firstVisibleParToAllParIndex);
    waitForPageToShow(robot, top);
  }

  @Test
  void aPasteOfThousandsOfLinesFromTheEditMenuShowsTheCaretAndItsPart(FxRobot robot)
      throws Exception {
    ui.openNewTalk(robot, "Growing notes", note(0, 20) + "\n");
    FxWait.until("the preview shown", () -> WindowUnderTest.previewShows(robot));
    CodeArea notes = WindowUnderTest.editor(robot);
    robot.interact(
        () -> {
          notes.requestFocus();
          notes.moveTo(notes.getLength());
          ClipboardContent content = new ClipboardContent();
          content.putString(note(100, 12_000));
          Clipboard.getSystemClipboard().setContent(content);
        });
    ui.fire(robot, "Paste");
    // The notes scroll to the caret at the pasted end, as Ctrl+V does, and the preview follows.
    FxWait.untilFx(
        "the caret's line in view",
        () ->
            notes.getParagraphs().size() > 12_000
                && !notes.getVisibleParagraphs().isEmpty()
                && notes.firstVisibleParToAllParIndex() <= notes.getCurrentParagraph()
                && notes.getCurrentParagraph() <= notes.lastVisibleParToAllParIndex());
    FxWait.until(
        "the preview's part holds the pasted end",
        () -> pageText(robot).contains("point 12085: a monitor"));
    int top = FxWait.onFx(notes::firstVisibleParToAllParIndex);
    waitForPageToShow(robot, top);
  }
}
