package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.repl.ReplOptions;
import dev.talkbook.core.repl.ReplSession;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Nothing the window starts keeps the process alive after Quit: every thread it and its executors
 * started is a daemon, and its own ({@code talkbook-…}) have ended once the window, the executors
 * and the REPL are closed as the app closes them ({@code App.stop}). A non-daemon thread would keep
 * {@code java} running after the window is gone; a thread still waiting for work kept {@code ./mvnw
 * exec:java} alive until its clean-up gave up on it.
 */
@ExtendWith(ApplicationExtension.class)
class WindowThreadsTest {
  @TempDir Path dir;

  private Set<Thread> before;
  private WindowUnderTest ui;
  private ReplSession repl;
  private boolean closed;

  @Start
  void start(Stage primary) {
    before = Set.copyOf(Thread.getAllStackTraces().keySet());
    ui = new WindowUnderTest(primary, dir);
    // The REPL as the app attaches it, its engine not started yet (it waits for the window).
    repl = ReplSession.start(ReplOptions.defaults(), new CompletableFuture<Void>());
    ui.window.attachRepl(repl);
  }

  @AfterEach
  void tearDown(FxRobot robot) {
    if (!closed) {
      ui.close(robot);
      repl.close();
    }
  }

  /** The threads started since the window was made, still alive. */
  private List<Thread> startedAndAlive() {
    Set<Thread> now = new HashSet<>(Thread.getAllStackTraces().keySet());
    now.removeAll(before);
    return now.stream().filter(Thread::isAlive).toList();
  }

  @Test
  void theWindowsThreadsAreDaemonsAndItsOwnEndWhenItCloses(FxRobot robot) throws Exception {
    // Every executor at work: a talk read, opened, typed into, highlighted, rendered and saved.
    long event = ui.notebook.events().create(Event.Details.titled("Meetup")).id();
    long talk =
        ui.notebook.talks().create(event, Talk.Details.titled("Typed into"), "# Notes\n").id();
    ui.reloadTree(robot);
    robot.interact(() -> ui.window.open(talk, null));
    FxWait.untilFx("the talk to open", () -> ui.openTalk() != null);
    robot.interact(() -> WindowUnderTest.editor(robot).appendText("\n- typed\n"));
    FxWait.untilFx(
        "the change to be rendered",
        () -> {
          var note = ui.window.openTalk().renderedProperty().get();
          return note != null && note.html().contains("typed");
        });
    FxWait.until(
        "the change to be saved", () -> ui.notebook.talks().get(talk).body().contains("typed"));

    assertThat(startedAndAlive())
        .as("threads started by the window that would keep the JVM alive")
        .filteredOn(t -> !t.isDaemon())
        .isEmpty();

    ui.close(robot);
    repl.close();
    closed = true;
    FxWait.until(
        "the window's own threads to end",
        () -> startedAndAlive().stream().noneMatch(t -> t.getName().startsWith("talkbook-")));
  }
}
