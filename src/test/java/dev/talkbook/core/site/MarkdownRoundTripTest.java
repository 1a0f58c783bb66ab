package dev.talkbook.core.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.talkbook.core.markdown.InlineLinks;
import dev.talkbook.core.notebook.AttachmentRef;
import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Programme;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.sample.SampleMeetup;
import dev.talkbook.core.site.MarkdownImporter.Outcome;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.core.store.TalkStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class MarkdownRoundTripTest {
  @TempDir Path dir;
  private final MarkdownExporter exporter = new MarkdownExporter();
  private final MarkdownImporter importer = new MarkdownImporter();

  /** Everything the round trip keeps, without ids and times. */
  static List<String> snapshot(Notebook nb) {
    List<String> lines = new ArrayList<>();
    for (Event e : nb.events().list()) {
      lines.add("event " + e.details() + " zone " + e.timeZone());
      java.util.Map<Long, TalkStore.ProgrammeSaid> said = nb.talks().programmeSaid(e.id());
      for (Talk t : nb.talks().list(e.id())) {
        lines.add("  talk " + t.position() + " " + t.details());
        lines.add("  programme " + t.programme() + " starred " + t.starred());
        lines.add("  programme said " + said.get(t.id()));
        lines.add("  body " + t.body());
        for (AttachmentRef ref : nb.attachments().of(t.id())) {
          lines.add("  file " + ref.sha256() + " " + ref.fileName());
        }
      }
    }
    return lines;
  }

  private Notebook fresh(String name) {
    return Notebook.open(dir.resolve(name + ".talkbook"));
  }

  @Test
  void theSampleNotebookWithAnAttachmentSurvivesExportAndImport() {
    Path md = dir.resolve("md");
    List<String> before;
    try (Notebook a = fresh("a")) {
      SampleMeetup.addTo(a);
      Talk talk = a.talks().findByTitle("SQLite everywhere").get(0);
      byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
      AttachmentRef ref = a.attachments().add(talk.id(), "query plan.png", "image/png", png);
      a.attachments().add(talk.id(), "unreferenced.txt", "text/plain", "hi".getBytes());
      a.talks()
          .saveBody(
              talk.id(),
              "---\nlayout: post\ndraft: false\n---\n"
                  + talk.body()
                  + "\n"
                  + ref.markdown("image/png")
                  + "\n");
      MarkdownExporter.Result r =
          exporter.export(a, md, Set.of(), SiteExporter.Progress.NONE, () -> false);
      assertThat(r.talks()).isEqualTo(5);
      assertThat(r.attachments()).isEqualTo(2);
      before = snapshot(a);
    }
    try (Notebook b = fresh("b")) {
      MarkdownImporter.Report report =
          importer.importFolder(b, md, false, SiteExporter.Progress.NONE);
      assertThat(report.failures()).isEmpty();
      assertThat(report.count(Outcome.CREATED)).isEqualTo(5);
      assertThat(report.eventsCreated()).isEqualTo(1);
      assertThat(report.events()).containsExactly(b.events().list().get(0).id());
      assertThat(snapshot(b)).containsExactlyElementsOf(before);

      MarkdownImporter.Report again =
          importer.importFolder(b, md, false, SiteExporter.Progress.NONE);
      assertThat(again.count(Outcome.UNCHANGED)).isEqualTo(5);
      assertThat(snapshot(b)).containsExactlyElementsOf(before);
    }
  }

  @Test
  void theSameBytesUnderTwoNamesAreExportedUnderEachNameTheNotesUse() throws IOException {
    Path md = dir.resolve("md");
    List<String> before;
    try (Notebook a = fresh("a")) {
      long event = a.events().create(dev.talkbook.core.notebook.Event.Details.titled("Conf")).id();
      Talk talk =
          a.talks()
              .create(
                  event,
                  Talk.Details.titled("Pictures"),
                  "",
                  dev.talkbook.core.notebook.Programme.NONE);
      byte[] png = {(byte) 0x89, 'P', 'N', 'G', 7, 7};
      AttachmentRef first = a.attachments().add(talk.id(), "my diagram (1).png", "image/png", png);
      // stored once, by its hash: the second name lives in the notes' link
      AttachmentRef second = new AttachmentRef(first.sha256(), "図表.png");
      a.talks().saveBody(talk.id(), "![a](" + first.url() + ")\n\n![b](" + second.url() + ")\n");
      MarkdownExporter.Result r =
          exporter.export(a, md, Set.of(), SiteExporter.Progress.NONE, () -> false);
      assertThat(r.attachments()).isEqualTo(2);
      before = snapshot(a);
    }
    Path folder;
    try (var files = Files.walk(md)) {
      folder =
          files
              .filter(f -> f.getFileName().toString().equals("my diagram (1).png"))
              .findFirst()
              .orElseThrow()
              .getParent();
    }
    assertThat(Files.readAllBytes(folder.resolve("図表.png")))
        .isEqualTo(Files.readAllBytes(folder.resolve("my diagram (1).png")));
    // the talk's file is named as its attachments' folder is: 01-pictures.md
    String note = Files.readString(folder.resolveSibling(folder.getFileName() + ".md"));
    String dirName = InlineLinks.encodedPath(folder.getFileName().toString());
    assertThat(note)
        .contains("![a](" + dirName + "/" + InlineLinks.encodedPath("my diagram (1).png") + ")")
        .contains("![b](" + dirName + "/" + InlineLinks.encodedPath("図表.png") + ")");
    try (Notebook b = fresh("b")) {
      importer.importFolder(b, md, false, SiteExporter.Progress.NONE);
      assertThat(snapshot(b)).containsExactlyElementsOf(before);
    }
  }

  @Test
  void percentSignsInTheNotesSurviveExportAndImportBack() {
    // Outside an Obsidian vault %% is text: the import took it for an Obsidian comment, and the
    // notes lost what followed it, in a new notebook and in the talk itself when imported back.
    String notes =
        "# Fees\n\nThey rose 5%% to 10%% in a year.\n\nprintf(\"%d%%\", n) prints a percent"
            + " sign.\n\nThe last paragraph.\n";
    Path md = dir.resolve("md");
    long id;
    try (Notebook a = fresh("a")) {
      Event e = a.events().create(Event.Details.titled("Conf"));
      id = a.talks().create(e.id(), Talk.Details.titled("Money"), notes).id();
      exporter.export(a, md, Set.of(), SiteExporter.Progress.NONE, () -> false);
      MarkdownImporter.Report back =
          importer.importFolder(a, md, false, SiteExporter.Progress.NONE);
      assertThat(back.count(Outcome.UNCHANGED)).isEqualTo(1);
      assertThat(a.talks().get(id).body()).isEqualTo(notes);
    }
    try (Notebook b = fresh("b")) {
      importer.importFolder(b, md, false, SiteExporter.Progress.NONE);
      assertThat(b.talks().findByTitle("Money").get(0).body()).isEqualTo(notes);
    }
  }

  @Test
  void percentSignsSurviveAnExportIntoAnObsidianVaultAndTheImportBack() throws IOException {
    // Exported into a vault to read the talks in Obsidian (its links are written so Obsidian
    // follows them), then imported back: the file's %% were taken for Obsidian's comments, and
    // "5%% to 10%%" and an unclosed "%d%%" cut the talk's notes to "They rose  in a year…".
    String notes =
        "# Fees\n\nThey rose 5%% to 10%% in a year.\n\nprintf(\"%d%%\", n) prints a percent"
            + " sign.\n\nThe last paragraph.\n";
    Path vault = dir.resolve("vault");
    Files.createDirectories(vault.resolve(".obsidian"));
    Path md = vault.resolve("talks");
    try (Notebook a = fresh("a")) {
      Event e = a.events().create(Event.Details.titled("Conf"));
      long id = a.talks().create(e.id(), Talk.Details.titled("Money"), notes).id();
      exporter.export(a, md, Set.of(), SiteExporter.Progress.NONE, () -> false);
      MarkdownImporter.Report back =
          importer.importFolder(a, md, false, SiteExporter.Progress.NONE);
      assertThat(a.talks().get(id).body()).isEqualTo(notes);
      assertThat(back.count(Outcome.UNCHANGED)).isEqualTo(1);
      assertThat(back.files())
          .extracting(MarkdownImporter.FileResult::detail)
          .anyMatch(d -> d.contains("kept as text: the file is Talkbook's export"));
    }
    // A note of Obsidian's own in that vault still has its comments left out.
    Files.writeString(md.resolve("Own.md"), "# Own\n\nAsk %%about the salary%% later.\n");
    try (Notebook b = fresh("b")) {
      importer.importFolder(b, md, false, SiteExporter.Progress.NONE);
      assertThat(b.talks().findByTitle("Money").get(0).body()).isEqualTo(notes);
      assertThat(b.talks().findByTitle("Own").get(0).body()).isEqualTo("# Own\n\nAsk  later.\n");
    }
  }

  @Test
  void aProgrammesAbstractLengthIdsTheStarAndTheTimeZoneSurviveExportAndImport()
      throws IOException {
    Path md = dir.resolve("md");
    List<String> before;
    try (Notebook a = fresh("a")) {
      Event e = a.events().create(new Event.Details("JavaLand 2027", null, null, null, null));
      a.events().setTimeZone(e.id(), "Europe/Berlin");
      Programme programme =
          new Programme(
              "Loom, **explained**.\n\n- one\n- two: \"quoted\"\n\nLast line  ",
              "A subtitle",
              java.time.Duration.ofMinutes(45),
              "en",
              "Core Java",
              "3f1c2d7a-guid",
              "pretalx javaland-2027",
              java.time.Instant.parse("2027-03-01T10:15:30Z"));
      Talk t =
          a.talks()
              .create(e.id(), Talk.Details.titled("Loom in practice"), "My notes\n", programme);
      a.talks().star(t.id(), true);
      a.talks().create(e.id(), Talk.Details.titled("Plain talk"), "", Programme.NONE);
      exporter.export(a, md, Set.of(), SiteExporter.Progress.NONE, () -> false);
      before = snapshot(a);
    }
    String file;
    try (var files = Files.walk(md)) {
      file =
          Files.readString(
              files.filter(f -> f.toString().endsWith("loom-in-practice.md")).findFirst().get());
    }
    // Written for a person to read too: the abstract as a block of its own lines.
    assertThat(file).contains("starred: true\n", "duration_minutes: 45\n", "abstract: |");
    try (Notebook b = fresh("b")) {
      MarkdownImporter.Report report =
          importer.importFolder(b, md, false, SiteExporter.Progress.NONE);
      assertThat(report.failures()).isEmpty();
      assertThat(snapshot(b)).containsExactlyElementsOf(before);
      assertThat(
              importer
                  .importFolder(b, md, false, SiteExporter.Progress.NONE)
                  .count(Outcome.UNCHANGED))
          .isEqualTo(2);

      // Unstarred in the notebook: importing the folder again stars it again (the file says so).
      Talk loom = b.talks().findByTitle("Loom in practice").get(0);
      b.talks().star(loom.id(), false);
      MarkdownImporter.Report again =
          importer.importFolder(b, md, false, SiteExporter.Progress.NONE);
      assertThat(again.count(Outcome.UPDATED)).isEqualTo(1);
      assertThat(snapshot(b)).containsExactlyElementsOf(before);
    }
  }

  @Test
  void whatTheProgrammeSaidAtTheLastImportSurvivesExportAndImport() throws IOException {
    Path md = dir.resolve("md");
    List<String> before;
    try (Notebook a = fresh("a")) {
      Event e = a.events().create(new Event.Details("JavaLand 2027", null, null, null, null));
      Programme programme =
          new Programme("", null, null, null, null, "3f1c2d7a-guid", "pretalx javaland-2027", null);
      Talk t =
          a.talks()
              .create(
                  e.id(),
                  new Talk.Details(
                      "Loom (my title)",
                      List.of("Ron"),
                      java.time.LocalDateTime.of(2027, 3, 2, 10, 0),
                      "Wintergarten, mine",
                      null,
                      null,
                      List.of()),
                  "",
                  programme);
      a.talks()
          .saveProgrammeSaid(
              java.util.Map.of(
                  t.id(),
                  new TalkStore.ProgrammeSaid(
                      "Loom in practice",
                      List.of("Ron", "José"),
                      java.time.LocalDateTime.of(2027, 3, 2, 10, 0),
                      "Wintergarten")));
      a.talks().create(e.id(), Talk.Details.titled("Plain talk"), "", Programme.NONE);
      exporter.export(a, md, Set.of(), SiteExporter.Progress.NONE, () -> false);
      before = snapshot(a);
    }
    assertThat(before).contains("  programme said null");
    assertThat(String.join("\n", before)).contains("Loom in practice", "José");
    try (Notebook b = fresh("b")) {
      MarkdownImporter.Report report =
          importer.importFolder(b, md, false, SiteExporter.Progress.NONE);
      assertThat(report.failures()).isEmpty();
      assertThat(snapshot(b)).containsExactlyElementsOf(before);
      // The keys are the talk's, not notes' front matter kept in its notes.
      assertThat(b.talks().findByTitle("Loom").get(0).body()).isEmpty();
    }
  }

  @Test
  void aNotebookBeforeFormat10OpenedReadOnlyIsExportedAsItIs() throws Exception {
    Path file = dir.resolve("old.talkbook");
    try (Notebook a = Notebook.open(file)) {
      Event e = a.events().create(new Event.Details("JavaLand 2027", null, null, null, null));
      a.talks().create(e.id(), Talk.Details.titled("Loom"), "notes", Programme.NONE);
    }
    // As a Talkbook of format 9 left it: V010 only adds the table of what a programme said.
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
        java.sql.Statement st = c.createStatement()) {
      st.executeUpdate("DROP TABLE programme_said");
      st.executeUpdate("PRAGMA user_version = 9");
    }
    Path md = dir.resolve("md");
    try (Notebook old = Notebook.open(file, Notebook.Options.defaults().withReadOnly(true))) {
      assertThat(old.formatVersion()).isEqualTo(9);
      exporter.export(old, md, Set.of(), SiteExporter.Progress.NONE, () -> false);
    }
    try (var files = Files.walk(md)) {
      assertThat(files.filter(f -> f.toString().endsWith("loom.md")).count()).isEqualTo(1);
    }
  }

  @Test
  void importedAbstractsWithEscapesRawHtmlAndHardBreaksSurviveExportAndImport() {
    Path md = dir.resolve("md");
    List<String> before;
    try (Notebook a = fresh("a")) {
      Event e = a.events().create(Event.Details.titled("Abstracts 2026"));
      // As a programme's import keeps them: Markdown with raw HTML and escaped non-tags, and
      // plain text escaped with its line breaks as hard breaks.
      for (String abstractText :
          List.of(
              "Generics like List\\<String> and **Rust & Java: \\<interop> done right**.\n\n"
                  + "Expect demos, & some <b>live</b> code.",
              "Generics like List\\<String\\> and \\*\\*bold\\*\\*.\n\nExpect demos, &"
                  + " \\<b\\>live\\</b\\> code.  \nSecond line: \\&amp; 2\\*3  \n\\# not a heading")) {
        a.talks()
            .create(
                e.id(),
                Talk.Details.titled("Talk " + abstractText.length()),
                "",
                Programme.NONE.withAbstract(abstractText));
      }
      exporter.export(a, md, Set.of(), SiteExporter.Progress.NONE, () -> false);
      before = snapshot(a);
    }
    try (Notebook b = fresh("b")) {
      MarkdownImporter.Report report =
          importer.importFolder(b, md, false, SiteExporter.Progress.NONE);
      assertThat(report.failures()).isEmpty();
      assertThat(snapshot(b)).containsExactlyElementsOf(before);
    }
  }

  @Test
  void aTalkFileWithABadLengthOrStarOrEventTimeZoneIsReportedAndTheRestImported()
      throws IOException {
    Path md = dir.resolve("md");
    Files.createDirectories(md.resolve("conf"));
    Files.createDirectories(md.resolve("other"));
    write(md.resolve("conf/_index.md"), "---\ntitle: Conf\ntimezone: Mars/Olympus\n---\n");
    write(md.resolve("other/_index.md"), "---\ntitle: Other\ntimezone: +02:00\n---\n");
    write(md.resolve("other/a.md"), "---\ntitle: A\nduration_minutes: soon\n---\n");
    write(md.resolve("other/b.md"), "---\ntitle: B\nstarred: maybe\n---\n");
    write(md.resolve("other/c.md"), "---\ntitle: C\nduration_minutes: 30\n---\n");
    try (Notebook b = fresh("b")) {
      MarkdownImporter.Report report =
          importer.importFolder(b, md, false, SiteExporter.Progress.NONE);
      assertThat(report.failures())
          .extracting(MarkdownImporter.FileResult::detail)
          .anySatisfy(m -> assertThat(m).contains("time zone", "Mars/Olympus"))
          .anySatisfy(m -> assertThat(m).contains("duration_minutes", "minutes", "soon"))
          .anySatisfy(m -> assertThat(m).contains("starred", "true or false", "maybe"));
      Event other =
          b.events().list().stream().filter(e -> e.title().equals("Other")).findFirst().get();
      assertThat(other.timeZone()).isEqualTo("+02:00");
      Talk c = b.talks().findByTitle("C").get(0);
      assertThat(c.programme().duration()).isEqualTo(java.time.Duration.ofMinutes(30));
      assertThat(c.starred()).isFalse();
    }
  }

  @Test
  void aLinkedFileThatIsNotInTheFolderIsSaidInTheReportAndTheLinkKept() throws IOException {
    Path md = dir.resolve("md");
    Files.createDirectories(md.resolve("conf"));
    Files.write(md.resolve("conf/here.png"), new byte[] {1, 2, 3});
    String notes =
        "![here](here.png) ![gone](nothere.png) [slides](gone%20too.pdf) [other](note.md)"
            + " [site](https://example.org/x.png) [top](#top)\n";
    write(md.resolve("conf/a.md"), "---\ntitle: A\n---\n" + notes);
    try (Notebook b = fresh("b")) {
      MarkdownImporter.Report report =
          importer.importFolder(b, md, false, SiteExporter.Progress.NONE);
      assertThat(report.failures()).isEmpty();
      assertThat(report.files())
          .singleElement()
          .extracting(MarkdownImporter.FileResult::detail)
          .isEqualTo(
              "new talk in \"Conf\"; 2 linked files are not in the folder: \"nothere.png\","
                  + " \"gone too.pdf\"; a link to a note leads to no imported talk (kept as"
                  + " written): \"note.md\"");
      String body = b.talks().findByTitle("A").get(0).body();
      assertThat(body).contains("](nothere.png)", "](gone%20too.pdf)", "attachment:");
    }
  }

  @Test
  void aPictureWhoseNameHoldsParenthesesIsImportedAndSurvivesExportAndImport() throws IOException {
    // "photo (1).png" is what a browser names a second download of photo.png
    Path md = dir.resolve("md");
    Files.createDirectories(md.resolve("conf"));
    Files.write(md.resolve("conf/photo (1).png"), new byte[] {1, 2, 3});
    Files.write(md.resolve("conf/shot(2).png"), new byte[] {4, 5, 6});
    write(
        md.resolve("conf/a.md"),
        "---\ntitle: A\n---\n![first](photo%20(1).png) and ![second](shot\\(2\\).png \"t\")\n");
    try (Notebook b = fresh("b")) {
      MarkdownImporter.Report report =
          importer.importFolder(b, md, false, SiteExporter.Progress.NONE);
      assertThat(report.failures()).isEmpty();
      assertThat(report.files())
          .singleElement()
          .extracting(MarkdownImporter.FileResult::detail)
          .isEqualTo("new talk in \"Conf\"");
      Talk a = b.talks().findByTitle("A").get(0);
      List<AttachmentRef> files = b.attachments().of(a.id());
      assertThat(files)
          .extracting(AttachmentRef::fileName)
          .containsExactlyInAnyOrder("photo (1).png", "shot(2).png");
      for (AttachmentRef f : files) {
        assertThat(a.body()).contains("](" + f.url());
      }
      Path out = dir.resolve("out");
      exporter.export(b, out, Set.of(), SiteExporter.Progress.NONE, () -> false);
      try (Notebook c = fresh("c")) {
        importer.importFolder(c, out, false, SiteExporter.Progress.NONE);
        assertThat(snapshot(c)).isEqualTo(snapshot(b));
      }
    }
  }

  @Test
  void referenceStylePicturesAndLinksAreImportedAndSurviveExportAndImport() throws IOException {
    Path md = dir.resolve("md");
    Files.createDirectories(md.resolve("conf"));
    Files.write(md.resolve("conf/diagram.png"), new byte[] {1, 2, 3});
    write(
        md.resolve("conf/a.md"),
        "---\ntitle: A\n---\n![the diagram][d] then [the next talk][n].\n\n"
            + "[d]: diagram.png \"Diagram\"\n[n]: b.md#part-two\n");
    write(md.resolve("conf/b.md"), "---\ntitle: B\n---\n## Part two\n");
    try (Notebook b = fresh("b")) {
      MarkdownImporter.Report report =
          importer.importFolder(b, md, false, SiteExporter.Progress.NONE);
      assertThat(report.failures()).isEmpty();
      Talk a = b.talks().findByTitle("A").get(0);
      long next = b.talks().findByTitle("B").get(0).id();
      List<AttachmentRef> files = b.attachments().of(a.id());
      assertThat(files).extracting(AttachmentRef::fileName).containsExactly("diagram.png");
      assertThat(a.body())
          .endsWith(
              "[d]: " + files.get(0).url() + " \"Diagram\"\n[n]: talk:" + next + "#part-two\n");
      Path out = dir.resolve("out");
      exporter.export(b, out, Set.of(), SiteExporter.Progress.NONE, () -> false);
      try (Notebook c = fresh("c")) {
        importer.importFolder(c, out, false, SiteExporter.Progress.NONE);
        assertThat(snapshot(c))
            .isEqualTo(
                snapshot(b).stream()
                    .map(
                        line ->
                            line.replace(
                                "talk:" + next, "talk:" + c.talks().findByTitle("B").get(0).id()))
                    .toList());
      }
    }
  }

  @Test
  void aRawHtmlPictureIsImportedAndSurvivesExportAndImport() throws IOException {
    // <img src="…" width="…">: how Obsidian and GitHub notes size a picture
    Path md = dir.resolve("md");
    Files.createDirectories(md.resolve("conf"));
    Files.write(md.resolve("conf/図表.png"), new byte[] {1, 2, 3});
    write(
        md.resolve("conf/a.md"),
        "---\ntitle: A\n---\n<img src=\"図表.png\" alt=\"chart\" width=\"300\">"
            + " and `<img src=\"図表.png\">` <img src=\"gone.png\">\n");
    try (Notebook b = fresh("b")) {
      MarkdownImporter.Report report =
          importer.importFolder(b, md, false, SiteExporter.Progress.NONE);
      assertThat(report.failures()).isEmpty();
      assertThat(report.files())
          .singleElement()
          .extracting(MarkdownImporter.FileResult::detail)
          .isEqualTo("new talk in \"Conf\"; a linked file is not in the folder: \"gone.png\"");
      Talk a = b.talks().findByTitle("A").get(0);
      List<AttachmentRef> files = b.attachments().of(a.id());
      assertThat(files).extracting(AttachmentRef::fileName).containsExactly("図表.png");
      assertThat(a.body())
          .isEqualTo(
              "<img src=\""
                  + files.get(0).url()
                  + "\" alt=\"chart\" width=\"300\"> and `<img src=\"図表.png\">`"
                  + " <img src=\"gone.png\">\n");
      Path out = dir.resolve("out");
      exporter.export(b, out, Set.of(), SiteExporter.Progress.NONE, () -> false);
      try (Notebook c = fresh("c")) {
        importer.importFolder(c, out, false, SiteExporter.Progress.NONE);
        assertThat(snapshot(c)).isEqualTo(snapshot(b));
      }
    }
  }

  @Test
  void aRawHtmlPictureWithCharacterReferencesInItsSrcIsImported() throws IOException {
    // HTML wants a "&" in an attribute written &amp;: the file is a&b.png, not "a&amp;b.png"
    Path md = dir.resolve("md");
    Files.createDirectories(md.resolve("conf"));
    Files.write(md.resolve("conf/a&b.png"), new byte[] {1, 2, 3});
    Files.write(md.resolve("conf/c&d é.png"), new byte[] {4, 5});
    write(
        md.resolve("conf/a.md"),
        "---\ntitle: A\n---\n<img src=\"a&amp;b.png\" width=\"300\">"
            + " <img src='c&#38;d &eacute;.png'> <img src=a&#x26;b.png>\n");
    try (Notebook b = fresh("b")) {
      MarkdownImporter.Report report =
          importer.importFolder(b, md, false, SiteExporter.Progress.NONE);
      assertThat(report.failures()).isEmpty();
      assertThat(report.files())
          .singleElement()
          .extracting(MarkdownImporter.FileResult::detail)
          .isEqualTo("new talk in \"Conf\"");
      Talk a = b.talks().findByTitle("A").get(0);
      List<AttachmentRef> files = b.attachments().of(a.id());
      assertThat(files).extracting(AttachmentRef::fileName).containsExactly("a&b.png", "c&d é.png");
      assertThat(a.body())
          .isEqualTo(
              "<img src=\""
                  + files.get(0).url()
                  + "\" width=\"300\"> <img src='"
                  + files.get(1).url()
                  + "'> <img src="
                  + files.get(0).url()
                  + ">\n");
      Path out = dir.resolve("out");
      exporter.export(b, out, Set.of(), SiteExporter.Progress.NONE, () -> false);
      try (Notebook c = fresh("c")) {
        importer.importFolder(c, out, false, SiteExporter.Progress.NONE);
        assertThat(snapshot(c)).isEqualTo(snapshot(b));
      }
    }
  }

  @Test
  void aMarkdownPictureWithCharacterReferencesInItsTargetIsImportedAndSurvivesExportAndImport()
      throws IOException {
    // the page shows a&b.png for ![a](a&amp;b.png), as commonmark decodes the reference; an
    // escaped \&amp; is the text "&amp;" (a file of that name)
    Path md = dir.resolve("md");
    Files.createDirectories(md.resolve("conf"));
    Files.write(md.resolve("conf/a&b.png"), new byte[] {1, 2, 3});
    Files.write(md.resolve("conf/c&d é.png"), new byte[] {4, 5});
    Files.write(md.resolve("conf/e&amp;f.png"), new byte[] {6});
    write(
        md.resolve("conf/a.md"),
        "---\ntitle: A\n---\n![a](a&amp;b.png) ![c](<c&#38;d &eacute;.png> \"t\")"
            + " ![e](e\\&amp;f.png) ![again][r]\n\n[r]: a&#x26;b.png\n");
    try (Notebook b = fresh("b")) {
      MarkdownImporter.Report report =
          importer.importFolder(b, md, false, SiteExporter.Progress.NONE);
      assertThat(report.failures()).isEmpty();
      assertThat(report.files())
          .singleElement()
          .extracting(MarkdownImporter.FileResult::detail)
          .isEqualTo("new talk in \"Conf\"");
      Talk a = b.talks().findByTitle("A").get(0);
      List<AttachmentRef> files = b.attachments().of(a.id());
      assertThat(files)
          .extracting(AttachmentRef::fileName)
          .containsExactly("a&b.png", "c&d é.png", "e&amp;f.png");
      assertThat(a.body())
          .isEqualTo(
              "![a]("
                  + files.get(0).url()
                  + ") ![c]("
                  + files.get(1).url()
                  + " \"t\") ![e]("
                  + files.get(2).url()
                  + ") ![again][r]\n\n[r]: "
                  + files.get(0).url()
                  + "\n");
      Path out = dir.resolve("out");
      exporter.export(b, out, Set.of(), SiteExporter.Progress.NONE, () -> false);
      try (Notebook c = fresh("c")) {
        importer.importFolder(c, out, false, SiteExporter.Progress.NONE);
        assertThat(snapshot(c)).isEqualTo(snapshot(b));
      }
    }
  }

  @Test
  void theOutputOfAFailedBlockStaysMarkedThroughExportAndImport() {
    String notes =
        "```java\nint y = \"no\";\n```\n```output-error\nerror: incompatible types\n```\n";
    Path md = dir.resolve("md");
    try (Notebook a = fresh("a")) {
      SampleMeetup.addTo(a);
      Talk talk = a.talks().findByTitle("SQLite everywhere").get(0);
      a.talks().saveBody(talk.id(), notes);
      exporter.export(a, md, Set.of(), SiteExporter.Progress.NONE, () -> false);
    }
    try (Notebook b = fresh("b")) {
      importer.importFolder(b, md, false, SiteExporter.Progress.NONE);
      String body = b.talks().findByTitle("SQLite everywhere").get(0).body();
      assertThat(body).isEqualTo(notes);
      assertThat(dev.talkbook.core.repl.NoteCode.javaBlocks(body).get(0).outputFailed()).isTrue();
    }
  }

  @Test
  void anOutputsCodeStampSurvivesExportAndImportSoAnEditedBlockStaysOutOfDate() {
    String stamp = dev.talkbook.core.markdown.CodeStamp.of("new Point(3, 4)");
    String notes =
        "```java\nnew Point(7, 24)\n```\n```output code=" + stamp + "\nPoint[x=3, y=4]\n```\n";
    Path md = dir.resolve("md");
    try (Notebook a = fresh("a")) {
      SampleMeetup.addTo(a);
      Talk talk = a.talks().findByTitle("SQLite everywhere").get(0);
      a.talks().saveBody(talk.id(), notes);
      exporter.export(a, md, Set.of(), SiteExporter.Progress.NONE, () -> false);
    }
    try (Notebook b = fresh("b")) {
      importer.importFolder(b, md, false, SiteExporter.Progress.NONE);
      String body = b.talks().findByTitle("SQLite everywhere").get(0).body();
      assertThat(body).isEqualTo(notes);
      assertThat(dev.talkbook.core.repl.NoteCode.javaBlocks(body).get(0).outputOutOfDate())
          .isTrue();
    }
  }

  @Test
  @Timeout(120)
  void aGeneratedThousandTalkNotebookSurvivesExportAndImport() {
    Path md = dir.resolve("md");
    List<String> before;
    try (Notebook a = fresh("a")) {
      GeneratedNotebook.fill(a, 1000, 25);
      exporter.export(a, md, Set.of(), SiteExporter.Progress.NONE, () -> false);
      before = snapshot(a);
    }
    try (Notebook b = fresh("b")) {
      MarkdownImporter.Report report =
          importer.importFolder(b, md, false, SiteExporter.Progress.NONE);
      assertThat(report.failures()).isEmpty();
      assertThat(report.count(Outcome.CREATED)).isEqualTo(1000);
      assertThat(snapshot(b)).containsExactlyElementsOf(before);
    }
  }

  @Test
  void hugoJekyllAndObsidianFrontMatterIsReadAndUnknownKeysAreKept() throws IOException {
    Path md = Files.createDirectories(dir.resolve("site/content/posts"));
    write(
        md.resolve("hugo.md"),
        """
        ---
        title: "Hugo post"
        date: 2024-05-01T10:30:00+02:00
        draft: false
        categories: [java, jvm]
        authors: ["Ada", "Grace"]
        weight: 3
        ---
        Body of the hugo post.
        """);
    write(
        md.resolve("2024-05-02-jekyll.md"),
        """
        ---
        layout: post
        title: Jekyll post
        date: 2024-05-02 09:00:00 +0000
        tags: databases, sqlite
        author: Linus
        permalink: /jekyll/
        ---
        Jekyll body.
        """);
    write(
        md.resolve("Obsidian note.md"),
        """
        ---
        aliases: [obs]
        tags:
          - "#pkm"
          - notes
        cssclass: wide
        ---
        # Obsidian note

        ![diagram](img/diagram%20one.png) and [[wikilink]]
        """);
    Files.createDirectories(md.resolve("img"));
    Files.write(md.resolve("img/diagram one.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 9});
    write(md.resolve("plain.md"), "No front matter at all.\n");

    try (Notebook nb = fresh("n")) {
      MarkdownImporter.Report report =
          importer.importFolder(nb, dir.resolve("site"), false, SiteExporter.Progress.NONE);
      assertThat(report.failures()).isEmpty();
      assertThat(report.count(Outcome.CREATED)).isEqualTo(4);
      Event event = nb.events().list().get(0);
      assertThat(event.title()).isEqualTo("Posts");
      Talk hugo = nb.talks().findByTitle("Hugo post").get(0);
      assertThat(hugo.speakers()).containsExactly("Ada", "Grace");
      assertThat(hugo.tags()).containsExactly("java", "jvm");
      assertThat(hugo.details().startsAt()).hasToString("2024-05-01T10:30");
      assertThat(hugo.body())
          .startsWith("---\ndraft: false\nweight: 3\n---\nBody of the hugo post.");
      Talk jekyll = nb.talks().findByTitle("Jekyll post").get(0);
      assertThat(jekyll.tags()).containsExactly("databases", "sqlite");
      assertThat(jekyll.speakers()).containsExactly("Linus");
      assertThat(jekyll.body()).contains("layout: post", "permalink: /jekyll/");
      Talk obsidian = nb.talks().findByTitle("Obsidian note").get(0);
      assertThat(obsidian.tags()).containsExactly("pkm", "notes");
      assertThat(obsidian.body()).contains("aliases:", "cssclass: wide", "[[wikilink]]");
      List<AttachmentRef> files = nb.attachments().of(obsidian.id());
      assertThat(files).extracting(AttachmentRef::fileName).containsExactly("diagram one.png");
      assertThat(obsidian.body()).contains("![diagram](" + files.get(0).url() + ")");
      assertThat(nb.talks().findByTitle("plain").get(0).body())
          .isEqualTo("No front matter at all.\n");
    }
  }

  @Test
  void hugosTomlFrontMatterIsReadAsTheYamlOneIs() throws IOException {
    Path section = Files.createDirectories(dir.resolve("site/content/devconf"));
    write(
        section.resolve("_index.md"),
        "+++\ntitle = \"DevConf 2026\"\ndate = 2026-06-10\n+++\nThe conference.\n");
    write(
        section.resolve("loom.md"),
        """
        +++
        title = "Loom in practice"
        date = 2026-06-10T10:00:00+02:00
        draft = false
        tags = ["java", "loom"]
        authors = ["Ada"]
        +++
        Notes on Loom.
        """);
    try (Notebook nb = fresh("n")) {
      MarkdownImporter.Report report =
          importer.importFolder(nb, dir.resolve("site"), false, SiteExporter.Progress.NONE);
      assertThat(report.failures()).isEmpty();
      Event event = nb.events().list().get(0);
      assertThat(event.title()).isEqualTo("DevConf 2026");
      Talk loom = nb.talks().findByTitle("Loom in practice").get(0);
      assertThat(loom.eventId()).isEqualTo(event.id());
      assertThat(loom.details().startsAt()).hasToString("2026-06-10T10:00");
      assertThat(loom.tags()).containsExactly("java", "loom");
      assertThat(loom.speakers()).containsExactly("Ada");
      // the keys Talkbook has no field for are kept, as YAML front matter, before the notes
      assertThat(loom.body()).isEqualTo("---\ndraft: false\n---\nNotes on Loom.\n");
    }
  }

  @Test
  void aJekyllPostsNameGivesItsDateAndTitleWhenTheFrontMatterDoesNot() throws IOException {
    Path posts = Files.createDirectories(dir.resolve("blog/_posts"));
    write(posts.resolve("2026-05-02-plain-post.md"), "No front matter.\n");
    write(posts.resolve("2026-05-01-titled.md"), "---\ntitle: Jekyll talk\n---\nbody\n");
    write(posts.resolve("2026-05-03-dated.md"), "---\ndate: 2026-06-01 09:30:00 +0000\n---\nb\n");
    write(posts.resolve("2026-13-45-not-a-day.md"), "x\n");
    write(posts.resolve("02-numbered.md"), "y\n");
    try (Notebook nb = fresh("n")) {
      MarkdownImporter.Report report =
          importer.importFolder(nb, dir.resolve("blog"), false, SiteExporter.Progress.NONE);
      assertThat(report.failures()).isEmpty();
      Talk plain = nb.talks().findByTitle("plain post").get(0);
      assertThat(plain.details().startsAt()).hasToString("2026-05-02T00:00");
      assertThat(nb.talks().findByTitle("Jekyll talk").get(0).details().startsAt())
          .hasToString("2026-05-01T00:00");
      assertThat(nb.talks().findByTitle("dated").get(0).details().startsAt())
          .hasToString("2026-06-01T09:30");
      assertThat(nb.talks().findByTitle("not a day").get(0).details().startsAt()).isNull();
      assertThat(nb.talks().findByTitle("numbered")).hasSize(1);
    }
  }

  @Test
  void badFilesAreReportedWithTheirReasonAndTheRestIsImported() throws IOException {
    Path md = Files.createDirectories(dir.resolve("md"));
    write(md.resolve("good.md"), "---\ntitle: Good\n---\nfine\n");
    Files.write(md.resolve("latin1.md"), "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
    write(md.resolve("broken-yaml.md"), "---\ntitle: [unclosed\n---\nbody\n");
    write(md.resolve("not-a-map.md"), "---\n- a\n- b\n---\nbody\n");
    write(md.resolve("no-end.md"), "---\ntitle: x\nbody without end\n");
    write(md.resolve("bad-url.md"), "---\ntitle: Bad\nslides: javascript:alert(1)\n---\n");
    write(md.resolve("bad-date.md"), "---\ntitle: Bad date\ndate: yesterday\n---\n");
    write(md.resolve("escape.md"), "---\ntitle: Escape\nattachments: [../../etc/passwd]\n---\n");
    try (var big = new java.io.RandomAccessFile(md.resolve("huge.md").toFile(), "rw")) {
      big.setLength(MarkdownImporter.MAX_FILE_BYTES + 1); // refused on its size, never read
    }

    try (Notebook nb = fresh("n")) {
      MarkdownImporter.Report report =
          importer.importFolder(nb, md, false, SiteExporter.Progress.NONE);

      assertThat(report.count(Outcome.CREATED)).isEqualTo(1);
      assertThat(report.failures())
          .extracting(f -> f.path() + ": " + f.detail())
          .anySatisfy(s -> assertThat(s).startsWith("latin1.md: is not UTF-8"))
          .anySatisfy(
              s ->
                  assertThat(s)
                      .startsWith("broken-yaml.md: invalid front matter: line 3, column 1: ")
                      .doesNotContain("in 'string'"))
          .anySatisfy(s -> assertThat(s).startsWith("not-a-map.md: invalid front matter"))
          .anySatisfy(
              s -> assertThat(s).startsWith("no-end.md: the front matter").contains("closing"))
          .anySatisfy(s -> assertThat(s).startsWith("bad-url.md: ").contains("Slides URL"))
          .anySatisfy(s -> assertThat(s).startsWith("bad-date.md: ").contains("not a date"))
          .anySatisfy(s -> assertThat(s).startsWith("escape.md: ").contains("outside"))
          .anySatisfy(s -> assertThat(s).startsWith("huge.md: is too large"))
          .hasSize(8);
      assertThat(nb.talks().count()).isEqualTo(1);
    }
  }

  @Test
  void notesLargerThanEightMegabytesThatTheNotebookTookSurviveExportAndImport() {
    // 10 MB in UTF-8 (a third of it three-byte characters), well under the notebook's own limit.
    String line = "東京 notes, line of text\n";
    String notes = line.repeat(10 * 1024 * 1024 / line.getBytes(StandardCharsets.UTF_8).length);
    Path md = dir.resolve("md");
    try (Notebook a = fresh("a")) {
      Event e = a.events().create(Event.Details.titled("Big"));
      a.talks().create(e.id(), Talk.Details.titled("Long notes"), notes);
      exporter.export(a, md, Set.of(), SiteExporter.Progress.NONE, () -> false);
    }
    try (Notebook b = fresh("b")) {
      MarkdownImporter.Report report =
          importer.importFolder(b, md, false, SiteExporter.Progress.NONE);

      assertThat(report.failures()).isEmpty();
      assertThat(b.talks().findByTitle("Long notes").get(0).body()).isEqualTo(notes);
    }
  }

  @Test
  void theFileLimitFitsTheLargestNotesATalkHoldsWithTheirFrontMatter() {
    assertThat(MarkdownImporter.MAX_FILE_BYTES)
        .isGreaterThan(3L * TalkStore.MAX_BODY_CHARS + 1024 * 1024);
  }

  @Test
  void aDryRunReportsWhatWouldChangeAndChangesNothing() throws IOException {
    Path md = Files.createDirectories(dir.resolve("md/meetup"));
    write(md.resolve("_index.md"), "---\ntitle: Meetup\ndate: 2026-01-02\nlocation: Hall\n---\n");
    write(md.resolve("01-a.md"), "---\ntitle: A\n---\nnew\n");
    write(md.resolve("02-b.md"), "---\ntitle: B\n---\nchanged\n");
    try (Notebook nb = fresh("n")) {
      Event e = nb.events().create(Event.Details.titled("Meetup"));
      nb.talks().create(e.id(), Talk.Details.titled("B"), "old\n");
      List<String> before = snapshot(nb);

      MarkdownImporter.Report dry =
          importer.importFolder(nb, dir.resolve("md"), true, SiteExporter.Progress.NONE);

      assertThat(dry.dryRun()).isTrue();
      assertThat(dry.count(Outcome.CREATED)).isEqualTo(1);
      assertThat(dry.count(Outcome.UPDATED)).isEqualTo(1);
      assertThat(dry.summary()).contains("Would import", "nothing was changed");
      assertThat(snapshot(nb)).containsExactlyElementsOf(before);

      MarkdownImporter.Report real =
          importer.importFolder(nb, dir.resolve("md"), false, SiteExporter.Progress.NONE);
      assertThat(real.files()).isEqualTo(dry.files());
      assertThat(real.events()).as("the event both files went into, once").containsExactly(e.id());
      assertThat(nb.events().get(e.id()).location()).isEqualTo("Hall");
      assertThat(nb.talks().findByTitle("B").get(0).body()).isEqualTo("changed\n");
    }
  }

  /**
   * A file (an old export) spells a tag "kotlin", which the user has since respelled "Kotlin" on
   * every talk: re-importing it respelled the tag back on every talk. An import keeps the
   * notebook's spelling.
   */
  @Test
  void aReImportKeepsTheUsersSpellingOfATag() throws IOException {
    Path md = Files.createDirectories(dir.resolve("md/meetup"));
    write(md.resolve("_index.md"), "---\ntitle: Meetup\n---\n");
    write(md.resolve("02-b.md"), "---\ntitle: B\ntags: kotlin\n---\nchanged\n");
    try (Notebook nb = fresh("n")) {
      Event e = nb.events().create(Event.Details.titled("Meetup"));
      Talk b =
          nb.talks().create(e.id(), Talk.Details.titled("B").withTags(List.of("kotlin")), "old\n");
      Talk c = nb.talks().create(e.id(), Talk.Details.titled("C").withTags(List.of("kotlin")), "");
      nb.talks().update(b.id(), b.details().withTags(List.of("Kotlin")));
      assertThat(nb.talks().get(c.id()).tags()).containsExactly("Kotlin");

      importer.importFolder(nb, dir.resolve("md"), false, SiteExporter.Progress.NONE);

      assertThat(nb.talks().get(b.id()).body()).isEqualTo("changed\n");
      assertThat(nb.talks().get(b.id()).tags()).containsExactly("Kotlin");
      assertThat(nb.talks().get(c.id()).tags()).containsExactly("Kotlin");
    }
  }

  @Test
  void hiddenFoldersAndFilesAreNotNotes() throws IOException {
    Path md = Files.createDirectories(dir.resolve("vault"));
    write(Files.createDirectories(md.resolve("meetup")).resolve("01-talk.md"), "# Talk\n");
    write(Files.createDirectories(md.resolve(".obsidian")).resolve("workspace.md"), "# W\n");
    write(Files.createDirectories(md.resolve(".trash")).resolve("old.md"), "# Old\n");
    write(md.resolve("meetup/.draft.md"), "# Draft\n");
    write(
        Files.createDirectories(md.resolve(".trash/event")).resolve("_index.md"),
        "---\ntitle: Gone\n---\n");
    try (Notebook nb = fresh("n")) {
      MarkdownImporter.Report report =
          importer.importFolder(nb, md, false, SiteExporter.Progress.NONE);

      assertThat(report.files())
          .extracting(MarkdownImporter.FileResult::path)
          .containsExactly("meetup/01-talk.md");
      assertThat(nb.events().list()).extracting(Event::title).containsExactly("Meetup");
      assertThat(nb.talks().count()).isEqualTo(1);
    }
  }

  @Test
  void eventsWithoutTalksSurviveExportAndImport() {
    Path md = dir.resolve("md");
    List<String> before;
    try (Notebook a = fresh("a")) {
      SampleMeetup.addTo(a);
      a.events()
          .create(
              new Event.Details(
                  "Planned conference",
                  java.time.LocalDate.of(2027, 5, 3),
                  java.time.LocalDate.of(2027, 5, 5),
                  "Lisbon",
                  "https://example.org/conf"));
      a.events().create(Event.Details.titled("Empty meetup"));
      a.events().create(Event.Details.titled("Another empty one"));
      exporter.export(a, md, Set.of(), SiteExporter.Progress.NONE, () -> false);
      before = snapshot(a);
    }
    try (Notebook b = fresh("b")) {
      MarkdownImporter.Report dry = importer.importFolder(b, md, true, SiteExporter.Progress.NONE);
      assertThat(dry.eventsCreated()).isEqualTo(4);
      MarkdownImporter.Report report =
          importer.importFolder(b, md, false, SiteExporter.Progress.NONE);
      assertThat(report.failures()).isEmpty();
      assertThat(report.eventsCreated()).isEqualTo(4);
      assertThat(report.summary()).contains("4 new events");
      assertThat(snapshot(b)).containsExactlyInAnyOrderElementsOf(before);
    }
  }

  @Test
  void datesAtTheEndsOfTheCalendarSurviveExportAndImport() {
    Path md = dir.resolve("md");
    List<String> before;
    try (Notebook a = fresh("a")) {
      Event far =
          a.events()
              .create(
                  new Event.Details(
                      "Far future",
                      java.time.LocalDate.MAX.minusDays(1),
                      java.time.LocalDate.MAX,
                      null,
                      null));
      Event past =
          a.events()
              .create(
                  new Event.Details(
                      "Before year 1",
                      java.time.LocalDate.of(-44, 3, 15),
                      java.time.LocalDate.of(0, 1, 1),
                      null,
                      null));
      a.talks()
          .create(
              far.id(),
              at(
                  "Last talk",
                  java.time.LocalDateTime.of(
                      java.time.LocalDate.MAX, java.time.LocalTime.of(23, 59, 58, 5_000_000))),
              "notes\n");
      a.talks()
          .create(past.id(), at("Ides", java.time.LocalDateTime.of(-44, 3, 15, 11, 0)), "notes\n");
      a.talks()
          .create(
              past.id(), at("Year 999", java.time.LocalDateTime.of(999, 1, 2, 3, 4, 5)), "notes\n");
      exporter.export(a, md, Set.of(), SiteExporter.Progress.NONE, () -> false);
      before = snapshot(a);
    }
    try (Notebook b = fresh("b")) {
      MarkdownImporter.Report report =
          importer.importFolder(b, md, false, SiteExporter.Progress.NONE);
      assertThat(report.failures()).isEmpty();
      assertThat(snapshot(b)).containsExactlyInAnyOrderElementsOf(before);
    }
  }

  @Test
  void markdownExportRefusesAFolderThatIsNotEmpty() throws IOException {
    Path md = Files.createDirectories(dir.resolve("md"));
    write(md.resolve("keep.txt"), "mine");
    try (Notebook nb = fresh("n")) {
      SampleMeetup.addTo(nb);
      assertThatThrownBy(
              () -> exporter.export(nb, md, Set.of(), SiteExporter.Progress.NONE, () -> false))
          .isInstanceOf(SiteException.class)
          .hasMessageContaining("not empty");
    }
  }

  /**
   * An Obsidian vault's links ({@code [[02-loom#The demo|the demo]]}) become links to talks, which
   * an export writes as relative paths (Obsidian follows those too) and an import into another
   * notebook makes links to its talks again.
   */
  @Test
  void obsidianLinksSurviveImportExportAndImportIntoANewNotebook() throws IOException {
    Path vault = Files.createDirectories(dir.resolve("vault/Meetup"));
    write(vault.resolve("01-keynote.md"), "# Keynote\n\nNext: [[02-loom#The demo|the demo]].\n");
    write(vault.resolve("02-loom.md"), "# Loom\n\n## The demo\n\nBack: [[01-keynote]]\n");
    Path md = dir.resolve("md");
    try (Notebook a = fresh("a")) {
      assertThat(
              importer
                  .importFolder(a, dir.resolve("vault"), false, SiteExporter.Progress.NONE)
                  .failures())
          .isEmpty();
      exporter.export(a, md, Set.of(), SiteExporter.Progress.NONE, () -> false);
    }
    assertThat(Files.readString(md.resolve("meetup/01-keynote.md")))
        .contains("Next: [the demo](02-loom.md#the-demo).\n");
    try (Notebook b = fresh("b")) {
      importer.importFolder(b, md, false, SiteExporter.Progress.NONE);
      long loom = b.talks().findByTitle("Loom").get(0).id();
      long keynote = b.talks().findByTitle("Keynote").get(0).id();
      assertThat(b.talks().get(keynote).body())
          .isEqualTo("# Keynote\n\nNext: [the demo](talk:" + loom + "#the-demo).\n");
      assertThat(b.talks().get(loom).body())
          .isEqualTo("# Loom\n\n## The demo\n\nBack: [01-keynote](talk:" + keynote + ")\n");
    }
  }

  private static Talk.Details at(String title, java.time.LocalDateTime startsAt) {
    return new Talk.Details(title, List.of(), startsAt, null, null, null, List.of());
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
