package dev.talkbook.core.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.repl.Evaluation.Outcome;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import jdk.jshell.execution.JdiInitiator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A REPL whose JVM ends before it connects back says so as soon as it has ended, naming how it
 * ended, rather than after the connection's time limit with words about the network.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EndedJvmTest {

  private static final String NO_SUCH_CLASS = "dev.talkbook.core.repl.agent.NoSuchAgent";

  /**
   * JDI's real launch, but of a main class that does not exist: the JVM comes up under JDI, is
   * resumed, cannot find its main class and exits with code 1, never connecting back.
   */
  private static NoDelayExecutionProvider.Launched unknownMainClass(
      int port, List<String> vmOptions, String mainClass, int timeoutMillis) {
    JdiInitiator jdi =
        new JdiInitiator(port, vmOptions, NO_SUCH_CLASS, true, null, timeoutMillis, Map.of());
    return new NoDelayExecutionProvider.Launched(jdi.vm(), jdi.process());
  }

  @Test
  void aJvmThatEndsBeforeConnectingIsReportedWithItsExit() throws Exception {
    List<ReplEvent> events = new CopyOnWriteArrayList<>();
    NoDelayExecutionProvider provider =
        new NoDelayExecutionProvider(EndedJvmTest::unknownMainClass);
    try (ReplSession session =
        ReplSession.start(
            ReplOptions.defaults(), CompletableFuture.completedFuture(null), provider)) {
      session.addListener(events::add);
      session.ready().get(60, TimeUnit.SECONDS);
      Evaluation e = session.evaluate("1 + 1").get(60, TimeUnit.SECONDS);

      assertThat(e.outcome()).isEqualTo(Outcome.NOT_RUN);
      // Not the connection's time limit: the failure is the JVM's end, with its exit code.
      assertThat(provider.lastExit()).isDone();
      int exitCode = provider.lastExit().get().exitValue();
      assertThat(exitCode).isNotZero();
      assertThat(e.message())
          .startsWith(StartFailure.NOT_STARTED)
          .contains("ended with exit code " + exitCode + " before it connected")
          .contains("Could not find or load main class " + NO_SUCH_CLASS)
          .doesNotContain("timed out")
          .doesNotContain("loopback");
      ReplEvent.StartFailed failed =
          events.stream()
              .filter(ReplEvent.StartFailed.class::isInstance)
              .map(ReplEvent.StartFailed.class::cast)
              .findFirst()
              .orElseThrow();
      assertThat(failed.message()).isEqualTo(e.message());
      assertThat(failed.detail()).contains("Could not find or load main class");
    }
  }
}
