package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;

/**
 * Presenter mode in the real window, on a long talk of eleven snippets: the script starts at the
 * caret, the caret's line stays in sight on entering and leaving, and the toolbar says what is next
 * in words that fit down to the smallest window.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PresenterCaretWindowTest extends RealWindowTest {

  /** Eleven sections of twelve points, each ending with its snippet {@code int vN = N * 2;}. */
  private static final String NOTES = notes();

  private static String notes() {
    StringBuilder notes = new StringBuilder("# Eleven snippets\n\nIntro.\n");
    for (int s = 1; s <= 11; s++) {
      notes.append("\n## Section ").append(s).append("\n\n");
      for (int p = 1; p <= 12; p++) {
        notes.append("Point ").append(s).append('.').append(p).append(" about the topic.\n\n");
      }
      notes.append("```java\nint v").append(s).append(" = ").append(s).append(" * 2;\n```\n");
    }
    return notes.toString();
  }

  @BeforeEach
  void openTheTalk(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Eleven", NOTES);
    ui.attachRepl(robot);
  }

  /** The REPL toolbar's status label (the one label there that is not the Java version). */
  private static Label status(FxRobot robot) {
    HBox bar = robot.lookup(".tb-repl-bar").queryAs(HBox.class);
    return bar.getChildren().stream()
        .filter(n -> n instanceof Label && !n.getStyleClass().contains("tb-repl-java"))
        .map(Label.class::cast)
        .findFirst()
        .orElseThrow();
  }

  /** What the status says in full: its tooltip while it shows a shorter form, else its text. */
  private static String wholeStatus(Label status) {
    return status.getTooltip() != null ? status.getTooltip().getText() : status.getText();
  }

  /** Puts the caret at the start of {@code line} (shown in the notes), as a click there would. */
  private static void caretAt(FxRobot robot, String line) {
    robot.interact(
        () -> {
          CodeArea notes = WindowUnderTest.editor(robot);
          notes.moveTo(notes.getText().indexOf(line));
          notes.requestFollowCaret();
        });
  }

  /** Whether the notes draw the caret's line whole inside their viewport. On the FX thread. */
  private static boolean caretInSight(CodeArea notes) {
    Bounds caret = notes.getCaretBounds().orElse(null);
    Bounds view = notes.localToScreen(notes.getLayoutBounds());
    return caret != null
        && view != null
        && caret.getMinY() >= view.getMinY() - 0.5
        && caret.getMaxY() <= view.getMaxY() + 0.5;
  }

  @Test
  void theScriptStartsAtTheCaretAndPageUpGoesToTheSnippetBefore(FxRobot robot) throws Exception {
    // Pasted whole: a caret moved while a snippet is still being typed in is left alone.
    robot.interact(
        () ->
            ((javafx.scene.control.CheckMenuItem) ui.action("Presenter mode types snippets in"))
                .setSelected(false));
    caretAt(robot, "Point 6.3 about");
    ui.fire(robot, "Presenter mode");
    FxWait.untilFx(
        "the status naming snippet 6",
        () -> wholeStatus(status(robot)).equals("Next: snippet 6 of 11 (Page Down)"));
    robot.type(KeyCode.PAGE_UP);
    FxWait.untilFx(
        "snippet 5 loaded",
        () ->
            robot
                .lookup(".tb-repl-input")
                .queryAs(CodeArea.class)
                .getText()
                .equals("int v5 = 5 * 2;"));
    assertThat(FxWait.onFx(() -> wholeStatus(status(robot))))
        .isEqualTo("Snippet 5 of 11: Page Down runs it");
    // The caret moved in the notes while presenting: the next snippet is the one there.
    caretAt(robot, "Point 9.1 about");
    FxWait.untilFx(
        "the status naming snippet 9",
        () -> wholeStatus(status(robot)).equals("Next: snippet 9 of 11 (Page Down)"));
    robot.type(KeyCode.PAGE_DOWN);
    FxWait.untilFx(
        "snippet 9 loaded",
        () ->
            robot
                .lookup(".tb-repl-input")
                .queryAs(CodeArea.class)
                .getText()
                .equals("int v9 = 9 * 2;"));
    ui.fire(robot, "Presenter mode");
  }

  @Test
  void theCaretsLineStaysInSightOnEnteringAndLeaving(FxRobot robot) throws Exception {
    CodeArea notes = FxWait.onFx(() -> WindowUnderTest.editor(robot));
    // The caret low in a long note, the section's heading at the top of the notes.
    robot.interact(
        () -> {
          int heading = paragraphOf(notes, "## Section 7");
          notes.showParagraphAtTop(heading);
        });
    ui.idle();
    robot.interact(
        () -> {
          int last = notes.lastVisibleParToAllParIndex();
          notes.moveTo(last - 2, 0);
        });
    ui.idle();
    int caretLine = FxWait.onFx(notes::getCurrentParagraph);
    assertThat(FxWait.onFx(() -> caretInSight(notes))).isTrue();
    ui.fire(robot, "Presenter mode");
    FxWait.untilFx("the notes at the presenter size", () -> notes.getStyle().contains("24"));
    ui.idle();
    FxWait.untilFx("the caret's line in sight in presenter mode", () -> caretInSight(notes));
    assertThat(FxWait.onFx(notes::getCurrentParagraph)).isEqualTo(caretLine);
    ui.fire(robot, "Presenter mode");
    FxWait.untilFx("the notes at their size", () -> !notes.getStyle().contains("24"));
    ui.idle();
    FxWait.untilFx("the caret's line in sight after leaving", () -> caretInSight(notes));
  }

  private static int paragraphOf(CodeArea notes, String line) {
    return notes
        .offsetToPosition(
            notes.getText().indexOf(line), org.fxmisc.richtext.model.TwoDimensional.Bias.Forward)
        .getMajor();
  }

  @Test
  void theStatusSaysWhatIsNextInWordsThatFitTheSmallestWindow(FxRobot robot) throws Exception {
    ui.fire(robot, "Presenter mode");
    FxWait.untilFx(
        "the status", () -> wholeStatus(status(robot)).startsWith("Next: snippet 1 of 11"));
    for (double[] size : new double[][] {{0, 0}, {1280, 800}, {0, 0}}) {
      ui.resize(robot, size[0], size[1]);
      FxWait.untilFx(
          "the toolbar laid out at " + size[0] + "x" + size[1],
          () -> {
            HBox bar = robot.lookup(".tb-repl-bar").queryAs(HBox.class);
            Label status = status(robot);
            return WindowUnderTest.cutShort(bar).isEmpty()
                && status.getText().matches("Next:? (snippet )?1( of |/)11.*")
                && everyControlInside(bar);
          });
      assertThat(FxWait.onFx(() -> wholeStatus(status(robot))))
          .isEqualTo("Next: snippet 1 of 11 (Page Down)");
    }
    assertThat(FxWait.onFx(() -> status(robot).getText()))
        .isNotEqualTo("Next: snippet 1 of 11 (Page Down)");
    // The longest short form: snippet 10 of 11 loaded, still whole beside every button.
    caretAt(robot, "Point 10.1 about");
    robot.type(KeyCode.PAGE_DOWN);
    FxWait.untilFx(
        "snippet 10 loaded, said whole",
        () -> {
          HBox bar = robot.lookup(".tb-repl-bar").queryAs(HBox.class);
          return wholeStatus(status(robot)).equals("Snippet 10 of 11: Page Down runs it")
              && WindowUnderTest.cutShort(bar).isEmpty()
              && everyControlInside(bar);
        });
    ui.fire(robot, "Presenter mode");
  }

  /** Whether every shown control of {@code bar} lies inside it, none pushed out at its end. */
  private static boolean everyControlInside(HBox bar) {
    double width = bar.getWidth();
    for (Node child : bar.getChildren()) {
      if (child.isVisible() && child instanceof Labeled && child.isManaged()) {
        Bounds b = child.getBoundsInParent();
        if (b.getMinX() < -0.5 || b.getMaxX() > width + 0.5 || b.getWidth() < 1) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Every line of the notes in sight laid out at its own height (none drawn over the next): after
   * the text grew for presenter mode and the window then changed its size (going full screen), the
   * notes' virtual flow kept heights from before and drew lines over each other.
   */
  @Test
  void theNotesLinesKeepTheirHeightsAsTheWindowChangesInPresenterMode(FxRobot robot)
      throws Exception {
    CodeArea notes = FxWait.onFx(() -> WindowUnderTest.editor(robot));
    caretAt(robot, "## Section 7");
    ui.idle();
    ui.fire(robot, "Presenter mode");
    FxWait.untilFx("the notes at the presenter size", () -> notes.getStyle().contains("24"));
    ui.idle();
    FxWait.untilFx(
        "every line at its own height in presenter mode",
        () -> linesOffTheirHeight(notes).isEmpty());
    for (double[] size : new double[][] {{900, 600}, {0, 0}}) {
      ui.resize(robot, size[0], size[1]);
      FxWait.untilFx(
          "every line at its own height at " + size[0] + "x" + size[1],
          () -> linesOffTheirHeight(notes).isEmpty());
    }
    ui.fire(robot, "Presenter mode");
    ui.idle();
    FxWait.untilFx(
        "every line at its own height after leaving", () -> linesOffTheirHeight(notes).isEmpty());
  }

  /** The lines in sight laid out at another height than their own. On the FX thread. */
  private static java.util.List<String> linesOffTheirHeight(CodeArea notes) {
    java.util.List<String> off = new java.util.ArrayList<>();
    for (Node line : notes.lookupAll(".paragraph-box")) {
      if (line instanceof javafx.scene.layout.Region box && box.isVisible()) {
        double own = box.prefHeight(box.getWidth());
        if (Math.abs(box.getHeight() - own) > 0.5) {
          off.add(box.getHeight() + " for " + own);
        }
      }
    }
    return off;
  }
}
