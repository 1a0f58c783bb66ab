package dev.talkbook.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.site.MarkdownImporter.FileResult;
import dev.talkbook.core.site.MarkdownImporter.Outcome;
import dev.talkbook.core.site.MarkdownImporter.Report;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.core.store.SearchIndexDamage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import's summary counts every file it found once, the same in a dry run and a real one: the
 * talks, the event files, the skipped and the failed add up to the files.
 */
class MarkdownImportCountsTest {
  @TempDir Path dir;
  private final MarkdownImporter importer = new MarkdownImporter();

  /**
   * Two good notes and a good {@code _index.md}; a bad {@code _index.md} (and its note, which fails
   * with it), a binary {@code .md}, a hidden folder and a link: 7 files to count, 3 imported.
   */
  private Path folder() throws Exception {
    Path md = dir.resolve("md");
    Path conf = Files.createDirectories(md.resolve("conf"));
    Files.writeString(conf.resolve("_index.md"), "---\ntitle: Conf 2026\ndate: 2026-05-01\n---\n");
    Files.writeString(conf.resolve("one.md"), "---\ntitle: Talk one\n---\nfirst\n");
    Files.writeString(conf.resolve("two.md"), "---\ntitle: Talk two\n---\nsecond\n");
    Files.write(conf.resolve("binary.md"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
    Path bad = Files.createDirectories(md.resolve("bad"));
    Files.writeString(bad.resolve("_index.md"), "---\ntitle: Bad\ndate: not a date\n---\n");
    Files.writeString(bad.resolve("three.md"), "---\ntitle: Talk three\n---\nthird\n");
    Path hidden = Files.createDirectories(md.resolve(".obsidian"));
    Files.writeString(hidden.resolve("workspace.md"), "# not a note\n");
    Files.createSymbolicLink(md.resolve("link.md"), Path.of("conf/one.md"));
    return md;
  }

  private static final String COUNTS =
      " 3 of 7 files: 2 new talks, 0 updated, 0 unchanged, 1 event file; 1 skipped, 3 failed;"
          + " 1 new event, 0 attachments";

  @Test
  void theSummaryCountsEachFileOnceAndTheDryRunCountsAsTheImport() throws Exception {
    Path md = folder();
    try (Notebook nb = Notebook.open(dir.resolve("a.talkbook"))) {
      Report dry = importer.importFolder(nb, md, true, SiteExporter.Progress.NONE);
      Report real = importer.importFolder(nb, md, false, SiteExporter.Progress.NONE);

      assertThat(dry.summary())
          .isEqualTo("Would import" + COUNTS + " (dry run: nothing was changed).");
      assertThat(real.summary()).isEqualTo("Imported" + COUNTS + ".");
      for (Report r : List.of(dry, real)) {
        assertThat(r.files())
            .extracting(FileResult::path)
            .containsExactly(
                "bad/_index.md",
                "bad/three.md",
                "conf/_index.md",
                "conf/binary.md",
                "conf/one.md",
                "conf/two.md",
                "link.md");
        assertThat(r.files())
            .extracting(FileResult::outcome)
            .containsExactly(
                Outcome.FAILED,
                Outcome.FAILED,
                Outcome.EVENT,
                Outcome.FAILED,
                Outcome.CREATED,
                Outcome.CREATED,
                Outcome.SKIPPED);
      }
      assertThat(dry.files().get(2).detail()).isEqualTo("new event \"Conf 2026\"");
      assertThat(nb.events().list()).extracting(Event::title).containsExactly("Conf 2026");
      assertThat(nb.talks().count()).isEqualTo(2);

      Report again = importer.importFolder(nb, md, false, SiteExporter.Progress.NONE);
      assertThat(again.summary())
          .isEqualTo(
              "Imported 3 of 7 files: 0 new talks, 0 updated, 2 unchanged, 1 event file;"
                  + " 1 skipped, 3 failed; 0 new events, 0 attachments.");
      assertThat(again.files().get(2).detail()).isEqualTo("event \"Conf 2026\"");
    }
  }

  @Test
  void aFolderWithOnlyAnEventFileImportsThatEvent() throws Exception {
    Path md = Files.createDirectories(dir.resolve("md/meetup"));
    Files.writeString(md.resolve("_index.md"), "---\ntitle: Spring Meetup\n---\n");
    try (Notebook nb = Notebook.open(dir.resolve("a.talkbook"))) {
      Report dry = importer.importFolder(nb, md.getParent(), true, SiteExporter.Progress.NONE);

      assertThat(dry.importsAny()).isTrue();
      assertThat(dry.summary()).startsWith("Would import 1 file: 0 new talks");
      assertThat(nb.events().list()).isEmpty();
    }
  }

  /**
   * A damaged search index makes the notebook run the import's transaction a second time (after
   * rebuilding the index): the files are still counted once.
   */
  @Test
  void anImportRunAgainAfterTheIndexIsRebuiltCountsEachFileOnce() throws Exception {
    Path file = dir.resolve("refusing.talkbook");
    try (Notebook nb = Notebook.open(file)) {
      Event e = nb.events().create(Event.Details.titled("Older"));
      nb.talks().create(e.id(), Talk.Details.titled("Already here"), "notes");
    }
    SearchIndexDamage.damageSoWritesFail(file);
    Path md = folder();
    try (Notebook nb = Notebook.open(file)) {
      Report real = importer.importFolder(nb, md, false, SiteExporter.Progress.NONE);

      assertThat(real.summary()).isEqualTo("Imported" + COUNTS + ".");
      assertThat(real.files()).hasSize(7);
      assertThat(nb.talks().count()).isEqualTo(3);
    }
  }
}
