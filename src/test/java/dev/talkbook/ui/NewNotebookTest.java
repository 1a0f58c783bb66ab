package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.ui.common.RecentNotebooks;
import dev.talkbook.ui.common.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * File → New notebook…: a named file is created and opened; an existing one is never taken. File →
 * Open recent: the other notebooks the window opened.
 */
class NewNotebookTest extends RealWindowTest {

  @Test
  void aNameWithoutExtensionBecomesATalkbookFileTheAppCreates(FxRobot robot) throws Exception {
    ui.newNotebook = dir.resolve("Devoxx 2026");

    ui.fire(robot, "New notebook…");

    FxWait.until(() -> ui.opened.size() == 1);
    assertThat(ui.opened)
        .containsExactly(new WindowUnderTest.Opened(dir.resolve("Devoxx 2026.talkbook"), true));
  }

  @Test
  void cancellingTheDialogCreatesNothing(FxRobot robot) throws Exception {
    ui.newNotebook = null;

    ui.fire(robot, "New notebook…");

    assertThat(ui.opened).isEmpty();
    assertThat(FxWait.onFx(() -> robot.lookup(".dialog-pane").tryQuery().isPresent())).isFalse();
  }

  @Test
  void anExistingFileIsNeverTakenForANewNotebook(FxRobot robot) throws Exception {
    Path taken = Files.writeString(dir.resolve("mine.talkbook"), "someone's file");
    ui.newNotebook = taken;

    ui.fire(robot, "New notebook…");

    FxWait.until(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
    DialogPane error = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    assertThat(FxWait.onFx(error::getHeaderText)).isEqualTo("Not created");
    assertThat(FxWait.onFx(error::getContentText))
        .contains(taken + " is there already")
        .contains("File → Open notebook…");
    assertThat(ui.opened).isEmpty();
    assertThat(taken).hasContent("someone's file");
    robot.interact(() -> error.getScene().getWindow().hide());
  }

  /** File → Open recent, as the window has it (after a restart on the settings written). */
  private Menu recent(FxRobot robot) throws Exception {
    robot.interact(() -> ui.show());
    return FxWait.onFx(
        () ->
            (Menu)
                ui.stage.getScene().getRoot().lookupAll(".menu-bar").stream()
                    .map(n -> (javafx.scene.control.MenuBar) n)
                    .flatMap(b -> b.getMenus().stream())
                    .flatMap(m -> m.getItems().stream())
                    .filter(i -> "open-recent".equals(i.getId()))
                    .findFirst()
                    .orElseThrow());
  }

  @Test
  void openRecentListsTheOtherNotebooksNewestFirstAndOpensOne(FxRobot robot) throws Exception {
    Path older = Files.writeString(dir.resolve("older.talkbook"), "");
    Path newer = Files.writeString(dir.resolve("newer.talkbook"), "");
    Settings s = Settings.load(ui.settingsFile);
    RecentNotebooks.opened(s, older);
    RecentNotebooks.opened(s, newer);
    RecentNotebooks.opened(s, ui.notebook.file());
    s.flush();

    Menu menu = recent(robot);

    assertThat(FxWait.onFx(() -> menu.getItems().stream().map(MenuItem::getText).toList()))
        .containsExactly(
            "newer.talkbook  —  " + dir.toAbsolutePath().normalize(),
            "older.talkbook  —  " + dir.toAbsolutePath().normalize());
    robot.interact(() -> menu.getItems().get(1).fire());
    assertThat(ui.opened).containsExactly(new WindowUnderTest.Opened(older, false));
  }

  @Test
  void aRecentNotebookThatIsGoneIsExplainedAndTakenOffTheList(FxRobot robot) throws Exception {
    Path gone = dir.resolve("gone.talkbook");
    Path kept = Files.writeString(dir.resolve("kept.talkbook"), "");
    Settings s = Settings.load(ui.settingsFile);
    RecentNotebooks.opened(s, kept);
    RecentNotebooks.opened(s, gone);
    s.flush();
    Menu menu = recent(robot);

    robot.interact(() -> menu.getItems().get(0).fire());

    FxWait.until(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
    DialogPane error = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    assertThat(FxWait.onFx(error::getContentText))
        .contains(gone + " is not there any more")
        .contains("File → Open notebook…");
    robot.interact(() -> error.getScene().getWindow().hide());
    assertThat(ui.opened).isEmpty();
    assertThat(FxWait.onFx(() -> menu.getItems().size())).isEqualTo(1);
    assertThat(FxWait.onFx(() -> menu.getItems().get(0).getText())).startsWith("kept.talkbook");
  }

  @Test
  void withNoOtherNotebookOpenRecentIsDisabled(FxRobot robot) throws Exception {
    Menu menu = recent(robot);
    assertThat(FxWait.onFx(menu::isDisable)).isTrue();
  }
}
