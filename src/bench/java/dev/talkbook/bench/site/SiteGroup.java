package dev.talkbook.bench.site;

import dev.talkbook.bench.BenchmarkGroup;
import dev.talkbook.bench.RunInfo;
import dev.talkbook.bench.store.NotebookBuilder;
import dev.talkbook.bench.store.TalkCorpus;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.site.MarkdownExporter;
import dev.talkbook.core.site.MarkdownImporter;
import dev.talkbook.core.site.SiteExporter;
import dev.talkbook.core.store.Notebook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code site}: the static site export against Hugo on the same content. For N = 300, 1,000 and
 * 10,000 generated talks: write them as Markdown, import that folder into an empty notebook, then
 * time {@code talkbook export site} (a new JVM each time, as a user runs it; on the class path and,
 * when {@code target/package/image} holds it, the packaged app) against {@code hugo} building the
 * same Markdown with a minimal theme; then edit one talk and time the re-export into the same
 * folder. Each process's CPU time is taken too ({@code /usr/bin/time}), which a loaded machine
 * distorts less than the wall-clock time.
 */
public final class SiteGroup implements BenchmarkGroup {
  private static final int RUNS = 3;

  @Override
  public String name() {
    return "site";
  }

  /** One timed process: wall-clock and CPU (user + system) milliseconds. */
  private record Timed(long wallMs, long cpuMs) {}

  private record Figures(
      int talks,
      List<Long> bulkInsertMs,
      List<Long> importMs,
      List<Timed> talkbook,
      List<Timed> packaged,
      List<Timed> hugo,
      List<Timed> reexport,
      List<Timed> reexportPackaged,
      List<Long> reexportInProcess,
      long siteBytes,
      int files,
      long searchBytes) {}

  @Override
  public String run(RunInfo run) throws Exception {
    Path hugoBin = findHugo();
    Path packagedApp = packagedApp();
    Path work = Files.createTempDirectory("talkbook-bench-site");
    List<Figures> all = new ArrayList<>();
    try {
      for (int n : SIZES) {
        all.add(measure(work.resolve("n" + n), n, hugoBin, packagedApp));
      }
    } finally {
      NotebookBuilder.deleteTree(work);
    }
    StringBuilder b = new StringBuilder(run.preamble()).append("\n\n");
    b.append("| figure | Talkbook | Hugo ")
        .append(hugoVersion(hugoBin))
        .append(
            " | ratio | target | | CPU: Talkbook / Hugo |\n|---|---:|---:|---:|---:|---|---:|\n");
    for (Figures f : all) {
      double target = target(f.talks());
      row(
          b,
          "full export, %,d talks, class path".formatted(f.talks()),
          f.talkbook(),
          f.hugo(),
          target);
      if (!f.packaged().isEmpty()) {
        row(
            b,
            "full export, %,d talks, packaged app".formatted(f.talks()),
            f.packaged(),
            f.hugo(),
            target);
      }
    }
    for (Figures f : all) {
      boolean big = f.talks() == 10_000;
      reexportRow(
          b,
          "re-export after editing one talk, %,d talks, class path (new JVM)".formatted(f.talks()),
          f.reexport(),
          big);
      if (!f.reexportPackaged().isEmpty()) {
        reexportRow(b, "the same, packaged app".formatted(f.talks()), f.reexportPackaged(), big);
      }
      long inProcess = median(f.reexportInProcess());
      b.append(
          String.format(
              Locale.ROOT,
              "| the same re-export inside a running app (`SiteExporter.export`, warm) | %,d ms | | | %s | %s | |%n",
              inProcess,
              big ? "≤ 1,000 ms" : "—",
              big ? (inProcess <= 1000 ? "pass" : "**FAIL**") : ""));
    }
    for (Figures f : all) {
      b.append(
          String.format(
              Locale.ROOT,
              "| `import markdown` of the folder, %,d talks (`MarkdownImporter`, in process) | %,d ms | | | %s | %s | |%n",
              f.talks(),
              median(f.importMs()),
              f.talks() == 10_000 ? "≤ 5,000 ms" : "—",
              f.talks() == 10_000 ? (median(f.importMs()) <= 5000 ? "pass" : "**FAIL**") : ""));
    }
    for (Figures f : all) {
      b.append(
          String.format(
              Locale.ROOT,
              "| bulk insert of %,d talks (`Notebook.inBulk` + `TalkStore.createAll`, in process) | %,d ms | | | %s | %s | |%n",
              f.talks(),
              median(f.bulkInsertMs()),
              f.talks() == 10_000 ? "≤ 5,000 ms" : "—",
              f.talks() == 10_000 ? (median(f.bulkInsertMs()) <= 5000 ? "pass" : "**FAIL**") : ""));
    }
    for (Figures f : all) {
      b.append(
          String.format(
              Locale.ROOT,
              "| search index, %,d talks (`search-index.js` and its parts) | %,d KB, %,d bytes a talk | | | — | | |%n",
              f.talks(),
              f.searchBytes() / 1024,
              f.searchBytes() / f.talks()));
    }
    b.append("\n### How it was measured\n\n");
    b.append(
        "- Content: `TalkCorpus` (the store benchmark's generator: realistic outlines, code blocks,"
            + " tags) with 300, 1,000 and 10,000 talks (5 KB of notes each), put in a notebook with"
            + " `NotebookBuilder` (`inBulk` + `createAll`: the bulk insert above, timed from the"
            + " first talk to the full-text index built, the events made before), exported with"
            + " `MarkdownExporter`, then imported into an empty notebook (`MarkdownImporter`: read,"
            + " check and store every file; its time is above). Bulk insert and import: "
            + RUNS
            + " runs each into a new notebook in the benchmark's JVM, medians. Both tools"
            + " build from that same Markdown folder: Talkbook from the notebook it was imported"
            + " into, Hugo from the folder.\n");
    b.append(
        "- Talkbook: `java -cp <class path> dev.talkbook.Launcher --notebook N export site --out DIR`,"
            + " a new JVM per run (JVM start included), and the packaged app's `bin/talkbook` when"
            + " `target/package/image` holds one; into an empty folder. Hugo: `hugo --quiet"
            + " --source SITE --destination DIR` into an empty folder, with a minimal theme (base,"
            + " single, list and home templates that print the title, date, speakers, tags,"
            + " previous/next and `.Content`); Hugo's defaults otherwise (goldmark, Chroma"
            + " highlighting, RSS, tag pages, sitemap). "
            + RUNS
            + " runs each, interleaved with each round led by another of the three (a run right"
            + " after another's pays for the files that one just made), after one warm-up run of"
            + " each; medians. The ratio is of"
            + " wall-clock medians (the target); the last column compares CPU time (user + system,"
            + " `/usr/bin/time`), which other work on a loaded machine distorts less. Talkbook's"
            + " pages carry more (table of contents, permalinks, previous/next, search index) than"
            + " the minimal Hugo theme.\n");
    b.append(
        "- Re-export: after one talk's notes were changed (`saveBody`, a talk of the second newest"
            + " event), `export site` into the folder of the previous export; medians of "
            + RUNS
            + " edits. The in-process figure is the same call on a warm JVM, as the window makes it.\n");
    for (Figures f : all) {
      b.append(
          String.format(
              Locale.ROOT,
              "- %,d talks: site of %,d files, %,d KB. Wall-clock (CPU) ms:"
                  + " Talkbook %s; packaged %s; Hugo %s; re-export %s; packaged re-export %s;"
                  + " in-process re-export %s; bulk insert %s; import %s.%n",
              f.talks(),
              f.files(),
              f.siteBytes() / 1024,
              show(f.talkbook()),
              show(f.packaged()),
              show(f.hugo()),
              show(f.reexport()),
              show(f.reexportPackaged()),
              f.reexportInProcess(),
              f.bulkInsertMs(),
              f.importMs()));
    }
    return b.toString();
  }

  private static final int[] SIZES = {300, 1_000, 10_000};

  private static double target(int talks) {
    return talks <= 300 ? 1.0 : talks <= 1_000 ? 0.5 : 0.3;
  }

  private static void row(
      StringBuilder b, String what, List<Timed> tb, List<Timed> hugo, double target) {
    long wall = median(tb.stream().map(Timed::wallMs).toList());
    long hugoWall = median(hugo.stream().map(Timed::wallMs).toList());
    long cpu = median(tb.stream().map(Timed::cpuMs).toList());
    long hugoCpu = median(hugo.stream().map(Timed::cpuMs).toList());
    double ratio = (double) wall / hugoWall;
    b.append(
        String.format(
            Locale.ROOT,
            "| %s | %,d ms | %,d ms | %.2f× | ≤ %.1f× | %s | %,d / %,d ms = %.2f× |%n",
            what,
            wall,
            hugoWall,
            ratio,
            target,
            ratio <= target ? "pass" : "**FAIL**",
            cpu,
            hugoCpu,
            (double) cpu / Math.max(1, hugoCpu)));
  }

  private static void reexportRow(StringBuilder b, String what, List<Timed> runs, boolean big) {
    long wall = median(runs.stream().map(Timed::wallMs).toList());
    long cpu = median(runs.stream().map(Timed::cpuMs).toList());
    b.append(
        String.format(
            Locale.ROOT,
            "| %s | %,d ms | | | %s | %s | CPU %,d ms |%n",
            what,
            wall,
            big ? "≤ 1,000 ms" : "—",
            big ? (wall <= 1000 ? "pass" : "**FAIL**") : "",
            cpu));
  }

  private static String show(List<Timed> runs) {
    if (runs.isEmpty()) {
      return "—";
    }
    List<String> parts = new ArrayList<>();
    for (Timed t : runs) {
      parts.add(t.wallMs() + " (" + t.cpuMs() + ")");
    }
    return String.join(", ", parts);
  }

  private Figures measure(Path dir, int n, Path hugoBin, Path packagedApp) throws Exception {
    System.out.printf("site: %,d talks: generating%n", n);
    Files.createDirectories(dir);
    TalkCorpus corpus = TalkCorpus.generate(Math.max(10, n / 100), n, TalkCorpus.SEED);
    Path source = dir.resolve("source.talkbook");
    long t0;
    List<Long> bulkMs = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      Path file = i == 0 ? source : dir.resolve("bulk-" + i + ".talkbook");
      try (Notebook nb = Notebook.open(file)) {
        List<Long> events = NotebookBuilder.createEvents(nb, corpus);
        t0 = System.nanoTime();
        NotebookBuilder.createTalks(nb, corpus, events);
        bulkMs.add(ms(t0));
      }
      if (i > 0) {
        deleteNotebook(file);
      }
    }
    Path hugoSite = dir.resolve("hugo");
    Path content = hugoSite.resolve("content");
    try (Notebook nb = Notebook.open(source)) {
      new MarkdownExporter().export(nb, content, Set.of(), SiteExporter.Progress.NONE, () -> false);
    }
    writeHugoTheme(hugoSite);
    Path notebook = dir.resolve("imported.talkbook");
    List<Long> importMs = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      Path file = i == 0 ? notebook : dir.resolve("import-" + i + ".talkbook");
      try (Notebook nb = Notebook.open(file)) {
        t0 = System.nanoTime();
        MarkdownImporter.Report r =
            new MarkdownImporter().importFolder(nb, content, false, SiteExporter.Progress.NONE);
        importMs.add(ms(t0));
        if (!r.failures().isEmpty() || r.count(MarkdownImporter.Outcome.CREATED) != n) {
          throw new IllegalStateException("import failed: " + r.summary());
        }
      }
      if (i > 0) {
        deleteNotebook(file);
      }
    }
    System.out.printf(
        "site: %,d talks: bulk insert %s ms, imported in %s ms%n", n, bulkMs, importMs);
    List<Timed> talkbook = new ArrayList<>();
    List<Timed> packaged = new ArrayList<>();
    List<Timed> hugo = new ArrayList<>();
    // one warm-up of each (file cache, Hugo's own caches)
    talkbookExport(null, notebook, dir.resolve("warm-tb"));
    if (packagedApp != null) {
      talkbookExport(packagedApp, notebook, dir.resolve("warm-pk"));
    }
    hugoBuild(hugoBin, hugoSite, dir.resolve("warm-hugo"));
    for (int i = 0; i < RUNS; i++) {
      // Each round starts with another of the three: a run right after another's pays for the
      // files the other just made (the disk's directory and inode work, the page cache), so the
      // order must not favour one. Round 0: Talkbook, packaged, Hugo; round 1: packaged, Hugo, ...
      for (int k = 0; k < 3; k++) {
        switch ((i + k) % 3) {
          case 0 -> talkbook.add(talkbookExport(null, notebook, dir.resolve("tb-" + i)));
          case 1 -> {
            if (packagedApp != null) {
              packaged.add(talkbookExport(packagedApp, notebook, dir.resolve("pk-" + i)));
            }
          }
          default -> hugo.add(hugoBuild(hugoBin, hugoSite, dir.resolve("hugo-" + i)));
        }
      }
      System.out.printf(
          "site: %,d talks: talkbook %s, packaged %s, hugo %s%n",
          n, show(talkbook), show(packaged), show(hugo));
    }
    Path site = dir.resolve("tb-0");
    long[] size = {0, 0};
    int files;
    try (var s = Files.walk(site)) {
      List<Path> all = s.filter(Files::isRegularFile).toList();
      files = all.size();
      for (Path p : all) {
        size[0] += Files.size(p);
        String rel = site.relativize(p).toString();
        if (rel.equals("search-index.js") || rel.startsWith("search/")) {
          size[1] += Files.size(p);
        }
      }
    }
    List<Timed> reexport = new ArrayList<>();
    List<Timed> reexportPackaged = new ArrayList<>();
    List<Long> inProcess = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      editOneTalk(notebook, i);
      reexport.add(talkbookExport(null, notebook, site));
      if (packagedApp != null) {
        editOneTalk(notebook, RUNS + i);
        reexportPackaged.add(talkbookExport(packagedApp, notebook, dir.resolve("pk-0")));
      }
    }
    try (Notebook nb = Notebook.open(notebook)) {
      SiteExporter exporter = new SiteExporter(new dev.talkbook.core.markdown.MarkdownRenderer());
      exporter.export(
          nb, site, SiteExporter.Options.all(), SiteExporter.Progress.NONE, () -> false);
      for (int i = 0; i < RUNS; i++) {
        Talk t = nb.talks().list(nb.events().list().get(0).id()).get(i);
        nb.talks().saveBody(t.id(), t.body() + "\nEdited in process " + i + ".\n");
        t0 = System.nanoTime();
        SiteExporter.Result r =
            exporter.export(
                nb, site, SiteExporter.Options.all(), SiteExporter.Progress.NONE, () -> false);
        inProcess.add(ms(t0));
        if (r.written() > 5 || r.notesRead() > 1) {
          throw new IllegalStateException(
              "re-export wrote " + r.written() + " files, read " + r.notesRead() + " notes");
        }
      }
    }
    System.out.printf(
        "site: %,d talks: re-export %s, packaged %s, in process %s ms%n",
        n, show(reexport), show(reexportPackaged), inProcess);
    return new Figures(
        n,
        bulkMs,
        importMs,
        talkbook,
        packaged,
        hugo,
        reexport,
        reexportPackaged,
        inProcess,
        size[0],
        files,
        size[1]);
  }

  private static void deleteNotebook(Path file) throws IOException {
    for (String suffix : List.of("", "-wal", "-shm", "-journal", ".lock")) {
      Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
    }
  }

  private static void editOneTalk(Path notebook, int i) {
    try (Notebook nb = Notebook.open(notebook)) {
      Talk t = nb.talks().list(nb.events().list().get(1).id()).get(i);
      nb.talks().saveBody(t.id(), t.body() + "\nEdited " + i + ".\n");
    }
  }

  /** The packaged app's launcher, when {@code target/package/image} holds one. */
  private static Path packagedApp() {
    Path app = Path.of("target/package/image/talkbook/bin/talkbook");
    return Files.isExecutable(app) ? app.toAbsolutePath() : null;
  }

  /** {@code export site} in a new process: on the class path, or the packaged app when given. */
  private static Timed talkbookExport(Path packagedApp, Path notebook, Path out) throws Exception {
    List<String> cmd = new ArrayList<>();
    if (packagedApp == null) {
      cmd.addAll(
          List.of(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-cp",
              System.getProperty("java.class.path"),
              "dev.talkbook.Launcher"));
    } else {
      cmd.add(packagedApp.toString());
    }
    cmd.addAll(
        List.of("--notebook", notebook.toString(), "export", "site", "--out", out.toString()));
    return timed(cmd);
  }

  private static Timed hugoBuild(Path hugo, Path site, Path out) throws Exception {
    NotebookBuilder.deleteTree(out);
    return timed(
        List.of(
            hugo.toString(),
            "--quiet",
            "--source",
            site.toString(),
            "--destination",
            out.toString()));
  }

  /** Runs the command under {@code /usr/bin/time} for its CPU time; wall-clock time around it. */
  private static Timed timed(List<String> cmd) throws Exception {
    Path cpu = Files.createTempFile("talkbook-bench-cpu", ".txt");
    try {
      List<String> wrapped =
          new ArrayList<>(List.of("/usr/bin/time", "-f", "%U %S", "-o", cpu.toString()));
      wrapped.addAll(cmd);
      ProcessBuilder pb = new ProcessBuilder(wrapped).redirectErrorStream(true);
      pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
      long t0 = System.nanoTime();
      Process p = pb.start();
      if (!p.waitFor(20, TimeUnit.MINUTES) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException("failed: " + String.join(" ", cmd));
      }
      long wall = ms(t0);
      String[] f = Files.readString(cpu).strip().split("\\s+");
      long cpuMs =
          Math.round(
              (Double.parseDouble(f[f.length - 2]) + Double.parseDouble(f[f.length - 1])) * 1000);
      return new Timed(wall, cpuMs);
    } finally {
      Files.deleteIfExists(cpu);
    }
  }

  private static void writeHugoTheme(Path site) throws IOException {
    Files.writeString(
        site.resolve("config.toml"),
        "baseURL = \"/\"\ntitle = \"Talk notes\"\nrelativeURLs = true\n"
            + "[taxonomies]\n  tag = \"tags\"\n");
    Path layouts = Files.createDirectories(site.resolve("layouts/_default"));
    Files.writeString(
        layouts.resolve("baseof.html"),
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title>"
            + "</head><body><header><a href=\"{{ \"\" | relURL }}\">{{ .Site.Title }}</a></header>"
            + "<main>{{ block \"main\" . }}{{ end }}</main></body></html>\n");
    Files.writeString(
        layouts.resolve("single.html"),
        "{{ define \"main\" }}<article><h1>{{ .Title }}</h1><p>{{ .Date.Format \"2 January 2006\" }}"
            + " {{ with .Params.speakers }}{{ delimit . \", \" }}{{ end }}</p>"
            + "<ul>{{ range .Params.tags }}<li><a href=\"{{ (printf \"tags/%s\" (. | urlize)) | relURL }}\">{{ . }}</a></li>{{ end }}</ul>"
            + "{{ .Content }}{{ with .PrevInSection }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}"
            + "{{ with .NextInSection }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}"
            + "</article>{{ end }}\n");
    Files.writeString(
        layouts.resolve("list.html"),
        "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">"
            + "{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n");
    Files.writeString(
        site.resolve("layouts/index.html"),
        "{{ define \"main\" }}<ul>{{ range .Site.Sections }}<li><a href=\"{{ .RelPermalink }}\">"
            + "{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n");
  }

  private static Path findHugo() {
    for (String p : List.of("/usr/bin/hugo", "/usr/local/bin/hugo")) {
      if (Files.isExecutable(Path.of(p))) {
        return Path.of(p);
      }
    }
    throw new IllegalStateException("hugo is not installed: apt-get install hugo");
  }

  private static String hugoVersion(Path hugo) {
    try {
      Process p = new ProcessBuilder(hugo.toString(), "version").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).strip();
      p.waitFor();
      String[] words = out.split("\\s+");
      return words.length > 1 ? words[1].replaceFirst("\\+.*", "") : out;
    } catch (IOException | InterruptedException e) {
      return "";
    }
  }

  private static long ms(long t0) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
