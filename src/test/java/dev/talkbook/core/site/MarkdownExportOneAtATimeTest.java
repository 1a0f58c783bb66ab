package dev.talkbook.core.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.talkbook.core.markdown.MarkdownRenderer;
import dev.talkbook.core.sample.SampleMeetup;
import dev.talkbook.core.store.Notebook;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Markdown export holds its folder as the site export does ({@link OutputFolder#hold}): while
 * one export writes into a folder, a second one, Markdown or site, is refused at once and the first
 * finishes; a killed export's hold ends with it, and what it left where it holds the folder does
 * not make the folder "not empty".
 */
class MarkdownExportOneAtATimeTest {
  @TempDir Path dir;
  private Notebook notebook;
  private Path md;

  @BeforeEach
  void open() {
    notebook = Notebook.open(dir.resolve("n.talkbook"));
    SampleMeetup.addTo(notebook);
    md = dir.resolve("md");
  }

  @AfterEach
  void close() {
    notebook.close();
  }

  private MarkdownExporter.Result export(Path folder) {
    return new MarkdownExporter()
        .export(notebook, folder, Set.of(), SiteExporter.Progress.NONE, () -> false);
  }

  private SiteExporter.Result exportSite(Path folder) {
    return new SiteExporter(new MarkdownRenderer())
        .export(
            notebook, folder, SiteExporter.Options.all(), SiteExporter.Progress.NONE, () -> false);
  }

  /** The files an export that was alone writes. */
  private java.util.Map<String, String> alone() throws Exception {
    Path reference = dir.resolve("reference");
    export(reference);
    return SiteExporterTest.tree(reference);
  }

  @Test
  @Timeout(120)
  void aSecondExportIntoAFolderAMarkdownExportIsWritingIntoIsRefusedAtOnceAndTheFirstFinishes()
      throws Exception {
    HeldExport<MarkdownExporter.Result> held = new HeldExport<>();
    SiteExporter.Progress stopAfterTheFirstTalk = (done, total, title) -> held.pause();
    held.start(
        () ->
            new MarkdownExporter()
                .export(notebook, md, Set.of(), stopAfterTheFirstTalk, () -> false),
        "first-markdown-export");
    try {
      assertThat(held.writing()).as("the first export writes").isTrue();
      java.util.Map<String, String> midway = SiteExporterTest.tree(md);

      assertThatThrownBy(() -> export(md))
          .isInstanceOf(SiteException.class)
          .hasMessage(HoldSiteFolder.busy(md));
      assertThatThrownBy(() -> exportSite(md))
          .isInstanceOf(SiteException.class)
          .hasMessage(HoldSiteFolder.busy(md));
      assertThat(SiteExporterTest.tree(md)).as("neither wrote anything").isEqualTo(midway);
    } finally {
      held.letGo();
    }

    assertThat(held.result().talks()).isPositive();
    assertThat(SiteExporterTest.tree(md)).isEqualTo(alone());
    assertThat(md.resolve(OutputFolder.STAGING)).doesNotExist();
  }

  @Test
  @Timeout(120)
  void aMarkdownExportBesideASiteExportIntoTheSameFolderIsRefusedAtOnce() throws Exception {
    Path site = dir.resolve("site");
    HeldExport<SiteExporter.Result> held = HeldExport.site(notebook, site, "site-export");
    try {
      assertThat(held.writing()).as("the site export writes").isTrue();

      assertThatThrownBy(() -> export(site))
          .isInstanceOf(SiteException.class)
          .hasMessage(HoldSiteFolder.busy(site));
    } finally {
      held.letGo();
    }
    assertThat(held.result().talks()).isPositive();
    assertThat(site.resolve("index.html")).exists();
  }

  @Test
  @Timeout(120)
  void anExportHeldByAnotherProcessIsRefusedAndAKilledOnesHoldEndsWithIt() throws Exception {
    Process holder = HoldSiteFolder.start(md);
    try {
      assertThatThrownBy(() -> export(md))
          .isInstanceOf(SiteException.class)
          .hasMessage(HoldSiteFolder.busy(md));
      assertThat(SiteExporterTest.tree(md).keySet())
          .as("nothing written")
          .containsExactly(OutputFolder.STAGING + "/" + OutputFolder.LOCK);
    } finally {
      holder.destroyForcibly(); // kill -9: nothing of its own is let go
      holder.waitFor(60, TimeUnit.SECONDS);
    }
    assertThat(md.resolve(OutputFolder.STAGING).resolve(OutputFolder.LOCK))
        .as("left by the killed one")
        .exists();

    MarkdownExporter.Result r = export(md);

    assertThat(r.talks()).isPositive();
    assertThat(SiteExporterTest.tree(md)).isEqualTo(alone());
    assertThat(md.resolve(OutputFolder.STAGING)).doesNotExist();
  }
}
