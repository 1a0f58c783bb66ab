package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.talkbook.core.sample.SampleMeetup;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.core.store.NotebookOpenException;
import dev.talkbook.core.store.OldNotebook;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A notebook that another Talkbook has open: the open-problem dialog offers "Open read-only", and
 * that open works beside the writer.
 */
class OpenReadOnlyTest extends RealWindowTest {

  /** Waits for {@code condition} (an exception from it means "not yet"), then for the FX events. */
  private static void waitUntil(Callable<Boolean> condition) {
    FxWait.until(condition);
  }

  @Test
  void aNotebookOpenElsewhereCanBeOpenedReadOnly(FxRobot robot) throws Exception {
    SampleMeetup.addTo(ui.notebook);
    Path file = ui.notebook.file();
    NotebookOpenException locked =
        catchThrowableOfType(NotebookOpenException.class, () -> Notebook.open(file).close());
    assertThat(locked.problem()).isEqualTo(NotebookOpenException.Problem.LOCKED);
    assertThat(locked.getMessage()).contains("--read-only");

    AtomicReference<OpenProblemDialog.Choice> choice = new AtomicReference<>();
    Platform.runLater(() -> choice.set(OpenProblemDialog.ask(ui.stage, locked, null)));
    waitUntil(() -> robot.lookup("#open-problem").tryQuery().isPresent());
    assertThat(robot.lookup("Choose another…").tryQuery()).isPresent();
    javafx.scene.Parent pane = robot.lookup("#open-problem").queryParent();
    assertThat(FxWait.onFx(() -> WindowUnderTest.cutShort(pane))).isEmpty();

    FxWait.clickOn(robot, "Open read-only");

    waitUntil(() -> choice.get() != null);
    assertThat(choice.get()).isEqualTo(new OpenProblemDialog.Choice.OpenReadOnly(file));
    try (Notebook beside =
        Notebook.open(file, Notebook.Options.defaults().withReadOnly(true).withCreate(false))) {
      assertThat(beside.isReadOnly()).isTrue();
      assertThat(beside.talks().count()).isEqualTo(SampleMeetup.talkCount());
    }
  }

  @Test
  void aFileThatIsNotANotebookIsNotOfferedReadOnly(FxRobot robot) throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.talkbook"), "not a notebook");
    NotebookOpenException problem =
        catchThrowableOfType(NotebookOpenException.class, () -> Notebook.open(bad).close());

    robot.interact(() -> OpenProblemDialog.alert(ui.stage, problem, null).show());
    waitUntil(() -> robot.lookup("#open-problem").tryQuery().isPresent());

    assertThat(robot.lookup("Open read-only").tryQuery()).isEmpty();
    // Enter does the likely next step, as in every other dialog: it had no default button.
    javafx.scene.control.DialogPane pane =
        robot.lookup("#open-problem").queryAs(javafx.scene.control.DialogPane.class);
    assertThat(
            FxWait.onFx(
                () ->
                    ((javafx.scene.control.Button) pane.lookupButton(OpenProblemDialog.CHOOSE))
                        .isDefaultButton()))
        .isTrue();
    FxWait.clickOn(robot, "Quit");
  }

  @Test
  void anOlderNotebookAskedReadOnlyIsOfferedAnUpgradeNotACommandLineFlag(FxRobot robot)
      throws Exception {
    Path old = OldNotebook.atVersion(dir.resolve("old.talkbook"), 5);
    NotebookOpenException problem =
        catchThrowableOfType(
            NotebookOpenException.class,
            () -> Notebook.open(old, Notebook.Options.defaults().withReadOnly(true)).close());
    assertThat(problem.problem()).isEqualTo(NotebookOpenException.Problem.NEEDS_UPGRADE);

    AtomicReference<OpenProblemDialog.Choice> choice = new AtomicReference<>();
    Platform.runLater(() -> choice.set(OpenProblemDialog.ask(ui.stage, problem, null)));
    waitUntil(() -> robot.lookup("#open-problem").tryQuery().isPresent());
    assertThat(robot.lookup("#open-problem .content").queryLabeled().getText())
        .contains(old.toString())
        .contains("older Talkbook")
        .doesNotContain("--read-only");
    assertThat(robot.lookup("Open read-only").tryQuery()).isEmpty();
    FxWait.clickOn(robot, "Upgrade and open");
    waitUntil(() -> choice.get() != null);
    assertThat(choice.get()).isEqualTo(new OpenProblemDialog.Choice.UpgradeAndOpen(old));
  }

  @Test
  void anOlderNotebookAnotherTalkbookHoldsIsNotOfferedReadOnly(FxRobot robot) throws Exception {
    Path old = OldNotebook.atVersion(dir.resolve("old.talkbook"), 5);
    NotebookOpenException problem;
    try (FileChannel held =
            FileChannel.open(
                old.resolveSibling("old.talkbook.lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = held.lock()) {
      problem = catchThrowableOfType(NotebookOpenException.class, () -> Notebook.open(old).close());
    }
    assertThat(problem.problem()).isEqualTo(NotebookOpenException.Problem.LOCKED_NEEDS_UPGRADE);

    robot.interact(() -> OpenProblemDialog.alert(ui.stage, problem, null).show());
    waitUntil(() -> robot.lookup("#open-problem").tryQuery().isPresent());
    assertThat(robot.lookup("#open-problem .content").queryLabeled().getText())
        .contains("Close the other Talkbook first")
        .doesNotContain("read-only");
    assertThat(robot.lookup("Open read-only").tryQuery()).isEmpty();
    assertThat(robot.lookup("Upgrade and open").tryQuery()).isEmpty();
    FxWait.clickOn(robot, "Quit");
  }

  @Test
  void anUpgradeShowsANoticeUntilTheOpenIsDone(FxRobot robot) throws Exception {
    CompletableFuture<Notebook> opened = new CompletableFuture<>();
    CompletableFuture<String> begun = new CompletableFuture<>();
    AtomicReference<Notebook> got = new AtomicReference<>();
    begun.complete(
        "Upgrading notebook old.talkbook to format 6 (once; its search index is made again)…");
    Platform.runLater(() -> got.set(UpgradeNotice.await(opened, begun)));
    waitUntil(() -> robot.lookup("#upgrade-notice").tryQuery().isPresent());
    assertThat(robot.lookup("#upgrade-notice").queryLabeled().getText())
        .startsWith("Upgrading notebook old.talkbook");
    // The FX thread goes on meanwhile (the notice paints; the window would too).
    assertThat(FxWait.onFx(() -> true)).isTrue();

    opened.complete(ui.notebook);
    waitUntil(() -> got.get() != null);
    assertThat(got.get()).isSameAs(ui.notebook);
    waitUntil(() -> robot.lookup("#upgrade-notice").tryQuery().isEmpty());
  }

  @Test
  void upgradeAndOpenUpgradesTheFileThenOpensItReadOnly(FxRobot robot) throws Exception {
    Path old = OldNotebook.atVersion(dir.resolve("old.talkbook"), 5);
    AtomicReference<Notebook> got = new AtomicReference<>();
    Platform.runLater(
        () ->
            got.set(
                App.upgradeThenOpen(
                    old, Notebook.Options.defaults().withCreate(false).withReadOnly(true))));
    waitUntil(() -> got.get() != null);
    try (Notebook book = got.get()) {
      assertThat(book.isReadOnly()).isTrue();
      assertThat(book.formatVersion()).isEqualTo(OldNotebook.latest());
      assertThat(book.talks().count()).isEqualTo(1);
    }
  }
}
