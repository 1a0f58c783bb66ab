package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.repl.ReplSession;
import dev.talkbook.ui.common.HangingIndent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;

/**
 * Presenter mode in the real window, through the Java menu: one zoom for the notes, the preview and
 * the REPL; Page Down into the real REPL; the layout back exactly after leaving, again and again.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PresenterWindowTest extends RealWindowTest {
  private static final String NOTES =
      "# Loom\n\nWhy threads.\n\n```java\nint answer = 6 * 7;\n```\n\nThen:\n\n```java\nanswer + 1\n```\n";

  private ReplSession repl;

  @BeforeEach
  void openTalkWithTheRepl(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Loom", NOTES);
    FxWait.until("the preview", () -> WindowUnderTest.previewShows(robot));
    repl = ui.attachRepl(robot);
  }

  private MenuItem item(String text) {
    return ui.action(text);
  }

  private void fire(FxRobot robot, String text) {
    ui.fire(robot, text);
  }

  private static CodeArea replInput(FxRobot robot) {
    return robot.lookup(".tb-repl-input").queryAs(CodeArea.class);
  }

  /** The REPL input's font size set by presenter mode, in px; 0 when it has the sheet's. */
  private static double replFont(CodeArea input) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("-fx-font-size: ([0-9.]+)px").matcher(input.getStyle());
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  /** The font size of the REPL input's first line number. Call on the FX thread. */
  private static double lineNumberFont(FxRobot robot) {
    return replInput(robot).lookupAll(".lineno").stream()
        .map(n -> ((javafx.scene.control.Label) n).getFont().getSize())
        .findFirst()
        .orElse(0.0);
  }

  private static double previewZoom(FxRobot robot) throws Exception {
    return FxWait.onFx(() -> WindowUnderTest.preview(robot).getZoom());
  }

  private static double notesFont(FxRobot robot) throws Exception {
    return FxWait.onFx(() -> WindowUnderTest.fontSize(robot));
  }

  @Test
  void oneZoomScalesTheNotesThePreviewAndTheRepl(FxRobot robot) throws Exception {
    fire(robot, "Presenter mode");
    assertThat(robot.lookup(".tb-presenter").tryQuery()).isPresent();
    FxWait.untilFx("the REPL at the presenter size", () -> replFont(replInput(robot)) == 24);
    assertThat(notesFont(robot)).isEqualTo(24);
    // The input's line numbers grow with it (RichTextFX gives them 13 px of its own).
    FxWait.untilFx("the line numbers at the presenter size", () -> lineNumberFont(robot) > 18);
    // The details leave the window (the notes and the REPL get their room), the REPL gets half the
    // window's height for its snippets at least.
    TitledPane details = robot.lookup("#talk-details").queryAs(TitledPane.class);
    assertThat(FxWait.onFx(details::isVisible)).isFalse();
    assertThat(FxWait.onFx(details::isManaged)).isFalse();
    FxWait.untilFx(
        "the REPL given half the room under the menus",
        () -> {
          javafx.scene.Node repl = robot.lookup(".tb-repl").query();
          javafx.scene.Parent dock = repl.getParent();
          while (!(dock instanceof javafx.scene.control.SplitPane)) {
            dock = dock.getParent();
          }
          return repl.getLayoutBounds().getHeight() >= 0.45 * dock.getLayoutBounds().getHeight();
        });
    assertThat(previewZoom(robot)).isEqualTo(24 / 15.0);
    robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
    robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
    FxWait.untilFx("the REPL zoomed", () -> replFont(replInput(robot)) == 28);
    assertThat(notesFont(robot)).isEqualTo(28);
    assertThat(previewZoom(robot)).isEqualTo(28 / 15.0);
    // Killed now, the app must come back with the user's size and details, not presenter mode's:
    // what the settings file holds while presenting (every write asked for so far done).
    ui.idle();
    dev.talkbook.ui.common.Settings kept = dev.talkbook.ui.common.Settings.load(ui.settingsFile);
    assertThat(kept.get(dev.talkbook.ui.common.Settings.FONT_SIZE)).isEqualTo(14.0);
    assertThat(kept.get(dev.talkbook.ui.common.Settings.DETAILS_EXPANDED)).isTrue();
    // The preview's page is in presenter colours.
    assertThat(
            FxWait.onFx(
                () ->
                    WindowUnderTest.preview(robot)
                        .getEngine()
                        .executeScript("document.documentElement.classList.contains('presenter')")))
        .isEqualTo(Boolean.TRUE);
    CodeArea input = FxWait.onFx(() -> replInput(robot));
    fire(robot, "Presenter mode");
    FxWait.untilFx("the REPL back to its size", () -> replFont(input) == 0);
    assertThat(notesFont(robot)).isEqualTo(14);
    assertThat(previewZoom(robot)).isEqualTo(1);
    assertThat(robot.lookup(".tb-presenter").tryQuery()).isEmpty();
    assertThat(FxWait.onFx(details::isExpanded)).isTrue();
    assertThat(FxWait.onFx(details::isVisible)).isTrue();
  }

  @Test
  void leavingPutsBackEveryDividerAgainAndAgain(FxRobot robot) throws Exception {
    CodeArea notes = FxWait.onFx(() -> WindowUnderTest.editor(robot));
    // The first time, before the REPL was ever shown (its dock is made then).
    List<String> first = FxWait.onFx(() -> layout(robot, notes));
    fire(robot, "Presenter mode");
    fire(robot, "Presenter mode");
    FxWait.untilFx("the layout as before the first time", () -> layout(robot, notes).equals(first));
    assertThat(robot.lookup("#search-field").tryQuery()).isPresent();
    // Then with the REPL shown, in presenter mode and presenter view by turns.
    robot.interact(() -> item("Show or hide the REPL").fire());
    FxWait.untilFx("the REPL docked", () -> replInput(robot).getScene() != null);
    List<String> before = FxWait.onFx(() -> layout(robot, notes));
    for (int i = 0; i < 4; i++) {
      fire(robot, i % 2 == 0 ? "Presenter mode" : "Presenter view (a window for the speaker)");
      robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
      fire(robot, i % 2 == 0 ? "Presenter mode" : "Presenter view (a window for the speaker)");
      int round = i + 1;
      FxWait.untilFx(
          "the layout as before, after leaving " + round + " times",
          () -> layout(robot, notes).equals(before));
    }
    assertThat(FxWait.onFx(() -> layout(robot, notes))).isEqualTo(before);
  }

  @Test
  void theAudienceSeesNeitherTheMenusNorTheNotebooksPathAndTheMenusKeysStillWork(FxRobot robot)
      throws Exception {
    Node menus = robot.lookup(".menu-bar").query();
    Node path = robot.lookup("#notebook-path").query();
    for (String mode : List.of("Presenter mode", "Presenter view (a window for the speaker)")) {
      fire(robot, mode);
      FxWait.untilFx(mode, () -> robot.lookup(".tb-presenter").tryQuery().isPresent());
      assertThat(FxWait.onFx(() -> menus.isVisible() || menus.isManaged())).as(mode).isFalse();
      assertThat(FxWait.onFx(() -> path.isVisible() || path.isManaged())).as(mode).isFalse();
      if (mode.equals("Presenter mode")) {
        // The menus' keys still work: the command palette's, over the audience's window.
        robot
            .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P)
            .release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        FxWait.until(
            "the command palette",
            () -> robot.lookup("#picker-filter").tryQuery().filter(Node::isVisible).isPresent());
        robot.type(KeyCode.ESCAPE);
        FxWait.untilFx(
            "the palette closed", () -> robot.lookup("#picker-filter").tryQuery().isEmpty());
        assertThat(robot.lookup(".tb-presenter").tryQuery()).as("still presenting").isPresent();
      }
      fire(robot, mode);
      FxWait.untilFx(
          "the menus and the path back after " + mode,
          () -> menus.isVisible() && menus.isManaged() && path.isVisible() && path.isManaged());
    }
  }

  /** Enters presenter mode in this window from the Java menu; returns the (hidden) menu bar. */
  private javafx.scene.control.MenuBar presentInThisWindow(FxRobot robot) {
    javafx.scene.control.MenuBar bar =
        robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
    fire(robot, "Presenter mode");
    FxWait.untilFx("presenting", () -> robot.lookup(".tb-presenter").tryQuery().isPresent());
    return bar;
  }

  private static boolean menuOpen(javafx.scene.control.MenuBar bar) {
    return bar.getMenus().stream().anyMatch(javafx.scene.control.Menu::isShowing);
  }

  /**
   * While presenting, F10 and Alt alone give the keyboard to no menu: the menu bar is out of the
   * window, and Down then opened File over the audience's screen. The keys go on to the REPL, Esc
   * still leaves.
   */
  @Test
  void f10AndAltAloneOpenNoMenuTheAudienceWouldSee(FxRobot robot) throws Exception {
    javafx.scene.control.MenuBar bar = presentInThisWindow(robot);
    CodeArea input = replInput(robot);
    robot.interact(input::requestFocus);
    for (KeyCode key : List.of(KeyCode.F10, KeyCode.ALT)) {
      robot.type(key);
      robot.type(KeyCode.DOWN);
      org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
      assertThat(FxWait.onFx(() -> menuOpen(bar)))
          .as("a menu open after " + key + ", Down")
          .isFalse();
      assertThat(FxWait.onFx(() -> input.getScene().getFocusOwner()))
          .as(key.name())
          .isSameAs(input);
    }
    robot.write("1 + 1");
    FxWait.untilFx("typed into the REPL", () -> input.getText().equals("1 + 1"));
    robot.type(KeyCode.ESCAPE);
    FxWait.untilFx("left", () -> robot.lookup(".tb-presenter").tryQuery().isEmpty());
  }

  /**
   * While presenting, Alt with a letter (a menu's, Alt+F; or any other) types nothing into the REPL
   * or the notes and opens no menu: the menu bar is out of the window, and the "f" went into the
   * REPL's input in front of the room. Either way the Alt is let go (before or after the letter).
   */
  @Test
  void altAndALetterTypeNothingAndOpenNoMenuWhilePresenting(FxRobot robot) throws Exception {
    javafx.scene.control.MenuBar bar = presentInThisWindow(robot);
    CodeArea input = replInput(robot);
    CodeArea notes = WindowUnderTest.editor(robot);
    String notesBefore = FxWait.onFx(() -> notes.getText());
    for (CodeArea area : List.of(input, notes)) {
      robot.interact(area::requestFocus);
      for (KeyCode letter : List.of(KeyCode.F, KeyCode.J, KeyCode.Q)) {
        robot.press(KeyCode.ALT).press(letter).release(letter).release(KeyCode.ALT);
        robot.press(KeyCode.ALT).press(letter).release(KeyCode.ALT).release(letter);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxWait.onFx(() -> menuOpen(bar)))
            .as("a menu open after Alt+" + letter)
            .isFalse();
      }
      assertThat(FxWait.onFx(() -> area.getScene().getFocusOwner())).isSameAs(area);
    }
    assertThat(FxWait.onFx(() -> input.getText())).as("the REPL's input").isEmpty();
    assertThat(FxWait.onFx(() -> notes.getText())).as("the notes").isEqualTo(notesBefore);
    assertThat(robot.lookup(".tb-presenter").tryQuery()).as("still presenting").isPresent();
    robot.interact(input::requestFocus);
    robot.write("1 + 1");
    FxWait.untilFx("typed into the REPL", () -> input.getText().equals("1 + 1"));
    robot.type(KeyCode.ESCAPE);
    FxWait.untilFx("left", () -> robot.lookup(".tb-presenter").tryQuery().isEmpty());
  }

  @Test
  void presenterViewFromPresenterModeOpensTheSpeakersWindow(FxRobot robot) throws Exception {
    fire(robot, "Presenter mode");
    assertThat(robot.lookup(".tb-presenter").tryQuery()).isPresent();
    fire(robot, "Presenter view (a window for the speaker)");
    // The speaker's window opens; before, presenter mode was only left.
    FxWait.untilFx(
        "the speaker's window",
        () ->
            javafx.stage.Window.getWindows().stream()
                .anyMatch(
                    w ->
                        w instanceof javafx.stage.Stage s
                            && s.isShowing()
                            && "Presenter view — Talkbook".equals(s.getTitle())));
    assertThat(robot.lookup(".tb-presenter").tryQuery()).isPresent();
    fire(robot, "Presenter view (a window for the speaker)");
    FxWait.untilFx(
        "presenter view left",
        () ->
            javafx.stage.Window.getWindows().stream()
                .noneMatch(
                    w ->
                        w instanceof javafx.stage.Stage s
                            && "Presenter view — Talkbook".equals(s.getTitle())));
    assertThat(robot.lookup(".tb-presenter").tryQuery()).isEmpty();
  }

  /**
   * Java → Enable preview features (the palette offers it too): javac's refusal of a preview
   * feature named an option the window had no place for. The REPL restarts with them, its
   * transcript says so, the definitions are kept, and the choice is in the settings file.
   */
  @Test
  void enablePreviewFeaturesRestartsTheReplSayingSoAndIsKept(FxRobot robot) throws Exception {
    robot.interact(() -> item("Show or hide the REPL").fire());
    repl.evaluate("int keptOver = 5;").get(60, java.util.concurrent.TimeUnit.SECONDS);
    CheckMenuItem preview = (CheckMenuItem) item("Enable preview features");
    assertThat(preview.isSelected()).isFalse();
    robot.interact(() -> preview.setSelected(true));
    int release = Runtime.version().feature();
    FxWait.until(
        "the restart said in the transcript",
        () ->
            transcript(robot)
                .contains(
                    "Restarted with the preview features of Java "
                        + release
                        + " enabled (--enable-preview). 1 definition was run again."));
    assertThat(repl.preview()).isTrue();
    ui.idle();
    assertThat(
            dev.talkbook.ui.common.Settings.load(ui.settingsFile)
                .get(dev.talkbook.ui.common.Settings.REPL_PREVIEW))
        .isTrue();
    robot.interact(() -> preview.setSelected(false));
    FxWait.until(
        "the restart without them said",
        () -> transcript(robot).contains("Restarted with preview features disabled."));
    assertThat(repl.preview()).isFalse();
  }

  @Test
  void pageDownTypesTheSnippetIntoTheReplAndRunsIt(FxRobot robot) throws Exception {
    CheckMenuItem typing = (CheckMenuItem) item("Presenter mode types snippets in");
    assertThat(typing.isSelected()).isTrue();
    fire(robot, "Presenter mode");
    robot.type(KeyCode.PAGE_DOWN);
    FxWait.untilFx(
        "the snippet typed in", () -> replInput(robot).getText().equals("int answer = 6 * 7;"));
    robot.type(KeyCode.PAGE_DOWN);
    FxWait.until("its result", () -> transcript(robot).contains("answer ⇒ 42"));
    // Pasted whole once the menu says so.
    robot.interact(() -> typing.setSelected(false));
    robot.type(KeyCode.PAGE_DOWN);
    assertThat(FxWait.onFx(() -> replInput(robot).getText())).isEqualTo("answer + 1");
    robot.type(KeyCode.PAGE_DOWN);
    FxWait.until("its result", () -> transcript(robot).contains("⇒ 43"));
    fire(robot, "Presenter mode");
  }

  /** A CSS length of the preview's page ("22px") in px. Call on the FX thread. */
  private static double previewPx(FxRobot robot, String selector, String property) {
    Object value =
        WindowUnderTest.preview(robot)
            .getEngine()
            .executeScript(
                "getComputedStyle(document.querySelector('"
                    + selector
                    + "')).getPropertyValue('"
                    + property
                    + "')");
    return Double.parseDouble(String.valueOf(value).replace("px", ""));
  }

  @Test
  void codeInThePreviewIsAsLargeAsTheTextAroundIt(FxRobot robot) throws Exception {
    fire(robot, "Presenter mode");
    FxWait.untilFx(
        "the preview in presenter mode",
        () ->
            Boolean.TRUE.equals(
                WindowUnderTest.preview(robot)
                    .getEngine()
                    .executeScript("document.documentElement.classList.contains('presenter')")));
    double text = FxWait.onFx(() -> previewPx(robot, "p", "font-size"));
    // A block's code as large as the text, as in the notes beside it (it was .81 of it).
    assertThat(FxWait.onFx(() -> previewPx(robot, "pre code", "font-size"))).isEqualTo(text);
    // Its long lines wrap, as in the notes: the audience cannot scroll a block sideways.
    assertThat(
            FxWait.onFx(
                () ->
                    WindowUnderTest.preview(robot)
                        .getEngine()
                        .executeScript(
                            "getComputedStyle(document.querySelector('pre code')).whiteSpace")))
        .isEqualTo("pre-wrap");
    fire(robot, "Presenter mode");
  }

  @Test
  void aLongLineWrapsAndTheInputASnippetReplacedComesBackWithCtrlUp(FxRobot robot)
      throws Exception {
    CheckMenuItem typing = (CheckMenuItem) item("Presenter mode types snippets in");
    robot.interact(() -> typing.setSelected(false));
    fire(robot, "Presenter mode");
    String mine = "String mine = \"" + "a long line of the presenter's own ".repeat(6) + "\";";
    CodeArea input = FxWait.onFx(() -> replInput(robot));
    robot.interact(() -> input.replaceText(mine));
    // At the presenter's size the line wraps, its end in sight, no scrolling sideways.
    FxWait.untilFx("the long line wrapped", () -> input.getParagraphLinesCount(0) > 1);
    robot.type(KeyCode.PAGE_DOWN);
    assertThat(FxWait.onFx(() -> input.getText())).isEqualTo("int answer = 6 * 7;");
    assertThat(
            FxWait.onFx(
                () ->
                    robot.lookup(".tb-repl-bar .label").queryAll().stream()
                        .map(n -> ((javafx.scene.control.Labeled) n).getText())
                        .toList()))
        .anyMatch(t -> t.contains("history") || t.contains("kept") || t.startsWith("Kept"));
    robot.interact(input::requestFocus);
    robot.press(KeyCode.CONTROL).type(KeyCode.UP).release(KeyCode.CONTROL);
    assertThat(FxWait.onFx(() -> input.getText())).isEqualTo(mine);
    fire(robot, "Presenter mode");
    FxWait.untilFx("one line again", () -> input.getParagraphLinesCount(0) == 1);
  }

  /**
   * Presenter mode: a long line of the input wraps two columns in from where its code starts (its
   * own indentation kept), as the transcript's code does; it ran on from column 0 ("-> w *" /
   * "h;"). Its indentation and first two characters are drawn beside the line number, out of the
   * text's flow; the text itself is unchanged.
   */
  @Test
  void aLongLineOfTheInputWrapsWithAHangingIndent(FxRobot robot) throws Exception {
    CheckMenuItem typing = (CheckMenuItem) item("Presenter mode types snippets in");
    robot.interact(() -> typing.setSelected(false));
    fire(robot, "Presenter mode");
    String indented =
        "    java.util.function.BiFunction<Integer, Integer, Integer> area = (w, h) -> w * h"
            + " + w * h + w * h + w * h + w * h + w * h + w * h + w * h + w * h;";
    String code = "if (true) {\n" + indented + "\n}";
    CodeArea input = FxWait.onFx(() -> replInput(robot));
    robot.interact(() -> input.replaceText(code));
    FxWait.untilFx("the long line wrapped", () -> input.getParagraphLinesCount(1) > 1);
    // The prefix: its four blanks and "ja", out of the flow; the text is as typed.
    FxWait.untilFx(
        "the line's prefix beside its number",
        () ->
            input.lookupAll("." + HangingIndent.GRAPHIC_CLASS).stream()
                .anyMatch(n -> shownText(n).equals("    ja")));
    assertThat(FxWait.onFx(() -> input.getText())).isEqualTo(code);
    assertThat(
            FxWait.onFx(
                () ->
                    input.getParagraph(1).getStyledSegments().stream()
                        .filter(seg -> seg.getStyle().contains(HangingIndent.CLASS))
                        .mapToInt(seg -> seg.getSegment().length())
                        .sum()))
        .isEqualTo(6);
    // The wrapped line starts where the first line's code after the prefix does: two columns in.
    int start = code.indexOf(indented);
    double[] xs =
        FxWait.onFx(
            () -> {
              double firstY = charBounds(input, start + 6).getMinY();
              double afterPrefix = charBounds(input, start + 6).getMinX();
              double column = charBounds(input, start + 7).getMinX() - afterPrefix;
              for (int i = start + 7; i < start + indented.length(); i++) {
                javafx.geometry.Bounds b = charBounds(input, i);
                if (b.getMinY() > firstY + 1) {
                  return new double[] {b.getMinX(), afterPrefix, column};
                }
              }
              return new double[] {-1, afterPrefix, column};
            });
    assertThat(xs[0])
        .as("the wrapped line's x")
        .isCloseTo(xs[1], org.assertj.core.data.Offset.offset(1.0));
    // The line that fits has no prefix: its code stays in the flow.
    assertThat(
            FxWait.onFx(
                () ->
                    input.getParagraph(0).getStyledSegments().stream()
                        .noneMatch(seg -> seg.getStyle().contains(HangingIndent.CLASS))))
        .isTrue();
    fire(robot, "Presenter mode");
    FxWait.untilFx(
        "no prefix once the line no longer wraps",
        () ->
            input.getParagraph(1).getStyledSegments().stream()
                .noneMatch(seg -> seg.getStyle().contains(HangingIndent.CLASS)));
  }

  /** The text a paragraph's prefix graphic shows. */
  private static String shownText(javafx.scene.Node n) {
    return ((javafx.scene.text.TextFlow) n)
        .getChildren().stream()
            .map(t -> ((javafx.scene.text.Text) t).getText())
            .collect(java.util.stream.Collectors.joining());
  }

  /** Where character {@code at} of {@code area} is drawn, on screen. */
  private static javafx.geometry.Bounds charBounds(CodeArea area, int at) {
    return area.getCharacterBoundsOnScreen(at, at + 1).orElseThrow();
  }

  @Test
  void escLeavesPresenterModeOnceTheFindBarIsClosedAndTheCodeStopped(FxRobot robot)
      throws Exception {
    fire(robot, "Presenter mode");
    CodeArea notes = FxWait.onFx(() -> WindowUnderTest.editor(robot));
    robot.interact(notes::requestFocus);
    robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
    FxWait.untilFx("the find bar", () -> robot.lookup("#find-bar").tryQuery().isPresent());
    // While the find bar is open Esc is the find bar's: from the notes it does nothing.
    robot.interact(notes::requestFocus);
    robot.type(KeyCode.ESCAPE);
    assertThat(robot.lookup(".tb-presenter").tryQuery()).isPresent();
    robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
    robot.type(KeyCode.ESCAPE);
    FxWait.untilFx("the find bar closed", () -> robot.lookup("#find-bar").tryQuery().isEmpty());
    assertThat(robot.lookup(".tb-presenter").tryQuery()).isPresent();
    // Code that runs: Esc stops it and stays in presenter mode.
    CodeArea input = FxWait.onFx(() -> replInput(robot));
    robot.interact(() -> input.replaceText("Thread.sleep(60_000)"));
    robot.interact(input::requestFocus);
    robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
    FxWait.until("the code running", repl::isRunning);
    robot.type(KeyCode.ESCAPE);
    FxWait.until("the code stopped", () -> !repl.isRunning());
    assertThat(robot.lookup(".tb-presenter").tryQuery()).isPresent();
    // Nothing else for Esc to do: it leaves presenter mode.
    robot.type(KeyCode.ESCAPE);
    FxWait.untilFx("presenter mode left", () -> robot.lookup(".tb-presenter").tryQuery().isEmpty());
  }

  private static String transcript(FxRobot robot) throws Exception {
    return FxWait.onFx(
        () ->
            robot
                .lookup(".tb-repl-transcript")
                .queryAs(org.fxmisc.richtext.GenericStyledArea.class)
                .getText());
  }

  /**
   * Every split pane in the window: its items and its dividers, to four places; the notes' zoom.
   */
  private static List<String> layout(FxRobot robot, CodeArea notes) {
    List<String> out = new ArrayList<>();
    for (Node node : robot.lookup(".split-pane").queryAll()) {
      // The REPL's dock, made on first use, wraps the content in a split pane of one item until the
      // REPL is shown: no divider, nothing to see.
      if (node instanceof SplitPane pane
          && pane.getScene() == robot.window(0).getScene()
          && pane.getItems().size() > 1) {
        out.add(
            pane.getItems().size()
                + " "
                + Arrays.stream(pane.getDividerPositions())
                    .mapToObj(d -> String.format("%.4f", d))
                    .toList());
      }
    }
    out.add(String.valueOf(notes.getStyle()));
    return out;
  }
}
