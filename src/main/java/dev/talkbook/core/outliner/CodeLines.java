package dev.talkbook.core.outliner;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Which lines are in fenced code blocks ({@code ```} or {@code ~~~}, also inside block quotes and
 * indented under list items). Whether a line is in a fence depends on every line above it, so the
 * state at each line's start is remembered, and an edit forgets it only from the edited line on
 * ({@link #changedFrom}). Asking about line {@code n} then scans only the lines between the first
 * forgotten one and {@code n}: while typing, that is the current line.
 */
public final class CodeLines {
  /** The fence open at each line's start: 0 none, else (char << 16) | run length. */
  private int[] stateAt = new int[64];

  /** How many entries of {@link #stateAt} are known; entry 0 (no fence) always is. */
  private int known = 1;

  /**
   * Forgets what is known about line {@code line} and below (its text or the ones above changed).
   */
  public void changedFrom(int line) {
    known = Math.max(1, Math.min(known, line + 1));
  }

  /** Whether line {@code line} is a fence line or inside a fenced block. */
  public boolean isCode(IntFunction<String> lines, int line) {
    while (known <= line) {
      int state = stateAt[known - 1];
      stateAt = known < stateAt.length ? stateAt : Arrays.copyOf(stateAt, stateAt.length * 2);
      stateAt[known] = next(state, lines.apply(known - 1));
      known++;
    }
    return stateAt[line] != 0 || fence(lines.apply(line)) != 0;
  }

  /** The fence state after {@code line}, given the state before it. */
  static int next(int state, String line) {
    int run = fence(line);
    if (state == 0) {
      return run;
    }
    if (run != 0 && (run >>> 16) == (state >>> 16) && (run & 0xffff) >= (state & 0xffff)) {
      // A closing fence has nothing after its run but blanks.
      int at = runEnd(line);
      return line.substring(at).isBlank() ? 0 : state;
    }
    return state;
  }

  /** (char << 16) | run length if the line starts a fence run, else 0. */
  static int fence(String line) {
    int at = Shape.contentStart(line);
    if (at >= line.length()) {
      return 0;
    }
    char c = line.charAt(at);
    if (c != '`' && c != '~') {
      return 0;
    }
    int run = 0;
    while (at + run < line.length() && line.charAt(at + run) == c) {
      run++;
    }
    if (run < 3 || (c == '`' && line.indexOf('`', at + run) >= 0)) {
      return 0;
    }
    return (c << 16) | run;
  }

  private static int runEnd(String line) {
    int at = Shape.contentStart(line);
    char c = line.charAt(at);
    while (at < line.length() && line.charAt(at) == c) {
      at++;
    }
    return at;
  }
}
