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
    /** Every snippet ran (some may have had errors or thrown). */
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
   * True when a snippet failed ({@link SnippetResult#failed()}) or the evaluation did not complete.
   */
  public boolean failed() {
    return outcome != Outcome.COMPLETED || results.stream().anyMatch(SnippetResult::failed);
  }

  /** The last result, or null when none ran. */
  public SnippetResult last() {
    return results.isEmpty() ? null : results.get(results.size() - 1);
  }
}
