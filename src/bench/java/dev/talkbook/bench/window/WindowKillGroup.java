package dev.talkbook.bench.window;

import dev.talkbook.bench.BenchmarkGroup;
import dev.talkbook.bench.RunInfo;
import dev.talkbook.bench.store.NotebookBuilder;
import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.ui.WindowProcess;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Issue 11's trust figure for the window: the real window process (under Xvfb, or $DISPLAY) typed
 * into a line every 100 ms by its typing probe, killed with SIGKILL at a random moment, then its
 * notebook opened as the next start would and checked: seconds of typing lost (from the first typed
 * line missing in the notes to the kill), notebooks unsound, opens refused. Then a few SIGTERMs:
 * lines typed before the signal that were not saved.
 */
public final class WindowKillGroup implements BenchmarkGroup {
  static final int KILLS = Integer.getInteger("bench.windowKill.cycles", 24);
  static final int TERMS = 5;
  static final double LOST_TARGET_P95 = 1.0;

  @Override
  public String name() {
    return "window-kill";
  }

  @Override
  public String run(RunInfo run) throws Exception {
    Path dir = Files.createTempDirectory("talkbook-window-kill");
    Process xvfb = null;
    String display = System.getenv("DISPLAY");
    try {
      if (display == null || display.isBlank()) {
        if (!new File("/usr/bin/Xvfb").canExecute()) {
          return run.preamble()
              + "\nSkipped: no display, and no Xvfb to make one (`apt-get install xvfb`).\n";
        }
        // -displayfd 1: Xvfb picks a free display and prints its number.
        xvfb =
            new ProcessBuilder(
                    "/usr/bin/Xvfb",
                    "-displayfd",
                    "1",
                    "-screen",
                    "0",
                    "1280x800x24",
                    "-nolisten",
                    "tcp")
                .redirectError(dir.resolve("xvfb.log").toFile())
                .start();
        display =
            ":"
                + new BufferedReader(
                        new InputStreamReader(xvfb.getInputStream(), StandardCharsets.UTF_8))
                    .readLine()
                    .strip();
      }
      Path notebook = dir.resolve("typed.talkbook");
      try (Notebook book = Notebook.open(notebook)) {
        long event = book.events().create(Event.Details.titled("Meetup")).id();
        book.talks().create(event, Talk.Details.titled("Typed into"), "# Typed into\n\n");
      }
      Random random = new Random(2026);
      List<WindowProcess.Outcome> kills = new ArrayList<>();
      List<Double> rates = new ArrayList<>();
      for (int i = 1; i <= KILLS; i++) {
        long after = 500 + random.nextInt(5_500);
        try (WindowProcess window = start(notebook, "kill" + i, dir, display)) {
          Thread.sleep(after);
          long killed = window.kill();
          WindowProcess.Outcome o = window.outcome(notebook, killed);
          kills.add(o);
          rates.add(o.typed() / ((after + 100) / 1000.0));
          System.out.printf(
              Locale.ROOT,
              "kill %d after %d ms of typing: typed %d lines, saved %d, lost %.2f s, %s%n",
              i,
              after,
              o.typed(),
              o.saved(),
              o.lostSeconds(),
              o.opened() ? (o.sound() ? "sound" : "UNSOUND " + o.problems()) : "REFUSED");
        }
      }
      List<WindowProcess.Outcome> terms = new ArrayList<>();
      List<Integer> termUnsaved = new ArrayList<>();
      for (int i = 1; i <= TERMS; i++) {
        long after = 500 + random.nextInt(3_000);
        try (WindowProcess window = start(notebook, "term" + i, dir, display)) {
          Thread.sleep(after);
          int typed = window.linesTyped();
          long stopped = window.terminate();
          window.waitFor(Duration.ofSeconds(30));
          WindowProcess.Outcome o = window.outcome(notebook, stopped);
          terms.add(o);
          termUnsaved.add(Math.max(0, typed - o.saved()));
          System.out.printf(
              Locale.ROOT, "SIGTERM %d: %d lines typed before it, %d saved%n", i, typed, o.saved());
        }
      }
      return report(run, display, xvfb != null, kills, terms, termUnsaved, rates);
    } finally {
      if (xvfb != null) {
        xvfb.destroy();
      }
      NotebookBuilder.deleteTree(dir);
    }
  }

  private static WindowProcess start(Path notebook, String run, Path dir, String display)
      throws Exception {
    WindowProcess window =
        WindowProcess.start(
            notebook, run, dir.resolve("home"), List.of(), Map.of("DISPLAY", display));
    if (!window.awaitTyping(Duration.ofSeconds(180))) {
      window.close();
      throw new IllegalStateException("the window never started typing:\n" + window.output());
    }
    return window;
  }

  private static String report(
      RunInfo run,
      String display,
      boolean ownXvfb,
      List<WindowProcess.Outcome> kills,
      List<WindowProcess.Outcome> terms,
      List<Integer> termUnsaved,
      List<Double> rates) {
    List<Double> lost =
        kills.stream()
            .filter(WindowProcess.Outcome::opened)
            .map(o -> o.lostSeconds())
            .sorted()
            .toList();
    long refused =
        kills.stream().filter(o -> !o.opened()).count()
            + terms.stream().filter(o -> !o.opened()).count();
    long unsound =
        kills.stream().filter(o -> o.opened() && !o.sound()).count()
            + terms.stream().filter(o -> o.opened() && !o.sound()).count();
    double p95 = percentile(lost, 0.95);
    StringBuilder md = new StringBuilder(run.preamble());
    md.append("\n| figure | result | target | |\n|---|---:|---:|---|\n");
    md.append(
        f(
            "| typing lost when the window is killed (SIGKILL) while typed into, %d cycles | p50"
                + " %.2f s, p95 %.2f s, max %.2f s | p95 ≤ %.1f s | %s |\n",
            kills.size(),
            percentile(lost, 0.5),
            p95,
            lost.isEmpty() ? Double.NaN : lost.get(lost.size() - 1),
            LOST_TARGET_P95,
            p95 <= LOST_TARGET_P95 ? "pass" : "**FAIL**"));
    md.append(
        f(
            "| notebooks unsound after a kill or SIGTERM (`check`, or typed lines missing in the"
                + " middle or out of order) | %d of %d | 0 | %s |\n",
            unsound, kills.size() + terms.size(), unsound == 0 ? "pass" : "**FAIL**"));
    md.append(
        f(
            "| opens refused after a kill or SIGTERM | %d of %d | 0 | %s |\n",
            refused, kills.size() + terms.size(), refused == 0 ? "pass" : "**FAIL**"));
    md.append(
        f(
            "| lines typed per second while typed into (the probe asks for 10; fewer means the"
                + " window's FX thread did not get the processor) | median %.1f, lowest %.1f | — |"
                + " |\n",
            percentile(rates.stream().sorted().toList(), 0.5),
            rates.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN)));
    int unsavedAfterTerm = termUnsaved.stream().mapToInt(Integer::intValue).sum();
    md.append(
        f(
            "| lines typed before a SIGTERM and not saved, %d cycles | %d | 0 | %s |\n\n",
            terms.size(), unsavedAfterTerm, unsavedAfterTerm == 0 ? "pass" : "**FAIL**"));
    md.append("### How it was measured\n\n");
    md.append(
        f(
            "- Each cycle starts the real window (`java -cp <class path> dev.talkbook.Launcher"
                + " --notebook …`, a new JVM, the REPL's JVM too) on display %s%s, settings in a"
                + " folder of the run's own. Its typing probe (`-Dtalkbook.typingProbe=RUN`) sends"
                + " key events to the editor every 100 ms: Ctrl+End, the characters of `typed RUN N"
                + " MILLIS`, Enter; it prints the line's number and time once it is in the"
                + " editor.\n",
            display, ownXvfb ? " (an Xvfb of its own)" : ""));
    md.append(
        "- After a random 0.5–6 s of typing (seeded, the same moments each run) the process gets"
            + " SIGKILL. The notebook is then opened as the next start would (`Notebook.open`,"
            + " nothing repaired first) and checked (`Notebook.check`, and the run's lines must be"
            + " 1…N in order). Seconds lost: from the typing time of the first line the probe"
            + " reported that is not in the notes, to the kill (0 when every reported line is"
            + " there). The same notebook and talk go through every cycle, as a user restarting"
            + " after each crash would.\n");
    md.append(
        "- SIGTERM cycles: 0.5–3.5 s of typing, then `kill -TERM`; the window's shutdown hook"
            + " saves on a thread of its own and closes the notebook. Counted: lines the probe had"
            + " reported before the signal that are not in the notes.\n");
    md.append(
        "- Autosave: 0.4 s after a pause, and at most 0.5 s after the first unsaved change while"
            + " typing goes on (`EditorSession.AUTOSAVE_DELAY`, `AUTOSAVE_MAX_WAIT`).\n");
    md.append(
        "- Seconds lost per kill: "
            + String.join(
                ", ",
                kills.stream()
                    .map(o -> o.opened() ? f("%.2f", o.lostSeconds()) : "refused")
                    .toList())
            + ".\n");
    return md.toString();
  }

  static double percentile(List<Double> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
