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

  @Test
  void keysTypedOnAsTheMessageShowsDoNotAnswerIt(FxRobot robot) throws Exception {
    java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong();
    robot.interact(
        () ->
            Errors.show(
                stage,
                "Could not open the talk",
                new dev.talkbook.core.notebook.NotebookException("The disk is full."),
                clock::get));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(dialogs()).hasSize(1);
    // Typing on, each key soon after the one before: a space, then Enter.
    for (javafx.scene.input.KeyCode key :
        List.of(javafx.scene.input.KeyCode.SPACE, javafx.scene.input.KeyCode.ENTER)) {
      clock.addAndGet(TypingGuard.QUIET.toNanos() / 2);
      robot.type(key);
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(onFx(() -> dialogs().size())).as(key + " typed on").isEqualTo(1);
    }
    // After a pause, Enter is meant for the message: it closes it.
    clock.addAndGet(TypingGuard.QUIET.toNanos() * 2);
    robot.type(javafx.scene.input.KeyCode.ENTER);
    dev.talkbook.ui.FxWait.untilFx("the message closed", () -> dialogs().isEmpty());
  }
}
