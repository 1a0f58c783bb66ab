package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Talk;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;

/**
 * Notes a power user's scripts may hold: a line of 10,000 nested bullets, or one line of 2 MB.
 * Opening such a talk switches the notes, details, title and outline together, shows the notes cut
 * and read-only with a message, keeps the window answering, and saves nothing of the cut text; what
 * is typed into the details is saved on the talk they show. Before, the editor threw
 * StackOverflowError on the bullets (the details and outline stayed on the talk left, and a speaker
 * typed there was saved on that talk), then held the FX thread for minutes laying out the line.
 */
class PathologicalNoteWindowTest extends RealWindowTest {

  private static TextField field(FxRobot robot, String id) {
    return robot.lookup("#detail-" + id).queryAs(TextField.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bullets", "line"})
  void aNoteWithAHugeLineOpensCutAndReadOnlyWithItsDetails(String kind, FxRobot robot)
      throws Exception {
    Talk before = ui.openNewTalk(robot, "Before", "# Before\n\nA few words.\n");
    String line =
        kind.equals("bullets") ? "- ".repeat(10_000) + "deep" : "word ".repeat(400_000) + "end";
    String note = "# nested\n\n" + line + "\n\nAfter it.\n";
    Talk huge = ui.notebook.talks().create(before.eventId(), Talk.Details.titled("Huge"), note);
    ui.reloadTree(robot);
    long started = System.nanoTime();
    robot.interact(() -> ui.window.open(huge.id(), List.of()));
    CodeArea notes = WindowUnderTest.editor(robot);
    FxWait.untilFx("the notes shown", () -> notes.getText(0).equals("# nested"));
    ui.idle();
    assertThat((System.nanoTime() - started) / 1_000_000)
        .as("ms until the window answered again")
        .isLessThan(15_000);
    assertThat(ui.openTalk().id()).isEqualTo(huge.id());
    assertThat(FxWait.onFx(() -> ui.stage.getTitle())).startsWith("Huge — ");
    String shownLine = FxWait.onFx(() -> notes.getText(2));
    assertThat(shownLine).endsWith(" more characters on this line");
    assertThat(line).startsWith(shownLine.substring(0, shownLine.indexOf(" … ")));
    assertThat(FxWait.onFx(() -> notes.getText(4))).isEqualTo("After it.");
    assertThat(FxWait.onFx(notes::isEditable)).isFalse();
    assertThat(FxWait.onFx(() -> robot.lookup("#notice").queryAs(Label.class).getText()))
        .startsWith("“Huge” has a line of " + String.format("%,d", line.length()) + " characters")
        .contains("shown cut and read-only");
    // A key typed into the notes says so again, and changes nothing.
    robot.interact(() -> robot.lookup("#notice").queryAs(Label.class).setText(""));
    robot.interact(notes::requestFocus);
    robot.write("x");
    FxWait.untilFx(
        "the notice again",
        () ->
            robot
                .lookup("#notice")
                .queryAs(Label.class)
                .getText()
                .contains("shown cut and read-only"));
    FxWait.untilFx(
        "the outline of the huge notes",
        () -> {
          var outline = ui.window.openTalk().outlineProperty().get();
          return outline != null
              && !outline.entries().isEmpty()
              && outline.entries().get(0).text().equals("nested");
        });
    robot.interact(
        () -> {
          field(robot, "speakers").requestFocus();
          field(robot, "speakers").setText("Ada Lovelace");
        });
    robot.interact(notes::requestFocus); // leaving the field saves it
    FxWait.until(
        "the speaker saved on the huge talk",
        () ->
            ui.notebook
                .talks()
                .get(huge.id())
                .details()
                .speakers()
                .equals(List.of("Ada Lovelace")));
    assertThat(ui.notebook.talks().get(before.id()).details().speakers()).isEmpty();
    // Nothing of the cut text is saved; another talk opens editable again.
    robot.interact(() -> ui.window.open(before.id(), List.of()));
    FxWait.untilFx("the talk before", () -> notes.getText(0).equals("# Before"));
    ui.idle();
    assertThat(FxWait.onFx(notes::isEditable)).isTrue();
    assertThat(ui.notebook.talks().get(huge.id()).body()).isEqualTo(note);
  }
}
