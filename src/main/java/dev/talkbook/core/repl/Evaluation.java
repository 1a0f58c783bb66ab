package dev.talkbook.core.repl;

import java.time.Duration;
import java.util.List;

/**
 * The result of evaluating one input: a result per snippet that ran, how it ended, and a message
 * for the user when it did not simply complete.
 */
public record Evaluation(
    long id, List<SnippetResult> results, Outcome outcome, String message, Duration took) {

  public Evaluation {
    results = List.copyOf(results);
  }

  /** How an evaluation ended. */
  public enum Outcome {
    /**
     * Ran to its end by itself: every snippet ran (some may not have compiled), or a snippet threw
     * and, as in a program, the rest of the input did not run ({@code message} then says so;
     * declarations before the throw are kept).
     */
    COMPLETED,
    /** Stopped on request; later snippets did not run. */
    STOPPED,
    /** The time limit ran out and it was stopped; later snippets did not run. */
    TIMED_OUT,
    /** The JVM running the code ended (and was restarted); later snippets did not run. */
    JVM_ENDED,
    /** The session is closed or its engine could not start. */
    NOT_RUN
  }

  /**
   * True when a snippet failed ({@link SnippetResult#failed()}) or the evaluation did not complete
   * by itself: a time limit, the JVM ending. A stop asked for ({@link Outcome#STOPPED}: Esc, Stop)
   * is not the code's failure: what it printed until then is its output, followed by "Stopped." (a
   * snippet that failed before the stop still fails it).
   */
  public boolean failed() {
    return switch (outcome) {
      case COMPLETED, STOPPED ->
          results.stream().anyMatch(r -> r.failed() && r.status() != SnippetResult.Status.STOPPED);
      default -> true;
    };
  }

  /** True when it was stopped on request (Esc, Stop), not at a time limit. */
  public boolean stoppedOnRequest() {
    return outcome == Outcome.STOPPED;
  }

  /** The last result, or null when none ran. */
  public SnippetResult last() {
    return results.isEmpty() ? null : results.get(results.size() - 1);
  }
}
