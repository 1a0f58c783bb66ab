package dev.talkbook.bench.share;

import dev.talkbook.bench.BenchmarkGroup;
import dev.talkbook.bench.RunInfo;
import dev.talkbook.bench.store.NotebookBuilder;
import dev.talkbook.core.markdown.MarkdownRenderer;
import dev.talkbook.core.sample.SampleMeetup;
import dev.talkbook.core.share.ShareOptions;
import dev.talkbook.core.share.ShareSession;
import dev.talkbook.core.share.SseClient;
import dev.talkbook.core.share.TalkFiles;
import dev.talkbook.core.store.Notebook;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * {@code share}: live share under load, on the loopback address only. The server runs alone in a
 * child JVM ({@link ShareServerProbe}) so that its CPU and memory are its own; the viewers are
 * Server-Sent Events clients on {@code java.net.http} in this JVM (no thread per viewer).
 *
 * <ul>
 *   <li>500 viewers; the presenter types 100 keystrokes, 10 a second; each keystroke's time from
 *       handing the change to the server ({@code show}) to its arrival at every viewer.
 *   <li>The ceiling: more viewers, step by step, until the 95th percentile passes 250 ms (or the
 *       largest step, or the time bound, is reached).
 *   <li>The command line: {@code talkbook share} in its own JVM following a notebook that this JVM
 *       writes; each save's time to reach every viewer.
 *   <li>The caller's cost of {@code show} (the window calls it on the FX thread).
 * </ul>
 */
public final class ShareGroup implements BenchmarkGroup {
  static final int VIEWERS = 500;
  static final int RUNS = 3;
  static final int KEYSTROKES = 100;
  static final long KEYSTROKE_MS = 100;
  static final int[] CEILING_STEPS = {500, 1000, 2000, 3000, 4000, 6000};
  static final int CEILING_KEYSTROKES = 30;
  static final long CEILING_BOUND_MS = 6 * 60_000;
  static final int CLI_VIEWERS = 200;
  static final int CLI_SAVES = 20;
  static final long CLI_SAVE_MS = 500;

  @Override
  public String name() {
    return "share";
  }

  /** Latency figures in milliseconds. */
  record Stats(double p50, double p95, double p99, double max, int samples, int lost) {
    static Stats of(List<Double> ms, int lost) {
      double[] a = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      if (a.length == 0) {
        return new Stats(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, lost);
      }
      return new Stats(at(a, 0.50), at(a, 0.95), at(a, 0.99), a[a.length - 1], a.length, lost);
    }

    private static double at(double[] sorted, double q) {
      return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * q) - 1)];
    }
  }

  record ServerStats(long cpuNs, long rssKb, long heapKb, int viewers) {}

  /** The server in its own JVM. */
  static final class Probe implements AutoCloseable {
    final Process process;
    final BufferedWriter in;
    final BufferedReader out;
    final URI url;

    Probe(int maxViewers) throws Exception {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      process =
          new ProcessBuilder(
                  java,
                  "-Xmx512m",
                  "-cp",
                  System.getProperty("java.class.path"),
                  ShareServerProbe.class.getName(),
                  Integer.toString(maxViewers))
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      in =
          new BufferedWriter(
              new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
      out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String first = out.readLine();
      if (first == null || !first.startsWith("URL ")) {
        throw new IllegalStateException("the probe did not start: " + first);
      }
      url = URI.create(first.substring(4));
    }

    /** Keystroke {@code k}; returns the time it was handed over. */
    long type(int k) throws Exception {
      long t0 = System.nanoTime();
      in.write("type " + k + "\n");
      in.flush();
      return t0;
    }

    ServerStats stats() throws Exception {
      in.write("stats\n");
      in.flush();
      String[] f = out.readLine().split(" ");
      return new ServerStats(
          Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Integer.parseInt(f[4]));
    }

    @Override
    public void close() {
      try {
        in.write("quit\n");
        in.flush();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (java.io.IOException gone) {
        process.destroyForcibly();
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Viewers on one HTTP client: the arrival time of each keystroke's marker, per viewer. */
  static final class Viewers implements AutoCloseable {
    final ExecutorService pool = Executors.newFixedThreadPool(4);
    final HttpClient http =
        HttpClient.newBuilder().executor(pool).connectTimeout(Duration.ofSeconds(30)).build();
    final List<SseClient> clients = new ArrayList<>();
    final List<AtomicLongArray> arrivals = new ArrayList<>();
    final List<long[]> patchBytes = new ArrayList<>();
    final AtomicInteger joined = new AtomicInteger();
    final int maxMarker;

    Viewers(int maxMarker) {
      this.maxMarker = maxMarker;
    }

    /** Adds viewers until there are {@code n}, in batches, each joined (its state received). */
    void growTo(int n, URI url) throws Exception {
      while (clients.size() < n) {
        int batch = Math.min(100, n - clients.size());
        int target = joined.get() + batch;
        for (int i = 0; i < batch; i++) {
          AtomicLongArray arrived = new AtomicLongArray(maxMarker + 1);
          long[] bytes = new long[1];
          arrivals.add(arrived);
          patchBytes.add(bytes);
          clients.add(
              SseClient.open(
                  http,
                  url.resolve("events"),
                  null,
                  e -> {
                    if (e.type().equals("state")) {
                      joined.incrementAndGet();
                    }
                    int k = marker(e.data());
                    if (k >= 0 && k <= maxMarker) {
                      arrived.compareAndSet(k, 0, System.nanoTime());
                    }
                    if (e.type().equals("patch")) {
                      synchronized (bytes) {
                        bytes[0] += frameBytes(e);
                      }
                    }
                  }));
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (joined.get() < target) {
          if (System.nanoTime() > end) {
            throw new IllegalStateException(
                "only " + joined.get() + " of " + target + " viewers joined in 120 s");
          }
          Thread.sleep(20);
        }
      }
    }

    Stats latencies(long[] handedOver, int from, int to) {
      return ShareGroup.latencies(arrivals, handedOver, from, to);
    }

    double patchBytesPerViewer() {
      long sum = 0;
      for (long[] b : patchBytes) {
        synchronized (b) {
          sum += b[0];
        }
      }
      return (double) sum / patchBytes.size();
    }

    void resetBytes() {
      for (long[] b : patchBytes) {
        synchronized (b) {
          b[0] = 0;
        }
      }
    }

    @Override
    public void close() {
      clients.forEach(SseClient::close);
      pool.shutdownNow();
    }
  }

  /**
   * Each viewer's latency for keystrokes {@code from..to}: from handing the keystroke over to the
   * arrival of it, or of a later one that carries it (the server sends only the newest text when
   * keystrokes come faster than it renders). Unseen keystrokes count as lost.
   */
  static Stats latencies(List<AtomicLongArray> arrivals, long[] handedOver, int from, int to) {
    List<Double> ms = new ArrayList<>();
    int lost = 0;
    for (AtomicLongArray arrived : arrivals) {
      long next = 0;
      long[] effective = new long[to + 1];
      for (int k = to; k >= from; k--) {
        long a = arrived.get(k);
        if (a != 0 && (next == 0 || a < next)) {
          next = a;
        }
        effective[k] = next;
      }
      for (int k = from; k <= to; k++) {
        if (effective[k] == 0) {
          lost++;
        } else {
          ms.add((effective[k] - handedOver[k]) / 1e6);
        }
      }
    }
    return Stats.of(ms, lost);
  }

  /** The run whose p95 is the median of the runs' (its other figures with it). */
  static Stats medianRun(List<Stats> runs) {
    List<Stats> sorted = new ArrayList<>(runs);
    sorted.sort(java.util.Comparator.comparingDouble(Stats::p95));
    return sorted.get(sorted.size() / 2);
  }

  /** The keystroke marker {@code #K} at the end of the typed paragraph, or -1. */
  static int marker(String data) {
    int i = data.lastIndexOf(" #");
    if (i < 0) {
      return -1;
    }
    int j = i + 2;
    int k = 0;
    boolean any = false;
    while (j < data.length() && Character.isDigit(data.charAt(j))) {
      k = k * 10 + (data.charAt(j) - '0');
      j++;
      any = true;
    }
    return any ? k : -1;
  }

  /** The bytes of one event as it was sent: its id, event and data lines. */
  static long frameBytes(SseClient.Event e) {
    return ("id: " + e.id() + "\nevent: " + e.type() + "\ndata: \n\n").length()
        + e.data().getBytes(StandardCharsets.UTF_8).length;
  }

  /** Types {@code count} keystrokes, starting at {@code from}, one every {@code everyMs}. */
  static long[] typeAlong(Probe probe, int from, int count, long everyMs, long[] handedOver)
      throws Exception {
    long next = System.nanoTime();
    for (int k = from; k < from + count; k++) {
      long now = System.nanoTime();
      if (next > now) {
        TimeUnit.NANOSECONDS.sleep(next - now);
      }
      handedOver[k] = probe.type(k);
      next += TimeUnit.MILLISECONDS.toNanos(everyMs);
    }
    Thread.sleep(1500); // let the last ones arrive
    return handedOver;
  }

  @Override
  public String run(RunInfo run) throws Exception {
    StringBuilder md = new StringBuilder(run.preamble());

    // ---- 500 viewers, three runs ---------------------------------------------------------------
    List<Stats> runs = new ArrayList<>();
    ServerStats idle = null;
    ServerStats joinedStats = null;
    double cpuTyping = 0;
    double bytesPerKeystroke = 0;
    for (int r = 1; r <= RUNS; r++) {
      System.out.println("500 viewers, run " + r + " of " + RUNS + "…");
      try (Probe probe = new Probe(VIEWERS * 2);
          RawViewers viewers = new RawViewers(KEYSTROKES)) {
        Thread.sleep(1000);
        ServerStats idleNow = probe.stats();
        viewers.growTo(VIEWERS, probe.url);
        Thread.sleep(1000);
        ServerStats joinedNow = probe.stats();
        long[] handed = new long[KEYSTROKES + 1];
        // warm-up keystrokes (1..10) are not counted
        typeAlong(probe, 1, 10, KEYSTROKE_MS, handed);
        ServerStats before = probe.stats();
        long bytesBefore = viewers.totalBytes();
        long wall0 = System.nanoTime();
        typeAlong(probe, 11, KEYSTROKES - 10, KEYSTROKE_MS, handed);
        long wall = System.nanoTime() - wall0;
        ServerStats after = probe.stats();
        runs.add(latencies(viewers.arrivals(), handed, 11, KEYSTROKES));
        if (r == 1) {
          idle = idleNow;
          joinedStats = joinedNow;
          cpuTyping = 100.0 * (after.cpuNs() - before.cpuNs()) / wall;
          bytesPerKeystroke =
              (viewers.totalBytes() - bytesBefore) / (double) VIEWERS / (KEYSTROKES - 10);
        }
      }
    }
    Stats target = medianRun(runs);

    // ---- the same with java.net.http clients ---------------------------------------------------
    System.out.println("500 viewers on java.net.http…");
    Stats jdkClient;
    try (Probe probe = new Probe(VIEWERS * 2);
        Viewers viewers = new Viewers(KEYSTROKES)) {
      viewers.growTo(VIEWERS, probe.url);
      long[] handed = new long[KEYSTROKES + 1];
      typeAlong(probe, 1, 10, KEYSTROKE_MS, handed);
      typeAlong(probe, 11, KEYSTROKES - 10, KEYSTROKE_MS, handed);
      jdkClient = viewers.latencies(handed, 11, KEYSTROKES);
    }

    // ---- the ceiling -------------------------------------------------------------------------
    List<int[]> steps = new ArrayList<>();
    List<Stats> stepStats = new ArrayList<>();
    Integer ceiling = null;
    boolean bounded = false;
    long started = System.nanoTime();
    int maxStep = CEILING_STEPS[CEILING_STEPS.length - 1];
    try (Probe probe = new Probe(maxStep + 100);
        RawViewers viewers = new RawViewers(CEILING_STEPS.length * CEILING_KEYSTROKES + 10)) {
      int k = 1;
      for (int n : CEILING_STEPS) {
        if ((System.nanoTime() - started) / 1_000_000 > CEILING_BOUND_MS) {
          bounded = true;
          break;
        }
        System.out.println("Ceiling: " + n + " viewers…");
        viewers.growTo(n, probe.url);
        Thread.sleep(500);
        long[] handed = new long[CEILING_STEPS.length * CEILING_KEYSTROKES + 11];
        typeAlong(probe, k, CEILING_KEYSTROKES, 200, handed);
        Stats s = latencies(viewers.arrivals(), handed, k, k + CEILING_KEYSTROKES - 1);
        steps.add(new int[] {n});
        stepStats.add(s);
        k += CEILING_KEYSTROKES;
        if (s.p95() > 250) {
          ceiling = n;
          break;
        }
      }
    }

    // ---- the command line --------------------------------------------------------------------
    System.out.println("talkbook share, following saves…");
    Stats cli;
    Path work = Files.createTempDirectory("talkbook-bench-share");
    double[] lookUs;
    try {
      cli = commandLine(work);
      System.out.println("talkbook share's look…");
      lookUs = lookCost(work);
    } finally {
      NotebookBuilder.deleteTree(work);
    }

    // ---- the caller's cost -------------------------------------------------------------------
    System.out.println("show() on the caller's thread…");
    double[] showUs = showCost();

    md.append(
        String.format(
            Locale.ROOT,
            "\n| figure | p50 | p95 | p99 | max | target | |\n|---|---:|---:|---:|---:|---:|---|\n"
                + "| keystroke handed to the server → every one of %d viewers (%d keystrokes, %d/s;"
                + " %d arrivals, %d lost; the run with the median p95 of %d) | %.1f ms | %.1f ms |"
                + " %.1f ms | %.1f ms | p95 ≤ 100 ms, p99 ≤ 250 ms | %s |\n",
            VIEWERS,
            KEYSTROKES - 10,
            1000 / KEYSTROKE_MS,
            target.samples(),
            target.lost(),
            RUNS,
            target.p50(),
            target.p95(),
            target.p99(),
            target.max(),
            target.p95() <= 100 && target.p99() <= 250 && target.lost() == 0 ? "✅" : "❌"));
    for (int i = 0; i < runs.size(); i++) {
      Stats r = runs.get(i);
      md.append(
          String.format(
              Locale.ROOT,
              "| … run %d of %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms | | |\n",
              i + 1,
              runs.size(),
              r.p50(),
              r.p95(),
              r.p99(),
              r.max()));
    }
    md.append(
        String.format(
            Locale.ROOT,
            "| the same, read by `java.net.http` clients (4 threads for all 500; %d lost) | %.1f"
                + " ms | %.1f ms | %.1f ms | %.1f ms | (the client's own cost) | |\n",
            jdkClient.lost(),
            jdkClient.p50(),
            jdkClient.p95(),
            jdkClient.p99(),
            jdkClient.max()));
    md.append(
        String.format(
            Locale.ROOT,
            "| saved by another process → every one of %d viewers, through `talkbook share` (%d"
                + " saves, polled every 200 ms; %d lost) | %.0f ms | %.0f ms | %.0f ms | %.0f ms |"
                + " within 1 s | %s |\n",
            CLI_VIEWERS,
            CLI_SAVES,
            cli.lost(),
            cli.p50(),
            cli.p95(),
            cli.p99(),
            cli.max(),
            cli.max() < 1000 && cli.lost() == 0 ? "✅" : "❌"));
    md.append(
        String.format(
            Locale.ROOT,
            "| one look of `talkbook share` beside an open writer (a read-only connection opened,"
                + " `changedAt`, closed), 1,000 looks | %.0f µs | %.0f µs | %.0f µs | %.0f µs | |"
                + " |\n",
            lookUs[0],
            lookUs[1],
            lookUs[2],
            lookUs[3]));
    md.append(
        String.format(
            Locale.ROOT,
            "| `ShareSession.show` on the caller's thread (the window's FX thread), 1,000 calls"
                + " | %.0f µs | %.0f µs | %.0f µs | %.0f µs | never > 16 ms | %s |\n",
            showUs[0],
            showUs[1],
            showUs[2],
            showUs[3],
            showUs[3] < 16_000 ? "✅" : "❌"));
    md.append(
        String.format(
            Locale.ROOT,
            "\n| the server (its own JVM, `-Xmx512m`) | |\n|---|---:|\n"
                + "| heap after a GC, no viewers → %d viewers | %,d kB → %,d kB (%.1f kB a"
                + " viewer) |\n"
                + "| resident memory, no viewers → %d viewers (the JVM keeps what it took; a"
                + " rough figure) | %,d kB → %,d kB |\n"
                + "| CPU while the presenter types 10 keystrokes/s to %d viewers | %.0f %% of one"
                + " core |\n"
                + "| bytes sent per keystroke, per viewer (as received: the event with its HTTP"
                + " chunk framing) | %.0f B |\n"
                + "| bytes sent per keystroke, all %d viewers | %,.0f B |\n",
            VIEWERS,
            idle.heapKb(),
            joinedStats.heapKb(),
            (joinedStats.heapKb() - idle.heapKb()) / (double) VIEWERS,
            VIEWERS,
            idle.rssKb(),
            joinedStats.rssKb(),
            VIEWERS,
            cpuTyping,
            bytesPerKeystroke,
            VIEWERS,
            bytesPerKeystroke * VIEWERS));
    md.append("\n| viewers | p50 | p95 | p99 | max | lost |\n|---:|---:|---:|---:|---:|---:|\n");
    for (int i = 0; i < steps.size(); i++) {
      Stats s = stepStats.get(i);
      md.append(
          String.format(
              Locale.ROOT,
              "| %,d | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %d |\n",
              steps.get(i)[0],
              s.p50(),
              s.p95(),
              s.p99(),
              s.max(),
              s.lost()));
    }
    md.append(
        "\n**Ceiling** (the viewer count at which p95 passes 250 ms): "
            + (ceiling != null
                ? String.format(Locale.ROOT, "%,d viewers", ceiling)
                : String.format(
                    Locale.ROOT,
                    "not reached up to %,d viewers%s",
                    steps.isEmpty() ? 0 : steps.get(steps.size() - 1)[0],
                    bounded ? " (the time bound stopped the steps)" : ""))
            + ".\n");
    md.append("\n### How it was measured\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "- Loopback only (127.0.0.1). The server is `ShareServerProbe` in a child JVM (a"
                + " `ShareSession` on the sample talk *Live coding without fear*, about 3 KB of"
                + " notes). The viewers are in the benchmark's JVM, joined in batches of 100, each"
                + " waiting for its first `state` event: `RawViewers`, one thread reading every"
                + " viewer's socket (non-blocking) and scanning its bytes for the markers, so that"
                + " the client costs little; and once, for comparison, `SseClient`s on"
                + " `java.net.http` with 4 threads for all of them.\n"
                + "- A keystroke: the benchmark writes `type K` to the child's standard input;"
                + " the child shows the talk with a paragraph one character longer ending in `#K`."
                + " Latency is from just before that write to the arrival of the event carrying"
                + " `#K` (or a later one, when keystrokes were merged) at each viewer, on the"
                + " machine's monotonic clock, which both JVMs share. Ten warm-up keystrokes are"
                + " not counted. Three runs, each with a fresh server; the first row is the run"
                + " with the median p95, the server's CPU, memory and bytes are the first run's.\n"
                + "- CPU and memory are the child's own: process CPU time over the typing, resident"
                + " set (`/proc/self/status`) and heap after `System.gc()`, before the viewers"
                + " joined and once they had.\n"
                + "- Ceiling: one server, viewers added step by step (%s), %d keystrokes at 5/s per"
                + " step, stopping at the first step whose p95 passes 250 ms, or after %d"
                + " minutes.\n"
                + "- Command line: a notebook with the sample meetup; `talkbook share` (the app's"
                + " `Launcher`) in a child JVM, %d viewers; this JVM opens the notebook as the"
                + " writer and saves the talk %d times, every %d ms; latency from just before"
                + " `saveBody` to each viewer's arrival.\n"
                + "- A look: in this JVM, the notebook open read-only beside a writer (WAL mode),"
                + " `TalkStore.changedAt` then `Notebook.releaseReaders`, as `SavedTalkWatch` does"
                + " every 200 ms; 100 warm-up looks.\n"
                + "- `show`: in this JVM, a session with no viewers, 1,000 calls with a new 3 KB"
                + " text each, each call timed on the calling thread (rendering happens on the"
                + " session's own thread).\n"
                + "- Everything shares the machine's 2 cores: the viewers' clients, the server, and"
                + " whatever else runs (see the load above), so the figures are upper bounds for"
                + " the server alone.\n",
            Arrays.toString(CEILING_STEPS),
            CEILING_KEYSTROKES,
            CEILING_BOUND_MS / 60_000,
            CLI_VIEWERS,
            CLI_SAVES,
            CLI_SAVE_MS));
    return md.toString();
  }

  /** {@code talkbook share} in its own JVM, following saves made here. */
  private static Stats commandLine(Path work) throws Exception {
    Path file = work.resolve("bench.talkbook");
    long id;
    try (Notebook nb = Notebook.open(file)) {
      SampleMeetup.addTo(nb);
      id = nb.talks().findByTitle("Live coding without fear").get(0).id();
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    try (Notebook writer = Notebook.open(file)) {
      Process share =
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  "dev.talkbook.Launcher",
                  "--notebook",
                  file.toString(),
                  "share",
                  Long.toString(id))
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      try (RawViewers viewers = new RawViewers(CLI_SAVES)) {
        BufferedReader out =
            new BufferedReader(
                new InputStreamReader(share.getInputStream(), StandardCharsets.UTF_8));
        URI url = URI.create(out.readLine());
        viewers.growTo(CLI_VIEWERS, url);
        long[] handed = new long[CLI_SAVES + 1];
        for (int k = 1; k <= CLI_SAVES; k++) {
          Thread.sleep(CLI_SAVE_MS);
          handed[k] = System.nanoTime();
          writer.talks().saveBody(id, ShareServerProbe.notes(k));
        }
        Thread.sleep(1500);
        return latencies(viewers.arrivals(), handed, 1, CLI_SAVES);
      } finally {
        share.destroy();
        if (!share.waitFor(10, TimeUnit.SECONDS)) {
          share.destroyForcibly();
        }
      }
    }
  }

  /**
   * p50, p95, p99 and max of one look of {@code talkbook share}'s watch, in µs: a read-only
   * notebook beside an open writer, {@code changedAt} then {@code releaseReaders}.
   */
  private static double[] lookCost(Path work) throws Exception {
    Path file = work.resolve("bench.talkbook");
    try (Notebook writer = Notebook.open(file);
        Notebook reader =
            Notebook.open(file, Notebook.Options.defaults().withReadOnly(true).withCreate(false))) {
      long id = writer.talks().findByTitle("Live coding without fear").get(0).id();
      writer.talks().saveBody(id, ShareServerProbe.notes(0));
      for (int k = 0; k < 100; k++) {
        reader.talks().changedAt(id);
        reader.releaseReaders();
      }
      double[] us = new double[1000];
      for (int k = 0; k < us.length; k++) {
        long t0 = System.nanoTime();
        reader.talks().changedAt(id);
        reader.releaseReaders();
        us[k] = (System.nanoTime() - t0) / 1e3;
      }
      Arrays.sort(us);
      return new double[] {
        us[us.length / 2],
        us[(int) (us.length * 0.95)],
        us[(int) (us.length * 0.99)],
        us[us.length - 1]
      };
    }
  }

  /** p50, p95, p99 and max of {@code show}'s time on the calling thread, in µs. */
  private static double[] showCost() throws Exception {
    try (ShareSession session =
        ShareSession.start(
            ShareOptions.loopback(),
            new MarkdownRenderer(),
            TalkFiles.NONE,
            ShareServerProbe.talk(0))) {
      double[] us = new double[1000];
      for (int k = 0; k < 200; k++) {
        session.show(ShareServerProbe.talk(k)); // warm-up
      }
      for (int k = 0; k < us.length; k++) {
        var talk = ShareServerProbe.talk(1000 + k);
        long t0 = System.nanoTime();
        session.show(talk);
        us[k] = (System.nanoTime() - t0) / 1e3;
        Thread.sleep(1);
      }
      Arrays.sort(us);
      return new double[] {
        us[us.length / 2],
        us[(int) (us.length * 0.95)],
        us[(int) (us.length * 0.99)],
        us[us.length - 1]
      };
    }
  }
}
