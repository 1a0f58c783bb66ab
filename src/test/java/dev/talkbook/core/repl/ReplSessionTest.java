package dev.talkbook.core.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.repl.Evaluation.Outcome;
import dev.talkbook.core.repl.ReplEvent.Output;
import dev.talkbook.core.repl.SnippetResult.Kind;
import dev.talkbook.core.repl.SnippetResult.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** Against the real remote JVM. One session serves the tests that do not kill or reset it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ReplSessionTest {
  /**
   * How long a start or an evaluation may take: a second on a quiet machine, tens of seconds on a
   * loaded one (a limit only; nothing waits for it to pass).
   */
  private static final Duration WAIT = Duration.ofSeconds(60);

  private ReplSession session;
  private final List<ReplEvent> events = new CopyOnWriteArrayList<>();

  @BeforeAll
  void start() throws Exception {
    session = ReplSession.start(ReplOptions.defaults().withVmOptions(List.of("-Xmx64m")));
    session.addListener(events::add);
    session.ready().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @AfterAll
  void close() {
    session.close();
  }

  private Evaluation eval(String code) throws Exception {
    return session.evaluate(code).get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void expressionsHaveValueAndType() throws Exception {
    Evaluation e = eval("1 + 1");
    SnippetResult r = e.last();
    assertThat(e.outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(r.kind()).isEqualTo(Kind.EXPRESSION);
    assertThat(r.status()).isEqualTo(Status.OK);
    assertThat(r.value()).isEqualTo("2");
    assertThat(r.type()).isEqualTo("int");
    assertThat(r.name()).startsWith("$");
  }

  @Test
  void inputIsSplitIntoSnippetsOfEachKind() throws Exception {
    String code =
        """
        import java.time.*;
        int answer = 42;
        String greet(String who) {
          return "Hello, " + who;
        }
        record Point(int x, int y) {}
        greet("world")
        System.out.println(new Point(1, 2));
        """;
    Evaluation e = eval(code);
    assertThat(e.results())
        .extracting(SnippetResult::kind)
        .containsExactly(
            Kind.IMPORT, Kind.VARIABLE, Kind.METHOD, Kind.CLASS, Kind.EXPRESSION, Kind.STATEMENT);
    assertThat(e.results()).allMatch(SnippetResult::succeeded);
    assertThat(e.results().get(1).value()).isEqualTo("42");
    assertThat(e.results().get(4).value()).isEqualTo("\"Hello, world\"");
    assertThat(e.results().get(4).type()).isEqualTo("String");
    assertThat(e.results().get(5).output()).isEqualTo("Point[x=1, y=2]\n");
    SnippetResult method = e.results().get(2);
    assertThat(code.substring(method.start(), method.end()))
        .startsWith("String greet")
        .endsWith("}");
  }

  @Test
  void compileErrorsArePositionedInTheInput() throws Exception {
    String code = "int a = 1;\nint b = \"text\";\n";
    Evaluation e = eval(code);
    SnippetResult bad = e.results().get(1);
    assertThat(bad.status()).isEqualTo(Status.COMPILE_ERROR);
    assertThat(bad.problems()).hasSize(1);
    SnippetResult.Problem p = bad.problems().get(0);
    assertThat(p.error()).isTrue();
    assertThat(p.message()).contains("incompatible types");
    assertThat(code.substring(p.start(), p.end())).isEqualTo("\"text\"");
    assertThat(p.line()).isEqualTo(2);
    assertThat(p.column()).isEqualTo(9);
    assertThat(p.sourceLine()).isEqualTo("int b = \"text\";");
  }

  /**
   * javac names the class a missing method was looked for in; for a snippet that is JShell's hidden
   * wrapper, which JShell writes as nothing: "location: class " was shown with no name.
   */
  @Test
  void aMissingMethodsErrorSaysNoEmptyLocation() throws Exception {
    SnippetResult r = eval("greetEveryone(3)").last();
    assertThat(r.status()).isEqualTo(Status.COMPILE_ERROR);
    String said = r.problems().get(0).describe();
    assertThat(said)
        .startsWith("error: cannot find symbol (line 1, column 1)\n")
        .contains("symbol:   method greetEveryone(int)")
        .doesNotContain("location");
    // a real class is still named
    String math = eval("Math.clampTo(1, 2, 3)").last().problems().get(0).describe();
    assertThat(math).contains("location: class java.lang.Math\n");
  }

  @Test
  void codeForANewerJavaSaysWhichJavaItNeeds() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Runtime.version().feature() < 21, "this JVM has virtual threads");
    SnippetResult r = eval("var pool = Executors.newVirtualThreadPerTaskExecutor();").last();
    assertThat(r.status()).isEqualTo(Status.COMPILE_ERROR);
    assertThat(r.note())
        .isEqualTo(
            "Executors.newVirtualThreadPerTaskExecutor() needs Java 21; this REPL runs Java "
                + Runtime.version().feature()
                + ".");
  }

  @Test
  void aFailedExpressionLeavesNoVariableBehind() throws Exception {
    Evaluation e = eval("Integer.parseInt(\"x\")");
    assertThat(e.last().status()).isEqualTo(Status.EXCEPTION);
    String name = e.last().name();
    assertThat(session.definitions().get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .extracting(Definition::name)
        .doesNotContain(name);
  }

  @Test
  void exceptionsKeepOnlyTheUsersFrames() throws Exception {
    String code =
        "int half(int n) {\n  if (n == 0) throw new IllegalStateException(\"zero\");\n  return n / 2;\n}\nhalf(0)";
    Evaluation e = eval(code);
    SnippetResult r = e.last();
    assertThat(r.status()).isEqualTo(Status.EXCEPTION);
    assertThat(r.failure().className()).isEqualTo("java.lang.IllegalStateException");
    assertThat(r.failure().message()).isEqualTo("zero");
    assertThat(r.failure().frames()).hasSize(2);
    // The line of the input, not JShell's snippet id ("at half (#15:2)"), which the user cannot
    // find.
    assertThat(r.failure().frames()).containsExactly("at half (line 2)", "at (line 5)");
    assertThat(code.substring(r.failure().position())).startsWith("  if (n == 0) throw");
    assertThat(r.failure().describe()).doesNotContain("jdk.jshell");
  }

  @Test
  void linesWithoutSemicolonsAreSnippetsButChainedLinesStayTogether() throws Exception {
    String code =
        "var words = List.of(\"b\", \"a\")\nwords.size()\nwords.stream()\n    .sorted()\n"
            + "    .toList()\nint n = 1\nif (n > 0) n++;\nelse n--;\nn";
    Evaluation e = eval(code);
    assertThat(e.results())
        .extracting(SnippetResult::value)
        .containsExactly("[b, a]", "2", "[a, b]", "1", null, "2");
  }

  @Test
  void unresolvedReferencesAreExplained() throws Exception {
    Evaluation e = eval("double area() { return PI_ISH * r * r; }");
    SnippetResult r = e.last();
    assertThat(r.status()).isEqualTo(Status.INCOMPLETE);
    assertThat(r.note()).contains("area()").contains("PI_ISH").contains("is declared");
    SnippetResult call = eval("area()").last();
    assertThat(call.status()).isEqualTo(Status.INCOMPLETE);
    assertThat(call.note()).contains("Cannot use method area()");
  }

  @Test
  void typesThatReferToEachOtherInOneInputAreSimplyDefined() throws Exception {
    events.clear();
    Evaluation e =
        eval(
            """
            sealed interface Figure permits Disc, Tile {}
            record Disc(double r) implements Figure {}
            record Tile(double s) implements Figure {}
            """);
    assertThat(e.results())
        .extracting(SnippetResult::note)
        .containsExactly(
            "Defined interface Figure.", "Defined record Disc.", "Defined record Tile.");
    assertThat(e.results()).extracting(SnippetResult::status).containsOnly(Status.OK);
    // The transcript hears the same, in the same order.
    assertThat(events)
        .filteredOn(ev -> ev instanceof ReplEvent.SnippetFinished f && f.evaluation() == e.id())
        .extracting(ev -> ((ReplEvent.SnippetFinished) ev).result().note())
        .containsExactly(
            "Defined interface Figure.", "Defined record Disc.", "Defined record Tile.");
  }

  @Test
  void aDeclarationStillUnusableAtTheEndOfItsInputKeepsItsNote() throws Exception {
    Evaluation e =
        eval(
            """
            record Crate(Nowhere n) {}
            int crates = 3;
            """);
    assertThat(e.results().get(0).status()).isEqualTo(Status.INCOMPLETE);
    assertThat(e.results().get(0).note()).contains("cannot be used until").contains("Nowhere");
    // Declared by a later input: the update is news and is told.
    SnippetResult later = eval("class Nowhere {}").last();
    assertThat(later.note()).contains("Updated record Crate: it can be used now.");
  }

  @Test
  void outputStreamsWhileTheSnippetRuns() throws Exception {
    events.clear();
    // After its first line the snippet waits for input, so it cannot end before the test sees it.
    var future =
        session.evaluate(
            "for (int i = 0; i < 3; i++) { System.out.println(\"tick \" + i);"
                + " if (i == 0) System.in.read(); }"
                + " System.err.println(\"done\");");
    WaitForAsyncUtils.waitFor(
        WAIT.toSeconds(),
        TimeUnit.SECONDS,
        () ->
            events.stream().anyMatch(ev -> ev instanceof Output o && o.text().contains("tick 0"))
                && events.stream().anyMatch(ev -> ev instanceof ReplEvent.InputRequested));
    assertThat(future).isNotDone();
    session.input("\n");
    Evaluation e = future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    List<Output> outs =
        events.stream()
            .filter(ev -> ev instanceof Output)
            .map(ev -> (Output) ev)
            .collect(Collectors.toList());
    String all = outs.stream().map(Output::text).collect(Collectors.joining());
    assertThat(all).isEqualTo("tick 0\ntick 1\ntick 2\ndone\n");
    assertThat(outs.get(outs.size() - 1).stream()).isEqualTo(ReplEvent.Stream.ERR);
    assertThat(e.results().get(0).output()).isEqualTo("tick 0\ntick 1\ntick 2\n");
    assertThat(e.results().get(1).output()).isEqualTo("done\n");
  }

  @Test
  void stopInterruptsAnEndlessLoopAndTheNextEvaluationWorks() throws Exception {
    events.clear();
    var future = session.evaluate("while (true) {}\n1 + 2");
    // Stopped once it runs (a fixed pause here was sometimes over before the loop began).
    WaitForAsyncUtils.waitFor(
        WAIT.toSeconds(),
        TimeUnit.SECONDS,
        () ->
            events.stream()
                .anyMatch(
                    ev ->
                        ev instanceof ReplEvent.SnippetStarted s && s.source().contains("while")));
    session.stop();
    Evaluation e = future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(e.outcome()).isEqualTo(Outcome.STOPPED);
    assertThat(e.results()).hasSize(1);
    assertThat(e.last().status()).isEqualTo(Status.STOPPED);
    assertThat(e.message()).contains("not run");
    assertThat(eval("3 * 3").last().value()).isEqualTo("9");
  }

  @Test
  void theTimeLimitStopsASlowEvaluation() throws Exception {
    session.setTimeLimit(Duration.ofMillis(500));
    try {
      // Not a timing test: without the limit the sleep would end normally (COMPLETED).
      Evaluation e = eval("Thread.sleep(20_000);");
      assertThat(e.outcome()).isEqualTo(Outcome.TIMED_OUT);
      assertThat(e.last().status()).isEqualTo(Status.TIMED_OUT);
      assertThat(e.last().note()).contains("time limit of 500 ms");
    } finally {
      session.setTimeLimit(null);
    }
    assertThat(eval("\"still here\"").last().value()).isEqualTo("\"still here\"");
  }

  @Test
  void stackOverflowIsAnExceptionNotACrash() throws Exception {
    Evaluation e = eval("int down(int n) { return down(n + 1) + 1; }\ndown(0)");
    assertThat(e.last().status()).isEqualTo(Status.EXCEPTION);
    assertThat(e.last().failure().className()).isEqualTo("java.lang.StackOverflowError");
    assertThat(e.last().failure().frames().size()).isLessThan(2000);
    assertThat(eval("1").last().value()).isEqualTo("1");
  }

  @Test
  void outOfMemoryInTheRemoteJvmIsReportedAndTheSessionGoesOn() throws Exception {
    Evaluation e =
        eval("{ var hog = new ArrayList<long[]>(); while (true) hog.add(new long[1_000_000]); }");
    assertThat(e.last().status()).isEqualTo(Status.EXCEPTION);
    assertThat(e.last().failure().className()).isEqualTo("java.lang.OutOfMemoryError");
    assertThat(eval("2 + 2").last().value()).isEqualTo("4");
  }

  @Test
  void aStatementThatThrowsStopsTheRestOfTheInputAndKeepsWhatCameBefore() throws Exception {
    // As in a program: the println would run on b == null and report a second, misleading error.
    Evaluation e =
        eval(
            "int kept = 7;\nString b = null;\nb = b.trim();\nSystem.out.println(b.length());\nint later = 1;");
    assertThat(e.outcome()).isEqualTo(Evaluation.Outcome.COMPLETED);
    assertThat(e.results()).extracting(SnippetResult::status).last().isEqualTo(Status.EXCEPTION);
    assertThat(e.results()).hasSize(3);
    assertThat(e.message()).isEqualTo("The rest of the input was not run.");
    assertThat(e.failed()).isTrue();
    assertThat(session.definitions().get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .extracting(Definition::name)
        .contains("kept")
        .doesNotContain("later");
    assertThat(eval("kept").last().value()).isEqualTo("7");
  }

  @Test
  void aStatementThatDoesNotCompileStopsTheRestOfTheInput() throws Exception {
    // As a program with a compile error runs nothing: the println ran, and `System.exit` after a
    // typo ended the JVM; a use of the variable not declared gave a second, misleading error.
    Evaluation e =
        eval(
            "int kept = 7;\nint x = \"oops\";\nSystem.out.println(\"after \" + x);\n"
                + "System.out.println(\"ran on\");\nint later = 1;");
    assertThat(e.results())
        .extracting(SnippetResult::status)
        .containsExactly(Status.OK, Status.COMPILE_ERROR);
    assertThat(e.results()).extracting(SnippetResult::output).noneMatch(o -> o.contains("ran on"));
    assertThat(e.message()).isEqualTo("The rest of the input was not run.");
    assertThat(e.failed()).isTrue();
    assertThat(session.definitions().get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .extracting(Definition::name)
        .contains("kept")
        .doesNotContain("later");
  }

  @Test
  void aCompileErrorOnTheLastStatementSaysNothingOfARest() throws Exception {
    Evaluation e = eval("int fine = 2;\nint bad = \"text\";\n");
    assertThat(e.last().status()).isEqualTo(Status.COMPILE_ERROR);
    assertThat(e.message()).isEmpty();
  }

  @Test
  void aThrowOnTheLastStatementSaysNothingOfARest() throws Exception {
    Evaluation e = eval("int fine = 1;\nInteger.parseInt(\"x\");\n");
    assertThat(e.last().status()).isEqualTo(Status.EXCEPTION);
    assertThat(e.message()).isEmpty();
  }

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void hugeOutputIsCappedToTheNewest() throws Exception {
    events.clear();
    // 100 MB through the JVM's output: 5-15 s on this machine at a usual load, more when busy.
    Evaluation e =
        session
            .evaluate(
                "String line = \"x\".repeat(99);\n"
                    + "for (int i = 0; i < 1_000_000; i++) System.out.println(line);\n"
                    + "System.out.println(\"the end\");")
            .get(240, TimeUnit.SECONDS);
    SnippetResult r = e.results().get(1);
    assertThat(r.outputDropped()).isPositive();
    assertThat(r.output().length() + r.outputDropped()).isEqualTo(100_000_000L);
    // the newest lines that fit, whole: cut where a line starts, the dropped lines counted
    assertThat(r.output().length())
        .isLessThanOrEqualTo(ReplOptions.DEFAULT_OUTPUT_CAP)
        .isGreaterThan(ReplOptions.DEFAULT_OUTPUT_CAP - 100);
    assertThat(r.output()).startsWith("x".repeat(99) + "\n");
    assertThat(r.outputDroppedLines() + r.output().length() / 100).isEqualTo(1_000_000L);
    // the notes: the last 163 lines of 100 characters that fit in 16 KB, and "the end"
    assertThat(NoteCode.outputOf(e))
        .startsWith("… 999,837 earlier lines not kept (1,000,001 in all)\n")
        .endsWith("\nthe end\n");
    assertThat(e.last().output()).isEqualTo("the end\n");
    // What was streamed to a pane came in batches of at most the cap, and every character written
    // was either streamed or counted as dropped before the text that followed it. (Whether any was
    // dropped depends on how fast the output came against the batches' 30 ms: an idle, fast machine
    // kept up with all 100 MB once, so "less than all streamed" was not a property of the code.)
    List<Output> outputs =
        events.stream().filter(ev -> ev instanceof Output).map(ev -> (Output) ev).toList();
    assertThat(outputs).allMatch(o -> o.text().length() <= ReplOptions.DEFAULT_OUTPUT_CAP);
    assertThat(outputs.stream().mapToLong(o -> o.text().length() + o.droppedBefore()).sum())
        .isEqualTo(100_000_000L + "the end\n".length());
  }

  @Test
  void codeReadsStandardInputFromTheSession() throws Exception {
    BlockingQueue<ReplEvent> requests = new LinkedBlockingQueue<>();
    try (AutoCloseable l =
        session.addListener(
            ev -> {
              if (ev instanceof ReplEvent.InputRequested) {
                requests.add(ev);
              }
            })) {
      var future =
          session.evaluate(
              "var reader = new BufferedReader(new InputStreamReader(System.in));\n"
                  + "reader.readLine().toUpperCase()");
      assertThat(requests.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
      session.input("hello\n");
      Evaluation e = future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(e.last().value()).isEqualTo("\"HELLO\"");
      // A stop while waiting for input does not hang.
      var waiting = session.evaluate("reader.readLine()");
      assertThat(requests.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
      session.stop();
      assertThat(waiting.get(WAIT.toSeconds(), TimeUnit.SECONDS).outcome())
          .isEqualTo(Outcome.STOPPED);
    }
  }

  @Test
  void everyTypedLineReachesTheCode() throws Exception {
    // The JVM once asked for a byte more than the code read, about one line in six, and the
    // evaluation then waited for input nobody was asked for.
    BlockingQueue<ReplEvent> requests = new LinkedBlockingQueue<>();
    try (AutoCloseable l =
        session.addListener(
            ev -> {
              if (ev instanceof ReplEvent.InputRequested) {
                requests.add(ev);
              }
            })) {
      eval("var lines = new BufferedReader(new InputStreamReader(System.in));");
      for (int i = 0; i < 30; i++) {
        requests.clear();
        var future = session.evaluate("lines.readLine() + \"!\"");
        assertThat(requests.poll(WAIT.toSeconds(), TimeUnit.SECONDS))
            .as("request %d", i)
            .isNotNull();
        session.input("line " + i + "\n");
        assertThat(future.get(WAIT.toSeconds(), TimeUnit.SECONDS).last().value())
            .isEqualTo("\"line " + i + "!\"");
        assertThat(requests).as("input asked for after line %d", i).isEmpty();
      }
    }
  }

  @Test
  void aBackgroundThreadWaitingForInputDoesNotHoldUpTheNextEvaluation() throws Exception {
    BlockingQueue<ReplEvent> requests = new LinkedBlockingQueue<>();
    try (AutoCloseable l =
        session.addListener(
            ev -> {
              if (ev instanceof ReplEvent.InputRequested) {
                requests.add(ev);
              }
            })) {
      eval(
          "var gotInput = new java.util.concurrent.CompletableFuture<String>();\n"
              + "var background = new Thread(() -> { try { gotInput.complete(\"read \" + "
              + "System.in.read()); } catch (IOException e) { gotInput.complete(e.toString()); }"
              + " });\n"
              + "background.setDaemon(true);\n"
              + "background.start();");
      assertThat(requests.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
      // The app waits for the user to type, but evaluations go on meanwhile.
      assertThat(eval("6 * 7").last().value()).isEqualTo("42");
      // The end of that evaluation cancelled the wait: the thread got an error, not a hang.
      assertThat(eval("gotInput.get(30, TimeUnit.SECONDS)").last().value())
          .contains("InterruptedIOException");
    }
  }

  @Test
  void completionsAndDocumentation() throws Exception {
    eval("String greeting = \"hi\";");
    ReplSession.Completions c =
        session.completions("greeting.toUpp", 14).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(c.anchor()).isEqualTo(9);
    assertThat(c.suggestions()).contains("toUpperCase(");
    List<String> docs =
        session
            .documentation("greeting.toUpperCase(", 21, false)
            .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(docs).anyMatch(d -> d.contains("toUpperCase"));
  }

  @Test
  void definitionsListVariablesWithValues() throws Exception {
    eval("int counted = 7; void hello() {} interface Shape {}");
    List<Definition> defs = session.definitions().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(defs).contains(new Definition(Definition.Kind.VARIABLE, "counted", "int", "7"));
    assertThat(defs).anyMatch(d -> d.kind() == Definition.Kind.METHOD && d.name().equals("hello"));
    assertThat(defs).contains(new Definition(Definition.Kind.TYPE, "Shape", "interface", ""));
  }

  @Test
  void aFolderAddedToTheClassPathIsUsable(@TempDir Path dir) throws Exception {
    Path src = dir.resolve("src/demo/Greeter.java");
    Files.createDirectories(src.getParent());
    Files.writeString(
        src,
        "package demo; public class Greeter { public static String hi() { return \"hi!\"; } }");
    Path classes = dir.resolve("classes");
    int rc =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-d", classes.toString(), src.toString());
    assertThat(rc).isZero();
    session.addToClassPath(classes).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(eval("demo.Greeter.hi()").last().value()).isEqualTo("\"hi!\"");
  }

  @Test
  void stackFramesSayTheBlockAndLineTheCodeWasWrittenOn() throws Exception {
    session
        .evaluate("int framesZero = 0;\nint framesHalf(int n) {\n  return 10 / n;\n}", "block 1")
        .get(60, TimeUnit.SECONDS);
    Evaluation e =
        session
            .evaluate("int framesX = 1;\nframesHalf(framesZero)", "block 2")
            .get(60, TimeUnit.SECONDS);
    assertThat(e.last().failure().frames())
        .containsExactly("at framesHalf (block 1, line 3)", "at (block 2, line 2)");
    // Code from the REPL's input that calls it: its own line, and the block's.
    assertThat(eval("\nframesHalf(0)").last().failure().frames())
        .containsExactly("at framesHalf (block 1, line 3)", "at (line 2)");
    assertThat(eval("int framesThird(int n) { return 9 / n; }").last().status())
        .isEqualTo(Status.OK);
    assertThat(eval("framesThird(0)").last().failure().frames())
        .containsExactly("at framesThird (line 1 of an earlier input)", "at (line 1)");
  }
}
