package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;

/**
 * Moving a talk to another event (tester 7): with the keyboard there was no way (the row's menu,
 * the menus and the palette had no such command, only dragging did it), and a move, dragged, had no
 * message and no Undo. Now Move to event… picks the event by typing, the status bar says where the
 * talk went with Undo (Ctrl+Z outside the notes too), and a time kept outside the event's dates is
 * said.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MoveToEventWindowTest extends RealWindowTest {

  private void until(java.util.concurrent.Callable<Boolean> condition) throws Exception {
    waitFor(30, TimeUnit.SECONDS, condition);
  }

  private String notice(FxRobot robot) throws Exception {
    return FxWait.onFx(() -> robot.lookup("#notice").queryAs(Label.class).getText());
  }

  /** The events the chooser lists, as shown. */
  private List<String> offered(FxRobot robot) throws Exception {
    return FxWait.onFx(
        () ->
            robot.lookup("#picker-list .tb-palette-label").queryAllAs(Label.class).stream()
                .filter(Node::isVisible)
                .map(Label::getText)
                .filter(t -> t != null && !t.isEmpty())
                .toList());
  }

  /** The text of the rows' menu's item the keyboard is on (null: none). */
  private String focusedMenuItem(FxRobot robot) throws Exception {
    return FxWait.onFx(
        () ->
            robot.lookup(".context-menu .menu-item").queryAll().stream()
                .filter(
                    n ->
                        n.isFocused()
                            || n.getPseudoClassStates().stream()
                                .anyMatch(p -> p.getPseudoClassName().equals("focused")))
                .flatMap(n -> robot.from(n).lookup(".label").queryAllAs(Label.class).stream())
                .map(Label::getText)
                .filter(t -> t != null && !t.isEmpty())
                .findFirst()
                .orElse(null));
  }

  /** A talk in "Meetup" opened, and a second event, "Winter conference", dated 2027-01-14. */
  private Talk talkAndOtherEvent(FxRobot robot, LocalDateTime at) {
    Talk talk = ui.openNewTalk(robot, "Sealed types", "# Sealed types\n");
    if (at != null) {
      talk = ui.notebook.talks().update(talk.id(), talk.details().withStartsAt(at));
    }
    ui.notebook
        .events()
        .create(
            new Event.Details(
                "Winter conference", LocalDate.of(2027, 1, 14), null, "Antwerp", null));
    ui.reloadTree(robot);
    return talk;
  }

  private Event winter() {
    return ui.notebook.events().list().stream()
        .filter(e -> e.title().equals("Winter conference"))
        .findFirst()
        .orElseThrow();
  }

  /** Shift+F10 on the talk's row, Move to event…, "win", Enter. */
  private void moveByKeyboard(FxRobot robot) throws Exception {
    ui.clickOnRow(robot, "Sealed types");
    var tree = WindowUnderTest.navigator(robot);
    robot.press(KeyCode.SHIFT, KeyCode.F10).release(KeyCode.F10, KeyCode.SHIFT);
    FxWait.untilFx("the rows' menu shown", () -> tree.getContextMenu().isShowing());
    // Down to Move to event… (after Star, New talk…, Rename…), then Enter
    for (int i = 0; i < 8 && !"Move to event…".equals(focusedMenuItem(robot)); i++) {
      robot.type(KeyCode.DOWN);
    }
    assertThat(focusedMenuItem(robot)).isEqualTo("Move to event…");
    robot.type(KeyCode.ENTER);
    FxWait.shown(robot, "#picker-filter");
    FxWait.untilFx("the chooser's events", () -> !offered(robot).isEmpty());
    assertThat(offered(robot))
        .as("the talk's own event not offered")
        .containsExactly("Winter conference");
    robot.write("win");
    robot.type(KeyCode.ENTER);
  }

  @Test
  void aTalkMovesToAnotherEventByKeyboardWithAMessage(FxRobot robot) throws Exception {
    Talk talk = talkAndOtherEvent(robot, null);
    assertThat(FxWait.onFx(() -> ui.action("Move to event…").isDisable()))
        .as("Edit → Move to event… (and so the palette) offers it for the selected talk")
        .isFalse();

    moveByKeyboard(robot);

    until(() -> ui.notebook.talks().get(talk.id()).eventId() == winter().id());
    until(() -> robot.lookup("#undo-notice").query().isVisible());
    assertThat(notice(robot)).isEqualTo("Moved “Sealed types” to “Winter conference”.");
  }

  @Test
  void ctrlZUndoesAMoveByKeyboard(FxRobot robot) throws Exception {
    Talk sealed = talkAndOtherEvent(robot, null);
    // The talk in the middle of three, so that Undo putting it back anywhere else is seen.
    Talk opening = ui.notebook.talks().create(sealed.eventId(), Talk.Details.titled("Opening"), "");
    ui.notebook.talks().move(opening.id(), sealed.eventId(), 0);
    ui.notebook.talks().create(sealed.eventId(), Talk.Details.titled("Closing"), "");
    ui.reloadTree(robot);
    Talk talk = ui.notebook.talks().get(sealed.id());
    assertThat(talk.position()).isEqualTo(1);
    moveByKeyboard(robot);
    until(() -> ui.notebook.talks().get(talk.id()).eventId() == winter().id());
    until(() -> robot.lookup("#undo-notice").query().isVisible());
    ui.clickOnRow(robot, "Sealed types");

    robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);

    until(() -> ui.notebook.talks().get(talk.id()).eventId() == talk.eventId());
    assertThat(ui.notebook.talks().get(talk.id()).position()).isEqualTo(1);
    assertThat(ui.notebook.talks().get(talk.id()).body()).isEqualTo("# Sealed types\n");
  }

  @Test
  void ctrlZUndoesADragMove(FxRobot robot) throws Exception {
    Talk talk = talkAndOtherEvent(robot, null);
    Node target = ui.row(robot, "Winter conference");
    Node source = ui.row(robot, "Sealed types");
    assertThat(FxWait.onFx(() -> FxWait.isShown(target))).as("both rows on screen").isTrue();

    robot.drag(source).dropTo(target);

    until(() -> ui.notebook.talks().get(talk.id()).eventId() == winter().id());
    until(() -> robot.lookup("#undo-notice").query().isVisible());
    assertThat(notice(robot)).isEqualTo("Moved “Sealed types” to “Winter conference”.");
    ui.clickOnRow(robot, "Sealed types");
    assertThat(FxWait.onFx(() -> ui.action("Undo").isDisable())).isFalse();

    robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);

    until(() -> ui.notebook.talks().get(talk.id()).eventId() == talk.eventId());
    until(() -> !robot.lookup("#undo-notice").query().isVisible());
  }

  @Test
  void aTimeOutsideTheNewEventsDatesIsSaidAndKept(FxRobot robot) throws Exception {
    LocalDateTime at = LocalDateTime.of(2026, 12, 7, 11, 0);
    Talk talk = talkAndOtherEvent(robot, at);

    moveByKeyboard(robot);

    until(() -> ui.notebook.talks().get(talk.id()).eventId() == winter().id());
    until(() -> robot.lookup("#undo-notice").query().isVisible());
    assertThat(notice(robot))
        .isEqualTo(
            "Moved “Sealed types” to “Winter conference”. Its time is kept: 2026-12-07 is not"
                + " within the event's date, 2027-01-14.");
    assertThat(ui.notebook.talks().get(talk.id()).details().startsAt()).isEqualTo(at);
  }

  @Test
  void undoAfterTheOldEventWasDeletedSaysSoWithoutADialog(FxRobot robot) throws Exception {
    Talk talk = talkAndOtherEvent(robot, null);
    String meetup = ui.notebook.events().get(talk.eventId()).title();
    moveByKeyboard(robot);
    until(() -> ui.notebook.talks().get(talk.id()).eventId() == winter().id());
    until(() -> robot.lookup("#undo-notice").query().isVisible());
    // The event the talk came from is deleted while the move's Undo is still offered.
    ui.notebook.events().delete(talk.eventId());

    robot.clickOn("#undo-notice");

    String said =
        "Could not move “Sealed types” back: its event “"
            + meetup
            + "” was deleted. The talk stays where it is.";
    until(() -> said.equals(notice(robot)));
    assertThat(robot.lookup("Could not move the talk back").tryQuery()).isEmpty();
    assertThat(ui.notebook.talks().get(talk.id()).eventId()).isEqualTo(winter().id());
  }

  @Test
  void undoAfterTheTalkWasDeletedSaysSoWithoutADialog(FxRobot robot) throws Exception {
    Talk talk = talkAndOtherEvent(robot, null);
    moveByKeyboard(robot);
    until(() -> ui.notebook.talks().get(talk.id()).eventId() == winter().id());
    until(() -> robot.lookup("#undo-notice").query().isVisible());
    ui.notebook.talks().delete(talk.id());

    robot.clickOn("#undo-notice");

    until(() -> "“Sealed types” was deleted: there is no move to undo.".equals(notice(robot)));
    assertThat(robot.lookup("Could not move the talk back").tryQuery()).isEmpty();
    assertThat(ui.notebook.talks().find(talk.id())).isEmpty();
  }
}
