package dev.talkbook.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.feather.Feather;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A side pane's header: its title whole, or not shown at all when the pane is too narrow. */
@ExtendWith(ApplicationExtension.class)
class PaneHeaderTest {
  private Stage stage;
  private HBox header;

  @Start
  void start(Stage primary) {
    stage = primary;
    header =
        PaneHeader.of(
            "Notebook",
            PaneHeader.tool(Feather.CALENDAR, "New event", () -> {}),
            PaneHeader.tool(Feather.FILE_PLUS, "New talk", () -> {}),
            PaneHeader.tool(Feather.EDIT_2, "Rename", () -> {}),
            PaneHeader.tool(Feather.TRASH_2, "Delete", () -> {}));
    header.setMaxWidth(300);
    StackPane root = new StackPane(header);
    Scene scene = new Scene(root, 300, 60);
    new Theme(false).apply(scene);
    stage.setScene(scene);
    stage.show();
  }

  private <T> T onFx(Callable<T> read) throws Exception {
    return WaitForAsyncUtils.asyncFx(read).get();
  }

  private void narrowTo(double width) {
    header.setMaxWidth(width);
    stage.getScene().getRoot().layout();
  }

  @Test
  void aTitleTooNarrowForItsWordIsNotShownCut(FxRobot robot) throws Exception {
    Label title = (Label) header.getChildren().get(0);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(onFx(title::isVisible)).as("wide: the title").isTrue();
    assertThat(onFx(() -> title.getWidth() >= title.prefWidth(-1) - 0.5)).isTrue();

    // The header's own width (the tests' shared stage may keep a least width from others).
    // Laid out at once, not at the next pulse, which may come after waitForFxEvents returned (the
    // width was then still the old one, and "cut" failed now and then under load).
    robot.interact(() -> narrowTo(150));
    assertThat(onFx(() -> title.getWidth() < title.prefWidth(-1))).as("cut").isTrue();
    assertThat(onFx(title::isVisible)).as("narrow: no title").isFalse();

    robot.interact(() -> narrowTo(300));
    assertThat(onFx(title::isVisible)).as("wide again").isTrue();
  }
}
