package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Revision;
import dev.talkbook.core.notebook.Talk;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The history dialog in the real window: revisions named in full, a coloured diff. */
class HistoryWindowTest extends RealWindowTest {

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
    ui.notebook.revisions().checkpoint(talk.id());
    ui.notebook.talks().saveBody(talk.id(), now);
    ui.reload(robot);
    robot.interact(() -> ui.window.open(talk.id(), null));
    waitUntil(() -> WindowUnderTest.editorText(robot).equals(now));
    FxWait.clickOn(robot, "#editor");
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H)
        .release(KeyCode.H, KeyCode.SHIFT, KeyCode.CONTROL);
    waitUntil(() -> robot.lookup("#history-list").tryQuery().isPresent());
    ListView<?> list = robot.lookup("#history-list").queryAs(ListView.class);
    FxWait.untilFx(
        "the kept version in the list",
        () -> list.getItems().stream().anyMatch(r -> ((Revision) r).body().equals(then)));
    robot.interact(
        () -> {
          for (int i = 0; i < list.getItems().size(); i++) {
            if (((Revision) list.getItems().get(i)).body().equals(then)) {
              list.getSelectionModel().select(i);
            }
          }
        });
  }

  @Test
  void aTalkWithNoKeptVersionSaysSoAndAsksForNoChoice(FxRobot robot) throws Exception {
    Event event = ui.notebook.events().create(Event.Details.titled("Meetup"));
    Talk talk = ui.notebook.talks().create(event.id(), Talk.Details.titled("Fresh"), "first");
    ui.reload(robot);
    robot.interact(() -> ui.window.open(talk.id(), null));
    waitUntil(() -> WindowUnderTest.editorText(robot).equals("first"));
    ui.fire(robot, "History of this talk…");
    waitUntil(() -> robot.lookup("#history-none").tryQuery().isPresent());
    assertThat(
            FxWait.onFx(
                () -> robot.lookup("#history-list").queryAs(ListView.class).getItems().isEmpty()))
        .isTrue();
    assertThat(FxWait.onFx(() -> robot.lookup("#history-none").queryAs(Label.class).getText()))
        .as("what the dialog will hold")
        .contains("Talkbook keeps versions of these notes");
    assertThat(FxWait.onFx(() -> robot.lookup("#history-unchanged").query().isVisible()))
        .as("an option for a comparison there is not")
        .isFalse();
    assertThat(FxWait.onFx(() -> robot.lookup("#restore").query().isDisabled())).isTrue();
    robot.interact(
        () -> robot.lookup("#history-list").queryAs(ListView.class).getScene().getWindow().hide());
  }

  @Test
  void aVersionTheSameAsTheTextIsNotOfferedForRestoring(FxRobot robot) throws Exception {
    openHistory(robot, "# Loom\nkept\n", "# Loom\nkept\n");
    waitUntil(
        () ->
            robot
                .lookup("#history-summary")
                .queryAs(Label.class)
                .getText()
                .equals("This version is the same as the current text."));
    assertThat(FxWait.onFx(() -> robot.lookup("#restore").query().isDisabled()))
        .as("Restore, for a version that is the text now")
        .isTrue();
    robot.interact(
        () -> robot.lookup("#history-list").queryAs(ListView.class).getScene().getWindow().hide());
  }

  private static List<String> rows(FxRobot robot, String kind) throws Exception {
    return MainWindowTest.diffLines(robot, kind);
  }

  @Test
  void removedAndAddedLinesAreColouredWithTheChangedWordsMarked(FxRobot robot) throws Exception {
    openHistory(robot, "# Loom\nThreads are cheap\nend\n", "# Loom\nThreads are free\nend\nmore\n");

    // The diff's rows are drawn in one layout pass: wait for all of them, then read them at once.
    waitUntil(() -> rows(robot, "tb-diff-removed").contains("Threads are cheap"));
    waitUntil(() -> rows(robot, "tb-diff-same").size() == 2);
    assertThat(rows(robot, "tb-diff-added")).containsExactly("Threads are free", "more");
    assertThat(rows(robot, "tb-diff-same")).containsExactly("# Loom", "end");
    // The changed words have a marked background in both rows.
    assertThat(FxWait.onFx(() -> robot.lookup(".tb-diff-removed .tb-diff-mark").queryAll()))
        .hasSize(1);
    assertThat(FxWait.onFx(() -> robot.lookup(".tb-diff-added .tb-diff-mark").queryAll()))
        .isNotEmpty();
    assertThat(FxWait.onFx(() -> robot.lookup("#history-summary").queryAs(Label.class).getText()))
        .isEqualTo("Since this version: 2 lines added, 1 removed.");
    // No raw unified-diff syntax anywhere.
    assertThat(
            FxWait.onFx(
                () ->
                    robot.lookup(".tb-diff-text").queryAllAs(Text.class).stream()
                        .map(Text::getText)
                        .toList()))
        .noneMatch(t -> t.startsWith("@@"));
  }

  @Test
  void revisionsAreNamedInFull(FxRobot robot) throws Exception {
    openHistory(robot, "first\n", "second\n");
    // What each row's label says and what its text node draws, once the rows are laid out (a
    // label draws its text in its layout): an ellipsis there would stay, and fail the wait.
    record Drawn(String says, String draws) {}
    java.util.function.Function<String, List<Drawn>> drawn =
        query ->
            robot.lookup(query).queryAllAs(Label.class).stream()
                .map(l -> new Drawn(l.getText(), ((Text) l.lookup(".text")).getText()))
                .toList();
    FxWait.untilFx(
        "the rows drawn in full",
        () -> {
          List<Drawn> names = drawn.apply("#history-list .tb-row-title");
          List<Drawn> why = drawn.apply("#history-list .tb-row-detail");
          return !names.isEmpty()
              && why.stream().anyMatch(d -> d.says().startsWith("Kept when you left the talk"))
              && java.util.stream.Stream.concat(names.stream(), why.stream())
                  .allMatch(d -> d.draws().equals(d.says()));
        });
    List<Drawn> names = FxWait.onFx(() -> drawn.apply("#history-list .tb-row-title"));
    assertThat(names).isNotEmpty();
    for (Drawn name : names) {
      assertThat(name.draws()).isEqualTo(name.says()).doesNotContain("\u2026");
    }
    List<Drawn> why = FxWait.onFx(() -> drawn.apply("#history-list .tb-row-detail"));
    assertThat(why).anyMatch(d -> d.says().startsWith("Kept when you left the talk"));
    for (Drawn d : why) {
      assertThat(d.draws()).isEqualTo(d.says());
    }
  }

  @Test
  void longUnchangedStretchesFoldAndCanBeShown(FxRobot robot) throws Exception {
    String then = numbered(1, 40);
    openHistory(robot, then, then.replace("line 20\n", "line twenty\n"));
    waitUntil(() -> rows(robot, "tb-diff-added").contains("line twenty"));
    ListView<?> diff = robot.lookup("#history-diff").queryAs(ListView.class);
    assertThat(FxWait.onFx(() -> diff.getItems().size())).isEqualTo(1 + 3 + 2 + 3 + 1);
    FxWait.untilFx(
        "the folds drawn",
        () ->
            robot.lookup(".tb-diff-gap .label").queryAllAs(Label.class).stream()
                    .filter(l -> l.getText().contains("unchanged lines"))
                    .count()
                >= 2);
    assertThat(
            FxWait.onFx(
                () ->
                    robot.lookup(".tb-diff-gap .label").queryAllAs(Label.class).stream()
                        .map(Label::getText)
                        .toList()))
        .contains("\u22ef 16 unchanged lines", "\u22ef 17 unchanged lines");

    FxWait.clickOn(robot, "#history-unchanged");
    FxWait.untilFx(
        "the box ticked",
        () -> robot.lookup("#history-unchanged").queryAs(CheckBox.class).isSelected());
    assertThat(FxWait.onFx(() -> diff.getItems().size())).isEqualTo(41);
  }

  /**
   * "Restore this version" is drawn as the default button, but Enter in the list of versions (which
   * has the keys when the dialog opens) did nothing: Enter there now restores the chosen version.
   */
  @Test
  void enterInTheListRestoresTheChosenVersion(FxRobot robot) throws Exception {
    openHistory(robot, "# Loom\nkept\n", "# Loom\nkept and more\n");
    ListView<?> list = robot.lookup("#history-list").queryAs(ListView.class);
    javafx.stage.Window dialog = FxWait.onFx(() -> list.getScene().getWindow());
    FxWait.untilFx("the list focused", list::isFocused);
    robot.type(KeyCode.ENTER);
    FxWait.untilFx("the dialog closed", () -> !dialog.isShowing());
    waitUntil(() -> WindowUnderTest.editorText(robot).equals("# Loom\nkept\n"));
  }

  @Test
  void escClosesTheDialogAfterARevisionWasClicked(FxRobot robot) throws Exception {
    openHistory(robot, "# Loom\nkept\n", "# Loom\nkept and more\n");
    javafx.stage.Window dialog =
        FxWait.onFx(() -> robot.lookup("#history-list").query().getScene().getWindow());
    FxWait.untilFx(
        "a revision drawn",
        () ->
            robot.lookup("#history-list .list-cell").queryAll().stream()
                .anyMatch(n -> ((javafx.scene.control.ListCell<?>) n).getItem() != null));
    javafx.scene.Node row =
        robot.lookup("#history-list .list-cell").queryAll().stream()
            .filter(n -> ((javafx.scene.control.ListCell<?>) n).getItem() != null)
            .findFirst()
            .orElseThrow();
    robot.clickOn(row);
    FxWait.untilFx("the list focused", () -> robot.lookup("#history-list").query().isFocused());
    robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    FxWait.untilFx("the dialog closed", () -> !dialog.isShowing());
  }

  @Test
  void theListHasTheFocusWithTheNewestChosenAndTabReachesTheDiffAndRestore(FxRobot robot)
      throws Exception {
    Event event = ui.notebook.events().create(Event.Details.titled("Meetup"));
    Talk talk =
        ui.notebook.talks().create(event.id(), Talk.Details.titled("Loom"), "# Loom\none\n");
    ui.notebook.revisions().checkpoint(talk.id());
    ui.notebook.talks().saveBody(talk.id(), "# Loom\ntwo\n");
    ui.notebook.revisions().checkpoint(talk.id());
    ui.notebook.talks().saveBody(talk.id(), "# Loom\nthree\n");
    ui.reload(robot);
    robot.interact(() -> ui.window.open(talk.id(), null));
    waitUntil(() -> WindowUnderTest.editorText(robot).equals("# Loom\nthree\n"));
    FxWait.clickOn(robot, "#editor");
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H)
        .release(KeyCode.H, KeyCode.SHIFT, KeyCode.CONTROL);
    waitUntil(() -> robot.lookup("#history-list").tryQuery().isPresent());
    ListView<?> list = robot.lookup("#history-list").queryAs(ListView.class);
    FxWait.untilFx("the kept versions listed", () -> list.getItems().size() >= 2);
    // At once, without a click: the list has the keys, the newest version chosen and compared.
    FxWait.untilFx(
        "the list focused with the newest chosen",
        () -> list.isFocused() && list.getSelectionModel().getSelectedIndex() == 0);
    assertThat(FxWait.onFx(() -> ((Revision) list.getSelectionModel().getSelectedItem()).body()))
        .isEqualTo("# Loom\ntwo\n");
    robot.type(KeyCode.DOWN);
    FxWait.untilFx(
        "Down to choose the older version", () -> list.getSelectionModel().getSelectedIndex() == 1);
    assertThat(FxWait.onFx(() -> ((Revision) list.getSelectionModel().getSelectedItem()).body()))
        .isEqualTo("# Loom\none\n");
    // Tab from the list: the option above the diff, the diff, then the buttons (in the platform's
    // order: on Linux Close comes first).
    List<String> order = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      robot.type(KeyCode.TAB);
      order.add(
          FxWait.onFx(
              () -> {
                javafx.scene.Node owner = list.getScene().getFocusOwner();
                return owner instanceof javafx.scene.control.Button b && b.getId() == null
                    ? b.getText()
                    : owner.getId();
              }));
    }
    assertThat(order.subList(0, 2)).containsExactly("history-unchanged", "history-diff");
    assertThat(order.subList(2, 4)).containsExactlyInAnyOrder("restore", "Close");
    robot.interact(() -> list.getScene().getWindow().hide());
  }
}
