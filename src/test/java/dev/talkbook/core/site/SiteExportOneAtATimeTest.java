package dev.talkbook.core.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.talkbook.core.markdown.MarkdownRenderer;
import dev.talkbook.core.sample.SampleMeetup;
import dev.talkbook.core.store.Notebook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One export at a time writes into a folder: a second one (another window, the command line beside
 * the window) is refused at once and the first finishes; a killed export's hold does not outlive
 * it; and a folder named as the export's staging folder that Talkbook did not make is refused,
 * never emptied.
 */
class SiteExportOneAtATimeTest {
  @TempDir Path dir;
  private Notebook notebook;
  private Path site;

  @BeforeEach
  void open() {
    notebook = Notebook.open(dir.resolve("n.talkbook"));
    SampleMeetup.addTo(notebook);
    site = dir.resolve("site");
  }

  @AfterEach
  void close() {
    notebook.close();
  }

  private SiteExporter.Result export(Path folder) {
    return new SiteExporter(new MarkdownRenderer())
        .export(
            notebook, folder, SiteExporter.Options.all(), SiteExporter.Progress.NONE, () -> false);
  }

  /** The site an export that was alone makes. */
  private java.util.Map<String, String> alone() throws Exception {
    Path reference = dir.resolve("reference");
    export(reference);
    return SiteExporterTest.tree(reference);
  }

  @Test
  @Timeout(120)
  void aSecondExportIntoAFolderBeingWrittenIsRefusedAtOnceAndTheFirstFinishes() throws Exception {
    HeldExport<SiteExporter.Result> held = HeldExport.site(notebook, site, "first-export");
    try {
      assertThat(held.writing()).as("the first export writes").isTrue();

      assertThatThrownBy(() -> export(site))
          .isInstanceOf(SiteException.class)
          .hasMessage(HoldSiteFolder.busy(site));
    } finally {
      held.letGo();
    }

    assertThat(held.result().talks()).isPositive();
    assertThat(SiteExporterTest.tree(site)).isEqualTo(alone());
    // and the folder is free again
    assertThat(export(site).written()).isZero();
  }

  @Test
  @Timeout(120)
  void anExportHeldByAnotherProcessIsRefusedAndAKilledOnesHoldEndsWithIt() throws Exception {
    Process holder = HoldSiteFolder.start(site);
    try {
      assertThatThrownBy(() -> export(site))
          .isInstanceOf(SiteException.class)
          .hasMessageContaining("Another export is writing into " + site.toRealPath());
      assertThat(site.resolve("index.html")).doesNotExist();
      assertThat(site.resolve(Manifest.NAME)).doesNotExist();
    } finally {
      holder.destroyForcibly(); // kill -9: nothing of its own is let go
      holder.waitFor(60, TimeUnit.SECONDS);
    }
    assertThat(site.resolve(OutputFolder.STAGING).resolve(OutputFolder.LOCK))
        .as("left by the killed one")
        .exists();

    export(site);

    assertThat(SiteExporterTest.tree(site)).isEqualTo(alone());
    assertThat(site.resolve(OutputFolder.STAGING)).doesNotExist();
  }

  @Test
  void anExportThatEndedLetsTheNextOneInAtOnce() throws Exception {
    Process holder = HoldSiteFolder.start(site);
    holder.getOutputStream().close(); // it lets go and removes its staging folder
    assertThat(holder.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(holder.exitValue()).isZero();
    assertThat(site.resolve(OutputFolder.STAGING)).doesNotExist();

    export(site);

    assertThat(SiteExporterTest.tree(site)).isEqualTo(alone());
  }

  @Test
  void aFolderOfTheUsersOwnWhereTheExportStagesItsFilesIsRefusedAndKept() throws Exception {
    export(site);
    Path mine = site.resolve(OutputFolder.STAGING);
    Files.createDirectories(mine.resolve("drafts"));
    Files.writeString(mine.resolve("drafts/plan.txt"), "my plan");
    Files.writeString(mine.resolve("1.tmp"), "mine too");
    java.util.Map<String, String> before = SiteExporterTest.tree(site);
    notebook
        .talks()
        .rename(notebook.talks().list(notebook.events().list().get(0).id()).get(0).id(), "Renamed");

    assertThatThrownBy(() -> export(site))
        .isInstanceOf(SiteException.class)
        .hasMessage(
            site.toRealPath().resolve(OutputFolder.STAGING)
                + " is in the way: Talkbook writes each file of the site there first, and that"
                + " folder holds files Talkbook did not write. Move or rename it, then export"
                + " again.");

    assertThat(mine.resolve("drafts/plan.txt")).hasContent("my plan");
    assertThat(mine.resolve("1.tmp")).hasContent("mine too");
    assertThat(SiteExporterTest.tree(site)).isEqualTo(before);
  }

  @Test
  void aFileWhereTheExportStagesItsFilesIsRefusedAndKept() throws Exception {
    Files.createDirectories(site);
    Files.writeString(site.resolve(OutputFolder.STAGING), "a note of mine");

    assertThatThrownBy(() -> export(site))
        .isInstanceOf(SiteException.class)
        .hasMessageContaining(site.toRealPath().resolve(OutputFolder.STAGING) + " is in the way")
        .hasMessageContaining("is not a folder");

    assertThat(site.resolve(OutputFolder.STAGING)).hasContent("a note of mine");
    assertThat(site.resolve("index.html")).doesNotExist();
  }

  @Test
  void whatAnOlderTalkbooksKilledExportLeftWhereItStagesIsCleanedUp() throws Exception {
    Path staging = Files.createDirectories(site.resolve(OutputFolder.STAGING));
    Files.write(staging.resolve("17.tmp"), new byte[] {1, 2});
    Files.write(staging.resolve("placeholder.html"), SiteExporter.PLACEHOLDER);

    export(site);

    assertThat(SiteExporterTest.tree(site)).isEqualTo(alone());
    assertThat(staging).doesNotExist();
  }
}
