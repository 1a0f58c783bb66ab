package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Edit → Cut, Copy, Paste, Select all, from the menu (for mouse users) on the focused text. */
class EditMenuWindowTest extends RealWindowTest {
  private static final String NOTES = "# Loom\n\n- cheap threads\n";

  private static String clipboard() throws Exception {
    return FxWait.onFx(() -> Clipboard.getSystemClipboard().getString());
  }

  /** The Edit menu's items that apply now, as the menu shows them when it opens. */
  private List<String> enabledClipItems(FxRobot robot) throws Exception {
    Menu edit =
        FxWait.onFx(
            () ->
                ((MenuBar) ui.stage.getScene().getRoot().lookup(".menu-bar"))
                    .getMenus().stream()
                        .filter(m -> m.getText().equals("_Edit"))
                        .findFirst()
                        .orElseThrow());
    robot.interact(() -> edit.getOnShowing().handle(null));
    return FxWait.onFx(
        () ->
            edit.getItems().stream()
                .filter(i -> i.getText() != null)
                .filter(i -> List.of("Cut", "Copy", "Paste", "Select all").contains(i.getText()))
                .filter(i -> !i.isDisable())
                .map(MenuItem::getText)
                .toList());
  }

  @Test
  void theNotesAreSelectedAndCopiedFromTheMenu(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Loom", NOTES);
    CodeArea notes = WindowUnderTest.editor(robot);
    FxWait.clickOn(robot, "#editor");
    FxWait.untilFx("the notes focused", notes::isFocused);
    assertThat(enabledClipItems(robot)).containsExactly("Cut", "Copy", "Paste", "Select all");

    ui.fire(robot, "Select all");
    ui.fire(robot, "Copy");

    assertThat(clipboard()).isEqualTo(NOTES);
    ui.fire(robot, "Cut");
    FxWait.untilFx("the notes cut", () -> notes.getText().isEmpty());
    ui.fire(robot, "Paste");
    FxWait.untilFx("the notes pasted back", () -> notes.getText().equals(NOTES));
  }

  @Test
  void aFieldIsCutAndPastedFromTheMenu(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Loom", NOTES);
    TextField title = robot.lookup("#detail-title").queryAs(TextField.class);
    FxWait.clickOn(robot, "#detail-title");
    FxWait.untilFx("the title focused", title::isFocused);

    ui.fire(robot, "Select all");
    ui.fire(robot, "Cut");

    assertThat(clipboard()).isEqualTo("Loom");
    String cut = FxWait.onFx(() -> title.getText());
    assertThat(cut).isEmpty();
    ui.fire(robot, "Paste");
    String pasted = FxWait.onFx(() -> title.getText());
    assertThat(pasted).isEqualTo("Loom");
  }

  @Test
  void outsideTextTheyDoNotApply(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Loom", NOTES);
    ui.clickOnRow(robot, "Loom");
    FxWait.untilFx("the tree focused", () -> WindowUnderTest.navigator(robot).isFocused());

    assertThat(enabledClipItems(robot)).isEmpty();
    robot.interact(() -> Clipboard.getSystemClipboard().clear());
    ui.fire(robot, "Copy"); // from the palette, say: does nothing
    assertThat(clipboard()).isNull();
  }
}
