package dev.talkbook.core.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A session closed before its engine was due to start (the app quit before its window was up): it
 * never starts the engine's JVM, and its first start counts as ended.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReplSessionCloseTest {
  @Test
  void closedBeforeItsStartItNeverStartsAnEngine() throws Exception {
    ReplSession session = ReplSession.start(ReplOptions.defaults(), new CompletableFuture<Void>());
    List<ReplEvent> events = new CopyOnWriteArrayList<>();
    session.addListener(events::add);
    session.close();
    session.ready().get(30, TimeUnit.SECONDS);
    assertThat(events).noneMatch(e -> e instanceof ReplEvent.Starting);
    assertThat(session.evaluate("1 + 1"))
        .failsWithin(30, TimeUnit.SECONDS)
        .withThrowableThat()
        .withMessageContaining("closed");
  }
}
