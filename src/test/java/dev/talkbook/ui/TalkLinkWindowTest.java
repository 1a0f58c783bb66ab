package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Talk;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;

/**
 * Links from one talk's notes to another (tester 8b, finding 1): a click on one in the preview
 * opens that talk (it did nothing), and Edit → Link to talk… (Ctrl+K) puts one in at the caret.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TalkLinkWindowTest extends RealWindowTest {

  private Object script(FxRobot robot, String js) {
    Object[] out = new Object[1];
    robot.interact(() -> out[0] = WindowUnderTest.preview(robot).getEngine().executeScript(js));
    return out[0];
  }

  @Test
  void aClickOnALinkToATalkInThePreviewOpensThatTalk(FxRobot robot) throws Exception {
    Talk loom = ui.openNewTalk(robot, "Loom", "# Loom\n\nVirtual threads.\n");
    Talk keynote =
        ui.notebook
            .talks()
            .create(
                loom.eventId(),
                Talk.Details.titled("Keynote"),
                "# Keynote\n\nSee [the next talk](talk:" + loom.id() + ").\n");
    ui.reloadTree(robot);
    robot.interact(() -> ui.window.open(keynote.id(), java.util.List.of()));
    FxWait.untilFx(
        "the keynote's notes with the link",
        () -> WindowUnderTest.editor(robot).getText().contains("(talk:"));
    FxWait.untilFx(
        "the link in the preview",
        () ->
            WindowUnderTest.previewShows(robot)
                && "1"
                    .equals(
                        String.valueOf(
                            WindowUnderTest.preview(robot)
                                .getEngine()
                                .executeScript(
                                    "document.querySelectorAll('a[href^=\"talk:\"]').length"))));

    // the page's own click handler, as a click of the mouse on the link runs it
    script(robot, "document.querySelector('a[href^=\"talk:\"]').click()");

    long loomId = loom.id();
    FxWait.untilFx("Loom opened", () -> ui.openTalk() != null && ui.openTalk().id() == loomId);
    assertThat(ui.openedLinks).as("nothing sent to a browser").isEmpty();
    assertThat(WindowUnderTest.selectedLabel(robot)).contains("Loom");
  }

  @Test
  void aClickOnALinkToAFileSaysWhyItLeadsNowhere(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Keynote", "See [the next talk](02-loom.md).\n");
    FxWait.untilFx(
        "the link in the preview",
        () ->
            WindowUnderTest.previewShows(robot)
                && "1"
                    .equals(
                        String.valueOf(
                            WindowUnderTest.preview(robot)
                                .getEngine()
                                .executeScript(
                                    "document.querySelectorAll('a[href=\"02-loom.md\"]')"
                                        + ".length"))));

    script(robot, "document.querySelector('a[href=\"02-loom.md\"]').click()");

    javafx.scene.control.Label notice =
        robot.lookup("#notice").queryAs(javafx.scene.control.Label.class);
    FxWait.untilFx("the notice", notice::isVisible);
    assertThat(FxWait.onFx(notice::getText))
        .isEqualTo(
            "“02-loom.md” is not a web address or a talk, so the preview cannot open it. Edit →"
                + " Link to talk… (Ctrl+K) links another talk.");
    assertThat(ui.openedLinks).isEmpty();
  }

  @Test
  void linkToTalkPutsALinkAtTheCaretThatUndoTakesBack(FxRobot robot) throws Exception {
    Talk keynote = ui.openNewTalk(robot, "Keynote", "See .\n");
    Talk loom =
        ui.notebook
            .talks()
            .create(keynote.eventId(), Talk.Details.titled("Loom [preview]"), "# Loom\n");
    ui.reloadTree(robot);
    robot.interact(
        () -> {
          WindowUnderTest.editor(robot).requestFocus();
          WindowUnderTest.editor(robot).moveTo(4);
        });
    assertThat(FxWait.onFx(() -> ui.action("Link to talk…").isDisable())).isFalse();
    assertThat(FxWait.onFx(() -> ui.action("Link to talk…").getAccelerator().getName()))
        .isEqualTo("Shortcut+K");

    robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
    FxWait.clickOn(robot, "#picker-filter");
    robot.write("loom");
    robot.type(KeyCode.ENTER);

    String linked = "See [Loom \\[preview\\]](talk:" + loom.id() + ").\n";
    FxWait.untilFx(
        "the link typed in", () -> WindowUnderTest.editor(robot).getText().equals(linked));
    assertThat(ui.openTalk().id()).as("the keynote stays open").isEqualTo(keynote.id());
    FxWait.untilFx(
        "the keyboard back in the notes", () -> WindowUnderTest.editor(robot).isFocused());

    robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
    FxWait.untilFx("undone", () -> WindowUnderTest.editor(robot).getText().equals("See .\n"));
  }

  @Test
  void theCommandPaletteOffersLinkToTalk(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Keynote", "See .\n");
    assertThat(
            FxWait.onFx(
                () ->
                    ui.window.actions().stream()
                        .map(dev.talkbook.ui.palette.MenuActions::label)
                        .toList()))
        .contains("Link to talk…");
  }
}
