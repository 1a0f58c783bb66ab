package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.ui.common.DialogButtons;
import dev.talkbook.ui.common.LongJob;
import dev.talkbook.ui.common.WorkBeforeQuit;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;

/**
 * Ctrl+Q quits from every window the menus open, as it does from the main window: it quit from
 * Keyboard shortcuts and Now and next, and did nothing, saying nothing, in Export site, History,
 * New event and Import schedule (modal windows were left out). A modal one is closed first, as its
 * Close or Esc closes it.
 */
class QuitFromDialogsTest extends RealWindowTest {
  @AfterEach
  void hideOtherWindows(FxRobot robot) {
    robot.interact(
        () ->
            List.copyOf(Window.getWindows()).stream()
                .filter(w -> w != ui.stage)
                .forEach(Window::hide));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Export site…",
        "History of this talk…",
        "New event…",
        "New talk…",
        "Edit event…",
        "Rename…",
        "Delete…",
        "Import schedule…",
        "Import Markdown…",
        "Export Markdown…",
        "About Talkbook",
        "Keyboard shortcuts",
        "Now and next…"
      })
  void ctrlQQuitsFromTheWindowAMenuItemOpens(String item, FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Loom", "notes\n");
    if (item.equals("Edit event…")) {
      ui.clickOnRow(robot, "Meetup"); // the event, not its talk
      FxWait.untilFx("Edit event… offered", () -> !ui.action(item).isDisable());
    }
    Platform.runLater(() -> ui.action(item).fire()); // a dialog shown and waited for blocks
    FxWait.untilFx(
        "a window of " + item + " has the keyboard",
        () -> opened().filter(Window::isFocused).findAny().isPresent());
    Window dialog = FxWait.onFx(() -> opened().filter(Window::isFocused).findFirst().orElseThrow());

    robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);

    FxWait.until("Quit asked for from " + item, () -> ui.quits.get() == 1);
    boolean modal =
        FxWait.onFx(
            () -> dialog instanceof Stage s && s.getModality() != javafx.stage.Modality.NONE);
    if (modal) {
      assertThat(FxWait.onFx(dialog::isShowing)).as("the dialog closed first").isFalse();
    }
  }

  /** A modal window of the main one with a job in it, as the export and import windows have. */
  private Stage jobWindow(FxRobot robot, LongJob<String> job, boolean cancelled) {
    Stage[] made = new Stage[1];
    robot.interact(
        () -> {
          Stage stage = new Stage();
          stage.initOwner(ui.stage);
          stage.initModality(javafx.stage.Modality.WINDOW_MODAL);
          Label status = new Label();
          status.textProperty().bind(job.statusProperty());
          Button close = cancelled ? DialogButtons.cancelOrClose(job, stage) : new Button("Close");
          if (!cancelled) {
            WorkBeforeQuit.waitsFor(stage, job);
          }
          stage.setScene(new Scene(new VBox(status, close), 300, 200));
          stage.show();
          stage.toFront();
          made[0] = stage;
        });
    FxWait.untilFx("the job's window has the keyboard", made[0]::isFocused);
    return made[0];
  }

  @Test
  void ctrlQDuringAnExportCancelsItAndQuitsOnceItHasStopped(FxRobot robot) throws Exception {
    CountDownLatch stopped = new CountDownLatch(1);
    LongJob<String> job = new LongJob<>(LongJob.ownThread("test-export"), Platform::runLater);
    Stage dialog = jobWindow(robot, job, true);
    robot.interact(
        () ->
            job.start(
                "Exporting…",
                feedback -> {
                  while (!feedback.cancelled()) {
                    java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                  }
                  await(stopped); // a page being finished after the cancel was seen
                  throw new java.util.concurrent.CancellationException();
                },
                r -> r));
    FxWait.untilFx("the export runs", job::isRunning);

    robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);

    FxWait.untilFx(
        "the dialog says it stops",
        () -> job.statusProperty().get().equals(WorkBeforeQuit.STOPPING));
    ui.idle();
    assertThat(ui.quits.get()).as("no quit while the export still writes").isZero();
    assertThat(FxWait.onFx(dialog::isShowing)).isTrue();
    stopped.countDown();
    FxWait.until("Quit asked for once the export stopped", () -> ui.quits.get() == 1);
    assertThat(FxWait.onFx(dialog::isShowing)).isFalse();
    assertThat(FxWait.onFx(job::isRunning)).isFalse();
  }

  @Test
  void ctrlQDuringAnImportWaitsForItWithoutCancellingIt(FxRobot robot) throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    AtomicBoolean sawCancel = new AtomicBoolean();
    LongJob<String> job = new LongJob<>(LongJob.ownThread("test-import"), Platform::runLater);
    Stage dialog = jobWindow(robot, job, false);
    robot.interact(
        () ->
            job.start(
                "Importing…",
                feedback -> {
                  await(done);
                  sawCancel.set(feedback.cancelled());
                  return "Imported.";
                },
                r -> r));

    robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);

    FxWait.untilFx(
        "the dialog says the quit waits",
        () -> job.statusProperty().get().equals(WorkBeforeQuit.WAITING));
    robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL); // again
    ui.idle();
    assertThat(ui.quits.get()).isZero();
    done.countDown();
    FxWait.until("Quit asked for once the import was done", () -> ui.quits.get() == 1);
    assertThat(sawCancel).as("the import was not cancelled").isFalse();
    assertThat(FxWait.onFx(dialog::isShowing)).isFalse();
    ui.idle();
    assertThat(ui.quits.get()).as("one quit for two presses").isEqualTo(1);
  }

  @Test
  void ctrlQInAQuestionOverADialogClosesBothAndQuits(FxRobot robot) throws Exception {
    LongJob<String> job = new LongJob<>(LongJob.ownThread("test-export"), Platform::runLater);
    Stage dialog = jobWindow(robot, job, true);
    Platform.runLater(
        () -> {
          Alert question = new Alert(Alert.AlertType.CONFIRMATION, "Replace the site?");
          question.initOwner(dialog);
          question.showAndWait();
        });
    FxWait.untilFx(
        "the question has the keyboard",
        () -> opened().filter(w -> w != dialog).anyMatch(Window::isFocused));

    robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);

    FxWait.until("Quit asked for", () -> ui.quits.get() == 1);
    assertThat(FxWait.onFx(() -> opened().toList())).isEmpty();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private java.util.stream.Stream<Window> opened() {
    return Window.getWindows().stream().filter(w -> w != ui.stage && w.isShowing());
  }
}
