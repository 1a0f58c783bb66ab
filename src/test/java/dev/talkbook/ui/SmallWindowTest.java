package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.repl.ReplSession;
import javafx.scene.Node;
import javafx.scene.control.TitledPane;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A laptop's window: the unfolded details leave the notes most of the talk's column (their fields
 * scroll), and the REPL pane comes back as it was left, shown or hidden, after a restart.
 */
class SmallWindowTest extends RealWindowTest {

  private static final String NOTES = "# Notes\n" + "A line of notes\n".repeat(60);

  @Test
  void theDetailsLeaveTheNotesMostOfAShortWindow(FxRobot robot) throws Exception {
    ui.resize(robot, 1024, 600);
    ui.openNewTalk(robot, "A talk with all its details", NOTES);
    TitledPane details = robot.lookup("#talk-details").queryAs(TitledPane.class);
    Node notes = WindowUnderTest.editor(robot);
    assertThat(FxWait.onFx(details::isExpanded)).isTrue();
    FxWait.untilFx("the details laid out", () -> details.getHeight() > 0);
    double column = FxWait.onFx(() -> details.getParent().getLayoutBounds().getHeight());
    assertThat(FxWait.onFx(details::getHeight))
        .as("the details' height in a column of %s px", column)
        .isLessThanOrEqualTo(WindowLayout.detailsMost(column) + 1);
    assertThat(FxWait.onFx(() -> notes.getLayoutBounds().getHeight()))
        .isGreaterThanOrEqualTo(
            Math.min(WindowLayout.NOTES_ROOM, column * WindowLayout.NOTES_SHARE) - 1);
  }

  @Test
  void aFieldTabbedToBelowTheDetailsViewIsScrolledIntoSight(FxRobot robot) throws Exception {
    ui.resize(robot, 1024, 600);
    ui.openNewTalk(robot, "A talk with all its details", NOTES);
    Node box = FxWait.shown(robot, ".tb-details-fields");
    javafx.scene.control.TextField video =
        robot.lookup("#detail-video").queryAs(javafx.scene.control.TextField.class);
    FxWait.clickOn(robot, "#detail-title");
    // Tab by Tab down the fields to the last one, as a keyboard user goes: the scroll pane brings
    // each into sight (JavaFX's own traversal), so the capped details stay usable by keyboard.
    for (int i = 0; i < 20 && !FxWait.onFx(video::isFocused); i++) {
      robot.type(javafx.scene.input.KeyCode.TAB);
    }
    assertThat(FxWait.onFx(video::isFocused)).isTrue();
    FxWait.untilFx(
        "the video field inside what the details show",
        () -> {
          javafx.geometry.Bounds view = box.localToScene(box.getLayoutBounds());
          javafx.geometry.Bounds field = video.localToScene(video.getLayoutBounds());
          return field.getMinY() >= view.getMinY() - 0.5 && field.getMaxY() <= view.getMaxY() + 0.5;
        });
  }

  /**
   * A 1024 x 640 screen's window, 960 x 640, the navigator at its first share: a tester found its
   * header without "Notebook", an event's date cut to "2026-1…", and (the REPL open, the details
   * short) a long title in a four-line box with its own scroll bar; a short title showed a scroll
   * bar too.
   */
  @Test
  void aSmallWindowKeepsTheHeaderAndWholeDatesAndALongTitleLeavesTheFieldsInSight(FxRobot robot)
      throws Exception {
    var event =
        ui.notebook
            .events()
            .create(
                new dev.talkbook.core.notebook.Event.Details(
                    "NightConf 2026", java.time.LocalDate.of(2026, 12, 6), null, null, null));
    var talk =
        ui.notebook
            .talks()
            .create(
                event.id(),
                dev.talkbook.core.notebook.Talk.Details.titled(
                    "A very long title about observability, tracing, metrics, logs and everything"
                        + " in between that a conference could ever want"),
                NOTES);
    ui.reloadTree(robot);
    ui.resize(robot, 960, 640);
    javafx.scene.control.SplitPane split =
        robot.lookup(".split-pane").queryAs(javafx.scene.control.SplitPane.class);
    robot.interact(() -> split.setDividerPosition(0, 0.22));
    ui.idle();
    javafx.scene.control.Label header =
        robot.lookup(".tb-pane-title").queryAs(javafx.scene.control.Label.class);
    assertThat(FxWait.onFx(() -> header.getText())).isEqualTo("Notebook");
    assertThat(FxWait.onFx(header::isVisible))
        .as(
            "the header's title, %s px for %s; the header %s px for %s",
            header.getWidth(),
            header.prefWidth(-1),
            header.getParent().getLayoutBounds().getWidth(),
            ((javafx.scene.layout.Region) header.getParent()).prefWidth(-1))
        .isTrue();
    // The event's date: whole, or not shown; never cut.
    javafx.scene.control.Label date =
        (javafx.scene.control.Label)
            FxWait.onFx(
                () ->
                    robot.lookup(".tb-event-row .tb-row-detail").queryAll().stream()
                        .findFirst()
                        .orElseThrow());
    FxWait.onFx(
        () -> {
          if (date.isVisible()) {
            assertThat(date.getWidth())
                .as("the date's width")
                .isGreaterThanOrEqualTo(date.prefWidth(-1) - 0.5);
          }
          return null;
        });
    // A short window: the details show little, and the long title takes at most half of it.
    ui.resize(robot, 960, 420);
    robot.interact(() -> ui.window.open(talk.id(), java.util.List.of()));
    FxWait.untilFx("the notes", () -> WindowUnderTest.editor(robot).getText().equals(NOTES));
    javafx.scene.control.ScrollPane fields =
        (javafx.scene.control.ScrollPane) FxWait.shown(robot, ".tb-details-fields");
    Node title = robot.lookup("#detail-title").query();
    FxWait.untilFx(
        "the title at most half the details' view",
        java.time.Duration.ofSeconds(5),
        () ->
            title.getLayoutBounds().getHeight() <= fields.getViewportBounds().getHeight() / 2 + 16);
    // A short title shows no scroll bar of its own.
    robot.interact(() -> ((javafx.scene.control.TextArea) title).setText("Loom"));
    ui.resize(robot, 1280, 800);
    FxWait.untilFx(
        "no scroll bar beside a short title",
        java.time.Duration.ofSeconds(5),
        () ->
            title.lookupAll(".scroll-bar").stream()
                .noneMatch(
                    b ->
                        b instanceof javafx.scene.control.ScrollBar bar
                            && bar.getOrientation() == javafx.geometry.Orientation.VERTICAL
                            && bar.isVisible()));
  }

  private static boolean replShown(FxRobot robot) {
    return robot.lookup(".tb-repl").tryQuery().map(FxWait::isShown).orElse(false);
  }

  @Test
  void theReplPaneIsShownAfterARestartIfItWasAndNotIfItWasNot(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "A talk", NOTES);
    ReplSession repl = ui.attachRepl(robot);
    ui.fire(robot, "Show or hide the REPL");
    FxWait.untilFx("the REPL shown", () -> replShown(robot));

    robot.interact(() -> ui.window.close());
    robot.interact(
        () -> {
          ui.show();
          ui.window.attachRepl(repl);
        });
    FxWait.untilFx("the talk open again", () -> ui.openTalk() != null);
    FxWait.untilFx("the REPL shown again", () -> replShown(robot));
    // The notes keep the focus the start gave them.
    FxWait.untilFx("the notes focused", () -> WindowUnderTest.editor(robot).isFocused());

    ui.fire(robot, "Show or hide the REPL");
    FxWait.untilFx("the REPL hidden", () -> !replShown(robot));
    robot.interact(() -> ui.window.close());
    robot.interact(
        () -> {
          ui.show();
          ui.window.attachRepl(repl);
        });
    FxWait.untilFx("the talk open again", () -> ui.openTalk() != null);
    ui.idle();
    assertThat(FxWait.onFx(() -> replShown(robot))).isFalse();
  }
}
