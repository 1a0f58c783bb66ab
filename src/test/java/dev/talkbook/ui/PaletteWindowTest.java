package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.sample.SampleMeetup;
import dev.talkbook.ui.common.Theme;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The command palette and the quick switcher: light popups over the window. */
@ExtendWith(ApplicationExtension.class)
class PaletteWindowTest {
  @TempDir Path dir;

  private WindowUnderTest ui;

  @Start
  void start(Stage primary) {
    ui = new WindowUnderTest(primary, dir);
  }

  @AfterEach
  void tearDown(FxRobot robot) throws Exception {
    ui.close(robot);
  }

  /** Waits for {@code condition} (an exception from it means "not yet"), then for the FX events. */
  private static void waitUntil(Callable<Boolean> condition) {
    FxWait.until(condition);
  }

  private static boolean popupOpen(FxRobot robot) {
    return robot.lookup("#picker-filter").tryQuery().filter(Node::isVisible).isPresent();
  }

  private static List<String> shown(FxRobot robot, String cls) {
    return robot.lookup("#picker-list ." + cls).queryAllAs(Label.class).stream()
        .filter(Node::isVisible)
        .map(Label::getText)
        .toList();
  }

  private static ListView<?> list(FxRobot robot) {
    return robot.lookup("#picker-list").queryAs(ListView.class);
  }

  private void palette(FxRobot robot) throws Exception {
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P)
        .release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
    waitUntil(() -> popupOpen(robot));
    robot.clickOn("#picker-filter");
  }

  @Test
  void thePaletteIsALightPopupThatFindsTheThemeEntries(FxRobot robot) throws Exception {
    palette(robot);
    Window popup = robot.lookup("#picker-filter").query().getScene().getWindow();
    assertThat(popup).isNotSameAs(ui.stage);
    assertThat(((Stage) popup).getStyle()).isEqualTo(javafx.stage.StageStyle.UNDECORATED);
    assertThat(popup.getScene().getRoot().lookupAll(".button")).isEmpty(); // no OK, no Cancel

    robot.write("theme");
    waitUntil(() -> list(robot).getItems().size() == 3);
    assertThat(shown(robot, "tb-palette-label")).containsExactly("System", "Light", "Dark");
    assertThat(shown(robot, "tb-palette-note")).allMatch(n -> n.startsWith("View \u203a Theme"));
    robot.write(" dark");
    waitUntil(() -> list(robot).getItems().size() == 1);
    robot.type(KeyCode.ENTER);
    waitUntil(() -> ui.stage.getScene().getRoot().getStyleClass().contains(Theme.DARK_CLASS));
    assertThat(popupOpen(robot)).isFalse();
  }

  @Test
  void shortcutsAreShownBesideTheActionsAndEscLeaves(FxRobot robot) throws Exception {
    palette(robot);
    robot.write("zoom");
    waitUntil(() -> !list(robot).getItems().isEmpty());
    assertThat(shown(robot, "tb-palette-label").get(0)).isEqualTo("Zoom in");
    assertThat(shown(robot, "tb-palette-side")).contains("Ctrl+=", "Ctrl+-", "Ctrl+0");
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
    robot.clickOn("#picker-filter");
    robot.write("virtual threads");
    waitUntil(() -> list(robot).getItems().size() == 2);
    assertThat(shown(robot, "tb-palette-side"))
        .containsExactlyInAnyOrder(SampleMeetup.TITLE, "Devoxx Belgium");
    robot.write(" devoxx");
    waitUntil(() -> list(robot).getItems().size() == 1);
    robot.type(KeyCode.ENTER);
    waitUntil(() -> ui.openTalk() != null && ui.openTalk().id() == loom);
  }
}
