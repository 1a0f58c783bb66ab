package dev.talkbook.core.common;

/**
 * The machine-readable lines the app prints for its benchmarks and the packaged app's smoke test
 * ({@code talkbook-shown 1234}, {@code talkbook-typed …}), each flushed at once: standard output is
 * their channel, and this is the one place the window writes to it.
 */
public final class Probes {
  private Probes() {}

  /** Prints {@code line} on standard output and flushes it. */
  public static void report(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
