package dev.talkbook.bench.crash;

import dev.talkbook.bench.BenchmarkGroup;
import dev.talkbook.bench.RunInfo;
import dev.talkbook.bench.store.NotebookBuilder;
import dev.talkbook.cli.CrashCycles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code crash}: kill -9 of writing commands ({@code talkbook talk edit --notes-file}, each a JVM
 * of its own) at random moments, half of them in the milliseconds after the command said it saved,
 * while it closes the notebook; after each kill the notebook is opened read-only and writable, as
 * the next commands would. Counts refused opens, mixed notes and unsound notebooks: each must be 0.
 * The test suite runs the same cycles, fewer ({@code CrashWhileWritingTest}).
 */
public final class CrashGroup implements BenchmarkGroup {
  static final int CYCLES = 200;
  static final int NOTES_CHARS = 400_000;
  static final long SEED = 2026;

  @Override
  public String name() {
    return "crash";
  }

  @Override
  public String run(RunInfo run) throws Exception {
    Path work = Files.createTempDirectory("talkbook-bench-crash");
    CrashCycles.Result r;
    long started = System.nanoTime();
    try {
      r = CrashCycles.run(work, CYCLES, SEED, NOTES_CHARS);
    } finally {
      NotebookBuilder.deleteTree(work);
    }
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    System.out.println(r);
    StringBuilder b = new StringBuilder(run.preamble()).append("\n\n");
    b.append("| figure | value | target | |\n|---|---:|---:|---|\n");
    row(
        b,
        "cycles (kill -9 of `talk edit --notes-file`, notes of 400,000 characters)",
        r.cycles(),
        null);
    row(b, "killed before the command said it saved", r.killedBeforeSaved(), null);
    row(
        b,
        "killed after it said it saved, while it closed the notebook",
        r.killedWhileClosing(),
        null);
    row(
        b,
        "ended before the kill (or the 2 first runs, not killed: they time a run)",
        r.finished(),
        null);
    row(
        b,
        "kills that left a non-empty `-journal` or `-wal` for the next open",
        r.leftPendingWrites(),
        null);
    row(b, "refused opens (read-only and writable open after each cycle)", r.refusedOpens(), 0);
    row(b, "notes neither the old nor the new text (mixed)", r.mixedNotes(), 0);
    row(b, "notebooks failing SQLite's `quick_check`", r.unsound(), 0);
    b.append("\n")
        .append(
            String.format(
                Locale.ROOT,
                "%,d s in all. Half the kills land at a uniformly random moment of a run (measured"
                    + " on the first, unkilled runs), half at a random moment in the time a close"
                    + " takes after the command printed \"Saved talk\". Seed %d; the cycles are in"
                    + " `src/test/java/dev/talkbook/cli/CrashCycles.java`.%n",
                seconds,
                SEED));
    if (!r.problems().isEmpty()) {
      b.append("\nProblems:\n\n");
      r.problems().stream().limit(20).forEach(p -> b.append("- ").append(p).append('\n'));
    }
    return b.toString();
  }

  private static void row(StringBuilder b, String figure, int value, Integer target) {
    b.append(
        String.format(
            Locale.ROOT,
            "| %s | %,d | %s | %s |%n",
            figure,
            value,
            target == null ? "" : "= " + target,
            target == null ? "" : value == target ? "pass" : "**FAIL**"));
  }
}
