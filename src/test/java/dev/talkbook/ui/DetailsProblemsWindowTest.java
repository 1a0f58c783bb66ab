package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.ui.common.FormDialogs;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Found by a tester: an https:// fix taken back came back at the next Quit, saved without a word,
 * and the Quit logged an error (the details' save answered after the app's threads had stopped);
 * the Undo of that fix was cut to a bare "…" in a full status bar; several fields that could not be
 * saved showed only the first problem, marked no field, and the status bar said "Details not saved"
 * while the other fields were saved. (The Undo: {@link StatusNoticeWindowTest}.)
 */
class DetailsProblemsWindowTest extends RealWindowTest {

  private Talk stored(Talk talk) {
    return ui.notebook.talks().get(talk.id());
  }

  private static TextField field(FxRobot robot, String id) {
    return robot.lookup("#detail-" + id).queryAs(TextField.class);
  }

  private static void typeInto(FxRobot robot, String id, String text) {
    FxWait.clickOn(robot, "#detail-" + id);
    robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
    robot.write(text);
  }

  private static boolean marked(FxRobot robot, String id) {
    return field(robot, id).getPseudoClassStates().contains(FormDialogs.INVALID);
  }

  /** The line under the fields that says what cannot be saved. */
  private static String problemsShown(FxRobot robot) throws Exception {
    return FxWait.onFx(
        () ->
            robot.lookup("#talk-details .tb-problem").queryAllAs(Label.class).stream()
                .filter(Label::isVisible)
                .map(Label::getText)
                .filter(t -> !t.isEmpty())
                .findFirst()
                .orElse(""));
  }

  private void showTalk(FxRobot robot, Talk talk, String notes) {
    robot.interact(() -> ui.window.open(talk.id(), List.of()));
    FxWait.untilFx("the notes of " + talk.id(), () -> ui.editorText(robot).equals(notes));
  }

  @Test
  void anHttpsFixTakenBackIsNotSavedAtQuitAndQuitAsksNothingOfTheStoppedThreads(FxRobot robot)
      throws Exception {
    Talk talk = ui.openNewTalk(robot, "Greek road", "Notes\n");
    typeInto(robot, "slides", "youtu.be/y");
    robot.type(KeyCode.TAB);
    FxWait.until(
        "the link stored with https://",
        () -> "https://youtu.be/y".equals(stored(talk).details().slidesUrl()));
    FxWait.clickOn(robot, "#undo-notice");
    FxWait.until("the fix taken back", () -> stored(talk).details().slidesUrl() == null);
    FxWait.untilFx(
        "the typed link back in its field",
        () -> "youtu.be/y".equals(field(robot, "slides").getText()));
    // A restart: the link is shown kept, with its problem.
    robot.interact(() -> ui.window.close());
    robot.interact(() -> ui.show());
    showTalk(robot, talk, "Notes\n");
    assertThat(FxWait.onFx(() -> field(robot, "slides").getText())).isEqualTo("youtu.be/y");
    Path file = ui.notebook.file();
    List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    Thread.UncaughtExceptionHandler[] before = new Thread.UncaughtExceptionHandler[1];
    robot.interact(
        () -> {
          before[0] = Thread.currentThread().getUncaughtExceptionHandler();
          Thread.currentThread().setUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        });
    try {
      ui.quitAsTheAppDoes(robot);
    } finally {
      robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler(before[0]));
    }
    try (Notebook after = Notebook.open(file)) {
      assertThat(after.talks().get(talk.id()).details().slidesUrl())
          .as("the link as the field showed it: not stored, no https:// added")
          .isNull();
    }
    assertThat(uncaught).as("errors on the FX thread after Quit").isEmpty();
  }

  @Test
  void everyFieldThatCannotBeSavedIsMarkedAndToldAndTheStatusSaysTheOthersAreSaved(FxRobot robot)
      throws Exception {
    Talk talk = ui.openNewTalk(robot, "Greek road", "Notes\n");
    typeInto(robot, "speakers", "Ada Lovelace");
    typeInto(robot, "time", "tomorrow-ish 25:99");
    typeInto(robot, "video", "not a link at all");
    // The two problems come after a pause in the typing, and the fields scroll to show them (once
    // for each new set): a click aimed at Room before that scroll landed elsewhere (seen in CI at
    // load 5-15: Room never saved). The click waits for them, as a user sees the fields move.
    FxWait.until(
        "the problems of Time and Video listed",
        () -> problemsShown(robot).contains("not a link at all"));
    typeInto(robot, "room", "Main hall");
    robot.type(KeyCode.TAB);
    FxWait.until(
        "the fields that can be saved saved",
        () ->
            stored(talk).details().speakers().equals(List.of("Ada Lovelace"))
                && "Main hall".equals(stored(talk).details().room()));
    FxWait.untilFx(
        "the status bar names the fields not saved",
        () -> ui.saveState(robot).startsWith("Time and Video not saved: Time \"tomorrow-ish"));
    assertThat(ui.saveState(robot)).endsWith("; the other details are saved.");
    assertThat(problemsShown(robot))
        .contains("tomorrow-ish 25:99")
        .contains("not a link at all")
        .contains("\n");
    assertThat(FxWait.onFx(() -> marked(robot, "time"))).isTrue();
    assertThat(FxWait.onFx(() -> marked(robot, "video"))).isTrue();
    assertThat(FxWait.onFx(() -> marked(robot, "speakers"))).isFalse();
    assertThat(FxWait.onFx(() -> marked(robot, "room"))).isFalse();
    assertThat(FxWait.onFx(() -> field(robot, "video").getAccessibleText()))
        .startsWith("Link to the recording. Not saved: ")
        .contains("not a link at all");
    assertThat(FxWait.onFx(() -> field(robot, "speakers").getAccessibleText()))
        .isEqualTo("Speakers, comma separated");
    // The time put right: only the video is left, and the time loses its mark.
    typeInto(robot, "time", "2026-12-05 18:30");
    robot.type(KeyCode.TAB);
    FxWait.untilFx(
        "only the video not saved", () -> ui.saveState(robot).startsWith("Video not saved: Video"));
    FxWait.until("the time saved", () -> stored(talk).details().startsAt() != null);
    assertThat(FxWait.onFx(() -> marked(robot, "time"))).isFalse();
    assertThat(FxWait.onFx(() -> marked(robot, "video"))).isTrue();
    assertThat(problemsShown(robot)).doesNotContain("tomorrow").contains("not a link at all");
  }

  /** Whether the line under the fields that says what cannot be saved is whole in their view. */
  private static boolean problemsInView(FxRobot robot) {
    javafx.scene.control.ScrollPane box =
        robot.lookup(".tb-details-fields").queryAs(javafx.scene.control.ScrollPane.class);
    javafx.scene.Node viewport = box.lookup(".viewport");
    javafx.geometry.Bounds view = viewport.localToScreen(viewport.getLayoutBounds());
    return robot.lookup("#talk-details .tb-problem").queryAllAs(Label.class).stream()
        .filter(l -> l.isVisible() && !l.getText().isEmpty())
        .map(l -> l.localToScreen(l.getLayoutBounds()))
        .anyMatch(
            b ->
                b.getHeight() > 0
                    && b.getMinY() >= view.getMinY() - 0.5
                    && b.getMaxY() <= view.getMaxY() + 0.5);
  }

  /**
   * The line that says what cannot be saved comes into the fields' view as it comes: under the last
   * fields it was cut off by the pane's bottom edge (tester 9a, s14.png), and only Enter brought it
   * into view.
   */
  @Test
  void theProblemsListedUnderTheFieldsComeIntoViewInAShortWindow(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Greek road", "Notes\n");
    ui.resize(robot, 1100, 480); // the details' fields scroll
    robot.interact(
        () -> {
          field(robot, "time").setText("tomorrow-ish 25:99");
          field(robot, "slides").setText("see the slides");
          field(robot, "video").setText("the video later");
        });
    FxWait.untilFx(
        "the three problems listed",
        () -> problemsShown(robot).lines().count() == 3 && problemsShown(robot).contains("video"));
    FxWait.untilFx("the problems in view, by themselves", () -> problemsInView(robot));

    // Enter in the title, at the top: the title stays in view (the field being typed in never
    // leaves it), and the list comes as far into view as that lets it: the title at the view's top.
    javafx.scene.Node title = robot.lookup("#detail-title").query();
    robot.interact(title::requestFocus);
    FxWait.untilFx("the title focused", title::isFocused);
    robot.type(KeyCode.ENTER);
    FxWait.untilFx(
        "the title in view, the problems as far in view as it lets them",
        () ->
            inView(robot, title)
                && (problemsInView(robot) || Math.abs(viewTop(robot) - top(title)) < 1));
  }

  /** The fields' viewport on screen. */
  private static javafx.geometry.Bounds view(FxRobot robot) {
    javafx.scene.control.ScrollPane box =
        robot.lookup(".tb-details-fields").queryAs(javafx.scene.control.ScrollPane.class);
    javafx.scene.Node viewport = box.lookup(".viewport");
    return viewport.localToScreen(viewport.getLayoutBounds());
  }

  private static double viewTop(FxRobot robot) {
    return view(robot).getMinY();
  }

  private static double top(javafx.scene.Node n) {
    return n.localToScreen(n.getLayoutBounds()).getMinY();
  }

  private static boolean inView(FxRobot robot, javafx.scene.Node n) {
    javafx.geometry.Bounds b = n.localToScreen(n.getLayoutBounds());
    return b.getMinY() >= view(robot).getMinY() - 0.5 && b.getMaxY() <= view(robot).getMaxY() + 0.5;
  }
}
