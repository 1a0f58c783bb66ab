package dev.talkbook.bench.cli;

import dev.talkbook.bench.BenchmarkGroup;
import dev.talkbook.bench.RunInfo;
import dev.talkbook.bench.store.NotebookBuilder;
import dev.talkbook.bench.store.TalkCorpus;
import dev.talkbook.core.notebook.TalkSummary;
import dev.talkbook.core.store.Notebook;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * How soon a command answers: {@code talkbook info} and {@code talkbook search WORD}, a new process
 * each, through the packaged app (with and without its AOT cache) and on the class path, against
 * {@code grep} over the same notes as Markdown files. Timed by hyperfine (Debian's {@code
 * hyperfine}); skipped, with a note, where it is missing. The packaged rows need the app image
 * ({@code ./mvnw -B -Ppackage package -Dpackage.types=app-image}).
 */
public final class CliStartGroup implements BenchmarkGroup {
  static final int TALKS = 1_000;
  static final int RUNS = 20;
  static final double TARGET_SECONDS = 0.3;
  static final String WORD = "latency";
  static final Path IMAGE = Path.of("target/package/image/talkbook");

  @Override
  public String name() {
    return "cli";
  }

  /** One hyperfine result: medians and means in seconds. */
  record Timing(String name, double median, double user, double system) {
    double cpu() {
      return user + system;
    }
  }

  @Override
  public String run(RunInfo run) throws Exception {
    Path hyperfine = Path.of("/usr/bin/hyperfine");
    if (!Files.isExecutable(hyperfine)) {
      return run.preamble()
          + "\nSkipped: hyperfine is not installed (`apt-get install hyperfine`).\n";
    }
    Path dir = Files.createTempDirectory("talkbook-cli");
    try {
      Path notebook = dir.resolve("notes.talkbook");
      Path markdown = Files.createDirectories(dir.resolve("notes"));
      System.out.println("Building the " + TALKS + "-talk notebook…");
      TalkCorpus corpus = TalkCorpus.generate(20, TALKS, TalkCorpus.SEED);
      try (Notebook nb = Notebook.open(notebook)) {
        NotebookBuilder.createTalks(nb, corpus, NotebookBuilder.createEvents(nb, corpus));
        for (TalkSummary t : nb.talks().summaries()) {
          Files.writeString(
              markdown.resolve(t.id() + ".md"),
              nb.talks().get(t.id()).body(),
              StandardCharsets.UTF_8);
        }
      }
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      String cp = System.getProperty("java.class.path");
      String launcher = IMAGE.resolve("bin/talkbook").toAbsolutePath().toString();
      boolean packaged = Files.isExecutable(IMAGE.resolve("bin/talkbook"));

      List<String[]> commands = new ArrayList<>();
      if (packaged) {
        commands.add(
            new String[] {"packaged `info`", launcher + " --notebook " + notebook + " info"});
        commands.add(
            new String[] {
              "packaged `search " + WORD + "`",
              launcher + " --notebook " + notebook + " search " + WORD
            });
        commands.add(
            new String[] {
              "packaged `info` without its AOT cache",
              "env TALKBOOK_JAVA_OPTIONS=-XX:AOTMode=off "
                  + launcher
                  + " --notebook "
                  + notebook
                  + " info"
            });
      }
      commands.add(
          new String[] {
            "class path `info` (JDK " + Runtime.version().feature() + ")",
            java + " -cp " + cp + " dev.talkbook.Launcher --notebook " + notebook + " info"
          });
      commands.add(
          new String[] {
            "class path `search " + WORD + "`",
            java
                + " -cp "
                + cp
                + " dev.talkbook.Launcher --notebook "
                + notebook
                + " search "
                + WORD
          });
      commands.add(
          new String[] {
            "`grep -rli " + WORD + "` over the notes", "grep -rli " + WORD + " " + markdown
          });

      List<String> argv = new ArrayList<>(List.of(hyperfine.toString(), "-N", "--warmup", "3"));
      argv.addAll(List.of("--runs", String.valueOf(RUNS), "--ignore-failure", "--style", "basic"));
      argv.addAll(List.of("--export-json", dir.resolve("h.json").toString()));
      for (String[] c : commands) {
        argv.addAll(List.of("-n", c[0], c[1]));
      }
      Process p = new ProcessBuilder(argv).inheritIO().start();
      if (p.waitFor() != 0) {
        throw new IllegalStateException("hyperfine failed: " + String.join(" ", argv));
      }
      List<Timing> timings = parse(Files.readString(dir.resolve("h.json")));

      StringBuilder md = new StringBuilder(run.preamble());
      md.append(
          f(
              "\n%d talks (%.1f MB of notes), the same notes as %d Markdown files for `grep`.\n\n",
              TALKS, corpus.bodyChars() / 1e6, TALKS));
      md.append("| command | median (wall) | processor (user + system, mean) | target | |\n");
      md.append("|---|---:|---:|---:|---|\n");
      for (Timing t : timings) {
        boolean talkbook = !t.name().startsWith("`grep");
        boolean targeted = t.name().startsWith("packaged") && !t.name().contains("without");
        md.append(
            f(
                "| %s | %.0f ms | %.0f ms | %s | %s |\n",
                t.name(),
                t.median() * 1000,
                t.cpu() * 1000,
                targeted ? f("≤ %.0f ms", TARGET_SECONDS * 1000) : "—",
                targeted
                    ? (t.median() <= TARGET_SECONDS ? "pass" : "**FAIL**")
                    : talkbook ? "" : "baseline"));
      }
      if (!packaged) {
        md.append(
            "\nThe packaged app was not measured: build it first (`./mvnw -B -Ppackage package"
                + " -Dpackage.types=app-image`).\n");
      }
      md.append("\n### How it was measured\n\n");
      md.append(
          f(
              "- `hyperfine -N --warmup 3 --runs %d`: every run a new process, no shell; the"
                  + " notebook and the notes are in the OS file cache after the warm-up. Wall times"
                  + " are medians; the processor time (user + system, hyperfine's means) is the"
                  + " steadier figure on a shared, loaded machine: wall time there includes the"
                  + " time other processes held the two cores.\n",
              RUNS));
      md.append(
          "- The packaged app is the app image's `bin/talkbook` (a script starting the jlinked"
              + " JDK 25 runtime with the command line's AOT cache `lib/app/cli.aot`); \"without its"
              + " AOT cache\" adds `-XX:AOTMode=off` through `TALKBOOK_JAVA_OPTIONS` (the JDK's"
              + " classes archive only). The class path rows run `java -cp <the project's class"
              + " path> dev.talkbook.Launcher` on the JDK running the benchmark, with no"
              + " archive.\n");
      return md.toString();
    } finally {
      NotebookBuilder.deleteTree(dir);
    }
  }

  /** hyperfine's JSON export (JSON is YAML: SnakeYAML, already a dependency, reads it). */
  @SuppressWarnings("unchecked")
  static List<Timing> parse(String json) {
    Map<String, Object> root = new Yaml().load(json);
    List<Timing> out = new ArrayList<>();
    for (Map<String, Object> r : (List<Map<String, Object>>) root.get("results")) {
      out.add(
          new Timing(
              (String) r.get("command"),
              ((Number) r.get("median")).doubleValue(),
              ((Number) r.get("user")).doubleValue(),
              ((Number) r.get("system")).doubleValue()));
    }
    return out;
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
