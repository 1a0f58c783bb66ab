package dev.talkbook.core.repl;

import java.time.Duration;
import java.util.List;

/**
 * What a {@link ReplSession} tells its listeners, as plain values. Events arrive in order on the
 * session's own event thread ({@code talkbook-repl-events}); a UI hands them to its own thread.
 * Output comes in batches ({@link Output}), never a character at a time.
 */
public sealed interface ReplEvent {

  /** The session is launching a JVM for user code (at start, restart or reset). */
  record Starting(String why) implements ReplEvent {}

  /** The session can evaluate; {@code took} is the time to launch and warm up the engine. */
  record Ready(String javaVersion, Duration took) implements ReplEvent {}

  /**
   * The engine could not be started; evaluations fail with this message until a restart. {@code
   * detail} is what the JDK and the JVM said (for a closer look; the message says it for a user).
   */
  record StartFailed(String message, String detail) implements ReplEvent {}

  /** An evaluation of some input begins. */
  record EvaluationStarted(long evaluation, String input) implements ReplEvent {}

  /**
   * One complete snippet of the input begins; {@code start}/{@code end} are offsets in the input.
   */
  record SnippetStarted(long evaluation, int index, String source, int start, int end)
      implements ReplEvent {}

  /**
   * Output written by user code. {@code droppedBefore} characters, {@code droppedLinesBefore} line
   * breaks among them, were dropped just before this text because output came faster than it could
   * be shown (the cap keeps the newest; it then starts where a line starts, unless one line was
   * longer than the cap). {@code evaluation} is -1 for output from a background thread between
   * evaluations.
   */
  record Output(
      long evaluation, Stream stream, String text, long droppedBefore, long droppedLinesBefore)
      implements ReplEvent {

    /** Output with nothing dropped before it, or with the dropped lines not counted. */
    public Output(long evaluation, Stream stream, String text, long droppedBefore) {
      this(evaluation, stream, text, droppedBefore, 0);
    }
  }

  /** User code is waiting on {@code System.in}: supply a line with {@link ReplSession#input}. */
  record InputRequested(long evaluation) implements ReplEvent {}

  /** One snippet's result. */
  record SnippetFinished(long evaluation, SnippetResult result) implements ReplEvent {}

  /** The evaluation ended: all snippets ran, or it was stopped, timed out, or the JVM ended. */
  record EvaluationFinished(Evaluation evaluation) implements ReplEvent {}

  /**
   * A new JVM replaced one that ended ({@code reason} says how) or was restarted on request; {@code
   * replayed} definitions were evaluated again; {@code reruns} says of each definition that was not
   * restored, or was restored with a remark, which it is and why. A re-run replaced by another
   * Restart (or a Reset) says so in {@code reason}, with none replayed and none listed: the
   * definitions are all run again by the next.
   */
  record Restarted(String reason, int replayed, List<Rerun> reruns) implements ReplEvent {
    public Restarted {
      reruns = List.copyOf(reruns);
    }

    /** The sources of the definitions that were not restored, in order. */
    public List<String> notReplayed() {
      return reruns.stream().filter(r -> !r.restored()).map(Rerun::source).toList();
    }
  }

  /**
   * What became of one definition run again after a restart: {@code restored} or not, and {@code
   * why} in words ("it reads System.in, and a re-run gives it no input").
   */
  record Rerun(String source, boolean restored, String why) {}

  /**
   * The definitions are being run again in a new JVM ({@code definitions} of them); {@link
   * ReplSession#stop()} stops that, and {@link Restarted} or {@link RestartGivenUp} says how it
   * ended. Code that reads {@code System.in} meanwhile gets the end of input.
   */
  record Replaying(int definitions) implements ReplEvent {}

  /**
   * The JVM ended again while the definitions were run again, or before anything ran in a JVM the
   * session had started by itself: the session does not start another by itself. {@code reason}
   * says how the JVM ended, {@code message} what the user can do (Restart, Reset); the next
   * evaluation or a Restart starts one.
   */
  record RestartGivenUp(String reason, String message) implements ReplEvent {}

  /** Everything defined was forgotten (a fresh JVM, nothing replayed). */
  record Reset() implements ReplEvent {}

  /** Libraries named by //DEPS are being resolved (from the local Maven repository or the net). */
  record LibrariesResolving(long evaluation, List<String> libraries) implements ReplEvent {
    public LibrariesResolving {
      libraries = List.copyOf(libraries);
    }
  }

  /**
   * Libraries named by //DEPS are on the class path, with the jars they brought ({@code jars}: file
   * names); {@code downloadedBytes} came over the network (0: all from the local repository).
   */
  record LibrariesAdded(
      long evaluation,
      List<String> libraries,
      List<String> jars,
      long downloadedBytes,
      Duration took)
      implements ReplEvent {
    public LibrariesAdded {
      libraries = List.copyOf(libraries);
      jars = List.copyOf(jars);
    }
  }

  /** A jar or folder was added to the class path of compiler and JVM. */
  record ClassPathAdded(String path) implements ReplEvent {}

  /** Which stream a piece of output came from. */
  enum Stream {
    OUT,
    ERR
  }
}
