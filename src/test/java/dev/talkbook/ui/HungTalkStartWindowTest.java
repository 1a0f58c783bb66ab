package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Talk;
import dev.talkbook.ui.common.Settings;
import javafx.scene.control.Label;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;

/**
 * A start after a window that hung showing its talk's notes (the settings still say it was being
 * opened) opens without that talk and says so. Before, every start opened it again and hung again;
 * only the command line could get the user out.
 */
class HungTalkStartWindowTest extends RealWindowTest {

  @ParameterizedTest(name = "as the app starts: {0}")
  @ValueSource(booleans = {true, false})
  void aTalkThatHungTheLastStartIsNotOpenedAgain(boolean asTheAppStarts, FxRobot robot) {
    Talk stuck = ui.openNewTalk(robot, "Stuck", "# Stuck\n\nNotes.\n");
    ui.idle();
    Settings settings = Settings.load(ui.settingsFile);
    assertThat(settings.get(Settings.lastTalk(ui.notebook.file()))).isEqualTo(stuck.id());
    assertThat(settings.get(Settings.openingTalk(ui.notebook.file())))
        .as("cleared once the notes were laid out")
        .isEqualTo(-1L);
    robot.interact(() -> ui.window.close());
    // As a window left them that hung laying out the notes (killed, or quit by SIGTERM).
    settings = Settings.load(ui.settingsFile);
    settings.put(Settings.openingTalk(ui.notebook.file()), stuck.id());
    settings.flush();

    robot.interact(() -> (asTheAppStarts ? ui.showAsTheAppStarts() : ui.show()));
    ui.idle();
    assertThat(ui.openTalk()).isNull();
    FxWait.untilFx(
        "the status bar says why",
        () ->
            robot
                .lookup("#notice")
                .queryAs(Label.class)
                .getText()
                .startsWith(
                    "Talk "
                        + stuck.id()
                        + " was not opened again: Talkbook may not have finished showing its"
                        + " notes"));
    // Opened from the list, it opens; the next start opens it again.
    robot.interact(() -> ui.window.open(stuck.id(), java.util.List.of()));
    FxWait.untilFx(
        "the talk opened", () -> ui.openTalk() != null && ui.openTalk().id() == stuck.id());
    ui.idle();
    robot.interact(() -> ui.window.close());
    robot.interact(() -> (asTheAppStarts ? ui.showAsTheAppStarts() : ui.show()));
    ui.idle();
    FxWait.untilFx(
        "the talk opened again", () -> ui.openTalk() != null && ui.openTalk().id() == stuck.id());
  }
}
