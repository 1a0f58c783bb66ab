package dev.talkbook.bench.repl;

import dev.talkbook.bench.BenchmarkGroup;
import dev.talkbook.bench.RunInfo;
import dev.talkbook.core.repl.Libraries;
import dev.talkbook.core.repl.LibraryResolver;
import dev.talkbook.core.repl.ReplOptions;
import dev.talkbook.core.repl.ReplSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code //DEPS} against the real Maven Central (this group needs the network): resolving a library
 * with its dependencies into an empty local repository (cold), then again from the local repository
 * (cached), with {@link LibraryResolver} alone and through a {@link ReplSession} to the first value
 * that uses the library.
 */
public final class LibrariesGroup implements BenchmarkGroup {
  static final String LIBRARY = "com.fasterxml.jackson.core:jackson-databind:2.17.2";
  static final int RUNS = 5;

  @Override
  public String name() {
    return "libraries";
  }

  @Override
  public String run(RunInfo run) throws Exception {
    List<Double> cold = new ArrayList<>();
    List<Double> cached = new ArrayList<>();
    List<Double> sessionCold = new ArrayList<>();
    List<Double> sessionCached = new ArrayList<>();
    int jars = 0;
    long bytes = 0;
    Libraries.Coordinate library = Libraries.Coordinate.parse(LIBRARY);
    for (int i = 0; i < RUNS; i++) {
      Path local = Files.createTempDirectory("talkbook-bench-m2");
      try {
        LibraryResolver.Options options =
            LibraryResolver.Options.fromUserSettings().withLocalRepository(local);
        System.out.println("Resolver, cold and cached " + (i + 1) + "/" + RUNS + "…");
        try (LibraryResolver resolver = new LibraryResolver(options)) {
          long t0 = System.nanoTime();
          LibraryResolver.Resolution r = resolver.resolve(List.of(library), List.of(), null);
          cold.add(ms(t0));
          jars = r.artifacts().size();
          bytes = r.downloadedBytes();
          t0 = System.nanoTime();
          LibraryResolver.Resolution again = resolver.resolve(List.of(library), List.of(), null);
          cached.add(ms(t0));
          if (again.downloadedBytes() != 0) {
            throw new IllegalStateException("The cached resolution downloaded something");
          }
        }
        deleteTree(local);
        Files.createDirectories(local);
        System.out.println("Session, cold and cached " + (i + 1) + "/" + RUNS + "…");
        String code =
            "//DEPS "
                + LIBRARY
                + "\nnew com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(List.of(1, 2))";
        for (List<Double> into : List.of(sessionCold, sessionCached)) {
          try (ReplSession session =
              ReplSession.start(ReplOptions.defaults().withLibraries(options))) {
            session.ready().get(60, TimeUnit.SECONDS);
            long t0 = System.nanoTime();
            String value = session.evaluate(code).get(120, TimeUnit.SECONDS).last().value();
            into.add(ms(t0));
            if (!"\"[1,2]\"".equals(value)) {
              throw new IllegalStateException("Unexpected value " + value);
            }
          }
        }
      } finally {
        deleteTree(local);
      }
    }
    StringBuilder md = new StringBuilder(run.preamble());
    md.append(
        String.format(
            Locale.ROOT,
            "\n`//DEPS %s`: %d jars, %.1f MB from Maven Central.\n\n"
                + "| figure | median of %d | min | max |\n|---|---:|---:|---:|\n",
            LIBRARY,
            jars,
            bytes / 1e6,
            RUNS));
    md.append(row("resolve, cold (empty local repository, downloads)", cold));
    md.append(row("resolve, cached (all in the local repository, no request)", cached));
    md.append(row("REPL: `//DEPS` + first use → value, cold", sessionCold));
    md.append(row("REPL: `//DEPS` + first use → value, cached", sessionCached));
    md.append("\n### How it was measured\n\n");
    md.append(
        "- Resolver: a fresh `LibraryResolver` with the user's Maven settings but an empty temporary"
            + " local repository resolves the library and its runtime dependencies (cold: every"
            + " POM and jar downloaded), then the same again (cached: tried offline first, found"
            + " locally, no network).\n"
            + "- REPL: a started `ReplSession` evaluates `//DEPS …` and a line that uses the"
            + " library, timed from `evaluate` to the value (resolution, class path, compile, run);"
            + " cold with an emptied local repository, cached in a second session over the filled"
            + " one.\n"
            + "- Real network: figures depend on the connection to Maven Central at the time.\n");
    return md.toString();
  }

  private static String row(String name, List<Double> ms) {
    double[] a = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return String.format(
        Locale.ROOT,
        "| %s | %.0f ms | %.0f ms | %.0f ms |\n",
        name,
        a[a.length / 2],
        a[0],
        a[a.length - 1]);
  }

  private static double ms(long t0) {
    return (System.nanoTime() - t0) / 1e6;
  }

  private static void deleteTree(Path root) throws java.io.IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
