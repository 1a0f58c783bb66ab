package dev.talkbook.ui.details;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.ui.FxWait;
import dev.talkbook.ui.common.Theme;
import dev.talkbook.ui.common.UiExecutors;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The details pane on its own, at the widths the window gives it: what each field shows. */
@ExtendWith(ApplicationExtension.class)
class TalkDetailsPaneTest {
  @TempDir Path dir;
  private Stage stage;
  private Notebook notebook;
  private final UiExecutors executors = new UiExecutors();
  private final StackPane holder = new StackPane();

  @Start
  void start(Stage primary) {
    stage = primary;
    // The stage may come from a window test, which gives it a minimum size.
    stage.setMinWidth(0);
    stage.setMinHeight(0);
    stage.setMaximized(false);
    Scene scene = new Scene(holder, 300, 200);
    // Dressed as the window is (the theme also sets the user-agent style sheet for every scene,
    // so a test run after a window test would otherwise see other fonts and paddings).
    new Theme(false).apply(scene);
    stage.setScene(scene);
    stage.show();
    notebook = Notebook.open(dir.resolve("n.talkbook"));
  }

  @AfterEach
  void close() {
    executors.close();
    notebook.close();
  }

  /** The pane showing a talk with no links, in a stage {@code width} pixels wide, laid out. */
  private TalkDetailsPane shown(FxRobot robot, double width) throws Exception {
    Event e = notebook.events().create(Event.Details.titled("JVM Evening"));
    Talk talk =
        notebook
            .talks()
            .create(
                e.id(),
                new Talk.Details(
                    "Virtual threads in practice",
                    List.of("Maren Holt"),
                    LocalDateTime.of(2026, 3, 12, 18, 30),
                    "Main hall",
                    null,
                    null,
                    List.of("java", "concurrency")),
                "");
    TalkDetailsPane pane = new TalkDetailsPane(notebook, executors, t -> {}, url -> {});
    robot.interact(
        () -> {
          holder.getChildren().setAll(pane.root());
          stage.setWidth(width);
          stage.setHeight(400);
          pane.show(talk);
        });
    FxWait.untilFx(
        "the pane laid out " + width + " px wide",
        () ->
            holder.getWidth() == width
                && pane.grid().getWidth() > 0
                && pane.grid().getWidth() <= width);
    // The pane arranges its fields for the width it was laid out at; lay it out again with them.
    for (int i = 0; i < 2; i++) {
      robot.interact(
          () -> {
            holder.applyCss();
            holder.layout();
          });
    }
    return pane;
  }

  /** What {@code field} shows, its value or (empty) its prompt, fits inside it. */
  private static void showsAllOf(TextField field, String text) {
    Text probe = new Text(text);
    probe.setFont(field.getFont());
    double room = field.getWidth() - field.getInsets().getLeft() - field.getInsets().getRight();
    assertThat(probe.getLayoutBounds().getWidth())
        .as(field.getId() + " \"" + text + "\"")
        .isLessThanOrEqualTo(room);
  }

  @Test
  void anImportedTalksTimeSpanGoesUnderTheTimeRatherThanCutTheSpeakersAndTags(FxRobot robot)
      throws Exception {
    // 585 px: the details' width in a 1366x768 window. With "09:00–09:45" beside the time, the
    // speakers and tags were cut to "Comma separa" (and a speaker to "Ada Lovelac…").
    TalkDetailsPane pane = shown(robot, 585);
    Event e = notebook.events().create(Event.Details.titled("DevConf"));
    Talk imported =
        notebook
            .talks()
            .create(
                e.id(),
                new Talk.Details(
                    "Virtual threads in practice",
                    List.of(),
                    LocalDateTime.of(2026, 11, 5, 9, 0),
                    "Main Hall",
                    null,
                    null,
                    List.of()),
                "",
                new dev.talkbook.core.notebook.Programme(
                    "", null, java.time.Duration.ofMinutes(45), null, null, "t1", "frab:x", null));
    robot.interact(() -> pane.show(imported));
    for (int i = 0; i < 2; i++) {
      robot.interact(
          () -> {
            holder.applyCss();
            holder.layout();
          });
    }
    assertThat(FxWait.onFx(() -> pane.grid().getColumnConstraints().size()))
        .as("still two fields a row")
        .isEqualTo(4);
    assertThat(FxWait.onFx(() -> pane.timeSpan.isVisible())).isTrue();
    assertThat(FxWait.onFx(() -> pane.timeSpan.getText())).isEqualTo("09:00–09:45");
    robot.interact(
        () -> {
          showsAllOf(pane.speakers, pane.speakers.getPromptText());
          showsAllOf(pane.tags, pane.tags.getPromptText());
        });
    assertThat(FxWait.onFx(pane::timeSpanBelow)).isTrue();
    // the span under the time, inside the pane
    javafx.geometry.Bounds span =
        FxWait.onFx(
            () -> holder.sceneToLocal(pane.timeSpan.localToScene(pane.timeSpan.getLayoutBounds())));
    javafx.geometry.Bounds field =
        FxWait.onFx(() -> holder.sceneToLocal(pane.time.localToScene(pane.time.getLayoutBounds())));
    assertThat(span.getMinY()).isGreaterThanOrEqualTo(field.getMaxY());
    assertThat(span.getMaxX()).isLessThanOrEqualTo(585);

    // Where there is room, beside it, as before.
    robot.interact(() -> stage.setWidth(1000));
    FxWait.untilFx("the span back beside the time", () -> !pane.timeSpanBelow());
  }

  @Test
  void theTimeHasItsEndBesideItWhenTheProgrammeGaveALength(FxRobot robot) throws Exception {
    TalkDetailsPane pane = shown(robot, 600);
    // a talk typed in by hand has no length: nothing beside its time
    assertThat(FxWait.onFx(() -> pane.timeSpan.isVisible())).isFalse();
    Event e = notebook.events().create(Event.Details.titled("Conf"));
    Talk workshop =
        notebook
            .talks()
            .create(
                e.id(),
                new Talk.Details(
                    "Workshop",
                    List.of(),
                    LocalDateTime.of(2026, 12, 7, 9, 0),
                    null,
                    null,
                    null,
                    List.of()),
                "",
                new dev.talkbook.core.notebook.Programme(
                    "", null, java.time.Duration.ofHours(3), null, null, "w1", "frab:x", null));
    robot.interact(() -> pane.show(workshop));
    assertThat(FxWait.onFx(() -> pane.timeSpan.isVisible())).isTrue();
    assertThat(FxWait.onFx(() -> pane.timeSpan.getText())).isEqualTo("09:00–12:00");
    // the time typed moves the end with it; a time half typed shows none
    robot.interact(() -> pane.time.setText("2026-12-07 10:30"));
    assertThat(FxWait.onFx(() -> pane.timeSpan.getText())).isEqualTo("10:30–13:30");
    // an end after midnight says it is the next day, in the muted words of what is secondary
    robot.interact(() -> pane.time.setText("2026-12-07 23:30"));
    assertThat(FxWait.onFx(() -> pane.timeSpan.getText())).isEqualTo("23:30–02:30 +1");
    javafx.scene.control.Label muted = new javafx.scene.control.Label("muted");
    muted.getStyleClass().add("tb-muted");
    javafx.scene.control.Label plain = new javafx.scene.control.Label("plain");
    robot.interact(
        () -> {
          holder.getChildren().addAll(muted, plain);
          holder.applyCss();
        });
    assertThat(FxWait.onFx(() -> pane.timeSpan.getTextFill())).isEqualTo(muted.getTextFill());
    assertThat(FxWait.onFx(() -> pane.timeSpan.getTextFill())).isNotEqualTo(plain.getTextFill());
    robot.interact(() -> holder.getChildren().removeAll(muted, plain));
    robot.interact(() -> pane.time.setText("2026-12-07 10:"));
    assertThat(FxWait.onFx(() -> pane.timeSpan.isVisible())).isFalse();
    robot.interact(() -> pane.time.setText("2026-12-07 09:00"));
    robot.interact(() -> holder.getChildren().clear());
    executors.io().submit(() -> {}).get(10, java.util.concurrent.TimeUnit.SECONDS);
    org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
  }

  /**
   * The night Berlin's clocks go back, a 45-minute talk at the first 02:15 ends at 02:00: beside
   * its time "(clocks go back)" under the span, so the time typed stays whole in its field at the
   * width the window gives the details.
   */
  @Test
  void aSpanEndingBeforeItsStartSaysTheClocksGoBackUnderItAndTheTimeStaysWhole(FxRobot robot)
      throws Exception {
    TalkDetailsPane pane = shown(robot, 465);
    Event e = notebook.events().create(Event.Details.titled("Autumn"));
    notebook.events().setTimeZone(e.id(), "Europe/Berlin");
    Talk quarterPast =
        notebook
            .talks()
            .create(
                e.id(),
                new Talk.Details(
                    "Twice quarter past",
                    List.of(),
                    LocalDateTime.of(2026, 10, 25, 2, 15),
                    null,
                    null,
                    null,
                    List.of()),
                "",
                new dev.talkbook.core.notebook.Programme(
                    "", null, java.time.Duration.ofMinutes(45), null, null, "q1", "frab:x", null));
    robot.interact(() -> pane.show(quarterPast));
    FxWait.untilFx(
        "the span in Berlin's time", () -> pane.timeSpan.getText().contains("clocks go back"));
    assertThat(FxWait.onFx(() -> pane.timeSpan.getText()))
        .isEqualTo("02:15–02:00\n(clocks go back)");
    assertThat(FxWait.onFx(() -> pane.timeSpan.getAccessibleText()))
        .isEqualTo("From the programme: 02:15–02:00 (clocks go back)");
    for (int i = 0; i < 2; i++) {
      robot.interact(
          () -> {
            holder.applyCss();
            holder.layout();
          });
    }
    robot.interact(() -> showsAllOf(pane.time, "2026-10-25 02:15"));
    robot.interact(() -> holder.getChildren().clear());
    executors.io().submit(() -> {}).get(10, java.util.concurrent.TimeUnit.SECONDS);
    org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void theTagsCompletionsAreMadeWhenTheFirstIsOfferedAndCompleteTheTag(FxRobot robot)
      throws Exception {
    TalkDetailsPane pane = shown(robot, 600);
    assertThat(FxWait.onFx(pane::suggestionsMade)).isFalse();
    // The notebook's tags, read on the notebook thread when the talk was shown, are in.
    executors.io().submit(() -> {}).get(10, java.util.concurrent.TimeUnit.SECONDS);
    org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    FxWait.clickOn(robot, "#detail-tags");
    robot.interact(
        () -> {
          pane.tags.setText("java, co");
          pane.tags.positionCaret(pane.tags.getText().length());
        });
    FxWait.untilFx("the completions shown", () -> pane.suggestionsShown() != null);
    assertThat(
            FxWait.onFx(
                () -> pane.suggestionsShown().getItems().stream().map(i -> i.getText()).toList()))
        .containsExactly("concurrency");
    robot.interact(() -> pane.suggestionsShown().getItems().get(0).fire());
    assertThat(FxWait.onFx(() -> pane.tags.getText())).isEqualTo("java, concurrency, ");
    robot.interact(() -> pane.tags.setText("java, "));
    FxWait.untilFx("the completions hidden", () -> pane.suggestionsShown() == null);
    // The field loses the keyboard (and saves) here, not in the next test's window.
    robot.interact(() -> holder.getChildren().clear());
    executors.io().submit(() -> {}).get(10, java.util.concurrent.TimeUnit.SECONDS);
    org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "committed by {0}")
  @org.junit.jupiter.params.provider.EnumSource(
      value = javafx.scene.input.KeyCode.class,
      names = {"ENTER", "TAB"})
  void aTagTypedInAnotherCaseShowsAsStoredOnceTheFieldIsCommitted(
      javafx.scene.input.KeyCode commit, FxRobot robot) throws Exception {
    TalkDetailsPane pane = shown(robot, 600);
    long event = notebook.events().list().get(0).id();
    notebook
        .talks()
        .create(
            event,
            new Talk.Details("Toasters", List.of(), null, null, null, null, List.of("Hardware")),
            "");
    try {
      FxWait.clickOn(robot, "#detail-tags");
      robot.type(javafx.scene.input.KeyCode.END);
      robot.write(", hardware");
      // Typed as "hardware", or already "Hardware": a save while typing (at most
      // AUTOSAVE_MAX_WAIT after the first key) may have stored the whole word before this reads it,
      // and a respelled tag shows at once (the next test has that case).
      assertThat(FxWait.onFx(() -> pane.tags.getText()))
          .isEqualToIgnoringCase("java, concurrency, hardware");
      robot.type(commit);
      FxWait.until(
          "the tags stored",
          () ->
              notebook
                  .talks()
                  .findByTitle("Virtual threads in practice")
                  .get(0)
                  .details()
                  .tags()
                  .contains("Hardware"));
      // what the notebook stored is shown once the save's answer came back to the FX thread
      executors.io().submit(() -> {}).get(10, java.util.concurrent.TimeUnit.SECONDS);
      org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
      assertThat(FxWait.onFx(() -> pane.tags.getText())).isEqualTo("java, concurrency, Hardware");
    } finally {
      // The field loses the keyboard (and saves) here, not in the next test's window.
      robot.interact(() -> holder.getChildren().clear());
      executors.io().submit(() -> {}).get(10, java.util.concurrent.TimeUnit.SECONDS);
      org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "committed by {0}")
  @org.junit.jupiter.params.provider.EnumSource(
      value = javafx.scene.input.KeyCode.class,
      names = {"ENTER", "TAB"})
  void aTagStoredAtAPauseInAnotherTalksSpellingIsNotRespelledByTheCommit(
      javafx.scene.input.KeyCode commit, FxRobot robot) throws Exception {
    // the pause's save stored "hardware" as another talk has it, "Hardware", while the field still
    // had the keyboard and showed "hardware": the commit sent that spelling again, which respelled
    // the tag on every talk (Toasters' "Hardware" became "hardware")
    TalkDetailsPane pane = shown(robot, 600);
    long event = notebook.events().list().get(0).id();
    long toasters =
        notebook
            .talks()
            .create(
                event,
                new Talk.Details(
                    "Toasters", List.of(), null, null, null, null, List.of("Hardware")),
                "")
            .id();
    try {
      FxWait.clickOn(robot, "#detail-tags");
      robot.type(javafx.scene.input.KeyCode.END);
      robot.write(", hardware");
      FxWait.untilFx(
          "the tag stored at the pause shown as stored",
          () -> pane.tags.getText().equals("java, concurrency, Hardware"));
      assertThat(FxWait.onFx(() -> pane.tags.isFocused())).isTrue();
      robot.type(commit);
      executors.io().submit(() -> {}).get(10, java.util.concurrent.TimeUnit.SECONDS);
      org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
      executors.io().submit(() -> {}).get(10, java.util.concurrent.TimeUnit.SECONDS);
      org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
      assertThat(FxWait.onFx(() -> pane.tags.getText())).isEqualTo("java, concurrency, Hardware");
      assertThat(notebook.talks().get(toasters).details().tags()).containsExactly("Hardware");
    } finally {
      robot.interact(() -> holder.getChildren().clear());
      executors.io().submit(() -> {}).get(10, java.util.concurrent.TimeUnit.SECONDS);
      org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }
  }

  private static final String KEYNOTE =
      "Keynote: What we learned building a distributed, fault-tolerant, real-time collaborative"
          + " editor for 10 million users";

  /** The talk shown in {@code pane}, retitled {@code title} in the notebook and shown again. */
  private Talk retitled(FxRobot robot, TalkDetailsPane pane, String title) {
    Talk talk =
        notebook
            .talks()
            .update(
                notebook.talks().findByTitle("Virtual threads in practice").get(0).id(),
                new Talk.Details(title, List.of("Maren Holt"), null, null, null, null, List.of()));
    robot.interact(() -> pane.show(talk));
    return talk;
  }

  /** Waits until the pane's last save has been stored and its answer applied. */
  private void saved() throws Exception {
    executors.io().submit(() -> {}).get(10, java.util.concurrent.TimeUnit.SECONDS);
    org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0} px wide")
  @org.junit.jupiter.params.provider.ValueSource(doubles = {525, 600})
  void aLongTitleIsShownWholeInItsField(double width, FxRobot robot) throws Exception {
    TalkDetailsPane pane = shown(robot, width);
    retitled(robot, pane, KEYNOTE);
    try {
      javafx.scene.control.TextInputControl field =
          robot.lookup("#detail-title").queryAs(javafx.scene.control.TextInputControl.class);
      // Every line of the title's text lies inside the field: none cut at its edge, none
      // scrolled out of sight.
      FxWait.untilFx(
          "the whole title inside its field",
          () -> {
            holder.applyCss();
            holder.layout();
            javafx.geometry.Bounds inside = field.localToScene(field.getLayoutBounds());
            List<Text> lines =
                field.lookupAll(".text").stream()
                    .filter(n -> n instanceof Text t && KEYNOTE.equals(t.getText()))
                    .map(Text.class::cast)
                    .toList();
            return !lines.isEmpty()
                && lines.stream()
                    .allMatch(
                        t -> {
                          javafx.geometry.Bounds b = t.localToScene(t.getLayoutBounds());
                          return b.getMinX() >= inside.getMinX() - 0.5
                              && b.getMaxX() <= inside.getMaxX() + 0.5
                              && b.getMinY() >= inside.getMinY() - 0.5
                              && b.getMaxY() <= inside.getMaxY() + 0.5;
                        });
          });
      // The field under it starts where the title ends.
      FxWait.onFx(
          () -> {
            assertThat(pane.speakers.localToScene(0, 0).getY())
                .isGreaterThan(field.localToScene(0, field.getHeight()).getY());
            return null;
          });
    } finally {
      robot.interact(() -> holder.getChildren().clear());
      saved();
    }
  }

  /**
   * A title longer than the field's lines scrolls in whole lines: its box ends where a line ends.
   * The text's padding was inside the scrolled part, so the box showed its lines and, at its bottom
   * edge, the top of the next one.
   */
  @Test
  void aTitleThatScrollsShowsWholeLinesAndNotTheTopOfTheNext(FxRobot robot) throws Exception {
    TalkDetailsPane pane = shown(robot, 525);
    retitled(robot, pane, KEYNOTE + ", and why " + KEYNOTE);
    try {
      FxWait.untilFx(
          "the title scrolling in its most lines",
          () -> {
            holder.applyCss();
            holder.layout();
            var scroll = (javafx.scene.control.ScrollPane) pane.title.lookup(".scroll-pane");
            var content = (javafx.scene.layout.Region) pane.title.lookup(".content");
            return content.getHeight() > scroll.getViewportBounds().getHeight() + 1
                && Math.abs(pane.title.getHeight() - pane.title.heightNeeded()) < 1;
          });
      FxWait.onFx(
          () -> {
            var scroll = (javafx.scene.control.ScrollPane) pane.title.lookup(".scroll-pane");
            var content = (javafx.scene.layout.Region) pane.title.lookup(".content");
            scroll.setVvalue(0);
            double seen = scroll.getViewportBounds().getHeight() - content.snappedTopInset();
            assertThat(
                    java.util.stream.IntStream.rangeClosed(1, TitleField.MOST_LINES)
                        .mapToDouble(pane.title::linesHeight)
                        .anyMatch(
                            lines ->
                                seen >= lines - 0.5
                                    && seen < lines + 1)) // the height is rounded up
                .as(
                    "%s px seen under the padding, whole lines being %s px",
                    seen,
                    java.util.stream.IntStream.rangeClosed(1, TitleField.MOST_LINES)
                        .mapToObj(n -> String.valueOf(pane.title.linesHeight(n)))
                        .toList())
                .isTrue();
            return null;
          });
    } finally {
      robot.interact(() -> holder.getChildren().clear());
      saved();
    }
  }

  @Test
  void aShortTitleTakesOneLineAsHighAsTheOtherFields(FxRobot robot) throws Exception {
    TalkDetailsPane pane = shown(robot, 600);
    FxWait.untilFx(
        "the title as high as its text",
        () ->
            pane.title.heightNeeded() > 0
                && Math.abs(pane.title.getHeight() - pane.title.heightNeeded()) < 1);
    FxWait.onFx(
        () -> {
          // The title's font is larger: its one line is as much higher as its text.
          Text probe = new Text("X");
          probe.setFont(pane.title.getFont());
          Text small = new Text("X");
          small.setFont(pane.speakers.getFont());
          double extra = probe.getLayoutBounds().getHeight() - small.getLayoutBounds().getHeight();
          assertThat(pane.title.getHeight())
              .isCloseTo(pane.speakers.getHeight() + extra, within(2.0));
          assertThat(pane.title.showsAll()).isTrue();
          return null;
        });
  }

  /**
   * Speakers typed as "a,b" are stored as "a, b": once stored, nothing of them stays kept for a
   * kill, so a change made elsewhere later (a programme update) is not overwritten by that old text
   * when the talk is shown again (review15: the kept text lingered, compared as text, not value).
   */
  @Test
  void textStoredInAnotherSpellingIsNotKeptToOverwriteALaterChange(FxRobot robot) throws Exception {
    TalkDetailsPane pane = shown(robot, 600);
    long id = notebook.talks().findByTitle("Virtual threads in practice").get(0).id();
    try {
      FxWait.clickOn(robot, "#detail-speakers");
      robot.type(javafx.scene.input.KeyCode.END);
      robot.write(",Ada Lovelace");
      robot.type(javafx.scene.input.KeyCode.ENTER);
      FxWait.until(
          "the speakers stored",
          () -> notebook.talks().get(id).details().speakers().contains("Ada Lovelace"));
      saved();
      assertThat(FxWait.onFx(pane::keptTalks)).isEmpty();
      // another talk shown, the speakers changed elsewhere, the talk shown again
      Talk other =
          notebook
              .talks()
              .create(
                  notebook.events().list().get(0).id(),
                  new Talk.Details("Other", List.of(), null, null, null, null, List.of()),
                  "");
      robot.interact(() -> pane.show(other));
      saved();
      Talk changed =
          notebook
              .talks()
              .update(
                  id,
                  notebook.talks().get(id).details().withSpeakers(List.of("Programme Speaker")));
      robot.interact(() -> pane.show(changed));
      saved();
      assertThat(notebook.talks().get(id).details().speakers())
          .containsExactly("Programme Speaker");
      assertThat(FxWait.onFx(() -> pane.speakers.getText())).isEqualTo("Programme Speaker");
    } finally {
      robot.interact(() -> holder.getChildren().clear());
      saved();
    }
  }

  /**
   * Texts kept before the window opened, field by field: the room typed on the room still stored is
   * put back and saved; the tags typed on tags changed since are not (the notebook's stay, and what
   * was typed is said); a time an older Talkbook kept without its base is put back as it did,
   * marked as not saved. The put-back is said once, naming the talk and its fields, and its Undo
   * stores the room there was.
   */
  @Test
  void keptTextsAreSortedFieldByFieldOnTheirBasesWhenTheTalkIsFirstShown(FxRobot robot)
      throws Exception {
    Event e = notebook.events().create(Event.Details.titled("JVM Evening"));
    Talk talk =
        notebook
            .talks()
            .create(
                e.id(),
                new Talk.Details(
                    "Outlines that think",
                    List.of(),
                    null,
                    "Main hall",
                    null,
                    null,
                    List.of("java")),
                "");
    long id = talk.id();
    dev.talkbook.ui.common.Settings settings =
        dev.talkbook.ui.common.Settings.load(dir.resolve("settings.properties"));
    var key = dev.talkbook.ui.common.Settings.detailsKept(notebook.file());
    settings.put(
        key,
        id
            + ":room:Hall+2:Main+hall " // typed on the room stored
            + id
            + ":tags:java%2C+loom:kotlin " // typed on "kotlin": changed since to "java"
            + id
            + ":time:tomorrow"); // an older Talkbook's, no base
    List<String> putBack = new java.util.ArrayList<>();
    List<Runnable> undo = new java.util.ArrayList<>();
    List<String> aside = new java.util.ArrayList<>();
    List<Runnable> dismissals = new java.util.ArrayList<>();
    TalkDetailsPane pane = new TalkDetailsPane(notebook, executors, t -> {}, url -> {});
    try {
      robot.interact(
          () -> {
            pane.keepUnsavedIn(settings, key);
            pane.onPutBack(
                (message, action) -> {
                  putBack.add(message);
                  undo.add(action);
                });
            pane.onKeptAside(
                (message, copyAgain, dismissed) -> {
                  aside.add(message);
                  dismissals.add(dismissed);
                });
            holder.getChildren().setAll(pane.root());
            pane.show(talk);
          });
      saved();
      assertThat(notebook.talks().get(id).details().room()).isEqualTo("Hall 2");
      assertThat(notebook.talks().get(id).details().tags()).containsExactly("java");
      assertThat(FxWait.onFx(() -> pane.tags.getText())).isEqualTo("java");
      assertThat(FxWait.onFx(() -> pane.time.getText())).isEqualTo("tomorrow");
      assertThat(FxWait.onFx(() -> pane.notSavedProperty().get())).startsWith("Time not saved");
      assertThat(putBack)
          .containsExactly(
              "Details of “Outlines that think” not yet saved when Talkbook stopped were put back"
                  + " (time, room).");
      assertThat(aside)
          .containsExactly(
              "Details typed before Talkbook stopped were not put back, as “Outlines that think”"
                  + " changed since: tags “java, loom” (now “java”). It was put on the"
                  + " clipboard, paste it where it belongs (Copy again puts it back there); kept"
                  + " until this is dismissed.");
      assertThat(FxWait.onFx(() -> pane.keptTalks())).containsExactly(id); // the time, unsaved

      // Shown again in this window: put back again, not said again.
      robot.interact(() -> pane.show(notebook.talks().get(id)));
      saved();
      assertThat(putBack).hasSize(1);
      assertThat(aside).hasSize(1);

      robot.interact(() -> undo.get(0).run());
      saved();
      assertThat(notebook.talks().get(id).details().room()).isEqualTo("Main hall");
      assertThat(FxWait.onFx(() -> pane.room.getText())).isEqualTo("Main hall");
      assertThat(FxWait.onFx(() -> pane.time.getText())).isEmpty();
      // the tags not put back stay kept until what was said of them is dismissed
      assertThat(FxWait.onFx(() -> pane.keptTalks())).containsExactly(id);
      robot.interact(() -> dismissals.get(0).run());
      assertThat(FxWait.onFx(() -> pane.keptTalks())).isEmpty();
    } finally {
      robot.interact(() -> holder.getChildren().clear());
      saved();
    }
  }

  /** A room kept before the window opened, put back: Ctrl+Z in the field takes it back too. */
  @Test
  void ctrlZInAFieldTakesBackWhatWasPutBackIntoIt(FxRobot robot) throws Exception {
    Event e = notebook.events().create(Event.Details.titled("JVM Evening"));
    Talk talk =
        notebook
            .talks()
            .create(
                e.id(),
                new Talk.Details(
                    "Outlines that think", List.of(), null, "Main hall", null, null, List.of()),
                "");
    dev.talkbook.ui.common.Settings settings =
        dev.talkbook.ui.common.Settings.load(dir.resolve("settings.properties"));
    var key = dev.talkbook.ui.common.Settings.detailsKept(notebook.file());
    settings.put(key, talk.id() + ":room:Hall+2:Main+hall");
    TalkDetailsPane pane = new TalkDetailsPane(notebook, executors, t -> {}, url -> {});
    try {
      robot.interact(
          () -> {
            pane.keepUnsavedIn(settings, key);
            holder.getChildren().setAll(pane.root());
            stage.setWidth(600);
            stage.setHeight(400);
            pane.show(talk);
          });
      saved();
      assertThat(notebook.talks().get(talk.id()).details().room()).isEqualTo("Hall 2");
      FxWait.clickOn(robot, "#detail-room");
      robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.Z);
      robot.release(javafx.scene.input.KeyCode.Z, javafx.scene.input.KeyCode.CONTROL);
      FxWait.untilFx("the room before back", () -> pane.room.getText().equals("Main hall"));
      FxWait.until(
          "and stored", () -> "Main hall".equals(notebook.talks().get(talk.id()).details().room()));
    } finally {
      robot.interact(() -> holder.getChildren().clear());
      saved();
    }
  }

  @Test
  void whatWasNotPutBackIsSaidFieldByFieldWithWhatTheNotebookHoldsNow() {
    Map<String, KeptFields.Kept> aside = new java.util.LinkedHashMap<>();
    aside.put("video", new KeptFields.Kept("https://v/2", List.of("")));
    aside.put("room", new KeptFields.Kept("Hall 2", List.of("")));
    String said =
        TalkDetailsPane.changedSinceText("T", false, aside, name -> "room".equals(name) ? "B" : "");
    assertThat(said)
        .isEqualTo(
            "Details kept unsaved were not put back, as “T” changed since: room “Hall 2” (now"
                + " “B”); video link “https://v/2” (now empty).");
  }

  @Test
  void enterSavesTheTitleAndNoLineBreakGetsIntoIt(FxRobot robot) throws Exception {
    TalkDetailsPane pane = shown(robot, 600);
    try {
      FxWait.clickOn(robot, "#detail-title");
      robot.type(javafx.scene.input.KeyCode.END);
      robot.write(" and after");
      robot.type(javafx.scene.input.KeyCode.ENTER);
      FxWait.until(
          "the title stored",
          () -> !notebook.talks().findByTitle("Virtual threads in practice and after").isEmpty());
      assertThat(FxWait.onFx(() -> pane.title.getText()))
          .isEqualTo("Virtual threads in practice and after");
      // Pasted across lines, a title is still one line.
      robot.interact(() -> pane.title.replaceText(0, pane.title.getLength(), "One\ntwo\r\tthree"));
      assertThat(FxWait.onFx(() -> pane.title.getText())).doesNotContain("\n", "\r", "\t");
      robot.interact(() -> pane.title.replaceText(0, pane.title.getLength(), "Loom"));
    } finally {
      robot.interact(() -> holder.getChildren().clear());
      saved();
    }
  }

  /**
   * A link typed over (all selected, a new value typed, the pause's save refusing it) is walked
   * back by Ctrl+Z to the link it replaced, exactly: "# Loom", "#", the link. Tester 9a (11c) saw
   * the link not come back after "#"; not reproduced here nor in the real window (a TextField's
   * setText clears its undo history, so any setText while the user types in a field would cause it;
   * none was found on these paths): this guards the steps that were tried.
   */
  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"#detail-video", "#detail-slides"})
  void ctrlZWalksBackToTheLinkTypedOver(String field, FxRobot robot) throws Exception {
    TalkDetailsPane pane = shown(robot, 600);
    String link = "https://youtube.example/watch?v=abc123";
    Talk talk = notebook.talks().findByTitle("Virtual threads in practice").get(0);
    Talk withLink =
        notebook
            .talks()
            .update(
                talk.id(),
                field.endsWith("video")
                    ? talk.details().withVideoUrl(link)
                    : talk.details().withSlidesUrl(link));
    robot.interact(() -> pane.show(withLink));
    try {
      TextField f = robot.lookup(field).queryAs(TextField.class);
      FxWait.clickOn(robot, field);
      robot.push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A);
      robot.write("# Loom");
      FxWait.untilFx("typed over", () -> f.getText().equals("# Loom"));
      // The pause after typing saves (or says why it cannot): then Ctrl+Z.
      // The pause after typing tries to save: "# Loom" is no link, which it says.
      FxWait.untilFx(
          "the pause's save",
          () ->
              !robot
                  .lookup(".tb-problem")
                  .queryAs(javafx.scene.control.Label.class)
                  .getText()
                  .isEmpty());
      saved();
      java.util.List<String> seen = new java.util.ArrayList<>();
      for (int i = 0; i < 8 && !seen.contains(link); i++) {
        robot.push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.Z);
        seen.add(FxWait.onFx(f::getText));
      }
      assertThat(seen).as("Ctrl+Z after Ctrl+Z").endsWith(link);
    } finally {
      robot.interact(() -> holder.getChildren().clear());
      saved();
    }
  }

  @Test
  void escPutsBackTheStoredTitleUndoBringsBackWhatWasTypedAndTabLeaves(FxRobot robot)
      throws Exception {
    TalkDetailsPane pane = shown(robot, 600);
    try {
      FxWait.clickOn(robot, "#detail-title");
      robot.type(javafx.scene.input.KeyCode.END);
      robot.write(" draft");
      assertThat(FxWait.onFx(() -> pane.title.getText()))
          .isEqualTo("Virtual threads in practice draft");
      robot.type(javafx.scene.input.KeyCode.ESCAPE);
      FxWait.untilFx(
          "the stored title back",
          () -> pane.title.getText().equals("Virtual threads in practice"));
      robot.push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.Z);
      FxWait.untilFx(
          "what was typed back",
          () -> pane.title.getText().equals("Virtual threads in practice draft"));
      // Tab leaves the title (for its star, as before) and types no tab; leaving saves, as before.
      robot.type(javafx.scene.input.KeyCode.TAB);
      FxWait.untilFx("the star focused", () -> pane.star.isFocused());
      assertThat(FxWait.onFx(() -> pane.title.getText()))
          .isEqualTo("Virtual threads in practice draft");
      FxWait.until(
          "the title stored",
          () -> !notebook.talks().findByTitle("Virtual threads in practice draft").isEmpty());
    } finally {
      robot.interact(() -> holder.getChildren().clear());
      saved();
    }
  }

  @Test
  void theAbstractsBoxIsMadeWithTheFirstTalkThatHasAnAbstract(FxRobot robot) throws Exception {
    TalkDetailsPane pane = shown(robot, 600); // a talk without an abstract
    assertThat(FxWait.onFx(() -> pane.root().lookup(".tb-abstract-box"))).isNull();
    Talk withAbstract =
        notebook
            .talks()
            .create(
                notebook.events().list().get(0).id(),
                Talk.Details.titled("Soldering"),
                "",
                new dev.talkbook.core.notebook.Programme(
                    "We solder a badge.", null, null, "en", null, "uid-1", "t", null));
    robot.interact(() -> pane.show(withAbstract));
    FxWait.untilFx(
        "the abstract shown",
        () -> {
          javafx.scene.Node box = pane.root().lookup(".tb-abstract-box");
          return box != null
              && box.isVisible()
              && pane.abstractText.isVisible()
              && pane.abstractText.getText().equals("We solder a badge.");
        });
  }

  @Test
  void wideTheFieldsGoTwoARowAndTheLinksShareTheirRow(FxRobot robot) throws Exception {
    // Comfortably past the width where the fields go two a row, with the window's theme.
    TalkDetailsPane pane = shown(robot, 600);
    FxWait.onFx(
        () -> {
          assertThat(pane.time.localToScene(0, 0).getY())
              .as("time beside speakers")
              .isEqualTo(pane.speakers.localToScene(0, 0).getY());
          assertThat(pane.video.localToScene(0, 0).getY())
              .as("video beside slides")
              .isEqualTo(pane.slides.localToScene(0, 0).getY());
          showsAllOf(pane.time, pane.time.getText());
          showsAllOf(pane.room, pane.room.getText());
          showsAllOf(pane.tags, pane.tags.getText());
          showsAllOf(pane.slides, pane.slides.getPromptText());
          showsAllOf(pane.video, pane.video.getPromptText());
          assertThat(pane.video.getWidth()).isCloseTo(pane.slides.getWidth(), within(2.0));
          return null;
        });
  }

  @Test
  void narrowTheFieldsGoOneARowAndShowAllTheyHold(FxRobot robot) throws Exception {
    TalkDetailsPane pane = shown(robot, 360);
    FxWait.onFx(
        () -> {
          assertThat(pane.time.localToScene(0, 0).getY())
              .as("time under speakers")
              .isGreaterThan(pane.speakers.localToScene(0, 0).getY());
          for (TextField f : List.of(pane.time, pane.room, pane.tags, pane.speakers)) {
            showsAllOf(f, f.getText());
          }
          showsAllOf(pane.video, pane.video.getPromptText());
          return null;
        });
  }

  @Test
  void theOpenButtonsSayWhichLinkTheyOpen(FxRobot robot) throws Exception {
    TalkDetailsPane pane = shown(robot, 600);
    assertThat(
            FxWait.onFx(
                () ->
                    pane.root().lookupAll(".tb-open-link").stream()
                        .map(javafx.scene.Node::getAccessibleText)
                        .toList()))
        .containsExactly("Open the slides", "Open the recording");
  }

  @Test
  void theShutdownHookSavesWhatAFieldHoldsWithoutTheFxThread(FxRobot robot) throws Exception {
    TalkDetailsPane pane = shown(robot, 600);
    long id = FxWait.onFx(() -> pane.talkShown().id());
    // The FX thread typed and then hangs (as it may when the system ends the app): neither the
    // autosave nor a focus change can run; the shutdown hook's thread saves the field all the same.
    java.util.concurrent.CountDownLatch typed = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    javafx.application.Platform.runLater(
        () -> {
          pane.speakers.setText("Maren Holt, Ada Lovelace");
          typed.countDown();
          try {
            release.await(30, java.util.concurrent.TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    try {
      assertThat(typed.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      pane.saveForShutdown();
      assertThat(notebook.talks().get(id).details().speakers())
          .containsExactly("Maren Holt", "Ada Lovelace");
    } finally {
      release.countDown();
    }
  }

  @Test
  void aProblemShownUnderTheFieldsDoesNotTurnTwoColumnsIntoOne(FxRobot robot) throws Exception {
    // Found by a tester: the problem's line brought the scroll bar, which narrowed the fields
    // below two a row, so the details jumped to one a row.
    TalkDetailsPane pane = shown(robot, 600);
    // Just wide enough for two a row without a scroll bar: where the bar took the fields below it.
    double outside =
        FxWait.onFx(
            () -> {
              javafx.scene.control.ScrollPane box =
                  (javafx.scene.control.ScrollPane) pane.root().getContent();
              return stage.getWidth()
                  - (box.getWidth() - box.snappedLeftInset() - box.snappedRightInset());
            });
    double width =
        Math.ceil(
            FxWait.onFx(() -> Math.max(TalkDetailsPane.WIDE, pane.wideNeeds())) + 4 + outside);
    robot.interact(
        () -> {
          stage.setWidth(width);
          holder.applyCss();
          holder.layout();
        });
    for (int i = 0; i < 2; i++) {
      robot.interact(
          () -> {
            holder.applyCss();
            holder.layout();
          });
    }
    Integer before = FxWait.onFx(() -> gridColumn(pane.time));
    assertThat(before).as("the time sits in a grid cell").isNotNull();
    // As tall as the fields without a problem: the problem's line does not fit.
    robot.interact(
        () -> {
          stage.setHeight(pane.root().prefHeight(width) + 2);
          holder.applyCss();
          holder.layout();
        });
    robot.interact(
        () -> {
          pane.video.setText("see the recording");
          pane.save();
        });
    for (int i = 0; i < 3; i++) {
      robot.interact(
          () -> {
            holder.applyCss();
            holder.layout();
          });
    }
    assertThat(FxWait.onFx(() -> pane.problemProperty().get())).contains("see the recording");
    javafx.scene.control.ScrollBar bar =
        FxWait.onFx(
            () ->
                pane.root().lookupAll(".scroll-bar").stream()
                    .map(javafx.scene.control.ScrollBar.class::cast)
                    .filter(b -> b.getOrientation() == javafx.geometry.Orientation.VERTICAL)
                    .filter(javafx.scene.Node::isVisible)
                    .findFirst()
                    .orElse(null));
    assertThat(bar).as("the fields scroll").isNotNull();
    assertThat(FxWait.onFx(() -> gridColumn(pane.time)))
        .as("the time's column, %s px wide", width)
        .isEqualTo(before);
    robot.interact(() -> holder.getChildren().clear());
    saved();
  }

  @Test
  void speakersCutInTwoColumnsShowThatTheyAreCut(FxRobot robot) throws Exception {
    TalkDetailsPane pane = shown(robot, 600);
    String many = "Ada Lovelace, Grace Hopper, Barbara Liskov, Margaret Hamilton, Frances Allen";
    robot.interact(
        () -> {
          pane.speakers.setText(many);
          holder.applyCss();
          holder.layout();
        });
    javafx.scene.Node mark = FxWait.onFx(() -> pane.speakers.getParent().lookup(".tb-cut-mark"));
    assertThat(FxWait.onFx(mark::isVisible)).as("the mark").isTrue();
    assertThat(FxWait.onFx(() -> pane.speakers.getTooltip().getText())).isEqualTo(many);
    // Whole, no mark and no tooltip.
    robot.interact(
        () -> {
          pane.speakers.setText("Ada Lovelace");
          holder.applyCss();
          holder.layout();
        });
    assertThat(FxWait.onFx(mark::isVisible)).isFalse();
    assertThat(FxWait.onFx(() -> pane.speakers.getTooltip())).isNull();
    robot.interact(() -> holder.getChildren().clear());
    saved();
  }

  /** The pane of {@link #shown} in a stage {@code height} pixels high, laid out so. */
  private TalkDetailsPane shortened(FxRobot robot, TalkDetailsPane pane, double height) {
    robot.interact(() -> stage.setHeight(height));
    FxWait.untilFx(
        "the details " + height + " px high, their fields scrolling",
        () -> {
          holder.applyCss();
          holder.layout();
          javafx.scene.control.ScrollPane box = fieldsBox(robot);
          return stage.getHeight() == height
              && box.getViewportBounds().getHeight() > 0
              && pane.grid().getHeight() > box.getViewportBounds().getHeight();
        });
    return pane;
  }

  private static javafx.scene.control.ScrollPane fieldsBox(FxRobot robot) {
    return robot.lookup(".tb-details-fields").queryAs(javafx.scene.control.ScrollPane.class);
  }

  /** Whether {@code field} lies wholly inside the fields' viewport, on screen. */
  private static boolean inView(FxRobot robot, javafx.scene.Node field) {
    javafx.scene.Node viewport = fieldsBox(robot).lookup(".viewport");
    javafx.geometry.Bounds view = viewport.localToScreen(viewport.getLayoutBounds());
    javafx.geometry.Bounds b = field.localToScreen(field.getLayoutBounds());
    return b.getMinY() >= view.getMinY() - 0.5 && b.getMaxY() <= view.getMaxY() + 0.5;
  }

  /**
   * Types {@code text} into the time (focused) a key at a time, each key followed by a pause long
   * enough for the details to say what cannot be saved (the problem's words name what was typed).
   */
  private static void typeWithPauses(FxRobot robot, TalkDetailsPane pane, String text) {
    javafx.scene.control.TextInputControl field =
        (javafx.scene.control.TextInputControl) robot.lookup("#detail-time").query();
    for (char c : text.toCharArray()) {
      robot.write(c);
      FxWait.untilFx(
          "the problem of what the time holds told",
          () -> pane.problemProperty().get().contains("\"" + field.getText() + "\""));
      FxWait.shown(pane.root()); // a layout pulse has passed, and with it the scroll it may bring
    }
  }

  /**
   * A time typed a key at a time, with pauses, in a pane too short for both the field and the
   * problem under the fields: the fields scrolled after every pause, as the problem's words grew (a
   * click aimed at a field then could land on its neighbour), and scrolled the time being typed out
   * of view to show the problem.
   */
  @Test
  void aWrongTimeTypedKeyByKeyScrollsTheFieldsOnceAndKeepsTheTimeInView(FxRobot robot)
      throws Exception {
    TalkDetailsPane pane = shortened(robot, shown(robot, 300), 190);
    javafx.scene.Node time = robot.lookup("#detail-time").query();
    List<Double> scrolls = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<String> outOfView = new java.util.concurrent.CopyOnWriteArrayList<>();
    robot.interact(
        () -> {
          time.requestFocus();
          fieldsBox(robot)
              .vvalueProperty()
              .addListener(
                  (obs, old, v) -> {
                    scrolls.add(v.doubleValue());
                    if (!inView(robot, time)) {
                      outOfView.add(pane.problemProperty().get());
                    }
                  });
        });
    FxWait.untilFx("the time focused", time::isFocused);
    try {
      typeWithPauses(robot, pane, "soon-ish-25:99-or-so");
      assertThat(scrolls)
          .as("the fields' scroll positions as the time was typed")
          .hasSizeLessThan(2);
      assertThat(FxWait.onFx(() -> inView(robot, time))).as("the time in view").isTrue();
      assertThat(outOfView).as("problems shown with the time out of view").isEmpty();
    } finally {
      robot.interact(() -> holder.getChildren().clear());
      saved();
    }
  }

  /**
   * The user scrolls back up to the Slides field while a wrong time is told under the fields, types
   * on in the time and clicks where Slides is: the click lands on Slides (the fields scrolled back
   * down to the problem at the pause, moving another field under the pointer).
   */
  @Test
  void aClickOnSlidesAfterAWrongTimeLandsOnSlides(FxRobot robot) throws Exception {
    TalkDetailsPane pane = shortened(robot, shown(robot, 300), 120);
    javafx.scene.Node time = robot.lookup("#detail-time").query();
    javafx.scene.Node slides = robot.lookup("#detail-slides").query();
    robot.interact(time::requestFocus);
    FxWait.untilFx("the time focused", time::isFocused);
    try {
      typeWithPauses(robot, pane, "25:99");
      // The user scrolls up until Slides is at the view's top.
      robot.interact(
          () -> {
            javafx.scene.control.ScrollPane box = fieldsBox(robot);
            double room = pane.grid().getHeight() - box.getViewportBounds().getHeight();
            double top = pane.grid().sceneToLocal(slides.localToScene(0, 0)).getY() - 2;
            box.setVvalue(
                box.getVmin() + Math.max(0, top) / room * (box.getVmax() - box.getVmin()));
          });
      FxWait.untilFx("the slides in view", () -> inView(robot, slides));
      FxWait.shown(pane.root()); // a pulse has passed: no scroll is to come
      javafx.geometry.Point2D aim =
          FxWait.onFx(
              () -> {
                javafx.geometry.Bounds b = slides.localToScreen(slides.getLayoutBounds());
                return new javafx.geometry.Point2D(b.getCenterX(), b.getCenterY());
              });
      typeWithPauses(robot, pane, "-or-later");
      robot.clickOn(aim);
      FxWait.untilFx("the keyboard in the slides", slides::isFocused);
    } finally {
      robot.interact(() -> holder.getChildren().clear());
      saved();
    }
  }

  /**
   * The grid column of {@code node}'s cell: the node itself, or the box it sits in (the time's).
   */
  static Integer gridColumn(javafx.scene.Node node) {
    javafx.scene.Node cell = node;
    while (cell.getParent() != null
        && !(cell.getParent() instanceof javafx.scene.layout.GridPane)) {
      cell = cell.getParent();
    }
    return cell.getParent() == null ? null : javafx.scene.layout.GridPane.getColumnIndex(cell);
  }

  /** The tooltip shown over the window, if any: its text, else null. */
  private static String tipShown() {
    return javafx.stage.Window.getWindows().stream()
        .filter(w -> w instanceof javafx.scene.control.Tooltip t && t.isShowing())
        .map(w -> ((javafx.scene.control.Tooltip) w).getText())
        .findFirst()
        .orElse(null);
  }

  /** The tooltip that shows over {@code node}: its own or the nearest ancestor's, else null. */
  private static javafx.scene.control.Tooltip tipOver(javafx.scene.Node node) {
    for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
      Object tip = n.getProperties().get("javafx.scene.control.Tooltip");
      if (tip != null) {
        return (javafx.scene.control.Tooltip) tip;
      }
    }
    return null;
  }

  @Test
  void theFoldTipShowsOverTheTitleBarAndNotOverTheFields(FxRobot robot) throws Exception {
    TalkDetailsPane pane = shown(robot, 600);
    // Over a field first: the pane's tip came with the pointer's first entry into the pane.
    robot.moveTo(pane.room);
    robot.moveBy(3, 0);
    javafx.scene.Node bar = FxWait.onFx(pane::titleBar);
    assertThat(bar).as("the pane's title bar").isNotNull();
    robot.moveTo(bar);
    robot.moveBy(3, 0);
    FxWait.untilFx(
        "the fold's tip over the title bar", () -> TalkDetailsPane.FOLD_TIP.equals(tipShown()));
    robot.moveTo(pane.room);
    robot.moveBy(3, 0);
    FxWait.untilFx("the fold's tip gone off the title bar", () -> tipShown() == null);
    // No tooltip of the pane waits over the fields: the one that showed is the title bar's alone.
    for (TextField f : List.of(pane.room, pane.speakers, pane.time, pane.slides)) {
      assertThat(FxWait.onFx(() -> tipOver(f))).as("a tooltip over " + f.getId()).isNull();
    }
    // Folded in a narrow pane, the bar's summary line is cut: the tip has it whole.
    robot.interact(
        () -> {
          pane.root().setExpanded(false);
          stage.setWidth(320);
        });
    robot.moveTo(bar);
    robot.moveBy(3, 0);
    String summary = FxWait.onFx(() -> pane.root().getText());
    assertThat(summary).contains("Virtual threads in practice").contains("Main hall");
    FxWait.untilFx(
        "the whole summary in the folded bar's tip",
        () -> (summary + "\n" + TalkDetailsPane.FOLD_TIP).equals(tipShown()));
  }

  /**
   * A time typed wrong is refused with an example on the talk's own day: "is not like 2026-11-24
   * 14:30" named a day that was not the event's.
   */
  @Test
  void aWrongTimeIsToldWithAnExampleOnTheTalksOwnDay(FxRobot robot) throws Exception {
    TalkDetailsPane pane = shown(robot, 600);
    robot.interact(
        () -> {
          pane.time.requestFocus();
          pane.time.setText("late");
          pane.room.requestFocus();
        });
    FxWait.untilFx(
        "the time's problem said",
        () -> String.valueOf(pane.problemProperty().get()).contains("late"));
    assertThat(FxWait.onFx(() -> pane.problemProperty().get()))
        .contains("is not like 2026-03-12 14:30")
        .doesNotContain("2026-11-24");
  }
}
