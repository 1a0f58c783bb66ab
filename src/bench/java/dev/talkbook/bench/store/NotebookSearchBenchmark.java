package dev.talkbook.bench.store;

import dev.talkbook.core.search.SearchHit;
import dev.talkbook.core.store.Notebook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Search latency on a notebook of {@value #TALKS} talks: each call runs the next of the fixed
 * {@link SearchQueries} (round robin) through {@code notebook.search().search(query, 20)}, so the
 * sampled distribution mixes all twenty queries equally.
 *
 * <p>The notebook is built in a temporary folder when the trial starts. When the system property
 * {@value #TEMPLATE_PROPERTY} names a notebook already built from the same corpus ({@link
 * NotebookStoreGroup} passes the one it has just built and timed), the trial copies that file
 * instead of building it a second time, which saves over a minute per run.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NotebookSearchBenchmark {
  public static final int EVENTS = 50;
  public static final int TALKS = 10_000;
  public static final String TEMPLATE_PROPERTY = "talkbook.bench.notebook";

  /** The notebook, built once per trial in a temporary folder and deleted afterwards. */
  @State(Scope.Benchmark)
  public static class Store {
    Path dir;
    Notebook notebook;

    @Setup(Level.Trial)
    public void build() throws Exception {
      dir = Files.createTempDirectory("talkbook-bench-");
      Path file = dir.resolve("bench.talkbook");
      long start = System.nanoTime();
      String template = System.getProperty(TEMPLATE_PROPERTY);
      if (template != null && !template.isBlank()) {
        Files.copy(Path.of(template), file);
        System.out.printf("%n(setup: copied the %,d-talk notebook %s)%n", TALKS, template);
      } else {
        NotebookBuilder.build(file, TalkCorpus.generate(EVENTS, TALKS, TalkCorpus.SEED));
        System.out.printf(
            "%n(setup: built the %,d-talk notebook in %.1f s)%n",
            TALKS, (System.nanoTime() - start) / 1e9);
      }
      notebook = Notebook.open(file);
      int talks = notebook.talks().count();
      if (talks != TALKS) {
        throw new IllegalStateException("The notebook holds " + talks + " talks, not " + TALKS);
      }
    }

    @TearDown(Level.Trial)
    public void delete() {
      if (notebook != null) {
        notebook.close();
      }
      NotebookBuilder.deleteTree(dir);
    }
  }

  /** Which query comes next. */
  @State(Scope.Thread)
  public static class Cursor {
    private final String[] queries = SearchQueries.ALL.toArray(String[]::new);
    private int next;

    String next() {
      String q = queries[next];
      next = (next + 1) % queries.length;
      return q;
    }
  }

  @Benchmark
  public List<SearchHit> search(Store store, Cursor cursor) {
    return store.notebook.search().search(cursor.next(), SearchQueries.LIMIT);
  }
}
