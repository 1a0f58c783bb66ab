package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Edit → Attach file… (Ctrl+Shift+K): the keyboard's way to attach a file, which before could only
 * be dropped or pasted. The file goes the way a drop's does: stored with the talk, linked at the
 * caret.
 */
class AttachFileWindowTest extends RealWindowTest {

  @Test
  void ctrlShiftKInTheNotesAttachesTheChosenFileAtTheCaret(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Loom", "before\n");
    Path file = Files.writeString(dir.resolve("slides.txt"), "the slides");
    ui.toAttach = List.of(file);
    robot.interact(
        () -> {
          WindowUnderTest.editor(robot).requestFocus();
          WindowUnderTest.editor(robot).moveTo(WindowUnderTest.editor(robot).getLength());
        });
    FxWait.untilFx(
        "the notes to have the keyboard", () -> WindowUnderTest.editor(robot).isFocused());

    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.K)
        .release(KeyCode.K, KeyCode.SHIFT, KeyCode.CONTROL);

    FxWait.untilFx(
        "the file's link in the notes",
        () ->
            WindowUnderTest.editorText(robot)
                .matches("(?s)before\n\\[slides\\.txt]\\(attachment:.*\\)"));
    assertThat(ui.attachAsked.get()).isEqualTo(1);
    FxWait.untilFx(
        "the keyboard back in the notes", () -> WindowUnderTest.editor(robot).isFocused());
  }

  @Test
  void thePaletteFindsAttachFile(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Loom", "notes\n");
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P)
        .release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
    FxWait.shown(robot, "#picker-filter");
    robot.write("attach");
    FxWait.untilFx(
        "Attach file… offered",
        () ->
            robot.lookup("#picker-list").queryAs(ListView.class).getItems().stream()
                .map(e -> ((dev.talkbook.ui.palette.PaletteEntry<?>) e).label())
                .findFirst()
                .filter("Attach file…"::equals)
                .isPresent());
    robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
    FxWait.until("the chooser asked for", () -> ui.attachAsked.get() == 1);
    assertThat(robot.lookup("#picker-filter").tryQuery().filter(Node::isVisible)).isEmpty();
  }
}
