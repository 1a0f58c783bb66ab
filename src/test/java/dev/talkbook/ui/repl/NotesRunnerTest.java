package dev.talkbook.ui.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.markdown.Unstamped;
import dev.talkbook.core.repl.ReplOptions;
import dev.talkbook.core.repl.ReplSession;
import dev.talkbook.ui.FxWait;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Code blocks in notes run in place; the output block lands under them as one undo step. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class NotesRunnerTest {

  private ReplSession session;
  private CodeArea notes;
  private NotesRunner runner;
  private final java.util.List<String> said =
      java.util.Collections.synchronizedList(new java.util.ArrayList<>());

  @Start
  void start(Stage stage) throws Exception {
    session = ReplSession.start(ReplOptions.defaults());
    session.ready().get(60, TimeUnit.SECONDS);
    notes = new CodeArea();
    runner = new NotesRunner(notes, session, said::add);
    notes.addEventFilter(
        javafx.scene.input.KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ENTER && e.isShortcutDown() && e.isShiftDown()) {
            runner.runBlockAtCaret();
            e.consume();
          }
        });
    stage.setScene(new Scene(notes, 600, 400));
    stage.show();
  }

  @AfterEach
  void close() {
    session.close();
  }

  @Test
  void ctrlShiftEnterRunsTheBlockAndWritesItsOutputUnderIt(FxRobot robot) throws Exception {
    String md = "# Demo\n\n```java\nSystem.out.println(\"hi\");\n6 * 7\n```\n\nThe end.\n";
    robot.interact(
        () -> {
          notes.replaceText(md);
          notes.getUndoManager().forgetHistory();
          notes.moveTo(md.indexOf("6 * 7"));
        });
    FxWait.clickOn(robot, notes);
    robot.interact(() -> notes.moveTo(md.indexOf("6 * 7")));
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.ENTER)
        .release(KeyCode.ENTER, KeyCode.SHIFT, KeyCode.CONTROL);
    // The output is written in one replacement, on the FX thread.
    FxWait.untilFx("the output block", () -> notes.getText().contains("```output"));
    String expected =
        "# Demo\n\n```java\nSystem.out.println(\"hi\");\n6 * 7\n```\n```output\nhi\n⇒ 42\n```\n"
            + "\nThe end.\n";
    assertThat(text()).isEqualTo(expected);
    // One undo takes the whole output away.
    robot.interact(() -> notes.undo());
    assertThat(text()).isEqualTo(md);
    // Running twice replaces the output block rather than adding a second one.
    for (int i = 0; i < 2; i++) {
      robot.interact(() -> notes.moveTo(md.indexOf("6 * 7")));
      var done =
          new java.util.concurrent.atomic.AtomicReference<
              java.util.concurrent.CompletableFuture<Void>>();
      robot.interact(() -> done.set(runner.runBlockAtCaret()));
      done.get().get(FxWait.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
    assertThat(text()).isEqualTo(expected);
  }

  /**
   * A block that prints 30,000 lines: its output block keeps the last 200, after a line saying how
   * many were not kept (all of them were written into the notes, and sent to every viewer).
   */
  @Test
  void aLongOutputIsWrittenAsItsNewestLinesAfterALineSayingHowManyWereNotKept(FxRobot robot)
      throws Exception {
    String md =
        "```java\nfor (int i = 0; i < 30_000; i++) System.out.println(\"line \" + i);\n```\n";
    robot.interact(
        () -> {
          notes.replaceText(md);
          notes.moveTo(md.indexOf("for"));
        });
    var done =
        new java.util.concurrent.atomic.AtomicReference<
            java.util.concurrent.CompletableFuture<Void>>();
    robot.interact(() -> done.set(runner.runBlockAtCaret()));
    done.get().get(60, TimeUnit.SECONDS);
    String text = text();
    assertThat(text)
        .startsWith(md + "```output\n… 29,800 earlier lines not kept (30,000 in all)\nline 29800\n")
        .endsWith("line 29999\n```\n");
    assertThat(text.length() - md.length()).isLessThan(16 * 1024 + 300);
  }

  @Test
  void runAllRunsEveryBlockInOrderInAFreshSession(FxRobot robot) throws Exception {
    session.evaluate("int leftOver = 1;").get(FxWait.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    String md =
        "```java\nint n = 20;\n```\n\ntext\n\n```java\nn + 1\n```\n\n```output\nold\n```\n"
            + "```java\nleftOver\n```\n";
    robot.interact(() -> notes.replaceText(md));
    var done =
        new java.util.concurrent.atomic.AtomicReference<
            java.util.concurrent.CompletableFuture<Void>>();
    robot.interact(() -> done.set(runner.runAll()));
    // A fresh JVM first, then each block: wait for all of it to be written (on the FX thread).
    done.get().get(60, TimeUnit.SECONDS);
    String text = text();
    assertThat(text).contains("```java\nn + 1\n```\n\n```output\n⇒ 21\n```\n");
    assertThat(text).doesNotContain("old");
    assertThat(text).contains("```java\nleftOver\n```\n```output-error\nerror: cannot find symbol");
    // The status says one failed, and which: not "Ran 3 code blocks." as if all went well.
    assertThat(said).last().isEqualTo("Ran 3 code blocks; 1 failed (the 3rd).");
  }

  @Test
  void aBlockThatFailsIsSaidToHaveFailed(FxRobot robot) throws Exception {
    String md = "```java\nint y = \"no\";\n```\n";
    robot.interact(
        () -> {
          notes.replaceText(md);
          notes.moveTo(md.indexOf("int y"));
        });
    var done =
        new java.util.concurrent.atomic.AtomicReference<
            java.util.concurrent.CompletableFuture<Void>>();
    robot.interact(() -> done.set(runner.runBlockAtCaret()));
    done.get().get(FxWait.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    assertThat(text()).contains("```output-error");
    assertThat(said).last().isEqualTo("The code block failed: its error is under it.");
  }

  /**
   * A block stopped on request is not a failure: what it printed and "Stopped." replace its old
   * output as a plain output block (no red error on the page), and the status says it was stopped.
   */
  @Test
  void aBlockStoppedOnRequestKeepsWhatItPrintedAsAPlainOutput(FxRobot robot) throws Exception {
    String md =
        "```java\nfor (int i = 0; ; i++) { if (i < 3) System.out.println(\"tick \" + i);"
            + " Thread.sleep(5); }\n```\n```output\ntick 0\ntick 1\ntick 2\nDone.\n```\n";
    java.util.concurrent.CountDownLatch printed = new java.util.concurrent.CountDownLatch(1);
    try (AutoCloseable listening =
        session.addListener(
            e -> {
              if (e instanceof dev.talkbook.core.repl.ReplEvent.Output o
                  && o.text().contains("tick 2")) {
                printed.countDown();
              }
            })) {
      robot.interact(
          () -> {
            notes.replaceText(md);
            notes.moveTo(md.indexOf("for"));
          });
      var done =
          new java.util.concurrent.atomic.AtomicReference<
              java.util.concurrent.CompletableFuture<Void>>();
      robot.interact(() -> done.set(runner.runBlockAtCaret()));
      assertThat(said).last().isEqualTo("Running the code block… Esc stops it");
      assertThat(printed.await(60, TimeUnit.SECONDS)).isTrue();
      session.stop();
      done.get().get(FxWait.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
    assertThat(text())
        .isEqualTo(
            md.substring(0, md.indexOf("```output"))
                + "```output\ntick 0\ntick 1\ntick 2\nStopped.\n```\n");
    assertThat(said)
        .last()
        .isEqualTo(
            "Stopped the code block: what it printed until then is under it (Ctrl+Z brings back"
                + " the one before).");
  }

  @Test
  void theErrorOfABlockRunAtTheCaretSaysItsBlockAndLine(FxRobot robot) throws Exception {
    String md =
        "```java\nint half(int n) { return 10 / n; }\n```\n\n```java\nint x = 1;\nhalf(0)\n```\n";
    var done =
        new java.util.concurrent.atomic.AtomicReference<
            java.util.concurrent.CompletableFuture<Void>>();
    for (String at : new String[] {"int half", "half(0)"}) {
      robot.interact(
          () -> {
            notes.moveTo(0);
            if (!notes.getText().startsWith("```java")) {
              notes.replaceText(md);
            }
            notes.moveTo(notes.getText().indexOf(at));
            done.set(runner.runBlockAtCaret());
          });
      done.get().get(FxWait.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
    assertThat(text())
        .contains(
            "```output-error\njava.lang.ArithmeticException: / by zero\n"
                + "    at half (block 1, line 1)\n    at (block 2, line 2)\n```");
  }

  @Test
  void runAllSaysWhichBlocksFailed() {
    var ok = new dev.talkbook.core.repl.NoteCode.Result("1", false);
    var bad = new dev.talkbook.core.repl.NoteCode.Result("error", true);
    assertThat(NotesRunner.ranAll(java.util.List.of(ok, ok))).isEqualTo("Ran 2 code blocks.");
    assertThat(NotesRunner.ranAll(java.util.List.of(bad)))
        .isEqualTo("Ran 1 code block; it failed.");
    assertThat(NotesRunner.ranAll(java.util.List.of(bad, bad)))
        .isEqualTo("Ran 2 code blocks; all failed.");
    var many = new java.util.ArrayList<dev.talkbook.core.repl.NoteCode.Result>();
    for (int i = 1; i <= 13; i++) {
      many.add(i == 2 || i >= 11 ? bad : ok);
    }
    assertThat(NotesRunner.ranAll(many))
        .isEqualTo("Ran 13 code blocks; 4 failed (the 2nd, 11th, 12th, 13th).");
  }

  @Test
  void saveTranscriptAppendsTheSessionToTheNotesAsOneUndoStep(FxRobot robot) throws Exception {
    String md = "# Live demo\n\n- first point";
    var statuses = new java.util.ArrayList<String>();
    NotesRunner withStatus = new NotesRunner(notes, session, statuses::add);
    robot.interact(
        () -> {
          notes.replaceText(md);
          notes.getUndoManager().forgetHistory();
        });

    robot.interact(() -> withStatus.saveTranscript(java.util.List.of()));
    assertThat(text()).isEqualTo(md);
    assertThat(statuses).containsExactly("Nothing has run in the REPL yet.");

    robot.interact(
        () ->
            withStatus.saveTranscript(
                java.util.List.of(
                    new dev.talkbook.core.repl.NoteCode.Ran("int x = 41;", "", false),
                    new dev.talkbook.core.repl.NoteCode.Ran("x + 1", "⇒ 42\n", false))));
    assertThat(text())
        .isEqualTo(
            md + "\n\n```java\nint x = 41;\n```\n\n```java\nx + 1\n```\n```output\n⇒ 42\n```\n");
    assertThat(statuses).last().isEqualTo("Added 2 REPL inputs to the notes.");
    robot.interact(() -> notes.undo());
    assertThat(text()).isEqualTo(md);
  }

  /** A runner whose Run all and Rehearse run each block with {@code limit}. */
  private NotesRunner runnerWithTimeLimit(java.time.Duration limit) {
    return new NotesRunner(
        notes,
        session,
        () -> ReplSession.start(dev.talkbook.core.repl.BlockRun.options(limit)),
        said::add);
  }

  /** The processes this JVM started, and theirs, now. */
  static java.util.Set<ProcessHandle> descendants() {
    return ProcessHandle.current().descendants().collect(java.util.stream.Collectors.toSet());
  }

  private static final String ENDLESS =
      "```java\nint n = 20;\n```\n\n```java\nwhile (true) {}\n```\n```output\nold\n```\n\n"
          + "```java\nn + 1\n```\n";

  @Test
  void runAllStopsABlockAtTheTimeLimitAndRunsTheRest(FxRobot robot) throws Exception {
    NotesRunner limited = runnerWithTimeLimit(java.time.Duration.ofSeconds(2));
    robot.interact(() -> notes.replaceText(ENDLESS));
    var done =
        new java.util.concurrent.atomic.AtomicReference<
            java.util.concurrent.CompletableFuture<Void>>();
    robot.interact(() -> done.set(limited.runAll()));
    done.get().get(60, TimeUnit.SECONDS);

    assertThat(text())
        .isEqualTo(
            "```java\nint n = 20;\n```\n\n```java\nwhile (true) {}\n```\n"
                + "```output-error\nStopped after the time limit of 2 s.\n```\n\n"
                + "```java\nn + 1\n```\n```output\n⇒ 21\n```\n");
    assertThat(said).last().isEqualTo("Ran 3 code blocks; 1 failed (the 2nd).");
    assertThat(FxWait.onFx(limited::isRunning)).isFalse();
  }

  @Test
  void stopDuringRunAllStopsTheBlockAndTheRestAndSaysSo(FxRobot robot) throws Exception {
    NotesRunner patient = runnerWithTimeLimit(java.time.Duration.ofSeconds(300));
    robot.interact(() -> notes.replaceText(ENDLESS));
    var done =
        new java.util.concurrent.atomic.AtomicReference<
            java.util.concurrent.CompletableFuture<Void>>();
    robot.interact(() -> done.set(patient.runAll()));
    assertThat(FxWait.onFx(patient::isRunning)).isTrue();
    FxWait.untilFx(
        "the endless block to run",
        java.time.Duration.ofSeconds(60),
        () ->
            "Running code block 2 of 3 in a fresh Java VM… Esc stops it"
                .equals(said.get(said.size() - 1)));

    robot.interact(patient::stop);
    done.get().get(15, TimeUnit.SECONDS);

    // What ran is written, the stopped block's "Stopped." too (a plain output: the stop was asked
    // for, the code did not fail); the block after it is untouched.
    assertThat(text())
        .isEqualTo(
            "```java\nint n = 20;\n```\n\n```java\nwhile (true) {}\n```\n"
                + "```output\nStopped.\n```\n\n```java\nn + 1\n```\n");
    assertThat(said)
        .last()
        .isEqualTo("Stopped at the 2nd of 3 code blocks; the one after it did not run.");
    assertThat(FxWait.onFx(patient::isRunning)).isFalse();
  }

  @Test
  void closingEndsRunAllAndItsJvmAndWritesNothing(FxRobot robot) throws Exception {
    java.util.Set<ProcessHandle> before = descendants();
    NotesRunner patient = runnerWithTimeLimit(java.time.Duration.ofSeconds(300));
    robot.interact(() -> notes.replaceText(ENDLESS));
    robot.interact(patient::runAll);
    FxWait.untilFx(
        "the endless block to run",
        java.time.Duration.ofSeconds(60),
        () ->
            "Running code block 2 of 3 in a fresh Java VM… Esc stops it"
                .equals(said.get(said.size() - 1)));
    java.util.Set<ProcessHandle> started = descendants();
    started.removeAll(before);
    assertThat(started).as("Run all's JVM").isNotEmpty();

    robot.interact(patient::close); // the window closes, the app quits

    assertThat(started).noneMatch(ProcessHandle::isAlive);
    assertThat(FxWait.onFx(patient::isRunning)).isFalse();
    org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    assertThat(text()).isEqualTo(ENDLESS);
  }

  @Test
  void runAllSaysWhereItWasStopped() {
    var ok =
        new dev.talkbook.core.repl.Evaluation(
            1,
            java.util.List.of(),
            dev.talkbook.core.repl.Evaluation.Outcome.COMPLETED,
            "",
            java.time.Duration.ZERO);
    var stopped =
        new dev.talkbook.core.repl.Evaluation(
            2,
            java.util.List.of(),
            dev.talkbook.core.repl.Evaluation.Outcome.STOPPED,
            "Stopped.",
            java.time.Duration.ZERO);
    assertThat(
            NotesRunner.stoppedAt(
                new dev.talkbook.core.repl.BlockRun.Result(
                    java.util.List.of(ok, stopped), 11, true)))
        .isEqualTo("Stopped at the 2nd of 11 code blocks; the 9 after it did not run.");
    assertThat(
            NotesRunner.stoppedAt(
                new dev.talkbook.core.repl.BlockRun.Result(java.util.List.of(ok), 3, true)))
        .isEqualTo("Stopped after the 1st of 3 code blocks; the 2 after it did not run.");
    assertThat(
            NotesRunner.stoppedAt(
                new dev.talkbook.core.repl.BlockRun.Result(
                    java.util.List.of(ok, stopped), 2, true)))
        .isEqualTo("Stopped at the 2nd of 2 code blocks.");
    assertThat(
            NotesRunner.stoppedAt(
                new dev.talkbook.core.repl.BlockRun.Result(java.util.List.of(), 2, true)))
        .isEqualTo("Stopped before the first of 2 code blocks; none ran.");
  }

  /**
   * A block run in one talk, another talk opened before it ended (its notes with a block of the
   * same code): the output is not written under that talk's block, where it was saved, and the
   * status says it was written nowhere. Run all alike.
   */
  @Test
  void outputsGoOnlyIntoTheNotesTheyRanFrom(FxRobot robot) throws Exception {
    Object[] open = {1L};
    robot.interact(() -> runner.notesShownAre(() -> open[0]));
    String alpha = "# Alpha\n\n```java\n6 * 7\n```\n";
    String beta = "# Beta\n\n```java\n6 * 7\n```\n";
    robot.interact(() -> notes.replaceText(alpha));
    var done =
        new java.util.concurrent.atomic.AtomicReference<
            java.util.concurrent.CompletableFuture<Void>>();
    // Beta opens as the block runs: its output comes back after (on the FX thread, later).
    robot.interact(
        () -> {
          notes.moveTo(alpha.indexOf("6 * 7"));
          done.set(runner.runBlockAtCaret());
          open[0] = 2L;
          notes.replaceText(beta);
        });
    done.get().get(60, TimeUnit.SECONDS);
    assertThat(text()).isEqualTo(beta);
    assertThat(said).last().isEqualTo("Ran the code block." + NotesRunner.NOT_WRITTEN);

    robot.interact(
        () -> {
          open[0] = 1L;
          notes.replaceText(alpha);
          done.set(runner.runAll());
          open[0] = 2L;
          notes.replaceText(beta);
        });
    done.get().get(90, TimeUnit.SECONDS);
    assertThat(text()).isEqualTo(beta);
    assertThat(said).last().isEqualTo("Ran 1 code block." + NotesRunner.NOT_WRITTEN);

    // Back in the notes it ran from, it is written there as ever.
    robot.interact(
        () -> {
          open[0] = 1L;
          notes.replaceText(alpha);
          notes.moveTo(alpha.indexOf("6 * 7"));
          done.set(runner.runBlockAtCaret());
        });
    done.get().get(60, TimeUnit.SECONDS);
    assertThat(text()).isEqualTo(alpha + "```output\n⇒ 42\n```\n");
  }

  /**
   * The notes' text now, read on the FX thread, their output blocks' code stamps left out ({@link
   * Unstamped}).
   */
  private String text() throws Exception {
    return Unstamped.of(FxWait.onFx(notes::getText));
  }

  /**
   * Tester 13b edited a block's code while it ran (a typo fixed on stage): the output was not
   * written, as the block is found again by its code, but the status said "Ran the code block.",
   * and the output silently never reached the notes.
   */
  @Test
  void aBlockEditedWhileItRanSaysItsOutputWasNotWritten(
      FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path go = dir.resolve("go");
    String code =
        "while (!java.nio.file.Files.exists(java.nio.file.Path.of(\""
            + go.toString().replace("\\", "\\\\")
            + "\"))) Thread.sleep(20);\nSystem.out.println(\"done\");";
    String md = "# Demo\n\n```java\n" + code + "\n```\n\nThe end.\n";
    robot.interact(
        () -> {
          notes.replaceText(md);
          notes.moveTo(md.indexOf("System.out"));
        });
    FxWait.clickOn(robot, notes);
    robot.interact(() -> notes.moveTo(md.indexOf("System.out")));
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.ENTER)
        .release(KeyCode.ENTER, KeyCode.SHIFT, KeyCode.CONTROL);
    FxWait.until(
        "the block running", () -> said.stream().anyMatch(m -> m.startsWith("Running the code")));
    int end = md.indexOf("(\"done\");") + "(\"done\");".length();
    robot.interact(() -> notes.insertText(end, " // edited"));
    java.nio.file.Files.writeString(go, "");
    FxWait.until(
        "the status to say the output was not written",
        () -> said.stream().anyMatch(m -> m.endsWith(NotesRunner.CHANGED_WHILE_RUNNING)));
    assertThat(said).doesNotContain("Ran the code block.");
    assertThat(text()).doesNotContain("```output").contains("(\"done\"); // edited");
  }
}
