package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.GridPane;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Help → Keyboard shortcuts (read from the menus, narrowed as one types) and About Talkbook. */
class HelpWindowTest extends RealWindowTest {

  /** The texts of the shortcuts list's labels, in order. */
  private static List<String> listed(FxRobot robot) throws Exception {
    return FxWait.onFx(
        () ->
            robot.lookup("#shortcuts-list").queryAs(GridPane.class).getChildren().stream()
                .map(n -> ((Label) n).getText())
                .toList());
  }

  @Test
  void theShortcutsAreTheMenusKeysAndTypingNarrowsThem(FxRobot robot) throws Exception {
    ui.fire(robot, "Keyboard shortcuts");
    FxWait.until(() -> robot.lookup("#shortcuts").tryQuery().isPresent());

    List<String> all = listed(robot);
    assertThat(all).containsSubsequence("File", "New talk…", "Ctrl+N");
    assertThat(all).containsSubsequence("Edit", "Find…", "Ctrl+F");
    // keys the notes handle themselves, shown in the Outline menu, are listed too
    assertThat(all).containsSubsequence("Outline", "Indent item", "Tab");
    assertThat(all).containsSubsequence("Help", "Keyboard shortcuts", "Ctrl+/");
    assertThat(all).doesNotContain("Export Markdown…"); // no key

    TextField filter = robot.lookup("#shortcuts-filter").queryAs(TextField.class);
    FxWait.untilFx("the filter focused, for typing", filter::isFocused);
    // the filter has no visible label: it says what it is to a screen reader
    assertThat(FxWait.onFx(filter::getAccessibleText)).isEqualTo("Find a shortcut");
    FxWait.clickOn(robot, "#shortcuts-filter"); // Monocle gives a new window no key focus
    robot.write("font");
    FxWait.until(() -> !listed(robot).contains("File"));
    assertThat(listed(robot))
        .containsExactly(
            "View", "Zoom in", "Ctrl+=", "Zoom out", "Ctrl+-", "Actual size", "Ctrl+0");
    robot.interact(() -> filter.setText("no such thing"));
    assertThat(listed(robot)).containsExactly("No shortcut matches.");

    // asked again while open: the same window, not a second one
    ui.fire(robot, "Keyboard shortcuts");
    assertThat(robot.lookup("#shortcuts").queryAll()).hasSize(1);
    robot.interact(() -> filter.getScene().getWindow().hide());
  }

  @Test
  void aboutSaysTheVersionTheJavaAndTheFilesAndCopiesThem(FxRobot robot) throws Exception {
    ui.fire(robot, "About Talkbook");
    FxWait.until(() -> robot.lookup("#about").tryQuery().isPresent());

    String name = FxWait.onFx(() -> robot.lookup("#about-name").queryAs(Label.class).getText());
    FxWait.untilFx(
        "the focus on Close",
        () ->
            robot
                .lookup("#about")
                .queryAs(javafx.scene.control.DialogPane.class)
                .lookupButton(javafx.scene.control.ButtonType.CLOSE)
                .isFocused());
    assertThat(name).startsWith("Talkbook ").doesNotContain("${").doesNotContain("unknown");
    Button copy = robot.lookup("#about-copy").queryButton();
    robot.interact(copy::fire);
    String copied = FxWait.onFx(() -> Clipboard.getSystemClipboard().getString());
    assertThat(copied)
        .startsWith(name)
        .contains("Java: " + System.getProperty("java.version"))
        .contains("Notebook: " + ui.notebook.file().toAbsolutePath())
        .contains("Settings: " + ui.settingsFile.toAbsolutePath());
    assertThat(FxWait.onFx(copy::getText)).isEqualTo("Copied");
    assertThat(FxWait.onFx(() -> robot.lookup("#about").tryQuery().isPresent()))
        .as("still open after copying")
        .isTrue();
    robot.interact(() -> copy.getScene().getWindow().hide());
  }

  @Test
  void helpStaysTheLastMenuWhenTheJavaMenuComes(FxRobot robot) throws Exception {
    ui.attachRepl(robot);

    List<String> menus =
        FxWait.onFx(
            () -> {
              Node bar = ui.stage.getScene().getRoot().lookup(".menu-bar");
              return ((MenuBar) bar).getMenus().stream().map(Menu::getText).toList();
            });
    assertThat(menus.get(menus.size() - 1)).isEqualTo("_Help");
    assertThat(menus).contains("_Java");
  }
}
