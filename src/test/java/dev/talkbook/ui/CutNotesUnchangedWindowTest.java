package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Talk;
import java.nio.file.Files;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Notes shown cut are read-only: typing was refused, but a replace in the find bar, Link to talk
 * and Attach file still put their text into them, where it showed and was never saved (the edits of
 * notes shown cut are not their notes), an attached file stored with no link to it. They now leave
 * such notes as they are and say why.
 */
class CutNotesUnchangedWindowTest extends RealWindowTest {

  @Test
  void replaceLinkAndAttachLeaveNotesShownCutAsTheyAre(FxRobot robot) throws Exception {
    Talk before = ui.openNewTalk(robot, "Before", "# Before\n");
    String note = "# Cut\n\n" + "**b** ".repeat(200) + "\n\none cat\n";
    Talk cut = ui.notebook.talks().create(before.eventId(), Talk.Details.titled("Cut"), note);
    ui.reloadTree(robot);
    robot.interact(() -> ui.window.open(cut.id(), List.of()));
    CodeArea notes = WindowUnderTest.editor(robot);
    FxWait.untilFx(
        "the notes shown cut",
        () -> notes.getText(0).equals("# Cut") && notes.getText(2).contains(" more characters"));
    assertThat(FxWait.onFx(notes::isEditable)).isFalse();
    String shown = FxWait.onFx(() -> notes.getText());

    // Replace: Enter in the replace field with a match selected.
    robot.interact(notes::requestFocus);
    robot.press(KeyCode.CONTROL, KeyCode.H).release(KeyCode.H, KeyCode.CONTROL);
    TextField find = robot.lookup("#find-field").queryAs(TextField.class);
    FxWait.untilFx("the find field focused", find::isFocused);
    robot.write("cat");
    FxWait.untilFx("the match selected", () -> notes.getSelectedText().equals("cat"));
    robot.interact(() -> robot.lookup("#replace-field").queryAs(TextField.class).requestFocus());
    robot.write("dog");
    robot.type(KeyCode.ENTER);
    ui.idle();
    assertThat(FxWait.onFx(() -> notes.getText())).as("after Replace").isEqualTo(shown);
    assertThat(FxWait.onFx(() -> robot.lookup("#replace-all").queryAs(Node.class).isDisabled()))
        .isTrue();
    robot.type(KeyCode.ESCAPE);

    // Link to talk (Ctrl+K).
    robot.interact(notes::requestFocus);
    robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
    Label notice = robot.lookup("#notice").queryAs(Label.class);
    FxWait.untilFx("Link to talk refused", () -> notice.getText().contains("no link was added"));
    assertThat(robot.lookup("#picker-filter").tryQuery().filter(Node::isVisible)).isEmpty();

    // Attach file (Ctrl+Shift+K).
    ui.toAttach = List.of(Files.writeString(dir.resolve("slides.txt"), "the slides"));
    robot.interact(notes::requestFocus);
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.K)
        .release(KeyCode.K, KeyCode.SHIFT, KeyCode.CONTROL);
    FxWait.until("the chooser asked for", () -> ui.attachAsked.get() == 1);
    FxWait.untilFx("Attach refused", () -> notice.getText().contains("1 file not attached"));
    ui.idle();
    assertThat(FxWait.onFx(() -> notes.getText())).as("after Attach").isEqualTo(shown);
    assertThat(ui.notebook.attachments().of(cut.id())).isEmpty();
    assertThat(ui.notebook.talks().get(cut.id()).body()).isEqualTo(note);
  }

  /**
   * A search hit in notes shown cut was selected at its offset in the whole notes, in the cut text:
   * a line cut above it moved it, so the selection landed elsewhere ("one cat" after a line of 200
   * strong spans selected none of "cat"). It is selected where it is shown now; a hit in the part
   * of a line not shown selects the marker that stands for it, and the status bar says so.
   */
  @Test
  void aSearchHitInNotesShownCutIsSelectedWhereItIsShown(FxRobot robot) throws Exception {
    Talk before = ui.openNewTalk(robot, "Before", "# Before\n");
    String note = "# Cut\n\n" + "**b** ".repeat(200) + "hidden\n\none cat\n";
    Talk cut = ui.notebook.talks().create(before.eventId(), Talk.Details.titled("Cut"), note);
    ui.reloadTree(robot);
    robot.interact(() -> ui.window.open(cut.id(), List.of("cat")));
    CodeArea notes = WindowUnderTest.editor(robot);
    FxWait.untilFx(
        "the notes shown cut",
        () -> notes.getText(0).equals("# Cut") && notes.getText(2).contains(" more characters"));
    FxWait.untilFx("the hit selected", () -> notes.getSelectedText().equals("cat"));
    assertThat(FxWait.onFx(() -> notes.getCaretSelectionBind().getParagraphIndex())).isEqualTo(4);

    robot.interact(() -> ui.window.open(before.id(), List.of()));
    FxWait.untilFx("the other talk open", () -> notes.getText(0).equals("# Before"));
    robot.interact(() -> ui.window.open(cut.id(), List.of("hidden")));
    FxWait.untilFx(
        "the marker of the part not shown selected",
        () ->
            notes.getSelectedText().startsWith(" … ") && notes.getSelectedText().contains("more"));
    Label notice = robot.lookup("#notice").queryAs(Label.class);
    FxWait.untilFx(
        "the status bar saying where the hit is",
        () -> notice.getText().contains("in the part of a line not shown"));
  }
}
