package dev.talkbook.core.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Rehearsal: each block's result against the output block stored under it. */
class RehearsalTest {

  private static Rehearsal.Check check(String notes, NoteCode.Result now) {
    return Rehearsal.check(notes, 0, NoteCode.javaBlocks(notes).get(0), now);
  }

  @Test
  void theSameTextMatchesWhateverTheTrailingSpaceAndBlankLines() {
    Rehearsal.Check c =
        check("```java\nx\n```\n```output\na  \nb\n```\n", new NoteCode.Result("a\nb\n\n", false));

    assertThat(c.matches()).isTrue();
    assertThat(c.line()).isEqualTo(1);
  }

  @Test
  void aDifferentTextIsADiff() {
    Rehearsal.Check c =
        check(
            "# T\n\n```java\nx\n```\n```output\none\ntwo\nthree\n```\n",
            new NoteCode.Result("one\n2\nthree\n", false));

    assertThat(c.matches()).isFalse();
    assertThat(c.line()).isEqualTo(3);
    assertThat(c.difference()).isEqualTo("@@ -1,3 +1,3 @@\n one\n-two\n+2\n three\n");
  }

  @Test
  void aBlockThatFailsNowButDidNotThenDiffers() {
    Rehearsal.Check c =
        check("```java\nx\n```\n```output\nsame\n```\n", new NoteCode.Result("same\n", true));

    assertThat(c.difference())
        .startsWith("It fails now; the notes keep a result that did not fail.");
    Rehearsal.Check back =
        check(
            "```java\nx\n```\n```output-error\nsame\n```\n", new NoteCode.Result("same\n", false));
    assertThat(back.difference()).startsWith("It runs now; the notes keep a failure");
    // Nothing kept at all: said so, not "a result that did not fail".
    assertThat(check("```java\nx\n```\n", new NoteCode.Result("error\n", true)).difference())
        .isEqualTo("It fails now; the notes keep no output for it.\n@@ -1,0 +1,1 @@\n+error\n");
  }

  @Test
  void theVerdictCountsInWords() {
    Rehearsal.Check same =
        check("```java\nx\n```\n```output\na\n```\n", new NoteCode.Result("a\n", false));
    Rehearsal.Check other =
        check("```java\nx\n```\n```output\na\n```\n", new NoteCode.Result("b\n", false));
    assertThat(new Rehearsal.Report(List.of(same)).verdict())
        .isEqualTo("The block gives what the notes keep.");
    assertThat(new Rehearsal.Report(List.of(other)).verdict())
        .isEqualTo("The block differs from what the notes keep.");
    assertThat(new Rehearsal.Report(List.of(same, same)).verdict())
        .isEqualTo("All 2 blocks give what the notes keep.");
    assertThat(new Rehearsal.Report(List.of(same, other, same)).verdict())
        .isEqualTo("1 of 3 blocks differs from what the notes keep.");
    assertThat(new Rehearsal.Report(List.of(other, other, same)).verdict())
        .isEqualTo("2 of 3 blocks differ from what the notes keep.");
  }

  @Test
  void aBlockWithoutAStoredOutputMatchesOnlyIfItGivesNone() {
    assertThat(check("```java\nint x = 1;\n```\n", new NoteCode.Result("", false)).matches())
        .isTrue();
    assertThat(check("```java\n1\n```\n", new NoteCode.Result("⇒ 1\n", false)).difference())
        .isEqualTo("@@ -1,0 +1,1 @@\n+⇒ 1\n");
  }

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void everyBlockRunsInOrderInTheSessionAndTheNotesAreLeftAlone() throws Exception {
    String notes =
        "```java\nint n = 20;\n```\n\n```java\nn + 1\n```\n```output\n⇒ 21\n```\n\n"
            + "```java\nn * 2\n```\n```output\n⇒ 41\n```\n";
    List<String> progress = new CopyOnWriteArrayList<>();
    Rehearsal.Report report;
    try (ReplSession fresh = ReplSession.start(ReplOptions.defaults().withoutInput())) {
      report =
          Rehearsal.rehearse(fresh, notes, (i, total) -> progress.add(i + "/" + total))
              .get(60, TimeUnit.SECONDS);
    }

    assertThat(progress).containsExactly("0/3", "1/3", "2/3");
    assertThat(report.checks())
        .extracting(Rehearsal.Check::matches)
        .containsExactly(true, true, false);
    assertThat(report.differing().get(0).difference()).contains("-⇒ 41\n+⇒ 40\n");
    assertThat(report.allMatch()).isFalse();
  }

  @Test
  void jshellsSnippetNumbersInStackFramesAreNotCompared() {
    String notes =
        "```java\ndivide(1, 0)\n```\n```output-error\njava.lang.ArithmeticException: / by zero\n"
            + "    at divide (#12:2)\n    at (#13:1)\n```\n";
    Rehearsal.Check same =
        check(
            notes,
            new NoteCode.Result(
                "java.lang.ArithmeticException: / by zero\n    at divide (#25:2)\n"
                    + "    at (#26:1)\n",
                true));
    assertThat(same.matches()).isTrue();

    // A real difference still shows, as the lines are, and only it: the frames pair up.
    Rehearsal.Check other =
        check(
            notes,
            new NoteCode.Result(
                "java.lang.ArithmeticException: / by zero\n    at divide (#25:3)\n"
                    + "    at (#26:1)\n",
                true));
    assertThat(other.difference())
        .isEqualTo(
            "@@ -1,3 +1,3 @@\n java.lang.ArithmeticException: / by zero\n-    at divide (#12:2)\n"
                + "+    at divide (#25:3)\n     at (#13:1)\n");
    // Only in a frame: "#12:" in a line of output is output.
    assertThat(
            check(
                    "```java\nx\n```\n```output\nticket #12: open\n```\n",
                    new NoteCode.Result("ticket #25: open\n", false))
                .matches())
        .isFalse();
  }

  @Test
  void anOutputKeptWithTheJdksFramesMatchesTheTraceCutDownToTheUsersFrames() {
    String notes =
        "```java\nList.of(1,2,3).stream().map(n -> 10 / (n - 2)).toList()\n```\n"
            + "```output-error\njava.lang.ArithmeticException: / by zero\n"
            + "    at lambda$do_it$$0 (block 1, line 1)\n"
            + "    at java.base/java.util.stream.ReferencePipeline$3$1.accept(Unknown Source)\n"
            + "    at java.base/java.util.AbstractList$RandomAccessSpliterator.forEachRemaining"
            + "(AbstractList.java:722)\n"
            + "    at (block 1, line 1)\n```\n";
    Rehearsal.Check same =
        check(
            notes,
            new NoteCode.Result(
                "java.lang.ArithmeticException: / by zero\n    at lambda (block 1, line 1)\n"
                    + "    … 7 JDK frames\n    at (block 1, line 1)\n",
                true));
    assertThat(same.difference()).isEmpty();
    assertThat(same.matches()).isTrue();
  }

  @Test
  void aStopByHandAndAStopAtTheTimeLimitAreTheSameKindOfResult() {
    String byHand = "```java\nwhile (true) {}\n```\n```output-error\nStopped.\n```\n";
    Rehearsal.Check c =
        check(byHand, new NoteCode.Result("Stopped after the time limit of 5 s.\n", true));
    assertThat(c.matches()).isTrue();
    assertThat(c.stoppedBothTimes()).isTrue();
    // What it printed before the stop depends on when the stop came: not compared.
    String atTheLimit =
        "```java\nfor (;;) tick();\n```\n```output-error\ntick\ntick\n"
            + "Stopped after the time limit of 30 s.\n```\n";
    assertThat(check(atTheLimit, new NoteCode.Result("tick\nStopped.\n", true)).matches()).isTrue();
    // A stop is still not a result that ran to its end.
    assertThat(check(byHand, new NoteCode.Result("⇒ 1\n", false)).matches()).isFalse();
    assertThat(
            check("```java\nx\n```\n```output\n⇒ 1\n```\n", new NoteCode.Result("Stopped.\n", true))
                .matches())
        .isFalse();
  }

  /** A stop by hand is kept as a plain output now (no failure): still a stop for a rehearsal. */
  @Test
  void aStopByHandKeptAsAPlainOutputIsAStop() {
    String byHand = "```java\nfor (;;) tick();\n```\n```output\ntick\ntick\nStopped.\n```\n";
    Rehearsal.Check c =
        check(byHand, new NoteCode.Result("tick\nStopped after the time limit of 30 s.\n", true));
    assertThat(c.matches()).isTrue();
    assertThat(c.stoppedBothTimes()).isTrue();
    // A block that ran to its end now differs from one that was stopped.
    assertThat(check(byHand, new NoteCode.Result("tick\n⇒ 1\n", false)).matches()).isFalse();
    // Output that only mentions a stop along the way is no stop.
    assertThat(
            check(
                    "```java\nx\n```\n```output\nStopped.\nthen went on\n```\n",
                    new NoteCode.Result("Stopped.\n", false))
                .stoppedBothTimes())
        .isFalse();
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aBlockThatThrowsMatchesWhateverRanBeforeItInItsJvm() throws Exception {
    String code = "int divide(int a, int b) { return a / b; }\ndivide(1, 0)";
    // The output kept in the notes was made in a JVM that had run more snippets before.
    String stored;
    try (ReplSession earlier = ReplSession.start(ReplOptions.defaults().withoutInput())) {
      for (int i = 0; i < 5; i++) {
        earlier.evaluate("int unrelated" + i + " = " + i + ";").get(60, TimeUnit.SECONDS);
      }
      stored = NoteCode.outputOf(earlier.evaluate(code, "block 1").get(60, TimeUnit.SECONDS));
    }
    String notes = "```java\n" + code + "\n```\n```output-error\n" + stored + "```\n";
    Rehearsal.Report report;
    try (ReplSession fresh = ReplSession.start(ReplOptions.defaults().withoutInput())) {
      report = Rehearsal.rehearse(fresh, notes, Rehearsal.Progress.NONE).get(60, TimeUnit.SECONDS);
    }

    String now = report.checks().get(0).now().text();
    // Frames say the block and line, not JShell's snippet numbers, which count what ran before.
    assertThat(stored).contains("ArithmeticException").doesNotContainPattern("\\(#\\d+:");
    assertThat(now).contains("(block 1, line ");
    assertThat(report.checks().get(0).difference()).isEmpty();
    assertThat(report.allMatch()).isTrue();
  }

  @Test
  void aStoppedRehearsalSaysHowManyBlocksDidNotRun() {
    Rehearsal.Check same =
        check("```java\nx\n```\n```output\na\n```\n", new NoteCode.Result("a\n", false));
    Rehearsal.Report stopped = new Rehearsal.Report(List.of(same, same), 5, true);
    assertThat(stopped.verdict())
        .isEqualTo("Stopped: 3 of 5 blocks did not run. All 2 blocks give what the notes keep.");
    assertThat(stopped.allMatch()).isFalse();
  }
}
