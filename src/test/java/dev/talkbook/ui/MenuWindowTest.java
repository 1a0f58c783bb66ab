package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The menus show their keys as shortcuts, in the platform's words, never inside the labels. */
class MenuWindowTest extends RealWindowTest {
  /** "(Ctrl+…)", "(Tab)", "(Shift+Tab)", "(Del)" and the like inside a label. */
  private static final Pattern KEY_IN_LABEL =
      Pattern.compile("\\((Ctrl|Shift|Alt|Meta|Cmd|Tab|Del|Esc|Enter|F\\d)");

  /**
   * Adds the Java menu: a REPL attached to the window, started for real (and given time to start,
   * so that closing it does not cut its start short).
   */
  private void withJavaMenu(FxRobot robot) throws Exception {
    ui.attachRepl(robot);
  }

  /** Waits for {@code condition} (an exception from it means "not yet"), then for the FX events. */
  private static void waitUntil(Callable<Boolean> condition) {
    FxWait.until(condition);
  }

  private Map<String, MenuItem> items() {
    return ui.window.actions().stream()
        .collect(
            Collectors.toMap(
                dev.talkbook.ui.palette.MenuActions::label, Function.identity(), (a, b) -> a));
  }

  private String shortcut(String label) {
    MenuItem item = items().get(label);
    assertThat(item).as(label).isNotNull();
    assertThat(item.getAccelerator()).as(label).isNotNull();
    return item.getAccelerator().getDisplayText();
  }

  @Test
  void noLabelCarriesAKeyAndTheKeysAreShownAsShortcuts(FxRobot robot) throws Exception {
    withJavaMenu(robot);
    List<MenuItem> all = ui.window.actions();
    assertThat(all).hasSizeGreaterThan(20);
    for (MenuItem item : all) {
      assertThat(item.getText()).doesNotContainPattern(KEY_IN_LABEL);
      if (item.getAccelerator() != null) {
        assertThat(item.getAccelerator().getDisplayText()).doesNotContain("Digit", "Period");
      }
    }
    // Keys the focused view handles itself are shown as shortcuts too.
    assertThat(shortcut("Actual size")).isEqualTo("Ctrl+0");
    assertThat(shortcut("Indent item")).isEqualTo("Tab");
    assertThat(shortcut("Outdent item")).isEqualTo("Shift+Tab");
    assertThat(shortcut("Delete…")).isEqualTo("Delete");
    // JavaFX writes Enter as its symbol, as in "Toggle task  Ctrl+↵".
    assertThat(shortcut("Run the code block at the caret")).isEqualTo("Ctrl+Shift+\u21b5");
  }

  /** The window's menus, as its menu bar holds them. */
  private List<javafx.scene.control.Menu> menus() throws Exception {
    return FxWait.onFx(
        () ->
            List.copyOf(
                ((javafx.scene.control.MenuBar) ui.stage.getScene().getRoot().lookup(".menu-bar"))
                    .getMenus()));
  }

  /** {@code items}' underlined letters: each item has one, none twice (the sub-menus' too). */
  private static void oneLetterEach(String where, List<? extends MenuItem> items) {
    List<Character> letters = new java.util.ArrayList<>();
    for (MenuItem item : items) {
      if (item instanceof javafx.scene.control.SeparatorMenuItem || !item.isMnemonicParsing()) {
        continue;
      }
      char letter = MenuMnemonics.marked(item);
      assertThat(letter).as(where + " › " + item.getText()).isNotEqualTo((char) 0);
      letters.add(letter);
      if (item instanceof javafx.scene.control.Menu sub) {
        oneLetterEach(where + " › " + sub.getText(), sub.getItems());
      }
    }
    assertThat(letters).as(where).doesNotHaveDuplicates();
  }

  @Test
  void everyMenuAndItemHasAnUnderlinedLetterOfItsOwnAndThePaletteShowsNoMark(FxRobot robot)
      throws Exception {
    withJavaMenu(robot);
    List<javafx.scene.control.Menu> menus = menus();
    FxWait.onFx(
        () -> {
          oneLetterEach("the menu bar", menus);
          // The usual letters: Alt+F opens File, Q in it quits, T cuts, A selects all.
          assertThat(menus.stream().map(m -> MenuMnemonics.marked(m)).toList())
              .startsWith('f', 'e', 'o', 'v', 'g', 's', 'j', 'h');
          assertThat(ui.action("Quit").getText()).isEqualTo("_Quit");
          assertThat(ui.action("Cut").getText()).isEqualTo("Cu_t");
          assertThat(ui.action("Select all").getText()).isEqualTo("Select _all");
          // The palette lists items by what they show, without the mark.
          assertThat(dev.talkbook.ui.palette.MenuActions.entries(menus))
              .extracting(e -> e.label())
              .contains("Quit", "Cut", "Select all", "Line numbers")
              .noneMatch(t -> t.contains("_"));
          return null;
        });
    // The accelerators are the same.
    assertThat(shortcut("Quit")).isEqualTo("Ctrl+Q");
    assertThat(shortcut("Select all")).isEqualTo("Ctrl+A");
  }

  @Test
  void altAndALetterOpenAMenuAndALetterPicksAnItem(FxRobot robot) throws Exception {
    MenuItem lineNumbers = items().get("Line numbers");
    javafx.scene.control.Menu view =
        menus().stream().filter(m -> m.getText().equals("_View")).findFirst().orElseThrow();
    boolean before =
        FxWait.onFx(() -> ((javafx.scene.control.CheckMenuItem) lineNumbers).isSelected());
    robot.press(KeyCode.ALT).press(KeyCode.V).release(KeyCode.V).release(KeyCode.ALT);
    FxWait.untilFx("Alt+V to open the View menu", view::isShowing);
    assertThat(FxWait.onFx(() -> MenuMnemonics.marked(lineNumbers))).isEqualTo('l');
    robot.type(KeyCode.L);
    FxWait.untilFx(
        "L to turn the line numbers " + (before ? "off" : "on"),
        () -> ((javafx.scene.control.CheckMenuItem) lineNumbers).isSelected() != before);
    FxWait.untilFx("the menu closed", () -> !view.isShowing());
    // A letter opens a sub-menu too, and one of its own picks in it: View › Theme › Dark.
    MenuItem dark = items().get("Dark");
    robot.press(KeyCode.ALT).press(KeyCode.V).release(KeyCode.V).release(KeyCode.ALT);
    FxWait.untilFx("the View menu open again", view::isShowing);
    robot.type(KeyCode.T);
    javafx.scene.control.Menu theme = dark.getParentMenu();
    FxWait.untilFx("T to open the Theme menu", theme::isShowing);
    robot.type(KeyCode.D);
    FxWait.untilFx(
        "D to choose the dark theme",
        () -> ((javafx.scene.control.RadioMenuItem) dark).isSelected() && !view.isShowing());
  }

  /**
   * Alt let go before the letter (a quick Alt+F, as xdotool and many hands type it): the menu that
   * opened stays open. JavaFX's menu bar took that Alt for "Alt alone" and closed the menu.
   */
  @Test
  void altLetGoBeforeTheLetterLeavesTheMenuOpen(FxRobot robot) throws Exception {
    List<javafx.scene.control.Menu> menus = menus();
    javafx.scene.control.Menu file = menus.get(0);
    javafx.scene.control.Menu edit = menus.get(1);
    robot.press(KeyCode.ALT).press(KeyCode.F).release(KeyCode.ALT).release(KeyCode.F);
    // (the old code opened it, then closed it again as Alt was let go)
    FxWait.untilFx(
        "the File menu open after Alt+F, Alt let go first", Duration.ofSeconds(5), file::isShowing);
    robot.type(KeyCode.ESCAPE);
    FxWait.untilFx("Esc to close it", () -> !file.isShowing());
    robot.press(KeyCode.ALT).press(KeyCode.E).release(KeyCode.ALT).release(KeyCode.E);
    FxWait.untilFx(
        "the Edit menu open after Alt+E, Alt let go first", Duration.ofSeconds(5), edit::isShowing);
    assertThat(FxWait.onFx(file::isShowing)).isFalse();
    robot.type(KeyCode.ESCAPE);
    // Alt alone still puts the keyboard on the menu bar, no menu open.
    robot.press(KeyCode.ALT).release(KeyCode.ALT);
    FxWait.onFx(() -> null);
    assertThat(FxWait.onFx(() -> menus.stream().noneMatch(m -> m.isShowing()))).isTrue();
  }

  @Test
  void ctrlZeroOnTheMenuResetsTheZoom(FxRobot robot) throws Exception {
    KeyEvent ctrlZero =
        new KeyEvent(KeyEvent.KEY_PRESSED, "0", "0", KeyCode.DIGIT0, false, true, false, false);
    assertThat(items().get("Actual size").getAccelerator().match(ctrlZero)).isTrue();
    robot.interact(() -> items().get("Zoom in").fire());
    robot.interact(() -> items().get("Zoom in").fire());
    assertThat(WindowUnderTest.fontSize(robot)).isEqualTo(16);
    robot.interact(() -> items().get("Actual size").fire());
    assertThat(WindowUnderTest.fontSize(robot)).isEqualTo(14);
  }

  @Test
  void tabShownOnTheMenuStillMovesBetweenFields(FxRobot robot) throws Exception {
    Event event = ui.notebook.events().create(Event.Details.titled("Meetup"));
    Talk talk = ui.notebook.talks().create(event.id(), Talk.Details.titled("Loom"), "- item");
    ui.reloadTree(robot);
    robot.interact(() -> ui.window.open(talk.id(), List.of()));
    waitUntil(() -> WindowUnderTest.editor(robot).getText().equals("- item"));
    FxWait.clickOn(robot, "#detail-speakers");
    // Tab from the field that has the keyboard (else "not focused" below would prove nothing).
    FxWait.untilFx(
        "the speakers field to have the keyboard",
        () -> robot.lookup("#detail-speakers").query().isFocused());
    robot.type(KeyCode.TAB);
    FxWait.untilFx(
        "Tab to move the keyboard on", () -> !robot.lookup("#detail-speakers").query().isFocused());
    assertThat(FxWait.onFx(() -> WindowUnderTest.editor(robot).getText())).isEqualTo("- item");
  }
}
