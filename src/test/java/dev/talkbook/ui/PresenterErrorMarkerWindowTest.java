package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.GenericStyledArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;

/**
 * A compile error printed in the normal window, then presenter mode and its zoom: the error, laid
 * out for the wider transcript, wrapped, and its {@code ^} line landed under the wrong characters
 * on the next visual line. It is laid out again for the transcript's columns whenever they change.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PresenterErrorMarkerWindowTest extends RealWindowTest {
  private static final String FAILING = "System.out.println( 2\"fine block\");";

  private static GenericStyledArea<?, ?, ?> transcript(FxRobot robot) {
    return robot.lookup(".tb-repl-transcript").queryAs(GenericStyledArea.class);
  }

  private static CodeArea input(FxRobot robot) {
    return robot.lookup(".tb-repl-input").queryAs(CodeArea.class);
  }

  private static final Pattern COLUMN = Pattern.compile("\\(line 1, column (\\d+)\\)");

  /**
   * "" when the error's source line and its marker each show on one line of the transcript, the
   * marker under the column the message names; else what is wrong (FX thread).
   */
  private static String markerMisplaced(GenericStyledArea<?, ?, ?> area) {
    Matcher m = COLUMN.matcher(area.getText());
    if (!m.find()) {
      return "no error in " + area.getText();
    }
    char expected = FAILING.charAt(Integer.parseInt(m.group(1)) - 1);
    int marker = -1;
    for (int p = 0; p < area.getParagraphs().size(); p++) {
      if (area.getText(p).strip().startsWith("^")) {
        marker = p;
      }
    }
    if (marker < 1) {
      return "no marker line in " + area.getText();
    }
    String source = area.getText(marker - 1);
    int column = area.getText(marker).indexOf('^');
    if (column >= source.length() || source.charAt(column) != expected) {
      return "the marker at " + column + " is not under '" + expected + "' in " + area.getText();
    }
    area.showParagraphInViewport(marker);
    for (int p : new int[] {marker - 1, marker}) {
      try {
        int lines = area.getParagraphLinesCount(p);
        if (lines != 1) {
          return "paragraph " + p + " (" + area.getText(p) + ") shows on " + lines + " lines";
        }
      } catch (IllegalArgumentException | IndexOutOfBoundsException notShown) {
        return "paragraph " + p + " not laid out yet";
      }
    }
    return "";
  }

  @Test
  void anErrorPrintedBeforeTheZoomKeepsItsMarkerUnderItsCharacter(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Loom", "Notes\n");
    var repl = ui.attachRepl(robot);
    ui.fire(robot, "Show or hide the REPL"); // docked in the normal window
    FxWait.untilFx("the REPL docked", () -> robot.lookup(".tb-repl-input").tryQuery().isPresent());
    CodeArea input = FxWait.onFx(() -> input(robot));
    GenericStyledArea<?, ?, ?> transcript = FxWait.onFx(() -> transcript(robot));
    robot.interact(
        () -> {
          input.requestFocus();
          input.replaceText(FAILING);
          input.moveTo(FAILING.length());
        });
    robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
    FxWait.untilFx(
        "the error in the transcript", () -> COLUMN.matcher(transcript.getText()).find());
    FxWait.until("the run ended", () -> !repl.isRunning());
    ui.idle();
    assertThat(FxWait.onFx(() -> markerMisplaced(transcript))).isEmpty();

    ui.fire(robot, "Presenter mode");
    ui.resize(robot, 1280, 720);
    FxWait.untilFx("the REPL at the presenter size", () -> input.getStyle().contains("24"));
    for (int i = 0; i < 4; i++) {
      robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
    }
    FxWait.untilFx("the REPL zoomed", () -> input.getStyle().contains("32"));
    ui.idle();
    String[] wrong = {""};
    FxWait.untilFx(
        "the marker under its character after the zoom",
        () -> (wrong[0] = markerMisplaced(transcript)).isEmpty());
    assertThat(wrong[0]).isEmpty();

    // Back to the normal window: laid out for the wide transcript again.
    ui.fire(robot, "Presenter mode");
    FxWait.untilFx("the REPL back to its size", () -> input.getStyle().isEmpty());
    ui.idle();
    FxWait.untilFx(
        "the marker under its character in the normal window",
        () -> (wrong[0] = markerMisplaced(transcript)).isEmpty());
  }
}
