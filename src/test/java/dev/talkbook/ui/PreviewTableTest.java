package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A table wider than the preview scrolls on its own, as on the exported site: the page does not
 * scroll sideways, the table's last column is not drawn under the page's scroll bar, and the
 * table's own scroll bar does not cover its last row.
 */
@ExtendWith(ApplicationExtension.class)
class PreviewTableTest {
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

  private Object script(FxRobot robot, String js) {
    Object[] out = new Object[1];
    robot.interact(() -> out[0] = WindowUnderTest.preview(robot).getEngine().executeScript(js));
    return out[0];
  }

  private int number(FxRobot robot, String js) {
    return ((Number) script(robot, js)).intValue();
  }

  @Test
  void aWideTableScrollsOnItsOwnAndThePageDoesNot(FxRobot robot) {
    String wide = "Unbreakable" + "x".repeat(300);
    String notes =
        "# Modes\n\nBefore the table.\n\n| mode | what it keeps |\n|---|---|\n| WAL | "
            + wide
            + " |\n| DELETE | a journal |\n\nAfter the table.\n";
    Event event = ui.notebook.events().create(Event.Details.titled("Meetup"));
    Talk talk = ui.notebook.talks().create(event.id(), Talk.Details.titled("Tables"), notes);
    robot.interact(() -> ui.window.open(talk.id(), null));
    FxWait.until(() -> WindowUnderTest.previewShows(robot));
    FxWait.until(
        () -> Boolean.TRUE.equals(script(robot, "document.querySelector('table td') != null")));

    String page = "document.documentElement";
    String table = "document.querySelector('table')";
    assertThat(number(robot, page + ".scrollWidth"))
        .as("the page's width with the table in it")
        .isLessThanOrEqualTo(number(robot, page + ".clientWidth"));
    assertThat(number(robot, table + ".scrollWidth"))
        .as("the table's content is wider than its box, which scrolls")
        .isGreaterThan(number(robot, table + ".clientWidth"));
    assertThat(script(robot, "getComputedStyle(" + table + ").overflowX")).isEqualTo("auto");
    // Its scroll bar has room of its own below the rows (WebView's own bar was drawn over them).
    assertThat(number(robot, table + ".offsetHeight") - number(robot, table + ".clientHeight"))
        .isGreaterThanOrEqualTo(8);
    // The rest of the notes stays in the page's width.
    assertThat(number(robot, "document.querySelector('table + p').getBoundingClientRect().right"))
        .isLessThanOrEqualTo(number(robot, page + ".clientWidth"));
  }
}
