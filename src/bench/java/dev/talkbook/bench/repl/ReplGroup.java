package dev.talkbook.bench.repl;

import dev.talkbook.bench.BenchmarkGroup;
import dev.talkbook.bench.RunInfo;
import dev.talkbook.core.repl.NoDelayExecutionProvider;
import dev.talkbook.core.repl.ReplOptions;
import dev.talkbook.core.repl.ReplSession;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.jshell.JShell;
import jdk.jshell.execution.JdiExecutionControlProvider;
import jdk.jshell.execution.LocalExecutionControlProvider;
import jdk.jshell.spi.ExecutionControlProvider;

/**
 * Latency of a simple evaluation with the three JShell engines, and the time to the first result of
 * {@code 1+1} against the {@code jshell} command line's cold start.
 */
public final class ReplGroup implements BenchmarkGroup {
  static final int WARMUP = 30;
  static final int SNIPPETS = 200;
  static final int COLD_RUNS = 5;

  @Override
  public String name() {
    return "repl";
  }

  record Stats(double median, double p95) {}

  static Stats stats(double[] ms) {
    double[] s = ms.clone();
    Arrays.sort(s);
    return new Stats(s[s.length / 2], s[(int) Math.ceil(s.length * 0.95) - 1]);
  }

  /** {@code SNIPPETS} evaluations of {@code x + i} on a raw JShell with the given engine. */
  static double[] rawLatency(ExecutionControlProvider engine) {
    try (JShell shell = JShell.builder().executionEngine(engine, Map.of()).build()) {
      shell.eval("int x = 41;");
      for (int i = 0; i < WARMUP; i++) {
        shell.eval("x + " + i);
      }
      double[] ms = new double[SNIPPETS];
      for (int i = 0; i < SNIPPETS; i++) {
        long t0 = System.nanoTime();
        String value = shell.eval("x + " + i).get(0).value();
        ms[i] = (System.nanoTime() - t0) / 1e6;
        if (!value.equals(String.valueOf(41 + i))) {
          throw new IllegalStateException("Wrong value " + value);
        }
      }
      return ms;
    }
  }

  /** The same through a whole {@link ReplSession}: splitting, results, events, futures. */
  static double[] sessionLatency() throws Exception {
    try (ReplSession session = ReplSession.start(ReplOptions.defaults())) {
      session.evaluate("int x = 41;").get(60, TimeUnit.SECONDS);
      for (int i = 0; i < WARMUP; i++) {
        session.evaluate("x + " + i).get();
      }
      double[] ms = new double[SNIPPETS];
      for (int i = 0; i < SNIPPETS; i++) {
        long t0 = System.nanoTime();
        String value = session.evaluate("x + " + i).get().last().value();
        ms[i] = (System.nanoTime() - t0) / 1e6;
        if (!value.equals(String.valueOf(41 + i))) {
          throw new IllegalStateException("Wrong value " + value);
        }
      }
      return ms;
    }
  }

  /** Wall time from spawning the process until a line of its output contains {@code marker}. */
  static double timeToLine(ProcessBuilder pb, String stdin, String marker) throws Exception {
    long t0 = System.nanoTime();
    Process p = pb.redirectErrorStream(true).start();
    if (stdin != null) {
      try (OutputStream in = p.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.contains(marker)) {
          double ms = (System.nanoTime() - t0) / 1e6;
          p.destroy();
          p.waitFor(10, TimeUnit.SECONDS);
          return ms;
        }
      }
    }
    p.waitFor(10, TimeUnit.SECONDS);
    throw new IllegalStateException("No line with " + marker + " from " + pb.command());
  }

  static double medianOf(List<Double> values) {
    double[] a = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return a[a.length / 2];
  }

  @Override
  public String run(RunInfo run) throws Exception {
    System.out.println("Latency: local engine…");
    Stats local = stats(rawLatency(new LocalExecutionControlProvider()));
    System.out.println("Latency: stock remote (JDI) engine…");
    Stats stock = stats(rawLatency(new JdiExecutionControlProvider()));
    System.out.println("Latency: ours…");
    Stats ours = stats(rawLatency(new NoDelayExecutionProvider()));
    System.out.println("Latency: ours through ReplSession…");
    Stats session = stats(sessionLatency());

    String javaBin = Path.of(System.getProperty("java.home"), "bin").toString();
    String cp = System.getProperty("java.class.path");
    List<Double> firstResult = new ArrayList<>();
    List<Double> cli = new ArrayList<>();
    for (int i = 0; i < COLD_RUNS; i++) {
      System.out.println("Cold start " + (i + 1) + "/" + COLD_RUNS + "…");
      firstResult.add(
          timeToLine(
              new ProcessBuilder(
                  Path.of(javaBin, "java").toString(), "-cp", cp, FirstResultProbe.class.getName()),
              null,
              "RESULT 2"));
      cli.add(
          timeToLine(
              new ProcessBuilder(Path.of(javaBin, "jshell").toString(), "-q"),
              "1+1\n/exit\n",
              "==> 2"));
    }
    double first = medianOf(firstResult);
    double jshell = medianOf(cli);

    StringBuilder md = new StringBuilder(run.preamble());
    md.append("\n| figure | median | p95 | target | |\n|---|---:|---:|---:|---|\n");
    md.append(row("local engine (in-process, no isolation)", local, "—", ""));
    md.append(row("stock remote engine (JDI)", stock, "—", ""));
    double ratio = ours.median / local.median;
    md.append(
        row(
            "ours (`NoDelayExecutionProvider`), raw JShell",
            ours,
            "≤ 1.5× local",
            String.format(Locale.ROOT, "%.2f× local %s", ratio, ratio <= 1.5 ? "✅" : "❌")));
    md.append(
        row(
            "ours through `ReplSession` (results, events; a one-line `x + i` needs no split)",
            session,
            "—",
            ""));
    md.append(
        String.format(
            Locale.ROOT,
            "\n| figure | median of %d | target | |\n|---|---:|---:|---|\n"
                + "| process start → first `1+1` result (`ReplSession`) | %.0f ms | ≤ 1.0× jshell |"
                + " %.2f× %s |\n| `jshell -q` cold start → `$1 ==> 2` printed | %.0f ms | — | |\n",
            COLD_RUNS,
            first,
            first / jshell,
            first / jshell <= 1.0 ? "✅" : "❌",
            jshell));
    md.append("\n### How it was measured\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "- Latency: one JShell per engine in the benchmark's JVM; `int x = 41;`, %d warm-up"
                + " evaluations, then %d evaluations of `x + i` (a new snippet each time), each timed"
                + " from `eval` to its value. The session row goes through `ReplSession.evaluate`"
                + " and waits for its future (which completes after the events were delivered).\n"
                + "- First result: a fresh JVM runs `FirstResultProbe` (start a session, evaluate"
                + " `1+1` at once, print it); timed from spawning the process to the printed"
                + " value. This is the core's share of the app's first result: in the app the"
                + " session starts once the window shows its notes (the `startup` group times"
                + " the result from there). The `jshell`"
                + " command line gets `1+1` on standard input and is timed to its `$1 ==> 2`"
                + " line. Each median of %d alternating runs.\n",
            WARMUP,
            SNIPPETS,
            COLD_RUNS));
    return md.toString();
  }

  private static String row(String name, Stats s, String target, String verdict) {
    return String.format(
        Locale.ROOT,
        "| %s | %.1f ms | %.1f ms | %s | %s |\n",
        name,
        s.median,
        s.p95,
        target,
        verdict);
  }
}
