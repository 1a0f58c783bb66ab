package dev.talkbook.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.cli.ChildTalkbook;
import dev.talkbook.core.markdown.MarkdownRenderer;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of {@code talkbook export site} while it writes, into an empty folder and over an earlier
 * export: the folder left has no link that leads nowhere, and the next export makes the site an
 * export that was not killed makes.
 */
class SiteExportKillTest {
  @TempDir Path dir;

  @Test
  @Timeout(600)
  void aKilledExportLeavesASiteWhoseLinksAllLeadSomewhere() throws Exception {
    Path nb = dir.resolve("n.talkbook");
    Path before = dir.resolve("before");
    try (Notebook notebook = Notebook.open(nb)) {
      GeneratedNotebook.fill(notebook, 400, 40);
      export(notebook, before);
      // edits for the re-export: talks renamed (new pages, old ones redirects), a tag renamed
      List<Talk> talks = notebook.talks().list(notebook.events().list().get(1).id());
      for (int i = 0; i < talks.size(); i += 3) {
        notebook.talks().rename(talks.get(i).id(), "Renamed " + i);
      }
      notebook.talks().renameTag("tools", "tooling");
    }
    Path whole = dir.resolve("whole");
    Path wholeAgain = dir.resolve("whole-again");
    copy(before, wholeAgain);
    try (Notebook notebook = Notebook.open(nb)) {
      export(notebook, whole);
    }
    // into an empty folder, and over the earlier export (which leaves redirects at renamed talks'
    // old addresses); the latter not killed: how long its writing takes here
    Map<String, String> fresh = SiteExporterTest.tree(whole);
    long writingMillis = run(nb, wholeAgain, -1);
    Map<String, String> again = SiteExporterTest.tree(wholeAgain);

    Random random = new Random();
    int cycles = Integer.getInteger("site.kill.cycles", 4);
    int killedWhileWriting = 0;
    for (int cycle = 0; cycle < cycles; cycle++) {
      Path site = dir.resolve("site-" + cycle);
      if (cycle % 2 == 1) {
        copy(before, site);
      }
      long ran = run(nb, site, (long) (random.nextDouble() * writingMillis));
      if (ran < 0) {
        killedWhileWriting++;
      }
      assertThat(SiteExportLinks.broken(site)).as("after the kill in cycle %d", cycle).isEmpty();
      try (Notebook notebook = Notebook.open(nb)) {
        export(notebook, site);
      }
      assertThat(SiteExporterTest.tree(site))
          .as("finished after cycle %d", cycle)
          .isEqualTo(cycle % 2 == 1 ? again : fresh);
    }
    System.out.println("site export kills while writing: " + killedWhileWriting + " of " + cycles);
  }

  private static void export(Notebook notebook, Path folder) {
    new SiteExporter(new MarkdownRenderer())
        .export(
            notebook, folder, SiteExporter.Options.all(), SiteExporter.Progress.NONE, () -> false);
  }

  /**
   * Runs {@code export site} into {@code site} in a child JVM; once it starts writing (its staging
   * folder appears), kills it after {@code killAfter} ms (never when negative). Returns how long
   * its writing took when it ended by itself, else -1.
   */
  private static long run(Path nb, Path site, long killAfter) throws Exception {
    Process p =
        new ProcessBuilder(
                ChildTalkbook.command(
                    "--notebook", nb.toString(), "export", "site", "--out", site.toString()))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    Path staging = site.resolve(OutputFolder.STAGING);
    while (p.isAlive() && !Files.exists(staging)) {
      p.waitFor(2, TimeUnit.MILLISECONDS);
    }
    long started = System.nanoTime();
    if (killAfter >= 0 && p.isAlive()) {
      if (!p.waitFor(killAfter, TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        p.waitFor(60, TimeUnit.SECONDS);
        return -1;
      }
    }
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
  }

  private static void copy(Path from, Path to) throws IOException {
    try (var s = Files.walk(from)) {
      for (Path f : s.toList()) {
        Path t = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(t);
        } else {
          Files.copy(f, t);
        }
      }
    }
  }
}
