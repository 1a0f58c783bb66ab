package dev.talkbook.core.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.repl.Evaluation.Outcome;
import dev.talkbook.core.repl.SnippetResult.Kind;
import dev.talkbook.core.repl.SnippetResult.Status;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How a session starts: its JVM starts while the compiler warms up (a JVM that cannot start is
 * still reported as such), a first input asked for before the start runs before JShell's default
 * imports when they cannot change it, and JShell's source analysis, whose class indexer costs
 * seconds of processor time, waits until something needs it.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ReplStartTest {
  /** A limit only: a second on a quiet machine, tens of seconds on a loaded one. */
  private static final Duration WAIT = Duration.ofSeconds(60);

  /** The session said, every time it tried, that its JVM could not start, and never that it did. */
  private static void assertStartFailedOnly(List<ReplEvent> events) {
    assertThat(events)
        .filteredOn(ReplEvent.StartFailed.class::isInstance)
        .isNotEmpty()
        .allMatch(
            f ->
                ((ReplEvent.StartFailed) f)
                    .message()
                    .startsWith("The JVM for the REPL could not be started: "));
    assertThat(events).noneMatch(ReplEvent.Ready.class::isInstance);
  }

  @Test
  void aJvmThatCannotStartIsReportedAndNothingRuns() throws Exception {
    LaunchLeftovers.keptFromTheDefaultHandler(
        () -> {
          List<ReplEvent> events = new CopyOnWriteArrayList<>();
          try (ReplSession session =
              ReplSession.start(
                  ReplOptions.defaults().withVmOptions(List.of("-XX:+NoSuchOptionForTalkbook")))) {
            session.addListener(events::add);
            session.ready().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            Evaluation e = session.evaluate("1 + 1").get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(e.outcome()).isEqualTo(Outcome.NOT_RUN);
            assertThat(e.results()).isEmpty();
            assertThat(e.message()).startsWith("The JVM for the REPL could not be started: ");
            assertStartFailedOnly(events);
          }
        });
  }

  @Test
  void oneLineInputsRunWithoutJShellsAnalysisUntilSomethingNeedsIt() throws Exception {
    try (ReplSession session =
        ReplSession.start(ReplOptions.defaults().withVmOptions(List.of("-Xmx64m")))) {
      session.ready().get(WAIT.toSeconds(), TimeUnit.SECONDS);
      SnippetResult declared = eval(session, "int x = 6").last();
      assertThat(declared.kind()).isEqualTo(Kind.VARIABLE);
      assertThat(declared.value()).isEqualTo("6");
      assertThat(eval(session, "  x * 7  ").last().value()).isEqualTo("42");
      assertThat(eval(session, "x / 4;").last().value()).isEqualTo("1");
      assertThat(eval(session, "var list = List.of(1, 2, 3)").last().type())
          .isEqualTo("List<Integer>");
      assertThat(eval(session, "list.stream().mapToInt(i -> i).sum()").last().value())
          .isEqualTo("6");

      String bad = "  int b = true";
      SnippetResult failed = eval(session, bad).last();
      assertThat(failed.status()).isEqualTo(Status.COMPILE_ERROR);
      assertThat(failed.start()).isEqualTo(2);
      assertThat(failed.end()).isEqualTo(bad.length());
      SnippetResult.Problem p = failed.problems().get(0);
      assertThat(bad.substring(p.start(), p.end())).isEqualTo("true");
      assertThat(p.column()).isEqualTo(11);

      assertThat(session.analysisStarted()).isFalse();

      Evaluation two = eval(session, "int y = 1;\ny + x");
      assertThat(two.results()).extracting(SnippetResult::value).containsExactly("1", "7");
      assertThat(session.analysisStarted()).isTrue();
    }
  }

  @Test
  void theCompilerSeesWhatTheJvmRunningTheCodeHasNotTheAppsLibraries() throws Exception {
    try (ReplSession session =
        ReplSession.start(ReplOptions.defaults().withVmOptions(List.of("-Xmx64m")))) {
      // commonmark is on this JVM's class path (the app's), not on the snippet JVM's: it used to
      // compile and then fail with NoClassDefFoundError when run.
      SnippetResult app = eval(session, "org.commonmark.parser.Parser.builder()").last();
      assertThat(app.status()).isEqualTo(Status.COMPILE_ERROR);
      assertThat(app.problems().get(0).message()).contains("org.commonmark.parser");
      // The JDK and the agent's own classes are there for both.
      assertThat(eval(session, "java.time.Duration.ofSeconds(90).toMinutes()").last().value())
          .isEqualTo("1");
      assertThat(eval(session, "dev.talkbook.core.repl.agent.Packets.MAX_REPLY").last().value())
          .isEqualTo(String.valueOf(dev.talkbook.core.repl.agent.Packets.MAX_REPLY));
    }
  }

  @Test
  void theFirstValuesAreNamedFromOneWhateverTheStartRan() throws Exception {
    // The start's own snippets (imports, the engine's warm-up) must not use up $1: a user whose
    // first result showed as $2 looked for the $1 they never made.
    try (ReplSession session =
        ReplSession.start(ReplOptions.defaults().withVmOptions(List.of("-Xmx64m")))) {
      session.ready().get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(eval(session, "IntStream.range(0, 5).map(i -> i * i).sum()").last().name())
          .isEqualTo("$1");
      assertThat(eval(session, "6 * 7").last().name()).isEqualTo("$2");
      assertThat(eval(session, "List.of(1, 2).size()").last().name()).isEqualTo("$3");
    }
  }

  @Test
  void completionStartsTheAnalysis() throws Exception {
    try (ReplSession session =
        ReplSession.start(ReplOptions.defaults().withVmOptions(List.of("-Xmx64m")))) {
      eval(session, "String greeting = String.valueOf(7)");
      assertThat(session.analysisStarted()).isFalse();
      ReplSession.Completions c =
          session.completions("greeting.toUpp", 14).get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(c.suggestions()).contains("toUpperCase(");
      assertThat(session.analysisStarted()).isTrue();
    }
  }

  @Test
  void onlyCertainlyCompleteSingleSnippetsSkipTheAnalysis() {
    // Given as JShell's analysis gives them: a declaration needs its semicolon.
    assertThat(ReplSession.oneSnippet("1+1")).isEqualTo("1+1;");
    assertThat(ReplSession.oneSnippet("  10 / 3;  ")).isEqualTo("10 / 3;");
    assertThat(ReplSession.oneSnippet("int x = 6")).isEqualTo("int x = 6;");
    assertThat(ReplSession.oneSnippet("var n = List.of(1, 2).stream().map(i -> i * 2)"))
        .isEqualTo("var n = List.of(1, 2).stream().map(i -> i * 2);");
    assertThat(ReplSession.oneSnippet("Map<String, List<Integer>> m = new HashMap<>()"))
        .endsWith(";");
    assertThat(ReplSession.oneSnippet("n++")).isEqualTo("n++;");
    assertThat(ReplSession.oneSnippet("flag = true")).isEqualTo("flag = true;");
    assertThat(ReplSession.oneSnippet("String.class")).isEqualTo("String.class;");
    // More than one snippet, or maybe: the analysis decides.
    assertThat(ReplSession.oneSnippet("")).isNull();
    assertThat(ReplSession.oneSnippet(";")).isNull();
    assertThat(ReplSession.oneSnippet("int a = 1; int b = 2")).isNull();
    assertThat(ReplSession.oneSnippet("1 + 1\n2 + 2")).isNull();
    assertThat(ReplSession.oneSnippet("void f() { }")).isNull();
    assertThat(ReplSession.oneSnippet("\"a;b\".length()")).isNull();
    assertThat(ReplSession.oneSnippet("';'")).isNull();
    assertThat(ReplSession.oneSnippet("1 // two")).isNull();
    assertThat(ReplSession.oneSnippet("1 /* two */")).isNull();
    assertThat(ReplSession.oneSnippet("1 \\u003b 2")).isNull();
    // Incomplete: the analysis keeps them as they are ("reached end of file while parsing").
    assertThat(ReplSession.oneSnippet("1 +")).isNull();
    assertThat(ReplSession.oneSnippet("foo(")).isNull();
    assertThat(ReplSession.oneSnippet("List.of(1, 2")).isNull();
    assertThat(ReplSession.oneSnippet("x.")).isNull();
    assertThat(ReplSession.oneSnippet("x instanceof")).isNull();
    assertThat(ReplSession.oneSnippet("new")).isNull();
    assertThat(ReplSession.oneSnippet("a > b")).isNull();
  }

  @Test
  void aFirstInputTheImportsCannotChangeRunsBeforeThemAndTheImportsFollow() throws Exception {
    CompletableFuture<Void> windowUp = new CompletableFuture<>();
    List<ReplEvent> events = new CopyOnWriteArrayList<>();
    try (ReplSession session =
        ReplSession.start(ReplOptions.defaults().withVmOptions(List.of("-Xmx64m")), windowUp)) {
      session.addListener(events::add);
      // Asked for before the engine starts, as a presenter typing as the window shows.
      CompletableFuture<Evaluation> first = session.evaluate("1 + 1");
      windowUp.complete(null);
      SnippetResult two = first.get(WAIT.toSeconds(), TimeUnit.SECONDS).last();
      assertThat(two.value()).isEqualTo("2");
      assertThat(two.name()).isEqualTo("$1");
      // The imports follow at once, before the next input, and are not the user's definitions.
      SnippetResult size = eval(session, "List.of(1, 2, 3).size()").last();
      assertThat(size.value()).isEqualTo("3");
      assertThat(size.name()).isEqualTo("$2");
      // The first ran before the imports: the engine was ready (imports compiled) after its result.
      assertThat(indexOf(events, ReplEvent.SnippetFinished.class))
          .isLessThan(indexOf(events, ReplEvent.Ready.class));
      assertThat(session.definitions().get(WAIT.toSeconds(), TimeUnit.SECONDS))
          .noneMatch(d -> d.kind() == Definition.Kind.IMPORT);
      assertThat(events).filteredOn(ReplEvent.Ready.class::isInstance).hasSize(1);
    }
  }

  @Test
  void aFirstInputThatMayNeedTheImportsWaitsForThem() throws Exception {
    CompletableFuture<Void> windowUp = new CompletableFuture<>();
    List<ReplEvent> events = new CopyOnWriteArrayList<>();
    try (ReplSession session =
        ReplSession.start(ReplOptions.defaults().withVmOptions(List.of("-Xmx64m")), windowUp)) {
      session.addListener(events::add);
      CompletableFuture<Evaluation> first = session.evaluate("List.of(1, 2).size()");
      windowUp.complete(null);
      assertThat(first.get(WAIT.toSeconds(), TimeUnit.SECONDS).last().value()).isEqualTo("2");
      assertThat(indexOf(events, ReplEvent.Ready.class))
          .isLessThan(indexOf(events, ReplEvent.SnippetFinished.class));
    }
  }

  @Test
  void aJvmThatCannotStartIsReportedAlsoWhenTheFirstInputRanBeforeTheImports() throws Exception {
    LaunchLeftovers.keptFromTheDefaultHandler(
        () -> {
          CompletableFuture<Void> windowUp = new CompletableFuture<>();
          List<ReplEvent> events = new CopyOnWriteArrayList<>();
          try (ReplSession session =
              ReplSession.start(
                  ReplOptions.defaults().withVmOptions(List.of("-XX:+NoSuchOptionForTalkbook")),
                  windowUp)) {
            session.addListener(events::add);
            CompletableFuture<Evaluation> first = session.evaluate("1 + 1");
            windowUp.complete(null);
            Evaluation e = first.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(e.outcome()).isEqualTo(Outcome.NOT_RUN);
            assertThat(e.results()).isEmpty();
            assertThat(e.message()).startsWith("The JVM for the REPL could not be started: ");
            assertThat(session.ready()).isDone();
            assertStartFailedOnly(events);
            // The next input tries again, and says the same.
            Evaluation again = eval(session, "2 + 2");
            assertThat(again.outcome()).isEqualTo(Outcome.NOT_RUN);
            assertThat(again.message()).startsWith("The JVM for the REPL could not be started: ");
          }
        });
  }

  @Test
  void onlyOneSnippetWithNoCapitalisedWordMayRunBeforeTheImports() {
    assertThat(ReplSession.needsNoImports("1+1")).isTrue();
    assertThat(ReplSession.needsNoImports("  6 * 7  ")).isTrue();
    assertThat(ReplSession.needsNoImports("var n = 6 * 7")).isTrue();
    assertThat(ReplSession.needsNoImports("int x = 1_000 + 0x1F + 1e3 + 10L")).isTrue();
    assertThat(ReplSession.needsNoImports("n.length()")).isTrue();
    // A capital letter may name a type the imports bring (List, Path, Stream…): they come first.
    assertThat(ReplSession.needsNoImports("List.of(1)")).isFalse();
    assertThat(ReplSession.needsNoImports("Math.max(1, 2)")).isFalse();
    assertThat(ReplSession.needsNoImports("var p = new java.io.File(\"x\")")).isFalse();
    assertThat(ReplSession.needsNoImports("$1 + 1")).isFalse();
    assertThat(ReplSession.needsNoImports("_x + 1")).isFalse();
    assertThat(ReplSession.needsNoImports("int ärger = 1")).isTrue();
    assertThat(ReplSession.needsNoImports("int Ärger = 1")).isFalse();
    // More than one snippet, or not certainly one: the imports first.
    assertThat(ReplSession.needsNoImports("1 + 1\n2 + 2")).isFalse();
    assertThat(ReplSession.needsNoImports("int f() { return 1; }")).isFalse();
    assertThat(ReplSession.needsNoImports("//DEPS a:b:1\n1 + 1")).isFalse();
    assertThat(ReplSession.needsNoImports("")).isFalse();
  }

  /**
   * Why a snippet with no capitalised word cannot depend on the default imports: each of their
   * packages' public types starts with a capital letter, on the Java this runs on.
   */
  @Test
  void everyPublicTypeTheDefaultImportsBringStartsWithACapitalLetter() throws Exception {
    FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
    int types = 0;
    for (String imported : ReplSession.DEFAULT_IMPORTS) {
      String pkg = imported.substring(0, imported.length() - ".*".length());
      List<Path> modules;
      try (Stream<Path> in = Files.list(jrt.getPath("/packages", pkg))) {
        modules = in.toList();
      }
      assertThat(modules).as(pkg).isNotEmpty();
      for (Path module : modules) {
        Path folder =
            jrt.getPath("/modules", module.getFileName().toString(), pkg.replace('.', '/'));
        List<Path> classes;
        try (Stream<Path> in = Files.list(folder)) {
          classes = in.filter(p -> p.toString().endsWith(".class")).toList();
        }
        for (Path file : classes) {
          String simple = file.getFileName().toString().replace(".class", "");
          if (simple.contains("$") || simple.endsWith("-info")) {
            continue; // nested (imported by their outer type's name) or no type
          }
          Class<?> type = Class.forName(pkg + "." + simple, false, null);
          if (Modifier.isPublic(type.getModifiers())) {
            types++;
            assertThat(Character.isUpperCase(simple.charAt(0))).as(type.getName()).isTrue();
          }
        }
      }
    }
    assertThat(types).isGreaterThan(200);
  }

  private static int indexOf(List<ReplEvent> events, Class<? extends ReplEvent> kind) {
    for (int i = 0; i < events.size(); i++) {
      if (kind.isInstance(events.get(i))) {
        return i;
      }
    }
    throw new AssertionError("no " + kind.getSimpleName() + " in " + events);
  }

  private static Evaluation eval(ReplSession session, String code) throws Exception {
    return session.evaluate(code).get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }
}
