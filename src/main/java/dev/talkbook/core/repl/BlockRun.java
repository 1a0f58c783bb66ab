package dev.talkbook.core.repl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A run of several code blocks in order in one session, one evaluation each: Java → Run all,
 * Rehearse, {@code talkbook run}. Each block has the session's time limit (a block that reaches it
 * is stopped and the run goes on with the next, as {@code talkbook run} does); {@link #stop()}
 * stops the running block and leaves the rest unrun.
 *
 * <p>The session should be the run's own (a fresh one, {@link #options()}): a stop is sent to
 * whatever it runs.
 */
public final class BlockRun {

  /** The time limit of each block, in seconds, unless told otherwise ({@code --time-limit}). */
  public static final int TIME_LIMIT_SECONDS = 30;

  /** The time limit of each block, unless told otherwise. */
  public static final Duration TIME_LIMIT = Duration.ofSeconds(TIME_LIMIT_SECONDS);

  /** Told as the run goes, on the session's event thread. */
  public interface Listener {
    Listener NONE = new Listener() {};

    /** Block {@code index} (0 for the first) of {@code total} starts. */
    default void starting(int index, int total) {}

    /** Block {@code index} of {@code total} has run (or was stopped): what it gave. */
    default void finished(int index, int total, Evaluation evaluation) {}
  }

  /**
   * How the run went.
   *
   * @param evaluations one per block that ran, in order (the stopped one included)
   * @param total how many blocks there were
   * @param stopped whether it was stopped by hand ({@link #stop()}): the last evaluation was then
   *     stopped, or blocks after it were left unrun
   */
  public record Result(List<Evaluation> evaluations, int total, boolean stopped) {
    public Result {
      evaluations = List.copyOf(evaluations);
    }

    /** How many blocks did not run. */
    public int notRun() {
      return total - evaluations.size();
    }

    /**
     * What each block that ran writes into the notes ({@link NoteCode#resultOf}), in order: Run all
     * and {@code talkbook run --write} keep these.
     */
    public List<NoteCode.Result> outputs() {
      return evaluations.stream().map(NoteCode::resultOf).toList();
    }

    /** Whether the last evaluation is that of a block stopped by hand. */
    public boolean lastStopped() {
      return endsStopped(evaluations);
    }
  }

  /** Whether the last of {@code evaluations} was stopped by hand. */
  private static boolean endsStopped(List<Evaluation> evaluations) {
    return !evaluations.isEmpty()
        && evaluations.get(evaluations.size() - 1).outcome() == Evaluation.Outcome.STOPPED;
  }

  /** The options of a run's own session: the REPL's, with the time limit, without input. */
  public static ReplOptions options(Duration timeLimit) {
    return ReplOptions.defaults().withTimeLimit(timeLimit).withoutInput();
  }

  /** {@link #options(Duration)} with the usual time limit, {@link #TIME_LIMIT}. */
  public static ReplOptions options() {
    return options(TIME_LIMIT);
  }

  private final ReplSession session;
  private final List<String> blocks;
  private final Listener listener;
  private final CompletableFuture<Result> result = new CompletableFuture<>();
  private final List<Evaluation> done = new ArrayList<>();
  private final AutoCloseable listening;
  private volatile boolean stopped;

  private BlockRun(ReplSession session, List<String> blocks, Listener listener) {
    this.session = session;
    this.blocks = List.copyOf(blocks);
    this.listener = listener;
    // A stop asked for between two blocks, or while the session had not yet begun the next, would
    // reach nothing; it is sent again as soon as that block starts.
    this.listening =
        session.addListener(
            event -> {
              if (stopped && event instanceof ReplEvent.EvaluationStarted) {
                session.stop();
              }
            });
  }

  /** Runs {@code blocks} (their code) in order in {@code session}; returns at once. */
  public static BlockRun start(ReplSession session, List<String> blocks, Listener listener) {
    BlockRun run = new BlockRun(session, blocks, listener);
    run.next(0);
    return run;
  }

  /** Completes when the last block has run, or the run was stopped; fails when it could not run. */
  public CompletableFuture<Result> result() {
    return result;
  }

  /** Stops the running block; the blocks after it do not run. */
  public void stop() {
    stopped = true;
    session.stop();
  }

  /** Whether it is still going. */
  public boolean isRunning() {
    return !result.isDone();
  }

  private void next(int index) {
    if (stopped || index == blocks.size()) {
      finish();
      return;
    }
    try {
      listener.starting(index, blocks.size());
    } catch (RuntimeException e) {
      fail(e);
      return;
    }
    session
        .evaluate(blocks.get(index), "block " + (index + 1))
        .whenComplete(
            (evaluation, error) -> {
              if (error != null) {
                fail(error);
                return;
              }
              done.add(evaluation);
              if (evaluation.outcome() == Evaluation.Outcome.STOPPED) {
                stopped = true; // by hand: by this run's stop, or the session's own
              }
              try {
                listener.finished(index, blocks.size(), evaluation);
              } catch (RuntimeException e) {
                fail(e);
                return;
              }
              next(index + 1);
            });
  }

  private void finish() {
    close();
    result.complete(
        new Result(done, blocks.size(), endsStopped(done) || done.size() < blocks.size()));
  }

  private void fail(Throwable error) {
    close();
    result.completeExceptionally(error);
  }

  private void close() {
    try {
      listening.close();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
