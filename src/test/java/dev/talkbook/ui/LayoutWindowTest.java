package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.repl.ReplOptions;
import dev.talkbook.core.repl.ReplSession;
import dev.talkbook.core.sample.SampleMeetup;
import dev.talkbook.ui.common.Settings;
import java.nio.file.Files;
import java.util.List;
import javafx.geometry.Dimension2D;
import javafx.geometry.Orientation;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.TreeView;
import javafx.scene.text.Text;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;

/** The window's layout: its first size, the details folded to a line, fields that fit. */
class LayoutWindowTest extends RealWindowTest {

  @ParameterizedTest(name = "a {0}×{1} screen: {2}×{3}")
  @CsvSource({
    "1600, 1000, 1376, 880",
    "1920, 1080, 1651, 950",
    "2560, 1440, 1680, 1080",
    "1280, 800, 1100, 704",
    "1024, 700, 960, 640",
    "800, 600, 800, 600"
  })
  void aFirstWindowTakesMostOfTheScreen(double sw, double sh, double w, double h) {
    Dimension2D size = WindowState.startSize(new Rectangle2D(0, 0, sw, sh));
    assertThat(size.getWidth()).isEqualTo(w);
    assertThat(size.getHeight()).isEqualTo(h);
  }

  @Test
  void aFirstWindowOpensAtTheSizeForItsScreen(FxRobot robot) throws Exception {
    // A stage of its own: the tests' shared stage keeps the scene (and size) of earlier tests.
    Stage fresh = FxWait.onFx(Stage::new);
    WindowUnderTest first =
        FxWait.onFx(
            () -> new WindowUnderTest(fresh, Files.createDirectories(dir.resolve("first"))));
    try {
      Dimension2D size = WindowState.startSize(Screen.getPrimary().getVisualBounds());
      assertThat(FxWait.onFx(() -> fresh.getScene().getWidth())).isEqualTo(size.getWidth());
      assertThat(FxWait.onFx(() -> fresh.getScene().getHeight())).isEqualTo(size.getHeight());
    } finally {
      first.close(robot);
    }
  }

  @Test
  void theNavigatorKeepsItsWidthInPixelsWhenTheNextStartIsInASmallerWindow(FxRobot robot)
      throws Exception {
    openSample(robot, "Virtual threads in practice");
    TreeView<?> tree = WindowUnderTest.navigator(robot);
    // Used on a wide screen with the navigator at a quarter of a 1280 px window (the tests'
    // screen is 1280 × 800).
    ui.resize(robot, 1280, 780);
    SplitPane columns = columns(robot);
    robot.interact(() -> columns.setDividerPosition(0, 0.25));
    ui.idle();
    double navigator = FxWait.onFx(tree::getWidth);
    assertThat(navigator).as("the navigator in the wide window").isGreaterThan(290);
    double[] before = FxWait.onFx(columns::getDividerPositions);

    // Started again in a 1100 px window: the navigator has its pixels, not 25 % (267 px), and the
    // notes and the preview share the rest as they did.
    robot.interact(() -> ui.window.close());
    ui.idle();
    Settings settings = Settings.load(ui.settingsFile);
    // The session's file keeps the notes' share, and no longer the preview's divider of old files.
    assertThat(settings.has(Settings.NOTES_SHARE)).as("notesShare kept").isTrue();
    assertThat(settings.has(Settings.PREVIEW_DIVIDER)).as("divider1 kept").isFalse();
    settings.put(Settings.WIDTH, 1100.0);
    settings.put(Settings.HEIGHT, 700.0);
    settings.flush();
    robot.interact(
        () -> {
          ui.stage.setScene(null);
          ui.stage.setWidth(1100);
          ui.stage.setHeight(700);
          ui.showAsTheAppStarts();
        });
    ui.idle();
    TreeView<?> again = WindowUnderTest.navigator(robot);
    FxWait.untilFx("the navigator laid out", () -> again.getWidth() > 0);
    assertThat(FxWait.onFx(again::getWidth))
        .as("the navigator's width after the start in a smaller window")
        .isCloseTo(navigator, within(2.0));
    SplitPane after = columns(robot);
    double[] at = FxWait.onFx(after::getDividerPositions);
    assertThat((at[1] - at[0]) / (1 - at[0]))
        .as("the notes' share of the room right of the navigator")
        .isCloseTo((before[1] - before[0]) / (1 - before[0]), within(0.01));

    // Kept from a very wide screen, it takes at most 45 % of a small window.
    robot.interact(() -> ui.window.close());
    ui.idle();
    settings = Settings.load(ui.settingsFile);
    settings.put(Settings.NAVIGATOR_WIDTH, 900.0);
    settings.flush();
    robot.interact(
        () -> {
          ui.stage.setScene(null);
          ui.showAsTheAppStarts();
        });
    ui.idle();
    SplitPane last = columns(robot);
    FxWait.untilFx("the columns laid out", () -> last.getWidth() > 0);
    ui.idle();
    assertThat(FxWait.onFx(() -> last.getDividerPositions()[0]))
        .isBetween(0.3, WindowLayout.NAVIGATOR_MOST + 0.005);
  }

  @Test
  void anOldSettingsFileWithOnlyTheDividersOpensAsBefore(FxRobot robot) throws Exception {
    openSample(robot, "Virtual threads in practice");
    ui.resize(robot, 1280, 780);
    robot.interact(() -> ui.window.close());
    ui.idle();
    // As a Talkbook before navigatorWidth and notesShare left it: the two dividers alone.
    Settings settings = Settings.load(ui.settingsFile);
    settings.put(Settings.NAVIGATOR_WIDTH, null);
    settings.put(Settings.NOTES_SHARE, null);
    settings.put(Settings.NAVIGATOR_DIVIDER, 0.2);
    settings.put(Settings.PREVIEW_DIVIDER, 0.6);
    settings.flush();
    robot.interact(
        () -> {
          ui.stage.setScene(null);
          ui.showAsTheAppStarts();
        });
    ui.idle();
    SplitPane after = columns(robot);
    FxWait.untilFx("the columns laid out", () -> after.getWidth() > 0);
    ui.idle();
    double[] at = FxWait.onFx(after::getDividerPositions);
    assertThat(at[0]).as("the navigator's divider").isCloseTo(0.2, within(0.01));
    assertThat((at[1] - at[0]) / (1 - at[0]))
        .as("the notes' share of the room right of the navigator")
        .isCloseTo(0.5, within(0.01));
  }

  /** Opens {@code id} in the window and waits until its details are shown. */
  private void open(FxRobot robot, long id, String title) {
    ui.reloadTree(robot);
    robot.interact(() -> ui.window.open(id, null));
    FxWait.untilFx(
        "the talk's details",
        () ->
            ui.openTalk() != null
                && robot.lookup("#detail-title").queryTextInputControl().getText().equals(title));
  }

  private void openSample(FxRobot robot, String title) {
    SampleMeetup.addTo(ui.notebook);
    open(robot, ui.notebook.talks().findByTitle(title).get(0).id(), title);
  }

  /** The field shows all of its text: the text is not wider than the room inside the field. */
  private static void showsAllOf(TextField field) {
    Text probe = new Text(field.getText());
    probe.setFont(field.getFont());
    double room = field.getWidth() - field.getInsets().getLeft() - field.getInsets().getRight();
    assertThat(probe.getLayoutBounds().getWidth())
        .as(field.getId() + " \"" + field.getText() + "\"")
        .isLessThanOrEqualTo(room);
  }

  @Test
  void theTimeAndOtherShortFieldsAreNotCut(FxRobot robot) throws Exception {
    openSample(robot, "Virtual threads in practice");
    TextField time = robot.lookup("#detail-time").queryAs(TextField.class);
    FxWait.untilFx(
        "the time shown", () -> time.getText().equals("2026-03-12 18:30") && time.getWidth() > 0);
    FxWait.onFx(
        () -> {
          for (String id : new String[] {"#detail-time", "#detail-room", "#detail-tags"}) {
            showsAllOf(robot.lookup(id).queryAs(TextField.class));
          }
          return null;
        });
  }

  /** A small window (0 × 0: the smallest the window may be) at the sample's longest details. */
  @ParameterizedTest(name = "a {0}×{1} window")
  @CsvSource({"760, 520", "0, 0"})
  void aSmallWindowLeavesRoomToWriteAndToReadThePreview(double width, double height, FxRobot robot)
      throws Exception {
    openSample(robot, "Live coding without fear");
    ui.resize(robot, width, height);
    record Sizes(double editorHeight, double previewWidth, double rightEdge) {}
    Sizes s =
        FxWait.onFx(
            () -> {
              var editor = WindowUnderTest.editor(robot);
              var preview = robot.lookup("#preview").queryAs(javafx.scene.layout.Region.class);
              var bounds = preview.localToScene(preview.getLayoutBounds());
              return new Sizes(editor.getHeight(), preview.getWidth(), bounds.getMaxX());
            });
    assertThat(s.editorHeight()).as("the notes' height: six lines").isGreaterThanOrEqualTo(120);
    assertThat(s.previewWidth()).as("the preview's width").isGreaterThanOrEqualTo(160);
    assertThat(s.rightEdge())
        .as("the preview's right edge, in the window")
        .isLessThanOrEqualTo(FxWait.onFx(ui.stage::getWidth) + 1);
  }

  @Test
  void theReplIsWholeAndRoomyInTheSmallestWindow(FxRobot robot) throws Exception {
    openSample(robot, "Live coding without fear");
    ui.attachRepl(robot); // ready: its state says "Ready: Ctrl+Enter runs", the longest
    robot.interact(
        () -> {
          ui.stage.setWidth(ui.stage.getMinWidth());
          ui.stage.setHeight(ui.stage.getMinHeight());
        });
    ui.fire(robot, "Show or hide the REPL");
    FxWait.untilFx(
        "the REPL shown",
        () -> robot.lookup(".tb-repl-bar").tryQuery().map(n -> n.getScene() != null).orElse(false));
    ui.idle();
    List<String> cut =
        FxWait.onFx(
            () ->
                robot.lookup(".tb-repl-bar .button").queryAllAs(Button.class).stream()
                    .filter(b -> b.getWidth() < b.prefWidth(-1) - 0.5)
                    .map(b -> b.getText() + " " + b.getWidth() + " < " + b.prefWidth(-1))
                    .toList());
    assertThat(cut).as("buttons narrower than their text").isEmpty();
    // Room to type and to read what ran: the details give theirs up first (their header stays).
    record Heights(double input, double transcript, double notes) {}
    Heights h =
        FxWait.onFx(
            () ->
                new Heights(
                    robot
                        .lookup(".tb-repl-input")
                        .queryAs(javafx.scene.layout.Region.class)
                        .getHeight(),
                    robot
                        .lookup(".tb-repl-transcript")
                        .queryAs(javafx.scene.layout.Region.class)
                        .getHeight(),
                    WindowUnderTest.editor(robot).getHeight()));
    assertThat(h.input()).as("the REPL's input: two lines").isGreaterThanOrEqualTo(48);
    assertThat(h.transcript()).as("the REPL's transcript: three lines").isGreaterThanOrEqualTo(60);
    assertThat(h.notes()).as("the notes: six lines").isGreaterThanOrEqualTo(120);
  }

  /** A talk with nothing but its title ("Keynote"), in an event of its own; its id. */
  private long emptyTalk() {
    long event =
        ui.notebook
            .events()
            .create(dev.talkbook.core.notebook.Event.Details.titled("Evening"))
            .id();
    return ui.notebook.talks().create(event, Talk.Details.titled("Keynote"), "").id();
  }

  /** From the narrowest window to one as wide as the headless screen (1280 × 800). */
  @ParameterizedTest(name = "a window {0} px wide")
  @CsvSource({"960", "1000", "1100", "1280"})
  void anEmptyTalksFieldsShowTheirPromptsWhole(double width, FxRobot robot) throws Exception {
    long id = emptyTalk();
    robot.interact(() -> ui.stage.setWidth(width));
    open(robot, id, "Keynote");
    ui.idle();
    List<String> cut =
        FxWait.onFx(
            () ->
                java.util.stream.Stream.of(
                        "#detail-speakers", "#detail-time", "#detail-tags", "#detail-room")
                    .map(q -> robot.lookup(q).queryAs(TextField.class))
                    .filter(f -> !WindowUnderTest.promptWhole(f))
                    .map(f -> f.getId() + " \"" + f.getPromptText() + "\" in " + f.getWidth())
                    .toList());
    assertThat(cut).as("prompts cut").isEmpty();
  }

  @Test
  void theDetailsPromptsAreWholeAtEveryWidthOfTheMiddleColumn(FxRobot robot) throws Exception {
    long id = emptyTalk();
    robot.interact(() -> ui.stage.setWidth(1100));
    open(robot, id, "Keynote");
    SplitPane columns = columns(robot);
    List<String> cut = new java.util.ArrayList<>();
    // the middle column from narrow (one field a row) to wide (two), where the layout changes
    for (double preview = 0.50; preview <= 0.80; preview += 0.02) {
      double at = preview;
      robot.interact(() -> columns.setDividerPositions(0.22, at));
      ui.idle();
      cut.addAll(
          FxWait.onFx(
              () ->
                  java.util.stream.Stream.of("#detail-speakers", "#detail-tags")
                      .map(q -> robot.lookup(q).queryAs(TextField.class))
                      .filter(f -> !WindowUnderTest.promptWhole(f))
                      .map(
                          f ->
                              f.getId()
                                  + " in "
                                  + Math.round(f.getWidth())
                                  + " px at divider "
                                  + Math.round(at * 100))
                      .toList()));
    }
    assertThat(cut).as("prompts cut").isEmpty();
  }

  @Test
  void theSearchPromptIsNeverCutAndNamesItsKeyWhereThereIsRoom(FxRobot robot) throws Exception {
    SampleMeetup.addTo(ui.notebook);
    ui.reloadTree(robot);
    TextField field = robot.lookup("#search-field").queryAs(TextField.class);
    SplitPane columns = (SplitPane) FxWait.onFx(() -> field.getScene().lookup(".split-pane"));
    for (double navigator : new double[] {0.12, 0.18, 0.45}) {
      robot.interact(
          () -> {
            ui.stage.setWidth(1100);
            columns.setDividerPosition(0, navigator);
          });
      ui.idle();
      record Shown(String prompt, boolean whole, double width) {}
      Shown shown =
          FxWait.onFx(
              () ->
                  new Shown(
                      field.getPromptText(), WindowUnderTest.promptWhole(field), field.getWidth()));
      assertThat(shown.whole())
          .as("\"" + shown.prompt() + "\" whole in a field " + shown.width() + " px wide")
          .isTrue();
      if (navigator == 0.45) {
        assertThat(shown.prompt()).contains("Ctrl+Shift+F");
      }
    }
  }

  @Test
  void aLongFoldedLineDoesNotNarrowTheNavigator(FxRobot robot) throws Exception {
    SampleMeetup.addTo(ui.notebook);
    Talk talk = ui.notebook.talks().findByTitle("Virtual threads in practice").get(0);
    String title =
        "A talk whose title goes on and on, far longer than any window is wide, to see what the"
            + " folded line does with it";
    ui.notebook
        .talks()
        .update(
            talk.id(),
            new Talk.Details(
                title,
                List.of("Maren Holt", "Ines Carvalho", "Tomasz Wierzbicki"),
                talk.details().startsAt(),
                "The very large hall at the end of the corridor",
                null,
                null,
                talk.details().tags()));
    open(robot, talk.id(), title);
    TreeView<?> tree = WindowUnderTest.navigator(robot);
    TitledPane details = robot.lookup("#talk-details").queryAs(TitledPane.class);
    FxWait.untilFx("the navigator laid out", () -> tree.getWidth() > 0);
    double before = FxWait.onFx(tree::getWidth);
    robot.interact(() -> details.setExpanded(false));
    FxWait.untilFx(
        "the details folded to one line",
        () -> details.getText().startsWith("A talk whose title") && details.getHeight() < 50);
    ui.idle();
    assertThat(FxWait.onFx(tree::getWidth))
        .as("the navigator's width once folded")
        .isEqualTo(before);
  }

  @Test
  void foldedDetailsAreOneLineThatSaysWhatTheTalkIsAndStaySo(FxRobot robot) throws Exception {
    openSample(robot, "Virtual threads in practice");
    TitledPane details = robot.lookup("#talk-details").queryAs(TitledPane.class);
    double open = FxWait.onFx(details::getHeight);
    FxWait.clickOn(robot, "#talk-details > .title");
    FxWait.untilFx("the details folded", () -> !details.isExpanded());
    assertThat(FxWait.onFx(details::getText))
        .isEqualTo(
            "Virtual threads in practice  \u00b7  Maren Holt  \u00b7  2026-03-12 18:30  \u00b7  Main"
                + " hall");
    FxWait.untilFx("the header's one line", () -> details.getHeight() < 50);
    assertThat(FxWait.onFx(details::getHeight)).isLessThan(open / 3);

    // Remembered: a restart shows them folded.
    robot.interact(() -> ui.window.close());
    robot.interact(() -> ui.show());
    FxWait.untilFx("the last talk open again", () -> ui.openTalk() != null);
    assertThat(
            FxWait.onFx(() -> robot.lookup("#talk-details").queryAs(TitledPane.class).isExpanded()))
        .isFalse();
    // Folded from the start, the fields are made on the first unfold, with the talk's values.
    assertThat(FxWait.onFx(() -> robot.lookup("#detail-title").tryQuery().isPresent())).isFalse();
    FxWait.clickOn(robot, "#talk-details > .title");
    FxWait.untilFx(
        "the fields, unfolded",
        () ->
            robot
                .lookup("#detail-title")
                .tryQuery()
                .map(
                    n ->
                        n.isVisible() && n.getScene() != null && n.getLayoutBounds().getWidth() > 0)
                .orElse(false));
    assertThat(FxWait.onFx(() -> robot.lookup("#detail-title").queryTextInputControl().getText()))
        .isEqualTo("Virtual threads in practice");
  }

  /** The window's three columns (navigator, talk, preview). */
  private static SplitPane columns(FxRobot robot) {
    return robot.lookup(".split-pane").queryAllAs(SplitPane.class).stream()
        .filter(p -> p.getOrientation() == Orientation.HORIZONTAL && p.getItems().size() == 3)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void openingTheReplLeavesTheColumnsWhereTheyWere(FxRobot robot) throws Exception {
    openSample(robot, "Virtual threads in practice");
    SplitPane columns = columns(robot);
    TreeView<?> tree = WindowUnderTest.navigator(robot);
    FxWait.untilFx("the navigator laid out", () -> tree.getWidth() > 0);
    ui.idle();
    double[] before = FxWait.onFx(columns::getDividerPositions);
    double navigator = FxWait.onFx(tree::getWidth);
    try (ReplSession repl = ReplSession.start(ReplOptions.defaults())) {
      robot.interact(() -> ui.window.attachRepl(repl));
      showTheRepl(robot, columns, tree, before, navigator);
    }
  }

  private void showTheRepl(
      FxRobot robot, SplitPane columns, TreeView<?> tree, double[] before, double navigator)
      throws Exception {
    ui.fire(robot, "Show or hide the REPL");
    FxWait.untilFx(
        "the REPL shown under the talk",
        () ->
            robot.lookup(".tb-repl").tryQuery().map(n -> n.getScene() != null).orElse(false)
                && robot.lookup(".tb-repl").query().getLayoutBounds().getHeight() > 0);
    ui.idle();

    double[] after = FxWait.onFx(columns::getDividerPositions);
    assertThat(after).as("the columns' dividers").containsExactly(before, within(0.002));
    assertThat(FxWait.onFx(tree::getWidth)).as("the navigator's width").isEqualTo(navigator);
  }
}
