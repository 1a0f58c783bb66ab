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
    FxWait.untilFx("the banner", () -> bannerShown(robot));
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

  /**
   * A line of minified JSON in a fence (45,000 characters of {@code _ # & ! < [ *}) and a paragraph
   * of 150 snake_case names were cut read-only for their "marks", which start no styled span: they
   * open whole and editable, and what is typed into the JSON line is saved.
   */
  @org.junit.jupiter.api.Test
  void minifiedJsonInAFenceAndSnakeCaseNamesOpenWholeAndEditable(FxRobot robot) throws Exception {
    Talk before = ui.openNewTalk(robot, "Before", "# Before\n\nA few words.\n");
    String json = "{\"a_b\":[1,2,{\"c\":\"#d&e!f\"}],\"g\":\"<h> ~ * _ ` [x]\"},".repeat(900);
    String names = "Call read_talk_notes_now and write_back_the_rest, ".repeat(150);
    String note = "# Data\n\n" + names + "\n\n```json\n" + json + "\n```\n";
    Talk data = ui.notebook.talks().create(before.eventId(), Talk.Details.titled("Data"), note);
    ui.reloadTree(robot);
    long started = System.nanoTime();
    robot.interact(() -> ui.window.open(data.id(), List.of()));
    CodeArea notes = WindowUnderTest.editor(robot);
    FxWait.untilFx("the notes shown", () -> notes.getText(0).equals("# Data"));
    ui.idle();
    long opened = (System.nanoTime() - started) / 1_000_000;
    assertThat(FxWait.onFx(notes::isEditable)).isTrue();
    assertThat(FxWait.onFx(() -> notes.getText())).isEqualTo(note);
    assertThat(bannerShown(robot)).isFalse();
    int jsonLine = 5;
    robot.interact(
        () -> {
          notes.requestFocus();
          notes.moveTo(jsonLine, json.length() / 2);
        });
    robot.write("ZY");
    FxWait.untilFx("the keys typed", () -> notes.getParagraph(jsonLine).getText().contains("ZY"));
    assertThat(opened).as("ms until the window answered again").isLessThan(15_000);
    String expected =
        note.substring(0, note.indexOf(json) + json.length() / 2)
            + "ZY"
            + note.substring(note.indexOf(json) + json.length() / 2);
    FxWait.until("the key saved", () -> ui.notebook.talks().get(data.id()).body().equals(expected));
  }

  private static javafx.scene.layout.Region banner(FxRobot robot) {
    return robot.lookup("#" + CutNotesBanner.ID).queryAs(javafx.scene.layout.Region.class);
  }

  /** Whether the banner is made (when notes are first shown cut) and shown. */
  private static boolean bannerShown(FxRobot robot) {
    return robot
        .lookup("#" + CutNotesBanner.ID)
        .tryQuery()
        .map(node -> node.isVisible() && FxWait.isShown(node))
        .orElse(false);
  }

  private static String bannerWhy(FxRobot robot) throws Exception {
    return FxWait.onFx(() -> robot.lookup("#cut-notes-banner-why").queryAs(Label.class).getText());
  }

  /**
   * Why notes are cut was a status-bar notice that went after a few seconds or at the next notice:
   * easily missed. A banner above the notes says it while the talk is open, says how to edit them,
   * and copies the command, the talk's id and this notebook filled in.
   */
  @ParameterizedTest
  @ValueSource(strings = {"bullets", "line"})
  void aBannerAboveCutNotesSaysWhyAndCopiesTheCommandThatEditsThem(String kind, FxRobot robot)
      throws Exception {
    Talk before = ui.openNewTalk(robot, "Before", "# Before\n\nA few words.\n");
    assertThat(robot.lookup("#" + CutNotesBanner.ID).tryQuery()).isEmpty(); // made when needed
    String line = kind.equals("bullets") ? "- ".repeat(10_000) + "deep" : "word ".repeat(12_000);
    Talk huge =
        ui.notebook
            .talks()
            .create(before.eventId(), Talk.Details.titled("Huge"), "# nested\n\n" + line + "\n");
    ui.reloadTree(robot);
    robot.interact(() -> ui.window.open(huge.id(), List.of()));
    FxWait.untilFx("the banner", () -> bannerShown(robot));
    assertThat(bannerWhy(robot))
        .startsWith(
            kind.equals("bullets")
                ? "“Huge” has a line styled in more than 300 pieces"
                : "“Huge” has a line of 60,000 characters; the editor lays out at most 50,000")
        .contains("Nothing is lost")
        .contains(
            "talkbook --notebook "
                + CutNotesBanner.shellWord(ui.notebook.file().toAbsolutePath().toString())
                + " show "
                + huge.id()
                + " > FILE")
        .contains("quit Talkbook");
    // Above the notes, below the details, and whole in the window.
    javafx.geometry.Bounds bannerBounds =
        FxWait.onFx(() -> banner(robot).localToScene(banner(robot).getBoundsInLocal()));
    CodeArea notes = WindowUnderTest.editor(robot);
    javafx.geometry.Bounds notesBounds =
        FxWait.onFx(() -> notes.localToScene(notes.getBoundsInLocal()));
    assertThat(bannerBounds.getMaxY()).isLessThanOrEqualTo(notesBounds.getMinY() + 0.5);
    String command =
        FxWait.onFx(() -> robot.lookup("#cut-notes-banner-command").queryAs(Label.class).getText());
    assertThat(command)
        .isEqualTo(
            "talkbook --notebook "
                + CutNotesBanner.shellWord(ui.notebook.file().toAbsolutePath().toString())
                + " talk edit "
                + huge.id()
                + " --notes-file FILE");
    robot.clickOn("#cut-notes-banner-copy");
    FxWait.untilFx(
        "the command on the clipboard",
        () -> command.equals(javafx.scene.input.Clipboard.getSystemClipboard().getString()));
    assertThat(
            FxWait.onFx(
                () -> robot.lookup("#cut-notes-banner-copied").queryAs(Label.class).getText()))
        .startsWith("Copied");

    // Another notice in the status bar does not take it away; another talk does, and coming back
    // shows it again.
    robot.interact(() -> ui.window.statusBar().showMessage("Something else."));
    assertThat(FxWait.onFx(() -> FxWait.isShown(banner(robot)))).isTrue();
    robot.interact(() -> ui.window.open(before.id(), List.of()));
    FxWait.untilFx("the talk before", () -> notes.getText(0).equals("# Before"));
    FxWait.untilFx("no banner", () -> !banner(robot).isVisible() && !banner(robot).isManaged());
    robot.interact(() -> ui.window.open(huge.id(), List.of()));
    FxWait.untilFx("the banner again", () -> bannerShown(robot));
    assertThat(
            FxWait.onFx(
                () -> robot.lookup("#cut-notes-banner-copied").queryAs(Label.class).isVisible()))
        .isFalse();
  }
}
