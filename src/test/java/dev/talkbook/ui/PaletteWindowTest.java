package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.sample.SampleMeetup;
import dev.talkbook.ui.common.Theme;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
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
    assertThat(((Stage) popup).getStyle()).isEqualTo(javafx.stage.StageStyle.UNDECORATED);
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
}
