package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.ui.talk.EditorSession.SaveState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The outliner keys in the real window, headless: typed, undone, saved. */
class OutlinerEditingTest extends RealWindowTest {

  /** For helpers that look into the window. */
  private final FxRobot robot = new FxRobot();

  /** Waits for {@code condition} (an exception from it means "not yet"), then for the FX events. */
  private static void waitUntil(Callable<Boolean> condition) {
    FxWait.until(condition);
  }

  private CodeArea area() {
    return WindowUnderTest.editor(robot);
  }

  /** Opens a new talk with {@code body} and puts the caret at the {@code |} in it. */
  private long open(FxRobot robot, String bodyWithCaret) throws Exception {
    int caret = bodyWithCaret.indexOf('|');
    String body = bodyWithCaret.replace("|", "");
    Event event = ui.notebook.events().create(Event.Details.titled("Meetup"));
    Talk talk = ui.notebook.talks().create(event.id(), Talk.Details.titled("Outlines"), body);
    ui.reload(robot);
    robot.interact(() -> ui.window.open(talk.id(), null));
    waitUntil(() -> ui.openTalk() != null && fx(() -> area().getText()).equals(body));
    FxWait.clickOn(robot, "#editor");
    robot.interact(() -> area().moveTo(caret < 0 ? body.length() : caret));
    return talk.id();
  }

  /** Where the character at {@code offset} is drawn, on the screen. */
  private javafx.geometry.Bounds charOnScreen(FxRobot robot, int offset) throws Exception {
    return fx(() -> area().getCharacterBoundsOnScreen(offset, offset + 1).orElseThrow());
  }

  /** The editor's text now (read on the FX thread, where the keys typed have been handled). */
  private String text() throws Exception {
    return fx(() -> area().getText());
  }

  /** Reads the editor's state on the FX thread. */
  private static <T> T fx(Callable<T> read) throws Exception {
    return FxWait.onFx(read);
  }

  private void undo(FxRobot robot) {
    robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
  }

  @Test
  void typingAListWithEnterAndTab(FxRobot robot) throws Exception {
    open(robot, "");
    robot.write("- one\ntwo\n");
    assertThat(text()).isEqualTo("- one\n- two\n- ");
    robot.type(KeyCode.TAB);
    assertThat(text()).isEqualTo("- one\n- two\n  - ");
    robot.write("child\n\nthree\n\n");
    // Ending the list leaves a blank line, so what comes next is not part of the last item.
    assertThat(text()).isEqualTo("- one\n- two\n  - child\n- three\n\n");
    robot.write("after the list\n\n1. first\nsecond");
    assertThat(text())
        .isEqualTo("- one\n- two\n  - child\n- three\n\nafter the list\n\n1. first\n2. second");
  }

  @Test
  void enterOnAnEmptyQuoteLineEndsTheQuoteWithABlankLine(FxRobot robot) throws Exception {
    open(robot, "");
    robot.write("> quote\nmore\n\nafter quote");
    assertThat(text()).isEqualTo("> quote\n> more\n\nafter quote");
  }

  @Test
  void aClosingFenceTypedAfterIndentedCodeClosesTheBlock(FxRobot robot) throws Exception {
    open(robot, "```java\nvoid run() {|\n");
    robot.write("\n    go();\n");
    assertThat(text()).isEqualTo("```java\nvoid run() {\n    go();\n    \n");
    robot.write("```");
    assertThat(text()).isEqualTo("```java\nvoid run() {\n    go();\n```\n");
    undo(robot); // one step: the last backtick and the move
    assertThat(text()).isEqualTo("```java\nvoid run() {\n    go();\n    ``\n");
  }

  @Test
  void aWrappedListItemContinuesUnderItsTextNotItsBullet(FxRobot robot) throws Exception {
    String item = "  - " + "words that wrap ".repeat(30).strip();
    open(robot, "intro\n" + item + "\nafter");
    robot.interact(
        () -> ((javafx.scene.control.CheckMenuItem) ui.action("Soft wrap")).setSelected(true));
    int content = "intro\n".length() + 4; // the first letter of the item's text
    // Wrapping is done in the editor's layout: wait until the item is drawn on several lines (its
    // last letter below its first), with its prefix shown.
    FxWait.untilFx(
        "the item to wrap under its text",
        () ->
            area().getStyleOfChar(content - 1).contains("tb-hang")
                && robot.lookup(".tb-hang-prefix").tryQuery().isPresent()
                && area()
                        .getCharacterBoundsOnScreen(
                            content + item.length() - 5, content + item.length() - 4)
                        .orElseThrow()
                        .getMinY()
                    > area()
                        .getCharacterBoundsOnScreen(content, content + 1)
                        .orElseThrow()
                        .getMaxY());
    FxWait.shown(area());
    javafx.geometry.Bounds first = charOnScreen(robot, content);
    // The first letter of the item's second line on screen.
    int wrapped = content + 1;
    while (charOnScreen(robot, wrapped).getMinY() < first.getMaxY() - 1) {
      wrapped++;
    }
    javafx.geometry.Bounds second = charOnScreen(robot, wrapped);
    assertThat(second.getMinX())
        .isCloseTo(first.getMinX(), org.assertj.core.data.Offset.offset(1.0));
    // The bullet is still shown before the text, and the text itself is unchanged.
    javafx.scene.text.TextFlow prefix =
        robot.lookup(".tb-hang-prefix").queryAs(javafx.scene.text.TextFlow.class);
    assertThat(
            fx(
                () ->
                    prefix.getChildren().stream()
                        .map(n -> ((javafx.scene.text.Text) n).getText())
                        .reduce("", String::concat)))
        .isEqualTo("  - ");
    javafx.geometry.Bounds shown = fx(() -> prefix.localToScreen(prefix.getLayoutBounds()));
    // (Character bounds come out a pixel left of the text's node: hence 1.5.)
    assertThat(shown.getMaxX())
        .isCloseTo(first.getMinX(), org.assertj.core.data.Offset.offset(1.5));
    javafx.geometry.Bounds intro = charOnScreen(robot, 0);
    assertThat(shown.getMinX())
        .isCloseTo(intro.getMinX(), org.assertj.core.data.Offset.offset(1.5));
    assertThat(text()).isEqualTo("intro\n" + item + "\nafter");
    // Typing in the wrapped item goes where the caret is.
    int at = wrapped;
    robot.interact(() -> area().moveTo(at));
    robot.write("X");
    assertThat(text().charAt(at)).isEqualTo('X');
  }

  @Test
  void homeOnAListItemGoesToItsTextThenToTheLineStart(FxRobot robot) throws Exception {
    open(robot, "- [ ] buy milk|\nplain line");
    robot.type(KeyCode.HOME);
    assertThat(fx(() -> area().getCaretPosition())).isEqualTo("- [ ] ".length());
    robot.write("go and ");
    assertThat(text()).startsWith("- [ ] go and buy milk");
    robot.type(KeyCode.HOME);
    assertThat(fx(() -> area().getCaretPosition())).isEqualTo("- [ ] ".length());
    robot.type(KeyCode.HOME);
    assertThat(fx(() -> area().getCaretPosition())).isZero();
    robot.interact(() -> area().moveTo(area().getLength()));
    robot.type(KeyCode.HOME);
    assertThat(fx(() -> area().getCaretColumn())).isZero(); // not a list item: the usual Home
  }

  @Test
  void endOnAListItemGoesToTheEndOfItsLine(FxRobot robot) throws Exception {
    open(robot, "");
    robot.write("1. one\ntwo");
    robot.interact(() -> area().moveTo(3));
    robot.type(KeyCode.END);
    robot.write("V");
    assertThat(text()).isEqualTo("1. oneV\n2. two");
    robot.interact(() -> area().moveTo(area().getLength() - 2));
    robot.type(KeyCode.END);
    robot.write("W");
    assertThat(text()).isEqualTo("1. oneV\n2. twoW");
    robot.interact(() -> area().replaceText("- three\n  - four\n> - five\n1. [ ] six"));
    for (String line : new String[] {"- three", "  - four", "> - five", "1. [ ] six"}) {
      int start = text().indexOf(line);
      robot.interact(() -> area().moveTo(start + line.length() - 2));
      robot.press(KeyCode.SHIFT, KeyCode.END).release(KeyCode.END, KeyCode.SHIFT);
      assertThat(fx(() -> area().getSelectedText()))
          .as(line)
          .isEqualTo(line.substring(line.length() - 2));
      robot.type(KeyCode.END);
      assertThat(fx(() -> area().getCaretPosition())).as(line).isEqualTo(start + line.length());
    }
  }

  @Test
  void endOnAWrappedLineGoesToTheScreenLinesEndThenToTheLinesEnd(FxRobot robot) throws Exception {
    String item = "- " + "the speaker's example goes one level below the claim ".repeat(12).strip();
    String plain = "plain " + "words that wrap over more than one screen line ".repeat(12).strip();
    open(robot, item + "\n" + plain);
    robot.interact(() -> area().setWrapText(true));
    for (String line : new String[] {item, plain}) {
      int start = text().indexOf(line);
      int content = line.startsWith("- ") ? 2 : 0;
      robot.interact(() -> area().moveTo(start + content + 3));
      int paragraph = fx(() -> area().getCurrentParagraph());
      waitUntil(() -> fx(() -> area().getParagraphLinesCount(paragraph)) > 2);

      robot.type(KeyCode.END);
      int screenLineEnd = fx(() -> area().getCaretPosition()) - start;
      assertThat(screenLineEnd).as(line).isBetween(content + 4, line.length() - 1);
      robot.type(KeyCode.END); // already at the screen line's end: to the end of the line
      assertThat(fx(() -> area().getCaretPosition()) - start).as(line).isEqualTo(line.length());
      robot.type(KeyCode.END);
      assertThat(fx(() -> area().getCaretPosition()) - start).as(line).isEqualTo(line.length());

      robot.type(KeyCode.HOME); // to the last screen line's start
      int screenLineStart = fx(() -> area().getCaretPosition()) - start;
      assertThat(screenLineStart).as(line).isBetween(screenLineEnd, line.length() - 1);
      double lastLineY = charOnScreen(robot, start + line.length() - 1).getMinY();
      assertThat(charOnScreen(robot, start + screenLineStart).getMinY())
          .as("%s: the caret's character on the last screen line", line)
          .isEqualTo(lastLineY);
      assertThat(charOnScreen(robot, start + screenLineStart - 1).getMinY())
          .as("%s: the one before it on the line above", line)
          .isLessThan(lastLineY);
      robot.type(KeyCode.HOME); // already there: to the start of the line's text
      assertThat(fx(() -> area().getCaretPosition()) - start).as(line).isEqualTo(content);

      // with Shift, the selection goes along
      robot.interact(() -> area().moveTo(start + content + 3));
      robot.press(KeyCode.SHIFT, KeyCode.END).release(KeyCode.END, KeyCode.SHIFT);
      robot.press(KeyCode.SHIFT, KeyCode.END).release(KeyCode.END, KeyCode.SHIFT);
      assertThat(fx(() -> area().getSelectedText()))
          .as(line)
          .isEqualTo(line.substring(content + 3));
    }
  }

  @Test
  void undoAfterFastTypingTakesBackNoMoreThanTheLastLine(FxRobot robot) throws Exception {
    open(robot, "");
    robot.write("line one is here\nline two is here\nline three");
    assertThat(text()).isEqualTo("line one is here\nline two is here\nline three");
    undo(robot);
    assertThat(text()).startsWith("line one is here\nline two is here\nline ");
    undo(robot);
    undo(robot);
    assertThat(text()).startsWith("line one is here\nline two is here");
  }

  @Test
  void tabOutsideListsAndCodeChangesNothingButInACodeBlockIndents(FxRobot robot) throws Exception {
    String note = "# Head\n\nplain\n\n```java\nint a;\n```\n";
    open(robot, note);
    for (String at : new String[] {"# Head", "Head", "plain", "ain", "\n\n```"}) {
      int offset = note.indexOf(at);
      robot.interact(() -> area().moveTo(offset));
      robot.type(KeyCode.TAB);
      assertThat(text()).as("Tab at " + at).isEqualTo(note);
    }
    robot.interact(() -> area().moveTo(note.indexOf("int")));
    robot.type(KeyCode.TAB);
    assertThat(text()).isEqualTo(note.replace("int a;", "\tint a;"));
  }

  @Test
  void ctrlTabAndCtrlShiftTabLeaveTheNotes(FxRobot robot) throws Exception {
    open(robot, "- item|\nplain");
    // Ctrl+Tab: to the next control, from which Shift+Tab comes back to the notes.
    robot.press(KeyCode.CONTROL, KeyCode.TAB).release(KeyCode.TAB, KeyCode.CONTROL);
    FxWait.untilFx("the focus out of the notes", () -> !area().isFocused());
    assertThat(text()).isEqualTo("- item\nplain");
    robot.press(KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT);
    FxWait.untilFx("the focus back in the notes", () -> area().isFocused());

    // Ctrl+Shift+Tab: up to the details' title, from which Tab takes the fields in reading order
    // and comes back to the notes after the last (DetailsKeptWindowTest checks the order).
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.TAB)
        .release(KeyCode.TAB, KeyCode.SHIFT, KeyCode.CONTROL);
    FxWait.untilFx("the focus out of the notes", () -> !area().isFocused());
    assertThat(text()).isEqualTo("- item\nplain");
    for (int i = 0; i < 12 && !fx(() -> area().isFocused()); i++) {
      robot.type(KeyCode.TAB);
    }
    FxWait.untilFx("the focus back in the notes", () -> area().isFocused());
    assertThat(text()).isEqualTo("- item\nplain");
    assertThat(fx(() -> area().getAccessibleHelp())).contains("Ctrl+Tab");
  }

  @Test
  void eachCommandIsOneUndoStep(FxRobot robot) throws Exception {
    open(robot, "1. a\n2. b|\n3. c");
    robot.write("b");
    robot.type(KeyCode.ENTER);
    assertThat(text()).isEqualTo("1. a\n2. bb\n3. \n4. c");
    undo(robot);
    assertThat(text()).isEqualTo("1. a\n2. bb\n3. c");
    undo(robot);
    assertThat(text()).isEqualTo("1. a\n2. b\n3. c");

    robot.interact(() -> area().moveTo(area().getText().indexOf("b") + 1));
    robot.type(KeyCode.TAB);
    assertThat(text()).isEqualTo("1. a\n   1. b\n2. c");
    robot.press(KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT);
    assertThat(text()).isEqualTo("1. a\n2. b\n3. c");
    undo(robot);
    assertThat(text()).isEqualTo("1. a\n   1. b\n2. c");
    undo(robot);
    assertThat(text()).isEqualTo("1. a\n2. b\n3. c");
  }

  @Test
  void altDownMovesAnItemWithItsChildren(FxRobot robot) throws Exception {
    open(robot, "- a|\n  - a1\n  - a2\n- b\n- c");
    robot.press(KeyCode.ALT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.ALT);
    assertThat(text()).isEqualTo("- b\n- a\n  - a1\n  - a2\n- c");
    assertThat(fx(() -> area().getCaretPosition())).isEqualTo("- b\n- a".length());
    robot.press(KeyCode.ALT, KeyCode.UP).release(KeyCode.UP, KeyCode.ALT);
    robot.press(KeyCode.ALT, KeyCode.UP).release(KeyCode.UP, KeyCode.ALT);
    assertThat(text()).isEqualTo("- a\n  - a1\n  - a2\n- b\n- c");
    undo(robot);
    assertThat(text()).isEqualTo("- b\n- a\n  - a1\n  - a2\n- c");
  }

  @Test
  void altUpOnAHeadingMovesItsSection(FxRobot robot) throws Exception {
    open(robot, "# Talk\n## Intro\nhello\n\n## Demo|\n- code\n");
    robot.press(KeyCode.ALT, KeyCode.UP).release(KeyCode.UP, KeyCode.ALT);
    assertThat(text()).isEqualTo("# Talk\n## Demo\n- code\n\n## Intro\nhello\n");
    undo(robot);
    assertThat(text()).isEqualTo("# Talk\n## Intro\nhello\n\n## Demo\n- code\n");
  }

  @Test
  void ctrlEnterTogglesATask(FxRobot robot) throws Exception {
    open(robot, "- [ ] slides|\n- [x] demo");
    robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
    assertThat(text()).isEqualTo("- [x] slides\n- [x] demo");
    robot.type(KeyCode.DOWN);
    robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
    assertThat(text()).isEqualTo("- [x] slides\n- [ ] demo");
    undo(robot);
    assertThat(text()).isEqualTo("- [x] slides\n- [x] demo");
    undo(robot);
    assertThat(text()).isEqualTo("- [ ] slides\n- [x] demo");
  }

  @Test
  void foldedChildrenAreHiddenButSavedAndKeptWhenTypingAndMoving(FxRobot robot) throws Exception {
    long id = open(robot, "- a|\n  - secret one\n  - secret two\n- b");
    robot.press(KeyCode.CONTROL, KeyCode.PERIOD).release(KeyCode.PERIOD, KeyCode.CONTROL);
    assertThat(fx(() -> area().isFolded(1))).isTrue();
    assertThat(fx(() -> area().isFolded(2))).isTrue();
    assertThat(fx(() -> area().isFolded(3))).isFalse();
    assertThat(fx(() -> folded(robot, 0))).isTrue();

    robot.write(" more");
    robot.press(KeyCode.ALT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.ALT);
    String expected = "- b\n- a more\n  - secret one\n  - secret two";
    assertThat(text()).isEqualTo(expected);
    assertThat(fx(() -> area().isFolded(2))).isTrue();
    assertThat(fx(() -> area().isFolded(3))).isTrue();

    robot.type(KeyCode.ENTER);
    assertThat(text()).isEqualTo(expected + "\n- ");
    assertThat(fx(() -> area().isFolded(4))).isFalse();
    robot.write("c");
    assertThat(fx(() -> area().getCurrentParagraph())).isEqualTo(4);

    waitUntil(() -> ui.window.openTalk().saveStateProperty().get() == SaveState.SAVED);
    waitUntil(() -> ui.notebook.talks().get(id).body().equals(expected + "\n- c"));

    robot.interact(() -> area().moveTo(1, 3));
    assertThat(fx(() -> area().isFolded(2))).isTrue();
    robot.press(KeyCode.CONTROL, KeyCode.PERIOD).release(KeyCode.PERIOD, KeyCode.CONTROL);
    assertThat(fx(() -> area().isFolded(2))).isFalse();
    assertThat(fx(() -> area().isFolded(3))).isFalse();
  }

  @Test
  void enterOnAFoldedHeadingStartsALineAfterItsSection(FxRobot robot) throws Exception {
    open(robot, "## A|\nhidden\n## B");
    robot.press(KeyCode.CONTROL, KeyCode.PERIOD).release(KeyCode.PERIOD, KeyCode.CONTROL);
    robot.type(KeyCode.ENTER);
    robot.write("new");
    // A blank line (folded with the section) keeps the new line out of the hidden paragraph.
    assertThat(text()).isEqualTo("## A\nhidden\n\nnew\n## B");
    assertThat(fx(() -> area().isFolded(1))).isTrue();
    assertThat(fx(() -> area().isFolded(2))).isTrue();
    assertThat(fx(() -> area().isFolded(3))).isFalse();
    assertThat(fx(() -> area().getCurrentParagraph())).isEqualTo(3);
    undo(robot);
    undo(robot);
    assertThat(text()).isEqualTo("## A\nhidden\n## B");
  }

  @Test
  void enterAtTheEndOfAFoldedHeadingKeepsTheNewLineOutOfItsLastItem(FxRobot robot)
      throws Exception {
    open(robot, "## A|\n- one\n- two\n\n## B");
    robot.press(KeyCode.CONTROL, KeyCode.PERIOD).release(KeyCode.PERIOD, KeyCode.CONTROL);
    robot.type(KeyCode.ENTER);
    robot.write("new");
    // Not "- two\nnew" (a lazy continuation: the new text would be part of the hidden item).
    assertThat(text()).isEqualTo("## A\n- one\n- two\n\nnew\n\n## B");
    assertThat(fx(() -> folded(robot, 0))).isTrue();
    assertThat(fx(() -> area().isFolded(3))).isTrue();
    assertThat(fx(() -> area().getCurrentParagraph())).isEqualTo(4);
    assertThat(fx(() -> area().isFolded(4))).isFalse();
    assertThat(gutterTextsBeside(4)).isEmpty();
  }

  @Test
  void enterAtTheEndOfAFoldedItemAddsASiblingAfterItsChildren(FxRobot robot) throws Exception {
    open(robot, "- a|\n  - secret one\n  - secret two\n- b");
    robot.press(KeyCode.CONTROL, KeyCode.PERIOD).release(KeyCode.PERIOD, KeyCode.CONTROL);
    robot.type(KeyCode.ENTER);
    robot.write("x");
    assertThat(text()).isEqualTo("- a\n  - secret one\n  - secret two\n- x\n- b");
    assertThat(fx(() -> folded(robot, 0))).isTrue();
    assertThat(fx(() -> area().getCurrentParagraph())).isEqualTo(3);
    assertThat(fx(() -> area().isFolded(3))).isFalse();
    // Beside the new item its own bullet, and nothing of the hidden items.
    FxWait.untilFx("the new item's bullet", () -> !gutterTexts(3).isEmpty());
    assertThat(gutterTextsBeside(3)).containsExactly("-");
  }

  @Test
  void aFoldedSectionLeavesNothingDrawnUnderItsLine(FxRobot robot) throws Exception {
    open(robot, "## A|\n- one\n- two\n\n## B");
    robot.interact(
        () -> ((javafx.scene.control.CheckMenuItem) ui.action("Line numbers")).setSelected(true));
    robot.press(KeyCode.CONTROL, KeyCode.PERIOD).release(KeyCode.PERIOD, KeyCode.CONTROL);
    robot.type(KeyCode.DOWN);
    assertThat(fx(() -> area().getCurrentParagraph())).isEqualTo(3);
    robot.write("x");
    assertThat(text()).isEqualTo("## A\n- one\n- two\nx\n## B");
    assertThat(fx(() -> area().isFolded(3))).isFalse();
    assertThat(fx(() -> folded(robot, 0))).isTrue();
    // The line under the fold shows its own number only: no bullets or numbers of hidden lines.
    FxWait.untilFx("the line's number", () -> !gutterTexts(3).isEmpty());
    assertThat(gutterTextsBeside(3)).containsExactly("4");
  }

  @Test
  void theCaretNeverRestsInAFoldAtTheEnd(FxRobot robot) throws Exception {
    open(robot, "## A|\n- one\n- two");
    robot.press(KeyCode.CONTROL, KeyCode.PERIOD).release(KeyCode.PERIOD, KeyCode.CONTROL);
    robot.press(KeyCode.CONTROL, KeyCode.END).release(KeyCode.END, KeyCode.CONTROL);
    assertThat(fx(() -> area().getCurrentParagraph())).isZero();
    assertThat(fx(() -> area().getCaretColumn())).isEqualTo(4);
    robot.type(KeyCode.HOME);
    robot.type(KeyCode.DOWN);
    assertThat(fx(() -> area().getCurrentParagraph())).isZero();
    // A click below the last line lands at the end of the last line shown.
    robot.type(KeyCode.HOME);
    javafx.geometry.Bounds editor = fx(() -> area().localToScreen(area().getLayoutBounds()));
    robot.clickOn(editor.getMinX() + editor.getWidth() / 2, editor.getMaxY() - 20);
    assertThat(fx(() -> area().getCurrentParagraph())).isZero();
    assertThat(fx(() -> area().getCaretColumn())).isEqualTo(4);
    robot.write("!");
    assertThat(text()).isEqualTo("## A!\n- one\n- two");
    assertThat(fx(() -> folded(robot, 0))).isTrue();
  }

  @Test
  void downAndUpStepOverAFold(FxRobot robot) throws Exception {
    open(robot, "## A|\nhidden one\nhidden two\n## B");
    robot.press(KeyCode.CONTROL, KeyCode.PERIOD).release(KeyCode.PERIOD, KeyCode.CONTROL);
    robot.type(KeyCode.DOWN);
    assertThat(fx(() -> area().getCurrentParagraph())).isEqualTo(3);
    robot.type(KeyCode.UP);
    assertThat(fx(() -> area().getCurrentParagraph())).isZero();
    robot.type(KeyCode.DOWN);
    robot.write("x");
    assertThat(text()).isEqualTo("## A\nhidden one\nhidden two\n## Bx");
    assertThat(fx(() -> folded(robot, 0))).isTrue();
  }

  @Test
  void deleteAtTheEndOfAFoldedLineOpensTheFold(FxRobot robot) throws Exception {
    open(robot, "# A|\ntext\nmore\n# B");
    robot.press(KeyCode.CONTROL, KeyCode.PERIOD).release(KeyCode.PERIOD, KeyCode.CONTROL);
    robot.type(KeyCode.DELETE);
    assertThat(text()).isEqualTo("# Atext\nmore\n# B");
    waitUntil(() -> fx(this::foldedLines) == 0);
    assertThat(fx(() -> area().getCaretPosition())).isEqualTo(3);
  }

  @Test
  void textPutIntoHiddenLinesOpensTheirFold(FxRobot robot) throws Exception {
    open(robot, "# A|\ntext\nmore\n# B");
    robot.press(KeyCode.CONTROL, KeyCode.PERIOD).release(KeyCode.PERIOD, KeyCode.CONTROL);
    robot.interact(() -> area().insertText("# A\ntext\nmo".length(), "X"));
    assertThat(text()).isEqualTo("# A\ntext\nmoXre\n# B");
    waitUntil(() -> fx(this::foldedLines) == 0);
  }

  @Test
  void foldingIsNoUndoStepAndBackspaceIntoAFoldOpensIt(FxRobot robot) throws Exception {
    open(robot, "# A|\ntext\n# B");
    robot.write("!");
    robot.press(KeyCode.CONTROL, KeyCode.PERIOD).release(KeyCode.PERIOD, KeyCode.CONTROL);
    assertThat(fx(() -> area().isFolded(1))).isTrue();
    undo(robot);
    assertThat(text()).isEqualTo("# A\ntext\n# B");
    assertThat(fx(() -> area().isFolded(1))).isTrue();

    robot.interact(() -> area().moveTo(2, 0));
    robot.type(KeyCode.BACK_SPACE);
    assertThat(text()).isEqualTo("# A\ntext# B");
    assertThat(fx(() -> area().isFolded(1))).isFalse();
  }

  @Test
  void aTenThousandLineOutlineTakesEveryCommandInTheMiddle(FxRobot robot) throws Exception {
    StringBuilder body = new StringBuilder();
    for (int section = 0; section < 100; section++) {
      body.append("## Part ").append(section).append('\n');
      for (int item = 0; item < 33; item++) {
        body.append("- point ").append(section).append('.').append(item).append('\n');
        body.append("  - detail\n  - more\n");
      }
    }
    String notes = body.toString();
    assertThat(notes.lines().count()).isGreaterThanOrEqualTo(10_000);
    open(robot, notes);
    int at =
        fx(
            () -> {
              int line = 5_000;
              while (!area().getParagraph(line).getText().startsWith("- ")) {
                line++;
              }
              return line;
            });
    robot.interact(() -> area().moveTo(at, area().getParagraphLength(at)));
    // Each command as its key reaches the editor (through the outliner's input map).
    var commands =
        java.util.List.<java.util.Map.Entry<String, KeyEvent>>of(
            java.util.Map.entry("enter", key(KeyCode.ENTER, false, false, false)),
            java.util.Map.entry("tab", key(KeyCode.TAB, false, false, false)),
            java.util.Map.entry("shift-tab", key(KeyCode.TAB, false, true, false)),
            java.util.Map.entry("alt-up", key(KeyCode.UP, false, false, true)),
            java.util.Map.entry("alt-down", key(KeyCode.DOWN, false, false, true)),
            java.util.Map.entry("ctrl-enter", key(KeyCode.ENTER, true, false, false)),
            java.util.Map.entry("ctrl-period", key(KeyCode.PERIOD, true, false, false)));
    java.util.Map<String, java.util.List<Double>> times = new java.util.LinkedHashMap<>();
    for (int round = 0; round < 3; round++) {
      int from = at + 30 * round;
      robot.interact(
          () -> {
            int l = from;
            while (!area().getParagraph(l).getText().startsWith("- point")) {
              l++;
            }
            area().moveTo(l, area().getParagraphLength(l));
          });
      for (var command : commands) {
        robot.interact(
            () -> {
              String text = area().getText();
              int caret = area().getCaretPosition();
              int folded = foldedLines();
              long start = System.nanoTime();
              javafx.event.Event.fireEvent(area(), command.getValue().copyFor(area(), area()));
              times
                  .computeIfAbsent(command.getKey(), k -> new java.util.ArrayList<>())
                  .add((System.nanoTime() - start) / 1e6);
              assertThat(
                      !area().getText().equals(text)
                          || area().getCaretPosition() != caret
                          || foldedLines() != folded)
                  .as(command.getKey() + " did something")
                  .isTrue();
            });
      }
      robot.interact(
          () -> {
            long start = System.nanoTime();
            area().insertText(area().getCaretPosition(), "x");
            times
                .computeIfAbsent("typing a character", k -> new java.util.ArrayList<>())
                .add((System.nanoTime() - start) / 1e6);
            area().deletePreviousChar();
          });
    }
    StringBuilder report = new StringBuilder();
    times.forEach(
        (name, ms) ->
            report.append(
                String.format(
                    " %s %.1f ms;", name, ms.stream().sorted().toList().get(ms.size() / 2))));
    System.out.println("median on a 10,000-line outline, FX thread:" + report);
    int header = fx(() -> area().getCurrentParagraph());
    assertThat(fx(() -> folded(robot, header))).isTrue();
    assertThat(fx(() -> area().getParagraph(header).getText())).startsWith("- [");
    assertThat(text().length()).isGreaterThan(notes.length());
  }

  private static KeyEvent key(KeyCode code, boolean shortcut, boolean shift, boolean alt) {
    return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, shift, shortcut, alt, false);
  }

  private int foldedLines() {
    int n = 0;
    for (int p = 0; p < area().getParagraphs().size(); p++) {
      if (area().isFolded(p)) {
        n++;
      }
    }
    return n;
  }

  /**
   * The texts drawn in the editor's gutter (line numbers, list bullets shown beside the text) on
   * line {@code p}'s row: its own, and any that a hidden line left there. Call on the FX thread.
   */
  private List<String> gutterTexts(int p) {
    int row = area().allParToVisibleParIndex(p).orElseThrow();
    javafx.geometry.Bounds line = area().getVisibleParagraphBoundsOnScreen(row);
    List<String> drawn = new ArrayList<>();
    List<javafx.scene.Node> texts = new ArrayList<>(robot.lookup(".tb-lineno .text").queryAll());
    texts.addAll(robot.lookup(".tb-hang-prefix .text").queryAll());
    for (javafx.scene.Node n : texts) {
      boolean visible = n.getScene() != null;
      for (javafx.scene.Node up = n; up != null && visible; up = up.getParent()) {
        visible = up.isVisible();
      }
      String shown = n instanceof javafx.scene.text.Text t ? t.getText().strip() : "";
      javafx.geometry.Bounds at = n.localToScreen(n.getBoundsInLocal());
      if (visible
          && !shown.isEmpty()
          && at != null
          && at.getCenterY() > line.getMinY()
          && at.getCenterY() < line.getMaxY()) {
        drawn.add(shown);
      }
    }
    return drawn;
  }

  /** {@link #gutterTexts}, read on the FX thread. */
  private List<String> gutterTextsBeside(int p) throws Exception {
    return fx(() -> gutterTexts(p));
  }

  /** Whether paragraph {@code p} is a fold: shown, with hidden lines after it. */
  private boolean folded(FxRobot robot, int p) {
    return p + 1 < area().getParagraphs().size() && !area().isFolded(p) && area().isFolded(p + 1);
  }

  @Test
  void theOutlineMenuIsInTheCommandPalette(FxRobot robot) throws Exception {
    assertThat(ui.window.actions().stream().map(dev.talkbook.ui.palette.MenuActions::label))
        .contains(
            "Indent item",
            "Outdent item",
            "Move item or section up",
            "Move item or section down",
            "Fold or unfold",
            "Toggle task");
  }
}
