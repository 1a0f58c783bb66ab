package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Go → Go to outline (Ctrl+Shift+O): from the notes into the outline, on the caret's heading (it
 * took 8 × Ctrl+Tab); the key again, or Esc, goes back to the notes with the caret where it was.
 */
class OutlineKeyWindowTest extends RealWindowTest {
  private static final String NOTES = "# Loom\nvirtual threads\n\n# Panama\nforeign memory\n";

  private static void ctrlShiftO(FxRobot robot) {
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.O)
        .release(KeyCode.O, KeyCode.SHIFT, KeyCode.CONTROL);
  }

  @SuppressWarnings("unchecked")
  private static TreeView<dev.talkbook.core.markdown.Outline.Entry> outline(FxRobot robot) {
    return robot.lookup("#outline").queryAs(TreeView.class);
  }

  @Test
  void ctrlShiftOGoesToTheCaretsHeadingAndBackKeepingTheCaret(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "JVM news", NOTES);
    CodeArea notes = WindowUnderTest.editor(robot);
    int caret = NOTES.indexOf("foreign") + 3;
    robot.interact(
        () -> {
          notes.requestFocus();
          notes.moveTo(caret);
        });
    FxWait.shown(robot, "#outline");
    FxWait.untilFx(
        "the outline on the caret's heading",
        () -> {
          var selected = outline(robot).getSelectionModel().getSelectedItem();
          return selected != null && selected.getValue().text().equals("Panama");
        });

    ctrlShiftO(robot);
    FxWait.untilFx("the outline to have the keyboard", () -> outline(robot).isFocused());
    assertThat(
            FxWait.onFx(
                () -> outline(robot).getSelectionModel().getSelectedItem().getValue().text()))
        .isEqualTo("Panama");

    ctrlShiftO(robot); // again: back
    FxWait.untilFx("the notes to have the keyboard", notes::isFocused);
    assertThat(FxWait.<Integer>onFx(notes::getCaretPosition)).isEqualTo(caret);

    ctrlShiftO(robot);
    FxWait.untilFx("the outline to have the keyboard", () -> outline(robot).isFocused());
    robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE); // Esc: back too
    FxWait.untilFx("the notes to have the keyboard", notes::isFocused);
    assertThat(FxWait.<Integer>onFx(notes::getCaretPosition)).isEqualTo(caret);
  }

  /**
   * The outline is made after the notes are shown, and the caret the last start left is put back
   * before that: the outline selected the first heading (under load, also the caret moved at once
   * after opening a talk).
   */
  @Test
  void afterARestartTheOutlineSelectsTheHeadingOfTheCaretPutBack(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "JVM news", NOTES);
    CodeArea notes = WindowUnderTest.editor(robot);
    int caret = NOTES.indexOf("foreign") + 3;
    robot.interact(
        () -> {
          notes.requestFocus();
          notes.moveTo(caret);
        });
    robot.interact(() -> ui.window.close());
    robot.interact(() -> ui.show());
    FxWait.untilFx(
        "the notes with the caret put back",
        () ->
            WindowUnderTest.editorText(robot).equals(NOTES)
                && WindowUnderTest.editor(robot).getCaretPosition() == caret);
    FxWait.shown(robot, "#outline");
    FxWait.untilFx(
        "the outline on the caret's heading",
        () -> {
          var selected = outline(robot).getSelectionModel().getSelectedItem();
          return selected != null && selected.getValue().text().equals("Panama");
        });
  }

  @Test
  void theShortcutsListNamesTheOutlinesKey(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "JVM news", NOTES);
    var item = FxWait.onFx(() -> ui.action("Go to outline"));
    assertThat(FxWait.onFx(() -> item.getAccelerator().getDisplayText()))
        .isIn("Ctrl+Shift+O", "Shift+Ctrl+O");
  }
}
