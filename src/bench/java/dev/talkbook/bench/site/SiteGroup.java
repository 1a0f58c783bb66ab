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
 * {@code site}: the static site export against Hugo on the same content. For N = 1,000 and 10,000
 * generated talks: write them as Markdown, import that folder into an empty notebook, then time
 * {@code talkbook export site} (a new JVM each time, as a user runs it) against {@code hugo}
 * building the same Markdown with a minimal theme; then edit one talk and time the re-export into
 * the same folder.
 */
public final class SiteGroup implements BenchmarkGroup {
  private static final int RUNS = 3;

  @Override
  public String name() {
    return "site";
  }

  private record Figures(
      int talks,
      long importMs,
      List<Long> talkbook,
      List<Long> hugo,
      List<Long> reexport,
      List<Long> reexportInProcess,
      long siteBytes,
      int files) {}

  @Override
  public String run(RunInfo run) throws Exception {
    Path hugoBin = findHugo();
    Path work = Files.createTempDirectory("talkbook-bench-site");
    List<Figures> all = new ArrayList<>();
    try {
      for (int n : new int[] {1_000, 10_000}) {
        all.add(measure(work.resolve("n" + n), n, hugoBin));
      }
    } finally {
      NotebookBuilder.deleteTree(work);
    }
    StringBuilder b = new StringBuilder(run.preamble()).append("\n\n");
    b.append("| figure | Talkbook | Hugo ")
        .append(hugoVersion(hugoBin))
        .append(" | ratio | target | |\n|---|---:|---:|---:|---:|---|\n");
    for (Figures f : all) {
      long tb = median(f.talkbook());
      long hu = median(f.hugo());
      double ratio = (double) tb / hu;
      double target = f.talks() == 1_000 ? 0.5 : 0.3;
      b.append(
          String.format(
              Locale.ROOT,
              "| full export, %,d talks | %,d ms | %,d ms | %.2f× | ≤ %.1f× | %s |%n",
              f.talks(),
              tb,
              hu,
              ratio,
              target,
              ratio <= target ? "pass" : "**FAIL**"));
    }
    for (Figures f : all) {
      long re = median(f.reexport());
      b.append(
          String.format(
              Locale.ROOT,
              "| re-export after editing one talk, %,d talks (`talkbook export site`, new JVM) | %,d ms | | | %s | %s |%n",
              f.talks(),
              re,
              f.talks() == 10_000 ? "≤ 1,000 ms" : "—",
              f.talks() == 10_000 ? (re <= 1000 ? "pass" : "**FAIL**") : ""));
      long inProcess = median(f.reexportInProcess());
      b.append(
          String.format(
              Locale.ROOT,
              "| the same re-export inside a running app (`SiteExporter.export`, warm) | %,d ms | | | %s | %s |%n",
              inProcess,
              f.talks() == 10_000 ? "≤ 1,000 ms" : "—",
              f.talks() == 10_000 ? (inProcess <= 1000 ? "pass" : "**FAIL**") : ""));
    }
    for (Figures f : all) {
      b.append(
          String.format(
              Locale.ROOT,
              "| import of the Markdown folder, %,d talks (one transaction) | %,d ms | | | — | |%n",
              f.talks(),
              f.importMs()));
    }
    b.append("\n### How it was measured\n\n");
    b.append(
        "- Content: `TalkCorpus` (the store benchmark's generator: realistic outlines, code blocks,"
            + " tags) with 1,000 and 10,000 talks, exported with `talkbook export markdown` code"
            + " (`MarkdownExporter`), then imported into an empty notebook (`MarkdownImporter`, one"
            + " transaction; its time is above). Both tools build from that same Markdown folder:"
            + " Talkbook from the notebook it was imported into, Hugo from the folder.\n");
    b.append(
        "- Talkbook: `java -cp <class path> dev.talkbook.Launcher --notebook N export site --out DIR`,"
            + " a new JVM per run, into an empty folder (JVM start included). Hugo: `hugo --quiet"
            + " --source SITE --destination DIR` into an empty folder, with a minimal theme (base,"
            + " single, list and home templates that print the title, date, speakers, tags,"
            + " previous/next and `.Content`); Hugo's defaults otherwise (goldmark, Chroma highlighting, RSS, tag"
            + " pages, sitemap). "
            + RUNS
            + " runs each, interleaved; medians. Talkbook's pages carry more (table of contents,"
            + " permalinks, previous/next, search index) than the minimal Hugo theme.\n");
    b.append(
        "- Re-export: after one talk's notes were changed (`saveBody`), `export site` into the"
            + " folder of the previous export; medians of "
            + RUNS
            + " edits. The in-process figure is the same call on a warm JVM, as the window makes it.\n");
    for (Figures f : all) {
      b.append(
          String.format(
              Locale.ROOT,
              "- %,d talks: site of %,d files, %,d KB. All runs (ms): Talkbook %s; Hugo %s;"
                  + " re-export %s; in-process re-export %s.%n",
              f.talks(),
              f.files(),
              f.siteBytes() / 1024,
              f.talkbook(),
              f.hugo(),
              f.reexport(),
              f.reexportInProcess()));
    }
    return b.toString();
  }

  private Figures measure(Path dir, int n, Path hugoBin) throws Exception {
    System.out.printf("site: %,d talks: generating%n", n);
    Files.createDirectories(dir);
    TalkCorpus corpus = TalkCorpus.generate(Math.max(10, n / 100), n, TalkCorpus.SEED);
    Path source = dir.resolve("source.talkbook");
    NotebookBuilder.build(source, corpus);
    Path hugoSite = dir.resolve("hugo");
    Path content = hugoSite.resolve("content");
    try (Notebook nb = Notebook.open(source)) {
      new MarkdownExporter().export(nb, content, Set.of(), SiteExporter.Progress.NONE, () -> false);
    }
    writeHugoTheme(hugoSite);
    Path notebook = dir.resolve("imported.talkbook");
    long importMs;
    try (Notebook nb = Notebook.open(notebook)) {
      long t0 = System.nanoTime();
      MarkdownImporter.Report r =
          new MarkdownImporter().importFolder(nb, content, false, SiteExporter.Progress.NONE);
      importMs = ms(t0);
      if (!r.failures().isEmpty() || r.count(MarkdownImporter.Outcome.CREATED) != n) {
        throw new IllegalStateException("import failed: " + r.summary());
      }
    }
    System.out.printf("site: %,d talks: imported in %,d ms%n", n, importMs);
    List<Long> talkbook = new ArrayList<>();
    List<Long> hugo = new ArrayList<>();
    // one warm-up of each (file cache, Hugo's own caches)
    talkbookExport(notebook, dir.resolve("warm-tb"));
    hugoBuild(hugoBin, hugoSite, dir.resolve("warm-hugo"));
    for (int i = 0; i < RUNS; i++) {
      talkbook.add(talkbookExport(notebook, dir.resolve("tb-" + i)));
      hugo.add(hugoBuild(hugoBin, hugoSite, dir.resolve("hugo-" + i)));
      System.out.printf("site: %,d talks: talkbook %s ms, hugo %s ms%n", n, talkbook, hugo);
    }
    Path site = dir.resolve("tb-0");
    long[] size = {0};
    int files;
    try (var s = Files.walk(site)) {
      List<Path> all = s.filter(Files::isRegularFile).toList();
      files = all.size();
      for (Path p : all) {
        size[0] += Files.size(p);
      }
    }
    List<Long> reexport = new ArrayList<>();
    List<Long> inProcess = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      editOneTalk(notebook, i);
      reexport.add(talkbookExport(notebook, site));
    }
    try (Notebook nb = Notebook.open(notebook)) {
      SiteExporter exporter = new SiteExporter(new dev.talkbook.core.markdown.MarkdownRenderer());
      exporter.export(
          nb, site, SiteExporter.Options.all(), SiteExporter.Progress.NONE, () -> false);
      for (int i = 0; i < RUNS; i++) {
        Talk t = nb.talks().list(nb.events().list().get(0).id()).get(i);
        nb.talks().saveBody(t.id(), t.body() + "\nEdited in process " + i + ".\n");
        long t0 = System.nanoTime();
        SiteExporter.Result r =
            exporter.export(
                nb, site, SiteExporter.Options.all(), SiteExporter.Progress.NONE, () -> false);
        inProcess.add(ms(t0));
        if (r.written() > 5) {
          throw new IllegalStateException("re-export wrote " + r.written() + " files");
        }
      }
    }
    System.out.printf(
        "site: %,d talks: re-export %s ms, in process %s ms%n", n, reexport, inProcess);
    return new Figures(n, importMs, talkbook, hugo, reexport, inProcess, size[0], files);
  }

  private static void editOneTalk(Path notebook, int i) {
    try (Notebook nb = Notebook.open(notebook)) {
      Talk t = nb.talks().list(nb.events().list().get(1).id()).get(i);
      nb.talks().saveBody(t.id(), t.body() + "\nEdited " + i + ".\n");
    }
  }

  private static long talkbookExport(Path notebook, Path out) throws Exception {
    List<String> cmd =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            "dev.talkbook.Launcher",
            "--notebook",
            notebook.toString(),
            "export",
            "site",
            "--out",
            out.toString());
    return timed(cmd, null);
  }

  private static long hugoBuild(Path hugo, Path site, Path out) throws Exception {
    NotebookBuilder.deleteTree(out);
    return timed(
        List.of(
            hugo.toString(),
            "--quiet",
            "--source",
            site.toString(),
            "--destination",
            out.toString()),
        null);
  }

  private static long timed(List<String> cmd, Path dir) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    long t0 = System.nanoTime();
    Process p = pb.start();
    if (!p.waitFor(20, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("failed: " + String.join(" ", cmd));
    }
    return ms(t0);
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
