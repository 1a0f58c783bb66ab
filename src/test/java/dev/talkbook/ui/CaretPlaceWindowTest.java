package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Talk;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Coming back to a talk (another talk opened in between, or a restart) puts the caret, the
 * selection and the scroll where they were left, so typing goes on there; a talk never visited
 * opens at its start.
 */
class CaretPlaceWindowTest extends RealWindowTest {

  private static final String LONG =
      IntStream.range(0, 300).mapToObj(i -> "line " + i).collect(Collectors.joining("\n")) + "\n";

  /** The caret put on line {@code line}, column 2, and line {@code top} scrolled to the top. */
  private static void leaveCaret(FxRobot robot, int line, int top) throws Exception {
    CodeArea notes = WindowUnderTest.editor(robot);
    robot.interact(
        () -> {
          notes.requestFocus();
          notes.moveTo(line, 2);
          notes.showParagraphAtTop(top);
        });
    FxWait.untilFx(
        "line " + top + " at the top",
        () ->
            !notes.getVisibleParagraphs().isEmpty() && notes.firstVisibleParToAllParIndex() == top);
  }

  private static int caretAt(int line) {
    return LONG.lines().limit(line).mapToInt(l -> l.length() + 1).sum() + 2;
  }

  private static void seesCaretAndTop(FxRobot robot, int line, int top) throws Exception {
    CodeArea notes = WindowUnderTest.editor(robot);
    FxWait.untilFx(
        "the caret on line " + line + " and line " + top + " at the top",
        () ->
            notes.getCaretPosition() == caretAt(line)
                && !notes.getVisibleParagraphs().isEmpty()
                && notes.firstVisibleParToAllParIndex() == top);
  }

  @Test
  void comingBackToATalkPutsTheCaretAndTheScrollWhereTheyWereLeft(FxRobot robot) throws Exception {
    Talk other = ui.openNewTalk(robot, "Other", "Other notes\n");
    Talk talk = ui.openNewTalk(robot, "Long notes", LONG);
    leaveCaret(robot, 150, 140);

    robot.interact(() -> ui.window.open(other.id(), List.of()));
    FxWait.untilFx(
        "the other talk", () -> WindowUnderTest.editorText(robot).equals("Other notes\n"));
    robot.interact(() -> ui.window.open(talk.id(), List.of()));
    FxWait.untilFx("the long notes", () -> WindowUnderTest.editorText(robot).equals(LONG));
    seesCaretAndTop(robot, 150, 140);

    // Typing goes on there, not at the start of the notes.
    CodeArea notes = WindowUnderTest.editor(robot);
    robot.interact(notes::requestFocus);
    robot.write("BACK");
    FxWait.untilFx(
        "typed on line 150", () -> notes.getParagraph(150).getText().equals("liBACKne 150"));
  }

  @Test
  void aDeletedTalkTakesItsPlaceAndItsBeingTheLastTalkWithIt(FxRobot robot) throws Exception {
    Talk other = ui.openNewTalk(robot, "Other", "Other notes\n");
    Talk talk = ui.openNewTalk(robot, "Long notes", LONG);
    leaveCaret(robot, 150, 140);
    openAndSee(robot, other, "Other notes\n");
    openAndSee(robot, talk, LONG);

    ui.clickOnRow(robot, "Long notes");
    robot.type(javafx.scene.input.KeyCode.DELETE);
    robot.clickOn(
        FxWait.shown(
            robot,
            ".dialog-pane .button",
            b -> "Delete".equals(((javafx.scene.control.Button) b).getText())));
    FxWait.until("the talk deleted", () -> ui.notebook.talks().find(talk.id()).isEmpty());
    restart(robot);

    TalkPlaces places = TalkPlaces.load(ui.settingsFile.getParent(), ui.notebook.file());
    assertThat(places.get(talk.id())).isNull();
    assertThat(
            dev.talkbook.ui.common.Settings.load(ui.settingsFile)
                .get(dev.talkbook.ui.common.Settings.lastTalk(ui.notebook.file())))
        .isNotEqualTo(talk.id());
  }

  @Test
  void aTalkNeverVisitedOpensAtItsStart(FxRobot robot) throws Exception {
    Talk talk = ui.openNewTalk(robot, "Long notes", LONG);
    leaveCaret(robot, 150, 140);
    Talk fresh = ui.openNewTalk(robot, "Fresh", LONG);
    assertThat(fresh.id()).isNotEqualTo(talk.id());
    CodeArea notes = WindowUnderTest.editor(robot);
    FxWait.untilFx(
        "the caret and the scroll at the start",
        () ->
            notes.getCaretPosition() == 0
                && !notes.getVisibleParagraphs().isEmpty()
                && notes.firstVisibleParToAllParIndex() == 0);
  }

  @Test
  void afterARestartTheLastTalkOpensWithTheCaretAndScrollWhereTheyWereLeft(FxRobot robot)
      throws Exception {
    ui.openNewTalk(robot, "Long notes", LONG);
    leaveCaret(robot, 208, 200);

    robot.interact(() -> ui.window.close());
    robot.interact(() -> ui.show());
    FxWait.untilFx("the long notes again", () -> WindowUnderTest.editorText(robot).equals(LONG));
    seesCaretAndTop(robot, 208, 200);
  }

  /**
   * A burst of typing saved, then a kill -9 before the caret rested a second (all was saved: no
   * journal is left to put the caret at its end): the next start put the caret where it rested
   * before the burst, above the typing. The places file, as the burst is saved, is what that start
   * reads: the caret at the end of the burst.
   */
  @Test
  void theCaretAfterABurstOfTypingIsKeptByTheTimeTheBurstIsSaved(FxRobot robot) throws Exception {
    Talk talk = ui.openNewTalk(robot, "Long notes", LONG);
    leaveCaret(robot, 10, 0);
    java.util.function.Supplier<dev.talkbook.ui.editor.EditorView.Place> inFile =
        () -> TalkPlaces.load(ui.settingsFile.getParent(), ui.notebook.file()).get(talk.id());
    FxWait.until(
        "the place on line 10 in the file",
        () -> inFile.get() != null && inFile.get().caret() == caretAt(10));

    String burst = "BURST typed on";
    robot.write(burst);
    int end = caretAt(10) + burst.length();
    String typed = LONG.substring(0, caretAt(10)) + burst + LONG.substring(caretAt(10));
    // Read as soon as the notebook has the burst: the caret has not rested a second yet.
    long started = System.nanoTime();
    while (!ui.notebook.talks().get(talk.id()).body().equals(typed)) {
      assertThat(System.nanoTime() - started)
          .as("the burst saved within 30 s")
          .isLessThan(30_000_000_000L);
      Thread.sleep(2); // polled: the check must come before the caret rests a second
    }
    assertThat(inFile.get())
        .as("the place the next start reads, as the burst is saved")
        .isNotNull()
        .extracting(
            dev.talkbook.ui.editor.EditorView.Place::anchor,
            dev.talkbook.ui.editor.EditorView.Place::caret)
        .as("no selection: the next key typed replaced the last one")
        .containsExactly(end, end);
  }

  /** A restart: this window closes and a new one opens on the same notebook and settings. */
  private void restart(FxRobot robot) {
    robot.interact(() -> ui.window.close());
    robot.interact(() -> ui.show());
  }

  /** Opens {@code talk} (already in the tree) and waits for {@code notes} in the editor. */
  private void openAndSee(FxRobot robot, Talk talk, String notes) throws Exception {
    robot.interact(() -> ui.window.open(talk.id(), List.of()));
    FxWait.untilFx(
        "the notes of " + talk.title(), () -> WindowUnderTest.editorText(robot).equals(notes));
  }

  @Test
  void afterARestartEveryTalkVisitedOpensWhereItWasLeft(FxRobot robot) throws Exception {
    Talk first = ui.openNewTalk(robot, "First", LONG);
    leaveCaret(robot, 150, 140);
    Talk second = ui.openNewTalk(robot, "Second", LONG);
    leaveCaret(robot, 208, 200);
    Talk third = ui.openNewTalk(robot, "Third", "Third notes\n");

    restart(robot);
    FxWait.untilFx(
        "the last talk again", () -> WindowUnderTest.editorText(robot).equals("Third notes\n"));
    openAndSee(robot, first, LONG);
    seesCaretAndTop(robot, 150, 140);
    openAndSee(robot, second, LONG);
    seesCaretAndTop(robot, 208, 200);
    assertThat(third.id()).isNotIn(first.id(), second.id());
  }

  @Test
  void aTalkVisitedWithoutMovingKeepsItsPlaceThoughItsNotesNoLongerReachIt(FxRobot robot)
      throws Exception {
    Talk talk = ui.openNewTalk(robot, "Long notes", LONG);
    leaveCaret(robot, 208, 200);
    Talk other = ui.openNewTalk(robot, "Other", "Other notes\n");

    // Shortened elsewhere while the window was closed (an import, say): the place is cut to them.
    robot.interact(() -> ui.window.close());
    String shorter = LONG.lines().limit(100).map(l -> l + "\n").reduce("", String::concat);
    ui.notebook.talks().saveBody(talk.id(), shorter);
    robot.interact(() -> ui.show());
    FxWait.untilFx(
        "the other talk", () -> WindowUnderTest.editorText(robot).equals("Other notes\n"));
    openAndSee(robot, talk, shorter);
    CodeArea notes = WindowUnderTest.editor(robot);
    FxWait.untilFx("the caret at the end", () -> notes.getCaretPosition() == shorter.length());
    openAndSee(robot, other, "Other notes\n");

    // The notes whole again: the caret and scroll go back where the user left them, not where the
    // shortened notes put them, after another restart too.
    restart(robot);
    FxWait.untilFx(
        "the other talk", () -> WindowUnderTest.editorText(robot).equals("Other notes\n"));
    ui.notebook.talks().saveBody(talk.id(), LONG);
    openAndSee(robot, talk, LONG);
    seesCaretAndTop(robot, 208, 200);
  }

  /**
   * The mouse wheel turned over the notes by {@code deltaY} pixels (negative: down), as the system
   * sends it: Monocle's robot has no wheel.
   */
  private static void wheel(FxRobot robot, CodeArea notes, double deltaY) {
    robot.interact(
        () -> {
          javafx.scene.Node flow = notes.lookup(".virtual-flow");
          javafx.geometry.Bounds local = flow.getBoundsInLocal();
          javafx.geometry.Bounds screen = flow.localToScreen(local);
          javafx.event.Event.fireEvent(
              flow,
              new javafx.scene.input.ScrollEvent(
                  javafx.scene.input.ScrollEvent.SCROLL,
                  local.getCenterX(),
                  local.getCenterY(),
                  screen.getCenterX(),
                  screen.getCenterY(),
                  false,
                  false,
                  false,
                  false,
                  false,
                  false,
                  0,
                  deltaY,
                  0,
                  deltaY,
                  javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE,
                  0,
                  javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE,
                  0,
                  0,
                  null));
        });
  }

  @Test
  void scrollingAloneKeepsTheScroll(FxRobot robot) throws Exception {
    Talk talk = ui.openNewTalk(robot, "Long notes", LONG);
    CodeArea notes = WindowUnderTest.editor(robot);
    wheel(robot, notes, -600);
    FxWait.untilFx("scrolled down", () -> notes.firstVisibleParToAllParIndex() > 10);
    int top = FxWait.onFx(() -> notes.firstVisibleParToAllParIndex());
    assertThat(top).isGreaterThan(0);
    assertThat(FxWait.onFx(notes::getCaretPosition)).isZero();
    ui.openNewTalk(robot, "Other", "Other notes\n");

    restart(robot);
    FxWait.untilFx(
        "the other talk", () -> WindowUnderTest.editorText(robot).equals("Other notes\n"));
    openAndSee(robot, talk, LONG);
    CodeArea again = WindowUnderTest.editor(robot);
    FxWait.untilFx(
        "line " + top + " at the top",
        () ->
            !again.getVisibleParagraphs().isEmpty() && again.firstVisibleParToAllParIndex() == top);
  }

  @Test
  void thePlaceAnEarlierTalkbookKeptForTheLastTalkIsTakenOver(FxRobot robot) throws Exception {
    Talk talk = ui.openNewTalk(robot, "Long notes", LONG);
    Talk other = ui.openNewTalk(robot, "Other", "Other notes\n");
    robot.interact(() -> ui.window.close());
    // As an earlier Talkbook left the settings: the last talk and its place alone.
    dev.talkbook.ui.common.Settings earlier = dev.talkbook.ui.common.Settings.load(ui.settingsFile);
    earlier.put(dev.talkbook.ui.common.Settings.lastTalk(ui.notebook.file()), other.id());
    earlier.put(
        dev.talkbook.ui.common.Settings.lastPlace(ui.notebook.file()),
        talk.id() + ":" + caretAt(150) + ":" + caretAt(150) + ":140");
    earlier.flush();
    java.nio.file.Path places = ui.settingsFile.getParent().resolve("places");
    if (java.nio.file.Files.exists(places)) {
      try (var files = java.nio.file.Files.walk(places)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }

    robot.interact(() -> ui.show());
    FxWait.untilFx(
        "the other talk", () -> WindowUnderTest.editorText(robot).equals("Other notes\n"));
    openAndSee(robot, talk, LONG);
    seesCaretAndTop(robot, 150, 140);
  }

  @Test
  void aTalkLeftAtItsTopOpensAtItsTopThoughTheTalkBeforeWasScrolledDown(FxRobot robot)
      throws Exception {
    Talk top = ui.openNewTalk(robot, "Left at the top", LONG);
    leaveCaret(robot, 4, 0);
    ui.openNewTalk(robot, "Scrolled down", LONG);
    leaveCaret(robot, 290, 270);

    openAndSee(robot, top, LONG);
    seesCaretAndTop(robot, 4, 0);
    caretInView(robot);
  }

  @Test
  void aTalkLeftAtItsTopOpensAtItsTopAfterCtrlEndInAnotherTalk(FxRobot robot) throws Exception {
    Talk top = ui.openNewTalk(robot, "Left at the top", LONG);
    leaveCaret(robot, 4, 0);
    Talk other = ui.openNewTalk(robot, "Scrolled down", LONG + LONG);
    CodeArea notes = WindowUnderTest.editor(robot);
    robot.interact(notes::requestFocus);
    robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.END);
    robot.release(javafx.scene.input.KeyCode.END, javafx.scene.input.KeyCode.CONTROL);
    FxWait.untilFx("scrolled to the end", () -> notes.firstVisibleParToAllParIndex() > 500);
    robot.interact(() -> ui.window.open(top.id(), List.of()));
    FxWait.untilFx("the talk left at its top", () -> notes.getLength() == LONG.length());
    seesCaretAndTop(robot, 4, 0);
    caretInView(robot);
    assertThat(other.id()).isNotEqualTo(top.id());
  }

  /** Lines that wrap many times in the editor: a caret at the end of one is below its top. */
  private static final String WRAPPED =
      IntStream.range(0, 40)
              .mapToObj(i -> ("long line " + i + " ").repeat(60).strip())
              .collect(Collectors.joining("\n"))
          + "\n";

  /**
   * Waits until the caret's line is whole inside the notes' view: the character at the caret, or
   * before it at the end of a line (the caret is not drawn while the notes lack focus).
   */
  private static void caretInView(FxRobot robot) throws Exception {
    CodeArea notes = WindowUnderTest.editor(robot);
    FxWait.untilFx(
        "the caret in view",
        () -> {
          javafx.geometry.Bounds view = notes.localToScreen(notes.getBoundsInLocal());
          int par = notes.getCurrentParagraph();
          int length = notes.getParagraphLength(par);
          int at = notes.getAbsolutePosition(par, Math.min(notes.getCaretColumn(), length - 1));
          return (length == 0
                  ? notes.getParagraphBoundsOnScreen(par)
                  : notes.getCharacterBoundsOnScreen(at, at + 1))
              .filter(
                  c ->
                      c.getHeight() > 0
                          && c.getMinY() >= view.getMinY() - 0.5
                          && c.getMaxY() <= view.getMaxY() + 0.5)
              .isPresent();
        });
  }

  @Test
  void comingBackToATalkShowsTheCaretAtTheEndOfALongWrappedLine(FxRobot robot) throws Exception {
    Talk talk = ui.openNewTalk(robot, "Wrapped", WRAPPED);
    CodeArea notes = WindowUnderTest.editor(robot);
    // Ctrl+End, then typing at the end: the view shows the caret, the top line partly scrolled by.
    robot.interact(notes::requestFocus);
    robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.END);
    robot.release(javafx.scene.input.KeyCode.END, javafx.scene.input.KeyCode.CONTROL);
    // One change, so one undo step whatever the machine's load: typed key by key, more than
    // TypingUndo.PAUSE between two keys (seen at a load of 40) made each its own step, and one
    // Ctrl+Z took back only the last.
    robot.interact(() -> notes.replaceSelection("AAA"));
    String typed = WRAPPED + "AAA";
    FxWait.untilFx("typed at the end", () -> notes.getText().equals(typed));
    caretInView(robot);
    ui.openNewTalk(robot, "Other", "Other notes\n");

    openAndSee(robot, talk, typed);
    caretInView(robot);

    // The caret and the view taken away to the top: Undo takes back the typing and shows where.
    robot.interact(
        () -> {
          notes.moveTo(0);
          notes.showParagraphAtTop(0);
        });
    FxWait.untilFx("the top in view", () -> notes.firstVisibleParToAllParIndex() == 0);
    robot.interact(notes::requestFocus);
    robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.Z);
    robot.release(javafx.scene.input.KeyCode.Z, javafx.scene.input.KeyCode.CONTROL);
    FxWait.untilFx("the typing undone", () -> notes.getText().equals(WRAPPED));
    FxWait.untilFx(
        "the caret where the typing was", () -> notes.getCaretPosition() == WRAPPED.length());
    caretInView(robot);
  }

  /** Paragraphs that wrap over many lines, a blank line between them. */
  private static final String PARAGRAPHS =
      IntStream.range(0, 30)
              .mapToObj(i -> "Paragraph " + i + ": " + "the speaker parks a thread ".repeat(24))
              .map(String::strip)
              .collect(Collectors.joining("\n\n"))
          + "\n";

  /** The window's size when the caret was left, and a narrower one it is started in next. */
  private static final double WIDE = 1100;

  private static final double NARROW = 800;

  private static final double HEIGHT = 700;

  @Test
  void afterARestartInANarrowerWindowTheCaretLeftInViewIsInView(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Wrapped", PARAGRAPHS);
    CodeArea notes = WindowUnderTest.editor(robot);
    int top = 20; // paragraph 10
    // In the narrower window, with paragraph 10 at the top: how high the notes are once laid out,
    // and a caret three lines below them, which longer lines push there from the wider window.
    ui.resize(robot, NARROW, HEIGHT);
    robot.interact(() -> notes.showParagraphAtTop(top));
    FxWait.untilFx(
        "paragraph 10 at the top",
        () ->
            !notes.getScene().getRoot().isNeedsLayout()
                && !notes.getVisibleParagraphs().isEmpty()
                && notes.firstVisibleParToAllParIndex() == top);
    double notesHigh = FxWait.onFx(notes::getHeight);
    double line =
        FxWait.onFx(
            () -> {
              int first = notes.getAbsolutePosition(top, 0);
              return notes.getCharacterBoundsOnScreen(first, first + 1).orElseThrow().getHeight();
            });
    robot.interact(() -> notes.scrollYBy(3 * line));
    FxWait.untilFx(
        "scrolled by three lines",
        () -> {
          int first = notes.getAbsolutePosition(top, 0);
          double viewTop = notes.localToScreen(notes.getBoundsInLocal()).getMinY();
          return notes.firstVisibleParToAllParIndex() == top
              && notes
                  .getCharacterBoundsOnScreen(first, first + 1)
                  .filter(b -> b.getMinY() < viewTop - 2.5 * line)
                  .isPresent();
        });
    int caret =
        FxWait.onFx(
            () -> notes.hit(notes.getWidth() / 2, notesHigh - line / 2).getInsertionIndex());

    // The user leaves the caret there in the wider window, where it is in view.
    ui.resize(robot, WIDE, HEIGHT);
    robot.interact(
        () -> {
          notes.moveTo(caret);
          notes.showParagraphAtTop(top);
        });
    FxWait.untilFx("paragraph 10 at the top", () -> notes.firstVisibleParToAllParIndex() == top);
    caretInView(robot);

    // Started again in the narrower window.
    robot.interact(() -> ui.window.close());
    ui.idle();
    dev.talkbook.ui.common.Settings settings =
        dev.talkbook.ui.common.Settings.load(ui.settingsFile);
    settings.put(dev.talkbook.ui.common.Settings.WIDTH, NARROW);
    settings.put(dev.talkbook.ui.common.Settings.HEIGHT, HEIGHT);
    settings.flush();
    robot.interact(
        () -> {
          ui.stage.setScene(null);
          ui.stage.setWidth(NARROW);
          ui.stage.setHeight(HEIGHT);
          ui.showAsTheAppStarts();
        });
    CodeArea again = WindowUnderTest.editor(robot);
    FxWait.untilFx("the notes again", () -> again.getText().equals(PARAGRAPHS));
    // Seen once the notes have their height in the settled window: the first layouts give them
    // more room than they keep (the details go one field a row once they know their width).
    FxWait.untilFx(
        "the caret in view in notes " + notesHigh + " px high",
        () ->
            again.getCaretPosition() == caret
                && Math.abs(again.getHeight() - notesHigh) < 0.5
                && !again.getScene().getRoot().isNeedsLayout()
                && caretShown(again));
  }

  /** Whether the caret's line is whole in the notes' view (see {@link #caretInView}). */
  private static boolean caretShown(CodeArea notes) {
    javafx.geometry.Bounds view = notes.localToScreen(notes.getBoundsInLocal());
    int par = notes.getCurrentParagraph();
    int length = notes.getParagraphLength(par);
    int at = notes.getAbsolutePosition(par, Math.min(notes.getCaretColumn(), length - 1));
    return (length == 0
            ? notes.getParagraphBoundsOnScreen(par)
            : notes.getCharacterBoundsOnScreen(at, at + 1))
        .filter(
            c ->
                c.getHeight() > 0
                    && c.getMinY() >= view.getMinY() - 0.5
                    && c.getMaxY() <= view.getMaxY() + 0.5)
        .isPresent();
  }

  @Test
  void aResizeAfterTheUserPressedAKeyLeavesTheScrollWhereItIs(FxRobot robot) throws Exception {
    Talk talk = ui.openNewTalk(robot, "Long notes", LONG);
    leaveCaret(robot, 152, 140);
    ui.openNewTalk(robot, "Other", "Other notes\n");
    openAndSee(robot, talk, LONG);
    seesCaretAndTop(robot, 152, 140);
    caretInView(robot);

    // A key pressed, then the window made so short that line 152 is below the notes: they keep
    // line 140 at the top (only a window still settling brings the caret back into view).
    robot.press(javafx.scene.input.KeyCode.SHIFT).release(javafx.scene.input.KeyCode.SHIFT);
    ui.resize(robot, 0, 0);
    CodeArea notes = WindowUnderTest.editor(robot);
    FxWait.untilFx("laid out", () -> !notes.getScene().getRoot().isNeedsLayout());
    twoMorePulses(robot, notes.getScene());
    assertThat(FxWait.onFx(notes::firstVisibleParToAllParIndex)).isEqualTo(140);
    assertThat(FxWait.onFx(() -> caretShown(notes))).isFalse();
  }

  /** Waits until two more pulses have laid out the scene: a scroll asked in the first is done. */
  private static void twoMorePulses(FxRobot robot, javafx.scene.Scene scene) {
    java.util.concurrent.atomic.AtomicInteger pulses =
        new java.util.concurrent.atomic.AtomicInteger();
    Runnable count =
        () -> {
          pulses.incrementAndGet();
          javafx.application.Platform.requestNextPulse();
        };
    robot.interact(
        () -> {
          scene.addPostLayoutPulseListener(count);
          javafx.application.Platform.requestNextPulse();
        });
    FxWait.until("two more pulses", () -> pulses.get() >= 2);
    robot.interact(() -> scene.removePostLayoutPulseListener(count));
  }
}
