package dev.talkbook.core.repl;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jdi.connect.VMStartException;
import dev.talkbook.core.repl.Evaluation.Outcome;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A REPL whose JVM cannot connect back over the loopback address says so in words a user can act
 * on, and keeps what the JVM said for a closer look.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StartFailureTest {

  /**
   * Fails as JDI's launch does where the launched JVM cannot connect to it: that JVM's JDWP agent
   * really tries, to a loopback port where nothing listens (refused at once), and ends; JDI then
   * reports a {@link VMStartException} with the JVM's process, wrapped as {@code JdiInitiator}
   * wraps it.
   */
  private static NoDelayExecutionProvider.Launched refusedLaunch(
      int port, List<String> vmOptions, String mainClass, int timeoutMillis) {
    try {
      int refusing;
      try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        refusing = closed.getLocalPort();
      }
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add(
          "-agentlib:jdwp=transport=dt_socket,server=n,suspend=y,address=127.0.0.1:" + refusing);
      command.add("-version");
      Process jvm = new ProcessBuilder(command).start();
      jvm.waitFor(60, TimeUnit.SECONDS);
      VMStartException failed =
          new VMStartException("VM initialization failed for: " + String.join(" ", command), jvm);
      throw new InternalError(
          "Failed remote launch: " + new ExecutionException(failed),
          new ExecutionException(failed));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aJvmThatCannotConnectOverLoopbackIsExplainedWithTheJvmsOwnWordsKept() throws Exception {
    List<ReplEvent> events = new CopyOnWriteArrayList<>();
    try (ReplSession session =
        ReplSession.start(
            ReplOptions.defaults(),
            CompletableFuture.completedFuture(null),
            new NoDelayExecutionProvider(StartFailureTest::refusedLaunch))) {
      session.addListener(events::add);
      session.ready().get(60, TimeUnit.SECONDS);
      Evaluation e = session.evaluate("1 + 1").get(60, TimeUnit.SECONDS);

      assertThat(e.outcome()).isEqualTo(Outcome.NOT_RUN);
      assertThat(e.message())
          .startsWith("The REPL could not connect to its Java process on this computer (127.0.0.1)")
          .contains("loopback")
          .doesNotContain("VM initialization failed");
      ReplEvent.StartFailed failed =
          events.stream()
              .filter(ReplEvent.StartFailed.class::isInstance)
              .map(ReplEvent.StartFailed.class::cast)
              .findFirst()
              .orElseThrow();
      assertThat(failed.message()).isEqualTo(e.message());
      // The JDWP agent's own words: "ERROR: transport error 202: connect failed: Connection
      // refused".
      assertThat(failed.detail()).contains("transport error").contains("connect failed");
    }
  }

  @Test
  void aConnectionThatTimedOutIsExplainedAsOneOnThisComputer() {
    StartFailure f =
        StartFailure.of(
            new IllegalStateException(
                "The JVM for the REPL did not connect: Accept timed out",
                new java.net.SocketTimeoutException("Accept timed out")));
    assertThat(f.message()).startsWith("The REPL could not connect to its Java process");
    assertThat(f.detail()).isEqualTo("The JVM for the REPL did not connect: Accept timed out");
  }

  @Test
  void aJvmThatRejectsAnOptionSaysWhichInItsOwnWords() {
    StartFailure f =
        StartFailure.of(
            new StartFailure.JvmEnded(
                new InternalError("Failed remote launch: VM initialization failed for: java …"),
                "Unrecognized VM option 'NoSuchOption'\n"
                    + "Error: Could not create the Java Virtual Machine."));
    assertThat(f.message())
        .isEqualTo(
            "The JVM for the REPL could not be started: Unrecognized VM option 'NoSuchOption'");
    assertThat(f.detail()).contains("Could not create the Java Virtual Machine");
  }

  @Test
  void anAgentThatCouldNotConnectBackIsExplainedAsAConnectionOnThisComputer() {
    StartFailure f =
        StartFailure.of(
            new StartFailure.JvmEnded(
                new java.io.IOException("The JVM for the REPL ended with exit code 1"),
                "Exception in thread \"main\" java.net.ConnectException: Connection refused\n"
                    + "\tat java.base/sun.nio.ch.Net.connect0(Native Method)",
                1));
    assertThat(f.message()).startsWith("The REPL could not connect to its Java process");
    assertThat(f.detail()).contains("java.net.ConnectException: Connection refused");
  }

  @Test
  void aJvmThatEndedBeforeConnectingNamesItsExit() {
    StartFailure f =
        StartFailure.of(
            new StartFailure.JvmEnded(
                new java.io.IOException("The JVM for the REPL ended with exit code 134"), "", 134));
    assertThat(f.message())
        .isEqualTo(
            "The JVM for the REPL could not be started: it ended with exit code 134 before it"
                + " connected.");
  }
}
