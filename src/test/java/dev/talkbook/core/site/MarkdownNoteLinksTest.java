package dev.talkbook.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.site.MarkdownImporter.FileResult;
import dev.talkbook.core.site.MarkdownImporter.Outcome;
import dev.talkbook.core.store.Notebook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Links from one note to another ({@code [next](02-loom.md)}): the import makes them links to the
 * talk ({@code talk:ID}), a Markdown export writes them as relative paths again.
 */
class MarkdownNoteLinksTest {
  @TempDir Path dir;
  private final MarkdownImporter importer = new MarkdownImporter();
  private final MarkdownExporter exporter = new MarkdownExporter();

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static Talk talk(Notebook nb, String title) {
    List<Talk> found = nb.talks().findByTitle(title);
    assertThat(found).as(title).hasSize(1);
    return found.get(0);
  }

  private static String link(Notebook nb, String title) {
    return "talk:" + talk(nb, title).id();
  }

  private MarkdownImporter.Report importInto(Notebook nb, Path folder) {
    return importer.importFolder(nb, folder, false, SiteExporter.Progress.NONE);
  }

  private static FileResult line(MarkdownImporter.Report report, String path) {
    return report.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
  }

  @Test
  void relativeLinksToImportedNotesBecomeLinksToTheirTalks() throws IOException {
    Path src = dir.resolve("src");
    write(
        src.resolve("01-keynote.md"),
        """
        # Keynote

        See [the next talk](02-loom.md), [its demo](./02-loom.md#the-demo),
        [day two](<day 2/03-panama.md>), [encoded](day%202/03-panama.md) and [back](01-keynote.md).
        """);
    write(src.resolve("02-loom.md"), "# Loom\n\nBack to [the keynote](../src/01-keynote.md).\n");
    write(src.resolve("day 2/03-panama.md"), "# Panama\n\n[Loom](../02-loom.md#top)\n");
    try (Notebook nb = Notebook.open(dir.resolve("nb.talkbook"))) {
      MarkdownImporter.Report report = importInto(nb, src);
      assertThat(report.failures()).isEmpty();
      assertThat(report.count(Outcome.CREATED)).isEqualTo(3);
      String keynote = link(nb, "Keynote");
      String loom = link(nb, "Loom");
      String panama = link(nb, "Panama");
      assertThat(talk(nb, "Keynote").body())
          .isEqualTo(
              "# Keynote\n\nSee [the next talk]("
                  + loom
                  + "), [its demo]("
                  + loom
                  + "#the-demo),\n[day two]("
                  + panama
                  + "), [encoded]("
                  + panama
                  + ") and [back]("
                  + keynote
                  + ").\n");
      assertThat(talk(nb, "Loom").body()).contains("[the keynote](" + keynote + ")");
      assertThat(talk(nb, "Panama").body()).contains("[Loom](" + loom + "#top)");
      assertThat(report.files()).allSatisfy(f -> assertThat(f.detail()).doesNotContain("link"));
    }
  }

  /**
   * Writes {@code files} (a path inside the folder, then its text, …) into a new folder and imports
   * it, without a failure.
   */
  private void importWritten(Notebook nb, String... files) throws IOException {
    Path src = dir.resolve("src");
    for (int i = 0; i < files.length; i += 2) {
      write(src.resolve(files[i]), files[i + 1]);
    }
    assertThat(importInto(nb, src).failures()).isEmpty();
  }

  @Test
  void aNoteLinkingNotesAndFilesInAngleBracketsAfterKeptFrontMatterGetsBoth() throws IOException {
    try (Notebook nb = Notebook.open(dir.resolve("nb.talkbook"))) {
      importWritten(
          nb,
          "01-keynote.md",
          """
          ---
          title: Keynote
          layout: wide
          ---
          See [x](<a b.md>), [y](<a b.md#demo>) and ![the hall](<my pic.png>) or
          [![the hall](my%20pic.png)](a%20b.md).
          """,
          "a b.md",
          "# A b\n",
          "my pic.png",
          "png");
      String ab = link(nb, "A b");
      Talk keynote = talk(nb, "Keynote");
      assertThat(nb.attachments().of(keynote.id())).hasSize(1);
      String pic = nb.attachments().of(keynote.id()).get(0).url();
      assertThat(keynote.body())
          .isEqualTo(
              "---\nlayout: wide\n---\nSee [x]("
                  + ab
                  + "), [y]("
                  + ab
                  + "#demo) and ![the hall]("
                  + pic
                  + ") or\n[![the hall]("
                  + pic
                  + ")]("
                  + ab
                  + ").\n");
    }
  }

  @Test
  void aPercentSignThatStartsNoEscapeIsPartOfTheName() throws IOException {
    try (Notebook nb = Notebook.open(dir.resolve("nb.talkbook"))) {
      importWritten(
          nb,
          "01-keynote.md",
          "# Keynote\n\n![chart](50%.png) [next](100%.md)\n",
          "50%.png",
          "png",
          "100%.md",
          "# Full\n");
      Talk keynote = talk(nb, "Keynote");
      assertThat(keynote.body())
          .isEqualTo(
              "# Keynote\n\n![chart]("
                  + nb.attachments().of(keynote.id()).get(0).url()
                  + ") [next]("
                  + link(nb, "Full")
                  + ")\n");
    }
  }

  @Test
  void aLinkToANoteThatIsNotImportedIsKeptAndNamed() throws IOException {
    Path src = dir.resolve("src");
    write(
        src.resolve("01-keynote.md"),
        "# Keynote\n\n[gone](02-gone.md) [event](_index.md) [ok](02-loom.md)\n");
    write(src.resolve("02-loom.md"), "# Loom\n");
    write(src.resolve("_index.md"), "---\ntitle: Summit\n---\n");
    try (Notebook nb = Notebook.open(dir.resolve("nb.talkbook"))) {
      MarkdownImporter.Report report = importInto(nb, src);
      assertThat(talk(nb, "Keynote").body())
          .isEqualTo(
              "# Keynote\n\n[gone](02-gone.md) [event](_index.md) [ok]("
                  + link(nb, "Loom")
                  + ")\n");
      assertThat(line(report, "01-keynote.md").detail())
          .isEqualTo(
              "new talk in \"Summit\"; 2 links to notes lead to no imported talk (kept as"
                  + " written): \"02-gone.md\", \"_index.md\"");
      assertThat(line(report, "01-keynote.md").detail()).doesNotContain("not in the folder");
    }
  }

  @Test
  void anObsidianEmbedKeptAsWrittenIsNamedInItsLine() throws IOException {
    // ![[diagram.png]] imported "0 attachments" and said nothing: the picture was left behind
    Path src = dir.resolve("vault");
    write(src.resolve("attachments/diagram.png"), "png");
    write(
        src.resolve("Talk A.md"),
        "# Talk A\n\nSee ![[diagram.png]] and ![[diagram.png|200]].\n\n`![[in code]]`\n");
    write(src.resolve("Talk B.md"), "# Talk B\n\nNo embeds, a [[Talk A]] link.\n");
    try (Notebook nb = Notebook.open(dir.resolve("nb.talkbook"))) {
      MarkdownImporter.Report report = importInto(nb, src);
      assertThat(talk(nb, "Talk A").body())
          .contains("See ![[diagram.png]] and ![[diagram.png|200]].");
      assertThat(line(report, "Talk A.md").detail())
          .isEqualTo(
              "new talk in \"Imported notes\"; 2 Obsidian embeds are kept as written, the files"
                  + " they show not imported (write a picture as ![](path) to import it):"
                  + " \"![[diagram.png]]\", \"![[diagram.png|200]]\"");
      assertThat(line(report, "Talk B.md").detail()).doesNotContain("embed");
    }
  }

  @Test
  void obsidianCommentsAreLeftOutAndCountedInTheirLine() throws IOException {
    // %% comments %% are private remarks Obsidian never shows when reading: they were published
    Path src = dir.resolve("vault");
    Files.createDirectories(src.resolve(".obsidian")); // only a vault's %% are comments
    write(
        src.resolve("Talk A.md"),
        "# Talk A\n\nAsk %%about the salary%% later.\n\n%%\nprivate block\n%%\n\nEnd with"
            + " `a %%code%% span`.\n");
    write(src.resolve("Talk B.md"), "# Talk B\n\nSeen.\n\n%% unclosed: the rest\nis hidden\n");
    try (Notebook nb = Notebook.open(dir.resolve("nb.talkbook"))) {
      MarkdownImporter.Report report = importInto(nb, src);
      assertThat(talk(nb, "Talk A").body())
          .isEqualTo("# Talk A\n\nAsk  later.\n\n\nEnd with `a %%code%% span`.\n");
      assertThat(line(report, "Talk A.md").detail())
          .isEqualTo(
              "new talk in \"Imported notes\"; 2 Obsidian comments (%% … %%) were left out, as"
                  + " Obsidian hides them");
      assertThat(talk(nb, "Talk B").body()).isEqualTo("# Talk B\n\nSeen.\n\n");
      assertThat(line(report, "Talk B.md").detail())
          .endsWith(
              "an Obsidian comment (%% … %%) was left out, as Obsidian hides them (a %% without"
                  + " its closing %% hid the rest of the note in Obsidian: left out to the end"
                  + " too)");

      // Imported again, the notes are as they were: nothing changed.
      MarkdownImporter.Report again = importInto(nb, src);
      assertThat(again.count(Outcome.UNCHANGED)).isEqualTo(2);
    }
  }

  @Test
  void outsideAnObsidianVaultPercentPairsAreTextAndTheLineSaysSo() throws IOException {
    // Outside a vault %% is text (Hugo, Jekyll, Talkbook's own export: "5%% to 10%%"); a note of
    // Obsidian's copied out of its vault keeps its comments, and its line says why.
    Path src = dir.resolve("copied");
    String notes = "# Talk A\n\nAsk %%about the salary%% later, 5%% to 10%%.\n";
    write(src.resolve("Talk A.md"), notes);
    try (Notebook nb = Notebook.open(dir.resolve("nb.talkbook"))) {
      MarkdownImporter.Report report = importInto(nb, src);
      assertThat(talk(nb, "Talk A").body()).isEqualTo(notes);
      assertThat(line(report, "Talk A.md").detail())
          .isEqualTo(
              "new talk in \"Imported notes\"; 2 %% … %% (Obsidian comments in a vault) are kept"
                  + " as text: the folder is in no Obsidian vault (none with .obsidian)");
    }
  }

  @Test
  void aHugoSitesPicturesAtTheSiteRootAreImportedFromItsStaticFolder() throws IOException {
    // ![pic](/img/a.png) (Hugo publishes static/img/a.png there) was neither imported nor named
    Path site = dir.resolve("site");
    write(site.resolve("hugo.toml"), "title = \"My talks\"\n");
    write(site.resolve("static/img/a.png"), "png");
    write(
        site.resolve("content/talks/loom.md"),
        "# Loom\n\n![pic](/img/a.png) ![gone](/img/gone.png) [about](/about/)\n");
    try (Notebook nb = Notebook.open(dir.resolve("nb.talkbook"))) {
      MarkdownImporter.Report report = importInto(nb, site);
      Talk loom = talk(nb, "Loom");
      assertThat(nb.attachments().of(loom.id())).hasSize(1);
      String pic = nb.attachments().of(loom.id()).get(0).url();
      assertThat(loom.body())
          .isEqualTo("# Loom\n\n![pic](" + pic + ") ![gone](/img/gone.png) [about](/about/)\n");
      assertThat(report.attachments()).isEqualTo(1);
      assertThat(line(report, "content/talks/loom.md").detail())
          .endsWith("; a linked file is not in the folder: \"/img/gone.png\"");
    }
  }

  @Test
  void aSiteRootPictureOutsideAHugoSiteIsNamedAsMissing() throws IOException {
    Path src = dir.resolve("notes");
    write(src.resolve("static/img/a.png"), "png"); // no hugo.toml: not a Hugo site
    write(src.resolve("loom.md"), "# Loom\n\n![pic](/img/a.png)\n");
    try (Notebook nb = Notebook.open(dir.resolve("nb.talkbook"))) {
      MarkdownImporter.Report report = importInto(nb, src);
      assertThat(talk(nb, "Loom").body()).contains("![pic](/img/a.png)");
      assertThat(report.attachments()).isZero();
      assertThat(line(report, "loom.md").detail())
          .endsWith("; a linked file is not in the folder: \"/img/a.png\"");
    }
  }

  @Test
  void anObsidianVaultsNotesAreNamedByTheirFilesAsObsidianNamesThem() throws IOException {
    // "Talk B.md" starting "# Section" became the talk "Section", so [[Talk B]] led to "Section"
    Path vault = dir.resolve("vault");
    Files.createDirectories(vault.resolve(".obsidian"));
    write(vault.resolve("talks/Talk B.md"), "# Section\n\nText.\n");
    write(
        vault.resolve("talks/Talk A.md"),
        "---\ntitle: Given title\n---\n# Heading\n\n[[Talk B]]\n");
    write(dir.resolve("plain/Talk C.md"), "# Its heading\n"); // no vault: the heading, as before
    try (Notebook nb = Notebook.open(dir.resolve("nb.talkbook"))) {
      importInto(nb, vault.resolve("talks")); // a folder inside the vault
      importInto(nb, dir.resolve("plain"));
      assertThat(talk(nb, "Talk B").body()).isEqualTo("# Section\n\nText.\n");
      assertThat(talk(nb, "Given title").body()).contains("[Talk B](" + link(nb, "Talk B") + ")");
      assertThat(nb.talks().findByTitle("Its heading")).hasSize(1);
    }
  }

  @Test
  void aLinkWithAHeadingToANoteThatIsMissingIsNamedAsANoteNotAsAFile() throws IOException {
    Path src = dir.resolve("src");
    write(src.resolve("01-keynote.md"), "# Keynote\n\n[gone](02-gone.md#demo)\n");
    try (Notebook nb = Notebook.open(dir.resolve("nb.talkbook"))) {
      MarkdownImporter.Report report = importInto(nb, src);
      assertThat(line(report, "01-keynote.md").detail())
          .isEqualTo(
              "new talk in \"Imported notes\"; a link to a note leads to no imported talk (kept as"
                  + " written): \"02-gone.md\"");
    }
  }

  @Test
  void importingTheSameFolderAgainChangesNothing() throws IOException {
    Path src = dir.resolve("src");
    write(src.resolve("01-keynote.md"), "# Keynote\n\n[next](02-loom.md)\n");
    write(src.resolve("02-loom.md"), "# Loom\n\n[back](01-keynote.md)\n");
    try (Notebook nb = Notebook.open(dir.resolve("nb.talkbook"))) {
      importInto(nb, src);
      MarkdownImporter.Report again = importInto(nb, src);
      assertThat(again.count(Outcome.UNCHANGED)).isEqualTo(2);
      assertThat(talk(nb, "Keynote").body()).contains("(" + link(nb, "Loom") + ")");
    }
  }

  @Test
  void aDryRunSaysWhatTheImportWould() throws IOException {
    Path src = dir.resolve("src");
    write(src.resolve("01-keynote.md"), "# Keynote\n\n[next](02-loom.md) [gone](03.md)\n");
    write(src.resolve("02-loom.md"), "# Loom\n");
    try (Notebook nb = Notebook.open(dir.resolve("nb.talkbook"))) {
      MarkdownImporter.Report report =
          importer.importFolder(nb, src, true, SiteExporter.Progress.NONE);
      assertThat(report.count(Outcome.CREATED)).isEqualTo(2);
      assertThat(line(report, "01-keynote.md").detail()).endsWith("kept as written): \"03.md\"");
      assertThat(nb.talks().findByTitle("Keynote")).isEmpty();
    }
  }

  @Test
  void aReferenceDefinitionToATalkIsExportedAsAPathAndOneToATalkNotExportedKeptAsWritten()
      throws IOException {
    Path md = dir.resolve("md");
    try (Notebook a = Notebook.open(dir.resolve("a.talkbook"))) {
      long summit =
          a.events().create(dev.talkbook.core.notebook.Event.Details.titled("Summit")).id();
      Talk keynote =
          a.talks()
              .create(
                  summit,
                  Talk.Details.titled("Keynote"),
                  "",
                  dev.talkbook.core.notebook.Programme.NONE);
      Talk loom =
          a.talks()
              .create(
                  summit,
                  Talk.Details.titled("Loom"),
                  "",
                  dev.talkbook.core.notebook.Programme.NONE);
      a.talks()
          .saveBody(
              keynote.id(),
              "[next][n] and [gone][g]\n\n[n]: talk:" + loom.id() + "#demo\n[g]: talk:99999\n");
      MarkdownExporter.Result r =
          exporter.export(a, md, Set.of(), SiteExporter.Progress.NONE, () -> false);
      assertThat(r.summary()).doesNotContain("written as text");
    }
    try (var s = Files.walk(md)) {
      String keynoteFile =
          Files.readString(
              s.filter(p -> p.getFileName().toString().endsWith("-keynote.md"))
                  .findFirst()
                  .orElseThrow());
      assertThat(keynoteFile).endsWith("[n]: 02-loom.md#demo\n[g]: talk:99999\n");
    }
  }

  @Test
  void linksBetweenTalksSurviveExportAndImportIntoANewNotebook() throws IOException {
    Path md = dir.resolve("md");
    try (Notebook a = Notebook.open(dir.resolve("a.talkbook"))) {
      long summit =
          a.events().create(dev.talkbook.core.notebook.Event.Details.titled("Summit")).id();
      long meetup =
          a.events().create(dev.talkbook.core.notebook.Event.Details.titled("Meetup")).id();
      Talk keynote =
          a.talks()
              .create(
                  summit,
                  Talk.Details.titled("Keynote"),
                  "",
                  dev.talkbook.core.notebook.Programme.NONE);
      Talk loom =
          a.talks()
              .create(
                  summit,
                  Talk.Details.titled("Loom"),
                  "",
                  dev.talkbook.core.notebook.Programme.NONE);
      Talk later =
          a.talks()
              .create(
                  meetup,
                  Talk.Details.titled("Later"),
                  "",
                  dev.talkbook.core.notebook.Programme.NONE);
      a.talks()
          .saveBody(
              keynote.id(),
              "[next](talk:"
                  + loom.id()
                  + ") [demo](talk:"
                  + loom.id()
                  + "#demo) [meetup]("
                  + "talk:"
                  + later.id()
                  + ") [gone](talk:99999)\n");
      a.talks().saveBody(later.id(), "[keynote](talk:" + keynote.id() + ")\n");
      MarkdownExporter.Result r =
          exporter.export(a, md, Set.of(), SiteExporter.Progress.NONE, () -> false);
      assertThat(r.summary())
          .endsWith("(a link to a talk that is not exported is written as text)");
    }
    String keynoteFile;
    try (var s = Files.walk(md)) {
      keynoteFile =
          Files.readString(
              s.filter(p -> p.getFileName().toString().endsWith("-keynote.md"))
                  .findFirst()
                  .orElseThrow());
    }
    // Hugo, Obsidian and a re-import read a relative path to the other file
    assertThat(keynoteFile)
        .contains("[next](02-loom.md)")
        .contains("[demo](02-loom.md#demo)")
        .contains("[meetup](../meetup/01-later.md)")
        .contains(") gone\n")
        .doesNotContain("talk:");
    try (Notebook b = Notebook.open(dir.resolve("b.talkbook"))) {
      MarkdownImporter.Report report = importInto(b, md);
      assertThat(report.failures()).isEmpty();
      assertThat(talk(b, "Keynote").body())
          .isEqualTo(
              "[next]("
                  + link(b, "Loom")
                  + ") [demo]("
                  + link(b, "Loom")
                  + "#demo) [meetup]("
                  + link(b, "Later")
                  + ") gone\n");
      assertThat(talk(b, "Later").body()).isEqualTo("[keynote](" + link(b, "Keynote") + ")\n");
    }
  }

  /**
   * Obsidian's own links ({@code [[02-loom]]}) stayed literal text, and the import did not name
   * them: those that name an imported note by its file name become links to its talk, the others
   * are named in the file's line; in code they are text.
   */
  @Test
  void obsidianLinksToImportedNotesBecomeLinksToTheirTalksAndTheOthersAreNamed()
      throws IOException {
    Path src = dir.resolve("src");
    write(
        src.resolve("01-keynote.md"),
        """
        # Keynote

        [first](02-loom.md) See [[02-loom]], [[02-LOOM|the *Loom* talk]], [[02-loom#The demo]],
        [[Panama.md|Panama]] and [next](02-loom.md), not [[Gone]] nor [[gone]] nor `[[02-loom]]`,
        \\[[02-loom]] or ![[02-loom]].

        ```
        [[02-loom]]
        ```
        """);
    write(src.resolve("02-loom.md"), "# Loom\n\n## The demo\n\nBack to [[01-keynote]].\n");
    write(src.resolve("day 2/panama.md"), "# Panama\n");
    try (Notebook nb = Notebook.open(dir.resolve("nb.talkbook"))) {
      MarkdownImporter.Report report = importInto(nb, src);
      assertThat(report.failures()).isEmpty();
      String loom = link(nb, "Loom");
      assertThat(talk(nb, "Keynote").body())
          .isEqualTo(
              "# Keynote\n\n[first]("
                  + loom
                  + ") See [02-loom]("
                  + loom
                  + "), [the *Loom* talk]("
                  + loom
                  + "), [02-loom > The demo]("
                  + loom
                  + "#the-demo),\n[Panama]("
                  + link(nb, "Panama")
                  + ") and [next]("
                  + loom
                  + "), not [[Gone]] nor [[gone]] nor `[[02-loom]]`,\n\\[[02-loom]] or"
                  + " ![[02-loom]].\n\n```\n[[02-loom]]\n```\n");
      assertThat(talk(nb, "Loom").body())
          .isEqualTo(
              "# Loom\n\n## The demo\n\nBack to [01-keynote](" + link(nb, "Keynote") + ").\n");
      assertThat(line(report, "01-keynote.md").detail())
          .isEqualTo(
              "new talk in \"Imported notes\"; an Obsidian embed is kept as written, the file it"
                  + " shows not imported (write a picture as ![](path) to import it):"
                  + " \"![[02-loom]]\"; 2 links to notes lead to no imported talk (kept as"
                  + " written): \"[[Gone]]\", \"[[gone]]\"");
      assertThat(line(report, "02-loom.md").detail()).isEqualTo("new talk in \"Imported notes\"");

      MarkdownImporter.Report again = importInto(nb, src);
      assertThat(again.count(Outcome.UNCHANGED)).isEqualTo(3);
    }
  }
}
