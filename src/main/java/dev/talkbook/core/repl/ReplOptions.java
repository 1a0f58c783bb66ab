package dev.talkbook.core.repl;

import java.time.Duration;
import java.util.List;

/**
 * How a {@link ReplSession} runs user code.
 *
 * @param vmOptions options for the JVM that runs user code (e.g. {@code -Xmx256m})
 * @param timeLimit stop an evaluation after this long; null for no limit
 * @param outputCap how many characters of output to keep per snippet (the newest)
 * @param interactiveInput whether code reading {@code System.in} waits for {@link
 *     ReplSession#input} (a window); false: it sees the end of input at once (a script)
 * @param libraries where the libraries named by {@code //DEPS} come from
 * @param preview whether the code may use the running Java's preview features ({@code
 *     --enable-preview} for the compiler, at this JVM's release, and for the JVM running the code)
 */
public record ReplOptions(
    List<String> vmOptions,
    Duration timeLimit,
    int outputCap,
    boolean interactiveInput,
    LibraryResolver.Options libraries,
    boolean preview) {

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

  /**
   * A JVM with a 512 MB heap, no time limit, 1 MB of output kept, input asked for, libraries from
   * the user's Maven settings, no preview features.
   */
  public static ReplOptions defaults() {
    return new ReplOptions(
        List.of("-Xmx512m"),
        null,
        DEFAULT_OUTPUT_CAP,
        true,
        LibraryResolver.Options.fromUserSettings(),
        false);
  }

  public ReplOptions withTimeLimit(Duration limit) {
    return new ReplOptions(vmOptions, limit, outputCap, interactiveInput, libraries, preview);
  }

  public ReplOptions withVmOptions(List<String> options) {
    return new ReplOptions(options, timeLimit, outputCap, interactiveInput, libraries, preview);
  }

  public ReplOptions withOutputCap(int cap) {
    return new ReplOptions(vmOptions, timeLimit, cap, interactiveInput, libraries, preview);
  }

  public ReplOptions withLibraries(LibraryResolver.Options options) {
    return new ReplOptions(vmOptions, timeLimit, outputCap, interactiveInput, options, preview);
  }

  /** With the running Java's preview features enabled, or not. */
  public ReplOptions withPreview(boolean on) {
    return new ReplOptions(vmOptions, timeLimit, outputCap, interactiveInput, libraries, on);
  }

  /** Code reading {@code System.in} sees the end of input at once, as a script with no input. */
  public ReplOptions withoutInput() {
    return new ReplOptions(vmOptions, timeLimit, outputCap, false, libraries, preview);
  }
}
