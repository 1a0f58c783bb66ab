package dev.talkbook.ui.agenda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Programme;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.ui.FxWait;
import dev.talkbook.ui.OwnerWindowTest;
import dev.talkbook.ui.common.UiExecutors;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Now and next from a fixed clock: rooms, the starred first, Enter opens what is on now. */
class NowAndNextViewTest extends OwnerWindowTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private final UiExecutors executors = new UiExecutors();
  private final List<Long> opened = new CopyOnWriteArrayList<>();

  @AfterEach
  void closeExecutors() {
    executors.close();
  }

  private Talk talk(long event, String title, String room, int hour, int minutes) {
    Talk.Details d =
        new Talk.Details(
            title,
            List.of("Ada"),
            LocalDateTime.of(2026, 8, 21, hour, 0),
            room,
            null,
            null,
            List.of());
    Programme p =
        new Programme("", null, Duration.ofMinutes(minutes), null, null, "uid-" + title, "t", null);
    return notebook.talks().create(event, d, "", p);
  }

  private NowAndNextView open(FxRobot robot, int hour, int minute) {
    Clock clock =
        Clock.fixed(LocalDateTime.of(2026, 8, 21, hour, minute).atZone(BERLIN).toInstant(), BERLIN);
    NowAndNextView[] view = new NowAndNextView[1];
    robot.interact(
        () -> {
          view[0] = new NowAndNextView(stage, notebook, executors, clock, opened::add);
          view[0].show();
        });
    return view[0];
  }

  @Test
  void showsEachRoomsTalkNowAndNextTheStarredFirstAndEnterOpensIt(FxRobot robot) throws Exception {
    Event camp = notebook.events().create(Event.Details.titled("Camp"));
    notebook.events().setTimeZone(camp.id(), "Europe/Berlin");
    talk(camp.id(), "Soldering", "Saal 1", 14, 45);
    talk(camp.id(), "Radio", "Saal 1", 15, 30);
    Talk privacy = talk(camp.id(), "Privacy", "Saal 2", 14, 60);
    notebook.talks().star(privacy.id(), true);
    talk(camp.id(), "Morning", "Saal 3", 9, 30);

    NowAndNextView view = open(robot, 14, 30);
    ListView<NowAndNextView.Row> list = view.list();
    FxWait.untilFx("the three rows", () -> list.getItems().size() == 3);
    // Rows, selection and heading are set in one go on the FX thread: read them there, at once.
    record Shown(List<String> rows, long selected, String heading, boolean focused) {}
    Shown shown =
        FxWait.onFx(
            () ->
                new Shown(
                    list.getItems().stream()
                        .map(r -> (r.now() ? "now " : "next ") + r.slot().talk().title())
                        .toList(),
                    list.getSelectionModel().getSelectedItem().slot().talk().talkId(),
                    robot.lookup(".tb-now-heading").queryLabeled().getText(),
                    list.isFocused()));
    assertThat(shown.rows()).containsExactly("now Privacy", "now Soldering", "next Radio");
    assertThat(shown.selected()).isEqualTo(privacy.id());
    assertThat(shown.heading()).isEqualTo("At 14:30 — 2 talks on now");
    assertThat(shown.focused()).as("the list has the keyboard").isTrue();

    robot.type(KeyCode.ENTER);
    FxWait.until("the talk to be opened", () -> opened.size() == 1);
    assertThat(opened).containsExactly(privacy.id());
    assertThat(FxWait.onFx(() -> view.stage().isShowing())).isFalse();
  }

  @Test
  void longTitlesFitTheDialogCutInTheMiddleAndAreWholeInTheTooltip(FxRobot robot) throws Exception {
    Event camp = notebook.events().create(Event.Details.titled("Camp"));
    String[] titles = new String[4];
    for (int n = 1; n <= 4; n++) {
      titles[n - 1] =
          "A very long title about reverse-engineering a toaster firmware and what it taught us"
              + " (part "
              + n
              + ")";
      talk(camp.id(), titles[n - 1], "Saal " + n, 14, 45);
    }
    NowAndNextView view = open(robot, 14, 30);
    ListView<NowAndNextView.Row> list = view.list();
    FxWait.untilFx("the four rows", () -> list.getItems().size() == 4);
    FxWait.untilFx(
        "the rows drawn",
        () ->
            list.lookupAll(".tb-row-title").stream().filter(javafx.scene.Node::isVisible).count()
                == 4);
    record Shown(List<String> drawn, boolean sideways, double widest, double room) {}
    Shown shown =
        FxWait.onFx(
            () ->
                new Shown(
                    list.lookupAll(".tb-row-title").stream()
                        .filter(javafx.scene.Node::isVisible)
                        .map(n -> ((javafx.scene.text.Text) n.lookup(".text")).getText())
                        .sorted()
                        .toList(),
                    list.lookupAll(".scroll-bar").stream()
                        .anyMatch(
                            n ->
                                n instanceof javafx.scene.control.ScrollBar bar
                                    && bar.getOrientation()
                                        == javafx.geometry.Orientation.HORIZONTAL
                                    && bar.isVisible()),
                    list.lookupAll(".list-cell").stream()
                        .filter(javafx.scene.Node::isVisible)
                        .mapToDouble(n -> n.getBoundsInParent().getMaxX())
                        .max()
                        .orElse(0),
                    list.getWidth()));
    assertThat(shown.sideways()).as("a sideways scroll bar").isFalse();
    assertThat(shown.widest()).as("the rows' right end").isLessThanOrEqualTo(shown.room());
    assertThat(shown.drawn())
        .satisfiesExactly(
            t -> assertThat(t).isNotEqualTo(titles[0] + " — Ada").endsWith("(part 1) — Ada"),
            t -> assertThat(t).isNotEqualTo(titles[1] + " — Ada").endsWith("(part 2) — Ada"),
            t -> assertThat(t).isNotEqualTo(titles[2] + " — Ada").endsWith("(part 3) — Ada"),
            t -> assertThat(t).isNotEqualTo(titles[3] + " — Ada").endsWith("(part 4) — Ada"));
    javafx.scene.control.ListCell<?> first =
        FxWait.onFx(
            () ->
                (javafx.scene.control.ListCell<?>)
                    list.lookupAll(".list-cell").stream()
                        .filter(
                            n ->
                                n instanceof javafx.scene.control.ListCell<?> c
                                    && c.getIndex() == 0)
                        .findFirst()
                        .orElseThrow());
    String whole = FxWait.onFx(() -> first.getItem() == null ? "" : titleOf(first.getItem()));
    robot.moveTo(first);
    FxWait.untilFx(
        "the row's tooltip with the whole title",
        () -> first.getTooltip() != null && first.getTooltip().getText().startsWith(whole));
  }

  private static String titleOf(Object row) {
    return ((NowAndNextView.Row) row).slot().talk().title() + " — Ada";
  }

  @Test
  void saysSoWhenNothingIsOn(FxRobot robot) throws Exception {
    Event camp = notebook.events().create(Event.Details.titled("Camp"));
    talk(camp.id(), "Soldering", "Saal 1", 14, 45);
    NowAndNextView view = open(robot, 0, 30); // the talk is 13.5 hours ahead
    FxWait.untilFx(
        "the heading",
        () ->
            robot
                .lookup(".tb-now-heading")
                .queryLabeled()
                .getText()
                .equals("At 00:30 — nothing on now"));
    assertThat(FxWait.onFx(() -> emptyText(robot)))
        .isEqualTo(
            "Nothing is on now or in the next 12 hours. The next talk: “Soldering”, "
                // the date as the window names dates: "Friday, August 21, 2026, 14:00" in en-US
                + dev.talkbook.core.common.DateTimeText.dayAndTime(
                    java.time.LocalDateTime.of(2026, 8, 21, 14, 0),
                    dev.talkbook.core.common.DateTimeText.userLocale())
                + ", Saal 1.");
    assertThat(FxWait.onFx(() -> List.copyOf(view.list().getItems()))).isEmpty();
    assertThat(FxWait.onFx(() -> robot.lookup("Enter opens the selected talk's notes.").tryQuery()))
        .hasValueSatisfying(hint -> assertThat(hint.isVisible()).as("no row to open").isFalse());
  }

  @Test
  void hasADefaultButtonThatOpensTheSelectedTalkAndACancelButtonThatCloses(FxRobot robot)
      throws Exception {
    Event camp = notebook.events().create(Event.Details.titled("Camp"));
    notebook.events().setTimeZone(camp.id(), "Europe/Berlin");
    Talk soldering = talk(camp.id(), "Soldering", "Saal 1", 14, 45);
    NowAndNextView empty = open(robot, 0, 30); // nothing on: nothing to open
    FxWait.untilFx("the empty text", () -> !emptyText(robot).isEmpty());
    Button open = robot.lookup("#" + NowAndNextView.OPEN_ID).queryButton();
    Button close = robot.lookup("#" + NowAndNextView.CLOSE_ID).queryButton();
    assertThat(FxWait.onFx(open::isDefaultButton)).isTrue();
    assertThat(FxWait.onFx(open::isDisabled)).as("nothing to open").isTrue();
    assertThat(FxWait.onFx(close::isCancelButton)).isTrue();
    robot.interact(close::fire);
    assertThat(FxWait.onFx(() -> empty.stage().isShowing())).isFalse();

    NowAndNextView view = open(robot, 14, 30);
    FxWait.untilFx("the talk on now", () -> view.list().getItems().size() == 1);
    Button openNow =
        FxWait.onFx(() -> (Button) view.stage().getScene().lookup("#" + NowAndNextView.OPEN_ID));
    FxWait.untilFx("Open enabled", () -> !openNow.isDisabled());
    robot.interact(openNow::fire);
    assertThat(opened).containsExactly(soldering.id());
    assertThat(FxWait.onFx(() -> view.stage().isShowing())).isFalse();
  }

  @Test
  void saysWhenEveryTalkIsPastOrNoneHasATime(FxRobot robot) throws Exception {
    Event camp = notebook.events().create(Event.Details.titled("Camp"));
    notebook.talks().create(camp.id(), Talk.Details.titled("Untimed"), "");
    NowAndNextView first = open(robot, 9, 0);
    FxWait.untilFx("the text", () -> emptyText(robot).startsWith("None of your talks has a time"));
    robot.interact(() -> first.stage().close());

    talk(camp.id(), "Soldering", "Saal 1", 14, 45);
    open(robot, 23, 0);
    FxWait.untilFx(
        "the text",
        () ->
            emptyText(robot)
                .equals(
                    "Nothing is on now or in the next 12 hours, and no talk with a time is still"
                        + " to come."));
  }

  /** The empty list's text; on the FX thread. */
  private static String emptyText(FxRobot robot) {
    return robot.lookup("#" + NowAndNextView.EMPTY_ID).queryLabeled().getText();
  }

  @Test
  void countsOneTalkOnNowInWords(FxRobot robot) throws Exception {
    Event camp = notebook.events().create(Event.Details.titled("Camp"));
    talk(camp.id(), "Soldering", "Saal 1", 14, 45);
    open(robot, 14, 20);
    FxWait.untilFx(
        "the heading",
        () ->
            robot
                .lookup(".tb-now-heading")
                .queryLabeled()
                .getText()
                .equals("At 14:20 — 1 talk on now"));
  }

  @Test
  void theHeadingTellsTheEventsTimeWhenTheComputerIsElsewhere(FxRobot robot) throws Exception {
    Event camp = notebook.events().create(Event.Details.titled("Camp"));
    notebook.events().setTimeZone(camp.id(), "Asia/Tokyo");
    talk(camp.id(), "Soldering", "Hall A", 11, 45);
    talk(camp.id(), "Radio", "Hall B", 11, 45);
    // 11:03 in Tokyo, on a computer set to UTC.
    Clock utc =
        Clock.fixed(
            LocalDateTime.of(2026, 8, 21, 11, 3).atZone(ZoneId.of("Asia/Tokyo")).toInstant(),
            ZoneId.of("UTC"));
    robot.interact(() -> new NowAndNextView(stage, notebook, executors, utc, opened::add).show());
    FxWait.untilFx(
        "the heading",
        () -> robot.lookup(".tb-now-heading").queryLabeled().getText().contains("talks on now"));
    assertThat(FxWait.onFx(() -> robot.lookup(".tb-now-heading").queryLabeled().getText()))
        .isEqualTo("At 11:03 in Tokyo (02:03 here) — 2 talks on now");
  }

  /**
   * Two conferences in Berlin and Amsterdam on a computer set to UTC: the heading said the
   * computer's "At 12:10" above rows "14:00–14:45 (35 min left)"; their one clock is said now.
   */
  @Test
  void theHeadingTellsTheEventsTimeWhenTheirZonesShowOneClock(FxRobot robot) throws Exception {
    Event camp = notebook.events().create(Event.Details.titled("Camp"));
    notebook.events().setTimeZone(camp.id(), "Europe/Berlin");
    Event fest = notebook.events().create(Event.Details.titled("Fest"));
    notebook.events().setTimeZone(fest.id(), "Europe/Amsterdam");
    talk(camp.id(), "Soldering", "Saal 1", 14, 45);
    talk(fest.id(), "Radio", "Zaal 2", 14, 45);
    Clock utc =
        Clock.fixed(
            LocalDateTime.of(2026, 8, 21, 14, 10).atZone(BERLIN).toInstant(), ZoneId.of("UTC"));
    robot.interact(() -> new NowAndNextView(stage, notebook, executors, utc, opened::add).show());
    FxWait.untilFx(
        "the heading",
        () -> robot.lookup(".tb-now-heading").queryLabeled().getText().contains("talks on now"));
    assertThat(FxWait.onFx(() -> robot.lookup(".tb-now-heading").queryLabeled().getText()))
        .matches(
            "At 14:10 in (Berlin and Amsterdam|Amsterdam and Berlin) \\(12:10 here\\)"
                + " — 2 talks on now");
    assertThat(rowDetails(robot)).allMatch(d -> d.contains("14:00–14:45 (35 min left)"));
    // shown whole, on two lines in the dialog's width, not cut to "— 2 ta…"
    robot.interact(
        () -> robot.lookup(".tb-now-heading").query().getScene().getWindow().setWidth(400));
    FxWait.untilFx(
        "the heading shown whole",
        () -> {
          javafx.scene.control.Label h =
              robot.lookup(".tb-now-heading").queryAs(javafx.scene.control.Label.class);
          return h.lookup(".text") instanceof javafx.scene.text.Text t
              && t.getText().equals(h.getText());
        });
  }

  /**
   * A conference in Berlin beside a meetup without a zone (its times are the computer's, here UTC):
   * no one clock fits the heading, so it says the computer's as such and the Berlin row says whose
   * time it gives.
   */
  @Test
  void rowsInAnotherClockThanTheComputersNameTheirZone(FxRobot robot) throws Exception {
    Event camp = notebook.events().create(Event.Details.titled("Camp"));
    notebook.events().setTimeZone(camp.id(), "Europe/Berlin");
    Event meetup = notebook.events().create(Event.Details.titled("Meetup"));
    talk(camp.id(), "Soldering", "Saal 1", 14, 120);
    talk(meetup.id(), "Radio", "Back room", 12, 120);
    Clock utc =
        Clock.fixed(
            LocalDateTime.of(2026, 8, 21, 14, 10).atZone(BERLIN).toInstant(), ZoneId.of("UTC"));
    robot.interact(() -> new NowAndNextView(stage, notebook, executors, utc, opened::add).show());
    FxWait.untilFx(
        "the heading",
        () -> robot.lookup(".tb-now-heading").queryLabeled().getText().contains("talks on now"));
    assertThat(FxWait.onFx(() -> robot.lookup(".tb-now-heading").queryLabeled().getText()))
        .isEqualTo("At 12:10 here — 2 talks on now");
    assertThat(rowDetails(robot))
        .anyMatch(d -> d.contains("Saal 1 · Camp · 14:00–16:00 Berlin time (1 h 50 min left)"))
        .anyMatch(d -> d.contains("Back room · Meetup · 12:00–14:00 (1 h 50 min left)"));
  }

  /** The rows' detail lines ("Now · room · event · time (left)"), read on the FX thread. */
  private java.util.List<String> rowDetails(FxRobot robot) throws Exception {
    return FxWait.onFx(
        () ->
            robot.lookup(".tb-row-detail").queryAllAs(javafx.scene.control.Label.class).stream()
                .map(javafx.scene.control.Label::getText)
                .toList());
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0} min: {1}")
  @org.junit.jupiter.params.provider.CsvSource({
    "0, 1 min",
    "45, 45 min",
    "90, 90 min",
    "91, 1 h 31 min",
    "120, 2 h",
    "532, 8 h 52 min"
  })
  void aTimeToGoPast90MinutesIsInHoursAndMinutes(long minutes, String shown) {
    assertThat(NowAndNextView.span(Duration.ofMinutes(minutes).plusSeconds(30))).isEqualTo(shown);
  }

  @Test
  void aTalkHoursAheadSaysInHowManyHours(FxRobot robot) throws Exception {
    Event camp = notebook.events().create(Event.Details.titled("Camp"));
    notebook.events().setTimeZone(camp.id(), "Europe/Berlin");
    talk(camp.id(), "Evening", "Saal 1", 20, 45); // at 20:00, 45 min long
    NowAndNextView view = open(robot, 11, 8);
    FxWait.untilFx(
        "the row says in how long",
        () ->
            view.list().lookupAll(".tb-row-detail").stream()
                .anyMatch(
                    n ->
                        n instanceof javafx.scene.control.Label l
                            && l.getText().endsWith("(in 8 h 52 min)")));
  }

  @Test
  void aZoneIsNamedByItsCity() {
    assertThat(NowAndNextView.place(ZoneId.of("Asia/Tokyo"))).isEqualTo("Tokyo");
    assertThat(NowAndNextView.place(ZoneId.of("America/Argentina/Buenos_Aires")))
        .isEqualTo("Buenos Aires");
    assertThat(NowAndNextView.place(ZoneId.of("UTC"))).isEqualTo("UTC");
  }

  @Test
  void opensOverItsWindowNotInTheMiddleOfTheScreen(FxRobot robot) throws Exception {
    robot.interact(
        () -> {
          stage.setX(20);
          stage.setY(20);
          stage.setWidth(900);
          stage.setHeight(600);
        });
    open(robot, 12, 0);
    FxWait.untilFx(
        "the dialog shown",
        () -> robot.lookup("#" + NowAndNextView.LIST_ID).tryQuery().isPresent());
    javafx.stage.Window dialog =
        FxWait.onFx(
            () -> robot.lookup("#" + NowAndNextView.LIST_ID).query().getScene().getWindow());
    record Box(double x, double y, double w, double h) {}
    Box d =
        FxWait.onFx(
            () -> new Box(dialog.getX(), dialog.getY(), dialog.getWidth(), dialog.getHeight()));
    javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
    assertThat(20 + 900 / 2.0)
        .as("the window's middle, away from the screen's")
        .isLessThan(screen.getWidth() / 2 - 50);
    assertThat(d.x() + d.w() / 2).as("the dialog's middle").isCloseTo(470, within(1.0));
    assertThat(d.y()).as("the dialog's top, over the window").isBetween(20.0, 620.0 - d.h());
  }
}
