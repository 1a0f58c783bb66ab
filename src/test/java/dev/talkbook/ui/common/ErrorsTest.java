package dev.talkbook.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.repl.LaunchLeftovers;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What the app does with an exception nothing caught: a dialog, except for the JDK's leftovers. */
@ExtendWith(ApplicationExtension.class)
class ErrorsTest {
  private Stage stage;
  private Thread.UncaughtExceptionHandler before;

  @Start
  void start(Stage primary) {
    stage = primary;
    stage.setScene(new Scene(new StackPane(), 300, 200));
    stage.show();
  }

  @BeforeEach
  void install() {
    before = Thread.getDefaultUncaughtExceptionHandler();
    Errors.installUncaughtHandler(() -> stage);
  }

  @AfterEach
  void restore(FxRobot robot) {
    Thread.setDefaultUncaughtExceptionHandler(before);
    robot.interact(() -> dialogs().forEach(w -> ((Stage) w).close()));
  }

  private static List<Window> dialogs() {
    return Window.getWindows().stream()
        .filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof DialogPane)
        .toList();
  }

  private static <T> T onFx(Callable<T> read) throws Exception {
    return WaitForAsyncUtils.asyncFx(read).get();
  }

  /** Throws the error on a thread of its own, as JDI's acceptor does, and waits for its end. */
  private static void uncaughtOnAThread(RuntimeException error) throws Exception {
    Thread t =
        new Thread(
            () -> {
              throw error;
            },
            "connection acceptor");
    t.start();
    t.join();
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void aReplStartsLeftoverShowsNoDialog() throws Exception {
    uncaughtOnAThread(LaunchLeftovers.example());
    assertThat(onFx(ErrorsTest::dialogs)).isEmpty();
  }

  @Test
  void anythingElseUncaughtOnAThreadIsShown() throws Exception {
    uncaughtOnAThread(new IllegalArgumentException("Invalid listener"));
    List<Window> shown = onFx(ErrorsTest::dialogs);
    assertThat(shown).hasSize(1);
    DialogPane pane = (DialogPane) shown.get(0).getScene().getRoot();
    assertThat(onFx(pane::getHeaderText)).isEqualTo("Unexpected error");
    assertThat(onFx(pane::getContentText)).contains("Invalid listener");
  }
}
