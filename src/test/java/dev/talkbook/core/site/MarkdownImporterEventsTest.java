package dev.talkbook.core.site;

import static dev.talkbook.core.site.MarkdownFolders.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.site.MarkdownImporter.FileResult;
import dev.talkbook.core.site.MarkdownImporter.Report;
import dev.talkbook.core.store.Notebook;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A talk's event follows Hugo's sections: its {@code event} key, else the nearest {@code _index.md}
 * in its folder or above it (below the root), else the top-level folder it is in.
 */
class MarkdownImporterEventsTest {
  @TempDir Path dir;
  private final MarkdownImporter importer = new MarkdownImporter();

  /** Each event's title with its talks' titles, sorted. */
  private static Map<String, List<String>> eventsAndTalks(Notebook nb) {
    Map<String, List<String>> all = new TreeMap<>();
    for (Event e : nb.events().list()) {
      all.put(e.title(), nb.talks().list(e.id()).stream().map(Talk::title).sorted().toList());
    }
    return all;
  }

  @Test
  void talksInFoldersBelowAnEventFileGoToItsEventAndTheDryRunSaysSo() throws Exception {
    Path md = dir.resolve("vault");
    Path conf = md.resolve("DevConf Berlin 2026");
    write(conf.resolve("_index.md"), "---\ntitle: DevConf Berlin 2026\n---\n");
    write(conf.resolve("Day 1/Opening.md"), "# Opening\n");
    write(conf.resolve("Day 1/Room A/Loom.md"), "# Loom\n");
    write(conf.resolve("Day 2/Panama.md"), "# Panama\n");
    write(conf.resolve("Day 2/Elsewhere.md"), "---\nevent: Other Meetup\n---\n# Elsewhere\n");
    try (Notebook nb = Notebook.open(dir.resolve("a.talkbook"))) {
      Report dry = MarkdownFolders.dryRunThenImport(nb, md);

      assertThat(dry.files())
          .extracting(FileResult::detail)
          .containsExactly(
              "new event \"DevConf Berlin 2026\"", // _index.md
              "new talk in \"DevConf Berlin 2026\"", // Day 1/Opening.md
              "new talk in \"DevConf Berlin 2026\"", // Day 1/Room A/Loom.md
              "new talk in \"Other Meetup\"", // Day 2/Elsewhere.md
              "new talk in \"DevConf Berlin 2026\""); // Day 2/Panama.md
      assertThat(eventsAndTalks(nb))
          .isEqualTo(
              Map.of(
                  "DevConf Berlin 2026",
                  List.of("Loom", "Opening", "Panama"),
                  "Other Meetup",
                  List.of("Elsewhere")));
    }
  }

  @Test
  void anEventFilesTextIsSaidToBeLeftOutAndAnEmptyOneSaysNothing() throws Exception {
    Path md = dir.resolve("vault");
    write(md.resolve("ConfA/_index.md"), "---\ntitle: ConfA\n---\nConfA notes.\n");
    write(md.resolve("ConfB/_index.md"), "---\ntitle: ConfB\n---\n\n");
    try (Notebook nb = Notebook.open(dir.resolve("a.talkbook"))) {
      for (boolean dryRun : new boolean[] {true, false}) {
        Report r = importer.importFolder(nb, md, dryRun, SiteExporter.Progress.NONE);

        assertThat(r.files())
            .extracting(FileResult::detail)
            .containsExactly(
                "new event \"ConfA\"; its text, 1 line, is not kept: an event has no notes",
                "new event \"ConfB\"");
      }
    }
  }

  @Test
  void sameNamedSubfoldersOfTwoConferencesStayWithTheirConference() throws Exception {
    Path md = dir.resolve("vault2");
    write(md.resolve("ConfA 2026/Day 1/Keynote.md"), "# Keynote\n");
    write(md.resolve("ConfB 2026/Day 1/Keynote.md"), "# Keynote\n");
    write(md.resolve("ConfB 2026/Day 2/Closing/Panel.md"), "# Panel\n");
    write(md.resolve("ConfB 2026/Day 2/_index.md"), "---\ntitle: ConfB workshops\n---\n");
    write(md.resolve("ConfB 2026/Day 2/Closing/Workshop.md"), "# Workshop\n");
    write(md.resolve("Loose note.md"), "# Loose\n");
    try (Notebook nb = Notebook.open(dir.resolve("a.talkbook"))) {
      importer.importFolder(nb, md, false, SiteExporter.Progress.NONE);

      assertThat(eventsAndTalks(nb))
          .isEqualTo(
              Map.of(
                  "ConfA 2026", List.of("Keynote"),
                  "ConfB 2026", List.of("Keynote"),
                  "ConfB workshops", List.of("Panel", "Workshop"),
                  "Imported notes", List.of("Loose")));
    }
  }

  @Test
  void aFolderNamedInWordsKeepsItsHyphensAndFillsTheEventOfThatTitle() throws Exception {
    // "Devoxx-ish week/" once became a new event "Devoxx ish week" beside the user's own.
    Path md = dir.resolve("notes");
    write(md.resolve("Devoxx-ish week/Loom.md"), "# Loom\n");
    write(md.resolve("Q&A - part_2/Panel.md"), "# Panel\n");
    write(md.resolve("jvm-days_2026/Keynote.md"), "# Keynote\n");
    try (Notebook nb = Notebook.open(dir.resolve("a.talkbook"))) {
      nb.events().create(Event.Details.titled("Devoxx-ish week"));

      importer.importFolder(nb, md, false, SiteExporter.Progress.NONE);

      assertThat(eventsAndTalks(nb))
          .isEqualTo(
              Map.of(
                  "Devoxx-ish week", List.of("Loom"),
                  "Q&A - part_2", List.of("Panel"),
                  "Jvm days 2026", List.of("Keynote")));
    }
  }

  @Test
  void aFolderAndFileInWordsImportedAgainFindTheEventAndTalkAnEarlierVersionMadeOfThem()
      throws Exception {
    // Imported before this version, "Q&A - part_2/" made the event "Q&A   part 2" and "Devoxx ish
    // week"; imported again (a vault synced by hand), they became new events beside those, with a
    // second copy of every talk, and "Q&A - part 2.md" a second talk beside "Q&A   part 2".
    Path md = dir.resolve("notes");
    write(md.resolve("Devoxx-ish week/Loom.md"), "# Loom\n\nNew line.\n");
    write(md.resolve("Q&A - part_2/Panel.md"), "# Panel\n");
    write(md.resolve("Summit/Q&A - part 2.md"), "No heading here.\n");
    try (Notebook nb = Notebook.open(dir.resolve("a.talkbook"))) {
      Event devoxx = nb.events().create(Event.Details.titled("Devoxx ish week"));
      Talk loom = nb.talks().create(devoxx.id(), Talk.Details.titled("Loom"), "# Loom\n");
      nb.events().create(Event.Details.titled("Q&A   part 2"));
      Event summit = nb.events().create(Event.Details.titled("Summit"));
      Talk qa = nb.talks().create(summit.id(), Talk.Details.titled("Q&A   part 2"), "mine\n");

      importer.importFolder(nb, md, false, SiteExporter.Progress.NONE);

      assertThat(eventsAndTalks(nb))
          .isEqualTo(
              Map.of(
                  "Devoxx ish week", List.of("Loom"),
                  "Q&A   part 2", List.of("Panel"),
                  "Summit", List.of("Q&A - part 2")));
      assertThat(nb.talks().get(loom.id()).body()).isEqualTo("# Loom\n\nNew line.\n");
      assertThat(nb.talks().get(qa.id()).body()).isEqualTo("No heading here.\n");
    }
  }

  @Test
  void aFileNamedInWordsKeepsItsHyphensAsTheTalksTitle() throws Exception {
    Path md = dir.resolve("notes");
    write(md.resolve("Summit/Q&A - part 2.md"), "No heading here.\n");
    write(md.resolve("Summit/02-closing-panel.md"), "No heading either.\n");
    try (Notebook nb = Notebook.open(dir.resolve("a.talkbook"))) {
      importer.importFolder(nb, md, false, SiteExporter.Progress.NONE);

      assertThat(eventsAndTalks(nb))
          .isEqualTo(Map.of("Summit", List.of("Q&A - part 2", "closing panel")));
    }
  }

  @Test
  void anEventMadeFromAFolderTakesTheDaysOfItsTalksAndAnEventAlreadyThereKeepsItsOwn()
      throws Exception {
    Path md = dir.resolve("notes");
    write(md.resolve("Week/Monday.md"), "---\ntitle: Monday\ndate: 2026-10-05T09:30\n---\n");
    write(md.resolve("Week/Friday.md"), "---\ntitle: Friday\ndate: 2026-10-09T16:00\n---\n");
    write(md.resolve("Week/Untimed.md"), "# Untimed\n");
    write(md.resolve("Mine/Talk.md"), "---\ntitle: Talk\ndate: 2026-10-07T10:00\n---\n");
    write(md.resolve("Untimed only/Talk.md"), "# Talk\n");
    write(md.resolve("Described/_index.md"), "---\ntitle: Described\n---\n");
    write(md.resolve("Described/Talk.md"), "---\ntitle: Talk\ndate: 2026-10-08T10:00\n---\n");
    try (Notebook nb = Notebook.open(dir.resolve("a.talkbook"))) {
      nb.events().create(Event.Details.titled("Mine"));

      importer.importFolder(nb, md, false, SiteExporter.Progress.NONE);

      Map<String, Event.Details> events = new TreeMap<>();
      for (Event e : nb.events().list()) {
        events.put(e.title(), e.details());
      }
      assertThat(events.get("Week").startDate()).isEqualTo(java.time.LocalDate.of(2026, 10, 5));
      assertThat(events.get("Week").endDate()).isEqualTo(java.time.LocalDate.of(2026, 10, 9));
      assertThat(events.get("Mine").startDate()).isNull();
      assertThat(events.get("Untimed only").startDate()).isNull();
      // An _index.md says the event's dates, or that it has none, as an export writes it.
      assertThat(events.get("Described").startDate()).isNull();
    }
  }
}
