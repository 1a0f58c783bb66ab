package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Revision;
import dev.talkbook.core.notebook.Talk;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The history dialog in the real window: revisions named in full, a coloured diff. */
@ExtendWith(ApplicationExtension.class)
class HistoryWindowTest {
  @TempDir Path dir;

  private WindowUnderTest ui;

  @Start
  void start(Stage primary) {
    ui = new WindowUnderTest(primary, dir);
  }

  @AfterEach
  void tearDown(FxRobot robot) throws Exception {
    ui.close(robot);
  }

  /** Waits for {@code condition} (an exception from it means "not yet"), then for the FX events. */
  private static void waitUntil(Callable<Boolean> condition) {
    FxWait.until(condition);
  }

  private static String numbered(int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i <= to; i++) {
      b.append("line ").append(i).append('\n');
    }
    return b.toString();
  }

  /** A talk with a kept earlier version, opened, its history shown. */
  private void openHistory(FxRobot robot, String then, String now) throws Exception {
    Event event = ui.notebook.events().create(Event.Details.titled("Meetup"));
    Talk talk = ui.notebook.talks().create(event.id(), Talk.Details.titled("Loom"), then);
    ui.notebook.talks().leave(talk.id());
    ui.notebook.talks().saveBody(talk.id(), now);
    ui.reload(robot);
    robot.interact(() -> ui.window.open(talk.id(), null));
    waitUntil(() -> WindowUnderTest.editor(robot).getText().equals(now));
    robot.clickOn("#editor");
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H)
        .release(KeyCode.H, KeyCode.SHIFT, KeyCode.CONTROL);
    waitUntil(() -> robot.lookup("#history-list").tryQuery().isPresent());
    ListView<?> list = robot.lookup("#history-list").queryAs(ListView.class);
    waitUntil(() -> !list.getItems().isEmpty());
    robot.interact(
        () -> {
          for (int i = 0; i < list.getItems().size(); i++) {
            if (((Revision) list.getItems().get(i)).body().equals(then)) {
              list.getSelectionModel().select(i);
            }
          }
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static List<String> rows(FxRobot robot, String kind) {
    return MainWindowTest.diffLines(robot, kind);
  }

  @Test
  void removedAndAddedLinesAreColouredWithTheChangedWordsMarked(FxRobot robot) throws Exception {
    openHistory(robot, "# Loom\nThreads are cheap\nend\n", "# Loom\nThreads are free\nend\nmore\n");

    waitUntil(() -> rows(robot, "tb-diff-removed").contains("Threads are cheap"));
    assertThat(rows(robot, "tb-diff-added")).containsExactly("Threads are free", "more");
    assertThat(rows(robot, "tb-diff-same")).containsExactly("# Loom", "end");
    // The changed words have a marked background in both rows.
    assertThat(robot.lookup(".tb-diff-removed .tb-diff-mark").queryAll()).hasSize(1);
    assertThat(robot.lookup(".tb-diff-added .tb-diff-mark").queryAll()).isNotEmpty();
    assertThat(robot.lookup("#history-summary").queryAs(Label.class).getText())
        .isEqualTo("Since this version: 2 lines added, 1 removed.");
    // No raw unified-diff syntax anywhere.
    assertThat(robot.lookup(".tb-diff-text").queryAllAs(Text.class))
        .noneMatch(t -> t.getText().startsWith("@@"));
  }

  @Test
  void revisionsAreNamedInFull(FxRobot robot) throws Exception {
    openHistory(robot, "first\n", "second\n");
    java.util.Set<Label> names =
        robot.lookup("#history-list .tb-row-title").queryAllAs(Label.class);
    assertThat(names).isNotEmpty();
    for (Label name : names) {
      Text shown = (Text) name.lookup(".text");
      assertThat(shown.getText()).isEqualTo(name.getText()).doesNotContain("\u2026");
    }
    java.util.Set<Label> why = robot.lookup("#history-list .tb-row-detail").queryAllAs(Label.class);
    assertThat(why).anyMatch(l -> l.getText().startsWith("Kept when you left the talk"));
    for (Label l : why) {
      assertThat(((Text) l.lookup(".text")).getText()).isEqualTo(l.getText());
    }
  }

  @Test
  void longUnchangedStretchesFoldAndCanBeShown(FxRobot robot) throws Exception {
    String then = numbered(1, 40);
    openHistory(robot, then, then.replace("line 20\n", "line twenty\n"));
    waitUntil(() -> rows(robot, "tb-diff-added").contains("line twenty"));
    ListView<?> diff = robot.lookup("#history-diff").queryAs(ListView.class);
    assertThat(diff.getItems()).hasSize(1 + 3 + 2 + 3 + 1);
    assertThat(robot.lookup(".tb-diff-gap .label").queryAllAs(Label.class))
        .extracting(Label::getText)
        .contains("\u22ef 16 unchanged lines", "\u22ef 17 unchanged lines");

    robot.clickOn("#history-unchanged");
    assertThat(robot.lookup("#history-unchanged").queryAs(CheckBox.class).isSelected()).isTrue();
    assertThat(diff.getItems()).hasSize(41);
  }
}
