package dev.talkbook.core.repl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What of a failed launch the provider recognises as the JDK's leftover, and nothing else. */
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
}
