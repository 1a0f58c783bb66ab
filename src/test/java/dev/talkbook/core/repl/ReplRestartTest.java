package dev.talkbook.core.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.repl.Evaluation.Outcome;
import dev.talkbook.core.repl.SnippetResult.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The remote JVM ends: the session restarts by itself and replays what was defined. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ReplRestartTest {
  /**
   * How long a start, a restart or an evaluation may take: a JVM starts in a second on a quiet
   * machine, in tens of seconds on a loaded one (a limit only; nothing waits for it to pass).
   */
  private static final Duration WAIT = Duration.ofSeconds(60);

  private ReplSession session;
  private final BlockingQueue<ReplEvent.Restarted> restarts = new LinkedBlockingQueue<>();
  private final BlockingQueue<ReplEvent> events = new LinkedBlockingQueue<>();
  private final java.util.concurrent.atomic.AtomicInteger inputRequests =
      new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.atomic.AtomicInteger starts =
      new java.util.concurrent.atomic.AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    session = ReplSession.start(ReplOptions.defaults());
    session.addListener(
        e -> {
          if (e instanceof ReplEvent.Restarted r) {
            restarts.add(r);
          }
          events.add(e);
          if (e instanceof ReplEvent.InputRequested) {
            inputRequests.incrementAndGet();
          }
          if (e instanceof ReplEvent.Starting) {
            starts.incrementAndGet();
          }
        });
    session.ready().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @AfterEach
  void close() {
    session.close();
  }

  private Evaluation eval(String code) throws Exception {
    return session.evaluate(code).get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void systemExitRestartsTheJvmAndReplaysDefinitions() throws Exception {
    eval(
        "import java.time.*;\nint base = 40;\nint plus(int n) { return base + n; }\n"
            + "record Pair(int a, int b) {}\nint broken = \"no\";");
    Evaluation e = eval("System.exit(3);\n1 + 1");
    assertThat(e.outcome()).isEqualTo(Outcome.JVM_ENDED);
    assertThat(e.results()).hasSize(1);
    assertThat(e.last().status()).isEqualTo(Status.JVM_ENDED);
    assertThat(e.last().note()).contains("exit code 3");
    assertThat(e.message()).isEqualTo("The rest of the input was not run.");
    ReplEvent.Restarted restarted = restarts.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(restarted).isNotNull();
    assertThat(restarted.reason()).contains("exit code 3");
    assertThat(restarted.replayed()).isEqualTo(4);
    assertThat(restarted.notReplayed()).isEmpty();
    assertThat(
            eval("plus(2) + new Pair(1, 2).b() + Duration.ofSeconds(1).toSeconds()").last().value())
        .isEqualTo("45");
  }

  @Test
  void haltFromABackgroundThreadIsNoticedBetweenEvaluations(@TempDir Path dir) throws Exception {
    eval("String kept = \"yes\";");
    // The thread halts the JVM once the test says so, after the evaluation ended (a fixed pause
    // could be over before the evaluation's result came back, on a busy machine).
    Path go = dir.resolve("halt-now");
    Evaluation e =
        eval(
            "new Thread(() -> { try { while (!Files.exists(Path.of(\""
                + go.toString().replace("\\", "\\\\")
                + "\"))) Thread.sleep(10); } catch (Exception x) {}"
                + " Runtime.getRuntime().halt(7); }).start();");
    assertThat(e.outcome()).isEqualTo(Outcome.COMPLETED);
    Files.createFile(go);
    ReplEvent.Restarted restarted = restarts.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(restarted).isNotNull();
    assertThat(restarted.reason()).contains("exit code 7");
    assertThat(eval("kept").last().value()).isEqualTo("\"yes\"");
  }

  @Test
  void resetForgetsEverything() throws Exception {
    eval("int gone = 1;");
    session.reset().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    SnippetResult r = eval("gone").last();
    assertThat(r.status()).isEqualTo(Status.COMPILE_ERROR);
    assertThat(session.definitions().get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEmpty();
  }

  @Test
  void restartOnRequestReplaysAndSaysSo() throws Exception {
    eval("List<String> names = new ArrayList<>(List.of(\"a\"));");
    session.restart().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    ReplEvent.Restarted restarted = restarts.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(restarted.reason()).contains("on request");
    assertThat(eval("names").last().value()).isEqualTo("[a]");
    assertThat(session.definitions().get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .extracting(Definition::name)
        .isEqualTo(List.of("names"));
  }

  @Test
  void aDefinitionNotRestoredIsNotListedAfterARestart() throws Exception {
    // Its initializer works in this JVM only: the property is gone in the next one.
    eval("System.setProperty(\"tb.once\", \"7\");");
    eval("Integer once = Integer.valueOf(System.getProperty(\"tb.once\"));\nint kept = 1;");
    session.restart().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    ReplEvent.Restarted restarted = restarts.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(restarted.notReplayed()).singleElement().asString().contains("Integer once");
    assertThat(session.definitions().get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .extracting(Definition::name)
        .isEqualTo(List.of("kept"));
    assertThat(eval("once").last().status()).isEqualTo(Status.COMPILE_ERROR);
  }

  @Test
  void declarationsThatReferToEachOtherAreAllRestored() throws Exception {
    // A sealed interface names the records that implement it, which name it: the first, run again
    // alone, waits for the others (JShell's forward reference), as it did when first typed.
    eval(
        "sealed interface Shape permits Circle, Square {}\n"
            + "record Circle(double r) implements Shape {}\n"
            + "record Square(double s) implements Shape {}\n"
            + "double area(Shape s) {"
            + " return s instanceof Circle c ? 3 * c.r() * c.r() : ((Square) s).s() * ((Square) s).s(); }");
    Evaluation e = eval("System.exit(0);");
    assertThat(e.outcome()).isEqualTo(Outcome.JVM_ENDED);
    ReplEvent.Restarted restarted = restarts.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(restarted).isNotNull();
    assertThat(restarted.notReplayed()).isEmpty();
    assertThat(restarted.replayed()).isEqualTo(4);
    assertThat(eval("area(new Square(3)) + area(new Circle(1))").last().value()).isEqualTo("12.0");
  }

  @Test
  void afterSuchARestartAValueStillShowsItsType() throws Exception {
    // Dropping the hierarchy's parts one by one, as the re-run did, left JShell naming the type of
    // every later value java.lang.Object: with Java 25's JShell (the packaged app's, and this test
    // run with -Djvm=JDK-25/bin/java), not Java 17's, where this passes either way.
    // ReplOnPackagedJdkTest runs this on the packaged app's JDK in the normal test run.
    eval(
        "sealed interface Shape permits Circle, Square {}\n"
            + "record Circle(double r) implements Shape {}\n"
            + "record Square(double s) implements Shape {}");
    session.restart().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(restarts.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
    assertThat(eval("\"abc\".substring(1)").last().type()).isEqualTo("String");
  }

  @Test
  void aDefinitionLeftWaitingByAStoppedReRunIsKeptWaitingAndValuesKeepTheirTypes(@TempDir Path dir)
      throws Exception {
    // spin() spins once the flag is there (only when the definitions run again): the re-run is
    // stopped after Shape ran again and before the records it waits for did.
    Path flag = dir.resolve("spin");
    Path inside = dir.resolve("spinning");
    eval(
        "int spin() { if (Files.exists(Path.of(\""
            + java(flag)
            + "\"))) { try { Files.writeString(Path.of(\""
            + java(inside)
            + "\"), \"\"); } catch (IOException e) {} while (true) {} } return 1; }");
    eval(
        "sealed interface Shape permits Circle, Square {}\n"
            + "int spun = spin();\n"
            + "record Circle(double r) implements Shape {}\n"
            + "record Square(double s) implements Shape {}");
    Files.createFile(flag);
    java.util.concurrent.CompletableFuture<Void> restart = session.restart();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!Files.exists(inside) && System.nanoTime() < deadline) {
      Thread.sleep(20); // a condition polled, with a limit
    }
    assertThat(inside).as("the re-run spins in spin()").exists();
    session.stop();
    restart.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    ReplEvent.Restarted restarted = restarts.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(restarted.reruns())
        .filteredOn(r -> r.source().startsWith("sealed interface Shape"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.restored()).isFalse();
              assertThat(r.why()).contains("Circle").contains("kept");
            });
    // Dropped, it left Java 25's JShell naming every later value's type java.lang.Object (run
    // with -Djvm=JDK-25/bin/java to see it, as ReplOnPackagedJdkTest does in the normal run; Java
    // 17's names it either way). Kept, it waits, as a typed one does: the records defined again
    // complete it.
    assertThat(eval("\"abc\".substring(1)").last().type()).isEqualTo("String");
    eval(
        "record Circle(double r) implements Shape {}\nrecord Square(double s) implements Shape {}");
    assertThat(eval("new Circle(1) instanceof Shape").last().value()).isEqualTo("true");
  }

  /** The number of JVM starts the session has announced so far. */
  private long starts() {
    return starts.get();
  }

  @Test
  void aDefinitionThatReadsSystemInGetsNoInputWhenRunAgainAndIsNamed() throws Exception {
    // The user answers the first two requests: the re-run must not ask again.
    session.addListener(
        e -> {
          if (e instanceof ReplEvent.InputRequested && inputRequests.get() <= 2) {
            session.input(inputRequests.get() == 1 ? "héllo wörld\n" : "second\n");
          }
        });
    eval("int before = 1;");
    assertThat(eval("var s = new Scanner(System.in).nextLine();").last().value())
        .isEqualTo("\"héllo wörld\"");
    eval("var line = new BufferedReader(new InputStreamReader(System.in)).readLine();");
    eval("int after = 2;");
    assertThat(eval("System.exit(0);").outcome()).isEqualTo(Outcome.JVM_ENDED);
    ReplEvent.Restarted restarted = restarts.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(restarted).as("the restart ends without waiting for input").isNotNull();
    assertThat(inputRequests.get()).isEqualTo(2);
    assertThat(restarted.replayed()).isEqualTo(3);
    assertThat(restarted.notReplayed()).singleElement().asString().contains("Scanner(System.in)");
    assertThat(restarted.reruns())
        .anySatisfy(
            r -> {
              assertThat(r.restored()).isFalse();
              assertThat(r.why())
                  .contains("reads System.in")
                  .contains("end of input")
                  .contains("NoSuchElementException");
            })
        .anySatisfy(
            r -> {
              // It read the end of input and holds null now: restored, with a word about it.
              assertThat(r.source()).contains("readLine()");
              assertThat(r.restored()).isTrue();
              assertThat(r.why()).contains("System.in");
            });
    assertThat(eval("before + after").last().value()).isEqualTo("3");
    assertThat(eval("s").last().status()).isEqualTo(Status.COMPILE_ERROR);
  }

  @Test
  void aDefinitionThatEndsTheJvmWhenRunAgainStopsTheRestartsAndIsNamed(@TempDir Path dir)
      throws Exception {
    Path flag = dir.resolve("flag");
    eval("int die() { System.exit(1); return 0; }");
    eval("int before = 1;");
    eval(
        "int boom2 = Files.exists(Path.of(\""
            + flag.toString().replace("\\", "\\\\")
            + "\")) ? die() : 1;");
    eval("int after = 2;");
    Files.createFile(flag);
    long startsBefore = starts();
    assertThat(eval("System.exit(0);").outcome()).isEqualTo(Outcome.JVM_ENDED);
    ReplEvent.RestartGivenUp gaveUp = null;
    for (ReplEvent e;
        gaveUp == null && (e = events.poll(WAIT.toSeconds(), TimeUnit.SECONDS)) != null; ) {
      if (e instanceof ReplEvent.RestartGivenUp g) {
        gaveUp = g;
      }
    }
    assertThat(gaveUp).as("the session gives up starting JVMs by itself").isNotNull();
    assertThat(gaveUp.reason()).contains("exit code 0");
    assertThat(gaveUp.message())
        .contains("int boom2")
        .contains("exit code 1")
        .contains("Restart")
        .contains("Reset");
    // One start by itself after the user's System.exit, then none until the user runs code: that
    // evaluation starts one, with the other definitions and without the one that ended the JVM.
    assertThat(eval("before + after").last().value()).isEqualTo("3");
    assertThat(starts() - startsBefore).isEqualTo(2);
    assertThat(eval("boom2").last().status()).isEqualTo(Status.COMPILE_ERROR);
    assertThat(starts() - startsBefore).isEqualTo(2);
  }

  @Test
  void stopEndsARunOfTheDefinitionsAgain(@TempDir Path dir) throws Exception {
    // The method spins once the flag is there (only when the definitions run again), and says
    // so with a file of its own.
    Path flag = dir.resolve("spin");
    Path inside = dir.resolve("spinning");
    eval(
        "int spin() { if (Files.exists(Path.of(\""
            + java(flag)
            + "\"))) { try { Files.writeString(Path.of(\""
            + java(inside)
            + "\"), \"\"); } catch (IOException e) {} while (true) {} } return 1; }");
    eval("int kept = 5;");
    eval("int spun = spin();");
    eval("int later = 6;");
    Files.createFile(flag);
    java.util.concurrent.CompletableFuture<Void> restart = session.restart();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!Files.exists(inside) && System.nanoTime() < deadline) {
      Thread.sleep(20); // a condition polled, with a limit
    }
    assertThat(inside).as("the re-run spins in spin()").exists();
    assertThat(session.isRunning()).isTrue();
    session.stop();
    restart.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    ReplEvent.Restarted restarted = restarts.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(restarted.notReplayed()).anySatisfy(s -> assertThat(s).contains("spin()"));
    assertThat(restarted.reruns())
        .filteredOn(r -> r.source().contains("int spun"))
        .singleElement()
        .satisfies(r -> assertThat(r.why()).contains("stopped"));
    assertThat(restarted.reruns())
        .filteredOn(r -> r.source().contains("int later"))
        .singleElement()
        .satisfies(r -> assertThat(r.why()).contains("not run again"));
    assertThat(eval("kept").last().value()).isEqualTo("5");
  }

  @Test
  void restartPressedAgainWhileTheDefinitionsRunAgainRestoresThemAll(@TempDir Path dir)
      throws Exception {
    // spin() spins in the first re-run only (it takes the flag away), as a slow definition would.
    Path flag = dir.resolve("spin");
    Path inside = dir.resolve("spinning");
    eval(
        "int spin() { if (Files.exists(Path.of(\""
            + java(flag)
            + "\"))) { try { Files.delete(Path.of(\""
            + java(flag)
            + "\")); Files.writeString(Path.of(\""
            + java(inside)
            + "\"), \"\"); } catch (IOException e) {} while (true) {} } return 1; }");
    eval("int kept = 5;");
    eval("int spun = spin();");
    eval("int later = 6;");
    Files.createFile(flag);
    session.restart();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!Files.exists(inside) && System.nanoTime() < deadline) {
      Thread.sleep(20); // a condition polled, with a limit
    }
    assertThat(inside).as("the first re-run spins in spin()").exists();
    session.restart().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    ReplEvent.Restarted replaced = restarts.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(replaced.reason())
        .isEqualTo("Restart pressed while 4 definitions ran again: they run again from the first.");
    assertThat(replaced.reruns()).as("nothing said stopped, nor lost").isEmpty();
    ReplEvent.Restarted restarted = restarts.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(restarted.reason()).isEqualTo("Restarted on request.");
    assertThat(restarted.replayed()).isEqualTo(4);
    assertThat(restarted.reruns()).isEmpty();
    assertThat(eval("spun + kept + later").last().value()).isEqualTo("12");
  }

  @Test
  void stopEndsAWaitForInputBetweenEvaluations() throws Exception {
    // A thread left running reads System.in after its evaluation ended: only once the test says
    // so (a file), since a read still waiting as its evaluation ends is cancelled with it.
    Path go = Files.createTempFile("talkbook-read-now", ".flag");
    Files.delete(go);
    eval(
        "new Thread(() -> { try { while (!java.nio.file.Files.exists(java.nio.file.Path.of(\""
            + java(go)
            + "\"))) { Thread.onSpinWait(); } System.in.read(); } catch (IOException e) {"
            + " System.out.println(\"input ended: \" + e.getClass().getSimpleName()); }"
            + " }).start();");
    Files.createFile(go);
    for (ReplEvent e;
        !(e = events.poll(WAIT.toSeconds(), TimeUnit.SECONDS))
            .getClass()
            .equals(ReplEvent.InputRequested.class); ) {
      // until the thread asks
    }
    assertThat(session.isRunning()).as("waiting for input is something Stop stops").isTrue();
    session.stop();
    StringBuilder out = new StringBuilder();
    for (ReplEvent e; !out.toString().contains("input ended"); ) {
      e = events.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(e).as("the thread's output after the stop").isNotNull();
      if (e instanceof ReplEvent.Output o) {
        out.append(o.text());
      }
    }
    assertThat(out.toString()).contains("InterruptedIOException");
    Files.delete(go);
  }

  /** {@code path} as a Java string literal's content. */
  private static String java(Path path) {
    return path.toString().replace("\\", "\\\\");
  }
}
