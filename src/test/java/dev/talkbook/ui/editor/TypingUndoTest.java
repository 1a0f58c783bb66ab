package dev.talkbook.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.ui.FxWait;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What is typed without a pause is undone in one step; a pause of {@link TypingUndo#PAUSE} or more
 * starts the next step. The clock is the test's: no waiting.
 */
@ExtendWith(ApplicationExtension.class)
class TypingUndoTest {
  private static final long MS = 1_000_000;

  private final AtomicLong now = new AtomicLong(1_000 * MS);

  @Start
  void start(Stage stage) {
    stage.setScene(new Scene(new javafx.scene.layout.StackPane(), 200, 100));
  }

  private CodeArea area() throws Exception {
    return FxWait.onFx(
        () -> {
          CodeArea area = new CodeArea("start ");
          TypingUndo.install(area, now::get);
          return area;
        });
  }

  /** Types {@code text} at the end, {@code afterMs} after the previous change. */
  private void type(CodeArea area, String text, long afterMs) throws Exception {
    now.addAndGet(afterMs * MS);
    FxWait.onFx(
        () -> {
          area.appendText(text);
          return null;
        });
  }

  private String undo(CodeArea area) throws Exception {
    return FxWait.onFx(
        () -> {
          area.undo();
          return area.getText();
        });
  }

  @Test
  void keysTypedWithoutAPauseAreUndoneTogether() throws Exception {
    CodeArea area = area();
    type(area, "a", 0);
    type(area, "b", 100);
    type(area, "c", TypingUndo.PAUSE.toMillis() - 1);

    assertThat(undo(area)).isEqualTo("start ");
    assertThat(FxWait.onFx(area::isUndoAvailable)).isFalse();
  }

  @Test
  void aPauseStartsTheNextStep() throws Exception {
    CodeArea area = area();
    type(area, "one", 0);
    type(area, " two", 100);
    type(area, " three", TypingUndo.PAUSE.toMillis());
    type(area, " four", 50);

    assertThat(undo(area)).isEqualTo("start one two");
    assertThat(undo(area)).isEqualTo("start ");
    FxWait.onFx(
        () -> {
          area.redo();
          return null;
        });
    assertThat(FxWait.onFx(() -> area.getText())).isEqualTo("start one two");
  }

  /** Types {@code text} at the end a key at a time, {@code msApart} between the keys. */
  private void typeKeys(CodeArea area, String text, long msApart) throws Exception {
    for (char c : text.toCharArray()) {
      type(area, String.valueOf(c), msApart);
    }
  }

  @Test
  void eachLineTypedWithoutAPauseIsUndoneOnItsOwn() throws Exception {
    CodeArea area = area();
    typeKeys(area, "one\ntwo\nthree", 30);

    assertThat(undo(area)).isEqualTo("start one\ntwo\n");
    assertThat(undo(area)).isEqualTo("start one\ntwo");
    assertThat(undo(area)).isEqualTo("start one\n");
    assertThat(undo(area)).isEqualTo("start one");
    assertThat(undo(area)).isEqualTo("start ");
  }

  @Test
  void eachWordTypedWithoutAPauseIsUndoneOnItsOwn() throws Exception {
    CodeArea area = area();
    typeKeys(area, "line one  is", 30);
    now.addAndGet(30 * MS);
    FxWait.onFx(
        () -> {
          area.deleteText(area.getLength() - 1, area.getLength()); // Backspace: no new word
          return null;
        });

    assertThat(undo(area)).isEqualTo("start line one  ");
    assertThat(undo(area)).isEqualTo("start line ");
    assertThat(undo(area)).isEqualTo("start ");
  }

  @Test
  void aPastedLineBreakStartsAStep() throws Exception {
    CodeArea area = area();
    type(area, "a", 0);
    type(area, "pasted\ntext", 10);

    assertThat(undo(area)).isEqualTo("start a");
  }

  @Test
  void aChangeTheEditorSeparatesStaysSeparateWithoutAPause() throws Exception {
    CodeArea area = area();
    type(area, "a", 0);
    FxWait.onFx(
        () -> {
          area.getUndoManager().preventMerge(); // as the outliner's commands do
          return null;
        });
    type(area, "b", 10);

    assertThat(undo(area)).isEqualTo("start a");
  }

  private static final String NOTES = "# Live coding\n\nWithout fear.\n\n- one\n- two\n";

  private CodeArea notes() throws Exception {
    return FxWait.onFx(
        () -> {
          CodeArea area = new CodeArea(NOTES);
          TypingUndo.install(area, now::get);
          return area;
        });
  }

  /** Ctrl+A and a key: the whole text replaced by {@code key}. */
  private void typeOverAll(CodeArea area, String key) throws Exception {
    now.addAndGet(TypingUndo.PAUSE.toMillis() * 2 * MS);
    FxWait.onFx(
        () -> {
          area.replaceText(0, area.getLength(), key);
          return null;
        });
  }

  /**
   * Ctrl+A and typing (a snippet meant for the REPL) replaced the whole notes, and it took about 40
   * Ctrl+Z, a word or a line at a time, to get them back: typing over a selection of lines, and
   * what is typed on in its place without a pause (lines, words, inside brackets), is one step.
   * What comes after a pause is a step of its own.
   */
  @Test
  void typingOverASelectionOfLinesIsUndoneInOneStep() throws Exception {
    CodeArea area = notes();
    typeOverAll(area, "l");
    typeKeys(area, "ong n = 0;\nwhile (true) n++; f()", 30);
    now.addAndGet(30 * MS);
    FxWait.onFx(
        () -> {
          area.insertText(area.getLength() - 1, "x"); // inside the brackets
          return null;
        });
    String burst = "long n = 0;\nwhile (true) n++; f(x)";
    type(area, " // more", TypingUndo.PAUSE.toMillis() * 3);
    assertThat(FxWait.onFx(() -> area.getText())).isEqualTo(burst + " // more");

    assertThat(undo(area)).isEqualTo(burst);
    assertThat(undo(area)).isEqualTo(NOTES);
    FxWait.onFx(
        () -> {
          area.redo();
          return null;
        });
    assertThat(FxWait.onFx(() -> area.getText())).isEqualTo(burst);
  }

  /**
   * After Ctrl+A the range typed over is the whole note, so it never ended: one Ctrl+Z took back
   * everything written since. A pause ends the step.
   */
  @Test
  void aPauseAfterTypingOverAllEndsTheStep() throws Exception {
    CodeArea area = notes();
    typeOverAll(area, "x");
    type(area, " word", TypingUndo.PAUSE.toMillis() * 3);

    assertThat(undo(area)).isEqualTo("x");
    assertThat(undo(area)).isEqualTo(NOTES);
  }

  /** An undo ends the step typed over a selection: what is typed next follows the usual rules. */
  @Test
  void typingAfterAnUndoOfTypingOverAllKeepsTheUsualSteps() throws Exception {
    CodeArea area = notes();
    typeOverAll(area, "x");
    typeKeys(area, "yz", 30);
    now.addAndGet(30 * MS);
    assertThat(undo(area)).isEqualTo(NOTES);
    typeKeys(area, "one\ntwo", 30);

    assertThat(undo(area)).isEqualTo(NOTES + "one\n");
  }

  @Test
  void anEditElsewhereAfterTypingOverASelectionIsAStepOfItsOwn() throws Exception {
    CodeArea area = notes();
    int from = NOTES.indexOf("Without");
    int to = NOTES.indexOf("- two");
    now.addAndGet(TypingUndo.PAUSE.toMillis() * 2 * MS);
    FxWait.onFx(
        () -> {
          area.replaceText(from, to, "x"); // two paragraphs selected, "x" typed
          return null;
        });
    now.addAndGet(30 * MS);
    FxWait.onFx(
        () -> {
          area.insertText(0, "Talk: "); // before it: the caret went elsewhere
          return null;
        });
    String replaced = NOTES.substring(0, from) + "x" + NOTES.substring(to);

    assertThat(undo(area)).isEqualTo(replaced);
    assertThat(undo(area)).isEqualTo(NOTES);
  }

  @Test
  void typingOverPartOfALineKeepsTheUsualSteps() throws Exception {
    CodeArea area = area();
    type(area, "one", 0);
    now.addAndGet(TypingUndo.PAUSE.toMillis() * MS);
    FxWait.onFx(
        () -> {
          area.replaceText(0, 5, "S"); // "start" selected, "S" typed
          return null;
        });
    now.addAndGet(TypingUndo.PAUSE.toMillis() * MS);
    FxWait.onFx(
        () -> {
          area.insertText(1, "tart"); // on after a pause: a step of its own
          return null;
        });

    assertThat(undo(area)).isEqualTo("S one");
    assertThat(undo(area)).isEqualTo("start one");
  }
}
