package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.sample.SampleMeetup;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.text.Text;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window's layout: its first size, the details folded to a line, fields that fit. */
@ExtendWith(ApplicationExtension.class)
class LayoutWindowTest {
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

  private static void waitUntil(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @ParameterizedTest(name = "a {0}×{1} screen: {2}×{3}")
  @CsvSource({
    "1600, 1000, 1376, 880",
    "1920, 1080, 1651, 950",
    "2560, 1440, 1680, 1080",
    "1280, 800, 1100, 704",
    "1024, 700, 960, 640",
    "800, 600, 800, 600"
  })
  void aFirstWindowTakesMostOfTheScreen(double sw, double sh, double w, double h) {
    Dimension2D size = MainWindow.startSize(new Rectangle2D(0, 0, sw, sh));
    assertThat(size.getWidth()).isEqualTo(w);
    assertThat(size.getHeight()).isEqualTo(h);
  }

  @Test
  void aFirstWindowOpensAtTheSizeForItsScreen(FxRobot robot) {
    Dimension2D size = MainWindow.startSize(Screen.getPrimary().getVisualBounds());
    assertThat(ui.stage.getScene().getWidth()).isEqualTo(size.getWidth());
    assertThat(ui.stage.getScene().getHeight()).isEqualTo(size.getHeight());
  }

  private void openSample(FxRobot robot, String title) throws Exception {
    SampleMeetup.addTo(ui.notebook);
    long id = ui.notebook.talks().findByTitle(title).get(0).id();
    robot.interact(() -> ui.window.navigator.reload(id));
    robot.interact(() -> ui.window.openTalk(id, null));
    waitUntil(() -> ui.window.session.getTalk() != null);
  }

  /** The field shows all of its text: the text is not wider than the room inside the field. */
  private static void showsAllOf(TextField field) {
    Text probe = new Text(field.getText());
    probe.setFont(field.getFont());
    double room = field.getWidth() - field.getInsets().getLeft() - field.getInsets().getRight();
    assertThat(probe.getLayoutBounds().getWidth())
        .as(field.getId() + " \"" + field.getText() + "\"")
        .isLessThanOrEqualTo(room);
  }

  @Test
  void theTimeAndOtherShortFieldsAreNotCut(FxRobot robot) throws Exception {
    openSample(robot, "Virtual threads in practice");
    TextField time = robot.lookup("#detail-time").queryAs(TextField.class);
    waitUntil(() -> time.getText().equals("2026-03-12 18:30") && time.getWidth() > 0);
    for (String id : new String[] {"#detail-time", "#detail-room", "#detail-tags"}) {
      showsAllOf(robot.lookup(id).queryAs(TextField.class));
    }
  }

  @Test
  void aLongFoldedLineDoesNotNarrowTheNavigator(FxRobot robot) throws Exception {
    SampleMeetup.addTo(ui.notebook);
    var talk = ui.notebook.talks().findByTitle("Virtual threads in practice").get(0);
    long id = talk.id();
    var d = talk.details();
    ui.notebook
        .talks()
        .update(
            id,
            new dev.talkbook.core.notebook.Talk.Details(
                "A talk whose title goes on and on, far longer than any window is wide, to see"
                    + " what the folded line does with it",
                java.util.List.of("Maren Holt", "Ines Carvalho", "Tomasz Wierzbicki"),
                d.startsAt(),
                "The very large hall at the end of the corridor",
                null,
                null,
                d.tags()));
    robot.interact(() -> ui.window.navigator.reload(id));
    robot.interact(() -> ui.window.openTalk(id, null));
    var tree = ui.window.navigator.tree();
    TitledPane details = robot.lookup("#talk-details").queryAs(TitledPane.class);
    waitUntil(() -> details.getText().equals("Details") && tree.getWidth() > 0);
    double before = WaitForAsyncUtils.asyncFx(tree::getWidth).get(10, TimeUnit.SECONDS);
    robot.interact(() -> details.setExpanded(false));
    waitUntil(() -> details.getText().startsWith("A talk whose title") && details.getHeight() < 50);
    double after = WaitForAsyncUtils.asyncFx(tree::getWidth).get(10, TimeUnit.SECONDS);
    assertThat(after).as("the navigator's width once folded").isEqualTo(before);
  }

  @Test
  void foldedDetailsAreOneLineThatSaysWhatTheTalkIsAndStaySo(FxRobot robot) throws Exception {
    openSample(robot, "Virtual threads in practice");
    TitledPane details = robot.lookup("#talk-details").queryAs(TitledPane.class);
    double open = details.getHeight();
    robot.clickOn(details.lookup(".title"));
    waitUntil(() -> !details.isExpanded());
    assertThat(details.getText())
        .isEqualTo(
            "Virtual threads in practice  \u00b7  Maren Holt  \u00b7  2026-03-12 18:30  \u00b7  Main"
                + " hall");
    waitUntil(() -> details.getHeight() < 50); // the header's one line
    assertThat(details.getHeight()).isLessThan(open / 3);

    // Remembered: a restart shows them folded.
    robot.interact(() -> ui.window.close());
    robot.interact(() -> ui.show());
    waitUntil(() -> ui.window.session.getTalk() != null);
    assertThat(robot.lookup("#talk-details").queryAs(TitledPane.class).isExpanded()).isFalse();
  }
}
