package dev.talkbook.ui.help;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.ui.FxWait;
import dev.talkbook.ui.OwnerWindowTest;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Help → About Talkbook as it is drawn. */
class AboutDialogTest extends OwnerWindowTest {

  @Test
  void theNamesBesideLongPathsAreDrawnWhole(FxRobot robot) throws Exception {
    // Paths as long as a temporary or a deeply kept notebook's, without a space to wrap at.
    Path deep = dir.resolve("talkbook-" + "0123456789abcdef".repeat(5) + "/notebook.talkbook");
    Path settings = dir.resolve("talkbook-" + "fedcba9876543210".repeat(5) + ".properties");
    robot.interact(() -> new AboutDialog(stage, deep, settings).show());
    FxWait.until(() -> robot.lookup("." + AboutDialog.KEY_CLASS).tryQuery().isPresent());

    // What the labels draw, not their text: a name squeezed by the path beside it drew "…".
    List<String> drawn =
        FxWait.onFx(
            () ->
                robot.lookup("." + AboutDialog.KEY_CLASS).queryAllAs(Label.class).stream()
                    .map(k -> ((Text) k.lookup(".text")).getText())
                    .toList());
    assertThat(drawn).containsExactly("Java", "JavaFX", "Notebook", "Settings");
  }
}
