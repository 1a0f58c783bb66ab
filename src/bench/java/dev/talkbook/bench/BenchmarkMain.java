package dev.talkbook.bench;

import dev.talkbook.bench.cli.CliStartGroup;
import dev.talkbook.bench.crash.CrashGroup;
import dev.talkbook.bench.markdown.MarkdownGroup;
import dev.talkbook.bench.repl.LibrariesGroup;
import dev.talkbook.bench.repl.ReplGroup;
import dev.talkbook.bench.revisions.RevisionsGroup;
import dev.talkbook.bench.schedule.ScheduleGroup;
import dev.talkbook.bench.site.SiteGroup;
import dev.talkbook.bench.startup.StartupGroup;
import dev.talkbook.bench.store.NotebookStoreGroup;
import dev.talkbook.bench.window.WindowKillGroup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the benchmark groups and writes their figures to {@code docs/benchmarks.md}: {@code
 * BenchmarkMain <benchmarks.md> [all | group,group…]}. The {@code bench} Maven profile runs it:
 * {@code ./mvnw -B -Pbench -DskipTests verify [-Dbench.args=group,…]}.
 */
public final class BenchmarkMain {
  /** How a run is started; the sections quote it. */
  public static final String COMMAND = "./mvnw -B -Pbench -DskipTests verify";

  private BenchmarkMain() {}

  /** Every group, in the order {@code all} runs them. */
  static Map<String, BenchmarkGroup> groups() {
    Map<String, BenchmarkGroup> groups = new LinkedHashMap<>();
    // One statement a group: a branch that adds a group adds one line.
    add(groups, new NotebookStoreGroup());
    add(groups, new StartupGroup());
    add(groups, new CliStartGroup());
    add(groups, new MarkdownGroup());
    add(groups, new ReplGroup());
    add(groups, new LibrariesGroup());
    add(groups, new SiteGroup());
    add(groups, new CrashGroup());
    add(groups, new WindowKillGroup());
    add(groups, new ScheduleGroup());
    add(groups, new RevisionsGroup());
    return groups;
  }

  private static void add(Map<String, BenchmarkGroup> groups, BenchmarkGroup group) {
    groups.put(group.name(), group);
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 2 || args[0].isBlank()) {
      System.err.println(
          "usage: BenchmarkMain <path to docs/benchmarks.md> [all | group,group…]; groups: "
              + String.join(", ", groups().keySet()));
      System.exit(2);
    }
    Path doc = Path.of(args[0]);
    String selection = args.length > 1 && !args[1].isBlank() ? args[1].strip() : "all";
    List<BenchmarkGroup> chosen = select(selection);
    if (chosen == null) {
      System.exit(2);
    }
    String command = COMMAND + (selection.equals("all") ? "" : " -Dbench.args=" + selection);
    Machine machine = Machine.describe();
    System.out.println("Benchmarks on " + machine.summary());
    for (BenchmarkGroup group : chosen) {
      System.out.println();
      System.out.println("=== " + group.name() + " ===");
      String body = group.run(RunInfo.startingNow(machine, command));
      BenchDoc.writeSection(doc, group.name(), body);
      System.out.println("=== " + group.name() + ": figures written to " + doc + " ===");
    }
    // JMH and SQLite may leave non-daemon threads behind; the run is over.
    System.exit(0);
  }

  /** The groups {@code selection} names, or null (after saying why) when it names unknown ones. */
  private static List<BenchmarkGroup> select(String selection) {
    Map<String, BenchmarkGroup> groups = groups();
    if (selection.equals("all")) {
      return List.copyOf(groups.values());
    }
    List<BenchmarkGroup> chosen = new ArrayList<>();
    for (String name : selection.split(",")) {
      String n = name.strip();
      if (n.isEmpty()) {
        continue;
      }
      BenchmarkGroup g = groups.get(n);
      if (g == null) {
        System.err.println(
            "Unknown benchmark group \""
                + n
                + "\"; the groups are: all, "
                + String.join(", ", groups.keySet()));
        return null;
      }
      if (!chosen.contains(g)) {
        chosen.add(g);
      }
    }
    if (chosen.isEmpty()) {
      System.err.println("Name at least one benchmark group, or all.");
      return null;
    }
    return chosen;
  }
}
