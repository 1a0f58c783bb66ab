package dev.talkbook.bench.store;

import dev.talkbook.bench.BenchmarkGroup;
import dev.talkbook.bench.RunInfo;
import dev.talkbook.core.search.SearchQuery;
import dev.talkbook.core.store.Notebook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;
import org.sqlite.SQLiteConfig;

/**
 * The notebook store at 10,000 talks: bulk insert, file size, open and search latency.
 *
 * <p>Bulk insert, file size and open are timed once each in this JVM (a notebook is built once per
 * run: timing it with JMH would build it several times over). Search latency is JMH's ({@link
 * NotebookSearchBenchmark}, SampleTime), in a forked JVM; a plain timed loop adds each query's
 * median to show which queries are slow.
 */
public final class NotebookStoreGroup implements BenchmarkGroup {
  static final int EVENTS = NotebookSearchBenchmark.EVENTS;
  static final int TALKS = NotebookSearchBenchmark.TALKS;
  static final int WARMUP_TALKS = 500;
  static final int OPENS = 5;
  static final int QUERY_WARMUPS = 2;
  static final int QUERY_RUNS = 10;

  // JMH settings of the search benchmark.
  static final int FORKS = 1;
  static final int WARMUP_ITERATIONS = 3;
  static final int WARMUP_SECONDS = 3;
  static final int MEASUREMENT_ITERATIONS = 6;
  static final int MEASUREMENT_SECONDS = 5;
  static final String FORK_HEAP = "-Xmx1g";

  // Targets.
  static final double INSERT_TARGET_S = 5;
  static final double MEDIAN_TARGET_MS = 5;
  static final double P99_TARGET_MS = 20;

  @Override
  public String name() {
    return "notebook-store";
  }

  @Override
  public String run(RunInfo run) throws Exception {
    long start = System.nanoTime();
    TalkCorpus corpus = TalkCorpus.generate(EVENTS, TALKS, TalkCorpus.SEED);
    System.out.printf(
        "Generated %,d talks (%.1f MB of notes) in %.1f s%n",
        TALKS, corpus.bodyChars() / 1e6, seconds(System.nanoTime() - start));
    Path dir = Files.createTempDirectory("talkbook-bench-");
    try {
      warmUp(dir, corpus);
      Path file = dir.resolve("store.talkbook");
      InsertTiming insert = bulkInsert(file, corpus);
      long fileBytes = NotebookBuilder.sizeOnDisk(file);
      System.out.printf("Notebook file: %.1f MB%n", fileBytes / 1e6);
      double[] opens = openTimes(file);
      List<QueryTiming> queries = queryTimings(file);
      Statistics search = jmhSearch(file);
      return section(run, corpus, insert, fileBytes, opens, queries, search);
    } finally {
      NotebookBuilder.deleteTree(dir);
    }
  }

  /** Inserts the first talks into a throwaway notebook, so that the timed run finds a warm JIT. */
  private static void warmUp(Path dir, TalkCorpus corpus) throws Exception {
    Path warmupDir = Files.createDirectory(dir.resolve("warmup"));
    Path file = warmupDir.resolve("warmup.talkbook");
    long start = System.nanoTime();
    try (Notebook notebook = Notebook.open(file)) {
      List<Long> eventIds = NotebookBuilder.createEvents(notebook, corpus);
      // Both ways in: the bulk path imports take and the single create the window makes.
      NotebookBuilder.createTalks(notebook, corpus.first(WARMUP_TALKS), eventIds);
      for (TalkCorpus.TalkSpec talk : corpus.talks().subList(0, WARMUP_TALKS)) {
        notebook.talks().create(eventIds.get(talk.eventIndex()), talk.details(), talk.body());
      }
      for (String query : SearchQueries.ALL) {
        notebook.search().search(query, SearchQueries.LIMIT);
      }
    }
    System.out.printf(
        "Warm-up: %d talks into a throwaway notebook in %.1f s%n",
        WARMUP_TALKS, seconds(System.nanoTime() - start));
    NotebookBuilder.deleteTree(warmupDir);
  }

  /**
   * The bulk insert's time, the time of the {@code close()} after it (not included), and the time
   * of the same talks created one at a time in one transaction, in a notebook of their own.
   */
  record InsertTiming(double seconds, double closeSeconds, double oneByOneSeconds) {}

  /**
   * Builds the notebook as an import does ({@code inBulk} + {@code talks().createAll}), timed; then
   * times the 10,000 talks created one {@code talks().create} at a time in another notebook.
   */
  private static InsertTiming bulkInsert(Path file, TalkCorpus corpus) throws IOException {
    double elapsed;
    double close;
    try (Notebook notebook = Notebook.open(file)) {
      List<Long> eventIds = NotebookBuilder.createEvents(notebook, corpus);
      long start = System.nanoTime();
      NotebookBuilder.createTalks(notebook, corpus, eventIds);
      elapsed = seconds(System.nanoTime() - start);
      System.out.printf("  bulk insert of %,d talks: %.1f s%n", TALKS, elapsed);
      long closeStart = System.nanoTime();
      notebook.close();
      close = seconds(System.nanoTime() - closeStart);
    }
    Path other = file.resolveSibling("one-by-one.talkbook");
    double oneByOne;
    try (Notebook notebook = Notebook.open(other)) {
      List<Long> eventIds = NotebookBuilder.createEvents(notebook, corpus);
      long start = System.nanoTime();
      List<TalkCorpus.TalkSpec> talks = corpus.talks();
      notebook.inTransaction(
          () -> {
            for (TalkCorpus.TalkSpec talk : talks) {
              notebook.talks().create(eventIds.get(talk.eventIndex()), talk.details(), talk.body());
            }
            return null;
          });
      oneByOne = seconds(System.nanoTime() - start);
      System.out.printf("  one by one: %.1f s%n", oneByOne);
    }
    for (String suffix : List.of("", "-wal", "-shm", ".lock")) {
      Files.deleteIfExists(other.resolveSibling(other.getFileName() + suffix));
    }
    return new InsertTiming(elapsed, close, oneByOne);
  }

  /** Seconds each of {@value #OPENS} {@code Notebook.open} calls took (each then closed). */
  private static double[] openTimes(Path file) {
    double[] times = new double[OPENS];
    for (int i = 0; i < OPENS; i++) {
      long start = System.nanoTime();
      Notebook notebook = Notebook.open(file);
      times[i] = seconds(System.nanoTime() - start);
      notebook.close();
      System.out.printf("Open %d: %.3f s%n", i + 1, times[i]);
    }
    return times;
  }

  record QueryTiming(String query, int matches, int hits, double medianMs, double maxMs) {}

  /** Each query's median over {@value #QUERY_RUNS} runs, after {@value #QUERY_WARMUPS} more. */
  private static List<QueryTiming> queryTimings(Path file) throws SQLException {
    List<QueryTiming> timings = new ArrayList<>();
    List<Integer> matches = countMatches(file);
    try (Notebook notebook = Notebook.open(file)) {
      for (String query : SearchQueries.ALL) {
        int hits = 0;
        for (int i = 0; i < QUERY_WARMUPS; i++) {
          hits = notebook.search().search(query, SearchQueries.LIMIT).size();
        }
        double[] ms = new double[QUERY_RUNS];
        for (int i = 0; i < QUERY_RUNS; i++) {
          long start = System.nanoTime();
          notebook.search().search(query, SearchQueries.LIMIT);
          ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        int matching = matches.get(timings.size());
        QueryTiming t = new QueryTiming(query, matching, hits, median(ms), ms[ms.length - 1]);
        System.out.printf("  %-36s %5d matches  median %7.2f ms%n", query, matching, t.medianMs());
        timings.add(t);
      }
    }
    return timings;
  }

  /**
   * How many talks each query matches in all (the search returns at most 20), counted with SQL on a
   * read-only connection to the file: the store API does not tell.
   */
  private static List<Integer> countMatches(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    List<Integer> counts = new ArrayList<>();
    try (Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        PreparedStatement ps =
            c.prepareStatement("SELECT count(*) FROM talk_search WHERE talk_search MATCH ?")) {
      for (String query : SearchQueries.ALL) {
        ps.setString(1, SearchQuery.parse(query).ftsExpression());
        try (ResultSet rs = ps.executeQuery()) {
          counts.add(rs.getInt(1));
        }
      }
    }
    return counts;
  }

  /** Runs {@link NotebookSearchBenchmark} in JMH on a copy of {@code file}. */
  private static Statistics jmhSearch(Path file) throws Exception {
    Options options =
        new OptionsBuilder()
            .include("^" + Pattern.quote(NotebookSearchBenchmark.class.getName()) + "\\.")
            .forks(FORKS)
            .threads(1)
            .warmupIterations(WARMUP_ITERATIONS)
            .warmupTime(TimeValue.seconds(WARMUP_SECONDS))
            .measurementIterations(MEASUREMENT_ITERATIONS)
            .measurementTime(TimeValue.seconds(MEASUREMENT_SECONDS))
            .jvmArgsAppend(
                FORK_HEAP,
                "-D" + NotebookSearchBenchmark.TEMPLATE_PROPERTY + "=" + file.toAbsolutePath())
            .shouldFailOnError(true)
            .build();
    Collection<RunResult> results = new Runner(options).run();
    if (results.size() != 1) {
      throw new IllegalStateException("Expected one JMH result, got " + results.size());
    }
    RunResult result = results.iterator().next();
    String unit = result.getPrimaryResult().getScoreUnit();
    if (!unit.equals("us/op")) {
      throw new IllegalStateException("Expected JMH scores in us/op, got " + unit);
    }
    return result.getPrimaryResult().getStatistics();
  }

  private static String section(
      RunInfo run,
      TalkCorpus corpus,
      InsertTiming insert,
      long fileBytes,
      double[] opens,
      List<QueryTiming> queries,
      Statistics search) {
    double insertSeconds = insert.seconds();
    double medianMs = search.getPercentile(50) / 1000;
    double p99Ms = search.getPercentile(99) / 1000;
    double[] sortedOpens = opens.clone();
    Arrays.sort(sortedOpens);
    StringBuilder md = new StringBuilder();
    md.append("## notebook-store: a notebook of ")
        .append(String.format(Locale.ROOT, "%,d", TALKS))
        .append(" talks\n\n");
    md.append(run.preamble());
    md.append(
        f(
            "- **Data:** %,d talks over %d events, %.1f KB of generated Markdown notes a talk (%.1f"
                + " MB in all: headings, nested bullets, inline code, code blocks; a vocabulary of"
                + " about 3,000 words incl. technical terms), 1–3 speakers and 1–3 tags each;"
                + " `TalkCorpus`, seed %d.\n\n",
            TALKS,
            EVENTS,
            corpus.bodyChars() / 1e3 / TALKS,
            corpus.bodyChars() / 1e6,
            TalkCorpus.SEED));
    md.append("| figure | result | target | |\n|---|---:|---:|---|\n");
    md.append(
        f(
            "| (a) bulk insert of %,d talks, as imports make it | %.1f s (%.2f ms a talk) | ≤ %.0f"
                + " s | %s |\n",
            TALKS,
            insertSeconds,
            insertSeconds * 1000 / TALKS,
            INSERT_TARGET_S,
            verdict(insertSeconds <= INSERT_TARGET_S)));
    md.append(
        f(
            "| (a′) the same talks one `create` at a time, in one transaction | %.1f s (%.2f ms a"
                + " talk) | — | extra figure |\n",
            insert.oneByOneSeconds(), insert.oneByOneSeconds() * 1000 / TALKS));
    md.append(
        f(
            "| (b) search latency, median | %.2f ms | ≤ %.0f ms | %s |\n",
            medianMs, MEDIAN_TARGET_MS, verdict(medianMs <= MEDIAN_TARGET_MS)));
    md.append(
        f(
            "| (b) search latency, p99 | %.2f ms | ≤ %.0f ms | %s |\n",
            p99Ms, P99_TARGET_MS, verdict(p99Ms <= P99_TARGET_MS)));
    md.append(f("| (c) notebook file size | %.1f MB | — | |\n", fileBytes / 1e6));
    md.append(
        f(
            "| (d) open the notebook (`Notebook.open`) | %.2f s | — | extra figure |\n\n",
            median(sortedOpens)));

    md.append("### How each figure was measured\n\n");
    md.append(
        f(
            "- **(a) Bulk insert:** one timed run in the `BenchmarkMain` JVM, not JMH (a run"
                + " builds the notebook once). After a warm-up (%d talks into a throwaway"
                + " notebook, both ways), a new notebook gets the %d events, then the clock runs"
                + " while the %,d talks go in as `import markdown` and schedule imports put them:"
                + " `notebook.inBulk(...)` around one `notebook.talks().createAll(talks)`, in event"
                + " order (WAL, `synchronous=NORMAL`; the full-text index takes the talks in one"
                + " go at the end, inside the timed call). Generating the notes and creating the"
                + " events are not timed, nor is the notebook's `close()` afterwards (%.2f s)."
                + " (a′): the same talks into another new notebook through"
                + " `notebook.talks().create(eventId, details, body)`, one call each, all inside"
                + " one `notebook.inTransaction(...)`; each create also writes the talk's row in the"
                + " full-text index through the triggers. The window creates a talk this way, one"
                + " at a time.\n",
            WARMUP_TALKS, EVENTS, TALKS, insert.closeSeconds()));
    md.append(
        f(
            "- **(b) Search latency:** JMH %s, `NotebookSearchBenchmark.search`, mode SampleTime,"
                + " %d fork (`%s`), 1 thread, warm-up %d × %d s, measurement %d × %d s. Each call"
                + " runs the next of the %d fixed queries below, round robin, through"
                + " `notebook.search().search(query, %d)` (parse, FTS5 match, bm25 rank, snippet,"
                + " read the hits). The notebook is set up once per trial in a temporary folder: a"
                + " copy of the notebook built in (a), which the same generator and API would"
                + " rebuild byte for byte. Median and p99 are JMH's percentiles over %,d sampled"
                + " calls.\n",
            jmhVersion(),
            FORKS,
            FORK_HEAP,
            WARMUP_ITERATIONS,
            WARMUP_SECONDS,
            MEASUREMENT_ITERATIONS,
            MEASUREMENT_SECONDS,
            SearchQueries.ALL.size(),
            SearchQueries.LIMIT,
            search.getN()));
    md.append(
        "- **(c) File size:** the notebook file (and any `-wal`/`-shm` file left) after the"
            + " notebook built in (a) is closed; closing checkpoints the WAL into the file.\n");
    md.append(
        f(
            "- **(d) Open:** `Notebook.open(file)` on the closed notebook of (a), timed %d times"
                + " (each followed by `close()`); the median is shown, all runs: %s s. A file this"
                + " large is probed on open (header, schema, the first row of every table), not"
                + " read whole; the file was just written, so it is in the OS page cache.\n\n",
            OPENS, join(opens)));

    md.append("### Search latency distribution (JMH)\n\n");
    md.append("| samples | p50 | p90 | p99 | p99.9 | max | mean |\n");
    md.append("|---:|---:|---:|---:|---:|---:|---:|\n");
    md.append(
        f(
            "| %,d | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.2f ms |\n\n",
            search.getN(),
            search.getPercentile(50) / 1000,
            search.getPercentile(90) / 1000,
            search.getPercentile(99) / 1000,
            search.getPercentile(99.9) / 1000,
            search.getMax() / 1000,
            search.getMean() / 1000));

    md.append("### The queries, one by one\n\n");
    md.append(
        f(
            "The fixed queries of (b). Per-query times are a plain timed loop on the notebook of"
                + " (a), not JMH: the median of %d runs after %d warm-up runs, to show which"
                + " queries the distribution's slow end comes from. *Matching* is how many talks"
                + " the query matches in all (counted with SQL on the file: the store API does not"
                + " say), *hits* how many came back (the limit is %d).\n\n",
            QUERY_RUNS, QUERY_WARMUPS, SearchQueries.LIMIT));
    md.append("| query | kind | matching | hits | median | max |\n|---|---|---:|---:|---:|---:|\n");
    for (QueryTiming q : queries) {
      md.append(
          f(
              "| `%s` | %s | %,d | %d | %.2f ms | %.2f ms |\n",
              q.query(), kind(q.query()), q.matches(), q.hits(), q.medianMs(), q.maxMs()));
    }
    return md.toString();
  }

  /** What a query exercises, for the table. */
  static String kind(String query) {
    List<String> kinds = new ArrayList<>();
    for (String field : List.of("speaker:", "tag:", "event:", "title:", "notes:")) {
      if (query.contains(field)) {
        kinds.add(field.substring(0, field.length() - 1) + " field");
      }
    }
    if (query.contains("\"")) {
      kinds.add("phrase");
    }
    if (query.contains("*")) {
      kinds.add("prefix");
    }
    if (query.contains(" -")) {
      kinds.add("exclusion");
    }
    if (kinds.isEmpty()) {
      kinds.add(query.strip().contains(" ") ? "two words" : "one word");
    }
    return String.join(", ", kinds);
  }

  private static String verdict(boolean pass) {
    return pass ? "pass" : "**FAIL**";
  }

  private static String jmhVersion() {
    return org.openjdk.jmh.util.Version.getPlainVersion();
  }

  private static double median(double[] sorted) {
    double[] s = sorted.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  private static String join(double[] values) {
    List<String> parts = new ArrayList<>();
    for (double v : values) {
      parts.add(String.format(Locale.ROOT, "%.2f", v));
    }
    return String.join(", ", parts);
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
