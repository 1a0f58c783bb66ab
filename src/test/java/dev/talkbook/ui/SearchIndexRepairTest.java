package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.sample.SampleMeetup;
import dev.talkbook.core.store.SearchIndexDamage;
import java.util.concurrent.Callable;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** A damaged search index, met in the search panel: it says so and offers to rebuild it. */
class SearchIndexRepairTest extends RealWindowTest {

  /** Waits for {@code condition} (an exception from it means "not yet"), then for the FX events. */
  private static void waitUntil(Callable<Boolean> condition) {
    FxWait.until(condition);
  }

  private static boolean shows(FxRobot robot, String text) {
    return robot.lookup(".tb-muted").queryAllAs(Labeled.class).stream()
        .anyMatch(l -> l.isVisible() && l.getText() != null && l.getText().contains(text));
  }

  @Test
  void theSearchPanelExplainsADamagedIndexAndRebuildsIt(FxRobot robot) throws Exception {
    SampleMeetup.addTo(ui.notebook);
    ui.reloadTree(robot);
    SearchIndexDamage.damage(ui.notebook.file());

    FxWait.clickOn(robot, "#search-field");
    robot.write("sqlite");
    FxWait.untilFx("the search to say so", () -> shows(robot, "search index is damaged"));
    assertThat(FxWait.onFx(() -> shows(robot, "notes themselves are fine"))).isTrue();
    Button rebuild = robot.lookup("#search-rebuild-index").queryAs(Button.class);
    assertThat(FxWait.onFx(rebuild::isVisible)).isTrue();

    // Shown in the pulse that showed the message: clicked once it has been laid out.
    FxWait.clickOn(robot, rebuild);

    ListView<?> results = robot.lookup("#search-results").queryAs(ListView.class);
    FxWait.untilFx("the search to find talks again", () -> !results.getItems().isEmpty());
    assertThat(FxWait.onFx(rebuild::isVisible)).isFalse();
    assertThat(ui.notebook.health().isSound()).isTrue();
  }
}
