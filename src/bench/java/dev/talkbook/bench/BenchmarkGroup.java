package dev.talkbook.bench;

/**
 * A group of benchmarks with its own section in {@code docs/benchmarks.md}, between {@code <!--
 * bench:NAME -->} and {@code <!-- /bench:NAME -->}. A run rewrites only the sections of the groups
 * it ran.
 */
public interface BenchmarkGroup {

  /** The group's name: what {@code -Dbench.args} selects and what its section markers carry. */
  String name();

  /**
   * Runs the group's benchmarks and returns its section's Markdown, without the markers. The
   * section starts with {@link RunInfo#preamble()} and states, for each figure, how it was measured
   * and its target.
   */
  String run(RunInfo run) throws Exception;
}
