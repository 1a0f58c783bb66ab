package dev.talkbook.ui.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.repl.Rehearsal;
import dev.talkbook.core.repl.ReplOptions;
import dev.talkbook.core.repl.ReplSession;
import dev.talkbook.ui.FxWait;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Java → Rehearse: every block in a fresh VM against its stored output, notes unchanged. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RehearsalViewTest {

  private ReplSession session;
  private CodeArea notes;
  private NotesRunner runner;
  private final List<String> statuses = new ArrayList<>();

  @Start
  void start(Stage stage) throws Exception {
    session = ReplSession.start(ReplOptions.defaults());
    session.ready().get(60, TimeUnit.SECONDS);
    notes = new CodeArea();
    runner = new NotesRunner(notes, session, statuses::add);
    stage.setScene(new Scene(notes, 600, 400));
    stage.show();
  }

  @AfterEach
  void close() {
    session.close();
  }

  @Test
  void rehearseListsEachBlockShowsTheDifferenceAndChangesNothing(FxRobot robot) throws Exception {
    String md =
        "# Demo\n\n```java\nint n = 20;\n```\n\n```java\nn + 1\n```\n```output\n⇒ 21\n```\n\n"
            + "```java\nSystem.out.println(\"new\");\n```\n```output\nold\n```\n";
    robot.interact(() -> notes.replaceText(md));

    RehearsalView[] view = new RehearsalView[1];
    robot.interact(() -> view[0] = runner.rehearse());
    Scene scene = view[0].stage().getScene();
    ListView<?> checks = (ListView<?>) scene.lookup("#" + RehearsalView.CHECKS_ID);
    // A fresh JVM runs the blocks: slow on a loaded machine.
    // Until it is over: the third check is listed as it has run, a moment before the end selects
    // the block that differs.
    Label over = (Label) scene.lookup("#" + RehearsalView.STATUS_ID);
    FxWait.untilFx(
        "the three checks, the rehearsal over",
        java.time.Duration.ofSeconds(90),
        () -> checks.getItems().size() == 3 && over.getText().endsWith("were not changed."));

    // The checks, the selection, the difference and the status are set at once: read them so.
    record Shown(
        List<String> checks, int selected, String difference, String status, String notes) {}
    Shown shown =
        FxWait.onFx(
            () ->
                new Shown(
                    checks.getItems().stream()
                        .map(c -> RehearsalView.describe((Rehearsal.Check) c))
                        .toList(),
                    checks.getSelectionModel().getSelectedIndex(),
                    ((TextArea) scene.lookup("#" + RehearsalView.DIFFERENCE_ID)).getText(),
                    ((Label) scene.lookup("#" + RehearsalView.STATUS_ID)).getText(),
                    notes.getText()));
    assertThat(shown.checks())
        .containsExactly(
            "✓ Block 1, line 3: as in the notes",
            "✓ Block 2, line 7: as in the notes",
            "✗ Block 3, line 14: differs");
    assertThat(shown.selected()).isEqualTo(2);
    assertThat(shown.difference()).contains("-old\n+new");
    assertThat(shown.status())
        .isEqualTo("1 of 3 blocks differs from what the notes keep. The notes were not changed.");
    assertThat(shown.notes()).isEqualTo(md);

    // Show in notes puts the caret on the block that differs.
    robot.interact(
        () ->
            scene.getRoot().lookupAll(".button").stream()
                .map(n -> (Button) n)
                .filter(b -> b.getText().equals("Show in notes"))
                .findFirst()
                .orElseThrow()
                .fire());
    assertThat(FxWait.onFx(notes::getCaretPosition)).isEqualTo(md.indexOf("```java\nSystem.out"));
    // Its buttons on the right, as in every other dialog (they sat on the left).
    double[] right =
        FxWait.onFx(
            () -> {
              Button close = (Button) scene.lookup("#" + RehearsalView.CLOSE_ID);
              javafx.scene.layout.Region root = (javafx.scene.layout.Region) scene.getRoot();
              return new double[] {
                close.localToScene(close.getLayoutBounds()).getMaxX(),
                scene.getWidth() - root.getPadding().getRight()
              };
            });
    assertThat(right[0]).isCloseTo(right[1], org.assertj.core.data.Offset.offset(1.0));
    robot.interact(() -> view[0].stage().close());
  }

  @Test
  void eachBlockIsListedOnceItHasRunAndClosingStopsTheRehearsalAndItsJvm(FxRobot robot)
      throws Exception {
    java.util.Set<ProcessHandle> before = NotesRunnerTest.descendants();
    NotesRunner patient =
        new NotesRunner(
            notes,
            session,
            () ->
                ReplSession.start(
                    dev.talkbook.core.repl.BlockRun.options(java.time.Duration.ofSeconds(300))),
            statuses::add);
    String md =
        "```java\n6 * 7\n```\n```output\n⇒ 42\n```\n\n```java\nwhile (true) {}\n```\n\n"
            + "```java\n1\n```\n";
    robot.interact(() -> notes.replaceText(md));
    RehearsalView[] view = new RehearsalView[1];
    robot.interact(() -> view[0] = patient.rehearse());
    Scene scene = view[0].stage().getScene();
    ListView<?> checks = (ListView<?>) scene.lookup("#" + RehearsalView.CHECKS_ID);
    Label status = (Label) scene.lookup("#" + RehearsalView.STATUS_ID);

    // The first block is listed while the second still runs.
    FxWait.untilFx(
        "the first check, the second block running",
        java.time.Duration.ofSeconds(60),
        () -> checks.getItems().size() == 1 && status.getText().equals("Running block 2 of 3…"));
    assertThat(
            FxWait.onFx(() -> RehearsalView.describe((Rehearsal.Check) checks.getItems().get(0))))
        .isEqualTo("✓ Block 1, line 1: as in the notes");
    assertThat(FxWait.onFx(patient::isRunning)).isTrue();
    java.util.Set<ProcessHandle> started = NotesRunnerTest.descendants();
    started.removeAll(before);
    assertThat(started).as("the rehearsal's JVM").isNotEmpty();

    robot.interact(() -> view[0].stage().close());

    FxWait.untilFx(
        "the rehearsal to have stopped",
        java.time.Duration.ofSeconds(15),
        () -> !patient.isRunning());
    org.testfx.util.WaitForAsyncUtils.waitFor(
        15, TimeUnit.SECONDS, () -> started.stream().noneMatch(ProcessHandle::isAlive));
    assertThat(statuses)
        .last()
        .asString()
        .startsWith("Rehearsal: Stopped: 1 of 3 blocks did not run.");
    String now = FxWait.onFx(() -> notes.getText());
    assertThat(now).isEqualTo(md);
  }

  @Test
  void notesWithoutJavaBlocksSaySo(FxRobot robot) {
    robot.interact(() -> notes.replaceText("# Only words"));
    RehearsalView[] view = new RehearsalView[1];
    robot.interact(() -> view[0] = runner.rehearse());
    assertThat(view[0]).isNull();
    assertThat(statuses).containsExactly("These notes have no ```java blocks to rehearse.");
  }
}
