package dev.talkbook.bench.markdown;

import dev.talkbook.bench.BenchmarkGroup;
import dev.talkbook.bench.RunInfo;
import dev.talkbook.core.markdown.MarkdownHighlighter;
import dev.talkbook.core.markdown.MarkdownRenderer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The Markdown pipeline on long notes: rendering against bare commonmark (in this JVM), and the
 * editor → preview path in a window ({@link PreviewProbe} in its own JVM, Monocle headless), with
 * the simple approach (render on the FX thread, {@code loadContent} per change) for comparison.
 */
public final class MarkdownGroup implements BenchmarkGroup {
  private static final int RUNS = 15;

  @Override
  public String name() {
    return "markdown";
  }

  @Override
  public String run(RunInfo run) throws Exception {
    String mb = OutlineNote.ofSize(1_000_000, 7);
    String tenK = OutlineNote.generate(10_000, 20261124);
    MarkdownRenderer renderer = new MarkdownRenderer();
    Parser bareParser = Parser.builder().extensions(MarkdownRenderer.extensions()).build();
    HtmlRenderer bareRenderer =
        HtmlRenderer.builder().extensions(MarkdownRenderer.extensions()).build();

    double[][] pair =
        timeInterleaved(() -> bareRenderer.render(bareParser.parse(mb)), () -> renderer.render(mb));
    double bare = median(pair[0]);
    double ours = median(pair[1]);
    double oursNote = median(time(() -> renderer.renderNote(mb, r -> Optional.empty())));
    String withHtml = mb.replace("- ", "- <kbd>k</kbd> ");
    double sanitized = median(time(() -> renderer.render(withHtml)));
    MarkdownHighlighter highlighter = new MarkdownHighlighter();
    double highlight = median(time(() -> highlighter.highlight(tenK)));
    double outline = median(time(() -> renderer.outline(tenK)));
    System.out.printf(
        Locale.ROOT,
        "bare %.1f ours %.1f note %.1f sanitized %.1f%n",
        bare,
        ours,
        oursNote,
        sanitized);

    Map<String, double[]> fx = probe();

    StringBuilder md = new StringBuilder(run.preamble());
    md.append(
        f(
            "- **Data:** a generated outline note (`OutlineNote`: headings, nested bullets with"
                + " tasks and inline code, Java code blocks) of %d lines (%.0f KB) for the window;"
                + " the same kind of note cut at 1 MB (%d lines) for rendering.\n",
            tenK.lines().count(), tenK.length() / 1000.0, mb.lines().count()));
    md.append("\n| figure | result | target | |\n|---|---:|---:|---|\n");
    double ratio = ours / bare;
    md.append(
        f(
            "| render 1 MB note (`render`) vs bare commonmark with the same extensions | %.1f ms"
                + " vs %.1f ms = %.2f× | ≤ 1.5× | %s |\n",
            ours, bare, ratio, ratio <= 1.5 ? "pass" : "**FAIL**"));
    md.append(
        f(
            "| the same for the preview (`renderNote`: blocks + outline + front matter) | %.1f ms"
                + " (%.2f×) | — | |\n",
            oursNote, oursNote / bare));
    md.append(
        f(
            "| the same note with raw HTML in every item (sanitizer runs) | %.1f ms (%.2f×) | — |"
                + " |\n",
            sanitized, sanitized / bare));
    md.append(
        f(
            "| 10,000-line note: highlighter alone / outline alone | %.1f ms / %.1f ms | — | |\n",
            highlight, outline));
    if (fx == null) {
      md.append("\nThe window part did not run (see the log).\n");
      return md.toString();
    }
    double open = median(fx.get("open"));
    md.append(
        f(
            "| 10,000-line note: open (`EditorView.load` to the next pulse; highlighted off the FX"
                + " thread, styled in pieces after) | %.0f ms"
                + " | ≤ 300 ms | %s |\n",
            open, open <= 300 ? "pass" : "**FAIL**"));
    double lat = median(fx.get("new.latency"));
    md.append(
        f(
            "| keystroke → preview painted, median (p90) | %.1f ms (%.1f ms) | ≤ 50 ms | %s |\n",
            lat, p90(fx.get("new.latency")), lat <= 50 ? "pass" : "**FAIL**"));
    double fxKey = max(fx.get("new.fxKeystroke"));
    double fxKeyCpu = max(fx.get("new.fxKeystrokeCpu"));
    double probeMax = fx.get("new.probeMax")[0];
    md.append(
        f(
            "| FX thread blocked by a keystroke (the key's own handling: insert and every"
                + " listener), max, wall clock (processor time) | %.1f ms (%.1f ms) | ≤ 16 ms |"
                + " %s |\n",
            fxKey, fxKeyCpu, fxKey <= 16 ? "pass" : "**FAIL**"));
    md.append(
        f(
            "| FX thread's processor time per keystroke, key to preview painted (highlight,"
                + " patch, outline, pulses), median (max) | %.1f ms (%.1f ms) | — | |\n",
            median(fx.get("new.fxCycleCpu")), max(fx.get("new.fxCycleCpu"))));
    md.append(
        f(
            "| FX thread: longest wait of a 2 ms probe, one key at a time / typing 10 keys a"
                + " second (incl. pulses, highlight apply, WebKit layout) | %.1f ms / %.1f ms |"
                + " — | |\n",
            probeMax, fx.get("steady.probeMax")[0]));
    md.append(
        f(
            "| simple approach: keystroke → loaded and painted, median | %.0f ms | — | for"
                + " comparison |\n",
            median(fx.get("simple.latency"))));
    md.append(
        f(
            "| simple approach: FX thread blocked per keystroke, median (max) / probe max | %.0f"
                + " ms (%.0f ms) / %.0f ms | — | for comparison |\n\n",
            median(fx.get("simple.fx")), max(fx.get("simple.fx")), fx.get("simple.probeMax")[0]));
    md.append("### How it was measured\n\n");
    md.append(
        f(
            "- Rendering: median of %d runs after %d warm-up runs, in the benchmark's JVM (bare and"
                + " ours alternately). Bare"
                + " commonmark is `Parser` + `HtmlRenderer` with the same six extensions and no"
                + " source spans, attribute provider, URL sanitizer or inline guard.\n",
            RUNS, 5));
    md.append(
        "- Window: `PreviewProbe` in a new JVM (Monocle headless, software rendering, unless"
            + " `$DISPLAY` is set). Open: median of 7 `EditorView.load` calls to the next pulse"
            + " (a note over 32 KB is highlighted on the highlighting thread and its styles set"
            + " 32 KB a task after that pulse), in an `OutlineView`, `EditorView` and `PreviewView`"
            + " of their own. Keystroke: the real window (`MainWindow` and its `OpenTalk`) on a"
            + " notebook holding the note, 40 keystrokes (after 5 warm-up) in the middle of the"
            + " note, one at a time: `insertText` on the FX thread (the editor's listeners, the"
            + " open talk's word count and autosave, the highlighting and render requests), the"
            + " changed section re-rendered on the render thread at once (no pause waited for),"
            + " `PreviewView` patching the changed block and the outline, up to the post-layout"
            + " listener of the pulse after the new render was applied. \"The key's own"
            + " handling\" is `insertText`'s time; the FX thread's processor time runs from the"
            + " key to the preview painted (ThreadMXBean), so a loaded machine does not inflate"
            + " it. The probe posts a task to the FX thread every 2 ms from another thread and"
            + " records the longest wait, i.e. the longest the FX thread was busy with anything;"
            + " \"typing\" is 60 keys 100 ms apart.\n");
    md.append(
        "- Simple approach: on the FX thread insert a character, `MarkdownRenderer.render` the"
            + " whole note and `WebEngine.loadContent` the shell with it; until the load succeeded"
            + " and the next pulse. 15 keystrokes.\n");
    md.append("- All values (ms): ");
    List<String> keys = new ArrayList<>(fx.keySet());
    keys.sort(null);
    for (String k : keys) {
      md.append(k).append(' ').append(join(fx.get(k))).append("; ");
    }
    md.append("\n");
    return md.toString();
  }

  private static Map<String, double[]> probe() throws Exception {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        new ArrayList<>(List.of(javaBin, "-cp", System.getProperty("java.class.path")));
    if (System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isBlank()) {
      cmd.addAll(
          List.of(
              "-Dglass.platform=Monocle",
              "-Dmonocle.platform=Headless",
              "-Dprism.order=sw",
              "-Dprism.text=t2k",
              "-Djava.awt.headless=true"));
    }
    cmd.add(PreviewProbe.class.getName());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    Map<String, double[]> out = new HashMap<>();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        System.out.println(
            "  probe: " + (line.length() > 200 ? line.substring(0, 200) + "…" : line));
        String[] parts = line.split(" ");
        if (parts.length > 1 && parts[0].matches("[a-z]+(\\.[A-Za-z]+)?")) {
          try {
            out.put(
                parts[0],
                Arrays.stream(parts, 1, parts.length).mapToDouble(Double::parseDouble).toArray());
          } catch (NumberFormatException e) {
            // a log line, not a figure
          }
        }
      }
    }
    int code = p.waitFor();
    return code == 0 && out.containsKey("new.latency") ? out : null;
  }

  private static double[] time(Supplier<?> work) {
    for (int i = 0; i < 5; i++) {
      work.get();
    }
    double[] out = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long t = System.nanoTime();
      work.get();
      out[i] = (System.nanoTime() - t) / 1e6;
    }
    return out;
  }

  /** Both, alternately (so that JIT warm-up and machine load fall on both alike). */
  private static double[][] timeInterleaved(Supplier<?> a, Supplier<?> b) {
    for (int i = 0; i < 5; i++) {
      a.get();
      b.get();
    }
    double[][] out = new double[2][RUNS];
    for (int i = 0; i < RUNS; i++) {
      long t = System.nanoTime();
      a.get();
      out[0][i] = (System.nanoTime() - t) / 1e6;
      t = System.nanoTime();
      b.get();
      out[1][i] = (System.nanoTime() - t) / 1e6;
    }
    return out;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static double p90(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[(int) Math.ceil(0.9 * s.length) - 1];
  }

  private static double max(double[] v) {
    return Arrays.stream(v).max().orElse(0);
  }

  private static String join(double[] v) {
    StringBuilder out = new StringBuilder();
    for (double d : v) {
      out.append(out.length() > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.1f", d));
    }
    return out.toString();
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
