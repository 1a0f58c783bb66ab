package dev.talkbook.core.repl;

import dev.talkbook.core.repl.SnippetResult.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntBiFunction;
import jdk.jshell.EvalException;

/** Pure: an {@link EvalException} from JShell to a {@link Failure} with the user's frames only. */
final class StackTraces {

  private StackTraces() {}

  /** JShell compiles each snippet into a class of package {@code REPL}, file name {@code #id}. */
  static boolean isUserFrame(StackTraceElement frame) {
    return frame.getClassName().startsWith("REPL.")
        || (frame.getFileName() != null && frame.getFileName().startsWith("#"));
  }

  /**
   * Keeps the frames from the top down to the last user frame (library frames the user's code
   * called stay; the REPL machinery under it goes).
   *
   * @param lineStart offset in the input of a (1-based) line of a snippet (by id), or -1 when that
   *     snippet is not part of the input
   */
  static Failure failure(Throwable thrown, ToIntBiFunction<String, Integer> lineStart) {
    return failure(thrown, lineStart, (snippet, line) -> null);
  }

  /**
   * {@link #failure(Throwable, ToIntBiFunction)}, a snippet's frames saying where its line is as
   * {@code place} names it ({@code at (block 2, line 2)}) instead of by JShell's snippet id ({@code
   * at (#15:1)}), which the user cannot find; where {@code place} gives null, by that id.
   */
  static Failure failure(
      Throwable thrown,
      ToIntBiFunction<String, Integer> lineStart,
      java.util.function.BiFunction<String, Integer, String> place) {
    if (thrown == null) {
      return null;
    }
    String className =
        thrown instanceof EvalException e ? e.getExceptionClassName() : thrown.getClass().getName();
    StackTraceElement[] trace = thrown.getStackTrace();
    int lastUser = -1;
    for (int i = 0; i < trace.length; i++) {
      if (isUserFrame(trace[i])) {
        lastUser = i;
      }
    }
    int keep = lastUser >= 0 ? lastUser + 1 : Math.min(trace.length, 8);
    List<String> frames = new ArrayList<>(keep);
    int position = -1;
    int jdk = 0; // JDK (or library) frames between the user's own, said as one line
    for (int i = 0; i < keep; i++) {
      StackTraceElement frame = trace[i];
      if (lastUser >= 0 && !isUserFrame(frame)) {
        jdk++;
        continue;
      }
      if (jdk > 0) {
        frames.add(otherFrames(jdk));
        jdk = 0;
      }
      frames.add("at " + format(frame, place));
      if (position < 0
          && isUserFrame(frame)
          && frame.getFileName() != null
          && frame.getFileName().startsWith("#")
          && frame.getLineNumber() > 0) {
        position = lineStart.applyAsInt(frame.getFileName().substring(1), frame.getLineNumber());
      }
    }
    frames = foldRepeats(frames);
    Failure cause =
        thrown.getCause() != null && thrown.getCause() != thrown
            ? failure(thrown.getCause(), lineStart, place)
            : null;
    return new Failure(
        className, userNames(thrown.getMessage()), frames, trace.length - keep, position, cause);
  }

  /**
   * The line that stands for {@code count} frames of the JDK's (or a library's) between the user's
   * own: the trace is cut down to the user's frames (JDK frames had filled the presenter's screen,
   * wrapped in the middle of their names), the line says that some were there.
   */
  static String otherFrames(int count) {
    return String.format(java.util.Locale.ROOT, "… %,d JDK frame%s", count, count == 1 ? "" : "s");
  }

  /**
   * JShell's wrapper of a snippet's names: {@code REPL.$JShell$12.} or {@code REPL.$JShell$12$}.
   */
  private static final java.util.regex.Pattern WRAPPER =
      java.util.regex.Pattern.compile("(?:REPL\\.)?\\$JShell\\$\\d+[.$]");

  /**
   * A message with the user's names, not JShell's: {@code because "REPL.$JShell$12.o" is null} says
   * {@code because "o" is null}, and {@code class REPL.$JShell$15$Point} {@code class Point}.
   */
  static String userNames(String message) {
    return message == null ? null : WRAPPER.matcher(message).replaceAll("");
  }

  /** The longest cycle of frames folded: mutual recursion of up to this many methods. */
  private static final int LONGEST_CYCLE = 8;

  /**
   * Folds repetitions: a frame (or a cycle of a few frames, for mutual recursion) repeated over and
   * over, as a stack overflow leaves 1,024 of them, is kept once and followed by {@code … 1,019
   * more identical frames} (or {@code … 1,018 more frames repeating the 2 above}).
   */
  static List<String> foldRepeats(List<String> frames) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < frames.size()) {
      int bestPeriod = 0;
      int bestRepeats = 0;
      for (int period = 1; period <= LONGEST_CYCLE && i + 2 * period <= frames.size(); period++) {
        int repeats = 1;
        while (i + (repeats + 1) * period <= frames.size()
            && frames
                .subList(i + repeats * period, i + (repeats + 1) * period)
                .equals(frames.subList(i, i + period))) {
          repeats++;
        }
        // Worth folding only when it saves lines; prefer the shortest cycle that covers most.
        if (repeats >= 3 && (repeats - 1) * period > (bestRepeats - 1) * bestPeriod) {
          bestPeriod = period;
          bestRepeats = repeats;
        }
      }
      if (bestPeriod == 0) {
        out.add(frames.get(i));
        i++;
        continue;
      }
      out.addAll(frames.subList(i, i + bestPeriod));
      int more = (bestRepeats - 1) * bestPeriod;
      out.add(
          bestPeriod == 1
              ? String.format(java.util.Locale.ROOT, "… %,d more identical frames", more)
              : String.format(
                  java.util.Locale.ROOT,
                  "… %,d more frames repeating the %d above",
                  more,
                  bestPeriod));
      i += bestRepeats * bestPeriod;
    }
    return out;
  }

  /** javac's name of a lambda's method: {@code lambda$greet$0}, {@code lambda$do_it$$1}. */
  private static final java.util.regex.Pattern LAMBDA =
      java.util.regex.Pattern.compile("lambda\\$(.*)\\$\\d+");

  static String format(StackTraceElement frame) {
    return format(frame, (snippet, line) -> null);
  }

  private static String format(
      StackTraceElement frame, java.util.function.BiFunction<String, Integer, String> place) {
    if (isUserFrame(frame)) {
      String method = frame.getMethodName();
      String file = frame.getFileName();
      String named =
          file != null && file.startsWith("#") && frame.getLineNumber() > 0
              ? place.apply(file.substring(1), frame.getLineNumber())
              : null;
      String where = named != null ? named : file + ":" + frame.getLineNumber();
      if (method.isEmpty() || method.equals("do_it$") || method.equals("<clinit>")) {
        return "(" + where + ")";
      }
      String cls = frame.getClassName();
      int dollar = cls.lastIndexOf('$');
      // A method of a class the user declared: REPL.$JShell$12$Point.norm -> Point.norm
      String owner =
          cls.startsWith("REPL.$JShell$") && dollar > "REPL.$JShell$".length()
              ? cls.substring(dollar + 1) + "."
              : "";
      java.util.regex.Matcher lambda = LAMBDA.matcher(method);
      if (lambda.matches()) {
        // javac's name of a lambda, lambda$do_it$$0 in a snippet's own code (JShell's wrapper
        // method do_it$), lambda$greet$1 in a method greet: "lambda", "lambda in greet".
        String in = lambda.group(1);
        boolean top = in.equals("do_it$") || in.equals("static") || in.equals("new");
        String inWhat =
            top
                ? (owner.isEmpty() ? "" : " in " + owner.substring(0, owner.length() - 1))
                : " in " + owner + in;
        return "lambda" + inWhat + " (" + where + ")";
      }
      return owner + method + " (" + where + ")";
    }
    return frame.toString();
  }
}
