package dev.talkbook.ui.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.ui.FxWait;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Rehearsal window and the keyboard: Esc closes it, the main window's keys still work. */
@ExtendWith(ApplicationExtension.class)
class RehearsalKeysTest {
  private final List<String> mainKeys = new CopyOnWriteArrayList<>();
  private Stage main;

  @Start
  void start(Stage stage) {
    main = stage;
    Scene scene = new Scene(new Label("the main window"), 400, 300);
    // As the Java menu's Presenter mode and presenter mode's own Page Down.
    scene
        .getAccelerators()
        .put(KeyCombination.keyCombination("Shortcut+Shift+M"), () -> mainKeys.add("presenter"));
    scene
        .getAccelerators()
        .put(KeyCombination.keyCombination("Shortcut+C"), () -> mainKeys.add("copy"));
    scene.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.PAGE_DOWN) {
            mainKeys.add("page down");
          }
        });
    stage.setScene(scene);
    stage.show();
  }

  private RehearsalView open(FxRobot robot) {
    RehearsalView[] view = new RehearsalView[1];
    robot.interact(
        () -> {
          view[0] = new RehearsalView(main, index -> {});
          view[0].show();
          view[0].stage().requestFocus();
        });
    FxWait.untilFx("the rehearsal window focused", () -> view[0].stage().isFocused());
    return view[0];
  }

  @Test
  void escClosesTheWindow(FxRobot robot) {
    RehearsalView view = open(robot);
    robot.interact(
        () -> view.stage().getScene().lookup("#" + RehearsalView.CHECKS_ID).requestFocus());
    robot.type(KeyCode.ESCAPE);
    FxWait.untilFx("the window closed", () -> !view.stage().isShowing());
  }

  @Test
  void closeIsTheDefaultAndCancelButton(FxRobot robot) throws Exception {
    RehearsalView view = open(robot);
    Button close = (Button) view.stage().getScene().lookup("#" + RehearsalView.CLOSE_ID);
    assertThat(FxWait.onFx(close::isDefaultButton)).isTrue();
    assertThat(FxWait.onFx(close::isCancelButton)).isTrue();
    robot.type(KeyCode.ENTER);
    FxWait.untilFx("the window closed", () -> !view.stage().isShowing());
  }

  @Test
  void theMainWindowsShortcutsWorkWhileItHasTheFocus(FxRobot robot) {
    RehearsalView view = open(robot);
    robot.interact(
        () -> view.stage().getScene().lookup("#" + RehearsalView.CHECKS_ID).requestFocus());
    robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.M);
    robot.release(KeyCode.M, KeyCode.SHIFT, KeyCode.CONTROL);
    robot.type(KeyCode.PAGE_DOWN);
    // Copy stays with the rehearsal's own text and list.
    robot.press(KeyCode.CONTROL, KeyCode.C);
    robot.release(KeyCode.C, KeyCode.CONTROL);
    FxWait.until("the keys seen", () -> mainKeys.size() >= 2);
    org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    assertThat(mainKeys).containsExactly("presenter", "page down");
    robot.interact(() -> view.stage().close());
  }
}
