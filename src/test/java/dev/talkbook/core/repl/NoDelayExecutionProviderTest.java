package dev.talkbook.core.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.talkbook.core.repl.agent.ReplAgent;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What of a failed launch the provider recognises as the JDK's leftover, and nothing else; where it
 * finds the REPL agent's class for the JVM it starts.
 */
class NoDelayExecutionProviderTest {

  @Test
  void jdisAcceptorFindingItsListenerClosedIsALeftover() {
    assertThat(NoDelayExecutionProvider.isLaunchLeftover(LaunchLeftovers.example())).isTrue();
  }

  @Test
  void theSameMessageFromElsewhereIsNot() {
    assertThat(
            NoDelayExecutionProvider.isLaunchLeftover(
                new IllegalArgumentException("Invalid listener")))
        .isFalse();
    IllegalStateException other = new IllegalStateException("Invalid listener");
    other.setStackTrace(LaunchLeftovers.example().getStackTrace());
    assertThat(NoDelayExecutionProvider.isLaunchLeftover(other)).isFalse();
    IllegalArgumentException fromAccept = new IllegalArgumentException("timeout is negative");
    fromAccept.setStackTrace(
        new StackTraceElement[] {LaunchLeftovers.example().getStackTrace()[0]});
    assertThat(NoDelayExecutionProvider.isLaunchLeftover(fromAccept))
        .as("not in a launch")
        .isFalse();
  }

  @Test
  void theAgentIsFoundWhereItsClassFileIsNow() throws Exception {
    Path entry = Path.of(NoDelayExecutionProvider.agentClassPath());
    String name = ReplAgent.class.getName().replace('.', '/') + ".class";
    assertThat(Files.isDirectory(entry) ? entry.resolve(name) : entry).exists();
  }

  @Test
  void aJarOrAFolderIsTheEntryThatHoldsTheClass() throws Exception {
    String name = "dev/talkbook/core/repl/agent/ReplAgent.class";
    assertThat(
            NoDelayExecutionProvider.entryHolding(
                new URL("jar:file:/opt/talk%20book/lib/app/talkbook.jar!/" + name), name))
        .isEqualTo(Path.of("/opt/talk book/lib/app/talkbook.jar"));
    assertThat(
            NoDelayExecutionProvider.entryHolding(
                new URL("file:/home/me/talkbook/target/classes/" + name), name))
        .isEqualTo(Path.of("/home/me/talkbook/target/classes"));
    assertThatThrownBy(() -> NoDelayExecutionProvider.entryHolding(null, name))
        .hasMessageContaining("not on the class path");
    assertThatThrownBy(
            () ->
                NoDelayExecutionProvider.entryHolding(new URL("http://example.org/" + name), name))
        .hasMessageContaining("neither in a jar nor in a folder");
  }
}
