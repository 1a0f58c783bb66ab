package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Quitting ({@code App.stop}): the window gone at once, the notebook closed after, in full. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AppCloseTest {
  @TempDir Path dir;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    stage.setScene(new Scene(new StackPane(new Label("notes")), 400, 300));
    stage.show();
  }

  /**
   * The notebook's close waits for a fold of its log under way and folds the rest (about 100 ms for
   * a 4 MB log, more on a slow disk; here seconds, for another program reads the notebook): the
   * window stayed on the screen meanwhile, the FX thread held. Now the window goes at once, the FX
   * thread is free, and the close goes on on a thread the process waits for: the notes are in the
   * file after it.
   */
  @Test
  void theWindowGoesAtOnceAndTheFxThreadIsNotHeldWhileTheNotebookCloses(FxRobot robot)
      throws Exception {
    Path file = dir.resolve("talks.talkbook");
    Notebook book = Notebook.open(file);
    long event = book.events().create(Event.Details.titled("Meetup")).id();
    long talk = book.talks().create(event, Talk.Details.titled("Loom"), "# Loom\n").id();
    book.talks().saveBody(talk, "# Loom\n\nTyped before quitting.\n");
    CountDownLatch closed = new CountDownLatch(1);
    Thread[] closing = new Thread[1];
    // Another program reads the notebook: its read keeps the close's fold waiting.
    try (Connection reader = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      reader.setAutoCommit(false);
      try (var s = reader.createStatement();
          var rows = s.executeQuery("SELECT count(*) FROM talk")) {
        rows.next();
      }
      long asked = System.nanoTime();
      robot.interact(
          () ->
              closing[0] =
                  App.closeInTurn(stage, () -> {}, List.of(book::close), closed::countDown));
      Duration held = Duration.ofNanos(System.nanoTime() - asked);
      assertThat(FxWait.onFx(stage::isShowing)).as("the window, at once").isFalse();
      assertThat(held).as("the FX thread held").isLessThan(Duration.ofSeconds(2));
      assertThat(closed.getCount()).as("the notebook closed yet").isEqualTo(1);
      assertThat(closing[0]).isNotSameAs(FxWait.onFx(Thread::currentThread));
      assertThat(closing[0].isDaemon()).as("a daemon: the process would not wait").isFalse();
      reader.rollback();
    }
    assertThat(closed.await(60, TimeUnit.SECONDS)).as("closed").isTrue();
    try (Notebook again = Notebook.open(file)) {
      assertThat(again.talks().get(talk).body()).contains("Typed before quitting.");
    }
  }
}
