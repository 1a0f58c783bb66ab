package dev.talkbook.core.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.common.Probes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The start-up timeline ({@link Probes#TIMELINE}) in the JVM that runs the code: its marks go to
 * that JVM's own standard output, which the app reads, never to the user's output.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ReplTimelineTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void theAgentsMarksStayOutOfTheUsersOutput() throws Exception {
    ReplOptions options =
        ReplOptions.defaults().withVmOptions(List.of("-Xmx64m", "-D" + Probes.TIMELINE + "=true"));
    try (ReplSession session = ReplSession.start(options)) {
      Evaluation e =
          session.evaluate("System.out.println(\"hello\")").get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(e.last().output()).isEqualTo("hello\n");
      // The agent did mark its start, on the JVM's own output (where a crash report also goes).
      assertThat(session.jvmOutput())
          .contains("talkbook-mark agent-main ")
          .contains("talkbook-mark agent-ready ");
    }
  }
}
