package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;

/**
 * Edit → Rename tag…: a tester found no way to rename a tag but editing each talk. The dialog says
 * how many talks carry the tag and that a name of another tag merges the two; Ctrl+Z gives every
 * talk its old tag back in one step, also from the notes the dialog hands the keyboard back to.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TagRenameWindowTest extends RealWindowTest {

  private Talk tagged(Event event, String title, String... tags) {
    return ui.notebook
        .talks()
        .create(event.id(), Talk.Details.titled(title).withTags(List.of(tags)), "");
  }

  private List<String> tagsOf(Talk talk) {
    return ui.notebook.talks().get(talk.id()).details().tags();
  }

  private static TextField field(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(TextField.class);
  }

  @Test
  void aTagRenamedFromTheMenuIsRenamedOnEveryTalkAndCtrlZInTheNotesGivesItBack(FxRobot robot)
      throws Exception {
    Talk open = ui.openNewTalk(robot, "Interop", "# Interop\n");
    ui.notebook.talks().update(open.id(), open.details().withTags(List.of("kotlin", "java")));
    Event event = ui.notebook.events().get(open.eventId());
    Talk other = tagged(event, "Coroutines", "kotlin");
    ui.reload(robot);
    FxWait.untilFx(
        "the tags shown", () -> field(robot, "#detail-tags").getText().equals("kotlin, java"));
    FxWait.clickOn(robot, "#editor");
    robot.interact(
        () -> WindowUnderTest.editor(robot).moveTo(WindowUnderTest.editor(robot).getLength()));
    robot.write("typed");
    FxWait.untilFx("typed", () -> WindowUnderTest.editorText(robot).endsWith("typed"));

    ui.fire(robot, "Rename tag…");

    FxWait.shown(robot, "#rename-tag-to");
    assertThat(FxWait.onFx(() -> robot.lookup("#rename-tag-says").queryAs(Label.class).getText()))
        .isEqualTo("“kotlin” is on 2 talks.");
    // the field holds the open talk's first tag, selected: typed over
    FxWait.untilFx(
        "the new name's field focused", () -> field(robot, "#rename-tag-to").isFocused());
    // (the headless robot types no capitals: the selection replaced as typing does)
    assertThat(FxWait.onFx(() -> field(robot, "#rename-tag-to").getSelectedText()))
        .isEqualTo("kotlin");
    robot.interact(() -> field(robot, "#rename-tag-to").replaceSelection("Kotlin"));
    FxWait.clickOn(robot, ".dialog-pane .button", "Rename");
    FxWait.until("renamed on both talks", () -> tagsOf(other).equals(List.of("Kotlin")));
    assertThat(tagsOf(open)).containsExactly("Kotlin", "java");
    FxWait.untilFx(
        "the open talk's tags follow",
        () -> field(robot, "#detail-tags").getText().equals("Kotlin, java"));
    FxWait.untilFx(
        "said with Undo",
        () ->
            robot.lookup("#undo-notice").query().isVisible()
                && robot
                    .lookup("#notice")
                    .queryAs(Label.class)
                    .getText()
                    .equals("Renamed the tag “kotlin” to “Kotlin” on 2 talks."));
    FxWait.untilFx(
        "the keyboard back in the notes",
        () -> ui.stage.getScene().getFocusOwner() == WindowUnderTest.editor(robot));

    robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);

    FxWait.until("the old tag back on both", () -> tagsOf(other).equals(List.of("kotlin")));
    assertThat(tagsOf(open)).containsExactly("kotlin", "java");
    FxWait.untilFx(
        "the open talk's tags follow back",
        () -> field(robot, "#detail-tags").getText().equals("kotlin, java"));
    assertThat(WindowUnderTest.editorText(robot)).endsWith("typed"); // the typing is kept
  }

  /**
   * Only the menu's rename claims the notes' Ctrl+Z: an offer that lands after the typing from
   * elsewhere (a details save's "Tag … is now spelled …" on the notebook thread, a title renamed in
   * the navigator) is left to its Undo button, and Ctrl+Z in the notes undoes their typing.
   */
  @Test
  void anotherOfferNewerThanTheNotesTypingIsNotTakenByCtrlZInTheNotes(FxRobot robot)
      throws Exception {
    ui.openNewTalk(robot, "Interop", "# Interop\n");
    FxWait.clickOn(robot, "#editor");
    robot.interact(
        () -> WindowUnderTest.editor(robot).moveTo(WindowUnderTest.editor(robot).getLength()));
    robot.write("typed");
    FxWait.untilFx("typed", () -> WindowUnderTest.editorText(robot).endsWith("typed"));
    java.util.concurrent.atomic.AtomicBoolean undone =
        new java.util.concurrent.atomic.AtomicBoolean();
    // as the details' tag respelling offers it, from a save that the notebook thread finished late
    robot.interact(
        () ->
            ui.window
                .statusBar()
                .offerUndo("Tag “gc” is now spelled “GC” on every talk.", () -> undone.set(true)));
    FxWait.untilFx(
        "the keyboard in the notes",
        () -> ui.stage.getScene().getFocusOwner() == WindowUnderTest.editor(robot));

    robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);

    FxWait.untilFx("the typing undone", () -> !WindowUnderTest.editorText(robot).contains("typed"));
    assertThat(undone).isFalse();
    assertThat(FxWait.onFx(() -> robot.lookup("#undo-notice").query().isVisible())).isTrue();
  }

  @Test
  void aNameThatIsAnotherTagIsSaidToMergeThem(FxRobot robot) throws Exception {
    Talk open = ui.openNewTalk(robot, "Interop", "# Interop\n");
    Event event = ui.notebook.events().get(open.eventId());
    Talk one = tagged(event, "One", "jvm");
    tagged(event, "Two", "java");
    tagged(event, "Three", "java");

    ui.fire(robot, "Rename tag…");

    FxWait.shown(robot, "#rename-tag-to");
    robot.interact(
        () -> {
          var from = robot.lookup("#rename-tag-from").queryComboBox();
          from.getItems().stream()
              .filter(t -> ((dev.talkbook.core.notebook.TagCount) t).name().equals("jvm"))
              .findFirst()
              .ifPresent(t -> from.getSelectionModel().select(t));
        });
    FxWait.untilFx(
        "the name follows the tag", () -> field(robot, "#rename-tag-to").getText().equals("jvm"));
    robot.interact(() -> field(robot, "#rename-tag-to").setText("JAVA"));
    assertThat(FxWait.onFx(() -> robot.lookup("#rename-tag-says").queryAs(Label.class).getText()))
        .isEqualTo(
            "“jvm” is on 1 talk. “java” is a tag already, on 2 talks: the two become one tag,"
                + " “java”.");
    FxWait.clickOn(robot, ".dialog-pane .button", "Merge");

    FxWait.until("merged", () -> tagsOf(one).equals(List.of("java")));
    assertThat(ui.notebook.talks().tags())
        .containsExactly(new dev.talkbook.core.notebook.TagCount("java", 3));
  }
}
