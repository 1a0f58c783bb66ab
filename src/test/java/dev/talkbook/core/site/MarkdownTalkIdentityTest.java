package dev.talkbook.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.site.MarkdownImporter.FileResult;
import dev.talkbook.core.site.MarkdownImporter.Outcome;
import dev.talkbook.core.site.MarkdownImporter.Report;
import dev.talkbook.core.store.Notebook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exported file names its talk ({@code talkbook_id}), so that importing it again updates that
 * talk whatever was changed in the file outside Talkbook (Obsidian, an editor): its title, its
 * event. A copy of the file is a new talk, and said to be one.
 */
class MarkdownTalkIdentityTest {
  @TempDir Path dir;

  private Path exported(Notebook nb) {
    Path md = dir.resolve("md");
    new MarkdownExporter().export(nb, md, Set.of(), SiteExporter.Progress.NONE, () -> false);
    return md;
  }

  private static FileResult line(Report report, String path) {
    return report.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
  }

  @Test
  void aTitleChangedOutsideRenamesTheTalkAndACopyOfTheFileIsANewTalk() throws IOException {
    try (Notebook nb = Notebook.open(dir.resolve("nb.talkbook"))) {
      Event meetup = nb.events().create(Event.Details.titled("Meetup"));
      Talk loom = nb.talks().create(meetup.id(), Talk.Details.titled("Loom"), "Old notes\n");
      nb.talks().star(loom.id(), true);
      Path md = exported(nb);
      Path file = md.resolve("meetup/01-loom.md");
      String text = Files.readString(file);
      assertThat(text)
          .contains("talkbook_id: " + loom.id() + "-" + loom.createdAt().toEpochMilli() + "\n");
      Files.writeString(
          file,
          text.replace("title: Loom\n", "title: Loom renamed in Obsidian\n")
              .replace("Old notes\n", "New notes\n"));
      Files.writeString(
          md.resolve("meetup/02-copy of loom.md"), text.replace("title: Loom\n", "title: Copy\n"));

      Report dry = MarkdownFolders.dryRunThenImport(nb, md);

      assertThat(line(dry, "meetup/01-loom.md"))
          .isEqualTo(
              new FileResult(
                  "meetup/01-loom.md",
                  Outcome.UPDATED,
                  "renamed: \"Loom\" → \"Loom renamed in Obsidian\", talk "
                      + loom.id()
                      + " in \"Meetup\""));
      assertThat(line(dry, "meetup/02-copy of loom.md"))
          .isEqualTo(
              new FileResult(
                  "meetup/02-copy of loom.md",
                  Outcome.CREATED,
                  "new talk in \"Meetup\": meetup/01-loom.md is talk "
                      + loom.id()
                      + " already (this file's talkbook_id names it too: a copy?)"));
      Talk renamed = nb.talks().get(loom.id());
      assertThat(renamed.title()).isEqualTo("Loom renamed in Obsidian");
      assertThat(renamed.body()).isEqualTo("New notes\n");
      assertThat(nb.talks().list(meetup.id()))
          .extracting(Talk::title)
          .containsExactly("Loom renamed in Obsidian", "Copy");
      // the id is the file's, not the notes': it is not kept in them
      assertThat(nb.talks().findByTitle("Copy").get(0).body()).isEqualTo("Old notes\n");

      Report again = new MarkdownImporter().importFolder(nb, md, false, SiteExporter.Progress.NONE);
      assertThat(again.count(Outcome.UNCHANGED)).isEqualTo(2);
    }
  }

  @Test
  void aFileGivenAnotherEventMovesItsTalkThere() throws IOException {
    try (Notebook nb = Notebook.open(dir.resolve("nb.talkbook"))) {
      Event meetup = nb.events().create(Event.Details.titled("Meetup"));
      Event summit = nb.events().create(Event.Details.titled("Summit"));
      Talk loom = nb.talks().create(meetup.id(), Talk.Details.titled("Loom"), "notes\n");
      nb.talks().create(summit.id(), Talk.Details.titled("Keynote"), "");
      Path md = exported(nb);
      Path file = md.resolve("meetup/01-loom.md");
      Files.writeString(
          file,
          Files.readString(file)
              .replace("event: Meetup\n", "event: Summit\n")
              .replace("title: Loom\n", "title: Loom, again\n"));

      Report report =
          new MarkdownImporter().importFolder(nb, md, false, SiteExporter.Progress.NONE);

      assertThat(line(report, "meetup/01-loom.md").detail())
          .isEqualTo(
              "renamed: \"Loom\" → \"Loom, again\", talk "
                  + loom.id()
                  + " in \"Summit\", moved from \"Meetup\"");
      assertThat(nb.talks().list(meetup.id())).isEmpty();
      assertThat(nb.talks().list(summit.id()))
          .extracting(Talk::title)
          .containsExactly("Keynote", "Loom, again");
    }
  }

  @Test
  void anotherNotebooksTalkOfTheSameIdIsNotTakenForTheFilesTalk() throws IOException {
    Path md;
    try (Notebook a = Notebook.open(dir.resolve("a.talkbook"))) {
      Event meetup = a.events().create(Event.Details.titled("Meetup"));
      a.talks().create(meetup.id(), Talk.Details.titled("Loom"), "a's notes\n");
      md = exported(a);
    }
    try (Notebook b = Notebook.open(dir.resolve("b.talkbook"))) {
      Event meetup = b.events().create(Event.Details.titled("Meetup"));
      Talk other = b.talks().create(meetup.id(), Talk.Details.titled("Other"), "b's notes\n");

      Report report = new MarkdownImporter().importFolder(b, md, false, SiteExporter.Progress.NONE);

      assertThat(report.count(Outcome.CREATED)).isEqualTo(1);
      assertThat(b.talks().get(other.id()).title()).isEqualTo("Other");
      assertThat(b.talks().get(other.id()).body()).isEqualTo("b's notes\n");
      assertThat(b.talks().findByTitle("Loom").get(0).body()).isEqualTo("a's notes\n");
    }
  }

  @Test
  void aTalkbookIdNotWrittenAsTheExportWritesItIsSaid() throws IOException {
    Path md = dir.resolve("md");
    MarkdownFolders.write(md.resolve("01-a.md"), "---\ntitle: A\ntalkbook_id: six\n---\n");
    try (Notebook nb = Notebook.open(dir.resolve("nb.talkbook"))) {
      Report report =
          new MarkdownImporter().importFolder(nb, md, false, SiteExporter.Progress.NONE);
      assertThat(report.failures())
          .containsExactly(
              new FileResult(
                  "01-a.md",
                  Outcome.FAILED,
                  "invalid front matter: \"talkbook_id\" must be as the export wrote it (like"
                      + " 6-1764000000000), not \"six\"; remove that line to match the file to a"
                      + " talk by its title"));
    }
  }

  /**
   * A file without talkbook_id whose title is that of a talk another file names by its id does not
   * take that talk, whichever of the two sorts first.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"00-loom.md", "02-loom.md"})
  void aFileWithoutAnIdDoesNotTakeATalkAnotherFileNamesByItsId(String withoutId)
      throws IOException {
    try (Notebook nb = Notebook.open(dir.resolve("nb.talkbook"))) {
      Event meetup = nb.events().create(Event.Details.titled("Meetup"));
      Talk loom = nb.talks().create(meetup.id(), Talk.Details.titled("Loom"), "Old notes\n");
      Path md = exported(nb);
      Path file = md.resolve("meetup/01-loom.md");
      Files.writeString(file, Files.readString(file).replace("title: Loom\n", "title: Loom 2\n"));
      Files.writeString(
          md.resolve("meetup/" + withoutId), "---\ntitle: Loom\nevent: Meetup\n---\nOther\n");

      Report report =
          new MarkdownImporter().importFolder(nb, md, false, SiteExporter.Progress.NONE);

      assertThat(line(report, "meetup/01-loom.md").outcome()).isEqualTo(Outcome.UPDATED);
      assertThat(line(report, "meetup/" + withoutId))
          .isEqualTo(
              new FileResult("meetup/" + withoutId, Outcome.CREATED, "new talk in \"Meetup\""));
      assertThat(nb.talks().get(loom.id()).title()).isEqualTo("Loom 2");
      assertThat(nb.talks().get(loom.id()).body()).isEqualTo("Old notes\n");
      assertThat(nb.talks().findByTitle("Loom")).extracting(Talk::body).containsExactly("Other\n");
    }
  }

  @Test
  void aCopyThatSortsBeforeItsOriginalIsTheNewTalk() throws IOException {
    try (Notebook nb = Notebook.open(dir.resolve("nb.talkbook"))) {
      Event meetup = nb.events().create(Event.Details.titled("Meetup"));
      Talk loom = nb.talks().create(meetup.id(), Talk.Details.titled("Loom"), "Old notes\n");
      Path md = exported(nb);
      Path file = md.resolve("meetup/01-loom.md");
      String text = Files.readString(file);
      Files.writeString(file, text.replace("Old notes\n", "New notes\n"));
      Files.writeString(md.resolve("meetup/00-loom copy.md"), text);

      Report report =
          new MarkdownImporter().importFolder(nb, md, false, SiteExporter.Progress.NONE);

      assertThat(line(report, "meetup/01-loom.md").outcome()).isEqualTo(Outcome.UPDATED);
      assertThat(line(report, "meetup/00-loom copy.md"))
          .isEqualTo(
              new FileResult(
                  "meetup/00-loom copy.md",
                  Outcome.CREATED,
                  "new talk in \"Meetup\": meetup/01-loom.md is talk "
                      + loom.id()
                      + " already (this file's talkbook_id names it too: a copy?)"));
      assertThat(nb.talks().get(loom.id()).body()).isEqualTo("New notes\n");
    }
  }

  /**
   * Files are stored while the ones after them are read, until one could depend on another's
   * talkbook_id: a file of a new event before them is stored, and a file without talkbook_id after
   * it still does not take the talk a later file names.
   */
  @Test
  void aFileAfterOthersAlreadyStoredDoesNotTakeATalkALaterFileNames() throws IOException {
    try (Notebook nb = Notebook.open(dir.resolve("nb.talkbook"))) {
      Event meetup = nb.events().create(Event.Details.titled("Meetup"));
      Talk loom = nb.talks().create(meetup.id(), Talk.Details.titled("Loom"), "Old notes\n");
      Path md = exported(nb);
      MarkdownFolders.write(md.resolve("a-summit/01-alpha.md"), "---\ntitle: Alpha\n---\nA\n");
      MarkdownFolders.write(
          md.resolve("meetup/00-loom.md"), "---\ntitle: Loom\nevent: Meetup\n---\nOther\n");

      Report report =
          new MarkdownImporter().importFolder(nb, md, false, SiteExporter.Progress.NONE);

      assertThat(report.files())
          .extracting(FileResult::path, FileResult::outcome)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("a-summit/01-alpha.md", Outcome.CREATED),
              org.assertj.core.groups.Tuple.tuple("meetup/00-loom.md", Outcome.CREATED),
              org.assertj.core.groups.Tuple.tuple("meetup/01-loom.md", Outcome.UNCHANGED),
              org.assertj.core.groups.Tuple.tuple("meetup/_index.md", Outcome.EVENT));
      assertThat(nb.talks().get(loom.id()).body()).isEqualTo("Old notes\n");
      assertThat(nb.talks().findByTitle("Loom"))
          .extracting(Talk::body)
          .containsExactlyInAnyOrder("Old notes\n", "Other\n");
    }
  }

  /**
   * A talkbook_id names a talk the notebook had before the import, never one the import made: here
   * a talk made by a file before it has the same id and, on the same clock, the same time.
   */
  @Test
  void aTalkbookIdDoesNotNameATalkTheImportMadeBeforeIt() throws IOException {
    java.time.Clock clock =
        java.time.Clock.fixed(java.time.Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);
    Path md;
    try (Notebook a =
        Notebook.open(dir.resolve("a.talkbook"), Notebook.Options.defaults().withClock(clock))) {
      Event meetup = a.events().create(Event.Details.titled("Meetup"));
      a.talks().create(meetup.id(), Talk.Details.titled("One"), "a's notes\n");
      md = exported(a);
    }
    // stored at once (it has an attachment), as talk 1 made at the same time as a's
    Files.write(md.resolve("meetup/zero.png"), new byte[] {1, 2, 3});
    MarkdownFolders.write(
        md.resolve("meetup/00-zero.md"), "---\ntitle: Zero\n---\n![zero](zero.png)\n");
    try (Notebook b =
        Notebook.open(dir.resolve("b.talkbook"), Notebook.Options.defaults().withClock(clock))) {
      Report report = new MarkdownImporter().importFolder(b, md, false, SiteExporter.Progress.NONE);

      assertThat(line(report, "meetup/00-zero.md").outcome()).isEqualTo(Outcome.CREATED);
      assertThat(line(report, "meetup/01-one.md"))
          .isEqualTo(new FileResult("meetup/01-one.md", Outcome.CREATED, "new talk in \"Meetup\""));
      assertThat(b.talks().findByTitle("Zero")).hasSize(1);
      assertThat(b.talks().findByTitle("One"))
          .extracting(Talk::body)
          .containsExactly("a's notes\n");
    }
  }
}
