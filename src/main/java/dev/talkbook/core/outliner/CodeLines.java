package dev.talkbook.core.outliner;

import dev.talkbook.core.markdown.Fences;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Which lines are in fenced code blocks, as {@link Fences} decides for the whole app (the
 * highlighter, the Java runner and the preview agree). Whether a line is in a fence depends on
 * every line above it, so the state at each line's start is remembered, and an edit forgets it only
 * from the edited line on ({@link #changedFrom}). Asking about line {@code n} then scans only the
 * lines between the first forgotten one and {@code n}: while typing, that is the current line.
 */
public final class CodeLines {
  /** The {@link Fences} state at each line's start. */
  private long[] stateAt = new long[64];

  /** How many entries of {@link #stateAt} are known; entry 0 (the start) always is. */
  private int known = 1;

  /**
   * Forgets what is known about line {@code line} and below (its text or the ones above changed).
   */
  public void changedFrom(int line) {
    known = Math.max(1, Math.min(known, line + 1));
  }

  /** Whether line {@code line} is a fence line or inside a fenced block. */
  public boolean isCode(IntFunction<String> lines, int line) {
    return Fences.lineInFence(Fences.next(stateBefore(lines, line), lines.apply(line)));
  }

  /** The {@link Fences} state at the start of line {@code line}. */
  long stateBefore(IntFunction<String> lines, int line) {
    while (known <= line) {
      long state = stateAt[known - 1];
      stateAt = known < stateAt.length ? stateAt : Arrays.copyOf(stateAt, stateAt.length * 2);
      stateAt[known] = Fences.next(state, lines.apply(known - 1));
      known++;
    }
    return stateAt[line];
  }

  /**
   * (char << 16) | run length if the line's content (after its quote markers and indentation)
   * starts a fence run, else 0.
   */
  static int fence(String line) {
    int at = Shape.contentStart(line);
    int run = Fences.openingRun(line, at, line.length());
    return run == 0 ? 0 : (line.charAt(at) << 16) | run;
  }
}
