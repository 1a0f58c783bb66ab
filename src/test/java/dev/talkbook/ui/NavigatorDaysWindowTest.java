package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.ui.navigator.NavNode;
import dev.talkbook.ui.navigator.NavigatorView;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A conference over several days in the navigator: its talks under day rows, each day by time with
 * the rooms side by side, the talks without a time last; a one-day event as before.
 */
class NavigatorDaysWindowTest extends RealWindowTest {
  private static final List<String> ROOMS = List.of("Hall A", "Hall B", "Room 101", "Lab");
  private static final List<String> SLOTS = List.of("09:00", "11:00", "14:00");
  private static final List<Integer> DAYS = List.of(13, 14, 15);

  private Event conference;

  /**
   * JavaConf: 3 days of May 2026, 4 rooms, 3 slots a day, each talk titled by its day, time and
   * room ("13 09:00 Hall A"), added last day first (the event's order is not the programme's);
   * "Hallway notes" without a time among them, "Night owls" at 00:30 after the first day.
   */
  private void threeDayConference(FxRobot robot) {
    conference =
        ui.notebook
            .events()
            .create(
                new Event.Details(
                    "JavaConf 2026",
                    LocalDate.of(2026, 5, 13),
                    LocalDate.of(2026, 5, 15),
                    null,
                    null));
    for (int day : List.of(15, 14, 13)) {
      for (String slot : SLOTS) {
        for (String room : ROOMS) {
          talk(day + " " + slot + " " + room, "2026-05-" + day + "T" + slot, room);
        }
      }
      if (day == 14) {
        talk("Hallway notes", null, null);
      }
    }
    talk("Night owls", "2026-05-14T00:30", "Hall A");
    ui.reloadTree(robot);
  }

  private Talk talk(String title, String at, String room) {
    return ui.notebook
        .talks()
        .create(
            conference.id(),
            new Talk.Details(
                title,
                List.of("Speaker of " + title),
                at == null ? null : LocalDateTime.parse(at),
                room,
                null,
                null,
                List.of()),
            "# " + title + "\n");
  }

  private static TreeView<NavNode> tree(FxRobot robot) {
    return WindowUnderTest.navigator(robot);
  }

  /** The labels of the rows under {@code parent}. */
  private static List<String> labels(TreeItem<NavNode> parent) {
    return parent.getChildren().stream().map(i -> i.getValue().label()).toList();
  }

  private static TreeItem<NavNode> eventRow(FxRobot robot, String title) throws Exception {
    return FxWait.onFx(
        () ->
            tree(robot).getRoot().getChildren().stream()
                .filter(i -> i.getValue().label().equals(title))
                .findFirst()
                .orElseThrow());
  }

  /** The row of the talk titled {@code title}, at any depth. */
  private static TreeItem<NavNode> talkRow(FxRobot robot, String title) throws Exception {
    return FxWait.onFx(() -> find(tree(robot).getRoot(), title));
  }

  private static TreeItem<NavNode> find(TreeItem<NavNode> parent, String title) {
    for (TreeItem<NavNode> child : parent.getChildren()) {
      if (child.getValue() instanceof NavNode.TalkNode && child.getValue().label().equals(title)) {
        return child;
      }
      TreeItem<NavNode> below = find(child, title);
      if (below != null) {
        return below;
      }
    }
    return null;
  }

  private static String selectedLabel(FxRobot robot) throws Exception {
    return FxWait.onFx(
        () -> {
          var item = tree(robot).getSelectionModel().getSelectedItem();
          return item == null ? null : item.getValue().label();
        });
  }

  /** The drawn cell of the row titled {@code title} (scrolled to). */
  private TreeCell<?> cell(FxRobot robot, String title) {
    Node node = ui.row(robot, title);
    while (!(node instanceof TreeCell<?>)) {
      node = node.getParent();
    }
    return (TreeCell<?>) node;
  }

  /** How the locale names the weekday of May {@code day}, 2026 ("Wednesday"). */
  private static String weekday(int day) {
    DayOfWeek d = LocalDate.of(2026, 5, day).getDayOfWeek();
    return d.getDisplayName(TextStyle.FULL, dev.talkbook.core.common.DateTimeText.userLocale());
  }

  /** The programme's talks of May {@code day} as the navigator should list them: by time. */
  private static List<String> expectedDay(int day) {
    List<String> titles = new ArrayList<>();
    for (String slot : SLOTS) {
      for (String room : ROOMS) {
        titles.add(day + " " + slot + " " + room);
      }
    }
    return titles;
  }

  /**
   * ux18 (s31.png): "Friday, November 6 15 ta…" in a 256 px navigator. A day's count is shown whole
   * ("13 talks", else "13") or not at all, and never cuts the day's name, at any width of the
   * navigator (sized as NavigatorWindowTest's navigatorWide does).
   */
  @Test
  void aDaysCountIsWholeOrNotShownAtAnyWidthAndTheDayAlwaysWhole(FxRobot robot) throws Exception {
    threeDayConference(robot);
    TreeView<NavNode> tree = tree(robot);
    robot.interact(() -> ui.stage.setWidth(1200));
    ui.idle();
    List<String> wrong = new ArrayList<>();
    java.util.Set<String> forms = new java.util.TreeSet<>();
    for (int width = 170; width <= 320; width += 2) {
      int w = width;
      robot.interact(
          () -> {
            var columns = (javafx.scene.control.SplitPane) tree.getScene().lookup(".split-pane");
            columns.setDividerPosition(0, w / columns.getWidth());
          });
      org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
      wrong.addAll(
          FxWait.onFx(
              () -> {
                tree.getScene().getRoot().applyCss();
                tree.getScene().getRoot().layout();
                List<String> seen = new ArrayList<>();
                for (Node cell : tree.lookupAll(".tb-day-row")) {
                  if (!cell.isVisible()
                      || !(((TreeCell<?>) cell).getItem() instanceof NavNode.DayNode d)
                      || d.date() == null) {
                    continue;
                  }
                  Label title = (Label) cell.lookup(".tb-row-title");
                  Label count = (Label) cell.lookup(".tb-row-detail");
                  String at = tree.getWidth() + " px, " + d.label() + ": ";
                  if (!count.isVisible()) {
                    continue;
                  }
                  // (a navigator too narrow for the day's name cuts it, with no count beside it)
                  if (title.getWidth() < title.prefWidth(-1) - 0.5) {
                    seen.add(at + "the day cut to " + title.getWidth() + " px beside its count");
                  }
                  forms.add(count.getText());
                  if (!count.getText().equals(d.talks() + " talks")
                      && !count.getText().equals(String.valueOf(d.talks()))) {
                    seen.add(at + "“" + count.getText() + "”");
                  }
                  if (count.getWidth() < count.prefWidth(-1) - 0.5) {
                    seen.add(at + "“" + count.getText() + "” cut to " + count.getWidth());
                  }
                }
                return seen;
              }));
    }
    assertThat(wrong).as("day rows read badly").isEmpty();
    assertThat(forms).as("the counts shown").contains("13 talks", "13");
  }

  @Test
  void aThreeDayProgrammeIsListedByDayEachDayByTimeWithTheUntimedTalksLast(FxRobot robot)
      throws Exception {
    threeDayConference(robot);
    TreeItem<NavNode> event = eventRow(robot, "JavaConf 2026");
    List<String> days = FxWait.onFx(() -> labels(event));

    assertThat(days).hasSize(4);
    for (int i = 0; i < 3; i++) {
      assertThat(days.get(i)).contains(weekday(DAYS.get(i))).contains(String.valueOf(DAYS.get(i)));
    }
    assertThat(days.get(3)).isEqualTo(NavNode.DayNode.NO_TIME);
    assertThat(FxWait.onFx(() -> event.getChildren().stream().allMatch(TreeItem::isExpanded)))
        .as("every day shows its talks")
        .isTrue();
    // each day by time, rooms of a slot side by side; the night after the first day ends it
    List<String> first = new ArrayList<>(expectedDay(13));
    first.add("Night owls");
    assertThat(FxWait.onFx(() -> labels(event.getChildren().get(0)))).isEqualTo(first);
    assertThat(FxWait.onFx(() -> labels(event.getChildren().get(1)))).isEqualTo(expectedDay(14));
    assertThat(FxWait.onFx(() -> labels(event.getChildren().get(2)))).isEqualTo(expectedDay(15));
    assertThat(FxWait.onFx(() -> labels(event.getChildren().get(3))))
        .containsExactly("Hallway notes");

    // a talk's row leads with its start time and room; its speakers follow the title, and its
    // tooltip says all
    TreeCell<?> row = cell(robot, "14 11:00 Room 101");
    assertThat(FxWait.onFx(() -> ((Label) row.lookup("." + NavigatorView.TIME_STYLE)).getText()))
        .isEqualTo("11:00");
    assertThat(FxWait.onFx(() -> ((Label) row.lookup("." + NavigatorView.ROOM_STYLE)).getText()))
        .isEqualTo("Room 101");
    assertThat(FxWait.onFx(() -> ((Label) row.lookup(".tb-row-detail")).getText()))
        .isEqualTo("Speaker of 14 11:00 Room 101");
    assertThat(FxWait.onFx(row::getAccessibleHelp))
        .contains("14 11:00 Room 101\n")
        .contains("11:00 · Room 101")
        .contains(weekday(14));
    // a day row counts its talks; talks without a time show none
    TreeCell<?> day = cell(robot, days.get(1));
    // (whole: "12 talks", else "12" where the navigator is narrow)
    assertThat(FxWait.onFx(() -> ((Label) day.lookup(".tb-row-detail")).getText()))
        .isIn("12 talks", "12");
    TreeCell<?> untimed = cell(robot, "Hallway notes");
    assertThat(FxWait.onFx(() -> untimed.lookup("." + NavigatorView.TIME_STYLE))).isNull();
  }

  @Test
  void upAndDownWalkThroughTheDayRowsWhichOpenNoTalkAndHaveNothingToRename(FxRobot robot)
      throws Exception {
    threeDayConference(robot);
    ui.clickOnRow(robot, "13 14:00 Lab");
    FxWait.until(() -> ui.openTalk() != null && ui.openTalk().title().equals("13 14:00 Lab"));

    robot.type(KeyCode.DOWN);
    FxWait.until(() -> ui.openTalk().title().equals("Night owls"));
    robot.type(KeyCode.DOWN);
    FxWait.untilFx("the second day's row", () -> selectedLabel(robot).contains(weekday(14)));
    ui.idle();
    assertThat(ui.openTalk().title()).as("a day row opens no talk").isEqualTo("Night owls");
    assertThat(FxWait.onFx(() -> ui.action("Rename…").isDisable())).isTrue();
    assertThat(FxWait.onFx(() -> ui.action("Delete…").isDisable())).isTrue();
    assertThat(FxWait.onFx(() -> ui.action("Star or unstar the talk").isDisable())).isFalse();
    robot.type(KeyCode.DELETE); // nothing to delete: no question asked
    ui.idle();
    assertThat(ui.notebook.talks().count()).isEqualTo(3 * 12 + 2);

    robot.type(KeyCode.DOWN);
    FxWait.until(() -> ui.openTalk().title().equals("14 09:00 Hall A"));
    assertThat(FxWait.onFx(() -> ui.action("Rename…").isDisable())).isFalse();
    robot.type(KeyCode.UP);
    robot.type(KeyCode.UP);
    FxWait.until(() -> ui.openTalk().title().equals("Night owls"));

    // Enter on a day row folds it, and Down then goes on to the next day
    robot.type(KeyCode.DOWN);
    FxWait.untilFx("the second day's row", () -> selectedLabel(robot).contains(weekday(14)));
    robot.type(KeyCode.ENTER);
    TreeItem<NavNode> second = FxWait.onFx(() -> tree(robot).getSelectionModel().getSelectedItem());
    FxWait.untilFx("the day folded", () -> !second.isExpanded());
    robot.type(KeyCode.DOWN);
    FxWait.untilFx("the third day's row", () -> selectedLabel(robot).contains(weekday(15)));
    robot.type(KeyCode.ENTER);
    robot.type(KeyCode.ENTER);
    robot.type(KeyCode.DOWN);
    FxWait.until(() -> ui.openTalk().title().equals("15 09:00 Hall A"));
  }

  @Test
  void aTalkLeftForAnotherBeforeItWasReadIsNoError(FxRobot robot) throws Exception {
    // Down pressed quickly through a day: each talk is chosen before the one before it was read
    threeDayConference(robot);
    long first = ui.notebook.talks().findByTitle("13 09:00 Hall A").get(0).id();
    long second = ui.notebook.talks().findByTitle("13 09:00 Hall B").get(0).id();
    javafx.application.Platform.runLater(
        () -> {
          ui.window.open(first, List.of());
          ui.window.open(second, List.of());
        });
    FxWait.until(() -> ui.openTalk() != null && ui.openTalk().id() == second);
    ui.idle();
    assertThat(
            FxWait.onFx(
                () ->
                    javafx.stage.Window.getWindows().stream()
                        .filter(w -> w != ui.stage && w.isShowing())
                        .count()))
        .as("no error shown")
        .isZero();
    assertThat(selectedLabel(robot)).isEqualTo("13 09:00 Hall B");
  }

  @Test
  void aTalkDeletedUnderItsDayLeavesTheDaySelectedAndComesBackThereWithUndo(FxRobot robot)
      throws Exception {
    threeDayConference(robot);
    Talk gone = ui.notebook.talks().findByTitle("14 11:00 Lab").get(0);
    ui.clickOnRow(robot, "14 11:00 Lab");
    FxWait.until(() -> ui.openTalk() != null && ui.openTalk().id() == gone.id());
    robot.type(KeyCode.DELETE);
    FxWait.clickOn(robot, "Delete");
    FxWait.until(() -> ui.notebook.talks().find(gone.id()).isEmpty());
    FxWait.untilFx("its day selected", () -> selectedLabel(robot).contains(weekday(14)));

    FxWait.clickOn(robot, "#undo-notice");
    FxWait.untilFx("the talk back and selected", () -> "14 11:00 Lab".equals(selectedLabel(robot)));
    assertThat(FxWait.onFx(() -> talkRow(robot, "14 11:00 Lab").getParent().getValue().label()))
        .contains(weekday(14));
  }

  /**
   * A talk deleted far down a day of 60 talks: the day is selected (as above), but the list stays
   * where it was, the row that took the deleted one's place in view; it scrolled back to the
   * event's top, and the attendee had to find their place again.
   */
  @Test
  void aTalkDeletedFarDownALongDayLeavesTheListWhereItWas(FxRobot robot) throws Exception {
    conference =
        ui.notebook
            .events()
            .create(
                new Event.Details(
                    "LongConf", LocalDate.of(2026, 5, 13), LocalDate.of(2026, 5, 14), null, null));
    for (int i = 1; i <= 60; i++) {
      talk(
          String.format("Talk %02d", i),
          LocalDateTime.of(2026, 5, 13, 8, 0).plusMinutes(10L * i).toString(),
          "Hall A");
    }
    talk("Next day", "2026-05-14T09:00", "Hall A");
    ui.reloadTree(robot);
    Talk gone = ui.notebook.talks().findByTitle("Talk 45").get(0);
    ui.clickOnRow(robot, "Talk 45");
    FxWait.until(() -> ui.openTalk() != null && ui.openTalk().id() == gone.id());
    ui.idle();
    List<String> before = FxWait.onFx(() -> rowsInView(robot));
    assertThat(before).contains("Talk 45").doesNotContain("LongConf");

    robot.type(KeyCode.DELETE);
    FxWait.clickOn(robot, "Delete");
    FxWait.until(() -> ui.notebook.talks().find(gone.id()).isEmpty());
    FxWait.untilFx("its day selected", () -> selectedLabel(robot).contains(weekday(13)));
    ui.idle();
    List<String> after = FxWait.onFx(() -> rowsInView(robot));
    assertThat(after)
        .as("the list where it was: the row below the deleted one in its place")
        .contains("Talk 46")
        .doesNotContain("LongConf", "Talk 45")
        .first()
        .isEqualTo(before.get(0));
  }

  /** The labels of the navigator's rows wholly in view, top to bottom (on the FX thread). */
  private static List<String> rowsInView(FxRobot robot) {
    TreeView<NavNode> tree = tree(robot);
    javafx.geometry.Bounds view =
        tree.lookup(".clipped-container")
            .localToScene(tree.lookup(".clipped-container").getLayoutBounds());
    return robot.lookup("#navigator .tree-cell").queryAll().stream()
        .map(n -> (TreeCell<?>) n)
        .filter(c -> c.isVisible() && c.getTreeItem() != null && c.getItem() != null)
        .filter(
            c -> {
              javafx.geometry.Bounds b = c.localToScene(c.getLayoutBounds());
              return b.getMinY() >= view.getMinY() - 0.5 && b.getMaxY() <= view.getMaxY() + 0.5;
            })
        .sorted(java.util.Comparator.comparingInt(TreeCell::getIndex))
        .map(c -> ((NavNode) c.getItem()).label())
        .toList();
  }

  /** The new talk dialog's time field, once it is shown. */
  private static TextField newTalkTime(FxRobot robot) {
    return (TextField) FxWait.shown(robot, "#talk-time-input");
  }

  /** Types {@code title} into the new talk dialog's title, and Enter. */
  private static void createTitled(FxRobot robot, String title) {
    FxWait.clickOn(robot, "#talk-title-input");
    robot.write(title);
    robot.type(KeyCode.ENTER);
  }

  @Test
  void aNewTalkFromADayRowIsOfferedTheDaysFirstTimeAndListedUnderThatDaySelectedAndOpen(
      FxRobot robot) throws Exception {
    threeDayConference(robot);
    String secondDay = FxWait.onFx(() -> labels(eventRow(robot, "JavaConf 2026")).get(1));
    ui.clickOnRow(robot, secondDay);
    FxWait.clickOn(robot, "#new-talk");
    TextField time = newTalkTime(robot);
    assertThat(FxWait.onFx(() -> time.getText())).isEqualTo("2026-05-14 09:00");
    createTitled(robot, "Notes from the booth");

    FxWait.untilFx(
        "the new talk selected", () -> "Notes from the booth".equals(selectedLabel(robot)));
    FxWait.until(
        () -> ui.openTalk() != null && ui.openTalk().title().equals("Notes from the booth"));
    Talk made = ui.notebook.talks().get(ui.openTalk().id());
    assertThat(made.eventId()).isEqualTo(conference.id());
    assertThat(made.details().startsAt()).isEqualTo(LocalDateTime.parse("2026-05-14T09:00"));
    assertThat(FxWait.onFx(() -> talkRow(robot, "Notes from the booth").getParent().getValue()))
        .as("under the day it was made from")
        .isEqualTo(
            FxWait.onFx(() -> eventRow(robot, "JavaConf 2026").getChildren().get(1)).getValue());
    assertThat(FxWait.onFx(() -> labels(eventRow(robot, "JavaConf 2026").getChildren().get(3))))
        .as("No time")
        .containsExactly("Hallway notes");
  }

  /**
   * The time offered is selected when tabbed into, so a time typed there replaces it: the caret was
   * left at its start, and the typed time was put before the offered one.
   */
  @Test
  void theOfferedTimeTabbedIntoIsReplacedByTheTimeTyped(FxRobot robot) throws Exception {
    threeDayConference(robot);
    String secondDay = FxWait.onFx(() -> labels(eventRow(robot, "JavaConf 2026")).get(1));
    ui.clickOnRow(robot, secondDay);
    FxWait.clickOn(robot, "#new-talk");
    TextField time = newTalkTime(robot);
    assertThat(FxWait.onFx(() -> time.getText())).isEqualTo("2026-05-14 09:00");
    FxWait.clickOn(robot, "#talk-title-input");
    robot.write("Keynote");
    robot.type(KeyCode.TAB); // the speakers
    robot.type(KeyCode.TAB); // the time
    FxWait.untilFx("the time focused", time::isFocused);
    robot.write("2026-05-14 16:30");
    assertThat(FxWait.onFx(() -> time.getText())).isEqualTo("2026-05-14 16:30");
    robot.type(KeyCode.ENTER);
    FxWait.until(() -> !ui.notebook.talks().findByTitle("Keynote").isEmpty());
    assertThat(ui.notebook.talks().findByTitle("Keynote").get(0).details().startsAt())
        .isEqualTo(LocalDateTime.parse("2026-05-14T16:30"));
  }

  @Test
  void aNewTalkFromATalkUnderADayIsOfferedItsTimeAndTakesTheTimeTypedInstead(FxRobot robot)
      throws Exception {
    threeDayConference(robot);
    ui.clickOnRow(robot, "15 11:00 Lab");
    FxWait.until(() -> ui.openTalk() != null && ui.openTalk().title().equals("15 11:00 Lab"));
    FxWait.clickOn(robot, "#new-talk");
    TextField time = newTalkTime(robot);
    assertThat(FxWait.onFx(() -> time.getText()))
        .as("a parallel room")
        .isEqualTo("2026-05-15 11:00");
    // a time that cannot be read is said, and Create waits for it
    robot.interact(() -> time.setText("late"));
    createTitled(robot, "Unconference");
    FxWait.untilFx(
        "what is wrong with the time",
        () ->
            robot.lookup(".tb-problem").queryAll().stream()
                .anyMatch(
                    n ->
                        n instanceof Label l
                            && l.getText().equals("Time \"late\" is not like 2026-05-15 14:30.")));
    assertThat(ui.notebook.talks().findByTitle("Unconference")).isEmpty();
    // as the details take it: ISO's "T" too
    robot.interact(() -> time.setText("2026-05-15T16:45"));
    robot.clickOn(time);
    robot.type(KeyCode.ENTER);

    FxWait.untilFx("the new talk selected", () -> "Unconference".equals(selectedLabel(robot)));
    TreeItem<NavNode> third =
        FxWait.onFx(() -> eventRow(robot, "JavaConf 2026").getChildren().get(2));
    assertThat(FxWait.onFx(() -> labels(third))).endsWith("Unconference");
    TreeCell<?> row = cell(robot, "Unconference");
    assertThat(FxWait.onFx(() -> ((Label) row.lookup("." + NavigatorView.TIME_STYLE)).getText()))
        .isEqualTo("16:45");
  }

  /**
   * An attendee adding a talk to a one-day meetup types the hour alone: it was refused, "Time
   * "18:30" is not like 2026-11-24 14:30", a day that was not the event's.
   */
  @Test
  void aClockTimeTypedAloneInAOneDayEventIsOnThatDay(FxRobot robot) throws Exception {
    conference =
        ui.notebook
            .events()
            .create(
                new Event.Details(
                    "Meetup", LocalDate.of(2026, 5, 13), LocalDate.of(2026, 5, 13), null, null));
    ui.reloadTree(robot);
    ui.clickOnRow(robot, "Meetup");
    FxWait.clickOn(robot, "#new-talk");
    TextField time = newTalkTime(robot);
    assertThat(FxWait.onFx(time::getPromptText)).startsWith("hh:mm or yyyy-mm-dd hh:mm");
    FxWait.clickOn(robot, "#talk-title-input");
    robot.write("Lightning talks");
    robot.type(KeyCode.TAB); // the speakers
    robot.type(KeyCode.TAB); // the time
    FxWait.untilFx("the time focused", time::isFocused);
    robot.write("18:30");
    robot.type(KeyCode.ENTER);

    FxWait.until(() -> !ui.notebook.talks().findByTitle("Lightning talks").isEmpty());
    assertThat(ui.notebook.talks().findByTitle("Lightning talks").get(0).details().startsAt())
        .isEqualTo(LocalDateTime.parse("2026-05-13T18:30"));
  }

  /** In an event of several days the hour alone names no day: it is refused, saying so. */
  @Test
  void aClockTimeTypedAloneInAnEventOfSeveralDaysAsksForItsDay(FxRobot robot) throws Exception {
    conference =
        ui.notebook
            .events()
            .create(
                new Event.Details(
                    "Festival", LocalDate.of(2026, 5, 13), LocalDate.of(2026, 5, 15), null, null));
    ui.reloadTree(robot);
    ui.clickOnRow(robot, "Festival");
    FxWait.clickOn(robot, "#new-talk");
    TextField time = newTalkTime(robot);
    assertThat(FxWait.onFx(time::getPromptText)).startsWith("yyyy-mm-dd hh:mm");
    robot.interact(() -> time.setText("9:05"));
    createTitled(robot, "Opening");
    FxWait.untilFx(
        "that the time needs its day",
        () ->
            robot.lookup(".tb-problem").queryAll().stream()
                .anyMatch(
                    n ->
                        n instanceof Label l
                            && l.getText()
                                .equals(
                                    "Time \"9:05\" needs its day too, like 2026-05-13 09:05.")));
    assertThat(ui.notebook.talks().findByTitle("Opening")).isEmpty();
  }

  @Test
  void aNewTalkInAnEventNotListedByDayIsOfferedNoTime(FxRobot robot) throws Exception {
    conference =
        ui.notebook
            .events()
            .create(new Event.Details("Meetup", LocalDate.of(2026, 5, 13), null, null, null));
    talk("First at six", "2026-05-13T18:00", "Upstairs");
    ui.reloadTree(robot);
    ui.clickOnRow(robot, "First at six");
    FxWait.clickOn(robot, "#new-talk");
    TextField time = newTalkTime(robot);
    assertThat(FxWait.onFx(() -> time.getText())).isEmpty();
    createTitled(robot, "Lightning talks");

    FxWait.untilFx("the new talk selected", () -> "Lightning talks".equals(selectedLabel(robot)));
    assertThat(ui.notebook.talks().findByTitle("Lightning talks").get(0).details().startsAt())
        .isNull();
  }

  /**
   * Imports {@code file} with File → Import schedule…, waits until {@code imported}, then closes
   * the dialog.
   */
  private void importSchedule(
      FxRobot robot, java.nio.file.Path file, java.util.concurrent.Callable<Boolean> imported) {
    ui.fire(robot, "Import schedule…");
    TextField source =
        (TextField)
            FxWait.shown(robot, "#" + dev.talkbook.ui.exchange.ScheduleImportDialog.SOURCE_ID);
    robot.interact(() -> source.setText(file.toString()));
    for (String id :
        List.of(
            dev.talkbook.ui.exchange.ScheduleImportDialog.CHECK_ID,
            dev.talkbook.ui.exchange.ScheduleImportDialog.IMPORT_ID)) {
      robot.clickOn(FxWait.shown(robot, "#" + id, n -> !n.isDisabled() && n instanceof Button));
    }
    FxWait.until(imported);
    ui.idle();
    robot.interact(
        () ->
            new ArrayList<>(javafx.stage.Window.getWindows())
                .stream().filter(w -> w != ui.stage).forEach(javafx.stage.Window::hide));
  }

  @Test
  void anImportedProgrammeIsListedByDayAndATalkMovedByAReImportGoesToItsNewDaySelected(
      FxRobot robot) throws Exception {
    String frab;
    try (var in = getClass().getResourceAsStream("/dev/talkbook/core/exchange/frab-schedule.xml")) {
      frab = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    java.nio.file.Path file = dir.resolve("camp.xml");
    java.nio.file.Files.writeString(file, frab);
    importSchedule(robot, file, () -> ui.notebook.talks().count() == 4);
    FxWait.untilFx("the imported event", () -> selectedLabel(robot).equals("Sommercamp 2026"));

    TreeItem<NavNode> event = eventRow(robot, "Sommercamp 2026");
    List<String> days = FxWait.onFx(() -> labels(event));
    assertThat(days).hasSize(2);
    assertThat(days.get(0)).contains(dayName(2026, 8, 21));
    assertThat(days.get(1)).contains(dayName(2026, 8, 22));
    // the session at 00:30 ends Friday night
    assertThat(FxWait.onFx(() -> labels(event.getChildren().get(0))))
        .containsExactly(
            "Soldering for the faint of heart",
            "Privacy by design",
            "Night owls: radio after midnight");
    assertThat(FxWait.onFx(() -> labels(event.getChildren().get(1)))).containsExactly("Closing");
    // the programme's length gives the row its end: a 45-minute talk from 14:00
    // (wide enough for the spans: a narrow navigator shows the starts alone)
    navigatorWidth(robot, 600);
    TreeCell<?> soldering = cell(robot, "Soldering for the faint of heart");
    assertThat(
            FxWait.onFx(() -> ((Label) soldering.lookup("." + NavigatorView.TIME_STYLE)).getText()))
        .isEqualTo("14:00–14:45");

    ui.clickOnRow(robot, "Privacy by design");
    FxWait.until(() -> ui.openTalk() != null && ui.openTalk().title().equals("Privacy by design"));
    // the programme moves the talk to Saturday morning
    String moved =
        frab.substring(0, frab.indexOf("<title>Privacy by design</title>"))
            + frab.substring(frab.indexOf("<title>Privacy by design</title>"))
                .replaceFirst("2026-08-21T14:00:00\\+02:00", "2026-08-22T11:00:00+02:00")
                .replaceFirst("<start>14:00</start>", "<start>11:00</start>");
    java.nio.file.Files.writeString(file, moved);
    long privacy = ui.openTalk().id();
    importSchedule(
        robot,
        file,
        () -> ui.notebook.talks().get(privacy).details().startsAt().getDayOfMonth() == 22);

    FxWait.untilFx(
        "the talk under Saturday, before Closing",
        () ->
            labels(eventRow(robot, "Sommercamp 2026").getChildren().get(1))
                .equals(List.of("Privacy by design", "Closing")));
    assertThat(selectedLabel(robot))
        .as("the talk the attendee was at")
        .isEqualTo("Privacy by design");
  }

  /**
   * A talk at 01:30 for two hours on the night Berlin's clocks go forward (29 March 2026) ends at
   * 04:30 there, as the site and the command line say: the navigator's row, its tooltip and the
   * details showed 03:30 (the length added to the clock without the event's zone).
   */
  @Test
  void aTalkAcrossTheClockChangeEndsAtTheWallClockTimeOfTheEventsZone(FxRobot robot)
      throws Exception {
    berlinNight(
        robot,
        LocalDate.of(2026, 3, 28),
        java.time.Duration.ofHours(2),
        List.of(),
        "Before the night 2026-03-28T10:00",
        "Across the change 2026-03-29T01:30",
        "After the night 2026-03-29T10:00");
    // (wide enough for the spans: a narrow navigator shows the starts alone)
    navigatorWidth(robot, 600);
    TreeCell<?> across = cell(robot, "Across the change");
    assertThat(FxWait.onFx(() -> ((Label) across.lookup("." + NavigatorView.TIME_STYLE)).getText()))
        .isEqualTo("01:30–04:30");
    assertThat(FxWait.onFx(across::getAccessibleHelp)).contains("01:30–04:30");
    TreeCell<?> before = cell(robot, "Before the night");
    assertThat(FxWait.onFx(() -> ((Label) before.lookup("." + NavigatorView.TIME_STYLE)).getText()))
        .isEqualTo("10:00–12:00");

    ui.clickOnRow(robot, "Across the change");
    FxWait.until(() -> ui.openTalk() != null && ui.openTalk().title().equals("Across the change"));
    FxWait.untilFx(
        "the details say the end in Berlin",
        () ->
            robot
                .lookup("." + dev.talkbook.ui.details.TalkDetailsPane.TIME_SPAN_STYLE)
                .queryAll()
                .stream()
                .anyMatch(n -> n.isVisible() && "01:30–04:30".equals(((Label) n).getText())));
  }

  /**
   * The night Berlin's clocks go back (25 October 2026), a 45-minute talk at 02:15 ends at 02:00:
   * its time column said "02:15–02:00 (clocks go back)", as wide as that, and cut its title to "…";
   * the words now go with the detail under the title and in the tooltip, the column as narrow as
   * the day's other times, the titles lined up. (At 02:15 it is the end of Saturday night.)
   */
  @Test
  void theNightTheClocksGoBackTheTimeColumnStaysNarrowAndTheWordsGoUnderTheTitle(FxRobot robot)
      throws Exception {
    berlinNight(
        robot,
        LocalDate.of(2026, 10, 24),
        java.time.Duration.ofMinutes(45),
        List.of("Ada Lovelace"),
        "Saturday talk 2026-10-24T14:00",
        "Night owls 2026-10-25T02:15",
        "Sunday keynote 2026-10-25T10:00");
    // (wide enough for the spans: a narrow navigator shows the starts alone)
    navigatorWidth(robot, 600);
    TreeCell<?> night = cell(robot, "Night owls");
    TreeCell<?> saturday = cell(robot, "Saturday talk");
    assertThat(FxWait.onFx(() -> ((Label) night.lookup("." + NavigatorView.TIME_STYLE)).getText()))
        .isEqualTo("02:15–02:00");
    assertThat(FxWait.onFx(() -> ((Label) night.lookup(".tb-row-detail")).getText()))
        .isEqualTo("(clocks go back) Ada Lovelace");
    assertThat(FxWait.onFx(night::getAccessibleHelp)).contains("02:15–02:00 (clocks go back)");
    // the titles of the day start in one column, the night's whole
    FxWait.untilFx(
        "the titles lined up",
        () ->
            Math.abs(titleX(night) - titleX(saturday)) < 0.5
                && whole((Label) night.lookup(".tb-row-title")));
  }

  /** Whether {@code label} has the width its whole text asks for (not cut to "…"). */
  private static boolean whole(Label label) {
    return label.getWidth() + 0.5 >= label.prefWidth(-1);
  }

  /** Where the row's title starts, in the scene. */
  private static double titleX(TreeCell<?> cell) {
    Node title = cell.lookup(".tb-row-title");
    return title.localToScene(title.getLayoutBounds()).getMinX();
  }

  /**
   * A two-day event in Berlin's zone from {@code first}, the night between its days one on which
   * the clocks change; each talk ("Title 2026-03-29T01:30") in "Hall", by {@code speakers}, {@code
   * length} long as its programme says.
   */
  private void berlinNight(
      FxRobot robot,
      LocalDate first,
      java.time.Duration length,
      List<String> speakers,
      String... talks) {
    conference =
        ui.notebook
            .events()
            .create(new Event.Details("Night conf", first, first.plusDays(1), null, null));
    ui.notebook.events().setTimeZone(conference.id(), "Europe/Berlin");
    for (String talk : talks) {
      String title = talk.substring(0, talk.lastIndexOf(' '));
      ui.notebook
          .talks()
          .create(
              conference.id(),
              new Talk.Details(
                  title,
                  speakers,
                  LocalDateTime.parse(talk.substring(talk.lastIndexOf(' ') + 1)),
                  "Hall",
                  null,
                  null,
                  List.of()),
              "",
              new dev.talkbook.core.notebook.Programme(
                  "", null, length, null, null, title, "frab:x", null));
    }
    ui.reloadTree(robot);
  }

  /** How the locale names a day's weekday ("Friday"). */
  private static String dayName(int year, int month, int day) {
    return LocalDate.of(year, month, day)
        .getDayOfWeek()
        .getDisplayName(TextStyle.FULL, dev.talkbook.core.common.DateTimeText.userLocale());
  }

  /**
   * A one-day event has no day rows, but its timed talks are listed as a day's: by time (the user's
   * order among talks at the same time), each led by its time and room; the talks without a time
   * follow in the user's order, and show none. The rows showed titles alone, in the order the talks
   * were added.
   */
  @Test
  void aOneDayEventListsItsTimedTalksAsADayWithoutDayRows(FxRobot robot) throws Exception {
    conference =
        ui.notebook
            .events()
            .create(new Event.Details("Meetup", LocalDate.of(2026, 5, 13), null, null, null));
    talk("Lightning talks", null, null);
    talk("Second at seven", "2026-05-13T19:00", "Upstairs");
    talk("First at six", "2026-05-13T18:00", "Upstairs");
    talk("Pizza", null, null);
    talk("Also at six", "2026-05-13T18:00", "Cellar");
    ui.reloadTree(robot);

    TreeItem<NavNode> event = eventRow(robot, "Meetup");
    assertThat(FxWait.onFx(() -> labels(event)))
        .as("no day rows; by time, then the untimed in the user's order")
        .containsExactly(
            "First at six", "Also at six", "Second at seven", "Lightning talks", "Pizza");
    TreeCell<?> row = cell(robot, "First at six");
    assertThat(FxWait.onFx(() -> ((Label) row.lookup("." + NavigatorView.TIME_STYLE)).getText()))
        .isEqualTo("18:00");
    assertThat(FxWait.onFx(() -> ((Label) row.lookup("." + NavigatorView.ROOM_STYLE)).getText()))
        .isEqualTo("Upstairs");
    assertThat(FxWait.onFx(row::getAccessibleHelp))
        .isEqualTo(
            "First at six\n"
                + dev.talkbook.core.common.DateTimeText.dayInEvent(
                    LocalDate.of(2026, 5, 13),
                    false,
                    dev.talkbook.core.common.DateTimeText.userLocale())
                + ", 18:00 · Upstairs\nSpeaker of First at six");
    assertThat(FxWait.onFx(row::getAccessibleText)).startsWith("18:00, Upstairs, First at six");
    // the rooms in a column: the titles of the timed talks line up
    double firstTitle = titleX(robot, "First at six");
    assertThat(titleX(robot, "Also at six")).isCloseTo(firstTitle, within(0.5));
    assertThat(titleX(robot, "Second at seven")).isCloseTo(firstTitle, within(0.5));
    TreeCell<?> untimed = cell(robot, "Lightning talks");
    assertThat(FxWait.onFx(() -> untimed.lookup("." + NavigatorView.TIME_STYLE))).isNull();
    assertThat(FxWait.onFx(untimed::getAccessibleHelp))
        .isEqualTo("Lightning talks\nSpeaker of Lightning talks");
  }

  /**
   * An imported one-day programme (12 sessions of 45 minutes in two rooms, the file's entries last
   * first) is listed as a day without a day row: by time, each row led by its time span and room,
   * in columns.
   */
  @Test
  void anImportedOneDayProgrammeShowsEachTalksTimeAndRoom(FxRobot robot) throws Exception {
    StringBuilder ics =
        new StringBuilder("BEGIN:VCALENDAR\nVERSION:2.0\nX-WR-CALNAME:Winter Day 2026\n");
    List<String> expected = new ArrayList<>();
    List<String> slots = List.of("09", "10", "11", "13", "14", "15");
    for (String hour : slots) {
      for (String room : List.of("Hall A", "Hall B")) {
        expected.add(hour + ":00 in " + room);
      }
    }
    for (int i = expected.size() - 1; i >= 0; i--) {
      String hour = expected.get(i).substring(0, 2);
      ics.append("BEGIN:VEVENT\nUID:w")
          .append(i)
          .append("\nDTSTART:20261206T")
          .append(hour)
          .append("0000\nDTEND:20261206T")
          .append(hour)
          .append("4500\nSUMMARY:")
          .append(expected.get(i))
          .append("\nLOCATION:")
          .append(expected.get(i).substring(9))
          .append("\nEND:VEVENT\n");
    }
    ics.append("END:VCALENDAR\n");
    java.nio.file.Path file = dir.resolve("winter.ics");
    java.nio.file.Files.writeString(file, ics);
    importSchedule(robot, file, () -> ui.notebook.talks().count() == 12);

    TreeItem<NavNode> event = eventRow(robot, "Winter Day 2026");
    assertThat(FxWait.onFx(() -> labels(event))).as("no day rows, by time").isEqualTo(expected);
    navigatorWidth(robot, 600);
    double timeX = Double.NaN;
    double titleX = Double.NaN;
    for (String title : expected) {
      TreeCell<?> row = cell(robot, title);
      Label time = FxWait.onFx(() -> (Label) row.lookup("." + NavigatorView.TIME_STYLE));
      Label room = FxWait.onFx(() -> (Label) row.lookup("." + NavigatorView.ROOM_STYLE));
      assertThat(time).as("the time of " + title).isNotNull();
      assertThat(room).as("the room of " + title).isNotNull();
      String hour = title.substring(0, 2);
      assertThat(FxWait.onFx(time::getText)).isEqualTo(hour + ":00–" + hour + ":45");
      assertThat(FxWait.onFx(room::getText)).isEqualTo(title.substring(9));
      double x = FxWait.onFx(() -> time.localToScene(time.getLayoutBounds()).getMinX());
      double t = titleX(robot, title);
      timeX = Double.isNaN(timeX) ? x : timeX;
      titleX = Double.isNaN(titleX) ? t : titleX;
      assertThat(x).as("the times in a column").isCloseTo(timeX, within(0.5));
      assertThat(t).as("the titles line up").isCloseTo(titleX, within(0.5));
    }
    double spanColumn = titleX - timeX;

    // A narrow navigator (about its first width) shows each start alone, so the titles keep room:
    // "09:00–09:45" left "Opening ke…" of a title. The tooltip keeps the span.
    navigatorWidth(robot, 240);
    timeX = Double.NaN;
    titleX = Double.NaN;
    for (String title : expected) {
      TreeCell<?> row = cell(robot, title);
      Label time = FxWait.onFx(() -> (Label) row.lookup("." + NavigatorView.TIME_STYLE));
      String hour = title.substring(0, 2);
      assertThat(FxWait.onFx(time::getText)).isEqualTo(hour + ":00");
      assertThat(FxWait.onFx(row::getAccessibleHelp)).contains(hour + ":00–" + hour + ":45");
      double x = FxWait.onFx(() -> time.localToScene(time.getLayoutBounds()).getMinX());
      double t = titleX(robot, title);
      timeX = Double.isNaN(timeX) ? x : timeX;
      titleX = Double.isNaN(titleX) ? t : titleX;
      assertThat(x).as("the times in a column").isCloseTo(timeX, within(0.5));
      assertThat(t).as("the titles line up").isCloseTo(titleX, within(0.5));
    }
    assertThat(titleX - timeX)
        .as("the title's room gained from the start alone")
        .isLessThan(spanColumn - 30);
  }

  /** The x of the title of the row titled {@code title}, in the scene. */
  private double titleX(FxRobot robot, String title) throws Exception {
    Node label = ui.row(robot, title);
    return FxWait.onFx(() -> label.localToScene(label.getLayoutBounds()).getMinX());
  }

  @Test
  void aTalkWhoseTimeChangesMovesToItsDayAndStaysSelected(FxRobot robot) throws Exception {
    threeDayConference(robot);
    ui.clickOnRow(robot, "13 09:00 Hall B");
    FxWait.until(() -> ui.openTalk() != null && ui.openTalk().title().equals("13 09:00 Hall B"));
    TextField time = robot.lookup("#detail-time").queryAs(TextField.class);
    FxWait.clickOn(robot, time);
    robot.interact(() -> time.setText("2026-05-15 16:30"));
    robot.type(KeyCode.ENTER);

    FxWait.untilFx(
        "the talk under the third day, last",
        () -> {
          TreeItem<NavNode> row = find(tree(robot).getRoot(), "13 09:00 Hall B");
          TreeItem<NavNode> third = row.getParent().getParent().getChildren().get(2);
          return row.getParent() == third
              && third.getChildren().get(third.getChildren().size() - 1) == row;
        });
    assertThat(selectedLabel(robot)).isEqualTo("13 09:00 Hall B");
    assertThat(
            FxWait.onFx(() -> labels(eventRow(robot, "JavaConf 2026").getChildren().get(0)).size()))
        .isEqualTo(12); // 12 of the 13th, less this one, with Night owls
    TreeCell<?> row = cell(robot, "13 09:00 Hall B");
    assertThat(FxWait.onFx(() -> ((Label) row.lookup("." + NavigatorView.TIME_STYLE)).getText()))
        .isEqualTo("16:30");
  }

  @Test
  void aFoldedDayAndTheSelectedTalkStayAcrossAReload(FxRobot robot) throws Exception {
    threeDayConference(robot);
    TreeItem<NavNode> second =
        FxWait.onFx(() -> eventRow(robot, "JavaConf 2026").getChildren().get(1));
    robot.interact(() -> second.setExpanded(false));
    ui.clickOnRow(robot, "15 11:00 Lab");
    FxWait.until(() -> ui.openTalk() != null && ui.openTalk().title().equals("15 11:00 Lab"));

    talk("Added by the import", "2026-05-14T16:00", "Hall A");
    ui.reloadTree(robot);

    TreeItem<NavNode> event = eventRow(robot, "JavaConf 2026");
    assertThat(FxWait.onFx(() -> event.getChildren().get(1).isExpanded()))
        .as("the folded day")
        .isFalse();
    assertThat(FxWait.onFx(() -> event.getChildren().get(2).isExpanded())).isTrue();
    assertThat(FxWait.onFx(() -> labels(event.getChildren().get(1))))
        .endsWith("Added by the import");
    assertThat(selectedLabel(robot)).isEqualTo("15 11:00 Lab");
    // a talk selected under a folded day (Ctrl+P, search) unfolds it
    long added = ui.notebook.talks().findByTitle("Added by the import").get(0).id();
    robot.interact(() -> ui.window.open(added, List.of()));
    FxWait.untilFx(
        "the added talk selected", () -> "Added by the import".equals(selectedLabel(robot)));
    assertThat(FxWait.onFx(() -> event.getChildren().get(1).isExpanded())).isTrue();
  }

  /** The folds the window's settings file keeps for the notebook. */
  private String foldsKept() {
    ui.idle(); // the settings are written on the notebook thread
    return dev.talkbook.ui.common.Settings.load(ui.settingsFile)
        .get(dev.talkbook.ui.common.Settings.navigatorFolds(ui.notebook.file()));
  }

  @Test
  void foldedEventsAndDaysStayFoldedAfterARestart(FxRobot robot) throws Exception {
    threeDayConference(robot);
    Event meetup = ui.notebook.events().create(Event.Details.titled("Meetup"));
    ui.notebook.talks().create(meetup.id(), Talk.Details.titled("Lightning talks"), "");
    ui.reloadTree(robot);
    ui.clickOnRow(robot, "15 11:00 Lab");
    FxWait.until(() -> ui.openTalk() != null && ui.openTalk().title().equals("15 11:00 Lab"));
    TreeItem<NavNode> second =
        FxWait.onFx(() -> eventRow(robot, "JavaConf 2026").getChildren().get(1));
    // folded as the user folds: the arrow beside the row
    TreeCell<?> day = cell(robot, second.getValue().label());
    robot.clickOn(FxWait.onFx(() -> day.lookup(".tree-disclosure-node")));
    FxWait.untilFx("the day folded", () -> !second.isExpanded());
    TreeItem<NavNode> meetupRow = eventRow(robot, "Meetup");
    robot.interact(() -> meetupRow.setExpanded(false));

    robot.interact(() -> ui.window.close());
    robot.interact(() -> ui.show());
    FxWait.untilFx("the last talk selected", () -> "15 11:00 Lab".equals(selectedLabel(robot)));

    TreeItem<NavNode> event = eventRow(robot, "JavaConf 2026");
    assertThat(FxWait.onFx(() -> event.getChildren().get(1).isExpanded()))
        .as("the folded day")
        .isFalse();
    assertThat(FxWait.onFx(() -> event.getChildren().get(0).isExpanded())).isTrue();
    assertThat(FxWait.onFx(() -> event.getChildren().get(2).isExpanded())).isTrue();
    assertThat(FxWait.onFx(() -> eventRow(robot, "Meetup").isExpanded()))
        .as("the folded event")
        .isFalse();
  }

  @Test
  void theFoldOfADayWhoseTalksAreGoneIsNotKept(FxRobot robot) throws Exception {
    threeDayConference(robot);
    TreeItem<NavNode> third =
        FxWait.onFx(() -> eventRow(robot, "JavaConf 2026").getChildren().get(2));
    robot.interact(() -> third.setExpanded(false));
    assertThat(foldsKept()).isEqualTo(conference.id() + "@2026-05-15");

    for (var t : ui.notebook.talks().summaries()) {
      if (t.title().startsWith("15 ")) {
        ui.notebook.talks().delete(t.id());
      }
    }
    ui.reloadTree(robot);

    assertThat(FxWait.onFx(() -> labels(eventRow(robot, "JavaConf 2026")))).hasSize(3);
    assertThat(foldsKept()).isEmpty();
  }

  @Test
  void inANarrowNavigatorTheDayLevelCostsNoWidthTheTimesLineUpUnderTheDaysName(FxRobot robot)
      throws Exception {
    threeDayConference(robot);
    Event meetup = ui.notebook.events().create(Event.Details.titled("Meetup"));
    ui.notebook.talks().create(meetup.id(), Talk.Details.titled("Lightning talks"), "");
    ui.reloadTree(robot);
    TreeItem<NavNode> meetupRow = eventRow(robot, "Meetup");
    robot.interact(() -> meetupRow.setExpanded(true)); // shown, as it is once a talk is opened
    navigatorWidth(robot, 200);
    String firstDay = FxWait.onFx(() -> labels(eventRow(robot, "JavaConf 2026")).get(0));
    // each cell measured as soon as it is found: a row taking two lines scrolls the tree, and its
    // cells then draw other rows
    TreeCell<?> day = cell(robot, firstDay);
    double dayName = FxWait.onFx(() -> x(day.lookup(".tb-row-title")));
    TreeCell<?> undivided = cell(robot, "Lightning talks");
    double otherTitle = FxWait.onFx(() -> x(undivided.lookup(".tb-row-title")));
    TreeCell<?> talk = cell(robot, "13 09:00 Hall A");
    double time = FxWait.onFx(() -> x(talk.lookup("." + NavigatorView.TIME_STYLE)));
    double title = FxWait.onFx(() -> x(talk.lookup(".tb-row-title")));
    double right = FxWait.onFx(() -> talk.localToScene(talk.getLayoutBounds()).getMaxX());

    assertThat(time).as("the time under the day's name").isCloseTo(dayName, within(1.0));
    assertThat(time)
        .as("where an event's talks begin when it is not listed by day")
        .isCloseTo(otherTitle, within(1.0));
    double room = FxWait.onFx(() -> x(talk.lookup("." + NavigatorView.ROOM_STYLE)));
    assertThat(right - room)
        .as("the room's and the title's room in a 200 px navigator")
        .isGreaterThan(100);
    assertThat(title)
        .as("the title after the room, or the room under it")
        .isGreaterThanOrEqualTo(room);
    assertThat(FxWait.onFx(() -> y(talk.lookup("." + NavigatorView.ROOM_STYLE))))
        .as("the room under the title (the row takes two lines)")
        .isGreaterThanOrEqualTo(FxWait.onFx(() -> maxY(talk.lookup(".tb-row-title"))) - 1);
    // the day's arrow, left of its talks, still folds it (its row drawn again: the tree scrolled)
    TreeCell<?> dayAgain = cell(robot, firstDay);
    robot.clickOn(FxWait.onFx(() -> dayAgain.lookup(".tree-disclosure-node")));
    FxWait.untilFx(
        "the day folded",
        () -> !eventRow(robot, "JavaConf 2026").getChildren().get(0).isExpanded());
  }

  /** The navigator {@code width} px wide in a 1200 px window. */
  private void navigatorWidth(FxRobot robot, double width) {
    robot.interact(() -> ui.stage.setWidth(1200));
    ui.idle();
    robot.interact(
        () -> {
          var columns =
              (javafx.scene.control.SplitPane) tree(robot).getScene().lookup(".split-pane");
          columns.setDividerPosition(0, width / columns.getWidth());
        });
    ui.idle();
  }

  /** The texts {@code cell} draws, each as drawn (cut with its ellipsis), left to right. */
  private static List<String> drawnTexts(TreeCell<?> cell) {
    return cell.lookupAll(".label").stream()
        .filter(n -> n instanceof Label && n.isVisible() && n.getParent().isVisible())
        .map(n -> (Label) n)
        .filter(l -> l.lookup(".text") != null)
        .sorted(java.util.Comparator.comparingDouble(NavigatorDaysWindowTest::x))
        .map(l -> ((javafx.scene.text.Text) l.lookup(".text")).getText())
        .filter(t -> !t.isEmpty())
        .toList();
  }

  /**
   * Three talks at 09:00 in three rooms, and the row of the one with a long title showed no room
   * (the room was the first part of the detail, which gives way before the title): now the time and
   * the whole room lead the row and the title is cut, in a narrow navigator and a wide one.
   */
  @Test
  void aLongTitleInANarrowNavigatorStillShowsItsRoomAfterItsTime(FxRobot robot) throws Exception {
    threeDayConference(robot);
    String longTitle = "Talk 1: Records & sealed types, and what they change in a domain model";
    talk(longTitle, "2026-05-13T09:00", "Saal Łódź");
    ui.reloadTree(robot);
    for (double width : List.of(200.0, 420.0)) {
      navigatorWidth(robot, width);
      TreeCell<?> row = cell(robot, longTitle);
      List<String> drawn = FxWait.onFx(() -> drawnTexts(row));
      assertThat(drawn).as("at %s px", width).hasSizeGreaterThanOrEqualTo(3);
      assertThat(drawn.subList(0, 2)).as("at %s px", width).containsExactly("09:00", "Saal Łódź");
      assertThat(drawn.get(2))
          .as("the title cut at %s px", width)
          .startsWith("T")
          .isNotEqualTo(longTitle);
      assertThat(FxWait.onFx(row::getAccessibleHelp)).contains(longTitle);
      TreeCell<?> parallel = cell(robot, "13 09:00 Hall A");
      assertThat(FxWait.onFx(() -> drawnTexts(parallel)).subList(0, 2))
          .containsExactly("09:00", "Hall A");
    }
    // wide enough, the rooms are a column: a parallel talk's title begins where the long one's does
    TreeCell<?> row = cell(robot, longTitle);
    TreeCell<?> parallel = cell(robot, "13 09:00 Hall A");
    assertThat(FxWait.onFx(() -> x(parallel.lookup(".tb-row-title"))))
        .isCloseTo(FxWait.onFx(() -> x(row.lookup(".tb-row-title"))), within(1.0));
  }

  /**
   * At 215 px a talk's row read "09:00 Saal Łódź Rec…": the room and the speakers kept their place
   * beside the title and the title was cut to a word. A row that does not fit on one line now takes
   * a second: the title whole after the time, the room and the speakers under it; a row that fits
   * stays one line, and a wide navigator has them all on one line again.
   */
  @Test
  void aTalkRowTooLongForANarrowNavigatorTakesASecondLineAndKeepsItsTitleWhole(FxRobot robot)
      throws Exception {
    threeDayConference(robot);
    String title = "Records in use";
    talk(title, "2026-05-13T09:00", "Saal Łódź");
    ui.notebook
        .talks()
        .create(
            conference.id(),
            new Talk.Details(
                "Q&A",
                List.of(),
                LocalDateTime.parse("2026-05-13T18:00"),
                "Lab",
                null,
                null,
                List.of()),
            "");
    ui.reloadTree(robot);
    navigatorWidth(robot, 215);
    TreeCell<?> row = cell(robot, title);
    Label shown = FxWait.onFx(() -> (Label) row.lookup(".tb-row-title"));
    javafx.scene.text.Text text = FxWait.onFx(() -> (javafx.scene.text.Text) shown.lookup(".text"));
    assertThat(FxWait.onFx(text::getText)).as("the title's text drawn").isEqualTo(title);
    assertThat(FxWait.onFx(() -> shown.getWidth()))
        .as("the title's width")
        .isGreaterThanOrEqualTo(FxWait.onFx(() -> shown.prefWidth(-1)) - 0.5);
    Node room = FxWait.onFx(() -> row.lookup("." + NavigatorView.ROOM_STYLE));
    Node speakers = FxWait.onFx(() -> row.lookup(".tb-row-detail"));
    assertThat(FxWait.onFx(() -> ((Label) room).getText())).isEqualTo("Saal Łódź");
    assertThat(FxWait.onFx(() -> y(room)))
        .as("the room on the second line")
        .isGreaterThanOrEqualTo(FxWait.onFx(() -> maxY(shown)) - 1);
    assertThat(FxWait.onFx(() -> x(room))).as("under the title").isCloseTo(x(shown), within(1.0));
    assertThat(FxWait.onFx(speakers::isVisible)).as("the speakers after the room").isTrue();
    assertThat(FxWait.onFx(() -> y(speakers))).isCloseTo(FxWait.onFx(() -> y(room)), within(3.0));
    assertThat(FxWait.onFx(() -> maxY(speakers)))
        .as("the second line inside the row")
        .isLessThanOrEqualTo(FxWait.onFx(() -> maxY(row)) + 0.5);
    // a talk whose whole row fits ("18:00 Lab Q&A") stays one line
    TreeCell<?> fits = cell(robot, "Q&A");
    double oneLine = FxWait.onFx(fits::getHeight);
    assertThat(FxWait.onFx(() -> drawnTexts(fits))).containsExactly("18:00", "Lab", "Q&A");
    assertThat(FxWait.onFx(row::getHeight)).as("two lines high").isGreaterThan(oneLine * 1.4);

    // wide, the row is one line again: time, room, title, speakers
    navigatorWidth(robot, 600);
    TreeCell<?> wide = cell(robot, title);
    assertThat(FxWait.onFx(wide::getHeight)).isCloseTo(oneLine, within(1.0));
    assertThat(FxWait.onFx(() -> drawnTexts(wide)))
        .containsExactly("09:00", "Saal Łódź", title, "Speaker of " + title);
  }

  /**
   * An iCalendar programme whose talks have no speakers (its SUMMARY "Title - Speaker" kept whole):
   * every row whose title was cut stood two lines high with nothing on the second (tester14a), so
   * half as many talks fitted. A row with nothing to put under its title stays one line, its title
   * cut at its end (after its time: a one-day programme's talks show it as a day's do); a talk with
   * speakers still takes the second line for them.
   */
  @Test
  void aCutTitleWithNoSpeakersAndNoRoomStaysOneLine(FxRobot robot) throws Exception {
    conference =
        ui.notebook
            .events()
            .create(new Event.Details("NightJVM", LocalDate.of(2026, 10, 24), null, null, null));
    String bare = "Keynote: The JVM in 2027, what changes for you - Ada Lovelace";
    String spoken = "Virtual threads in anger, a year of production";
    for (String title : List.of("Q&A", bare)) {
      ui.notebook
          .talks()
          .create(
              conference.id(),
              new Talk.Details(
                  title,
                  List.of(),
                  LocalDateTime.parse("2026-10-24T18:00"),
                  null,
                  null,
                  null,
                  List.of()),
              "");
    }
    talk(spoken, "2026-10-24T18:00", "Hall B");
    ui.reloadTree(robot);
    navigatorWidth(robot, 215);
    TreeCell<?> shortRow = cell(robot, "Q&A");
    TreeCell<?> row = cell(robot, bare);
    double oneLine = FxWait.onFx(shortRow::getHeight);
    // a one-day programme's row is led by its time, as a day's
    List<String> drawn = FxWait.onFx(() -> drawnTexts(row));
    assertThat(drawn).as("the time and the title, cut").hasSize(2).first().isEqualTo("18:00");
    assertThat(drawn.get(1)).startsWith("Keynote").isNotEqualTo(bare);
    assertThat(FxWait.onFx(row::getHeight)).as("one line high").isCloseTo(oneLine, within(1.0));
    TreeCell<?> withSpeakers = cell(robot, spoken);
    assertThat(FxWait.onFx(withSpeakers::getHeight))
        .as("the speakers on a second line")
        .isGreaterThan(oneLine * 1.4);
  }

  /**
   * Every talk's row is told how much narrower than its cell it is laid out, not only the first of
   * its level: the others kept the guess (28 px) the first measure corrected in the shared map, and
   * a row whose width fell in between got one line's height and a cut title.
   */
  @Test
  void everyTalkRowOfALevelKnowsItsOwnWidthAllowance(FxRobot robot) throws Exception {
    threeDayConference(robot);
    navigatorWidth(robot, 260);
    List<String> titles = List.of("13 09:00 Hall A", "13 09:00 Hall B", "13 09:00 Room 101");
    for (String title : titles) {
      TreeCell<?> cell = cell(robot, title);
      dev.talkbook.ui.common.TitleRow row =
          FxWait.onFx(() -> (dev.talkbook.ui.common.TitleRow) cell.getGraphic());
      double measured =
          FxWait.onFx(
              () ->
                  cell.getWidth()
                      - cell.snappedLeftInset()
                      - cell.snappedRightInset()
                      - row.getWidth());
      assertThat(FxWait.onFx(row::outside))
          .as("%s: its allowance is its measure", title)
          .isCloseTo(measured, within(0.6));
    }
  }

  @org.junit.jupiter.api.io.TempDir java.nio.file.Path site;

  /**
   * A tester saw three ways of writing a date: the navigator's days "Thursday, October 15", its
   * events "2026-11-20", the site's "Wednesday 14 October" and "14 October 2026". The window and
   * the site now name a day one way, the user's locale's (DateTimeText): the navigator's day row
   * and the event page's heading say the same, and so do the event's row and its page's dates.
   */
  @Test
  void theNavigatorAndTheSiteNameADayTheSameWay(FxRobot robot) throws Exception {
    threeDayConference(robot);
    String day = FxWait.onFx(() -> labels(eventRow(robot, "JavaConf 2026")).get(0));
    TreeCell<?> event = cell(robot, "JavaConf 2026");
    String eventDate = FxWait.onFx(() -> ((Label) event.lookup(".tb-row-detail")).getText());
    Locale locale = dev.talkbook.core.common.DateTimeText.userLocale();
    assertThat(day)
        .isEqualTo(
            dev.talkbook.core.common.DateTimeText.dayInEvent(
                LocalDate.of(2026, 5, 13), false, locale));
    assertThat(eventDate).as("not ISO").doesNotContain("2026-05-13");
    // The row shows the dates whole, or in their short form where the whole does not fit beside
    // the title; its tooltip has them whole, as the site says them.
    String wholeDate = dev.talkbook.core.common.DateTimeText.day(LocalDate.of(2026, 5, 13), locale);
    String lastDate = dev.talkbook.core.common.DateTimeText.day(LocalDate.of(2026, 5, 15), locale);
    assertThat(eventDate)
        .isIn(
            wholeDate + " – " + lastDate,
            dev.talkbook.core.common.DateTimeText.shortDays(
                LocalDate.of(2026, 5, 13), LocalDate.of(2026, 5, 15), locale));
    assertThat(FxWait.onFx(event::getAccessibleHelp)).endsWith("\n" + wholeDate + " – " + lastDate);

    new dev.talkbook.core.site.SiteExporter(new dev.talkbook.core.markdown.MarkdownRenderer())
        .export(
            ui.notebook,
            site,
            new dev.talkbook.core.site.SiteExporter.Options("Talks", java.util.Set.of(), null)
                .withLocale(dev.talkbook.core.common.DateTimeText.userLocale()),
            dev.talkbook.core.site.SiteExporter.Progress.NONE,
            () -> false);
    String pages;
    try (var files = java.nio.file.Files.walk(site)) {
      pages =
          files
              .filter(f -> f.toString().endsWith(".html"))
              .map(
                  f -> {
                    try {
                      return java.nio.file.Files.readString(f);
                    } catch (java.io.IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .reduce("", String::concat);
    }
    assertThat(pages)
        .as("the site's day heading")
        .contains("<time datetime=\"2026-05-13\">" + day + "</time>")
        .as("the site's event dates")
        .contains(
            "<time datetime=\"2026-05-13\">"
                + wholeDate
                + "</time> – <time datetime=\"2026-05-15\">"
                + lastDate
                + "</time>");
  }

  /** Where {@code node} begins in the scene, down, px. */
  private static double y(Node node) {
    return node.localToScene(node.getLayoutBounds()).getMinY();
  }

  /** Where {@code node} ends in the scene, down, px. */
  private static double maxY(Node node) {
    return node.localToScene(node.getLayoutBounds()).getMaxY();
  }

  /** Where {@code node} begins in the scene, px. */
  private static double x(Node node) {
    return node.localToScene(node.getLayoutBounds()).getMinX();
  }

  private int position(long talkId) {
    return ui.notebook.talks().summaries().stream()
        .filter(t -> t.id() == talkId)
        .findFirst()
        .orElseThrow()
        .position();
  }

  @Test
  void aTalkDroppedOnADayRowStaysWhereItWasAndOneDroppedOnAParallelTalkTakesItsPlace(FxRobot robot)
      throws Exception {
    threeDayConference(robot);
    Talk hallA = ui.notebook.talks().findByTitle("13 09:00 Hall A").get(0);
    Talk lab = ui.notebook.talks().findByTitle("13 09:00 Lab").get(0);
    String firstDay = FxWait.onFx(() -> labels(eventRow(robot, "JavaConf 2026")).get(0));
    // the day's row at the top, so that both rows are drawn without a scroll between finding them
    // (a scroll gives a found row's cell to another row: the event's row, two lines high with its
    // dates under its title in this narrow navigator, left the day's row out of view)
    TreeItem<NavNode> dayItem =
        FxWait.onFx(() -> eventRow(robot, "JavaConf 2026").getChildren().get(0));
    robot.interact(() -> tree(robot).scrollTo(tree(robot).getRow(dayItem)));
    ui.idle();
    Node day = ui.row(robot, firstDay);
    Node source = ui.row(robot, "13 09:00 Lab");
    int labAt = position(lab.id());

    robot.drag(source).dropTo(day);
    ui.idle();
    assertThat(ui.notebook.talks().get(lab.id()).details().startsAt())
        .isEqualTo(lab.details().startsAt());
    assertThat(position(lab.id())).isEqualTo(labAt);

    // onto a talk at another time of the day: its time would put it back, so nothing moves
    Talk eleven = ui.notebook.talks().findByTitle("13 11:00 Hall B").get(0);
    int elevenAt = position(eleven.id());
    robot.drag(ui.row(robot, "13 11:00 Hall B")).dropTo(ui.row(robot, "13 09:00 Room 101"));
    ui.idle();
    assertThat(position(eleven.id())).isEqualTo(elevenAt);

    // onto the talk in Hall A at the same time: Lab comes before it
    robot.drag(ui.row(robot, "13 09:00 Lab")).dropTo(ui.row(robot, "13 09:00 Hall A"));
    FxWait.untilFx(
        "Lab before Hall A",
        () ->
            labels(eventRow(robot, "JavaConf 2026").getChildren().get(0))
                .subList(0, 2)
                .equals(List.of("13 09:00 Lab", "13 09:00 Hall A")));
    assertThat(ui.notebook.talks().get(hallA.id()).details().startsAt())
        .isEqualTo(hallA.details().startsAt());
  }
}
