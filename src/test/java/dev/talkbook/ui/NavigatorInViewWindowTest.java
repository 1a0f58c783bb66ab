package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.ui.navigator.NavNode;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TreeView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The navigator's selected row in a long notebook: in view at start and after a reload. */
class NavigatorInViewWindowTest extends RealWindowTest {
  private final List<Talk> talks = new ArrayList<>();

  @BeforeEach
  void twoHundredTalks(FxRobot robot) {
    Event event = ui.notebook.events().create(Event.Details.titled("Big conference"));
    for (int i = 1; i <= 200; i++) {
      talks.add(
          ui.notebook.talks().create(event.id(), Talk.Details.titled("Talk " + i), "notes " + i));
    }
    ui.reloadTree(robot);
  }

  /** Opens talk {@code n} (1-based) from the notebook, as a search hit does. */
  private void open(FxRobot robot, int n) {
    long id = talks.get(n - 1).id();
    robot.interact(() -> ui.window.open(id, List.of()));
    FxWait.untilFx("talk " + n + " open", () -> ui.openTalk() != null && ui.openTalk().id() == id);
    ui.idle();
  }

  /**
   * The tree's rows: the selected one, the first in view, and whether the selected is wholly in
   * view.
   */
  private static Object[] rows(FxRobot robot) throws Exception {
    TreeView<NavNode> tree = WindowUnderTest.navigator(robot);
    WaitForAsyncUtils.waitForFxEvents();
    return FxWait.onFx(
        () -> {
          VirtualFlow<?> flow = (VirtualFlow<?>) tree.lookup(".virtual-flow");
          int selected = tree.getSelectionModel().getSelectedIndex();
          Node viewport = flow.lookup(".clipped-container");
          Bounds shown = viewport.localToScene(viewport.getLayoutBounds());
          var cell = flow.getVisibleCell(selected);
          boolean whole = false;
          if (cell != null && cell.isVisible()) {
            Bounds at = cell.localToScene(cell.getLayoutBounds());
            whole = at.getMinY() >= shown.getMinY() - 0.5 && at.getMaxY() <= shown.getMaxY() + 0.5;
          }
          return new Object[] {
            tree.getSelectionModel().getSelectedItem().getValue().label(),
            flow.getFirstVisibleCell().getIndex(),
            whole
          };
        });
  }

  @Test
  void theLastTalkNearTheBottomIsInViewAfterARestart(FxRobot robot) throws Exception {
    open(robot, 185);
    robot.interact(() -> ui.window.close());
    robot.interact(() -> ui.showAsTheAppStarts());
    FxWait.untilFx("the last talk open again", () -> ui.openTalk() != null);
    ui.idle();
    // The outline joins the column under the tree once the notes show: the tree gets shorter.
    FxWait.untilFx(
        "the outline under the tree",
        () ->
            robot.lookup(".tb-left .split-pane").queryAllAs(SplitPane.class).stream()
                .anyMatch(p -> p.getItems().size() == 2));
    Object[] rows = rows(robot);
    assertThat(rows[0]).isEqualTo("Talk 185");
    assertThat(rows[2])
        .as("the selected row wholly in view (first row in view: %s)", rows[1])
        .isEqualTo(true);
  }

  @Test
  void aTalkNearTheEndIsShownAfterARestartWithTheFirstRowInViewWhole(FxRobot robot)
      throws Exception {
    open(robot, 199); // the last row but one: the tree scrolled as far as it goes
    robot.interact(() -> ui.window.close());
    robot.interact(() -> ui.showAsTheAppStarts());
    FxWait.untilFx("the last talk open again", () -> ui.openTalk() != null);
    ui.idle();
    FxWait.untilFx(
        "the outline under the tree",
        () ->
            robot.lookup(".tb-left .split-pane").queryAllAs(SplitPane.class).stream()
                .anyMatch(p -> p.getItems().size() == 2));
    Object[] rows = rows(robot);
    assertThat(rows[0]).isEqualTo("Talk 199");
    assertThat(rows[2]).as("the selected row wholly in view").isEqualTo(true);
    TreeView<NavNode> tree = WindowUnderTest.navigator(robot);
    double cut =
        FxWait.onFx(
            () -> {
              VirtualFlow<?> flow = (VirtualFlow<?>) tree.lookup(".virtual-flow");
              Node viewport = flow.lookup(".clipped-container");
              double top = viewport.localToScene(viewport.getLayoutBounds()).getMinY();
              // the first row shown: the flow's first cell may lie wholly above the viewport
              for (int i = flow.getFirstVisibleCell().getIndex(); ; i++) {
                Bounds at =
                    flow.getVisibleCell(i).localToScene(flow.getVisibleCell(i).getLayoutBounds());
                if (at.getMaxY() > top + 0.5) {
                  return Math.max(0, top - at.getMinY());
                }
              }
            });
    assertThat(cut).as("pixels of the first row in view hidden above the tree").isLessThan(0.5);
  }

  @Test
  void aReloadLeavesASelectedRowInViewWhereItIsAndBringsOneOutOfViewBack(FxRobot robot)
      throws Exception {
    open(robot, 30);
    TreeView<NavNode> tree = WindowUnderTest.navigator(robot);
    // The user scrolls so that the selected row is low in the tree, still in view.
    robot.interact(() -> tree.scrollTo(26));
    Object[] before = rows(robot);
    assertThat(before[2]).as("talk 30 in view after the user's scroll").isEqualTo(true);

    ui.reload(robot); // the notebook read again (as after an import): the selection kept
    ui.idle();
    Object[] after = rows(robot);
    assertThat(after[0]).isEqualTo("Talk 30");
    assertThat(after[1]).as("the first row in view: no jump").isEqualTo(before[1]);
    assertThat(after[2]).isEqualTo(true);

    // Scrolled away from it, a reload brings it back into view.
    robot.interact(() -> tree.scrollTo(150));
    assertThat(rows(robot)[2]).isEqualTo(false);
    ui.reload(robot);
    ui.idle();
    assertThat(rows(robot)[2]).as("talk 30 back in view").isEqualTo(true);
  }

  @Test
  void foldingTheSelectedEventFromAFarTalkKeepsItsRowInView(FxRobot robot) throws Exception {
    // Events below the big one: with its 200 rows folded, the tree still scrolls.
    for (int i = 1; i <= 40; i++) {
      Event later = ui.notebook.events().create(Event.Details.titled("Later event " + i));
      for (int j = 1; j <= 5; j++) {
        ui.notebook.talks().create(later.id(), Talk.Details.titled("Later " + i + "." + j), "");
      }
    }
    ui.reloadTree(robot);
    open(robot, 185);
    TreeView<NavNode> tree = WindowUnderTest.navigator(robot);
    robot.interact(tree::requestFocus);
    robot.type(KeyCode.LEFT); // to the talk's event
    Object[] between = rows(robot);
    robot.type(KeyCode.LEFT); // folds it
    FxWait.untilFx("the event folded", () -> !tree.getRoot().getChildren().get(0).isExpanded());
    ui.idle();
    Object[] rows = rows(robot);
    assertThat(rows[0]).isEqualTo("Big conference");
    assertThat(rows[2])
        .as(
            "the folded event's row wholly in view (first row in view: %s; before folding: %s %s)",
            rows[1], between[1], between[2])
        .isEqualTo(true);
  }

  @Test
  void theTalksRowsStayWhereTheFirstFrameHadThem(FxRobot robot) throws Exception {
    // The talks' titles were drawn 3 px further left until their next layout (a second after the
    // start, as the outline took room): laid out before the tree had measured an event's arrow.
    robot.interact(
        () -> {
          ui.window.close();
          ui.stage.hide(); // shown again as at start: laid out once as it shows, its tree empty
        });
    robot.interact(() -> ui.showAsTheAppStarts());
    ui.idle();
    TreeView<NavNode> tree = WindowUnderTest.navigator(robot);
    FxWait.untilFx("the talks listed", () -> tree.getExpandedItemCount() > 100);
    WaitForAsyncUtils.waitForFxEvents();
    double first = FxWait.onFx(() -> titleX(tree, 3));
    robot.interact(
        () -> tree.lookupAll(".tree-cell").forEach(n -> ((javafx.scene.Parent) n).requestLayout()));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(FxWait.onFx(() -> titleX(tree, 3))).as("after a layout").isEqualTo(first);
    assertThat(FxWait.onFx(() -> titleX(tree, 0)))
        .as("an event's title, a level to the left")
        .isLessThan(first);
  }

  /** Where row {@code row}'s title starts, in the scene. */
  private static double titleX(TreeView<NavNode> tree, int row) {
    VirtualFlow<?> flow = (VirtualFlow<?>) tree.lookup(".virtual-flow");
    Node title = flow.getVisibleCell(row).lookup(".tb-row-title");
    return title.localToScene(0, 0).getX();
  }
}
