package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.sample.SampleMeetup;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;

/** The editor's find and replace bar in the real window: whole at any size, found as one types. */
class FindBarWindowTest extends RealWindowTest {

  private void openSampleTalk(FxRobot robot, String title) {
    SampleMeetup.addTo(ui.notebook);
    ui.reloadTree(robot);
    long id = ui.notebook.talks().findByTitle(title).get(0).id();
    robot.interact(() -> ui.window.open(id, null));
    FxWait.untilFx(
        "the notes",
        () -> ui.openTalk() != null && !WindowUnderTest.editor(robot).getText().isEmpty());
  }

  private static void press(FxRobot robot, KeyCode... keys) {
    robot.press(keys);
    for (int i = keys.length - 1; i >= 0; i--) {
      robot.release(keys[i]);
    }
  }

  /**
   * What of the bar does not show whole: words cut short, prompts cut, controls narrower than their
   * content or reaching past the bar's (or the notes') right edge. On the FX thread.
   */
  private static List<String> cutInBar(Region bar, Region notes) {
    List<String> cut = new ArrayList<>(WindowUnderTest.cutShort(bar));
    Bounds room = notes.localToScene(notes.getLayoutBounds());
    Bounds barBounds = bar.localToScene(bar.getLayoutBounds());
    if (barBounds.getMaxX() > room.getMaxX() + 0.5) {
      cut.add("the bar reaches past the notes: " + barBounds.getMaxX() + " > " + room.getMaxX());
    }
    List<Node> nodes = new ArrayList<>(bar.getChildrenUnmodifiable());
    for (int i = 0; i < nodes.size(); i++) {
      Node node = nodes.get(i);
      if (!node.isVisible() || !node.isManaged()) {
        continue;
      }
      if (node instanceof TextField field) {
        if (field.getText().isEmpty() && !WindowUnderTest.promptWhole(field)) {
          cut.add(field.getId() + " prompt \"" + field.getPromptText() + "\" cut");
        }
        if (field.getWidth() < 60) {
          cut.add(field.getId() + " only " + field.getWidth() + " px wide");
        }
      } else if (node instanceof Control control) {
        if (control.getWidth() < control.prefWidth(-1) - 0.5) {
          cut.add(control + " " + control.getWidth() + " < " + control.prefWidth(-1));
        }
      } else if (node instanceof Parent parent) {
        nodes.addAll(parent.getChildrenUnmodifiable());
      }
      Bounds b = node.localToScene(node.getLayoutBounds());
      if (b.getMaxX() > barBounds.getMaxX() + 0.5) {
        cut.add(node + " reaches past the bar: " + b.getMaxX() + " > " + barBounds.getMaxX());
      }
    }
    return cut;
  }

  /** A search that finds nothing and one that finds much: the longest words the status shows. */
  private void nothingCutWhileSearching(FxRobot robot) throws Exception {
    for (String query : new String[] {"", "zzzz", "e"}) {
      robot.interact(() -> robot.lookup("#find-field").queryAs(TextField.class).setText(query));
      ui.idle();
      List<String> cut =
          FxWait.onFx(
              () ->
                  cutInBar(
                      robot.lookup("#find-bar").queryAs(Region.class),
                      (Region) WindowUnderTest.editor(robot).getParent().getParent().getParent()));
      assertThat(cut).as("cut short, searching \"" + query + "\"").isEmpty();
    }
  }

  /**
   * The same in the smallest window of a notebook that had talks when the window opened (no welcome
   * was ever made: its width had kept the talk's column wide enough by chance).
   */
  @org.junit.jupiter.api.Test
  void nothingInTheBarIsCutShortInTheSmallestWindowOfAStartWithTalks(FxRobot robot)
      throws Exception {
    SampleMeetup.addTo(ui.notebook);
    robot.interact(() -> ui.show());
    long id = ui.notebook.talks().findByTitle("Outlines that think").get(0).id();
    robot.interact(() -> ui.window.open(id, null));
    FxWait.untilFx(
        "the notes",
        () -> ui.openTalk() != null && !WindowUnderTest.editor(robot).getText().isEmpty());
    assertThat(robot.lookup("#welcome").tryQuery()).isEmpty();
    ui.resize(robot, 0, 0);
    FxWait.clickOn(robot, "#editor");
    press(robot, KeyCode.CONTROL, KeyCode.H);
    FxWait.untilFx(
        "the bar shown",
        () -> robot.lookup("#find-bar").tryQuery().map(n -> n.getScene() != null).orElse(false));
    ui.idle();
    nothingCutWhileSearching(robot);
  }

  /** At the first window's size and at the smallest the window may be (0 × 0), find and replace. */
  @ParameterizedTest(name = "a {0}×{1} window, replace {2}")
  @CsvSource({"1100, 704, false", "1100, 704, true", "0, 0, false", "0, 0, true"})
  void nothingInTheBarIsCutShort(double width, double height, boolean replace, FxRobot robot)
      throws Exception {
    openSampleTalk(robot, "Outlines that think");
    ui.resize(robot, width, height);
    FxWait.clickOn(robot, "#editor");
    press(robot, KeyCode.CONTROL, replace ? KeyCode.H : KeyCode.F);
    FxWait.untilFx(
        "the bar shown",
        () ->
            robot.lookup("#find-bar").tryQuery().map(n -> n.getScene() != null).orElse(false)
                && robot.lookup("#replace-field").queryAs(TextField.class).isVisible() == replace);
    ui.idle();
    assertThat(FxWait.onFx(() -> robot.lookup("#find-field").queryAs(TextField.class).isFocused()))
        .isTrue();
    nothingCutWhileSearching(robot);
  }

  private static String status(FxRobot robot) throws Exception {
    return FxWait.onFx(() -> robot.lookup("#find-status").queryAs(Label.class).getText());
  }

  @Test
  void findsAsOneTypesAndCountsTheMatches(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Loom", "alpha beta\nAlpha gamma\nalphabet delta\n");
    FxWait.clickOn(robot, "#editor");
    press(robot, KeyCode.CONTROL, KeyCode.F);
    FxWait.untilFx(
        "the find field focused",
        () -> robot.lookup("#find-field").queryAs(TextField.class).isFocused());
    robot.write("alpha");
    CodeArea editor = WindowUnderTest.editor(robot);
    FxWait.untilFx(
        "the first match selected, no Enter pressed",
        () -> editor.getSelection().getStart() == 0 && editor.getSelectedText().equals("alpha"));
    FxWait.untilFx("the count", () -> status(robot).equals("1 of 3"));

    press(robot, KeyCode.ENTER);
    FxWait.untilFx("the second match", () -> editor.getSelection().getStart() == 11);
    assertThat(status(robot)).isEqualTo("2 of 3");
    press(robot, KeyCode.SHIFT, KeyCode.ENTER);
    FxWait.untilFx("back to the first", () -> editor.getSelection().getStart() == 0);
    assertThat(status(robot)).isEqualTo("1 of 3");

    // Typing on narrows the search from where it stands: "alphab" is only in "alphabet".
    robot.write("b");
    FxWait.untilFx("the longer word", () -> editor.getSelection().getStart() == 23);
    assertThat(status(robot)).isEqualTo("1 of 1");
    // Match case is a toggle: "Alpha" (capital) is one match.
    press(robot, KeyCode.BACK_SPACE);
    robot.interact(
        () -> {
          robot.lookup("#find-field").queryAs(TextField.class).setText("Alpha");
          robot.lookup("#match-case").queryAs(javafx.scene.control.ToggleButton.class).fire();
        });
    FxWait.untilFx("the one capital match", () -> status(robot).equals("1 of 1"));
    assertThat(FxWait.onFx(() -> editor.getSelection().getStart())).isEqualTo(11);
  }

  @Test
  void textThatMatchesNothingClearsTheOldMatch(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Loom", "alpha beta\nalpha gamma\n");
    FxWait.clickOn(robot, "#editor");
    press(robot, KeyCode.CONTROL, KeyCode.F);
    FxWait.untilFx(
        "the find field focused",
        () -> robot.lookup("#find-field").queryAs(TextField.class).isFocused());
    robot.write("gamma");
    CodeArea editor = WindowUnderTest.editor(robot);
    FxWait.untilFx("the match", () -> editor.getSelectedText().equals("gamma"));
    robot.write("x");
    FxWait.untilFx("nothing marked", () -> editor.getSelectedText().isEmpty());
    assertThat(status(robot)).isEqualTo("No results");
    // The caret stays where the match was, so Esc leaves one there.
    assertThat(FxWait.onFx(editor::getCaretPosition)).isEqualTo(17);
  }
}
