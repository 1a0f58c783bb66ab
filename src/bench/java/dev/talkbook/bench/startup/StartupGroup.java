package dev.talkbook.bench.startup;

import dev.talkbook.bench.BenchmarkGroup;
import dev.talkbook.bench.RunInfo;
import dev.talkbook.bench.store.NotebookBuilder;
import dev.talkbook.bench.store.TalkCorpus;
import dev.talkbook.core.sample.SampleMeetup;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.ui.App;
import dev.talkbook.ui.SoftwareRendering;
import dev.talkbook.ui.common.Settings;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Start-up of the window: process start to the main window showing the last open talk's notes, in a
 * new JVM each time, against a bare JavaFX window measured the same way; and the memory (RSS) of
 * the window with the 10,000-talk notebook open. Needs a display: it uses $DISPLAY, or starts Xvfb
 * (Debian's xvfb package) when there is none.
 */
public final class StartupGroup implements BenchmarkGroup {
  static final int RUNS = 5;
  static final double RATIO_TARGET = 1.3;

  /** A first REPL input that names a type (no spaces: it goes through `TALKBOOK_JAVA_OPTIONS`). */
  private static final String TYPED_INPUT = "List.of(1,2,3).size()";

  static final double RSS_TARGET_MB = 300;

  /**
   * The bare window's second baseline: JavaFX's software renderer, which Talkbook chooses itself on
   * a Linux machine without a graphics device (ui.SoftwareRendering; its packaged launcher also
   * sets GDK_GL=disable there). A bare window left to JavaFX's own order first tries OpenGL there,
   * which costs it Mesa's start: the target is judged against the slower of the two ratios, so that
   * Talkbook's choice of renderer does not count as a faster start by itself.
   */
  private static final String SOFTWARE = "-Dprism.order=sw";

  /** The row of a start against both baselines, judged against the slower ratio. */
  private static String ratioRow(String figure, double ms, double bareMs, double bareSwMs) {
    double ratio = Math.max(ms / bareMs, ms / bareSwMs);
    return f(
        "| %s | %.0f ms (%.2f× the bare window, %.2f× on the software renderer) | ≤ %.1f× | %s |\n",
        figure,
        ms,
        ms / bareMs,
        ms / bareSwMs,
        RATIO_TARGET,
        ratio <= RATIO_TARGET ? "pass" : "**FAIL**");
  }

  private static String bareSwRow(String figure, List<Start> bareSw) {
    return f(
        "| %s | %.0f ms (RSS %.0f MB) | — | baseline (this machine has %s graphics device) |\n",
        figure,
        median(bareSw.stream().map(Start::millis).toList()),
        median(bareSw.stream().map(Start::rssMb).toList()),
        SoftwareRendering.hasGraphicsDevice() ? "a" : "no");
  }

  @Override
  public String name() {
    return "startup";
  }

  /**
   * One start: the wall time from spawning the JVM to the probe's line, the RSS then, and the wall
   * time to the REPL's first {@code 1+1} evaluated as the window showed (NaN when not reported).
   */
  record Start(double millis, double rssMb, double replMillis) {}

  @Override
  public String run(RunInfo run) throws Exception {
    Path dir = Files.createTempDirectory("talkbook-startup");
    Process xvfb = null;
    String display = System.getenv("DISPLAY");
    StringBuilder md = new StringBuilder(run.preamble());
    try {
      if (display == null || display.isBlank()) {
        if (!new File("/usr/bin/Xvfb").canExecute()) {
          md.append("\nSkipped: no display, and no Xvfb to make one (`apt-get install xvfb`).\n");
          return md.toString();
        }
        display = ":97";
        xvfb =
            new ProcessBuilder(
                    "/usr/bin/Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("xvfb.log").toFile())
                .start();
        Thread.sleep(1500);
      }
      Path prefs = Files.createDirectories(dir.resolve("prefs"));
      System.setProperty("java.util.prefs.userRoot", prefs.toString());
      Path sample = dir.resolve("sample.talkbook");
      long sampleTalk;
      try (Notebook notebook = Notebook.open(sample)) {
        long event = SampleMeetup.addTo(notebook).id();
        sampleTalk = notebook.talks().list(event).get(0).id();
      }
      Path large = dir.resolve("large.talkbook");
      long largeTalk;
      System.out.println("Building the 10,000-talk notebook…");
      TalkCorpus corpus = TalkCorpus.generate(50, 10_000, TalkCorpus.SEED);
      try (Notebook notebook = Notebook.open(large)) {
        NotebookBuilder.createTalks(
            notebook, corpus, NotebookBuilder.createEvents(notebook, corpus));
        largeTalk = notebook.talks().summaries().get(0).id();
      }
      // The window's settings (the talk last open in each notebook) in a config folder of the
      // run's own, which every start below gets as XDG_CONFIG_HOME.
      configHome = Files.createDirectories(dir.resolve("config"));
      Settings window = Settings.load(configHome.resolve("talkbook").resolve(Settings.FILE_NAME));
      window.put(Settings.lastTalk(sample), sampleTalk);
      window.put(Settings.lastTalk(large), largeTalk);
      window.flush();

      List<Start> bare = new ArrayList<>();
      List<Start> bareSw = new ArrayList<>();
      List<Start> app = new ArrayList<>();
      List<Start> big = new ArrayList<>();
      String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      String cp = System.getProperty("java.class.path");
      for (int i = 0; i < RUNS; i++) {
        bare.add(start(display, List.of(javaBin, "-cp", cp, BareWindow.class.getName())));
        bareSw.add(
            start(display, List.of(javaBin, SOFTWARE, "-cp", cp, BareWindow.class.getName())));
        app.add(start(display, talkbook(javaBin, cp, prefs, sample)));
        big.add(start(display, talkbook(javaBin, cp, prefs, large)));
        System.out.printf(
            "run %d: bare %.0f ms (software renderer %.0f ms), Talkbook %.0f ms, with 10,000 talks"
                + " %.0f ms (%.0f MB)%n",
            i + 1,
            bare.get(i).millis(),
            bareSw.get(i).millis(),
            app.get(i).millis(),
            big.get(i).millis(),
            big.get(i).rssMb());
      }
      double bareMs = median(bare.stream().map(Start::millis).toList());
      double appMs = median(app.stream().map(Start::millis).toList());
      double bigMs = median(big.stream().map(Start::millis).toList());
      double bigRss = median(big.stream().map(Start::rssMb).toList());
      double bareSwMs = median(bareSw.stream().map(Start::millis).toList());
      md.append("\n| figure | result | target | |\n|---|---:|---:|---|\n");
      double bareRss = median(bare.stream().map(Start::rssMb).toList());
      md.append(
          f(
              "| bare JavaFX window, start to first frame | %.0f ms (RSS %.0f MB) | — | baseline"
                  + " |\n",
              bareMs, bareRss));
      md.append(
          bareSwRow("bare JavaFX window on the software renderer (`" + SOFTWARE + "`)", bareSw));
      md.append(
          ratioRow(
              "Talkbook, start to the last talk's notes shown (sample notebook)",
              appMs,
              bareMs,
              bareSwMs));
      md.append(f("| the same with the 10,000-talk notebook | %.0f ms | — | |\n", bigMs));
      double replMs = median(app.stream().map(Start::replMillis).toList());
      double jshellMs = median(jshellStarts());
      md.append(
          f(
              "| Talkbook, the REPL's first `1+1` result after the notes are shown (asked for at"
                  + " that moment; the REPL starts then, in the background) | %.0f ms | ≤ 500 ms |"
                  + " %s |\n",
              replMs - appMs, replMs - appMs <= 500 ? "pass" : "**FAIL**"));
      md.append(
          f(
              "| Talkbook, process start to that result | %.0f ms (%.2f× `jshell`'s cold start to"
                  + " its first result, %.0f ms, in the same run) | ≤ 1.0× `jshell` | %s |\n",
              replMs, replMs / jshellMs, jshellMs, replMs <= jshellMs ? "pass" : "**FAIL**"));
      md.append(
          f(
              "| memory (RSS) with the 10,000-talk notebook open | %.0f MB | ≤ %.0f MB | %s |\n\n",
              bigRss, RSS_TARGET_MB, bigRss <= RSS_TARGET_MB ? "pass" : "**FAIL**"));
      packaged(md, display, prefs, sample, large);
      md.append("### How it was measured\n\n");
      md.append(
          f(
              "- Medians of %d starts each, interleaved (bare, Talkbook, Talkbook with 10,000 talks),"
                  + " every start a new JVM (`java -cp <the project's class path>`) on display %s;"
                  + " the OS file cache is warm after the first. The time runs from spawning the"
                  + " process to the line the probe prints: Talkbook with"
                  + " `-Dtalkbook.startupProbe=true` prints it in the FX pulse after the last open talk's"
                  + " notes are in the editor (the window remembered that talk), then exits; the bare"
                  + " window prints it in the pulse after `Stage.onShown`.\n",
              RUNS, display));
      md.append(
          "- RSS is the process's `VmRSS` (from `/proc/self/status`) three seconds after that"
              + " moment, when the preview (WebKit) has loaded and rendered the notes; default heap"
              + " settings (no `-Xmx`).\n");
      md.append(
          "- All starts (ms): bare "
              + join(bare.stream().map(Start::millis).toList())
              + "; bare on the software renderer "
              + join(bareSw.stream().map(Start::millis).toList())
              + "; Talkbook "
              + join(app.stream().map(Start::millis).toList())
              + "; with 10,000 talks "
              + join(big.stream().map(Start::millis).toList())
              + ".\n");
      if (hungStarts > 0) {
        md.append(
            f(
                "- %d start%s did not report within %d s and %s killed and made again (not"
                    + " counted in the figures).\n",
                hungStarts,
                hungStarts == 1 ? "" : "s",
                DEADLINE_SECONDS,
                hungStarts == 1 ? "was" : "were"));
      }
      return md.toString();
    } finally {
      if (xvfb != null) {
        xvfb.destroy();
      }
      NotebookBuilder.deleteTree(dir);
    }
  }

  /** Where {@code ./mvnw -Ppackage package} leaves the app image. */
  static final Path IMAGE = Path.of("target/package/image/talkbook");

  /**
   * The packaged app: its start with and without its AOT cache, against a bare JavaFX window on the
   * packaged runtime (the same JVM), its memory with the 10,000-talk notebook, and the README's run
   * command (Maven compiling nothing, then the app in Maven's JVM) measured the same way. Skipped,
   * with a note, when no app image was built.
   */
  /** For each start that reported the REPL's first result: its time after the notes showed. */
  private static List<Double> replAfterNotes(List<Start> starts) {
    return starts.stream()
        .filter(st -> !Double.isNaN(st.replMillis()))
        .map(st -> st.replMillis() - st.millis())
        .toList();
  }

  private static void packaged(
      StringBuilder md, String display, Path prefs, Path sample, Path large) throws Exception {
    Path launcher = IMAGE.resolve("bin/talkbook");
    if (!Files.isExecutable(launcher)) {
      md.append(
          "\nThe packaged app was not measured: build it first (`./mvnw -B -Ppackage package"
              + " -Dpackage.types=app-image`).\n\n");
      return;
    }
    boolean hasCache = Files.exists(IMAGE.resolve("lib/app/window.aot"));
    String probe = "-Dtalkbook.startupProbe=true -Djava.util.prefs.userRoot=" + prefs;
    List<String> app = List.of(launcher.toString(), "--notebook", sample.toString());
    String runtimeJava = IMAGE.resolve("lib/runtime/bin/java").toString();
    List<String> bareCommand =
        List.of(
            runtimeJava,
            "-XX:+UseSerialGC",
            "-cp",
            System.getProperty("java.class.path"),
            BareWindow.class.getName());
    List<Start> bare = new ArrayList<>();
    List<Start> bareSw = new ArrayList<>();
    List<String> bareSwCommand = new ArrayList<>(bareCommand);
    bareSwCommand.add(1, SOFTWARE);
    // As the launcher does where it chooses the software renderer (no graphics device).
    Map<String, String> bareSwEnv =
        SoftwareRendering.hasGraphicsDevice() ? Map.of() : Map.of("GDK_GL", "disable");
    List<Start> cached = new ArrayList<>();
    List<Start> uncached = new ArrayList<>();
    List<Start> big = new ArrayList<>();
    List<Start> typed = new ArrayList<>();
    List<Start> maven = new ArrayList<>();
    List<String> mvn =
        List.of(
            "./mvnw",
            "-q",
            "-o",
            "compile",
            "exec:java",
            "-Dexec.args=--notebook " + sample.toAbsolutePath());
    for (int i = 0; i < RUNS; i++) {
      bare.add(start(display, bareCommand));
      bareSw.add(start(display, bareSwCommand, bareSwEnv));
      cached.add(start(display, app, Map.of("TALKBOOK_JAVA_OPTIONS", probe)));
      big.add(
          start(
              display,
              List.of(launcher.toString(), "--notebook", large.toString()),
              Map.of("TALKBOOK_JAVA_OPTIONS", probe)));
      typed.add(
          start(
              display,
              app,
              Map.of(
                  "TALKBOOK_JAVA_OPTIONS",
                  probe + " -D" + App.STARTUP_PROBE_INPUT + "=" + TYPED_INPUT)));
      if (hasCache) {
        uncached.add(
            start(display, app, Map.of("TALKBOOK_JAVA_OPTIONS", probe + " -XX:AOTMode=off")));
      }
      maven.add(start(display, mvn, Map.of("MAVEN_OPTS", probe)));
      System.out.printf(
          "packaged run %d: bare %.0f ms, %.0f ms with the AOT cache, %s without, 10,000 talks"
              + " %.0f MB; ./mvnw %.0f ms%n",
          i + 1,
          bare.get(i).millis(),
          cached.get(i).millis(),
          hasCache ? f("%.0f ms", uncached.get(i).millis()) : "—",
          big.get(i).rssMb(),
          maven.get(i).millis());
    }
    double bareMs = median(bare.stream().map(Start::millis).toList());
    double bareSwMs = median(bareSw.stream().map(Start::millis).toList());
    double cachedMs = median(cached.stream().map(Start::millis).toList());
    double mavenMs = median(maven.stream().map(Start::millis).toList());
    double bigRss = median(big.stream().map(Start::rssMb).toList());
    md.append(
        "\n**Packaged app** (`target/package/image/talkbook`: the jlinked runtime of JDK "
            + runtimeVersion()
            + " started by `bin/talkbook`, options in `packaging/java-options`):\n\n");
    md.append("| figure | result | target | |\n|---|---:|---:|---|\n");
    md.append(
        f(
            "| bare JavaFX window on the packaged runtime, start to first frame | %.0f ms (RSS %.0f"
                + " MB) | — | baseline |\n",
            bareMs, median(bare.stream().map(Start::rssMb).toList())));
    md.append(
        bareSwRow(
            "bare JavaFX window on the packaged runtime, software renderer (`"
                + SOFTWARE
                + "`"
                + (bareSwEnv.isEmpty() ? "" : ", `GDK_GL=disable`")
                + ")",
            bareSw));
    md.append(
        ratioRow(
            "packaged, start to the last talk's notes shown"
                + (hasCache ? ", with its AOT cache" : " (no AOT cache in this image)"),
            cachedMs,
            bareMs,
            bareSwMs));
    List<Double> replAfter = replAfterNotes(cached);
    if (!replAfter.isEmpty()) {
      double after = median(replAfter);
      md.append(
          f(
              "| packaged, the REPL's first `1+1` result after the notes are shown (its JVM on the"
                  + " same Java 25 runtime) | %.0f ms (all: %s) | ≤ 500 ms | %s |\n",
              after, join(replAfter), after <= 500 ? "pass" : "**FAIL**"));
    }
    List<Double> typedAfter = replAfterNotes(typed);
    if (!typedAfter.isEmpty()) {
      md.append(
          f(
              "| packaged, the same for a first input that names a type (`%s`: it waits for"
                  + " JShell's default imports, which `1+1` need not) | %.0f ms (all: %s) | — | |\n",
              TYPED_INPUT, median(typedAfter), join(typedAfter)));
    }
    if (hasCache) {
      md.append(
          f(
              "| packaged, the same without the AOT cache (JDK classes archive only) | %.0f ms | —"
                  + " | |\n",
              median(uncached.stream().map(Start::millis).toList())));
    }
    md.append(
        f(
            "| `./mvnw -q compile exec:java` (the README's run command), start to the same point |"
                + " %.0f ms (packaged: %.2f× of it) | — | |\n",
            mavenMs, cachedMs / mavenMs));
    md.append(
        f(
            "| packaged, memory (RSS) with the 10,000-talk notebook open | %.0f MB | ≤ %.0f MB | %s"
                + " |\n\n",
            bigRss, RSS_TARGET_MB, bigRss <= RSS_TARGET_MB ? "pass" : "**FAIL**"));
    md.append(
        "Packaged starts (ms): bare window "
            + join(bare.stream().map(Start::millis).toList())
            + "; on the software renderer "
            + join(bareSw.stream().map(Start::millis).toList())
            + "; with the AOT cache "
            + join(cached.stream().map(Start::millis).toList())
            + (hasCache ? "; without " + join(uncached.stream().map(Start::millis).toList()) : "")
            + "; `./mvnw` "
            + join(maven.stream().map(Start::millis).toList())
            + ". The probe's flags reach the packaged JVM through `TALKBOOK_JAVA_OPTIONS` (read by"
            + " `bin/talkbook`) and Maven's through `MAVEN_OPTS`; \"without\" adds"
            + " `-XX:AOTMode=off`. The bare window runs on the packaged runtime's `java` with"
            + " `-XX:+UseSerialGC`, like the app.\n\n");
  }

  /** The packaged runtime's Java version, from its {@code release} file. */
  private static String runtimeVersion() throws java.io.IOException {
    for (String line : Files.readAllLines(IMAGE.resolve("lib/runtime/release"))) {
      if (line.startsWith("JAVA_VERSION=")) {
        return line.substring("JAVA_VERSION=".length()).replace("\"", "");
      }
    }
    return "?";
  }

  /** Cold starts of the {@code jshell} command line to {@code $1 ==> 2}, as {@code ReplGroup}. */
  private static List<Double> jshellStarts() throws Exception {
    String jshell = Path.of(System.getProperty("java.home"), "bin", "jshell").toString();
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      long t0 = System.nanoTime();
      Process p = new ProcessBuilder(jshell, "-q").redirectErrorStream(true).start();
      try (var in = p.getOutputStream();
          BufferedReader out =
              new BufferedReader(
                  new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        in.write("1+1\n".getBytes(StandardCharsets.UTF_8));
        in.flush();
        int c;
        StringBuilder seen = new StringBuilder();
        while ((c = out.read()) != -1) {
          seen.append((char) c);
          if (seen.indexOf("==> 2") >= 0) {
            times.add((System.nanoTime() - t0) / 1e6);
            break;
          }
        }
        in.write("/exit\n".getBytes(StandardCharsets.UTF_8));
      } finally {
        p.waitFor(10, TimeUnit.SECONDS);
        p.destroyForcibly();
      }
    }
    return times;
  }

  /** The config folder every start gets as {@code XDG_CONFIG_HOME}. */
  private static Path configHome;

  private static List<String> talkbook(String javaBin, String cp, Path prefs, Path notebook) {
    return List.of(
        javaBin,
        "-Djava.util.prefs.userRoot=" + prefs,
        "-Dtalkbook.startupProbe=true",
        "-cp",
        cp,
        "dev.talkbook.Launcher",
        "--notebook",
        notebook.toString());
  }

  private static Start start(String display, List<String> command) throws Exception {
    return start(display, command, Map.of());
  }

  /** How long a start may take to report before it is killed and made again. */
  private static final long DEADLINE_SECONDS = 90;

  /** Starts killed at the deadline and made again, said under the figures. */
  private static int hungStarts;

  /**
   * One start, made again (at most twice) when it never reports within {@link #DEADLINE_SECONDS}: a
   * bare JavaFX window on Xvfb once waited forever for its first {@code onShown} (2026-12-02), and
   * one hung start must not stop the whole group. Every repeat is counted and reported.
   */
  private static Start start(String display, List<String> command, Map<String, String> env)
      throws Exception {
    for (int attempt = 1; ; attempt++) {
      try {
        return startOnce(display, command, env);
      } catch (NoReport e) {
        hungStarts++;
        System.out.println(e.getMessage() + (attempt < 3 ? ": killed, started again" : ""));
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  /** A start that did not print its report line before the deadline. */
  private static final class NoReport extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    NoReport(String message) {
      super(message);
    }
  }

  private static Start startOnce(String display, List<String> command, Map<String, String> env)
      throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("DISPLAY", display);
    pb.environment().put("XDG_CONFIG_HOME", configHome.toString());
    pb.environment().putAll(env);
    long t0 = System.nanoTime();
    Process p = pb.start();
    // Killing the process at the deadline ends the output, so the loop below cannot wait forever.
    var deadline =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "start-deadline");
              t.setDaemon(true);
              return t;
            });
    var killed = new java.util.concurrent.atomic.AtomicBoolean();
    deadline.schedule(
        () -> {
          killed.set(true);
          p.destroyForcibly();
        },
        DEADLINE_SECONDS,
        TimeUnit.SECONDS);
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      double ms = Double.NaN;
      double repl = Double.NaN;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("talkbook-shown ")) {
          ms = (System.nanoTime() - t0) / 1e6;
        } else if (line.startsWith("talkbook-repl-first ")) {
          repl = (System.nanoTime() - t0) / 1e6;
        } else if (line.startsWith("talkbook-rss ")) {
          String kb = line.substring("talkbook-rss ".length()).strip();
          double rss = kb.equals("?") ? Double.NaN : Long.parseLong(kb) / 1024.0;
          p.waitFor(30, TimeUnit.SECONDS);
          return new Start(ms, rss, repl);
        }
      }
    } finally {
      deadline.shutdownNow();
      p.destroyForcibly();
    }
    if (killed.get()) {
      throw new NoReport(
          "no report within " + DEADLINE_SECONDS + " s: " + String.join(" ", command));
    }
    throw new IllegalStateException("the probe never reported: " + String.join(" ", command));
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static String join(List<Double> values) {
    return String.join(
        ", ", values.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList());
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
