package dev.talkbook.core.repl;

import java.time.Duration;
import java.util.List;

/**
 * How a {@link ReplSession} runs user code.
 *
 * @param vmOptions options for the JVM that runs user code (e.g. {@code -Xmx256m})
 * @param timeLimit stop an evaluation after this long; null for no limit
 * @param outputCap how many characters of output to keep per snippet (the newest)
 */
public record ReplOptions(List<String> vmOptions, Duration timeLimit, int outputCap) {

  /** One megabyte of characters. */
  public static final int DEFAULT_OUTPUT_CAP = 1 << 20;

  public ReplOptions {
    vmOptions = List.copyOf(vmOptions);
    if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero())) {
      throw new IllegalArgumentException("The time limit must be positive: " + timeLimit);
    }
    if (outputCap < 1024) {
      throw new IllegalArgumentException("The output cap must be at least 1024: " + outputCap);
    }
  }

  /** A JVM with a 512 MB heap, no time limit, 1 MB of output kept. */
  public static ReplOptions defaults() {
    return new ReplOptions(List.of("-Xmx512m"), null, DEFAULT_OUTPUT_CAP);
  }

  public ReplOptions withTimeLimit(Duration limit) {
    return new ReplOptions(vmOptions, limit, outputCap);
  }

  public ReplOptions withVmOptions(List<String> options) {
    return new ReplOptions(options, timeLimit, outputCap);
  }

  public ReplOptions withOutputCap(int cap) {
    return new ReplOptions(vmOptions, timeLimit, cap);
  }
}
