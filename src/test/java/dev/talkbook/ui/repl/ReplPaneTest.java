package dev.talkbook.ui.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.repl.ReplEvent;
import dev.talkbook.core.repl.ReplOptions;
import dev.talkbook.core.repl.ReplSession;
import dev.talkbook.ui.FxWait;
import dev.talkbook.ui.common.Theme;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The REPL pane with a real session, driven by keys, headless. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ReplPaneTest {

  private ReplSession session;
  private ReplPane pane;

  @Start
  void start(Stage stage) throws Exception {
    session = ReplSession.start(ReplOptions.defaults());
    session.ready().get(60, TimeUnit.SECONDS);
    pane = new ReplPane(session);
    Scene scene = new Scene(new javafx.scene.layout.StackPane(pane.root()), 900, 600);
    new Theme(false).apply(scene);
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void close() {
    session.close();
    if (narrow != null) {
      javafx.application.Platform.runLater(narrow::close);
    }
  }

  /** The stage of the narrow-window test, closed after it. */
  private Stage narrow;

  @Test
  void theDefinitionsListKeepsRoomForItsTextInANarrowWindow(FxRobot robot) throws Exception {
    // A stage of its own: the primary stage is shared with the test classes that follow.
    robot.interact(
        () -> {
          narrow = new Stage();
          narrow.setScene(new Scene(new javafx.scene.layout.StackPane(pane.root()), 900, 400));
          new Theme(false).apply(narrow.getScene());
          narrow.show();
          narrow.setWidth(520);
        });
    FxWait.untilFx(
        "the definitions list laid out at the narrow width",
        () -> pane.root().getScene().getWidth() <= 520);
    javafx.scene.Node list = robot.lookup(".tb-repl-definitions").query();
    FxWait.untilFx("the list's width", () -> list.getLayoutBounds().getWidth() > 0);
    assertThat(FxWait.onFx(() -> list.getLayoutBounds().getWidth()))
        .isGreaterThanOrEqualTo(ReplPane.DEFINITIONS_MIN_WIDTH);
  }

  /**
   * Waits until {@code condition} holds, read on the FX thread: the pane's state (transcript,
   * input, marks, definitions) is the FX thread's, changed there as the session's events arrive.
   */
  private static void waitFor(String what, java.util.concurrent.Callable<Boolean> condition) {
    FxWait.untilFx(what, condition);
  }

  /** Waits until the transcript contains {@code text}. */
  private void waitForTranscript(String text) {
    waitFor("the transcript to say “" + text + "”", () -> pane.transcriptText().contains(text));
  }

  /** The transcript's text now (read on the FX thread). */
  private String transcript() throws Exception {
    return FxWait.onFx(pane::transcriptText);
  }

  @Test
  void aPaneMadeAfterANotesBlockRanListsWhatTheBlockDefined(FxRobot robot) throws Exception {
    // A block of the notes runs in the session before the pane is first shown (Ctrl+Shift+Enter
    // with the REPL hidden; presenter mode then shows it).
    session
        .evaluate("record Talk(String title) {}\nvar talks = List.of(new Talk(\"a\"));", "block 1")
        .get(60, TimeUnit.SECONDS);
    ReplPane later = FxWait.onFx(() -> new ReplPane(session));
    waitFor(
        "the definitions to list talks and Talk",
        () -> later.definitionsShown().containsAll(List.of("talks", "Talk")));
    robot.interact(later::dispose);
  }

  @Test
  void typingASnippetAndCtrlEnterShowsItsValue(FxRobot robot) throws Exception {
    FxWait.clickOn(robot, pane.input());
    robot.write("int square(int n) { return n * n; }");
    robot.type(KeyCode.ENTER);
    robot.write("square(12)");
    robot
        .press(KeyCode.CONTROL)
        .press(KeyCode.ENTER)
        .release(KeyCode.ENTER)
        .release(KeyCode.CONTROL);
    waitForTranscript("⇒ 144");
    assertThat(transcript()).contains("› int square(int n)").contains("(int)");
    // What ran is kept for "Save transcript to notes": each input with what it gave.
    waitFor("the run to be kept", () -> !pane.ranSoFar().isEmpty());
    assertThat(FxWait.onFx(pane::ranSoFar))
        .anySatisfy(r -> assertThat(r.code()).contains("square(12)"))
        .anySatisfy(r -> assertThat(r.output()).contains("⇒ 144"));
    // A clean run empties the input; the definitions list shows the method.
    waitFor("the input to be emptied", () -> pane.input().getText().isEmpty());
    ListView<?> defs = robot.lookup(".tb-repl-definitions").queryAs(ListView.class);
    waitFor(
        "the definitions to list square",
        () -> defs.getItems().stream().anyMatch(d -> d.toString().contains("square")));
    // Ctrl+Up brings the input back.
    robot.press(KeyCode.CONTROL).press(KeyCode.UP).release(KeyCode.UP).release(KeyCode.CONTROL);
    waitFor("the input to come back", () -> pane.input().getText().endsWith("square(12)"));
  }

  /**
   * JShell passes at most 21,844 characters of a value: "ab".repeat(20_000_000) showed 5,000 and "…
   * 16,857 more characters on this line", though the value had 40,000,000. A value of exactly
   * 21,844 characters arrives alike, whole, and was labelled "JShell cut this value at 21,844
   * characters": the words at the limit are now true of both.
   */
  @Test
  void aValueAtJShellsLimitSaysItMayBeLongerNotHowManyCharactersWereLeft(FxRobot robot)
      throws Exception {
    String marker =
        "baba … (21,844 characters arrived, JShell's limit for a value, so it may be longer;"
            + " .length() gives its whole length)   (String)";
    // whole (quoted, 2 + 21,842 characters), then cut by JShell
    List<String> values = List.of("\"ab\".repeat(10_921)", "\"ab\".repeat(20_000_000)");
    for (int i = 0; i < values.size(); i++) {
      String code = values.get(i);
      int shown = i + 1;
      robot.interact(() -> pane.input().replaceText(code));
      robot.interact(pane::runInput);
      waitFor(
          "the transcript to say the value reached JShell's limit",
          () ->
              pane.transcriptText().split(java.util.regex.Pattern.quote(marker), -1).length
                  == shown + 1);
    }
    assertThat(transcript())
        .doesNotContain("JShell cut")
        .doesNotContain("more characters on this line");
  }

  @Test
  void upAndDownWalkTheHistoryFromTheFirstAndLastLineOfTheInput(FxRobot robot) throws Exception {
    for (String code : List.of("20 + 1", "20 + 2")) {
      robot.interact(() -> pane.input().replaceText(code));
      robot.interact(pane::runInput);
      waitForTranscript("⇒ " + (code.endsWith("1") ? 21 : 22));
      waitFor("the input to be emptied", () -> pane.input().getText().isEmpty());
    }
    FxWait.clickOn(robot, pane.input());
    // An empty input: Up walks back, as in jshell.
    robot.type(KeyCode.UP);
    waitFor("Up to bring the newest back", () -> pane.input().getText().equals("20 + 2"));
    robot.type(KeyCode.UP);
    waitFor("Up again the one before", () -> pane.input().getText().equals("20 + 1"));
    robot.type(KeyCode.DOWN);
    waitFor("Down the newer again", () -> pane.input().getText().equals("20 + 2"));
    robot.type(KeyCode.DOWN);
    waitFor("Down past the newest the empty draft", () -> pane.input().getText().isEmpty());
    // In a longer input, Up off its last line moves the caret; only from the first line it walks.
    robot.interact(
        () -> {
          pane.input().replaceText("int a = 1;\nint b = 2;");
          pane.input().moveTo(pane.input().getLength());
        });
    robot.type(KeyCode.UP);
    waitFor("the caret on the first line", () -> pane.input().getCaretPosition() <= 10);
    assertThat(FxWait.onFx(() -> pane.input().getText())).isEqualTo("int a = 1;\nint b = 2;");
    robot.type(KeyCode.UP);
    waitFor("Up from the first line to walk back", () -> pane.input().getText().equals("20 + 2"));
    // Ctrl+Down still walks too, back to what was being typed.
    robot.press(KeyCode.CONTROL).press(KeyCode.DOWN).release(KeyCode.DOWN).release(KeyCode.CONTROL);
    waitFor(
        "Ctrl+Down to give the draft back",
        () -> pane.input().getText().equals("int a = 1;\nint b = 2;"));
  }

  @Test
  void theDocumentationPopupStaysInsideTheWindowWithTheThemesBorder(FxRobot robot)
      throws Exception {
    // The input is at the bottom of the window: below its caret there is no room.
    robot.interact(
        () -> {
          pane.input().replaceText("\n\n\n\n\n\nMath.max(");
          pane.input().moveTo(pane.input().getLength());
        });
    FxWait.clickOn(robot, pane.input());
    robot.interact(() -> pane.input().moveTo(pane.input().getLength()));
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.SPACE)
        .release(KeyCode.SPACE, KeyCode.SHIFT, KeyCode.CONTROL);
    java.util.function.Supplier<javafx.stage.PopupWindow> popup =
        () ->
            javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.stage.PopupWindow && w.isShowing())
                .map(w -> (javafx.stage.PopupWindow) w)
                .filter(
                    w ->
                        w.getScene().getRoot().lookup("." + DocumentationPopup.STYLE_CLASS) != null
                            || w.getScene().getRoot().lookup(".tb-repl-doc") != null)
                .findFirst()
                .orElse(null);
    waitFor("the documentation popup", () -> popup.get() != null && popup.get().getHeight() > 0);
    // Laid out (the popup sizes itself to its content on the next pulse).
    WaitForAsyncUtils.waitForFxEvents();
    javafx.stage.Window window = FxWait.onFx(() -> pane.root().getScene().getWindow());
    double[] shown =
        FxWait.onFx(
            () -> {
              javafx.stage.PopupWindow p = popup.get();
              return new double[] {p.getX(), p.getY(), p.getWidth(), p.getHeight()};
            });
    assertThat(shown[1]).isGreaterThanOrEqualTo(window.getY() - 1);
    assertThat(shown[1] + shown[3]).isLessThanOrEqualTo(window.getY() + window.getHeight() + 1);
    assertThat(shown[0]).isGreaterThanOrEqualTo(window.getX() - 1);
    assertThat(shown[0] + shown[2]).isLessThanOrEqualTo(window.getX() + window.getWidth() + 1);
    // The theme's border and background (a popup's scene has none of the window's sheets).
    javafx.scene.layout.Region content =
        FxWait.onFx(
            () ->
                (javafx.scene.layout.Region)
                    popup.get().getScene().getRoot().lookup(".tb-repl-doc"));
    assertThat(FxWait.onFx(() -> content.getBorder())).isNotNull();
    assertThat(FxWait.onFx(() -> content.getBorder().getStrokes())).isNotEmpty();
    assertThat(FxWait.onFx(() -> content.getBackground())).isNotNull();
    robot.interact(() -> popup.get().hide());
  }

  @Test
  void theNewestOutputStaysInSightWhenThePaneShrinksOrItsFontGrows(FxRobot robot) throws Exception {
    robot.interact(
        () ->
            pane.input()
                .replaceText("for (int i = 1; i <= 80; i++) System.out.println(\"line \" + i);"));
    FxWait.clickOn(robot, pane.input());
    robot
        .press(KeyCode.CONTROL)
        .press(KeyCode.ENTER)
        .release(KeyCode.ENTER)
        .release(KeyCode.CONTROL);
    waitForTranscript("line 80");
    waitFor("the end in sight", pane::transcriptEndInSight);
    // presenter mode's font, then a smaller window: the end is still what shows
    robot.interact(() -> pane.setCodeFontSize(36));
    waitFor("the end in sight at the larger font", pane::transcriptEndInSight);
    robot.interact(() -> pane.root().getScene().getWindow().setHeight(300));
    waitFor("the end in sight in the shorter window", pane::transcriptEndInSight);
    robot.interact(() -> pane.root().getScene().getWindow().setHeight(600));
    robot.interact(() -> pane.setCodeFontSize(0));
    waitFor("the end in sight again", pane::transcriptEndInSight);
  }

  /**
   * "Save transcript to notes" writes what the notes keep of a long output: its last lines, after a
   * line saying how many were not kept (it copied all of it).
   */
  @Test
  void whatSaveTranscriptWritesOfALongOutputIsItsNewestLines(FxRobot robot) throws Exception {
    robot.interact(
        () ->
            pane.input()
                .replaceText(
                    "for (int i = 0; i < 30_000; i++) System.out.println(\"line \" + i);"));
    robot.interact(pane::runInput);
    waitFor("the run to be kept", () -> !pane.ranSoFar().isEmpty());
    String kept = FxWait.onFx(pane::ranSoFar).get(0).output();
    assertThat(kept)
        .startsWith("… 29,800 earlier lines not kept (30,000 in all)\nline 29800\n")
        .endsWith("line 29999\n");
  }

  /**
   * A run whose output goes past what the transcript keeps (its oldest lines go) and then any other
   * run: the new result is what shows. The transcript had stayed at its first kept line.
   */
  @Test
  void afterAnOutputLargerThanTheTranscriptKeepsTheNewestResultIsInSight(FxRobot robot)
      throws Exception {
    // 25,000 lines of ~100 characters: about 2.5 MB, more than the transcript keeps
    robot.interact(
        () ->
            pane.input()
                .replaceText(
                    "String pad = \"x\".repeat(90);\n"
                        + "for (int i = 0; i < 25_000; i++) System.out.println(\"line \" + i + pad);"));
    robot.interact(pane::runInput);
    waitFor(
        "the last line and the run's end",
        () -> !pane.isRunning() && pane.transcriptText().contains("line 24999x"));
    waitFor("the end in sight after the large output", pane::transcriptEndInSight);
    robot.interact(() -> pane.input().replaceText("6 * 7"));
    robot.interact(pane::runInput);
    waitForTranscript("⇒ 42");
    waitFor("the new result in sight", pane::transcriptEndInSight);
  }

  /**
   * The transcript keeps its newest lines (here 100), its first line saying how many went; Ctrl+L
   * and the transcript's context menu empty it, and Save transcript to notes then has nothing.
   */
  @Test
  void theTranscriptKeepsItsNewestLinesAndCanBeCleared(FxRobot robot) throws Exception {
    ReplPane small = FxWait.onFx(() -> new ReplPane(session, 100, 100_000));
    robot.interact(
        () -> {
          narrow = new Stage();
          narrow.setScene(new Scene(new javafx.scene.layout.StackPane(small.root()), 900, 500));
          new Theme(false).apply(narrow.getScene());
          narrow.show();
        });
    try {
      robot.interact(
          () ->
              small
                  .input()
                  .replaceText(
                      "for (int i = 0; i < 1000; i++) System.out.println(\"line \" + i);"));
      robot.interact(small::runInput);
      waitFor(
          "the loop's last line",
          () -> !small.isRunning() && small.transcriptText().contains("line 999\n"));
      String text = FxWait.onFx(small::transcriptText);
      // the prompt's line and lines 0 to 899 went
      assertThat(text).startsWith("… 901 earlier lines dropped\nline 900\n").endsWith("line 999\n");
      assertThat(text.split("\n")).hasSize(101);
      waitFor("the end in sight", small::transcriptEndInSight);

      // Ctrl+L, wherever the keyboard is in the pane
      FxWait.clickOn(robot, small.input());
      robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
      waitFor("the transcript empty", () -> small.transcriptText().isEmpty());
      assertThat(FxWait.onFx(small::ranSoFar)).isEmpty();

      // what runs next starts afresh, with no line about dropped ones
      robot.interact(() -> small.input().replaceText("6 * 7"));
      robot.interact(small::runInput);
      waitFor("the value", () -> small.transcriptText().contains("⇒ 42"));
      assertThat(FxWait.onFx(small::transcriptText)).startsWith("› 6 * 7\n");

      // the transcript's context menu
      var area =
          FxWait.shown((StyleClassedTextArea) narrow.getScene().lookup(".tb-repl-transcript"));
      // a right click (the platform's request; the headless robot's click makes none)
      robot.interact(
          () -> {
            var at = area.localToScreen(area.getBoundsInLocal());
            area.fireEvent(
                new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                    20,
                    20,
                    at.getMinX() + 20,
                    at.getMinY() + 20,
                    false,
                    null));
          });
      waitFor("the context menu", () -> area.getContextMenu().isShowing());
      var clear =
          FxWait.onFx(
              () ->
                  area.getContextMenu().getItems().stream()
                      .filter(i -> "Clear transcript".equals(i.getText()))
                      .findFirst()
                      .orElseThrow());
      assertThat(FxWait.onFx(() -> clear.getAccelerator().getDisplayText())).isEqualTo("Ctrl+L");
      FxWait.clickOn(robot, ".tb-repl-transcript-menu .label", "Clear transcript");
      waitFor("the transcript emptied from its menu", () -> small.transcriptText().isEmpty());
      // and from the keyboard: the Menu key in the transcript
      robot.interact(() -> small.input().replaceText("1 + 1"));
      robot.interact(small::runInput);
      waitFor("the value", () -> small.transcriptText().contains("⇒ 2"));
      robot.interact(area::requestFocus);
      robot.type(KeyCode.CONTEXT_MENU);
      waitFor("the context menu from the keyboard", () -> area.getContextMenu().isShowing());
      robot.interact(() -> area.getContextMenu().hide());
    } finally {
      robot.interact(small::dispose);
    }
  }

  @Test
  void escapeStopsARunawayLoop(FxRobot robot) throws Exception {
    FxWait.clickOn(robot, pane.input());
    robot.write("while (true) {}");
    robot
        .press(KeyCode.CONTROL)
        .press(KeyCode.ENTER)
        .release(KeyCode.ENTER)
        .release(KeyCode.CONTROL);
    waitFor("the loop to run", pane::isRunning);
    // The toolbar says how to stop it, in its window as wide as this.
    waitFor(
        "the status to name Esc", () -> pane.status().getText().equals("Running… Esc stops it"));
    robot.type(KeyCode.ESCAPE);
    waitFor("the loop to stop", () -> !pane.isRunning());
    assertThat(transcript()).contains("Stopped.");
    robot.interact(() -> pane.input().replaceText("6 * 7"));
    robot
        .press(KeyCode.CONTROL)
        .press(KeyCode.ENTER)
        .release(KeyCode.ENTER)
        .release(KeyCode.CONTROL);
    waitForTranscript("⇒ 42");
  }

  @Test
  void aCompileErrorSaysLineAndColumnAndIsMarkedInTheInput(FxRobot robot) throws Exception {
    String code = "int a = 1;\nString s = a;";
    robot.interact(() -> pane.input().replaceText(code));
    robot.interact(pane::runInput);
    waitForTranscript("(line 2, column 12)");
    assertThat(transcript()).contains("    String s = a;\n               ^\n");
    waitFor("the input to be marked", () -> !pane.marks().isEmpty());
    // The marks and the input's styles are read at one moment, on the FX thread.
    record Marked(List<int[]> marks, java.util.Collection<String> style) {}
    Marked marked =
        FxWait.onFx(
            () -> new Marked(pane.marks(), pane.input().getStyleOfChar(code.indexOf("= a") + 2)));
    int[] mark = marked.marks().get(0);
    assertThat(code.substring(mark[0], mark[1])).isEqualTo("a");
    assertThat(marked.style()).contains(ReplPane.PROBLEM);
    // Editing the input takes the marks away: they were about the text that ran.
    robot.interact(() -> pane.input().appendText(" "));
    assertThat(FxWait.onFx(pane::marks)).isEmpty();
  }

  @Test
  void theLineThatThrewIsMarkedInTheInput(FxRobot robot) throws Exception {
    String code = "int a = 1;\nInteger.parseInt(\"x\")";
    robot.interact(() -> pane.input().replaceText(code));
    robot.interact(pane::runInput);
    waitForTranscript("NumberFormatException");
    waitFor("the input to be marked", () -> !pane.marks().isEmpty());
    int[] mark = FxWait.onFx(pane::marks).get(0);
    assertThat(code.substring(mark[0], mark[1])).isEqualTo("Integer.parseInt(\"x\")");
    // The frame says the line of the input, not JShell's snippet id ("at (#15:1)").
    assertThat(transcript()).contains("at (line 2)").doesNotContainPattern("\\(#\\d+:");
  }

  @Test
  void theTranscriptIsMonospacedAndShowsTheJavaVersion(FxRobot robot) throws Exception {
    robot.interact(() -> pane.input().replaceText("\"iiii\" + \"WWWW\""));
    robot.interact(pane::runInput);
    waitForTranscript("iiiiWWWW");
    // The transcript's lines are drawn in a layout pass after the text changed: wait for the one
    // with the value, then read the fonts of all drawn lines at that moment.
    waitFor(
        "the value to be drawn",
        () ->
            robot
                .lookup(".tb-repl-transcript .text")
                .queryAllAs(javafx.scene.text.Text.class)
                .stream()
                .anyMatch(t -> t.getText().contains("iiiiWWWW")));
    List<String> families =
        FxWait.onFx(
            () ->
                robot
                    .lookup(".tb-repl-transcript .text")
                    .queryAllAs(javafx.scene.text.Text.class)
                    .stream()
                    .map(t -> t.getFont().getFamily())
                    .toList());
    assertThat(families).isNotEmpty().allMatch("Monospaced"::equals);
    javafx.scene.control.Label java =
        robot.lookup(".tb-repl-java").queryAs(javafx.scene.control.Label.class);
    assertThat(FxWait.onFx(java::getText)).isEqualTo("Java " + Runtime.version().feature());
    assertThat(FxWait.onFx(() -> java.getTooltip().getText()))
        .contains(Runtime.version().toString());
  }

  @Test
  void codeForANewerJavaSaysWhichJavaItNeeds(FxRobot robot) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.version().feature() < 21);
    robot.interact(() -> pane.input().replaceText("Thread.ofVirtual().start(() -> {})"));
    robot.interact(pane::runInput);
    waitForTranscript("needs Java 21");
    assertThat(transcript())
        .contains(
            "Thread.ofVirtual() needs Java 21; this REPL runs Java "
                + Runtime.version().feature()
                + ".");
  }

  @Test
  void systemExitGivesOneRestartNotice(FxRobot robot) throws Exception {
    robot.interact(() -> pane.input().replaceText("int kept = 1;"));
    robot.interact(pane::runInput);
    waitForTranscript("kept ⇒ 1");
    robot.interact(() -> pane.input().replaceText("System.exit(4);\n1 + 1"));
    robot.interact(pane::runInput);
    // "not run" is the evaluation's last word: the restart's notice came before it.
    waitForTranscript("not run");
    String text = transcript();
    assertThat(text.split("exit code 4", -1)).hasSize(2);
    assertThat(text.split("A new JVM runs your code", -1)).hasSize(2);
    assertThat(text).contains("1 definition was run again.");
  }

  @Test
  void aBackgroundThreadThatKeepsPrintingIsSaidAndStopEndsIt(FxRobot robot) throws Exception {
    run(
        robot,
        "new Thread(() -> { while (true) { System.out.println(\"tick\");"
            + " try { Thread.sleep(200); } catch (Exception e) {} } }).start();");
    waitFor("the run to end", () -> !pane.isRunning() && pane.transcriptText().contains("tick"));
    // Nothing runs, but output keeps coming: the toolbar says whose, and Stop can end it.
    waitFor(
        "the toolbar to name the background thread",
        () -> pane.status().whole().startsWith("Output from a background thread: Stop ends it"));
    javafx.scene.control.Button stop = button(robot, "Stop");
    assertThat(FxWait.onFx(stop::isDisabled)).isFalse();
    FxWait.clickOn(robot, stop);
    waitForTranscript("Stopping the background thread");
    waitFor("Java started again", () -> pane.status().whole().startsWith("Ready"));
    assertThat(FxWait.onFx(stop::isDisabled)).isTrue();
    // The thread ended with its JVM: what runs next prints no tick after it.
    run(robot, "\"after\"");
    waitForTranscript("⇒ \"after\"");
    String text = transcript();
    int after = text.indexOf("⇒ \"after\"");
    run(robot, "Thread.sleep(1000); \"later\"");
    waitForTranscript("⇒ \"later\"");
    assertThat(transcript().substring(after)).doesNotContain("tick");
  }

  @Test
  void onceABackgroundThreadFallsQuietTheToolbarSaysAgainHowTheLastRunEnded(FxRobot robot)
      throws Exception {
    List<dev.talkbook.ui.common.ReplGuide.After> told =
        java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    robot.interact(
        () ->
            pane.guideWith(
                new dev.talkbook.ui.common.ReplGuide() {
                  @Override
                  public List<String> ready(After after) {
                    told.add(after);
                    return List.of(after.name());
                  }

                  @Override
                  public List<String> running(String code) {
                    return List.of("running");
                  }
                }));
    run(
        robot,
        "new Thread(() -> { for (int i = 0; i < 4; i++) { System.out.println(\"tick\");"
            + " try { Thread.sleep(200); } catch (Exception e) {} } }).start();"
            + " throw new IllegalStateException(\"boom\");");
    waitFor("the failure said", () -> pane.status().whole().equals("FAILED"));
    told.clear(); // from here on (setting the guide asked it for the state before any run)
    waitFor(
        "the background thread named",
        () -> pane.status().whole().startsWith("Output from a background thread"));
    // The thread ends; once its output has stopped the toolbar goes back to the failure, not to a
    // run that went well.
    waitFor("the toolbar back to the failure", () -> pane.status().whole().equals("FAILED"));
    assertThat(told).doesNotContain(dev.talkbook.ui.common.ReplGuide.After.RAN);
  }

  @Test
  void codeThatEndsJavaIsNotSaidToHaveFailed(FxRobot robot) throws Exception {
    run(robot, "System.exit(3);");
    waitFor("the run to end", () -> !pane.isRunning() && pane.transcriptText().contains("3"));
    waitFor("the toolbar to say Java ended", () -> pane.status().whole().contains("ended Java"));
    assertThat(FxWait.onFx(() -> pane.status().whole()))
        .startsWith("Your code ended Java: a new Java VM is ready")
        .doesNotContain("ail");
    // A guide (presenter mode) is told how it ended, not that it failed.
    List<dev.talkbook.ui.common.ReplGuide.After> told =
        java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    robot.interact(
        () ->
            pane.guideWith(
                new dev.talkbook.ui.common.ReplGuide() {
                  @Override
                  public List<String> ready(After after) {
                    told.add(after);
                    return List.of(after.name());
                  }

                  @Override
                  public List<String> running(String code) {
                    return List.of("running");
                  }
                }));
    run(robot, "System.exit(4);");
    waitFor("the toolbar to say Java ended", () -> pane.status().whole().equals("ENDED_JAVA"));
    assertThat(told).doesNotContain(dev.talkbook.ui.common.ReplGuide.After.FAILED);
  }

  @Test
  void codeThatEndedJavaIsClearedFromTheInputLikeANormalRun(FxRobot robot) throws Exception {
    run(robot, "int keep = 41;");
    waitFor("the input to be emptied by the run", () -> pane.input().getText().isEmpty());
    run(robot, "System.exit(1);");
    waitFor(
        "the toolbar to say Java ended",
        () -> !pane.isRunning() && pane.status().whole().contains("ended Java"));
    // It ran: nothing to fix, out of the input (it had stayed, and the next input was added to
    // it and ended Java again).
    waitFor("the input to be emptied", () -> pane.input().getText().isEmpty());
    run(robot, "keep + 1");
    waitForTranscript("⇒ 42");
    // Runtime.halt the same.
    run(robot, "Runtime.getRuntime().halt(3);");
    waitFor("the input to be emptied after halt", () -> pane.input().getText().isEmpty());
    // A compile error stays to be fixed.
    run(robot, "System.exit(undefinedName);");
    waitForTranscript("undefinedName");
    waitFor("the run to end", () -> !pane.isRunning());
    assertThat(FxWait.onFx(() -> pane.input().getText())).isEqualTo("System.exit(undefinedName);");
  }

  @Test
  void inPresenterModeLongCodeLinesKeepTheirIndentAndTheErrorMarkerItsPlace(FxRobot robot)
      throws Exception {
    robot.interact(
        () -> {
          pane.wrapInput(true); // presenter mode
          pane.setCodeFontSize(36);
        });
    FxWait.untilFx("the transcript laid out at 36 px", () -> pane.transcriptColumns() < 60);
    run(robot, "var shapes2 = List.of(new Object(), new Object(), new Triangle(2));");
    waitForTranscript("cannot find symbol");
    int columns = FxWait.onFx(pane::transcriptColumns);
    List<String> lines = List.of(transcript().split("\n"));
    // The marker is under "Triangle" on the line it is shown on, not at its unwrapped column.
    int marker = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().startsWith("^")) {
        marker = i;
      }
    }
    assertThat(marker).as("a marker line in %s", lines).isPositive();
    int column = lines.get(marker).indexOf('^');
    assertThat(lines.get(marker - 1).substring(column)).startsWith("Triangle");
    // The code and marker lines fit (the message's words wrap by themselves).
    assertThat(lines.stream().filter(l -> l.startsWith(" ") || l.startsWith("›")))
        .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(columns));
    // A long indented line of the code shown: its pieces keep the indent (and two more).
    String body =
        "        return String.join(\", \", List.of(\"alpha\", \"beta\", \"gamma\", \"delta\"));";
    run(robot, "String joined() {\n" + body + "\n}");
    waitForTranscript("joined()");
    List<String> shown = List.of(transcript().split("\n"));
    int first = -1;
    for (int i = 0; i < shown.size(); i++) {
      if (shown.get(i).startsWith("          return String.join(")) {
        first = i;
      }
    }
    assertThat(first).as("the indented line in %s", shown).isPositive();
    assertThat(shown.get(first + 1)).startsWith("            ").doesNotStartWith("             ");
    assertThat(shown.stream().filter(l -> l.startsWith(" ") || l.startsWith("›")))
        .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(columns));
  }

  @Test
  void longValuesInTheDefinitionsWrapAndHaveATooltip(FxRobot robot) throws Exception {
    robot.interact(() -> pane.input().replaceText("String longOne = \"word \".repeat(30);"));
    robot.interact(pane::runInput);
    ListView<?> defs = robot.lookup(".tb-repl-definitions").queryAs(ListView.class);
    waitFor(
        "the definitions to list longOne",
        () -> defs.getItems().stream().anyMatch(d -> d.toString().contains("longOne")));
    // The list's cells are filled in a layout pass after its items changed: wait for the cell.
    var cell =
        (javafx.scene.control.ListCell<?>)
            FxWait.shown(
                robot,
                ".tb-repl-definitions .list-cell",
                n ->
                    n instanceof javafx.scene.control.ListCell<?> c
                        && c.getText() != null
                        && c.getText().contains("longOne"));
    record Drawn(boolean wraps, String tooltip, double height, double fontSize) {}
    Drawn drawn =
        FxWait.onFx(
            () ->
                new Drawn(
                    cell.isWrapText(),
                    cell.getTooltip().getText(),
                    cell.getHeight(),
                    cell.getFont().getSize()));
    assertThat(drawn.wraps()).isTrue();
    assertThat(drawn.tooltip()).startsWith("String longOne = ").contains("word \"");
    assertThat(drawn.height()).isGreaterThan(2 * drawn.fontSize());
  }

  @Test
  void aCompileErrorClickPutsTheCaretThere(FxRobot robot) throws Exception {
    robot.interact(() -> pane.input().replaceText("int a = 1;\nString s = a;"));
    robot.interact(pane::runInput);
    waitForTranscript("error: incompatible types");
    robot.interact(() -> pane.input().moveTo(0));
    // Click the error's own text, where it is drawn on the screen now.
    var transcript =
        FxWait.shown(
            (org.fxmisc.richtext.StyleClassedTextArea) robot.lookup(".tb-repl-transcript").query());
    javafx.geometry.Bounds[] error = new javafx.geometry.Bounds[1];
    waitFor(
        "the error to be drawn",
        () -> {
          int at = transcript.getText().indexOf("error: incompatible");
          transcript.getCharacterBoundsOnScreen(at + 2, at + 3).ifPresent(b -> error[0] = b);
          return error[0] != null;
        });
    robot.clickOn(error[0].getCenterX(), error[0].getCenterY());
    waitFor(
        "the caret to be put at the error",
        () -> pane.input().getCaretPosition() == "int a = 1;\nString s = ".length());
  }

  /** Runs {@code code} as if typed into the input and run. */
  private void run(FxRobot robot, String code) {
    robot.interact(() -> pane.input().replaceText(code));
    robot.interact(pane::runInput);
  }

  /** The pane's button that says {@code text}. */
  private javafx.scene.control.Button button(FxRobot robot, String text) {
    return robot
        .lookup(
            (java.util.function.Predicate<javafx.scene.Node>)
                n -> n instanceof javafx.scene.control.Button b && text.equals(b.getText()))
        .queryAs(javafx.scene.control.Button.class);
  }

  private static String java(java.nio.file.Path path) {
    return path.toString().replace("\\", "\\\\");
  }

  @Test
  void aDefinitionThatReadSystemInIsNamedAndAsksNothingWhenTheJvmEnds(FxRobot robot)
      throws Exception {
    javafx.scene.Node stdin = robot.lookup(".tb-repl-stdin").query();
    run(robot, "var s = new Scanner(System.in).nextLine();");
    waitFor("the code to ask for input", stdin::isVisible);
    robot.write("héllo wörld");
    robot.type(KeyCode.ENTER);
    waitForTranscript("s ⇒ \"héllo wörld\"");
    run(robot, "System.exit(0);");
    waitForTranscript("Not restored: `var s = new Scanner(System.in).nextLine();`");
    assertThat(transcript())
        .contains("it reads System.in, which gives a re-run no input (the end of input)")
        .contains("NoSuchElementException");
    assertThat(FxWait.onFx(stdin::isVisible)).as("nobody is asked to type").isFalse();
    // Idle, saying the code ended Java (not that it failed) and that a new JVM is ready.
    waitFor(
        "the pane to be idle",
        () -> pane.status().whole().startsWith("Your code ended Java: a new Java VM is ready"));
  }

  @Test
  void escapeStopsTheDefinitionsRunningAgain(
      FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path flag = dir.resolve("spin");
    java.nio.file.Path inside = dir.resolve("spinning");
    run(
        robot,
        "int spin() { if (Files.exists(Path.of(\""
            + java(flag)
            + "\"))) { try { Files.writeString(Path.of(\""
            + java(inside)
            + "\"), \"\"); } catch (IOException e) {} while (true) {} } return 1; }\n"
            + "int spun = spin();");
    waitForTranscript("spun ⇒ 1");
    java.nio.file.Files.createFile(flag);
    robot.interact(() -> button(robot, "Restart").fire());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!java.nio.file.Files.exists(inside) && System.nanoTime() < deadline) {
      Thread.sleep(20); // a condition polled, with a limit
    }
    javafx.scene.control.Button stop = button(robot, "Stop");
    waitFor("Stop to be offered during the re-run", () -> !stop.isDisabled());
    assertThat(FxWait.onFx(() -> pane.status().whole())).contains("again");
    FxWait.clickOn(robot, pane.input());
    robot.type(KeyCode.ESCAPE);
    waitForTranscript(
        "Not restored: `int spun = spin();` \u2014 it was stopped while it ran again.");
    waitFor("Stop to be done", stop::isDisabled);
    run(robot, "6 * 7");
    waitForTranscript("⇒ 42");
  }

  @Test
  void aDefinitionThatEndsTheJvmWhenRunAgainIsNamedAndNothingRestartsByItself(
      FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path flag = dir.resolve("flag");
    run(
        robot,
        "int die() { System.exit(1); return 0; }\nint boom2 = Files.exists(Path.of(\""
            + java(flag)
            + "\")) ? die() : 1;\nint after = 2;");
    waitForTranscript("after ⇒ 2");
    java.nio.file.Files.createFile(flag);
    run(robot, "System.exit(0);");
    waitForTranscript("It was not started again by itself");
    assertThat(transcript())
        .contains("Running `int boom2 = Files.exists(")
        .contains("exit code 1")
        .contains(
            "Restart runs the other 2 definitions again without it; Reset starts with nothing.");
    waitFor("the status to say so", () -> pane.status().whole().startsWith("Java ended"));
    robot.interact(() -> button(robot, "Restart").fire());
    waitForTranscript("Restarted on request. 2 definitions were run again.");
    run(robot, "die() + after");
    waitForTranscript("exit code 1");
  }

  @Test
  void aLongStatusNeverMakesThePaneWiderThanItsWindow(FxRobot robot) throws Exception {
    String whole =
        "The JVM running your code ended with exit code 0 (System.exit or Runtime.halt); a new"
            + " one was started.…";
    for (double font : new double[] {13, 22}) {
      robot.interact(
          () -> {
            narrow = new Stage();
            javafx.scene.layout.StackPane box = new javafx.scene.layout.StackPane(pane.root());
            box.setStyle("-fx-font-size: " + font + "px;");
            narrow.setScene(new Scene(box, 1024, 600));
            new Theme(false).apply(narrow.getScene());
            narrow.show();
            pane.showStatus(whole);
          });
      WaitForAsyncUtils.waitForFxEvents();
      java.util.Set<javafx.scene.control.Button> buttons =
          robot.from(pane.root()).lookup(".button").queryAllAs(javafx.scene.control.Button.class);
      assertThat(FxWait.onFx(() -> pane.root().getLayoutBounds().getWidth()))
          .as("the pane at %s px", font)
          .isLessThanOrEqualTo(1024);
      assertThat(
              FxWait.onFx(
                  () ->
                      buttons.stream()
                          .mapToDouble(b -> b.localToScene(b.getLayoutBounds()).getMaxX())
                          .max()
                          .orElseThrow()))
          .as("the toolbar's buttons (Detach the last) at %s px", font)
          .isLessThanOrEqualTo(1024);
      assertThat(FxWait.onFx(() -> pane.status().getTooltip().getText())).isEqualTo(whole);
      Stage shown = narrow;
      robot.interact(shown::close);
      narrow = null;
    }
  }

  @Test
  void outputAfterOutputDroppedUnseenDoesNotRunOnFromTheOutputBeforeTheGap(FxRobot robot)
      throws Exception {
    // Both queued before one drain (the FX thread busy), as under a flood: the session dropped
    // 5,000 characters (250 lines) between them, which the transcript must not hide.
    robot.interact(
        () -> {
          pane.clearTranscript();
          pane.offer(new ReplEvent.Output(7, ReplEvent.Stream.OUT, "line 1\nline 2\n", 0, 0));
          pane.offer(new ReplEvent.Output(7, ReplEvent.Stream.OUT, "line 253\n", 5_000, 250));
        });
    waitForTranscript("line 253");
    // Before, the two were merged as one text: "line 1", "line 2", "line 253", one after another.
    assertThat(FxWait.onFx(pane::transcriptText))
        .isEqualTo("… 252 earlier lines dropped\nline 253\n");
  }
}
