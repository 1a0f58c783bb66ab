package dev.talkbook.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Where windows cannot be transparent (X11 without a compositing window manager), a menu's drop
 * shadow was painted into its opaque window over white: a white frame around every menu in the dark
 * theme. There the theme takes popups' shadows and round corners away; elsewhere they stay.
 */
@ExtendWith(ApplicationExtension.class)
class OpaquePopupsTest {
  private Stage stage;
  private Button owner;
  private ContextMenu menu;

  @Start
  void start(Stage primary) {
    stage = primary;
  }

  @AfterEach
  void restore(FxRobot robot) {
    robot.interact(
        () -> {
          if (menu != null) {
            menu.hide();
          }
          Theme.opaquePopups(
              !javafx.application.Platform.isSupported(
                  javafx.application.ConditionalFeature.TRANSPARENT_WINDOW));
        });
  }

  /** Shows a dark-themed scene with a context menu, popups opaque or not; the menu's effect. */
  private Object menuEffect(FxRobot robot, boolean opaque) {
    robot.interact(
        () -> {
          Theme.opaquePopups(opaque);
          owner = new Button("owner");
          menu = new ContextMenu(new MenuItem("Undo"), new MenuItem("Redo"));
          Scene scene = new Scene(new StackPane(owner), 300, 200);
          Theme theme = new Theme(false);
          theme.choiceProperty().set(Theme.Choice.DARK);
          theme.apply(scene);
          stage.setScene(scene);
          stage.show();
          menu.show(owner, javafx.geometry.Side.BOTTOM, 0, 0);
        });
    WaitForAsyncUtils.waitForFxEvents();
    Object[] effect = new Object[1];
    robot.interact(() -> effect[0] = menu.getSkin().getNode().getEffect());
    return effect[0];
  }

  @Test
  void withoutTransparentWindowsMenusHaveNoShadow(FxRobot robot) {
    assertThat(menuEffect(robot, true)).isNull();
    assertThat(stage.getScene().getStylesheets()).contains(Theme.opaquePopupsSheet());
  }

  @Test
  void withTransparentWindowsMenusKeepTheirShadow(FxRobot robot) {
    assertThat(menuEffect(robot, false)).isInstanceOf(javafx.scene.effect.DropShadow.class);
    assertThat(stage.getScene().getStylesheets()).doesNotContain(Theme.opaquePopupsSheet());
  }
}
