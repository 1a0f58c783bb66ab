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

  @BeforeEach
  void start() throws Exception {
    session = ReplSession.start(ReplOptions.defaults());
    session.addListener(
        e -> {
          if (e instanceof ReplEvent.Restarted r) {
            restarts.add(r);
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
}
