package dev.talkbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.markdown.Unstamped;
import dev.talkbook.core.repl.BlockRun;
import dev.talkbook.core.repl.ReplSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code run TALK [--write] [--time-limit S]}: a talk's Java blocks through the remote JShell. */
@Timeout(120)
class RunCommandTest extends CliTest {

  private long talkWithNotes(String notes) throws Exception {
    Path file = Files.writeString(dir.resolve("notes.md"), notes, StandardCharsets.UTF_8);
    return addTalk(addEvent("Meetup"), "Demo", "--notes-file", file.toString());
  }

  @Test
  void runsEveryBlockInOrderInOneSessionAndPrintsTheOutput() throws Exception {
    long id =
        talkWithNotes(
            "# Demo\n\n```java\nint x = 20;\n```\n\ntext\n\n```java\n"
                + "System.out.println(\"x is \" + x);\nx + 22\n```\n");

    Result r = ok("run", Long.toString(id));

    assertThat(r.out())
        .contains("── block 1 of 2, line 3")
        .contains("── block 2 of 2, line 9")
        .contains("x is 20\n⇒ 42");
    assertThat(ok("show", Long.toString(id)).out()).doesNotContain("```output");
  }

  /**
   * The REPL's Java refuses its preview features unless asked: javac's "(use --enable-preview …)"
   * named no option of {@code run}; the refusal says which, and with it the block runs.
   */
  @Test
  void enablePreviewLetsTheBlocksUseTheRunningJavasPreviewFeatures() throws Exception {
    int release = dev.talkbook.core.repl.NewerJava.runningRelease();
    String[] preview = dev.talkbook.core.repl.ReplPreviewTest.previewCode(release);
    Assumptions.assumeTrue(
        preview != null, "The test knows no preview language feature of Java " + release);
    long id = talkWithNotes("```java\n" + preview[0] + "\n```\n");

    Result refused = refused("run", Long.toString(id));
    assertThat(refused.out())
        .contains("a preview feature")
        .contains("talkbook run --enable-preview");

    Result r = ok("run", "--enable-preview", Long.toString(id));
    assertThat(r.out()).contains("⇒ " + preview[1]);
  }

  @Test
  void writeKeepsEachOutputInTheNotesAfterItsBlock() throws Exception {
    long id = talkWithNotes("```java\n1 + 1\n```\n\n```java\n\"a\".repeat(3)\n```\n");

    ok("run", "--write", Long.toString(id));
    ok("run", "--write", Long.toString(id)); // a second run replaces, never duplicates

    assertThat(Unstamped.of(ok("show", Long.toString(id)).out()))
        .isEqualTo(
            "```java\n1 + 1\n```\n```output\n⇒ 2\n```\n\n"
                + "```java\n\"a\".repeat(3)\n```\n```output\n⇒ \"aaa\"\n```\n");
  }

  @Test
  void aRunawayBlockIsStoppedAtTheTimeLimitAndReported() throws Exception {
    long id = talkWithNotes("```java\nwhile (true) {}\n```\n");

    Result r = refused("run", "--time-limit", "2", Long.toString(id));

    assertThat(r.out()).containsIgnoringCase("time limit");
  }

  @Test
  void aCompileErrorIsShownTheNextBlockStillRunsAndTheExitCodeIsOne() throws Exception {
    long id = talkWithNotes("```java\nint y = \"no\";\n```\n\n```java\n6 * 7\n```\n");

    Result r = refused("run", Long.toString(id));

    assertThat(r.out()).contains("error: incompatible types").contains("⇒ 42");
    assertThat(r.err()).contains("1 of 2 blocks failed (did not compile, threw or was stopped).");
  }

  @Test
  void writeMarksTheOutputOfAFailedBlockAsAnError() throws Exception {
    long id = talkWithNotes("```java\nint y = \"no\";\n```\n\n```java\n6 * 7\n```\n");

    refused("run", "--write", Long.toString(id));

    assertThat(Unstamped.of(ok("show", Long.toString(id)).out()))
        .contains("```java\nint y = \"no\";\n```\n```output-error\nerror: incompatible types")
        .contains("```java\n6 * 7\n```\n```output\n⇒ 42\n```\n");
  }

  @Test
  void aStackFrameSaysTheBlockAndLineTheUserCanFind() throws Exception {
    long id =
        talkWithNotes(
            "```java\nint half(int n) {\n  return 10 / n;\n}\n```\n\n```java\nint x = 1;\nhalf(0)\n```\n");

    refused("run", "--write", Long.toString(id));

    assertThat(Unstamped.of(ok("show", Long.toString(id)).out()))
        .contains(
            "```output-error\njava.lang.ArithmeticException: / by zero\n"
                + "    at half (block 1, line 2)\n    at (block 2, line 2)\n```");
  }

  @Test
  void depsLinesBringTheirLibraries() throws Exception {
    var repo =
        new dev.talkbook.core.repl.TestRepository(Files.createDirectories(dir.resolve("remote")));
    repo.publishGreeting();
    long id =
        talkWithNotes(
            "```java\n//REPOS test="
                + repo.url()
                + "\n//DEPS demo:greeting:1.0\ndemo.greeting.Greeting.hello(\"run\")\n```\n");
    // The local Maven repository of this test, not the user's.
    String before = System.getProperty("maven.repo.local");
    System.setProperty("maven.repo.local", dir.resolve("m2").toString());
    try {
      Result r = ok("run", Long.toString(id));

      assertThat(r.out()).contains("⇒ \"Hello, run\"");
      assertThat(dir.resolve("m2/demo/greeting/1.0/greeting-1.0.jar")).exists();
    } finally {
      if (before == null) {
        System.clearProperty("maven.repo.local");
      } else {
        System.setProperty("maven.repo.local", before);
      }
    }
  }

  @Test
  void checkExitsWithZeroWhenEveryBlockGivesWhatTheNotesKeep() throws Exception {
    long id =
        talkWithNotes(
            "```java\nint y = \"no\";\n```\n\n```java\n6 * 7\n```\n\n```java\nint z = 1;\n```\n");
    refused("run", "--write", Long.toString(id)); // the first block fails: output-error
    String notes = ok("show", Long.toString(id)).out();

    Result r = ok("run", "--check", Long.toString(id));

    assertThat(r.out()).contains("All 3 blocks give what the notes keep.");
    assertThat(ok("show", Long.toString(id)).out()).isEqualTo(notes);
  }

  @Test
  void theSamplesLiveCodingDemoRehearsesCleanOutOfTheBox() throws Exception {
    addSample();
    String notes = ok("show", "Live coding without fear").out();
    assertThat(notes).as("the sample keeps the demo's output beside it").contains("Total: 90 min");

    Result r = ok("run", "--check", "Live coding without fear");

    assertThat(r.out()).contains("The block gives what the notes keep.");
  }

  @Test
  void checkListsTheBlocksThatDifferWithTheDifferenceAndChangesNothing() throws Exception {
    String notes =
        "```java\n1 + 1\n```\n```output\n⇒ 2\n```\n\n"
            + "```java\nSystem.out.println(\"new\");\n```\n```output\nold\n```\n\n"
            + "```java\n\"unsaved\"\n```\n";
    long id = talkWithNotes(notes);

    Result r = refused("run", "--check", Long.toString(id));

    assertThat(r.out())
        .contains("── block 2 of 3, line 8: differs from its stored output\n")
        .contains("-old\n+new\n")
        .contains("── block 3 of 3, line 15: the notes keep no output for it\n")
        .contains("+⇒ \"unsaved\"")
        .contains("2 of 3 blocks differ from what the notes keep.")
        .doesNotContain("block 1 of 3, line");
    assertThat(ok("show", Long.toString(id)).out()).isEqualTo(notes);
  }

  /**
   * Tester 9b: "Running block 1 of 3…" was printed on stdout, so {@code run --check 2>/dev/null |
   * head -1} gave the progress, not the first difference.
   */
  @Test
  void checkPrintsItsProgressOnStandardErrorAndOnlyTheDifferencesOnStandardOutput()
      throws Exception {
    long id = talkWithNotes("```java\n1 + 1\n```\n```output\n⇒ 3\n```\n\n```java\n2\n```\n");

    Result r = refused("run", "--check", Long.toString(id));

    assertThat(r.out()).startsWith("── block 1 of 2, line 1: differs").doesNotContain("Running");
    assertThat(r.err()).contains("Running block 1 of 2…", "Running block 2 of 2…");
  }

  @Test
  void checkAndWriteTogetherAreWrongUsage() throws Exception {
    long id = talkWithNotes("```java\n1\n```\n");

    assertThat(misused("run", "--check", "--write", Long.toString(id)).err())
        .contains("--check changes nothing");
  }

  @Test
  void anExceptionExitsWithOne() throws Exception {
    long id = talkWithNotes("```java\nInteger.parseInt(\"x\")\n```\n");

    Result r = refused("run", Long.toString(id));

    assertThat(r.out()).contains("java.lang.NumberFormatException");
    assertThat(r.err()).contains("The block failed (it did not compile, threw or was stopped).");
  }

  @Test
  void aStatementThatThrowsEndsItsBlockAsItWouldAProgram() throws Exception {
    long id =
        talkWithNotes(
            "```java\nString b = null;\nb = b.trim();\nSystem.out.println(b.length());\n```\n"
                + "```java\nSystem.out.println(\"next block\");\n```\n");

    Result r = refused("run", Long.toString(id));

    assertThat(r.out())
        .containsOnlyOnce("java.lang.NullPointerException")
        .contains("The rest of the input was not run.")
        .contains("next block"); // the next block still runs, as before
  }

  @Test
  void anOutOfMemoryErrorExitsWithOne() throws Exception {
    long id =
        talkWithNotes(
            "```java\nvar hog = new ArrayList<long[]>();\n"
                + "while (true) hog.add(new long[10_000_000]);\n```\n");

    Result r = refused("run", Long.toString(id));

    assertThat(r.out()).contains("java.lang.OutOfMemoryError");
  }

  @Test
  void aStackOverflowExitsWithOneAndItsRepeatedFramesAreFolded() throws Exception {
    long id = talkWithNotes("```java\nint down(int n) { return down(n + 1) + 1; }\ndown(0)\n```\n");

    Result r = refused("run", Long.toString(id));

    assertThat(r.out())
        .contains("java.lang.StackOverflowError")
        .containsPattern("… [\\d,]+ more identical frames");
    assertThat(r.out().lines().filter(l -> l.contains("at down ("))).hasSizeLessThan(5);
  }

  @Test
  void aBlockThatDoesNotResolveANameExitsWithOne() throws Exception {
    long id = talkWithNotes("```java\nint twice() { return 2 * notDeclared; }\ntwice()\n```\n");

    Result r = refused("run", Long.toString(id));

    assertThat(r.out()).contains("notDeclared");
  }

  @Test
  void aMethodCompletedByALaterBlockIsNoFailure() throws Exception {
    long id =
        talkWithNotes(
            "```java\nint twice() { return 2 * base; }\n```\n\n```java\nint base = 21;\ntwice()\n```\n");

    Result r = ok("run", Long.toString(id));

    assertThat(r.out()).contains("⇒ 42");
  }

  @Test
  void codeReadingStandardInputSeesItsEndAtOnce() throws Exception {
    long id =
        talkWithNotes(
            "```java\nvar in = new BufferedReader(new InputStreamReader(System.in));\n"
                + "in.readLine()\n```\n\n```java\nSystem.in.read()\n```\n");

    // Well inside the time limit: nobody waits for input that cannot come.
    Result r = ok("run", "--time-limit", "60", Long.toString(id));

    assertThat(r.out()).contains("⇒ null").contains("⇒ -1").doesNotContainIgnoringCase("limit");
  }

  @Test
  void aTalkWithoutJavaBlocksSaysSo() throws Exception {
    long id = talkWithNotes("# Notes\n\n- no code here\n");

    assertThat(ok("run", Long.toString(id)).out()).contains("has no ```java blocks");
  }

  @Test
  void aNonPositiveTimeLimitIsWrongUsage() throws Exception {
    long id = talkWithNotes("```java\n1\n```\n");

    assertThat(misused("run", "--time-limit", "0", Long.toString(id)).err())
        .contains("--time-limit");
  }

  @Test
  void withTheLoopbackInterfaceDownOneLineSaysJavaCouldNotStartWithoutStackTracesOrRestart()
      throws Exception {
    // unshare -rn: a network namespace of its own, whose loopback interface is down
    Assumptions.assumeTrue(
        new ProcessBuilder("unshare", "-rn", "true").start().waitFor() == 0,
        "unshare -rn (a user and network namespace) is not available here");
    long id = talkWithNotes("```java\n1 + 1\n```\n\n```java\n6 * 7\n```\n");
    String[] args = {"--notebook", notebook().toString(), "run", Long.toString(id)};

    ChildTalkbook.Output r = ChildTalkbook.runUnder(List.of("unshare", "-rn"), new byte[0], args);

    assertThat(r.exitCode()).as("%s", r).isEqualTo(1);
    assertThat(r.outText()).as("%s", r).isEmpty(); // no block was run
    assertThat(r.errText())
        .as("%s", r)
        .startsWith("talkbook: Java could not be started to run the blocks. ")
        .contains("loopback network interface may be down")
        .doesNotContain("Restart", "\tat ", "Exception", "did not compile")
        .hasLineCount(1);

    // --verbose: the log too, with its stack traces
    String[] verbose = {"--notebook", notebook().toString(), "run", "--verbose", Long.toString(id)};
    ChildTalkbook.Output v =
        ChildTalkbook.runUnder(List.of("unshare", "-rn"), new byte[0], verbose);
    assertThat(v.exitCode()).isEqualTo(1);
    assertThat(v.errText()).contains("\tat ").contains("talkbook: Java could not be started");
  }

  @Test
  void aJvmThatCannotStartIsSaidInOneLineWithItsReason() throws Exception {
    // The REPL's JVM given an option it does not know: its start fails on any machine.
    try (ReplSession session =
        ReplSession.start(
            BlockRun.options().withVmOptions(List.of("-XX:+NoSuchOptionForTalkbook")))) {
      assertThat(RunCommand.startFailureLine(session))
          .hasValueSatisfying(
              line ->
                  assertThat(line)
                      .startsWith(
                          "talkbook: Java could not be started to run the blocks. The JVM for the"
                              + " REPL could not be started: ")
                      .endsWith("Unrecognized VM option 'NoSuchOptionForTalkbook'")
                      .doesNotContain("\n"));
    }
    try (ReplSession session = ReplSession.start(BlockRun.options())) {
      assertThat(RunCommand.startFailureLine(session)).isEmpty();
    }
  }
}
