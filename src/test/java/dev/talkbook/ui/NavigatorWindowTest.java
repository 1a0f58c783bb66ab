package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.talkbook.core.notebook.Event;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;

/** The navigator's dialogs in the real window: new events with their dates. */
class NavigatorWindowTest extends RealWindowTest {

  /** What the FX thread threw and nothing caught (an "Unexpected error" in the app). */
  private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();

  private Thread.UncaughtExceptionHandler before;

  @BeforeEach
  void catchWhatTheFxThreadThrows(FxRobot robot) {
    robot.interact(
        () -> {
          Thread fx = Thread.currentThread();
          before = fx.getUncaughtExceptionHandler();
          fx.setUncaughtExceptionHandler((thread, error) -> uncaught.add(error));
        });
  }

  @AfterEach
  void tearDown(FxRobot robot) throws Exception {
    robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler(before));
  }

  /** Waits for {@code condition} (an exception from it means "not yet"), then for the FX events. */
  private static void waitUntil(Callable<Boolean> condition) {
    FxWait.until(condition);
  }

  /** Waits until {@code label} is the navigator's selected row (read on the FX thread). */
  private static void waitForSelected(FxRobot robot, String label) {
    FxWait.untilFx("\"" + label + "\" selected", () -> label.equals(selectedLabel(robot)));
  }

  /** Deletes the selected talk of the sample (Del, then Delete): its event is selected then. */
  private static void deleteSelectedTalkOfTheSample(FxRobot robot) {
    robot.type(KeyCode.DELETE);
    robot.clickOn(
        FxWait.shown(robot, ".dialog-pane .button", b -> "Delete".equals(((Button) b).getText())));
    waitForSelected(robot, dev.talkbook.core.sample.SampleMeetup.TITLE);
  }

  private void openNewEvent(FxRobot robot, String title) throws Exception {
    FxWait.clickOn(robot, "#new-event");
    FxWait.clickOn(robot, "#event-title");
    robot.write(title);
  }

  /** The dialog's Create button, once it is shown. */
  private Button createButton(FxRobot robot) {
    return (Button)
        FxWait.shown(
            robot,
            ".dialog-pane .button",
            n -> n instanceof Button b && "Create".equals(b.getText()));
  }

  /** Whether the Create button is disabled now (read on the FX thread). */
  private boolean createDisabled(FxRobot robot) throws Exception {
    Button create = createButton(robot);
    return FxWait.onFx(create::isDisabled);
  }

  private static String text(FxRobot robot, String query) throws Exception {
    return FxWait.onFx(() -> robot.lookup(query).queryTextInputControl().getText());
  }

  @Test
  void aNewEventTakesAnIsoDateAndShowsTheFormsItReads(FxRobot robot) throws Exception {
    openNewEvent(robot, "Devoxx 2026");
    assertThat(FxWait.onFx(() -> robot.lookup("#event-date-hint").queryAs(Label.class).getText()))
        .startsWith("Dates as 2026-04-14");
    // The dates' hint in the form the new talk's time shows ("yyyy-mm-dd hh:mm (optional)").
    for (String id : List.of("#event-start", "#event-end")) {
      assertThat(
              FxWait.onFx(
                  () ->
                      robot
                          .lookup(id)
                          .queryAs(javafx.scene.control.DatePicker.class)
                          .getPromptText()))
          .isEqualTo("yyyy-mm-dd (optional)");
    }
    // each field's label is tied to it, for a screen reader
    assertThat(
            FxWait.onFx(
                () ->
                    robot.lookup(".dialog-pane .label").queryAllAs(Label.class).stream()
                        .filter(
                            l ->
                                java.util.Set.of("Title", "From", "To", "Location", "Web page")
                                    .contains(l.getText()))
                        .filter(l -> l.getLabelFor() != null)
                        .count()))
        .isEqualTo(5);
    FxWait.clickOn(robot, "#event-start-text");
    robot.write("2026-04-14");
    robot.type(KeyCode.TAB);
    robot.clickOn(createButton(robot));

    waitUntil(() -> ui.notebook.events().list().size() == 1);
    Event event = ui.notebook.events().list().get(0);
    assertThat(event.details().startDate()).isEqualTo(LocalDate.of(2026, 4, 14));
    assertThat(event.details().endDate()).isEqualTo(LocalDate.of(2026, 4, 14));
    assertThat(uncaught).isEmpty();
  }

  /** The shown dialog's header, and where its first label starts in the dialog. */
  private record DialogLayout(String header, double formLeft) {}

  private static DialogLayout dialogLayout(FxRobot robot, String field) throws Exception {
    return FxWait.onFx(
        () -> {
          var pane =
              (javafx.scene.control.DialogPane) robot.lookup(field).query().getScene().getRoot();
          Label first =
              robot.lookup(".dialog-pane .label").queryAllAs(Label.class).stream()
                  .filter(l -> "Title".equals(l.getText()))
                  .findFirst()
                  .orElseThrow();
          return new DialogLayout(
              pane.getHeaderText(), first.localToScene(first.getLayoutBounds()).getMinX());
        });
  }

  /**
   * New event had no header where New talk's dialog says where the talk goes: without a window
   * manager (or one that draws no title) the form did not say what it was for, and it sat 12 px
   * further in than the talk's.
   */
  @Test
  void theEventDialogHasAHeaderAndItsFormStartsWhereTheTalksDoes(FxRobot robot) throws Exception {
    openNewEvent(robot, "JavaLand");
    DialogLayout event = dialogLayout(robot, "#event-title");
    assertThat(event.header()).isEqualTo(dev.talkbook.ui.navigator.NavigatorView.NEW_EVENT_HEADER);
    robot.type(KeyCode.ESCAPE);
    waitUntil(() -> robot.lookup("#event-title").tryQuery().isEmpty());
    // In an empty notebook New talk asks for the event first, then for the talk's title.
    FxWait.clickOn(robot, "#new-talk");
    FxWait.clickOn(robot, "#event-title");
    robot.write("JavaLand");
    robot.clickOn(createButton(robot));
    FxWait.clickOn(robot, "#talk-title-input");
    DialogLayout talk = dialogLayout(robot, "#talk-title-input");
    assertThat(talk.header()).isEqualTo("In JavaLand");
    assertThat(event.formLeft())
        .isCloseTo(talk.formLeft(), org.assertj.core.data.Offset.offset(0.5));
    robot.type(KeyCode.ESCAPE);
    waitUntil(() -> robot.lookup("#talk-title-input").tryQuery().isEmpty());
    // Edit event… says which event it edits.
    waitForSelected(robot, "JavaLand");
    javafx.application.Platform.runLater(() -> ui.action("Edit event…").fire());
    FxWait.clickOn(robot, "#event-title");
    assertThat(dialogLayout(robot, "#event-title").header()).isEqualTo("Edit JavaLand");
    robot.type(KeyCode.ESCAPE);
    assertThat(uncaught).isEmpty();
  }

  @Test
  void aDateThatCannotBeReadIsSaidInPlaceAndKept(FxRobot robot) throws Exception {
    openNewEvent(robot, "JavaLand");
    FxWait.clickOn(robot, "#event-start-text");
    robot.write("14.4.x");
    robot.type(KeyCode.TAB);

    Label hint = robot.lookup("#event-date-hint").queryAs(Label.class);
    FxWait.untilFx("the hint to say why", () -> hint.getText().contains("is not a date"));
    assertThat(FxWait.onFx(hint::getText))
        .startsWith("\u201c14.4.x\u201d is not a date: write it as 2026-04-14");
    assertThat(FxWait.onFx(() -> List.copyOf(hint.getStyleClass()))).contains("tb-problem");
    assertThat(text(robot, "#event-start-text")).isEqualTo("14.4.x");
    assertThat(createDisabled(robot)).isTrue();
    FxWait.clickOn(robot, "#event-start-text");
    robot.type(KeyCode.ENTER); // Enter on it says why again, and creates nothing
    ui.idle(); // had it asked to create the event, the notebook thread would have done it now
    assertThat(text(robot, "#event-start-text")).isEqualTo("14.4.x");
    assertThat(uncaught).isEmpty();
    assertThat(ui.notebook.events().list()).isEmpty();

    robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
    robot.write("2026-04-14");
    waitUntil(() -> !createDisabled(robot));
    assertThat(FxWait.onFx(() -> List.copyOf(hint.getStyleClass()))).doesNotContain("tb-problem");
    robot.clickOn(createButton(robot));
    waitUntil(() -> ui.notebook.events().list().size() == 1);
    assertThat(ui.notebook.events().list().get(0).details().startDate())
        .isEqualTo(LocalDate.of(2026, 4, 14));
    assertThat(uncaught).isEmpty();
  }

  /**
   * Tab into "To", pre-filled from "From", left the caret at its start: typing a date there gave
   * "2026-12-082026-12-07" (red), and the problem under the dates widened the dialog and cut its
   * labels to "Loca…" and "Web…". A date field tabbed into now has its text selected, and the
   * labels keep their width whatever the hint says. Edit event… too.
   */
  @Test
  void aDateTabbedIntoIsSelectedSoTypingReplacesItAndTheLabelsStayWhole(FxRobot robot)
      throws Exception {
    openNewEvent(robot, "Java User Group January");
    robot.type(KeyCode.TAB);
    robot.write("2026-12-07");
    robot.type(KeyCode.TAB);
    FxWait.untilFx(
        "To pre-filled",
        () ->
            "2026-12-07".equals(robot.lookup("#event-end-text").queryTextInputControl().getText()));
    robot.write("2026-12-08");
    assertThat(text(robot, "#event-end-text")).isEqualTo("2026-12-08");
    javafx.scene.Parent root =
        FxWait.onFx(() -> robot.lookup("#event-title").query().getScene().getRoot());
    // A date that cannot be read says so in a long line under the dates: the labels stay whole.
    robot.write("x 2026-12-07 and then some more words that make the line long");
    robot.type(KeyCode.TAB);
    Label hint = robot.lookup("#event-date-hint").queryAs(Label.class);
    FxWait.untilFx("the hint to say why", () -> hint.getText().contains("is not a date"));
    ui.idle();
    assertThat(FxWait.onFx(() -> WindowUnderTest.cutShort(root))).isEmpty();
    robot.press(KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT);
    robot.write("2026-12-09");
    assertThat(text(robot, "#event-end-text")).isEqualTo("2026-12-09");
    robot.clickOn(createButton(robot));
    waitUntil(() -> ui.notebook.events().list().size() == 1);
    assertThat(ui.notebook.events().list().get(0).details().endDate())
        .isEqualTo(LocalDate.of(2026, 12, 9));

    // Edit event…: From tabbed into from the title is selected too.
    waitForSelected(robot, "Java User Group January");
    javafx.application.Platform.runLater(() -> ui.action("Edit event…").fire());
    FxWait.clickOn(robot, "#event-title");
    robot.type(KeyCode.TAB);
    robot.write("2026-12-06");
    assertThat(text(robot, "#event-start-text")).isEqualTo("2026-12-06");
    robot.type(KeyCode.ESCAPE);
    assertThat(uncaught).isEmpty();
  }

  @Test
  void aWebPageTheEventRefusesIsSaidUnderTheFormAndEnterCreatesNothing(FxRobot robot)
      throws Exception {
    openNewEvent(robot, "JavaLand");
    FxWait.clickOn(robot, "#event-title");
    robot.interact(
        () ->
            robot.lookup(".dialog-pane .text-field").queryAllAs(TextField.class).stream()
                .filter(f -> "https://…".equals(f.getPromptText()))
                .findFirst()
                .orElseThrow()
                .setText("ftp://example.org"));
    assertThat(createDisabled(robot)).as("complete as far as the form can tell").isFalse();
    robot.type(KeyCode.ENTER); // Create is the default button
    FxWait.untilFx(
        "the refusal said under the form",
        () ->
            robot.lookup(".dialog-pane .tb-problem").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().contains("http")));
    ui.idle();
    assertThat(ui.notebook.events().list()).isEmpty();
    assertThat(FxWait.onFx(() -> robot.lookup("#event-title").tryQuery().isPresent()))
        .as("the dialog still open")
        .isTrue();
    assertThat(uncaught).isEmpty();
    robot.type(KeyCode.ESCAPE);
  }

  /**
   * The refusal of a web page without its scheme says what to type, whole: it was cut to "…it must
   * start with http:// or…", the dialog widened for the line instead of wrapping it.
   */
  @Test
  void aLongRefusalUnderTheEventFormWrapsAndShowsWhole(FxRobot robot) throws Exception {
    openNewEvent(robot, "JavaDay 2026");
    FxWait.clickOn(robot, "#event-title");
    robot.interact(
        () ->
            robot.lookup(".dialog-pane .text-field").queryAllAs(TextField.class).stream()
                .filter(f -> "https://…".equals(f.getPromptText()))
                .findFirst()
                .orElseThrow()
                .setText("javaday.example"));
    robot.type(KeyCode.ENTER);
    FxWait.untilFx(
        "the refusal said under the form",
        () ->
            robot.lookup(".dialog-pane .tb-problem").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().contains("http")));
    Label problem =
        FxWait.onFx(
            () ->
                robot.lookup(".dialog-pane .tb-problem").queryAllAs(Label.class).stream()
                    .filter(l -> l.getText().contains("http"))
                    .findFirst()
                    .orElseThrow());
    FxWait.untilFx(
        "the refusal shown whole (no “…”)",
        java.time.Duration.ofSeconds(10),
        () -> {
          var shown = (javafx.scene.text.Text) problem.lookup(".text");
          return shown != null && shown.getText().equals(problem.getText());
        });
    assertThat(FxWait.onFx(() -> buttonsInside(robot))).isTrue();
    assertThat(uncaught).isEmpty();
    robot.type(KeyCode.ESCAPE);
  }

  /**
   * Whether every button of the shown dialog lies whole inside its scene (a dialog that did not
   * grow for a problem line had Cancel and Create cut in half at its bottom edge).
   */
  private static boolean buttonsInside(FxRobot robot) {
    return robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
        .allMatch(
            b -> {
              var box = b.localToScene(b.getLayoutBounds());
              var scene = b.getScene();
              return box.getMinX() >= 0
                  && box.getMinY() >= 0
                  && box.getMaxX() <= scene.getWidth() + 0.5
                  && box.getMaxY() <= scene.getHeight() + 0.5;
            });
  }

  @Test
  void anEventThatEndsBeforeItStartsIsSaidAndTheDialogGrowsToKeepItsButtonsWhole(FxRobot robot)
      throws Exception {
    openNewEvent(robot, "JavaLand");
    FxWait.clickOn(robot, "#event-start-text");
    robot.write("2026-05-10");
    robot.type(KeyCode.TAB);
    FxWait.clickOn(robot, "#event-end-text");
    robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
    robot.write("2026-05-01");
    robot.type(KeyCode.TAB);
    assertThat(FxWait.onFx(() -> buttonsInside(robot))).as("before the problem").isTrue();

    robot.clickOn(createButton(robot));
    FxWait.untilFx(
        "the refusal said under the form",
        () ->
            robot.lookup(".dialog-pane .tb-problem").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().contains("before it starts")));
    FxWait.untilFx(
        "the buttons whole inside the dialog",
        java.time.Duration.ofSeconds(10),
        () -> buttonsInside(robot));
    assertThat(ui.notebook.events().list()).isEmpty();
    assertThat(uncaught).isEmpty();
    robot.type(KeyCode.ESCAPE);
  }

  private static String selectedLabel(FxRobot robot) {
    return WindowUnderTest.selectedLabel(robot);
  }

  @Test
  void aRowsTooltipIsMadeWhenThePointerFirstRestsOnItAndSaysItsTitle(FxRobot robot)
      throws Exception {
    dev.talkbook.core.sample.SampleMeetup.addTo(ui.notebook);
    ui.reloadTree(robot);
    javafx.scene.Node title = ui.row(robot, "Outlines that think");
    javafx.scene.Node cell = title;
    while (!(cell instanceof javafx.scene.control.TreeCell<?>)) {
      cell = cell.getParent();
    }
    javafx.scene.control.TreeCell<?> row = (javafx.scene.control.TreeCell<?>) cell;
    assertThat(FxWait.onFx(row::getTooltip)).isNull();
    // the sample meetup is a one-day programme: its talks' rows say their time and room, as a day's
    String tip =
        "Outlines that think\n"
            + dev.talkbook.core.common.DateTimeText.dayInEvent(
                LocalDate.of(2026, 3, 12),
                false,
                dev.talkbook.core.common.DateTimeText.userLocale())
            + ", 19:30 · Room B\nInes Carvalho";
    assertThat(FxWait.onFx(row::getAccessibleHelp)).isEqualTo(tip);
    // and a screen reader says the row itself, star included once starred
    assertThat(FxWait.onFx(row::getAccessibleText))
        .isEqualTo("19:30, Room B, Outlines that think, Ines Carvalho");
    robot.moveTo(row);
    FxWait.untilFx(
        "the row's tooltip",
        () -> row.getTooltip() != null && tip.equals(row.getTooltip().getText()));
    var talk = ui.notebook.talks().findByTitle("Outlines that think").get(0);
    ui.notebook.talks().star(talk.id(), true);
    ui.reloadTree(robot);
    FxWait.untilFx(
        "the starred row said so",
        () ->
            robot.lookup(".tree-cell").queryAll().stream()
                .anyMatch(
                    n ->
                        "19:30, Room B, Outlines that think, starred, Ines Carvalho"
                            .equals(n.getAccessibleText())));
  }

  /**
   * The navigator's tree, reloaded, in a 1200-px window with the navigator {@code width} px wide.
   */
  private javafx.scene.control.TreeView<?> navigatorWide(FxRobot robot, double width)
      throws Exception {
    ui.reloadTree(robot);
    var tree = WindowUnderTest.navigator(robot);
    robot.interact(() -> ui.stage.setWidth(1200));
    ui.idle();
    robot.interact(
        () -> {
          var columns = (javafx.scene.control.SplitPane) tree.getScene().lookup(".split-pane");
          columns.setDividerPosition(0, width / columns.getWidth());
        });
    ui.idle();
    return tree;
  }

  @ParameterizedTest(name = "the navigator {0} px wide")
  @ValueSource(doubles = {180, 260, 420})
  void aRowCutsTheSpeakersBeforeTheTitleAndNeverToAFewLetters(double width, FxRobot robot)
      throws Exception {
    dev.talkbook.core.sample.SampleMeetup.addTo(ui.notebook);
    var tree = navigatorWide(robot, width);
    record Row(
        String title,
        double titleWidth,
        double titleWhole,
        boolean detail,
        double width,
        double detailWhole,
        boolean sameLine) {}
    List<Row> rows =
        FxWait.onFx(
            () ->
                robot.lookup("#navigator .tb-talk-row").queryAll().stream()
                    .filter(javafx.scene.Node::isVisible)
                    .map(
                        cell -> {
                          var t = (javafx.scene.control.Label) cell.lookup(".tb-row-title");
                          var d = (javafx.scene.control.Label) cell.lookup(".tb-row-detail");
                          return t == null || d == null
                              ? null
                              : new Row(
                                  t.getText(),
                                  t.getWidth(),
                                  t.prefWidth(-1),
                                  d.isVisible(),
                                  d.getWidth(),
                                  d.prefWidth(-1),
                                  // a row too long for one line has its speakers on a second
                                  Math.abs(
                                          d.localToScene(d.getLayoutBounds()).getMinY()
                                              - t.localToScene(t.getLayoutBounds()).getMinY())
                                      < 4);
                        })
                    .filter(java.util.Objects::nonNull)
                    .toList());
    assertThat(rows).hasSizeGreaterThanOrEqualTo(5);
    for (Row r : rows) {
      boolean titleCut = r.titleWidth() < r.titleWhole() - 0.5;
      if (r.detail()) {
        if (r.sameLine()) {
          assertThat(titleCut).as(r.title() + ": cut beside its speakers").isFalse();
        }
        assertThat(r.width())
            .as(r.title() + ": its speakers, shown whole or in 48 px at least")
            .isGreaterThanOrEqualTo(Math.min(r.detailWhole() - 0.5, 47.5));
      }
    }
    if (width == 420) {
      assertThat(rows)
          .as("in a tree " + FxWait.onFx(tree::getWidth) + " px wide")
          .allMatch(Row::detail);
    }
  }

  /**
   * An event's title was cut to "JavaDay ..." to keep a long weekday date beside it (tester11a):
   * the title wins, the date shortens ("12 Nov 2026") or goes under the title, always whole, and
   * the row's tooltip has both whole. The dates are the event's range, its first and last day ("Nov
   * 12 – 14, 2026" short): the row said its first day alone, as if the event had one.
   */
  @ParameterizedTest(name = "the navigator {0} px wide")
  @ValueSource(doubles = {180, 260, 420})
  void anEventsTitleStaysWholeAndItsDateShortensOrGoesUnderIt(double width, FxRobot robot)
      throws Exception {
    LocalDate start = LocalDate.of(2026, 11, 12);
    ui.notebook
        .events()
        .create(new Event.Details("JavaDay Lisbon", start, LocalDate.of(2026, 11, 14), null, null));
    var tree = navigatorWide(robot, width);
    java.util.Locale locale = dev.talkbook.core.common.DateTimeText.userLocale();
    LocalDate end = LocalDate.of(2026, 11, 14);
    String whole = dev.talkbook.core.common.DateTimeText.days(start, end, locale);
    String shorter = dev.talkbook.core.common.DateTimeText.shortDays(start, end, locale);
    Node cell =
        FxWait.onFx(
            () ->
                robot.lookup("#navigator .tb-event-row").queryAll().stream()
                    .filter(
                        c ->
                            c.lookup(".tb-row-title") instanceof Label t
                                && "JavaDay Lisbon".equals(t.getText()))
                    .findFirst()
                    .orElseThrow());
    Label title = (Label) cell.lookup(".tb-row-title");
    Label date = (Label) cell.lookup(".tb-row-detail");
    String at = "in a tree " + FxWait.onFx(tree::getWidth) + " px wide";
    FxWait.untilFx("the title whole " + at, () -> title.getWidth() >= title.prefWidth(-1) - 0.5);
    FxWait.untilFx(
        "the date shown whole " + at,
        () -> date.isVisible() && date.getWidth() >= date.prefWidth(-1) - 0.5);
    assertThat(FxWait.onFx(date::getText)).as(at).isIn(whole, shorter).contains("14");
    if (width == 180) {
      assertThat(FxWait.onFx(date::getText)).as("the short form " + at).isEqualTo(shorter);
    }
    if (width == 420) {
      // the range's full form ("Thursday, November 12, 2026 – Saturday, …") is wider than that
      assertThat(FxWait.onFx(date::getText)).as("the short form " + at).isEqualTo(shorter);
      assertThat(FxWait.onFx(() -> date.localToScene(date.getLayoutBounds()).getCenterY()))
          .as("beside the title " + at)
          .isCloseTo(
              FxWait.onFx(() -> title.localToScene(title.getLayoutBounds()).getCenterY()),
              within(3.0));
    }
    assertThat(FxWait.onFx(cell::getAccessibleHelp)).isEqualTo("JavaDay Lisbon\n" + whole);
  }

  @Test
  void lettersTypedRightAfterClickingATalkGoIntoItsNotesAtItsCaret(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Other talk", "other\n");
    long meetup = ui.openTalk().eventId();
    var notes =
        ui.notebook
            .talks()
            .create(
                meetup,
                dev.talkbook.core.notebook.Talk.Details.titled("Notes first"),
                "hello world\n");
    ui.reloadTree(robot);
    // its kept place: the caret after "hello", left there before going to the other talk
    ui.clickOnRow(robot, "Notes first");
    FxWait.untilFx("its notes", () -> WindowUnderTest.editor(robot).getText().startsWith("hello"));
    robot.interact(() -> WindowUnderTest.editor(robot).moveTo(5));
    ui.clickOnRow(robot, "Other talk");
    FxWait.untilFx(
        "the other notes", () -> WindowUnderTest.editor(robot).getText().equals("other\n"));

    // a click and the first words at once: the talk is still being read when they come
    robot.clickOn(ui.row(robot, "Notes first"));
    robot.write("abc");
    robot.type(KeyCode.LEFT);
    robot.write("d");

    FxWait.untilFx(
        "the keys in its notes, at its caret, in order",
        () -> WindowUnderTest.editor(robot).getText().equals("helloabdc world\n"));
    assertThat(FxWait.onFx(() -> WindowUnderTest.editor(robot).isFocused())).isTrue();
    assertThat(FxWait.onFx(() -> selectedLabel(robot))).isEqualTo("Notes first");
    robot.interact(() -> ui.window.openTalk().saveNow());
    ui.idle();
    assertThat(ui.notebook.talks().get(notes.id()).body()).isEqualTo("helloabdc world\n");
    assertThat(
            ui.notebook
                .talks()
                .get(
                    ui.notebook.talks().summaries().stream()
                        .filter(t -> t.title().equals("Other talk"))
                        .findFirst()
                        .orElseThrow()
                        .id())
                .body())
        .isEqualTo("other\n");
  }

  @Test
  void lettersTypedWhileTheClickedTalkIsReadWaitForItsNotes(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Other talk", "other\n");
    long meetup = ui.openTalk().eventId();
    var notes =
        ui.notebook
            .talks()
            .create(meetup, dev.talkbook.core.notebook.Talk.Details.titled("Slow talk"), "notes\n");
    ui.reloadTree(robot);
    Node row = ui.row(robot, "Slow talk");
    java.util.concurrent.CountDownLatch busy = new java.util.concurrent.CountDownLatch(1);
    ui.executors
        .io()
        .submit(
            () -> {
              busy.await(); // the notebook thread is held up: the clicked talk is not read yet
              return null;
            });
    try {
      robot.clickOn(row);
      robot.write("xyz ");
      org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
      assertThat(WindowUnderTest.editorText(robot)).isEqualTo("other\n");
    } finally {
      busy.countDown();
    }
    FxWait.untilFx(
        "the keys in the clicked talk's notes",
        () -> WindowUnderTest.editor(robot).getText().equals("xyz notes\n"));
    robot.interact(() -> ui.window.openTalk().saveNow());
    ui.idle();
    assertThat(ui.notebook.talks().get(notes.id()).body()).isEqualTo("xyz notes\n");
  }

  @Test
  void arrowsAndLettersOnAnEventRowStayInTheNavigator(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Only talk", "notes\n");
    ui.clickOnRow(robot, "Meetup");
    waitForSelected(robot, "Meetup");
    robot.write("x");
    robot.type(KeyCode.DOWN);
    waitForSelected(robot, "Only talk");
    ui.idle();
    assertThat(WindowUnderTest.editorText(robot)).isEqualTo("notes\n");
    assertThat(FxWait.onFx(() -> WindowUnderTest.navigator(robot).isFocused())).isTrue();
  }

  /** A title long enough to be cut in a narrow navigator, told apart from the others by its end. */
  static String part(int n) {
    return "A very long title about reverse-engineering a toaster firmware (part " + n + ")";
  }

  @Test
  void longTitlesAreCutAtTheirEndAndWholeInTheTooltip(FxRobot robot) throws Exception {
    long camp = ui.notebook.events().create(Event.Details.titled("Camp")).id();
    for (int n = 1; n <= 3; n++) {
      ui.notebook.talks().create(camp, dev.talkbook.core.notebook.Talk.Details.titled(part(n)), "");
    }
    ui.reloadTree(robot);
    var tree = WindowUnderTest.navigator(robot);
    robot.interact(() -> ui.stage.setWidth(1200));
    ui.idle();
    robot.interact(
        () -> {
          var columns = (javafx.scene.control.SplitPane) tree.getScene().lookup(".split-pane");
          columns.setDividerPosition(0, 260 / columns.getWidth());
        });
    ui.idle();
    for (int n = 1; n <= 3; n++) {
      Label title = (Label) ui.row(robot, part(n));
      // what the row shows of its title: the label's text node, as drawn
      String shown = FxWait.onFx(() -> ((javafx.scene.text.Text) title.lookup(".text")).getText());
      String mark = FxWait.onFx(title::getEllipsisString);
      assertThat(shown).as("the row of " + part(n)).isNotEqualTo(part(n)).endsWith(mark);
      assertThat(part(n)).startsWith(shown.substring(0, shown.length() - mark.length()).strip());
    }
    javafx.scene.Node cell = ui.row(robot, part(3));
    while (!(cell instanceof javafx.scene.control.TreeCell<?>)) {
      cell = cell.getParent();
    }
    javafx.scene.control.TreeCell<?> row = (javafx.scene.control.TreeCell<?>) cell;
    robot.moveTo(row);
    FxWait.untilFx(
        "the row's tooltip with the whole title",
        () -> row.getTooltip() != null && part(3).equals(row.getTooltip().getText()));
  }

  @Test
  void aNewTalkInAnEmptyNotebookAsksForItsEventFirstThenForItsTitle(FxRobot robot)
      throws Exception {
    FxWait.clickOn(robot, "#new-talk");
    FxWait.clickOn(robot, "#event-title");
    assertThat(
            FxWait.onFx(
                () ->
                    robot
                        .lookup(".dialog-pane")
                        .queryAs(javafx.scene.control.DialogPane.class)
                        .getHeaderText()))
        .isEqualTo(dev.talkbook.ui.navigator.NavigatorView.NO_EVENT_YET);
    robot.write("JavaLand");
    robot.clickOn(createButton(robot));
    // The talk's title is asked for next, without a second Ctrl+N, saying where it goes.
    FxWait.clickOn(robot, "#talk-title-input");
    assertThat(talkDialogHeader(robot)).isEqualTo("In JavaLand");
    assertThat(
            FxWait.onFx(
                () ->
                    robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                        .map(Button::getText)
                        .toList()))
        .contains("Create", "Cancel");
    robot.write("Records in depth");
    robot.type(KeyCode.ENTER);
    waitForSelected(robot, "Records in depth");
    assertThat(ui.notebook.events().list()).extracting(Event::title).containsExactly("JavaLand");
    theOnlyTalkOfIsOpen("JavaLand", "Records in depth");
  }

  /** {@code talk} is the only talk of the event titled {@code event}, and it is open. */
  private void theOnlyTalkOfIsOpen(String event, String talk) {
    Event e =
        ui.notebook.events().list().stream()
            .filter(x -> x.title().equals(event))
            .findFirst()
            .orElseThrow();
    assertThat(ui.notebook.talks().list(e.id()))
        .extracting(dev.talkbook.core.notebook.Talk::title)
        .containsExactly(talk);
    FxWait.untilFx(
        "the new talk open", () -> ui.openTalk() != null && ui.openTalk().title().equals(talk));
  }

  @Test
  void aNewEventIsSelectedSoTheNextTalkGoesIntoIt(FxRobot robot) throws Exception {
    ui.sampleWithTalkSelected(
        robot, "Outlines that think"); // a talk of the sample is selected and open

    openNewEvent(robot, "Devoxx 2026");
    robot.clickOn(createButton(robot));
    waitForSelected(robot, "Devoxx 2026");

    FxWait.clickOn(robot, "#new-talk");
    FxWait.clickOn(robot, "#talk-title-input");
    assertThat(talkDialogHeader(robot)).isEqualTo("In Devoxx 2026");
    robot.write("Loom in practice");
    robot.type(KeyCode.ENTER);
    waitForSelected(robot, "Loom in practice");
    theOnlyTalkOfIsOpen("Devoxx 2026", "Loom in practice");
  }

  /**
   * Makes an event titled {@code event}, selects it and opens New talk, its title field clicked.
   */
  private void newTalkDialogIn(FxRobot robot, String event) {
    ui.notebook.events().create(Event.Details.titled(event));
    ui.reloadTree(robot);
    ui.clickOnRow(robot, event);
    FxWait.clickOn(robot, "#new-talk");
    FxWait.clickOn(robot, "#talk-title-input");
  }

  @Test
  void aNewTalksSpeakersAreTypedInTheSameDialog(FxRobot robot) throws Exception {
    newTalkDialogIn(robot, "Devoxx 2026");
    robot.write("Loom in practice");
    robot.type(KeyCode.TAB); // on to the speakers, by the keyboard
    javafx.scene.control.TextField speakers =
        robot.lookup("#talk-speakers-input").queryAs(javafx.scene.control.TextField.class);
    FxWait.untilFx("the speakers field focused", speakers::isFocused);
    robot.write("Ron Pressler, , Alan Bateman ");
    robot.type(KeyCode.ENTER);

    waitForSelected(robot, "Loom in practice");
    theOnlyTalkOfIsOpen("Devoxx 2026", "Loom in practice");
    assertThat(ui.openTalk().speakers()).containsExactly("Ron Pressler", "Alan Bateman");
  }

  /** Ctrl+N asked only title, speakers and time: room and tags took Tabs past the ☆ button. */
  @Test
  void aNewTalksRoomAndTagsAreTypedInTheSameDialogByTabs(FxRobot robot) throws Exception {
    newTalkDialogIn(robot, "Devoxx 2026");
    robot.write("Loom in practice");
    robot.type(KeyCode.TAB, KeyCode.TAB, KeyCode.TAB); // speakers, time, room
    javafx.scene.control.TextField room =
        robot.lookup("#talk-room-input").queryAs(javafx.scene.control.TextField.class);
    FxWait.untilFx("the room field focused", room::isFocused);
    robot.write("Room 8");
    robot.type(KeyCode.TAB);
    javafx.scene.control.TextField tags =
        robot.lookup("#talk-tags-input").queryAs(javafx.scene.control.TextField.class);
    FxWait.untilFx("the tags field focused", tags::isFocused);
    robot.write("loom, java");
    robot.type(KeyCode.ENTER);

    waitForSelected(robot, "Loom in practice");
    theOnlyTalkOfIsOpen("Devoxx 2026", "Loom in practice");
    assertThat(ui.openTalk().details().room()).isEqualTo("Room 8");
    assertThat(ui.openTalk().tags()).containsExactly("loom", "java");
  }

  @Test
  void aNewTalksTimeThatCannotBeReadIsSaidAndTheDialogKeepsItsButtonsWhole(FxRobot robot)
      throws Exception {
    newTalkDialogIn(robot, "Devoxx 2026");
    robot.write("Loom in practice");
    robot.interact(() -> robot.lookup("#talk-time-input").queryTextInputControl().setText("soon"));
    robot.clickOn(createButton(robot));
    FxWait.untilFx(
        "the time's problem said under the form",
        () ->
            robot.lookup(".dialog-pane .tb-problem").queryAllAs(Label.class).stream()
                .anyMatch(l -> !l.getText().isEmpty()));
    FxWait.untilFx(
        "the buttons whole inside the dialog",
        java.time.Duration.ofSeconds(10),
        () -> buttonsInside(robot));
    assertThat(ui.notebook.talks().count()).isZero();
    robot.type(KeyCode.ESCAPE);
  }

  @Test
  void aNewTalksDialogSaysTheEventOfTheSelectedTalk(FxRobot robot) throws Exception {
    dev.talkbook.core.sample.SampleMeetup.addTo(ui.notebook);
    ui.notebook.events().create(Event.Details.titled("Devoxx 2026"));
    ui.reloadTree(robot);
    ui.clickOnRow(robot, "Outlines that think");
    waitForSelected(robot, "Outlines that think");
    FxWait.clickOn(robot, "#new-talk");
    FxWait.clickOn(robot, "#talk-title-input");
    assertThat(talkDialogHeader(robot))
        .isEqualTo("In " + dev.talkbook.core.sample.SampleMeetup.TITLE);
    robot.type(KeyCode.ESCAPE);
  }

  @Test
  void aNewTalkNeedsATitleBeforeItCanBeCreated(FxRobot robot) throws Exception {
    newTalkDialogIn(robot, "Devoxx 2026");
    Button create =
        (Button)
            FxWait.shown(
                robot, ".dialog-pane .button", b -> "Create".equals(((Button) b).getText()));
    assertThat(FxWait.onFx(create::isDisabled)).as("no title").isTrue();
    robot.write("   ");
    assertThat(FxWait.onFx(create::isDisabled)).as("only spaces").isTrue();
    robot.type(KeyCode.ENTER);
    assertThat(FxWait.onFx(() -> robot.lookup("#talk-title-input").tryQuery().isPresent()))
        .as("Enter on no title keeps the dialog")
        .isTrue();
    robot.write("Loom");
    assertThat(FxWait.onFx(create::isDisabled)).isFalse();
    robot.type(KeyCode.ENTER);
    waitForSelected(robot, "Loom");
  }

  /** The header of the dialog that asks for a new talk's title. */
  private static String talkDialogHeader(FxRobot robot) throws Exception {
    return FxWait.onFx(
        () ->
            ((javafx.scene.control.DialogPane)
                    robot.lookup("#talk-title-input").query().getScene().getRoot())
                .getHeaderText());
  }

  @Test
  void afterADeletionTheSelectionIsTheDeletedTalksEventNotItsNeighbour(FxRobot robot)
      throws Exception {
    ui.sampleWithTalkSelected(robot, "SQLite everywhere");
    deleteSelectedTalkOfTheSample(robot);
    assertThat(FxWait.onFx(() -> selectedLabel(robot))).isNotEqualTo("Outlines that think");
    // The window's title no longer names the talk that is gone (it still said "SQLite everywhere").
    var tree = WindowUnderTest.navigator(robot);
    FxWait.untilFx(
        "the title without the deleted talk",
        () -> !((javafx.stage.Stage) tree.getScene().getWindow()).getTitle().contains("SQLite"));
    assertThat(FxWait.onFx(() -> ((javafx.stage.Stage) tree.getScene().getWindow()).getTitle()))
        .endsWith(" — Talkbook");
  }

  /**
   * After a talk's deletion the navigator keeps the focus, on the row selected: the tree had the
   * focus but no focused row (-1), so no row showed the focus ring and the first Down moved
   * nowhere.
   */
  @Test
  void afterADeletionTheNavigatorHasTheFocusOnTheSelectedRowAndDownMovesFromIt(FxRobot robot)
      throws Exception {
    ui.sampleWithTalkSelected(robot, "SQLite everywhere");
    deleteSelectedTalkOfTheSample(robot);
    ui.idle();
    var tree = WindowUnderTest.navigator(robot);
    assertThat(FxWait.onFx(() -> tree.getScene().getFocusOwner())).isSameAs(tree);
    assertThat(FxWait.onFx(() -> tree.getFocusModel().getFocusedIndex()))
        .as("the focused row")
        .isEqualTo(FxWait.onFx(() -> tree.getSelectionModel().getSelectedIndex()));
    robot.type(KeyCode.DOWN);
    waitForSelected(robot, "Virtual threads in practice");
  }

  @Test
  void aReloadKeepsTheSelectedRowByWhatItIsNotWhereItIs(FxRobot robot) throws Exception {
    ui.sampleWithTalkSelected(robot, "Outlines that think");
    // An event that sorts first arrives from elsewhere (an import): every row moves down.
    ui.notebook
        .events()
        .create(new Event.Details("Later conference", LocalDate.of(2099, 1, 1), null, null, null));
    ui.reloadTree(robot);
    FxWait.untilFx(
        "both events shown",
        () -> WindowUnderTest.navigator(robot).getRoot().getChildren().size() == 2);
    assertThat(FxWait.onFx(() -> selectedLabel(robot))).isEqualTo("Outlines that think");
  }

  @Test
  void theFirstArrowKeyAfterANewTalkMovesFromItsRow(FxRobot robot) throws Exception {
    for (String title : List.of("Spring meetup", "Winter meetup")) {
      var event = ui.notebook.events().create(Event.Details.titled(title));
      ui.notebook
          .talks()
          .create(
              event.id(), dev.talkbook.core.notebook.Talk.Details.titled("Talk at " + title), "");
    }
    ui.reloadTree(robot);
    robot.clickOn("#search-field");
    robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
    FxWait.clickOn(robot, "#talk-title-input");
    robot.write("Fresh");
    robot.type(KeyCode.ENTER);
    waitForSelected(robot, "Fresh");
    var tree = WindowUnderTest.navigator(robot);
    int row = FxWait.onFx(() -> tree.getSelectionModel().getSelectedIndex());
    assertThat(FxWait.onFx(tree::getExpandedItemCount)).isGreaterThan(row + 1);
    String below = FxWait.onFx(() -> tree.getTreeItem(row + 1).getValue().label());

    robot.clickOn("#search-field");
    for (int i = 0; i < 30 && !FxWait.onFx(tree::isFocused); i++) {
      robot.type(KeyCode.TAB);
    }
    assertThat(FxWait.onFx(tree::isFocused)).as("Tab reached the navigator").isTrue();
    robot.type(KeyCode.DOWN);

    waitForSelected(robot, below);
  }

  @Test
  void theFirstArrowKeyAfterARestartMovesFromTheLastTalksRow(FxRobot robot) throws Exception {
    ui.sampleWithTalkSelected(robot, "SQLite everywhere");
    robot.interact(() -> ui.window.close());
    robot.interact(() -> ui.show());
    waitForSelected(robot, "SQLite everywhere");
    ui.idle();

    var tree = WindowUnderTest.navigator(robot);
    robot.clickOn("#search-field");
    for (int i = 0; i < 30 && !FxWait.onFx(tree::isFocused); i++) {
      robot.type(KeyCode.TAB);
    }
    assertThat(FxWait.onFx(tree::isFocused)).as("Tab reached the navigator").isTrue();
    robot.type(KeyCode.DOWN);

    waitForSelected(robot, "Outlines that think");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SHIFT_F10", "CONTEXT_MENU"})
  void theRowsMenuOpensFromTheKeyboardAtTheSelectedRow(String key, FxRobot robot) throws Exception {
    ui.sampleWithTalkSelected(robot, "SQLite everywhere");
    var tree = WindowUnderTest.navigator(robot);
    robot.interact(tree::requestFocus);
    if (key.equals("SHIFT_F10")) {
      robot.press(KeyCode.SHIFT, KeyCode.F10).release(KeyCode.F10, KeyCode.SHIFT);
    } else {
      robot.type(KeyCode.CONTEXT_MENU);
    }

    FxWait.untilFx("the rows' menu shown", () -> tree.getContextMenu().isShowing());
    javafx.scene.Node title = ui.row(robot, "SQLite everywhere");
    javafx.scene.Node row = title;
    while (!(row instanceof javafx.scene.control.TreeCell<?>)) {
      row = row.getParent(); // the whole row: a talk's row may take two lines
    }
    javafx.scene.Node cell = row;
    double rowBottom = FxWait.onFx(() -> cell.localToScreen(cell.getLayoutBounds()).getMaxY());
    assertThat(FxWait.onFx(() -> tree.getContextMenu().getAnchorY()))
        .isCloseTo(rowBottom, org.assertj.core.data.Offset.offset(12.0));
    robot.type(KeyCode.ESCAPE);
  }

  /**
   * The row's menu names its items as the window's menus do and shows each key as a shortcut, not
   * in a label: it had "Unstar (Ctrl+D)" beside "New talk" and "Rename…" with none.
   */
  @Test
  void theRowsMenuShowsItsKeysAsTheMenusDo(FxRobot robot) throws Exception {
    ui.sampleWithTalkSelected(robot, "SQLite everywhere");
    var tree = WindowUnderTest.navigator(robot);
    robot.interact(tree::requestFocus);
    robot.press(KeyCode.SHIFT, KeyCode.F10).release(KeyCode.F10, KeyCode.SHIFT);
    FxWait.untilFx("the rows' menu shown", () -> tree.getContextMenu().isShowing());
    java.util.Map<String, String> keys =
        FxWait.onFx(
            () -> {
              java.util.Map<String, String> shown = new java.util.LinkedHashMap<>();
              for (javafx.scene.control.MenuItem item : tree.getContextMenu().getItems()) {
                if (item.isVisible()) {
                  shown.put(
                      item.getText(),
                      item.getAccelerator() == null ? "" : item.getAccelerator().getDisplayText());
                }
              }
              return shown;
            });
    robot.type(KeyCode.ESCAPE);
    assertThat(keys)
        .containsExactly(
            java.util.Map.entry("Star", "Ctrl+D"),
            java.util.Map.entry("New talk…", "Ctrl+N"),
            java.util.Map.entry("Rename…", "F2"),
            java.util.Map.entry("Move to event…", ""),
            java.util.Map.entry("Delete…", "Delete"));
  }
}
