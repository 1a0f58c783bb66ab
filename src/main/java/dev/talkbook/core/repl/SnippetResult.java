package dev.talkbook.core.repl;

import java.time.Duration;
import java.util.List;

/**
 * What became of one snippet.
 *
 * @param index its place in the input (0 for the first)
 * @param source its source as evaluated
 * @param start offset of its first character in the input
 * @param end offset after its last character in the input
 * @param kind what the snippet is
 * @param status how it ended
 * @param name the variable, method or type it declares ({@code $1} for an expression), or ""
 * @param value the value of an expression or variable, as {@code String.valueOf}; null if none
 * @param type the static type of an expression or variable, or ""
 * @param problems compiler errors and warnings, positioned in the input
 * @param failure the exception it threw, or null
 * @param note a sentence for the user (what was defined, what is missing, what was updated), or ""
 * @param output what it wrote to standard output and error, the newest {@code outputCap} characters
 * @param outputDropped how many older characters were dropped from {@code output}
 * @param took wall time of the evaluation of this snippet
 */
public record SnippetResult(
    int index,
    String source,
    int start,
    int end,
    Kind kind,
    Status status,
    String name,
    String value,
    String type,
    List<Problem> problems,
    Failure failure,
    String note,
    String output,
    long outputDropped,
    Duration took) {

  public SnippetResult {
    problems = List.copyOf(problems);
  }

  /** What a snippet is. */
  public enum Kind {
    EXPRESSION,
    VARIABLE,
    METHOD,
    CLASS,
    IMPORT,
    STATEMENT,
    /** It did not parse far enough to tell. */
    UNKNOWN
  }

  /** How a snippet ended. */
  public enum Status {
    /** Compiled and ran. */
    OK,
    /** Declared, but usable only once what it refers to is declared ({@code note} says what). */
    INCOMPLETE,
    /** Did not compile; see {@code problems}. */
    COMPILE_ERROR,
    /** Threw; see {@code failure}. */
    EXCEPTION,
    /** Stopped on request. */
    STOPPED,
    /** Stopped by the time limit. */
    TIMED_OUT,
    /** The JVM running it ended. */
    JVM_ENDED
  }

  /** A compiler message, positioned in the whole input (not only the snippet). */
  public record Problem(boolean error, String message, int start, int end, int position) {}

  /**
   * An exception thrown by a snippet, its stack trace cut down to the user's own frames.
   *
   * @param className the exception's class
   * @param message its message, or null
   * @param frames the kept frames, formatted ({@code at greet (#3:2)} for a snippet's frame)
   * @param omittedFrames how many frames below the user's own were left out
   * @param position offset in the input of the line that threw, or -1 if not in this input
   * @param cause the cause, or null
   */
  public record Failure(
      String className,
      String message,
      List<String> frames,
      int omittedFrames,
      int position,
      Failure cause) {

    public Failure {
      frames = List.copyOf(frames);
    }

    /** As a stack trace would print it. */
    public String describe() {
      StringBuilder out = new StringBuilder();
      Failure f = this;
      boolean first = true;
      while (f != null) {
        out.append(first ? "" : "Caused by: ").append(f.className);
        if (f.message != null) {
          out.append(": ").append(f.message);
        }
        out.append('\n');
        for (String frame : f.frames) {
          out.append("    ").append(frame).append('\n');
        }
        if (f.omittedFrames > 0) {
          out.append("    ... ").append(f.omittedFrames).append(" more\n");
        }
        first = false;
        f = f.cause;
      }
      return out.toString();
    }
  }

  /** True when it compiled and ran without throwing. */
  public boolean succeeded() {
    return status == Status.OK;
  }

  /**
   * True when it did not do what it says: it did not compile, threw, was stopped, or its JVM ended;
   * or it ran into a name not declared yet. (A method or class that refers to something declared
   * later is not a failure: that is how code in several blocks is written.)
   */
  public boolean failed() {
    return switch (status) {
      case OK -> false;
      case INCOMPLETE -> kind != Kind.METHOD && kind != Kind.CLASS;
      default -> true;
    };
  }
}
