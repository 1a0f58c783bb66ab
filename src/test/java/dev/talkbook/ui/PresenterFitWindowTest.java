package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.repl.ReplSession;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;

/**
 * At the presenter's text size, from the smallest window to 1280×800: the menu bar's names stay
 * whole (they were cut to "F…", "E…"), and the REPL's definitions are either read whole beside the
 * transcript or give way to it (they were cut to a few letters).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PresenterFitWindowTest extends RealWindowTest {
  private static final String NOTES = "# Loom\n\n```java\nint answer = 6 * 7;\n```\n";

  private ReplSession repl;

  @BeforeEach
  void openTalkWithTheRepl(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Loom", NOTES);
    repl = ui.attachRepl(robot);
  }

  @SuppressWarnings("unchecked")
  private static ListView<Object> definitions(FxRobot robot) {
    return robot.lookup(".tb-repl-definitions").queryAs(ListView.class);
  }

  /** Whether {@code node} is in its window now, whole in sight. */
  private static boolean shown(Node node) {
    if (node.getScene() == null) {
      return false;
    }
    for (Node n = node; n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
      if (n.getParent() == null) {
        // In the window, and inside it: not past its right edge.
        return n == node.getScene().getRoot()
            && node.localToScene(node.getLayoutBounds()).getMaxX()
                <= node.getScene().getWidth() + 0.5;
      }
    }
    return false;
  }

  /** Whether every menu's name lies inside the bar, none pushed out past the window's edge. */
  private static boolean everyMenuInside(MenuBar bar) {
    double right = bar.getWidth();
    for (Node button : bar.lookupAll(".menu-button")) {
      javafx.geometry.Bounds b = bar.sceneToLocal(button.localToScene(button.getLayoutBounds()));
      if (b.getMinX() < -0.5 || b.getMaxX() > right + 0.5 || b.getWidth() < 1) {
        return false;
      }
    }
    return true;
  }

  /** ux18 (s19c.png): the "✓" before "Saved" stayed at the normal size beside presenter text. */
  @Test
  void theSaveStatesIconGrowsWithItsTextInPresenterMode(FxRobot robot) throws Exception {
    ui.fire(robot, "Presenter mode");
    javafx.scene.control.Label state =
        robot.lookup("#save-state").queryAs(javafx.scene.control.Label.class);
    FxWait.untilFx(
        "the save state's icon as large as its text",
        () ->
            state.getFont().getSize() >= 20
                && state.getGraphic() instanceof org.kordamp.ikonli.javafx.FontIcon icon
                && icon.getIconSize() >= state.getFont().getSize());
  }

  @Test
  void theMenuBarAndTheDefinitionsStayWholeFromTheSmallestWindowUp(FxRobot robot) throws Exception {
    ui.fire(robot, "Presenter mode");
    CodeArea notes = FxWait.onFx(() -> WindowUnderTest.editor(robot));
    FxWait.untilFx("the notes at the presenter size", () -> notes.getStyle().contains("24"));
    repl.evaluate("String greeting = \"Hello from the presenter\";").get(60, TimeUnit.SECONDS);
    ListView<Object> list = FxWait.onFx(() -> definitions(robot));
    FxWait.untilFx("the definition listed", () -> !list.getItems().isEmpty());
    for (double[] size : new double[][] {{0, 0}, {1280, 800}, {0, 0}}) {
      ui.resize(robot, size[0], size[1]);
      String at = size[0] + "x" + size[1];
      FxWait.untilFx(
          "the menu bar whole at " + at,
          () -> {
            MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
            return WindowUnderTest.cutShort(bar).isEmpty() && everyMenuInside(bar);
          });
      // Given way (out of the pane), or beside the transcript whole: never cut at the window's
      // edge.
      boolean inPane = FxWait.onFx(() -> list.getScene() != null);
      if (size[0] > 0) {
        assertThat(inPane).as("the definitions beside the transcript at " + at).isTrue();
      }
      if (inPane) {
        FxWait.untilFx(
            "the definitions whole and in sight at " + at,
            () ->
                shown(list)
                    && WindowUnderTest.cutShort(list).isEmpty()
                    && list.getWidth() >= list.getMinWidth());
        List<String> cells =
            FxWait.onFx(
                () ->
                    list.lookupAll(".list-cell").stream()
                        .map(n -> ((javafx.scene.control.ListCell<?>) n).getText())
                        .filter(t -> t != null)
                        .toList());
        assertThat(cells).contains("String greeting = \"Hello from the presenter\"");
      }
    }
    ui.fire(robot, "Presenter mode");
    FxWait.untilFx("the notes at their size", () -> !notes.getStyle().contains("24"));
    ui.fire(robot, "Show or hide the REPL");
    ui.idle();
    FxWait.untilFx("the definitions back after leaving", () -> shown(list));
  }
}
