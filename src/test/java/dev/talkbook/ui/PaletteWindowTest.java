package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.sample.SampleMeetup;
import dev.talkbook.ui.common.Theme;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The command palette and the quick switcher: light popups over the window. */
class PaletteWindowTest extends RealWindowTest {

  /** Waits for {@code condition} (an exception from it means "not yet"), then for the FX events. */
  private static void waitUntil(Callable<Boolean> condition) {
    FxWait.until(condition);
  }

  private static boolean popupOpen(FxRobot robot) {
    return robot.lookup("#picker-filter").tryQuery().filter(Node::isVisible).isPresent();
  }

  /** The texts the list's cells show now for {@code cls} (read on the FX thread). */
  private static List<String> shown(FxRobot robot, String cls) throws Exception {
    return FxWait.onFx(
        () ->
            robot.lookup("#picker-list ." + cls).queryAllAs(Label.class).stream()
                .filter(Node::isVisible)
                .map(Label::getText)
                .toList());
  }

  /**
   * The texts the list's cells show for {@code cls}, once they pass {@code test}: the cells are
   * filled in the layout pass after the list's items changed, not with them.
   */
  private static List<String> shownOnce(
      FxRobot robot, String cls, java.util.function.Predicate<List<String>> test) throws Exception {
    FxWait.untilFx("the list to show its items", () -> test.test(shown(robot, cls)));
    return shown(robot, cls);
  }

  private static ListView<?> list(FxRobot robot) {
    return robot.lookup("#picker-list").queryAs(ListView.class);
  }

  private void palette(FxRobot robot) throws Exception {
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P)
        .release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
    waitUntil(() -> popupOpen(robot));
    FxWait.clickOn(robot, "#picker-filter");
  }

  @Test
  void thePaletteIsALightPopupThatFindsTheThemeEntries(FxRobot robot) throws Exception {
    palette(robot);
    Window popup = robot.lookup("#picker-filter").query().getScene().getWindow();
    assertThat(popup).isNotSameAs(ui.stage);
    // a popup of the window, which keeps the keyboard: no title bar, no focus of its own to await
    assertThat(popup).isInstanceOf(javafx.stage.Popup.class);
    assertThat(popup.getScene().getRoot().lookupAll(".button")).isEmpty(); // no OK, no Cancel
    // no title and no visible label: the field says what it is to a screen reader
    assertThat(FxWait.onFx(() -> robot.lookup("#picker-filter").query().getAccessibleText()))
        .isEqualTo("Command palette: find an action");

    robot.write("theme");
    waitUntil(() -> list(robot).getItems().size() == 3);
    assertThat(
            shownOnce(robot, "tb-palette-label", l -> l.equals(List.of("System", "Light", "Dark"))))
        .containsExactly("System", "Light", "Dark");
    assertThat(
            shownOnce(
                robot,
                "tb-palette-note",
                l -> l.size() == 3 && l.stream().allMatch(n -> n.startsWith("View \u203a Theme"))))
        .allMatch(n -> n.startsWith("View \u203a Theme"));
    robot.write(" dark");
    waitUntil(() -> list(robot).getItems().size() == 1);
    robot.type(KeyCode.ENTER);
    waitUntil(() -> ui.stage.getScene().getRoot().getStyleClass().contains(Theme.DARK_CLASS));
    assertThat(FxWait.onFx(() -> popupOpen(robot))).isFalse();
  }

  @Test
  void darkListsTheDarkThemeAloneNotAnActionThatOnlyHasItsLetters(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "A talk", "notes"); // so that Star or unstar the talk is offered
    palette(robot);
    robot.write("star");
    FxWait.untilFx("the list for \"star\"", () -> filterText(robot).equals("star"));
    assertThat(labels(robot)).first().isEqualTo("Star or unstar the talk");

    robot.eraseText(4).write("dark");

    // The list is narrowed as each key is typed, on the FX thread.
    FxWait.untilFx("the list for \"dark\"", () -> filterText(robot).equals("dark"));
    assertThat(labels(robot)).containsExactly("Dark");
    assertThat(shownOnce(robot, "tb-palette-label", l -> l.equals(List.of("Dark"))))
        .containsExactly("Dark");
  }

  @Test
  void theWordsPeopleTypeForAnActionFindIt(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "A talk", "notes"); // so that the talk's actions are offered
    palette(robot);
    String typed = "";
    for (String[] want :
        new String[][] {
          {"close", "Quit"},
          {"exit", "Quit"},
          {"new note", "New talk…"},
          {"settings", "Line numbers"},
          {"preferences dark", "Dark"},
          {"remove", "Delete…"},
          {"search", "Search notes"},
          {"find", "Find…"},
          {"hotkeys", "Keyboard shortcuts"},
          {"full screen", "Full screen"},
          {"fullscreen", "Full screen"},
          {"maximize", "Full screen"},
          {"distraction", "Full screen"},
        }) {
      robot.eraseText(typed.length()).write(want[0]);
      typed = want[0];
      String query = typed;
      FxWait.untilFx("the list for \"" + query + "\"", () -> filterText(robot).equals(query));
      assertThat(labels(robot)).as(query).first().isEqualTo(want[1]);
    }
    // the words find their actions, not more than before: "close" is Quit's alone
    robot.eraseText(typed.length()).write("close");
    FxWait.untilFx("the list for \"close\"", () -> filterText(robot).equals("close"));
    assertThat(labels(robot)).containsExactly("Quit");
  }

  /** The labels of the entries the list holds now (read on the FX thread). */
  private static List<String> labels(FxRobot robot) throws Exception {
    return FxWait.onFx(
        () ->
            list(robot).getItems().stream()
                .map(e -> ((dev.talkbook.ui.palette.PaletteEntry<?>) e).label())
                .toList());
  }

  @Test
  void shortcutsAreShownBesideTheActionsAndEscLeaves(FxRobot robot) throws Exception {
    palette(robot);
    robot.write("zoom");
    waitUntil(() -> !list(robot).getItems().isEmpty());
    assertThat(shownOnce(robot, "tb-palette-label", l -> l.contains("Zoom in")).get(0))
        .isEqualTo("Zoom in");
    assertThat(shownOnce(robot, "tb-palette-side", l -> l.contains("Ctrl+0")))
        .contains("Ctrl+=", "Ctrl+-", "Ctrl+0");
    double font = WindowUnderTest.fontSize(robot);
    robot.type(KeyCode.ESCAPE);
    waitUntil(() -> !popupOpen(robot));
    assertThat(WindowUnderTest.fontSize(robot)).isEqualTo(font);
  }

  @Test
  void theQuickSwitcherShowsEachTalksEventAndOpensByEvent(FxRobot robot) throws Exception {
    SampleMeetup.addTo(ui.notebook);
    ui.notebook.events().create(dev.talkbook.core.notebook.Event.Details.titled("Devoxx Belgium"));
    long devoxx =
        ui.notebook.events().list().stream()
            .filter(e -> e.title().equals("Devoxx Belgium"))
            .findFirst()
            .orElseThrow()
            .id();
    long loom =
        ui.notebook
            .talks()
            .create(
                devoxx,
                dev.talkbook.core.notebook.Talk.Details.titled("Virtual threads in practice"),
                "")
            .id();
    ui.reloadTree(robot);
    robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
    waitUntil(() -> popupOpen(robot));
    FxWait.clickOn(robot, "#picker-filter");
    assertThat(FxWait.onFx(() -> robot.lookup("#picker-filter").query().getAccessibleText()))
        .isEqualTo("Go to a talk");
    robot.write("virtual threads");
    waitUntil(() -> list(robot).getItems().size() == 2);
    assertThat(
            shownOnce(robot, "tb-palette-side", l -> l.size() == 2 && l.contains("Devoxx Belgium")))
        .containsExactlyInAnyOrder(SampleMeetup.TITLE, "Devoxx Belgium");
    robot.write(" devoxx");
    waitUntil(() -> list(robot).getItems().size() == 1);
    robot.type(KeyCode.ENTER);
    waitUntil(() -> ui.openTalk() != null && ui.openTalk().id() == loom);
  }

  @Test
  void theQuickSwitcherSaysWhenEachTalkIs(FxRobot robot) throws Exception {
    long jconf =
        ui.notebook.events().create(dev.talkbook.core.notebook.Event.Details.titled("JConf")).id();
    for (String[] t :
        new String[][] {{"Loom", "2026-12-06T10:00"}, {"Loom (part 2)", "2026-12-07T11:30"}}) {
      ui.notebook
          .talks()
          .create(
              jconf,
              dev.talkbook.core.notebook.Talk.Details.titled(t[0])
                  .withSpeakers(java.util.List.of("Ada"))
                  .withStartsAt(java.time.LocalDateTime.parse(t[1])),
              "");
    }
    ui.reloadTree(robot);
    robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
    waitUntil(() -> popupOpen(robot));
    FxWait.clickOn(robot, "#picker-filter");
    robot.write("loom");
    waitUntil(() -> list(robot).getItems().size() == 2);
    java.util.Locale locale = dev.talkbook.core.common.DateTimeText.userLocale();
    String first =
        "Ada · "
            + dev.talkbook.core.common.DateTimeText.shortDay(
                java.time.LocalDate.of(2026, 12, 6), locale)
            + " 10:00";
    String second =
        "Ada · "
            + dev.talkbook.core.common.DateTimeText.shortDay(
                java.time.LocalDate.of(2026, 12, 7), locale)
            + " 11:30";
    assertThat(shownOnce(robot, "tb-palette-note", l -> l.size() == 2))
        .containsExactlyInAnyOrder(first, second);
  }

  /** "Talk 3-7" put "Talk 7-3" (the same words, made first) at the top, and Enter opened it. */
  @Test
  void aTitleTypedWholeIsListedFirstAndEnterOpensIt(FxRobot robot) throws Exception {
    long event =
        ui.notebook.events().create(dev.talkbook.core.notebook.Event.Details.titled("Meetup")).id();
    for (String title : List.of("Talk 7-3", "Talk 3-7")) {
      ui.notebook.talks().create(event, dev.talkbook.core.notebook.Talk.Details.titled(title), "");
    }
    ui.reloadTree(robot);
    robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
    waitUntil(() -> popupOpen(robot));
    FxWait.clickOn(robot, "#picker-filter");
    robot.write("Talk 3-7");
    waitUntil(() -> list(robot).getItems().size() == 2);
    robot.type(KeyCode.ENTER);
    waitUntil(() -> ui.openTalk() != null && ui.openTalk().title().equals("Talk 3-7"));
  }

  @Test
  void inTheLeastWindowATalksTitleStaysWholeAndItsEventsNameGivesWay(FxRobot robot)
      throws Exception {
    SampleMeetup.addTo(ui.notebook);
    ui.reloadTree(robot);
    robot.interact(() -> ui.stage.setWidth(ui.stage.getMinWidth()));
    ui.idle();
    robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
    waitUntil(() -> popupOpen(robot));
    FxWait.clickOn(robot, "#picker-filter");
    robot.write("live coding");
    waitUntil(() -> list(robot).getItems().size() == 1);
    FxWait.untilFx(
        "the row laid out",
        () -> shown(robot, "tb-palette-label").contains("Live coding without fear"));
    record Widths(double label, double labelWhole, double side, double sideWhole) {}
    Widths w =
        FxWait.onFx(
            () -> {
              Label label = robot.lookup("#picker-list .tb-palette-label").queryAs(Label.class);
              Label side = robot.lookup("#picker-list .tb-palette-side").queryAs(Label.class);
              return new Widths(
                  label.getWidth(), label.prefWidth(-1), side.getWidth(), side.prefWidth(-1));
            });
    assertThat(w.label()).as("the title's width").isGreaterThanOrEqualTo(w.labelWhole() - 0.5);
    assertThat(w.side()).as("the event's name, cut").isLessThan(w.sideWhole());
  }

  @Test
  void longTitlesThatDifferAtTheirEndAreCutInTheMiddleAndWholeInTheTooltip(FxRobot robot)
      throws Exception {
    long camp =
        ui.notebook.events().create(dev.talkbook.core.notebook.Event.Details.titled("Camp")).id();
    for (int n = 1; n <= 3; n++) {
      ui.notebook
          .talks()
          .create(
              camp,
              dev.talkbook.core.notebook.Talk.Details.titled(NavigatorWindowTest.part(n)),
              "");
    }
    ui.reloadTree(robot);
    robot.interact(() -> ui.stage.setWidth(ui.stage.getMinWidth()));
    ui.idle();
    robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
    waitUntil(() -> popupOpen(robot));
    FxWait.clickOn(robot, "#picker-filter");
    robot.write("toaster");
    waitUntil(() -> list(robot).getItems().size() == 3);
    FxWait.untilFx("the rows laid out", () -> shown(robot, "tb-palette-label").size() == 3);
    // what each row shows of its title: the label's text node, as drawn
    List<String> drawn =
        FxWait.onFx(
            () ->
                robot.lookup("#picker-list .tb-palette-label").queryAllAs(Label.class).stream()
                    .filter(Node::isVisible)
                    .map(l -> ((javafx.scene.text.Text) l.lookup(".text")).getText())
                    .sorted()
                    .toList());
    assertThat(drawn).as("cut").allMatch(t -> t.length() < NavigatorWindowTest.part(1).length());
    assertThat(drawn)
        .satisfiesExactly(
            t -> assertThat(t).endsWith("(part 1)"),
            t -> assertThat(t).endsWith("(part 2)"),
            t -> assertThat(t).endsWith("(part 3)"));
    Label first = robot.lookup("#picker-list .tb-palette-label").queryAs(Label.class);
    javafx.scene.control.ListCell<?> row =
        FxWait.onFx(
            () -> {
              Node n = first;
              while (!(n instanceof javafx.scene.control.ListCell<?>)) {
                n = n.getParent();
              }
              return (javafx.scene.control.ListCell<?>) n;
            });
    String whole = FxWait.onFx(first::getText);
    robot.moveTo(row);
    FxWait.untilFx(
        "the row's tooltip with the whole title",
        () -> row.getTooltip() != null && row.getTooltip().getText().startsWith(whole + "\n"));
  }

  /**
   * Fires {@code code} as the window gets it from the system: pressed, typed ({@code typed}, if
   * any) and released, each at the focus owner of the main window's scene (a popup just shown does
   * not have the keyboard yet: the system gives it later). On the FX thread.
   */
  private static void key(Scene scene, KeyCode code, String typed, boolean shift, boolean ctrl) {
    String text = typed == null ? "" : typed;
    for (var type : List.of(KeyEvent.KEY_PRESSED, KeyEvent.KEY_TYPED, KeyEvent.KEY_RELEASED)) {
      if (type == KeyEvent.KEY_TYPED && typed == null) {
        continue;
      }
      Node target = scene.getFocusOwner();
      KeyEvent e =
          type == KeyEvent.KEY_TYPED
              ? new KeyEvent(type, text, "", KeyCode.UNDEFINED, shift, ctrl, false, false)
              : new KeyEvent(type, "", text, code, shift, ctrl, false, false);
      javafx.event.Event.fireEvent(target == null ? scene.getRoot() : target, e);
    }
  }

  /** Ctrl+P (or Ctrl+Shift+P) and {@code text} typed at once, in one go on the FX thread. */
  private void shortcutThenType(boolean shift, String text) throws Exception {
    java.util.concurrent.CountDownLatch fired = new java.util.concurrent.CountDownLatch(1);
    Platform.runLater(
        () -> {
          Scene scene = ui.stage.getScene();
          key(scene, KeyCode.P, "\u0010", shift, true); // Ctrl+P types a control character
          for (char c : text.toCharArray()) {
            KeyCode code =
                c == ' ' ? KeyCode.SPACE : KeyCode.getKeyCode(String.valueOf(c).toUpperCase());
            key(scene, code, String.valueOf(c), false, false);
          }
          fired.countDown();
        });
    assertThat(fired.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
  }

  private static String filterText(FxRobot robot) throws Exception {
    return FxWait.onFx(
        () ->
            robot.lookup("#picker-filter").queryAs(javafx.scene.control.TextField.class).getText());
  }

  /**
   * Ctrl+P and Ctrl+Shift+P open with their hint shown in the focused field, as Ctrl+/ does (a
   * tester found Ctrl+P's box empty: the theme hides a focused field's hint), light and dark.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void bothPalettesShowTheirHintInTheFocusedField(boolean dark, FxRobot robot) throws Exception {
    robot.interact(
        () -> ui.theme.choiceProperty().set(dark ? Theme.Choice.DARK : Theme.Choice.LIGHT));
    for (boolean shift : new boolean[] {false, true}) {
      shortcutThenType(shift, "");
      waitUntil(() -> popupOpen(robot));
      javafx.scene.control.TextField filter =
          robot.lookup("#picker-filter").queryAs(javafx.scene.control.TextField.class);
      FxWait.untilFx("the filter focused", filter::isFocused);
      String prompt = FxWait.onFx(filter::getPromptText);
      assertThat(prompt).startsWith(shift ? "Type an action" : "Go to a talk");
      FxWait.untilFx(
          (shift ? "Ctrl+Shift+P" : "Ctrl+P") + "'s hint drawn",
          java.time.Duration.ofSeconds(5),
          () ->
              filter.lookupAll(".text").stream()
                  .anyMatch(
                      n ->
                          n instanceof javafx.scene.text.Text t
                              && prompt.equals(t.getText())
                              && t.isVisible()
                              && t.getFill() instanceof javafx.scene.paint.Color c
                              && c.getOpacity() > 0.5));
      robot.type(KeyCode.ESCAPE);
      waitUntil(() -> !popupOpen(robot));
    }
  }

  @Test
  void keysTypedRightAfterCtrlPGoToTheSwitcherNotTheNotes(FxRobot robot) throws Exception {
    SampleMeetup.addTo(ui.notebook);
    ui.openNewTalk(robot, "GC tuning", "notes\n");
    robot.interact(() -> WindowUnderTest.editor(robot).requestFocus());
    FxWait.untilFx(
        "the notes to have the keyboard", () -> WindowUnderTest.editor(robot).isFocused());

    shortcutThenType(false, "gc pauses");

    waitUntil(() -> popupOpen(robot));
    ui.idle();
    assertThat(filterText(robot)).isEqualTo("gc pauses");
    assertThat(WindowUnderTest.editorText(robot)).isEqualTo("notes\n");
  }

  @Test
  void enterTypedBeforeTheTalksAreReadOpensTheBestMatchOnceTheyAre(FxRobot robot) throws Exception {
    SampleMeetup.addTo(ui.notebook);
    ui.openNewTalk(robot, "GC tuning", "notes\n");
    robot.interact(() -> WindowUnderTest.editor(robot).requestFocus());
    java.util.concurrent.CountDownLatch busy = new java.util.concurrent.CountDownLatch(1);
    ui.executors
        .io()
        .submit(
            () -> {
              busy.await(); // the notebook thread is held up
              return null;
            });
    try {
      shortcutThenType(false, "sqlite");
      robot.interact(() -> key(ui.stage.getScene(), KeyCode.ENTER, null, false, false));
      waitUntil(() -> popupOpen(robot));
      assertThat(filterText(robot)).isEqualTo("sqlite");
    } finally {
      busy.countDown();
    }
    waitUntil(() -> ui.openTalk() != null && ui.openTalk().title().equals("SQLite everywhere"));
    assertThat(FxWait.onFx(() -> popupOpen(robot))).isFalse();
  }

  @Test
  void keysTypedRightAfterCtrlShiftPGoToThePaletteNotTheNotes(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "GC tuning", "notes\n");
    robot.interact(() -> WindowUnderTest.editor(robot).requestFocus());
    FxWait.untilFx(
        "the notes to have the keyboard", () -> WindowUnderTest.editor(robot).isFocused());

    shortcutThenType(true, "theme");

    waitUntil(() -> popupOpen(robot));
    ui.idle();
    assertThat(filterText(robot)).isEqualTo("theme");
    assertThat(WindowUnderTest.editorText(robot)).isEqualTo("notes\n");
  }

  @Test
  void aPaletteHiddenOtherwiseGivesTheWindowItsKeysBack(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "GC tuning", "notes\n");
    robot.interact(() -> WindowUnderTest.editor(robot).requestFocus());
    shortcutThenType(true, "");
    waitUntil(() -> popupOpen(robot));
    // Hidden without the popup's own ways out (Esc, a choice, a click elsewhere).
    robot.interact(
        () ->
            new java.util.ArrayList<>(javafx.stage.Window.getWindows())
                .stream().filter(w -> w != ui.stage).forEach(javafx.stage.Window::hide));
    robot.interact(
        () -> {
          WindowUnderTest.editor(robot).requestFocus();
          WindowUnderTest.editor(robot).moveTo(0);
          key(ui.stage.getScene(), KeyCode.X, "x", false, false);
        });
    ui.idle();
    assertThat(WindowUnderTest.editorText(robot)).isEqualTo("xnotes\n");
  }

  @Test
  void keysTypedRightAfterCtrlPInTheTagsFieldGoToTheSwitcher(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "GC tuning", "notes\n");
    FxWait.clickOn(robot, "#detail-tags");
    FxWait.untilFx(
        "the tags field to have the keyboard",
        () -> robot.lookup("#detail-tags").query().isFocused());

    shortcutThenType(false, "gc");

    waitUntil(() -> popupOpen(robot));
    ui.idle();
    assertThat(filterText(robot)).isEqualTo("gc");
    assertThat(
            FxWait.onFx(
                () ->
                    robot
                        .lookup("#detail-tags")
                        .queryAs(javafx.scene.control.TextField.class)
                        .getText()))
        .isEmpty();
  }

  /** Types {@code text} at once at where the window's keys go (on the FX thread). */
  private static void type(Scene scene, String text) {
    for (char c : text.toCharArray()) {
      KeyCode code = c == ' ' ? KeyCode.SPACE : KeyCode.getKeyCode(String.valueOf(c).toUpperCase());
      key(scene, code, String.valueOf(c), false, false);
    }
  }

  /** What the notebook holds as the notes of the talk titled {@code title}. */
  private String storedNotes(String title) {
    return ui.notebook.talks().summaries().stream()
        .filter(t -> t.title().equals(title))
        .map(t -> ui.notebook.talks().get(t.id()).body())
        .findFirst()
        .orElseThrow();
  }

  @Test
  void keysTypedRightAfterEnterInTheSwitcherGoToTheChosenTalksNotes(FxRobot robot)
      throws Exception {
    SampleMeetup.addTo(ui.notebook);
    ui.openNewTalk(robot, "GC tuning", "notes\n");
    robot.interact(() -> WindowUnderTest.editor(robot).requestFocus());
    shortcutThenType(false, "sqlite");
    waitUntil(() -> popupOpen(robot) && !list(robot).getItems().isEmpty());

    // Enter and the first words of the new notes in one go, as a fast typist does: the talk is
    // still being read when the words come.
    robot.interact(
        () -> {
          key(ui.stage.getScene(), KeyCode.ENTER, "\r", false, false);
          type(ui.stage.getScene(), "abc ");
        });

    waitUntil(() -> ui.openTalk() != null && ui.openTalk().title().equals("SQLite everywhere"));
    FxWait.untilFx(
        "the keys in the chosen talk's notes",
        () -> WindowUnderTest.editorText(robot).startsWith("abc "));
    ui.idle();
    assertThat(FxWait.onFx(() -> popupOpen(robot))).isFalse();
    robot.interact(() -> ui.window.openTalk().saveNow());
    ui.idle();
    assertThat(storedNotes("GC tuning")).isEqualTo("notes\n");
  }

  @Test
  void keysTypedAfterEnterWhileTheTalksAreReadGoToTheChosenTalkNotTheFilter(FxRobot robot)
      throws Exception {
    SampleMeetup.addTo(ui.notebook);
    ui.openNewTalk(robot, "GC tuning", "notes\n");
    robot.interact(() -> WindowUnderTest.editor(robot).requestFocus());
    java.util.concurrent.CountDownLatch busy = new java.util.concurrent.CountDownLatch(1);
    ui.executors
        .io()
        .submit(
            () -> {
              busy.await(); // the notebook thread is held up: the talks are not read yet
              return null;
            });
    try {
      shortcutThenType(false, "sqlite");
      robot.interact(
          () -> {
            key(ui.stage.getScene(), KeyCode.ENTER, "\r", false, false);
            type(ui.stage.getScene(), "xyz ");
          });
      waitUntil(() -> popupOpen(robot));
      assertThat(filterText(robot)).isEqualTo("sqlite");
    } finally {
      busy.countDown();
    }
    waitUntil(() -> ui.openTalk() != null && ui.openTalk().title().equals("SQLite everywhere"));
    FxWait.untilFx(
        "the keys in the chosen talk's notes",
        () -> WindowUnderTest.editorText(robot).startsWith("xyz "));
    robot.interact(() -> ui.window.openTalk().saveNow());
    ui.idle();
    assertThat(storedNotes("GC tuning")).isEqualTo("notes\n");
  }

  @Test
  void thePopupIsInTheWindowsColourFromItsFirstFrameInTheDarkTheme(FxRobot robot) throws Exception {
    robot.interact(() -> ui.theme.choiceProperty().set(Theme.Choice.DARK));
    FxWait.untilFx(
        "the dark theme",
        () -> ui.stage.getScene().getRoot().getStyleClass().contains(Theme.DARK_CLASS));
    javafx.scene.paint.Paint dark = FxWait.onFx(() -> ui.stage.getScene().getFill());
    shortcutThenType(true, "");
    waitUntil(() -> popupOpen(robot));
    Scene popup = FxWait.onFx(() -> robot.lookup("#picker-filter").query().getScene());
    assertThat(FxWait.onFx(popup::getFill)).isEqualTo(dark);
    assertThat(
            FxWait.onFx(
                () ->
                    robot
                        .lookup("#picker-filter")
                        .query()
                        .getParent()
                        .getStyleClass()
                        .contains(Theme.DARK_CLASS)))
        .isTrue();
  }
}
