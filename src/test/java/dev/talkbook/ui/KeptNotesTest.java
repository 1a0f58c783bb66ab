package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.ui.common.Settings;
import dev.talkbook.ui.common.UiExecutors;
import dev.talkbook.ui.talk.EditorSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Notes kept in a file as Talkbook closed are told of when the window is next up. */
class KeptNotesTest extends OwnerWindowTest {
  private final UiExecutors executors = new UiExecutors();
  private final List<String> opened = new CopyOnWriteArrayList<>();

  @AfterEach
  void closeExecutors() {
    executors.close();
  }

  private Path keptFile(Path notebookFile) {
    long event = notebook.events().create(Event.Details.titled("Evening")).id();
    Talk talk = notebook.talks().create(event, Talk.Details.titled("Keynote"), "");
    return ShutdownRecovery.write(
        notebookFile,
        new EditorSession.Unsaved(talk, "typed as it closed"),
        null,
        dir.resolve("tmp"));
  }

  private void offer(FxRobot robot, Path notebookFile, Settings settings) {
    robot.interact(
        () ->
            KeptNotes.offer(
                stage, notebookFile, settings, executors, dir.resolve("tmp"), opened::add));
  }

  /** Waits until the notebook thread's queue and the FX callbacks before this one have run. */
  private void settle() {
    AtomicBoolean done = new AtomicBoolean();
    executors.run(() -> null, nothing -> done.set(true), error -> done.set(true));
    FxWait.until("the notebook thread's work done", done::get);
  }

  private static boolean asked(FxRobot robot) {
    return robot
        .lookup("#" + KeptNotes.DIALOG_ID)
        .tryQuery()
        .map(Node::getScene)
        .map(s -> s.getWindow().isShowing())
        .orElse(false);
  }

  @Test
  void openOpensTheFileAndItIsNotToldOfAgain(FxRobot robot) throws Exception {
    Files.createDirectories(dir.resolve("tmp"));
    Path notebookFile = dir.resolve("notes.talkbook");
    Path kept = keptFile(notebookFile);
    Settings settings = Settings.load(dir.resolve("settings.properties"));

    offer(robot, notebookFile, settings);
    FxWait.until("the question", () -> asked(robot));
    String text =
        FxWait.onFx(
            () ->
                robot.lookup("#" + KeptNotes.DIALOG_ID).queryAs(DialogPane.class).getContentText());
    assertThat(text).contains(kept.toString()).contains("could not be saved");
    FxWait.clickOn(robot, "Open");
    FxWait.until("the file opened", () -> opened.size() == 1);
    assertThat(opened).containsExactly(kept.toUri().toString());

    offer(robot, notebookFile, settings);
    settle();
    assertThat(FxWait.onFx(() -> asked(robot))).as("asked again after Open").isFalse();
  }

  @Test
  void notNowAsksAgainNextTime(FxRobot robot) throws Exception {
    Files.createDirectories(dir.resolve("tmp"));
    Path notebookFile = dir.resolve("notes.talkbook");
    keptFile(notebookFile);
    Settings settings = Settings.load(dir.resolve("settings.properties"));

    offer(robot, notebookFile, settings);
    FxWait.until("the question", () -> asked(robot));
    FxWait.clickOn(robot, "Not now");
    FxWait.until("the question gone", () -> !asked(robot));
    assertThat(opened).isEmpty();

    offer(robot, notebookFile, settings);
    FxWait.until("the question again", () -> asked(robot));
    FxWait.clickOn(robot, "Not now");
  }

  @Test
  void nothingKeptAsksNothing(FxRobot robot) throws Exception {
    offer(robot, dir.resolve("notes.talkbook"), Settings.load(dir.resolve("s.properties")));
    settle();
    assertThat(FxWait.onFx(() -> asked(robot))).isFalse();
  }

  @Test
  void manyFilesNameTheNewestSixAndCountTheOlderOnes() {
    List<Path> files =
        java.util.stream.IntStream.rangeClosed(1, 8)
            .mapToObj(i -> dir.resolve("notes.talkbook.unsaved-" + i + ".md"))
            .toList();
    String named = KeptNotes.named(files);
    assertThat(named.lines().toList())
        .hasSize(7)
        .startsWith(files.get(2).toString())
        .endsWith("… and 2 older files");
    assertThat(KeptNotes.named(files.subList(0, 1))).isEqualTo(files.get(0).toString());
  }
}
