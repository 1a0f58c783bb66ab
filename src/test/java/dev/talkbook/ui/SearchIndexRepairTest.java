package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.sample.SampleMeetup;
import dev.talkbook.core.store.SearchIndexDamage;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A damaged search index, met in the search panel: it says so and offers to rebuild it. */
@ExtendWith(ApplicationExtension.class)
class SearchIndexRepairTest {
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

  private static boolean shows(FxRobot robot, String text) {
    return robot.lookup(".tb-muted").queryAllAs(Labeled.class).stream()
        .anyMatch(l -> l.isVisible() && l.getText() != null && l.getText().contains(text));
  }

  @Test
  void theSearchPanelExplainsADamagedIndexAndRebuildsIt(FxRobot robot) throws Exception {
    SampleMeetup.addTo(ui.notebook);
    ui.reloadTree(robot);
    SearchIndexDamage.damage(ui.notebook.file());

    robot.clickOn("#search-field");
    robot.write("sqlite");
    waitUntil(() -> shows(robot, "search index is damaged"));
    assertThat(shows(robot, "notes themselves are fine")).isTrue();
    Button rebuild = robot.lookup("#search-rebuild-index").queryAs(Button.class);
    assertThat(rebuild.isVisible()).isTrue();

    robot.clickOn(rebuild);

    ListView<?> results = robot.lookup("#search-results").queryAs(ListView.class);
    waitUntil(() -> !results.getItems().isEmpty());
    assertThat(rebuild.isVisible()).isFalse();
    assertThat(ui.notebook.health().isSound()).isTrue();
  }
}
