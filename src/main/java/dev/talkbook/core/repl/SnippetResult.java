package dev.talkbook.core.repl;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

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
 * @param outputDroppedLines how many older lines were dropped whole from {@code output} (it starts
 *     where a line starts, unless one line was longer than the cap)
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
    long outputDroppedLines,
    Duration took) {

  public SnippetResult {
    problems = List.copyOf(problems);
  }

  /**
   * A snippet at {@code [start, end)} of the input that declared, printed and reported nothing: no
   * name, value or type, no problems, failure, note or output. The {@code with…} copies add those.
   */
  public static SnippetResult of(
      int index, String source, int start, int end, Kind kind, Status status, Duration took) {
    return new SnippetResult(
        index, source, start, end, kind, status, "", null, "", List.of(), null, "", "", 0, 0, took);
  }

  /**
   * This result with {@code output}, after {@code dropped} older characters ({@code droppedLines}
   * whole lines) were dropped.
   */
  public SnippetResult withOutput(String output, long dropped, long droppedLines) {
    return new SnippetResult(
        index,
        source,
        start,
        end,
        kind,
        status,
        name,
        value,
        type,
        problems,
        failure,
        note,
        output,
        dropped,
        droppedLines,
        took);
  }

  /** This result with {@code status} and {@code note} (itself when both are as they are). */
  public SnippetResult with(Status status, String note) {
    if (status == this.status && note.equals(this.note)) {
      return this;
    }
    return new SnippetResult(
        index,
        source,
        start,
        end,
        kind,
        status,
        name,
        value,
        type,
        problems,
        failure,
        note,
        output,
        outputDropped,
        outputDroppedLines,
        took);
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

  /**
   * A compiler message, positioned in the whole input (not only the snippet).
   *
   * @param start offset in the input where the span it is about starts
   * @param end offset after that span
   * @param position offset of the point javac names (within the span)
   * @param line the 1-based line of {@code position} in the input
   * @param column the 1-based column of {@code position} in that line
   * @param sourceLine that line of the input
   */
  public record Problem(
      boolean error,
      String message,
      int start,
      int end,
      int position,
      int line,
      int column,
      String sourceLine) {

    /** A problem in {@code input}: line, column and the line's text are read from it. */
    public static Problem in(
        String input, boolean error, String message, int start, int end, int position) {
      int lineStart = input.lastIndexOf('\n', Math.max(0, position - 1)) + 1;
      if (position == 0) {
        lineStart = 0;
      }
      int lineEnd = input.indexOf('\n', position);
      if (lineEnd < 0) {
        lineEnd = input.length();
      }
      int line = 1;
      for (int i = input.indexOf('\n'); i >= 0 && i < lineStart; i = input.indexOf('\n', i + 1)) {
        line++;
      }
      return new Problem(
          error,
          message,
          start,
          end,
          position,
          line,
          position - lineStart + 1,
          input.substring(lineStart, Math.max(lineStart, lineEnd)));
    }

    /**
     * As javac and jshell print it: the message with where it is, then the line with the span
     * marked under it ({@code ^--^}).
     */
    public String describe() {
      return describe(Integer.MAX_VALUE);
    }

    /**
     * {@link #describe()} for a view {@code columns} wide: a source line longer than that is shown
     * in pieces that fit ({@link CodeWrap}), the span marked under the piece (or pieces) it is in.
     * Wrapped by the view, the marker had stayed at the unwrapped column, under empty space.
     */
    public String describe(int columns) {
      String readable = readable(message);
      String first = readable;
      String rest = "";
      int nl = readable.indexOf('\n');
      if (nl >= 0) {
        first = readable.substring(0, nl);
        rest = readable.substring(nl);
      }
      StringBuilder out = new StringBuilder();
      out.append(error ? "error: " : "warning: ")
          .append(first)
          .append(" (line ")
          .append(line)
          .append(", column ")
          .append(column)
          .append(')')
          .append(rest)
          .append('\n');
      if (!sourceLine.isBlank()) {
        int lineStart = position - (column - 1);
        int from = Math.max(0, Math.min(start, position) - lineStart);
        int to = Math.min(sourceLine.length(), Math.max(end, position + 1) - lineStart);
        to = Math.max(to, from + 1);
        String source = sourceLine.stripTrailing();
        int width = columns == Integer.MAX_VALUE ? columns : columns - LEAD.length();
        List<CodeWrap.Piece> pieces = CodeWrap.pieces(source, width);
        String more = " ".repeat(CodeWrap.continuation(source, width));
        for (int i = 0; i < pieces.size(); i++) {
          CodeWrap.Piece piece = pieces.get(i);
          String lead = i == 0 ? LEAD : LEAD + more;
          out.append(lead).append(source, piece.start(), piece.end()).append('\n');
          // The span's part in this piece, the spaces a break left out with the piece before.
          int reach = i + 1 < pieces.size() ? pieces.get(i + 1).start() : Integer.MAX_VALUE;
          int a = Math.max(from, piece.start());
          int b = Math.min(to, reach);
          if (a < b) {
            StringBuilder mark = new StringBuilder(lead);
            for (int c = piece.start(); c < a; c++) {
              mark.append(c < sourceLine.length() && sourceLine.charAt(c) == '\t' ? '\t' : ' ');
            }
            mark.append('^');
            if (b - a > 1) {
              mark.append("-".repeat(b - a - 2)).append('^');
            }
            out.append(mark).append('\n');
          }
        }
      }
      return out.toString();
    }

    /** What the source line and its marker start with, under the message. */
    private static final String LEAD = "    ";
  }

  /**
   * javac's "location: class" line where the class is JShell's hidden wrapper of a snippet, which
   * JShell writes as no name at all (or as {@code $JShell$12}): it tells the user nothing.
   */
  private static final Pattern WRAPPER_LOCATION =
      Pattern.compile(
          "(?m)\\n[ \\t]*location:[ \\t]+(?:class|interface|enum|record)"
              + "(?:[ \\t]+(?:REPL\\.)?\\$JShell\\$\\w*)?[ \\t]*$");

  /**
   * A compiler message as the user reads it: without a {@code location: class} line that names no
   * class (a snippet's own code is in JShell's hidden wrapper class); a real class, interface or
   * variable stays ({@code location: class Math}).
   */
  static String readable(String message) {
    return WRAPPER_LOCATION.matcher(message).replaceAll("");
  }

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

  /**
   * The most characters of a value JShell passes from the JVM that runs the code to this app: its
   * remote transport writes each string with {@code DataOutput.writeUTF}, which holds 65,535 bytes,
   * so it cuts a longer string to 65,535 / 3 - 1 characters first ({@code
   * jdk.jshell.execution.ExecutionControlForwarder.MAX_UTF_CHARS}; Java 17 keeps the start, newer
   * releases the start, " ... " and the end). A value of 40,000,000 characters arrives as 21,844.
   */
  public static final int JSHELL_VALUE_CHARS = 21_844;

  /**
   * Whether the value arrived at {@link #JSHELL_VALUE_CHARS}: JShell may have cut it there (or it
   * is exactly that long), so its length as shown says nothing sure of the value's own.
   */
  public boolean valueAtJShellLimit() {
    return value != null && value.length() >= JSHELL_VALUE_CHARS;
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
