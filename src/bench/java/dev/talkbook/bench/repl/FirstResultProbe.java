package dev.talkbook.bench.repl;

import dev.talkbook.core.repl.Evaluation;
import dev.talkbook.core.repl.ReplOptions;
import dev.talkbook.core.repl.ReplSession;
import java.util.concurrent.TimeUnit;

/**
 * Run in a fresh JVM by {@link ReplGroup}: starts a session as the app does and evaluates {@code
 * 1+1} at once (the evaluation queues behind the start), then prints the value.
 */
public final class FirstResultProbe {
  private FirstResultProbe() {}

  public static void main(String[] args) throws Exception {
    try (ReplSession session = ReplSession.start(ReplOptions.defaults())) {
      Evaluation e = session.evaluate("1+1").get(60, TimeUnit.SECONDS);
      System.out.println("RESULT " + e.last().value());
    }
    System.exit(0);
  }
}
