package dev.talkbook.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.talkbook.core.exchange.ScheduleImporter.Kind;
import dev.talkbook.core.exchange.ScheduleImporter.Report;
import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A programme into the notebook, and again after it changed. */
class ScheduleImporterTest {
  @TempDir Path dir;
  private Notebook notebook;
  private final ScheduleImporter importer =
      new ScheduleImporter(Clock.fixed(Instant.parse("2026-08-21T12:00:00Z"), ZoneOffset.UTC));

  @BeforeEach
  void open() {
    notebook = Notebook.open(dir.resolve("n.talkbook"));
  }

  @AfterEach
  void close() {
    notebook.close();
  }

  private Report importText(String text, boolean dryRun) {
    Schedule s = new ScheduleReader().read(text.getBytes(StandardCharsets.UTF_8), "camp.xml");
    return importer.importSchedule(
        notebook, s, null, "camp", dryRun, ScheduleImporter.Progress.NONE);
  }

  private Report importFixture(String name) {
    return importText(Fixtures.text(name), false);
  }

  private Talk talk(String title) {
    return notebook.talks().findByTitle(title).get(0);
  }

  @Test
  void theConferenceBecomesAnEventAndEachSessionATalk() {
    Report r = importFixture("frab-schedule.xml");

    assertThat(r.eventCreated()).isTrue();
    assertThat(r.count(Kind.ADDED)).isEqualTo(4);
    assertThat(r.leftOut()).hasSize(1);
    Event event = notebook.events().get(r.eventId());
    assertThat(event.title()).isEqualTo("Sommercamp 2026");
    assertThat(event.startDate()).isEqualTo(LocalDate.of(2026, 8, 21));
    assertThat(event.location()).isEqualTo("Ziegeleipark, Mildenberg");
    assertThat(event.url()).isEqualTo("https://programme.example.org/sommercamp-2026/schedule/");
    assertThat(event.timeZone()).isEqualTo("Europe/Berlin");
    // In programme order: by time, then room.
    assertThat(notebook.talks().list(event.id()))
        .extracting(Talk::title)
        .containsExactly(
            "Soldering for the faint of heart",
            "Privacy by design",
            "Night owls: radio after midnight",
            "Closing");

    Talk solder = talk("Soldering");
    assertThat(solder.body()).isEmpty();
    assertThat(solder.details().speakers()).containsExactly("Ada Lovelace", "Grace Hopper");
    assertThat(solder.details().startsAt()).isEqualTo(LocalDateTime.of(2026, 8, 21, 14, 0));
    assertThat(solder.details().room()).isEqualTo("Saal 1");
    assertThat(solder.details().slidesUrl()).isEqualTo("https://speakerdeck.com/ada/soldering");
    assertThat(solder.details().videoUrl()).isEqualTo("https://media.ccc.de/v/sommercamp-2026-101");
    assertThat(solder.tags()).containsExactly("Hardware");
    assertThat(solder.programme().abstractText()).startsWith("We **solder** a badge.");
    assertThat(solder.programme().subtitle()).isEqualTo("Irons, fumes & flux");
    assertThat(solder.programme().duration()).isEqualTo(Duration.ofMinutes(45));
    assertThat(solder.programme().language()).isEqualTo("en");
    assertThat(solder.programme().uid()).isEqualTo("6a1b0c8e-1b2c-4d5e-8f90-000000000001");
    assertThat(talk("Night owls").details().startsAt())
        .isEqualTo(LocalDateTime.of(2026, 8, 22, 0, 30));
  }

  @Test
  void anUnchangedReImportChangesNothing() {
    importFixture("frab-schedule.xml");
    List<Talk> before = notebook.talks().list(notebook.events().list().get(0).id());

    Report again = importFixture("frab-schedule.xml");

    assertThat(again.nothingChanged()).isTrue();
    assertThat(again.unchanged()).isEqualTo(4);
    assertThat(again.eventCreated()).isFalse();
    assertThat(notebook.events().list()).hasSize(1);
    assertThat(notebook.talks().list(again.eventId())).isEqualTo(before);
  }

  @Test
  void aReImportAppliesAndListsTheChangesAndNeverTouchesTheNotes() {
    Report first = importFixture("frab-schedule.xml");
    Talk solder = talk("Soldering");
    notebook.talks().saveBody(solder.id(), "- my notes");
    notebook.talks().star(solder.id(), true);
    notebook.talks().update(solder.id(), solder.details().withTags(List.of("Hardware", "mine")));

    String changed =
        Fixtures.text("frab-schedule.xml")
            .replace(
                "<room>Saal 1</room>\n                <title>Soldering",
                "<room>Saal 2</room>\n                <title>Soldering")
            .replace(
                "<date>2026-08-21T14:00:00+02:00</date>\n                <start>14:00</start>\n                <duration>00:45</duration>",
                "<date>2026-08-21T15:30:00+02:00</date>\n                <start>15:30</start>\n                <duration>00:45</duration>")
            .replace("<person id='8'>Grace Hopper</person>", "")
            .replace("<title>Closing</title>", "<title>Closing ceremony</title>");
    Report r = importText(changed, false);

    assertThat(r.eventId()).isEqualTo(first.eventId());
    assertThat(r.lines())
        .contains(
            // The move on its line, what else changed on the next.
            "moved: Soldering for the faint of heart: Fri 21 Aug 14:00 → 15:30; Saal 1 → Saal 2",
            "changed: Soldering for the faint of heart: speakers Ada Lovelace, Grace Hopper → Ada"
                + " Lovelace",
            "changed: Closing ceremony: title was \"Closing\"");
    assertThat(r.count(Kind.MOVED)).isEqualTo(1);
    assertThat(r.count(Kind.CHANGED)).isEqualTo(1);
    assertThat(r.unchanged()).isEqualTo(2);
    // The talk both moved and changed is said to be both in the summary too, not only as moved.
    assertThat(r.movedAndChanged()).isEqualTo(1);
    assertThat(r.summary()).contains("0 added, 1 moved (1 also changed), 1 changed, 0 removed");
    Talk after = notebook.talks().get(solder.id());
    assertThat(after.body()).isEqualTo("- my notes");
    assertThat(after.starred()).isTrue();
    assertThat(after.details().room()).isEqualTo("Saal 2");
    assertThat(after.details().startsAt()).isEqualTo(LocalDateTime.of(2026, 8, 21, 15, 30));
    assertThat(after.tags()).containsExactly("Hardware", "mine");
  }

  @Test
  void theAttendeesEditsSurviveAReImportOfTheSameProgramme() {
    long event = importFixture("frab-schedule.xml").eventId();
    Talk solder = talk("Soldering");
    Talk closing = talk("Closing");
    notebook
        .talks()
        .update(
            solder.id(),
            solder
                .details()
                .withTitle("Soldering (bring my iron)")
                .withSpeakers(List.of("Ada Lovelace")));
    notebook
        .talks()
        .update(
            closing.id(),
            new Talk.Details(
                "Closing",
                closing.details().speakers(),
                LocalDateTime.of(2026, 8, 22, 18, 15),
                "Saal 2, back row",
                null,
                null,
                closing.tags()));
    List<Talk> edited = notebook.talks().list(event);

    Report again = importFixture("frab-schedule.xml");

    // The programme changed nothing: nothing is applied, nothing listed.
    assertThat(again.nothingChanged()).as(again.lines().toString()).isTrue();
    assertThat(again.count(Kind.MOVED)).isZero();
    assertThat(again.unchanged()).isEqualTo(4);
    assertThat(notebook.talks().list(event)).isEqualTo(edited);
    Talk after = notebook.talks().get(closing.id());
    assertThat(after.details().room()).isEqualTo("Saal 2, back row");
    assertThat(after.details().startsAt()).isEqualTo(LocalDateTime.of(2026, 8, 22, 18, 15));
    assertThat(notebook.talks().get(solder.id()).title()).isEqualTo("Soldering (bring my iron)");
    assertThat(notebook.talks().get(solder.id()).details().speakers())
        .containsExactly("Ada Lovelace");
  }

  @Test
  void whatTheProgrammeChangesIsAppliedBesideTheAttendeesEditsAndBothChangedIsListed() {
    importFixture("frab-schedule.xml");
    Talk solder = talk("Soldering");
    Talk closing = talk("Closing");
    notebook.talks().update(solder.id(), solder.details().withTitle("Soldering (my title)"));
    notebook
        .talks()
        .update(
            closing.id(),
            new Talk.Details(
                "Closing",
                closing.details().speakers(),
                closing.details().startsAt(),
                "Saal 2, back row",
                null,
                null,
                closing.tags()));

    // The programme moves both: Soldering to Saturday 10:00 (its title the attendee's is kept),
    // Closing to another room (which the attendee had edited too).
    String moved =
        solderingOnSaturday()
            .replace(
                "<room>Saal 2</room>\n                <title>Closing",
                "<room>Zelt</room>\n                <title>Closing");
    assertThat(moved).contains("<room>Zelt</room>");
    Report r = importText(moved, false);

    Talk s = notebook.talks().get(solder.id());
    assertThat(s.title()).isEqualTo("Soldering (my title)");
    assertThat(s.details().startsAt()).isEqualTo(LocalDateTime.of(2026, 8, 22, 10, 0));
    Talk c = notebook.talks().get(closing.id());
    assertThat(c.details().room()).isEqualTo("Saal 2, back row");
    assertThat(r.lines())
        .contains(
            "moved: Soldering (my title): Fri 21 Aug 14:00 → Sat 22 Aug 10:00",
            "changed: Closing: room: yours \"Saal 2, back row\", the programme's now \"Zelt\"");
    assertThat(r.count(Kind.MOVED)).isEqualTo(1);
    assertThat(r.count(Kind.CHANGED)).isEqualTo(1);
    assertThat(r.unchanged()).isEqualTo(2);

    // Said once: the same programme again changes and lists nothing.
    Report again = importText(moved, false);
    assertThat(again.nothingChanged()).as(again.lines().toString()).isTrue();
    assertThat(notebook.talks().get(closing.id()).details().room()).isEqualTo("Saal 2, back row");
  }

  @Test
  void aNotebookImportedIntoBeforeFormat10IsUpgradedAndKeepsEditsFromItsNextImportOn()
      throws Exception {
    importFixture("frab-schedule.xml");
    Talk closing = talk("Closing");
    notebook.talks().update(closing.id(), closing.details().withTitle("Closing (mine)"));
    notebook.close();
    // The file as a Talkbook of format 9 left it: V010 only adds the table of what was said.
    Path file = dir.resolve("n.talkbook");
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
        java.sql.Statement st = c.createStatement()) {
      st.executeUpdate("DROP TABLE programme_said");
      st.executeUpdate("PRAGMA user_version = 9");
    }
    notebook = Notebook.open(file);
    assertThat(notebook.formatVersion()).isGreaterThanOrEqualTo(10);
    assertThat(talk("Closing").title()).isEqualTo("Closing (mine)");

    // Nothing was kept of what the programme said: this once, its values are applied, as before.
    Report first = importFixture("frab-schedule.xml");
    assertThat(first.lines()).contains("changed: Closing: title was \"Closing (mine)\"");
    assertThat(notebook.talks().get(closing.id()).title()).isEqualTo("Closing");

    // From then on the attendee's edits stay.
    notebook.talks().update(closing.id(), talk("Closing").details().withTitle("Closing (mine)"));
    Report second = importFixture("frab-schedule.xml");
    assertThat(second.nothingChanged()).as(second.lines().toString()).isTrue();
    assertThat(notebook.talks().get(closing.id()).title()).isEqualTo("Closing (mine)");
  }

  @Test
  void aBackupAndARebuildFromDataKeepWhatTheProgrammeSaid() {
    importFixture("frab-schedule.xml");
    Talk closing = talk("Closing");
    notebook.talks().update(closing.id(), closing.details().withTitle("Closing (mine)"));
    Path backup = dir.resolve("backup.talkbook");
    notebook.backupTo(backup);
    notebook.close();
    Path file = dir.resolve("n.talkbook");
    Notebook.rebuildFromData(file, Notebook.Options.defaults(), (done, total, table) -> {});

    for (Path copy : List.of(file, backup)) {
      notebook = Notebook.open(copy);
      Report again = importFixture("frab-schedule.xml");
      assertThat(again.nothingChanged()).as(copy + ": " + again.lines()).isTrue();
      assertThat(talk("Closing").title()).isEqualTo("Closing (mine)");
      notebook.close();
    }
    notebook = Notebook.open(file);
  }

  /** The fixture with "Soldering" moved from Friday 14:00 to Saturday 10:00. */
  private static String solderingOnSaturday() {
    String moved =
        Fixtures.text("frab-schedule.xml")
            .replace(
                "<date>2026-08-21T14:00:00+02:00</date>\n"
                    + "                <start>14:00</start>\n"
                    + "                <duration>00:45</duration>",
                "<date>2026-08-22T10:00:00+02:00</date>\n"
                    + "                <start>10:00</start>\n"
                    + "                <duration>00:45</duration>");
    assertThat(moved).contains("2026-08-22T10:00:00+02:00");
    return moved;
  }

  private List<String> titlesInOrder(long eventId) {
    return notebook.talks().list(eventId).stream().map(Talk::title).toList();
  }

  @Test
  void aTalkWhoseTimeChangesMovesToItsPlaceByTime() {
    long event = importFixture("frab-schedule.xml").eventId();
    assertThat(titlesInOrder(event))
        .containsExactly(
            "Soldering for the faint of heart",
            "Privacy by design",
            "Night owls: radio after midnight",
            "Closing");

    Report dry = importText(solderingOnSaturday(), true);
    assertThat(dry.count(Kind.MOVED)).isEqualTo(1);
    assertThat(titlesInOrder(event)).startsWith("Soldering for the faint of heart");

    Report r = importText(solderingOnSaturday(), false);

    assertThat(r.lines())
        .contains("moved: Soldering for the faint of heart: Fri 21 Aug 14:00 → Sat 22 Aug 10:00");
    assertThat(titlesInOrder(event))
        .containsExactly(
            "Privacy by design",
            "Night owls: radio after midnight",
            "Soldering for the faint of heart",
            "Closing");
    // And back again, to the top.
    importFixture("frab-schedule.xml");
    assertThat(titlesInOrder(event)).startsWith("Soldering for the faint of heart");
  }

  @Test
  void aTalkWhoseTimeChangesStaysWhereTheUserPutThemWhenTheyAreNotInTimeOrder() {
    long event = importFixture("frab-schedule.xml").eventId();
    notebook.talks().move(talk("Closing").id(), event, 0); // dragged to the top by hand

    importText(solderingOnSaturday(), false);

    assertThat(titlesInOrder(event))
        .containsExactly(
            "Closing",
            "Soldering for the faint of heart",
            "Privacy by design",
            "Night owls: radio after midnight");
    assertThat(talk("Soldering").details().startsAt())
        .isEqualTo(LocalDateTime.of(2026, 8, 22, 10, 0));
  }

  @Test
  void aSessionGoneFromTheProgrammeIsKeptWhenItHasNotesAndDeletedWhenUntouched() {
    importFixture("frab-schedule.xml");
    Talk owls = talk("Night owls");
    notebook.talks().saveBody(owls.id(), "notes I took");
    String without =
        Fixtures.text("frab-schedule.xml")
            .replaceAll("(?s)<event guid='6a1b0c8e-1b2c-4d5e-8f90-000000000003'.*?</event>", "")
            .replaceAll("(?s)<event guid='6a1b0c8e-1b2c-4d5e-8f90-000000000005'.*?</event>", "");

    Report dry = importText(without, true);
    assertThat(dry.count(Kind.REMOVED)).isEqualTo(2);
    assertThat(notebook.talks().get(owls.id()).programme().removed()).isFalse();

    Report r = importText(without, false);
    assertThat(r.lines())
        .contains(
            "removed: Night owls: radio after midnight: kept and marked as removed: it has your"
                + " notes",
            "removed: Closing: deleted: it held no notes, star or files");
    Talk kept = notebook.talks().get(owls.id());
    assertThat(kept.body()).isEqualTo("notes I took");
    assertThat(kept.programme().removedAt()).isEqualTo(Instant.parse("2026-08-21T12:00:00Z"));
    assertThat(notebook.talks().findByTitle("Closing")).isEmpty();

    // Once marked, it stays marked without being listed again; back in, it is listed as back.
    assertThat(importText(without, false).nothingChanged()).isTrue();
    Report back = importFixture("frab-schedule.xml");
    assertThat(back.lines())
        .contains("changed: Night owls: radio after midnight: back in the programme")
        .anyMatch(l -> l.startsWith("added: Closing"));
    assertThat(notebook.talks().get(owls.id()).programme().removed()).isFalse();
  }

  @Test
  void sessionsTitledCancelledAreNotAddedAndTheReportCountsAndNamesThem() {
    String text =
        Fixtures.text("frab-schedule.xml")
            .replace("<title>Night owls", "<title>CANCELLED: Night owls")
            .replace("<title>Closing", "<title>Cancelled - Closing");

    Report r = importText(text, false);

    assertThat(r.count(Kind.ADDED)).isEqualTo(2);
    assertThat(r.count(Kind.CANCELLED)).isEqualTo(2);
    assertThat(r.summary()).contains("0 removed, 2 cancelled, 0 unchanged");
    assertThat(r.lines())
        .contains(
            "cancelled: Night owls: radio after midnight: not added",
            "cancelled: Closing: not added");
    assertThat(notebook.talks().list(r.eventId()))
        .extracting(Talk::title)
        .containsExactly("Soldering for the faint of heart", "Privacy by design");
    assertThat(importText(text, false).nothingChanged()).isTrue();
  }

  @Test
  void aTalkImportedBeforeThenCancelledIsMarkedAndKeptWithTheAttendeesNotes() {
    importFixture("frab-schedule.xml");
    Talk owls = talk("Night owls");
    notebook.talks().saveBody(owls.id(), "notes I took");
    Talk closing = talk("Closing");
    String text =
        Fixtures.text("frab-schedule.xml")
            .replace("<title>Night owls", "<title>CANCELED: Night owls")
            .replace("<title>Closing", "<title>Cancelled: Closing");

    Report dry = importText(text, true);
    assertThat(dry.count(Kind.CANCELLED)).isEqualTo(2);
    assertThat(notebook.talks().get(owls.id()).programme().removed()).isFalse();

    Report r = importText(text, false);
    assertThat(r.lines())
        .contains(
            "cancelled: Night owls: radio after midnight: " + ScheduleImporter.MARKED,
            "cancelled: Closing: " + ScheduleImporter.MARKED);
    assertThat(r.count(Kind.REMOVED)).isZero();
    Talk kept = notebook.talks().get(owls.id());
    assertThat(kept.body()).isEqualTo("notes I took");
    assertThat(kept.title()).isEqualTo("Night owls: radio after midnight");
    assertThat(kept.programme().removedAt()).isEqualTo(Instant.parse("2026-08-21T12:00:00Z"));
    assertThat(notebook.talks().get(closing.id()).programme().removed()).isTrue();

    Report again = importText(text, false);
    assertThat(again.nothingChanged()).isTrue();
    assertThat(again.lines()).contains("cancelled: Closing: marked as cancelled before");
  }

  @Test
  void anotherProgrammeInTheSameEventWithTheSameUidsLeavesThisProgrammesTalksAlone() {
    Schedule a = Fixtures.read("frab-schedule.xml");
    long eventId =
        importer
            .importSchedule(notebook, a, null, null, false, ScheduleImporter.Progress.NONE)
            .eventId();
    Schedule.Session first = a.sessions().get(0);
    Schedule.Session second = a.sessions().get(1);
    Talk listedBefore = byUid(eventId, first.uid());
    Talk cancelledBefore = byUid(eventId, second.uid());
    // A second small programme numbering its sessions as the first does.
    Schedule b =
        new Schedule(
            a.format(),
            "frab:other-camp",
            a.conference(),
            List.of(first.titled("The other camp's opening")),
            List.of(),
            List.of(),
            List.of(second.titled("The other camp's withdrawn talk")));

    Report r =
        importer.importSchedule(
            notebook, b, String.valueOf(eventId), null, false, ScheduleImporter.Progress.NONE);

    assertThat(r.count(Kind.ADDED)).isEqualTo(1);
    assertThat(r.count(Kind.CHANGED) + r.count(Kind.MOVED)).isZero();
    assertThat(r.lines()).contains("cancelled: The other camp's withdrawn talk: not added");
    assertThat(notebook.talks().get(listedBefore.id()).details()).isEqualTo(listedBefore.details());
    assertThat(notebook.talks().get(listedBefore.id()).programme())
        .isEqualTo(listedBefore.programme());
    assertThat(notebook.talks().get(cancelledBefore.id()).details())
        .isEqualTo(cancelledBefore.details());
    assertThat(notebook.talks().get(cancelledBefore.id()).programme())
        .isEqualTo(cancelledBefore.programme());
    assertThat(notebook.talks().findByTitle("The other camp's opening")).hasSize(1);
    // Each programme again: each finds its own talks.
    assertThat(
            importer
                .importSchedule(
                    notebook,
                    a,
                    String.valueOf(eventId),
                    null,
                    false,
                    ScheduleImporter.Progress.NONE)
                .nothingChanged())
        .isTrue();
    assertThat(
            importer
                .importSchedule(
                    notebook,
                    b,
                    String.valueOf(eventId),
                    null,
                    false,
                    ScheduleImporter.Progress.NONE)
                .nothingChanged())
        .isTrue();
  }

  @Test
  void theSameProgrammeUnderAnotherNameFindsItsTalksByUidAndTitle() {
    Schedule a = Fixtures.read("frab-schedule.xml");
    long eventId =
        importer
            .importSchedule(notebook, a, null, null, false, ScheduleImporter.Progress.NONE)
            .eventId();
    int talks = notebook.talks().list(eventId).size();
    Schedule.Session withdrawn = a.sessions().get(1);
    // The organisers renamed the calendar (or their generator's name changed): the source differs,
    // the sessions are the same, one of them now withdrawn.
    List<Schedule.Session> left = new ArrayList<>(a.sessions());
    left.remove(withdrawn);
    Schedule renamed =
        new Schedule(
            a.format(),
            "frab:renamed",
            a.conference(),
            left,
            List.of(),
            List.of(),
            List.of(withdrawn));

    Report r =
        importer.importSchedule(
            notebook,
            renamed,
            String.valueOf(eventId),
            null,
            false,
            ScheduleImporter.Progress.NONE);

    assertThat(r.count(Kind.ADDED)).isZero();
    assertThat(notebook.talks().list(eventId)).hasSize(talks);
    assertThat(notebook.talks().get(byUid(eventId, withdrawn.uid()).id()).programme().removed())
        .isTrue();
    assertThat(notebook.talks().get(byUid(eventId, left.get(0).uid()).id()).programme().source())
        .isEqualTo("frab:renamed");
    assertThat(
            importer
                .importSchedule(
                    notebook,
                    renamed,
                    String.valueOf(eventId),
                    null,
                    false,
                    ScheduleImporter.Progress.NONE)
                .nothingChanged())
        .isTrue();
  }

  private Talk byUid(long eventId, String uid) {
    return notebook.talks().list(eventId).stream()
        .filter(t -> uid.equals(t.programme().uid()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void pretalxSessionsCanceledOrWithdrawnAreNotAdded() {
    String json =
        Fixtures.text("pretalx-schedule.json")
            .replace(
                "\"guid\": \"5b2f1e40-aaaa-4bbb-8ccc-000000000002\",",
                "\"guid\": \"5b2f1e40-aaaa-4bbb-8ccc-000000000002\", \"state\": \"canceled\",")
            .replace(
                "\"guid\": \"5b2f1e40-aaaa-4bbb-8ccc-000000000003\",",
                "\"guid\": \"5b2f1e40-aaaa-4bbb-8ccc-000000000003\", \"state\": \"withdrawn\",");
    Schedule s = new ScheduleReader().read(json.getBytes(StandardCharsets.UTF_8), "schedule.json");

    Report r =
        importer.importSchedule(notebook, s, null, "x", false, ScheduleImporter.Progress.NONE);

    assertThat(r.count(Kind.CANCELLED)).isEqualTo(2);
    assertThat(r.lines()).contains("cancelled: Offsets are not zones: not added");
    assertThat(notebook.talks().findByTitle("Offsets are not zones")).isEmpty();
    assertThat(notebook.talks().findByTitle("Dataframes without tears")).hasSize(1);
  }

  @Test
  void anICalendarEntryWithStatusCancelledIsCountedAsCancelled() {
    Schedule s =
        new ScheduleReader()
            .read(Fixtures.text("schedule.ics").getBytes(StandardCharsets.UTF_8), "s.ics");

    Report r =
        importer.importSchedule(notebook, s, null, "x", false, ScheduleImporter.Progress.NONE);

    assertThat(r.summary()).contains("1 cancelled");
    assertThat(r.lines()).contains("cancelled: Cancelled talk: not added");
    assertThat(notebook.talks().findByTitle("Cancelled talk")).isEmpty();
  }

  @Test
  void theCountsAddUpToTheFilesSessionsWhenATalkWasRemovedEarlier() {
    importFixture("frab-schedule.xml");
    notebook.talks().star(talk("Night owls").id(), true);
    String without =
        Fixtures.text("frab-schedule.xml")
            .replaceAll("(?s)<event guid='6a1b0c8e-1b2c-4d5e-8f90-000000000003'.*?</event>", "");
    Report removed = importText(without, false);
    assertThat(removed.count(Kind.REMOVED)).isEqualTo(1);
    assertThat(removed.unchanged()).isEqualTo(3);

    // The file has 3 sessions (and a break); the talk marked removed before is not one of them.
    for (boolean dryRun : new boolean[] {true, false}) {
      Report again = importText(without, dryRun);
      assertThat(again.nothingChanged()).isTrue();
      assertThat(again.unchanged()).isEqualTo(3);
      assertThat(again.removedBefore()).isEqualTo(1);
      assertThat(again.summary())
          .contains("0 removed, 3 unchanged; 1 entry left out, each said below;")
          .contains("1 talk already marked as removed");
    }
    assertThat(importText(Fixtures.text("frab-schedule.xml"), true).summary())
        .doesNotContain("already marked");
  }

  @Test
  void aDryRunReportsAndChangesNothing() {
    Report dry = importText(Fixtures.text("pretalx-schedule.json"), true);
    assertThat(dry.dryRun()).isTrue();
    assertThat(dry.count(Kind.ADDED)).isEqualTo(4);
    assertThat(dry.summary()).contains("Would import").contains("dry run");
    assertThat(notebook.events().list()).isEmpty();
    assertThat(notebook.talks().count()).isZero();
  }

  @Test
  void theEventCanBeNamedAndTalksOfOtherProgrammesStay() {
    Event mine = notebook.events().create(Event.Details.titled("My week"));
    Talk handMade = notebook.talks().create(mine.id(), Talk.Details.titled("Hallway chat"), "x");
    Schedule ics = Fixtures.read("schedule.ics");
    Report r =
        importer.importSchedule(
            notebook, ics, "My week", null, false, ScheduleImporter.Progress.NONE);
    assertThat(r.eventId()).isEqualTo(mine.id());
    assertThat(r.eventChanges()).contains("time zone set to Europe/Amsterdam");
    Schedule sessionize = Fixtures.read("sessionize.json");
    importer.importSchedule(
        notebook,
        sessionize,
        String.valueOf(mine.id()),
        null,
        false,
        ScheduleImporter.Progress.NONE);

    // Re-importing the calendar removes nothing of Sessionize's nor the hand-made talk.
    Report again =
        importer.importSchedule(
            notebook, ics, "My week", null, false, ScheduleImporter.Progress.NONE);
    assertThat(again.nothingChanged()).isTrue();
    assertThat(notebook.talks().get(handMade.id()).body()).isEqualTo("x");
    assertThat(notebook.talks().list(mine.id())).hasSize(1 + 3 + 3);
  }

  @Test
  void timesAreShownInTheEventsZone() {
    Report r = importFixture("schedule.ics");
    assertThat(notebook.events().get(r.eventId()).timeZone()).isEqualTo("Europe/Amsterdam");
    assertThat(talk("UTC all the way").details().startsAt())
        .isEqualTo(LocalDateTime.of(2026, 6, 11, 14, 0));
    assertThat(talk("Floating breakfast").details().startsAt())
        .isEqualTo(LocalDateTime.of(2026, 6, 12, 9, 0));
    Report json = importFixture("pretalx-schedule.json");
    assertThat(notebook.events().get(json.eventId()).timeZone()).isEqualTo("America/New_York");
    assertThat(talk("Offsets are not zones").details().startsAt())
        .isEqualTo(LocalDateTime.of(2026, 10, 2, 10, 0));
  }

  @Test
  void aPretalxProgrammesSummaryNamesPretalxAsItsDialogDoes() {
    // A pretalx export read as "the frab-style schedule JSON" left its user wondering what
    // frab was: the summary names the format as the import dialog lists it, "pretalx/frab JSON".
    assertThat(importFixture("pretalx-schedule.json").summary())
        .startsWith("Imported the pretalx/frab schedule JSON into \"HarbourConf 2026\"");
  }

  @Test
  void aProgrammeWithoutATitleGetsTheFallbackTitleAndTheSummarySaysSo() {
    Report r = importFixture("sessionize.json");
    assertThat(r.eventTitle()).isEqualTo("camp");
    assertThat(r.eventNamedAfterSource()).isTrue();
    assertThat(r.summary())
        .startsWith(
            "Imported the Sessionize JSON into \"camp\" (a new event, named after the file or"
                + " address it came from: the programme gives no event name): 3 added");
    assertThat(talk("Not scheduled yet").details().startsAt()).isNull();

    // Found again by its sessions, or named by the user: nothing to say.
    assertThat(importFixture("sessionize.json").summary()).doesNotContain("named after");
    Report named =
        importer.importSchedule(
            notebook,
            Fixtures.read("sessionize.json"),
            "Devday",
            "camp",
            true,
            ScheduleImporter.Progress.NONE);
    assertThat(named.eventCreated()).isTrue();
    assertThat(named.summary()).doesNotContain("named after");
    assertThat(importFixture("frab-schedule.xml").summary()).doesNotContain("named after");
  }

  @Test
  void aFailureHalfWayLeavesTheNotebookAsItWas() {
    importFixture("frab-schedule.xml");
    List<Talk> before = notebook.talks().list(notebook.events().list().get(0).id());
    Schedule s = Fixtures.read("frab-schedule.xml");
    ScheduleImporter.Progress failing =
        (done, total, what) -> {
          if (done == 2) {
            throw new dev.talkbook.core.notebook.NotebookException("disk gone");
          }
        };
    Schedule changed =
        new Schedule(
            s.format(),
            s.source(),
            s.conference(),
            s.sessions().stream()
                .map(
                    x ->
                        new Schedule.Session(
                            x.uid(),
                            x.title() + "!",
                            x.subtitle(),
                            x.speakers(),
                            x.start(),
                            x.duration(),
                            x.room(),
                            x.tags(),
                            x.language(),
                            x.abstractText(),
                            x.url(),
                            x.slidesUrl(),
                            x.videoUrl()))
                .toList(),
            List.of(),
            List.of());
    assertThatThrownBy(() -> importer.importSchedule(notebook, changed, null, null, false, failing))
        .hasMessageContaining("disk gone");
    assertThat(notebook.talks().list(notebook.events().list().get(0).id())).isEqualTo(before);
  }

  @Test
  void theReportNamesTheFirstTenEntriesLeftOutAndCountsTheRest() {
    List<String> leftOut =
        java.util.stream.IntStream.rangeClosed(1, 13)
            .mapToObj(i -> "\"Break " + i + "\": a break")
            .toList();
    Schedule s = Fixtures.read("frab-schedule.xml");
    Schedule many =
        new Schedule(s.format(), s.source(), s.conference(), s.sessions(), leftOut, s.warnings());
    Report r =
        importer.importSchedule(notebook, many, null, null, true, ScheduleImporter.Progress.NONE);
    assertThat(r.summary()).contains("; 13 entries left out, the first 10 said below");
    assertThat(r.details())
        .contains("left out: \"Break 1\": a break", "left out: \"Break 10\": a break")
        .doesNotContain("left out: \"Break 11\": a break")
        .endsWith("left out: and 3 more");
  }

  @Test
  void aBreakLeftOutIsNamedWithItsDayAndRoom() {
    Report r = importFixture("frab-schedule.xml");
    assertThat(r.details()).contains("left out: \"Coffee break\" on day 1 in Saal 1: a break");
  }

  /** A one-room frab programme: the late sessions 0..late-1 from 18:00, early ones from 08:00. */
  private static String programme(int late, int early) {
    StringBuilder x =
        new StringBuilder(
            "<schedule><conference><title>Big</title><start>2026-08-21</start>"
                + "<end>2026-08-21</end><time_zone_name>UTC</time_zone_name></conference>"
                + "<day index='1' date='2026-08-21'><room name='A'>");
    for (int i = 0; i < late + early; i++) {
      boolean isLate = i < late;
      int minute = (isLate ? 18 * 60 : 8 * 60) + (isLate ? i : i - late);
      String at = String.format("2026-08-21T%02d:%02d:00+00:00", minute / 60, minute % 60);
      x.append("<event guid='00000000-0000-4000-8000-")
          .append(String.format("%012d", i))
          .append("' id='")
          .append(i + 1)
          .append("'><room>A</room><title>S")
          .append(i)
          .append("</title><date>")
          .append(at)
          .append("</date><start>")
          .append(at, 11, 16)
          .append("</start><duration>00:01</duration></event>");
    }
    return x.append("</room></day></schedule>").toString();
  }

  @Test
  void manyNewSessionsArePlacedAmongTimedTalksWithOneRenumbering() throws Exception {
    // A 9,034-session programme checked against an event with 41 timed talks took over ten
    // minutes: each new session was moved to its place on its own, the whole event renumbered
    // each time. The talks' position updates are counted by a trigger added to the file.
    long event = importText(programme(40, 0), false).eventId();
    notebook.close();
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("n.talkbook"));
        java.sql.Statement st = c.createStatement()) {
      st.execute("CREATE TABLE test_moves (n INTEGER)");
      st.execute("INSERT INTO test_moves VALUES (0)");
      st.execute(
          "CREATE TRIGGER test_count AFTER UPDATE OF position ON talk"
              + " BEGIN UPDATE test_moves SET n = n + 1; END");
    }
    notebook = Notebook.open(dir.resolve("n.talkbook"));

    Report r = importText(programme(40, 400), false);

    assertThat(r.count(Kind.ADDED)).isEqualTo(400);
    List<String> titles = titlesInOrder(event);
    assertThat(titles).hasSize(440);
    assertThat(titles.subList(0, 3)).containsExactly("S40", "S41", "S42");
    assertThat(titles.subList(400, 403)).containsExactly("S0", "S1", "S2");
    notebook.close();
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("n.talkbook"));
        java.sql.Statement st = c.createStatement();
        java.sql.ResultSet rs = st.executeQuery("SELECT n FROM test_moves")) {
      // Each talk's place written once: 400 new ones and 40 moved down (a move each: 16,440).
      assertThat(rs.getInt(1)).isLessThanOrEqualTo(440);
    }
    notebook = Notebook.open(dir.resolve("n.talkbook"));
  }

  @Test
  void aTrackTagTheUserRemovedStaysRemovedAndTagChangesHaveALineOfTheirOwn() {
    importFixture("frab-schedule.xml");
    Talk solder = talk("Soldering");
    assertThat(solder.tags()).containsExactly("Hardware");
    // The user replaces the imported track tag with one of their own.
    notebook.talks().update(solder.id(), solder.details().withTags(List.of("mytag")));

    Report r = importText(solderingOnSaturday(), false);

    assertThat(talk("Soldering").tags()).containsExactly("mytag");
    assertThat(r.details().stream().filter(l -> l.contains("Soldering") && !l.startsWith("note")))
        .containsExactly(
            "moved: Soldering for the faint of heart: Fri 21 Aug 14:00 → Sat 22 Aug 10:00");

    // A track new in the programme adds its tag, said on a line of its own beside the move.
    Report again =
        importText(
            Fixtures.text("frab-schedule.xml")
                .replace("<track>Hardware</track>", "<track>Making</track>"),
            false);
    assertThat(talk("Soldering").tags()).containsExactly("Making", "mytag");
    assertThat(again.count(Kind.MOVED)).isEqualTo(1);
    assertThat(
            again.details().stream().filter(l -> l.contains("Soldering") && !l.startsWith("note")))
        .containsExactly(
            "moved: Soldering for the faint of heart: Sat 22 Aug 10:00 → Fri 21 Aug 14:00",
            "changed: Soldering for the faint of heart: tags mytag → Making, mytag");
  }

  /**
   * The user respelled a tag ("Hardware" as "HARDWARE", on every talk); a re-import in which a
   * session moved saved it with the programme's "Hardware", and that respelled the tag back on
   * every talk. An import keeps the notebook's spelling.
   */
  @Test
  void aReImportKeepsTheUsersSpellingOfATag() {
    importFixture("frab-schedule.xml");
    Talk solder = talk("Soldering");
    notebook.talks().update(solder.id(), solder.details().withTags(List.of("HARDWARE")));
    assertThat(talk("Night owls").tags()).containsExactly("HARDWARE");

    Report r = importText(solderingOnSaturday(), false);

    assertThat(r.count(Kind.MOVED)).isEqualTo(1);
    assertThat(talk("Soldering").details().startsAt())
        .isEqualTo(LocalDateTime.of(2026, 8, 22, 10, 0));
    assertThat(talk("Soldering").tags()).containsExactly("HARDWARE");
    assertThat(talk("Night owls").tags()).containsExactly("HARDWARE");
  }
}
