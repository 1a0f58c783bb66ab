package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Predicate;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Background;
import javafx.scene.layout.Border;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The keyboard focus is seen: a ring on what Tab reached, none on what a click focused. */
class FocusRingWindowTest extends RealWindowTest {

  private static final PseudoClass FOCUS_VISIBLE = PseudoClass.getPseudoClass("focus-visible");

  /** Presses Tab until the focus owner passes {@code test} (at most 30 times), and returns it. */
  private Node tabUntil(FxRobot robot, String what, Predicate<Node> test) throws Exception {
    for (int i = 0; i < 30; i++) {
      robot.type(KeyCode.TAB);
      Node owner = FxWait.onFx(() -> ui.stage.getScene().getFocusOwner());
      if (owner != null && test.test(owner)) {
        return owner;
      }
    }
    throw new AssertionError("Tab never reached " + what);
  }

  /** Whether {@code region}'s border is drawn, in a colour one sees (read on the FX thread). */
  private static boolean ringed(Region region) throws Exception {
    return FxWait.onFx(
        () -> {
          Border border = region.getBorder();
          return border != null
              && border.getStrokes().stream()
                  .anyMatch(
                      s ->
                          s.getWidths().getTop() >= 2
                              && s.getTopStroke() instanceof Color c
                              && c.getOpacity() > 0.5);
        });
  }

  @Test
  void aFlatToolButtonReachedByTabShowsARingAndAClickedOneNone(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Keynote", "Notes");
    robot.clickOn("#search-field");
    Button tool =
        (Button)
            tabUntil(
                robot,
                "a navigator tool",
                n -> n instanceof Button b && "new-event".equals(b.getId()));
    Button other = robot.lookup("#new-talk").queryAs(Button.class);

    assertThat(FxWait.onFx(() -> tool.getPseudoClassStates().contains(FOCUS_VISIBLE))).isTrue();
    assertThat(ringed(tool)).isTrue();
    assertThat(ringed(other)).isFalse();
    assertThat(FxWait.onFx(tool::getInsets)).isEqualTo(FxWait.onFx(other::getInsets));

    robot.interact(other::requestFocus); // what a click does: the focus, and no ring
    FxWait.untilFx("the click's focus", other::isFocused);
    assertThat(ringed(other)).isFalse();
    assertThat(ringed(tool)).isFalse();
  }

  /**
   * The notes' caret is seen in the dark theme: a tester found a 1-px mid-blue line on near-black.
   * It is 2 px wide in both themes; against the notes, the light theme's blue is at 4.5:1 or
   * better, the dark theme's caret (as light as the words) at 7:1 or better.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void theNotesCaretIsTwoPixelsWideAndStandsOutInBothThemes(boolean dark, FxRobot robot)
      throws Exception {
    robot.interact(
        () ->
            ui.theme
                .choiceProperty()
                .set(
                    dark
                        ? dev.talkbook.ui.common.Theme.Choice.DARK
                        : dev.talkbook.ui.common.Theme.Choice.LIGHT));
    ui.openNewTalk(robot, "Keynote", "Notes");
    var editor = WindowUnderTest.editor(robot);
    robot.interact(editor::requestFocus);
    FxWait.untilFx("the notes focused", editor::isFocused);
    javafx.scene.shape.Path caret =
        (javafx.scene.shape.Path) FxWait.shown(robot, ".tb-editor .caret", n -> true);
    double width = FxWait.onFx(caret::getStrokeWidth);
    double contrast =
        FxWait.onFx(
            () -> {
              var fills = editor.getBackground().getFills();
              return dev.talkbook.ui.presenter.PresenterContrastTest.contrast(
                  (Color) caret.getStroke(), (Color) fills.get(fills.size() - 1).getFill());
            });
    assertThat(width).as("the caret's width").isGreaterThanOrEqualTo(2);
    assertThat(contrast).as("the caret against the notes").isGreaterThanOrEqualTo(dark ? 7 : 4.5);
  }

  /**
   * The welcome's main button, which has the keyboard from the start, shows it: it had no ring
   * until a Tab, and then a ring of the accent blue on the blue of a default button, hardly seen.
   * What touches the button stands out from it at 3:1 or better (or is a gap of the pane's colour),
   * and the outer ring from the pane around, in both themes, at start and after Tab, Shift+Tab.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void theWelcomesFocusedDefaultButtonShowsAClearRing(boolean dark, FxRobot robot)
      throws Exception {
    robot.interact(
        () ->
            ui.theme
                .choiceProperty()
                .set(
                    dark
                        ? dev.talkbook.ui.common.Theme.Choice.DARK
                        : dev.talkbook.ui.common.Theme.Choice.LIGHT));
    Button sample = (Button) FxWait.shown(robot, "#add-sample");
    FxWait.untilFx("the welcome's button has the keyboard", sample::isFocused);
    assertClearRing(sample, "at start");

    robot.type(KeyCode.TAB);
    robot.press(KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT);
    FxWait.untilFx(
        "back on the button by the keyboard",
        () -> sample.isFocused() && sample.getPseudoClassStates().contains(FOCUS_VISIBLE));
    assertClearRing(sample, "after Tab, Shift+Tab");
  }

  private static void assertClearRing(Button button, String when) throws Exception {
    FxWait.untilFx("a ring " + when, () -> ringed(button));
    double[] contrasts =
        FxWait.onFx(
            () -> {
              var strokes = new java.util.ArrayList<>(button.getBorder().getStrokes());
              // nearest the button: the least outset; outermost: the most
              strokes.sort(
                  java.util.Comparator.comparingDouble(
                      (javafx.scene.layout.BorderStroke st) -> st.getInsets().getTop()));
              Color outer = (Color) strokes.get(0).getTopStroke();
              Color inner = (Color) strokes.get(strokes.size() - 1).getTopStroke();
              var fills = button.getBackground().getFills();
              Color face = (Color) fills.get(fills.size() - 1).getFill();
              Color pane = paneBehind(button);
              return new double[] {
                // a gap of the pane's colour sets the ring apart from the button whatever its fill
                inner.equals(pane)
                    ? Double.POSITIVE_INFINITY
                    : dev.talkbook.ui.presenter.PresenterContrastTest.contrast(inner, face),
                dev.talkbook.ui.presenter.PresenterContrastTest.contrast(outer, pane)
              };
            });
    assertThat(contrasts[0]).as("the ring against the button, " + when).isGreaterThanOrEqualTo(3);
    assertThat(contrasts[1]).as("the ring against the pane, " + when).isGreaterThanOrEqualTo(3);
  }

  /** The colour of the first pane behind {@code node} that has one. */
  private static Color paneBehind(Node node) {
    for (javafx.scene.Parent p = node.getParent(); p != null; p = p.getParent()) {
      if (p instanceof Region r
          && r.getBackground() != null
          && !r.getBackground().getFills().isEmpty()
          && r.getBackground().getFills().get(0).getFill() instanceof Color c
          && c.getOpacity() > 0.5) {
        return c;
      }
    }
    return (Color) node.getScene().getFill();
  }

  @Test
  void theNavigatorReachedByTabRingsItsFocusedRow(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Keynote", "Notes");
    ui.reloadTree(robot);
    robot.clickOn("#search-field");
    TreeView<?> tree =
        (TreeView<?>) tabUntil(robot, "the navigator", n -> "navigator".equals(n.getId()));
    robot.interact(() -> tree.getFocusModel().focus(tree.getSelectionModel().getSelectedIndex()));
    FxWait.untilFx(
        "the focused row drawn",
        () -> robot.lookup("#navigator .tree-cell").queryAll().stream().anyMatch(Node::isFocused));

    TreeCell<?> focused = null;
    TreeCell<?> plain = null;
    for (Node n : robot.lookup("#navigator .tree-cell").queryAll()) {
      TreeCell<?> cell = (TreeCell<?>) n;
      if (cell.isFocused()) {
        focused = cell;
      } else if (cell.getItem() != null && plain == null) {
        plain = cell;
      }
    }
    assertThat(focused).isNotNull();
    assertThat(plain).isNotNull();
    TreeCell<?> f = focused;
    TreeCell<?> p = plain;
    Background ring = FxWait.onFx(f::getBackground);
    Background none = FxWait.onFx(p::getBackground);
    assertThat(ring.getFills()).hasSize(2);
    assertThat(ring.getFills().get(1).getInsets().getTop()).isEqualTo(2);
    assertThat(ring.getFills().get(0).getFill()).isNotEqualTo(none.getFills().get(0).getFill());
  }

  @Test
  void aNavigatorWithNothingSelectedShowsTheKeyboardOnItsFirstRow(FxRobot robot) throws Exception {
    dev.talkbook.core.sample.SampleMeetup.addTo(ui.notebook);
    ui.reloadTree(robot);
    TreeView<?> tree = WindowUnderTest.navigator(robot);
    robot.interact(
        () -> {
          tree.getSelectionModel().clearSelection();
          tree.getFocusModel().focus(-1);
        });
    robot.clickOn("#search-field");
    tabUntil(robot, "the navigator", n -> "navigator".equals(n.getId()));
    FxWait.untilFx(
        "a row with the keyboard's focus",
        () -> robot.lookup("#navigator .tree-cell").queryAll().stream().anyMatch(Node::isFocused));
    assertThat(FxWait.onFx(() -> tree.getFocusModel().getFocusedIndex())).isZero();
    assertThat(FxWait.onFx(() -> tree.getSelectionModel().isEmpty()))
        .as("focused, not selected: no talk opens by itself")
        .isTrue();
  }
}
