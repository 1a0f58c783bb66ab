package dev.talkbook.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.exchange.Schedule.Session;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.core.store.TestClock;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The starred talks as an iCalendar file that reads back to the same times. */
class AgendaExporterTest {
  @TempDir Path dir;
  private final Clock clock = Clock.fixed(Instant.parse("2026-08-01T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void starredTalksRoundTripThroughICalendar() throws Exception {
    try (Notebook notebook = Notebook.open(dir.resolve("n.talkbook"))) {
      ScheduleImporter importer = new ScheduleImporter(clock);
      importer.importSchedule(
          notebook,
          Fixtures.read("frab-schedule.xml"),
          null,
          null,
          false,
          ScheduleImporter.Progress.NONE);
      importer.importSchedule(
          notebook,
          Fixtures.read("pentabarf-legacy.xml"),
          null,
          null,
          false,
          ScheduleImporter.Progress.NONE);
      Talk solder = notebook.talks().findByTitle("Soldering").get(0);
      Talk late = notebook.talks().findByTitle("Late night hacking").get(0);
      notebook.talks().star(solder.id(), true);
      notebook.talks().star(late.id(), true);
      Talk noTime = notebook.talks().create(solder.eventId(), Talk.Details.titled("Hallway"), "");
      notebook.talks().star(noTime.id(), true);

      Path file = dir.resolve("out/my.ics");
      AgendaExporter.Result result = new AgendaExporter(clock).export(notebook, file);

      assertThat(result.written()).isEqualTo(2);
      assertThat(result.withoutTime()).isEqualTo(1);
      String text = Files.readString(file);
      assertThat(text).contains("BEGIN:VCALENDAR", "X-WR-CALNAME:My agenda");
      // Zoned: written in UTC (14:00 in Berlin in summer is 12:00 UTC).
      assertThat(text).contains("DTSTART:20260821T120000Z", "DTEND:20260821T124500Z");

      Schedule back = new ScheduleReader().read(Files.readAllBytes(file), "my.ics");
      assertThat(back.sessions())
          .extracting(Session::uid)
          .containsExactlyInAnyOrder(solder.programme().uid(), late.programme().uid());
      Session s =
          back.sessions().stream()
              .filter(x -> x.uid().equals(solder.programme().uid()))
              .findFirst()
              .orElseThrow();
      assertThat(s.title()).isEqualTo("Soldering for the faint of heart — Irons, fumes & flux");
      assertThat(s.start().in(ZoneId.of("Europe/Berlin")))
          .isEqualTo(LocalDateTime.of(2026, 8, 21, 14, 0));
      assertThat(s.duration()).isEqualTo(Duration.ofMinutes(45));
      assertThat(s.room()).isEqualTo("Saal 1");
      assertThat(s.abstractText()).startsWith("Ada Lovelace, Grace Hopper");
      Session floating =
          back.sessions().stream()
              .filter(x -> x.uid().equals(late.programme().uid()))
              .findFirst()
              .orElseThrow();
      assertThat(floating.start().zone()).isNull();
      assertThat(floating.start().local()).isEqualTo(LocalDateTime.of(2027, 2, 7, 1, 15));
    }
  }

  @Test
  void aTalkAcrossTheNightTheClocksGoBackEndsItsLengthAfterItsStart() throws Exception {
    try (Notebook notebook = Notebook.open(dir.resolve("n.talkbook"))) {
      new ScheduleImporter(clock)
          .importSchedule(
              notebook,
              Fixtures.read("frab-schedule.xml"),
              null,
              null,
              false,
              ScheduleImporter.Progress.NONE);
      Talk solder = notebook.talks().findByTitle("Soldering").get(0);
      // Berlin, 25 October 2026: 02:30 summer time (00:30 UTC), 45 minutes; the clocks go back
      // from 03:00 to 02:00 meanwhile, so it ends at 02:15 winter time, 01:15 UTC. The wall clock
      // plus 45 minutes, 03:15 winter time, is an hour later than the talk ends.
      notebook
          .talks()
          .update(
              solder.id(), solder.details().withStartsAt(LocalDateTime.of(2026, 10, 25, 2, 30)));
      notebook.talks().star(solder.id(), true);

      Path file = dir.resolve("agenda.ics");
      new AgendaExporter(clock).export(notebook, file);

      assertThat(Files.readString(file))
          .contains("DTSTART:20261025T003000Z", "DTEND:20261025T011500Z");
    }
  }

  @Test
  void aStarredTalkGoneFromTheProgrammeIsWrittenAsCancelled() throws Exception {
    try (Notebook notebook = Notebook.open(dir.resolve("n.talkbook"))) {
      ScheduleImporter importer = new ScheduleImporter(clock);
      String xml = Fixtures.text("frab-schedule.xml");
      importer.importSchedule(
          notebook,
          new ScheduleReader().read(xml.getBytes(StandardCharsets.UTF_8), "camp.xml"),
          null,
          null,
          false,
          ScheduleImporter.Progress.NONE);
      Talk owls = notebook.talks().findByTitle("Night owls").get(0);
      Talk solder = notebook.talks().findByTitle("Soldering").get(0);
      notebook.talks().star(owls.id(), true);
      notebook.talks().star(solder.id(), true);
      String without =
          xml.replaceAll("(?s)<event guid='6a1b0c8e-1b2c-4d5e-8f90-000000000003'.*?</event>", "");
      importer.importSchedule(
          notebook,
          new ScheduleReader().read(without.getBytes(StandardCharsets.UTF_8), "camp.xml"),
          null,
          null,
          false,
          ScheduleImporter.Progress.NONE);
      assertThat(notebook.talks().get(owls.id()).programme().removed()).isTrue();

      Path file = dir.resolve("my.ics");
      AgendaExporter.Result result = new AgendaExporter(clock).export(notebook, file);

      assertThat(result.written()).isEqualTo(2); // the cancelled one too, so calendars update
      biweekly.ICalendar back = biweekly.Biweekly.parse(Files.readString(file)).first();
      biweekly.component.VEvent cancelled = event(back, owls.programme().uid());
      assertThat(cancelled.getStatus().isCancelled()).isTrue();
      assertThat(cancelled.getSummary().getValue())
          .isEqualTo("Cancelled: Night owls: radio after midnight");
      biweekly.component.VEvent kept = event(back, solder.programme().uid());
      assertThat(kept.getStatus()).isNull();
      assertThat(kept.getSummary().getValue()).startsWith("Soldering");
      // Read back as a programme, the cancelled entry is left out, as cancelled entries are.
      assertThat(new ScheduleReader().read(Files.readAllBytes(file), "my.ics").sessions())
          .extracting(Session::uid)
          .containsExactly(solder.programme().uid());
    }
  }

  private static biweekly.component.VEvent event(biweekly.ICalendar ical, String uid) {
    return ical.getEvents().stream()
        .filter(e -> e.getUid().getValue().equals(uid))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void everyLineIsAtMost75OctetsAndALongNonAsciiSummaryReadsBackWhole() throws Exception {
    String title =
        "Über die Zukunft — 東京で学ぶ並行処理とバーチャルスレッド 🧵 "
            + "Ünïcödé everywhere, even in a very long title that goes on and on";
    try (Notebook notebook = Notebook.open(dir.resolve("n.talkbook"))) {
      long event =
          notebook.events().create(dev.talkbook.core.notebook.Event.Details.titled("Tōkyō")).id();
      Talk t =
          notebook
              .talks()
              .create(
                  event,
                  new Talk.Details(
                      title,
                      java.util.List.of("Zoë Ångström", "山田太郎"),
                      LocalDateTime.of(2026, 9, 1, 10, 0),
                      "Saal Ü — 第一会議室 ".repeat(5).strip(),
                      null,
                      null,
                      java.util.List.of()),
                  "");
      notebook.talks().star(t.id(), true);

      Path file = dir.resolve("my.ics");
      new AgendaExporter(clock).export(notebook, file);

      byte[] bytes = Files.readAllBytes(file);
      String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
      assertThat(text).endsWith("\r\n");
      for (String line : text.split("\r\n")) {
        assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
            .as("octets of %s", line)
            .isLessThanOrEqualTo(75);
      }
      assertThat(text).contains("\r\n ");
      biweekly.ICalendar back = biweekly.Biweekly.parse(text).first();
      assertThat(back.getEvents()).hasSize(1);
      assertThat(back.getEvents().get(0).getSummary().getValue()).isEqualTo(title);
      assertThat(back.getEvents().get(0).getLocation().getValue())
          .isEqualTo("Saal Ü — 第一会議室 ".repeat(5).strip());
      assertThat(back.getEvents().get(0).getDescription().getValue())
          .startsWith("Zoë Ångström, 山田太郎");
      Session s = new ScheduleReader().read(bytes, "my.ics").sessions().get(0);
      assertThat(s.title()).isEqualTo(title);
    }
  }

  @Test
  void theAbstractIsPlainTextInTheCalendar() throws Exception {
    try (Notebook notebook = Notebook.open(dir.resolve("n.talkbook"))) {
      new ScheduleImporter(clock)
          .importSchedule(
              notebook,
              Fixtures.read("abstract-pretalx.json"),
              null,
              null,
              false,
              ScheduleImporter.Progress.NONE);
      Talk t = notebook.talks().findByTitle("Rust & Java: <interop> done right").get(0);
      notebook.talks().star(t.id(), true);
      dev.talkbook.core.notebook.Programme p = t.programme();
      notebook
          .talks()
          .update(
              t.id(),
              t.details(),
              new dev.talkbook.core.notebook.Programme(
                  p.abstractText()
                      + "\n\n- one\n- `two`\n\nSee [the docs](https://example.org/talk/1),"
                      + " <https://x.org/y>, [mail](mailto:a@example.org) and [a trap](javascript:x).",
                  p.subtitle(),
                  p.duration(),
                  p.language(),
                  p.track(),
                  p.uid(),
                  p.source(),
                  p.removedAt()));

      StringWriter out = new StringWriter();
      new AgendaExporter(clock).write(notebook, out);

      String description =
          biweekly.Biweekly.parse(out.toString())
              .first()
              .getEvents()
              .get(0)
              .getDescription()
              .getValue();
      // As a calendar shows it: no Markdown marks, escapes or tags; the paragraphs and items kept.
      assertThat(description)
          .isEqualTo(
              "Ada Lovelace\n\n"
                  + "Generics like List<String> and Rust & Java: <interop> done right.\n\n"
                  + "Expect demos, & some live code.\n\n"
                  + "• one\n• two\n\n"
                  // A link's address after its text: a calendar shows no link.
                  + "See the docs (https://example.org/talk/1), https://x.org/y, mail"
                  + " (a@example.org) and a trap.\n\n"
                  + "Abstracts 2026");
    }
  }

  @Test
  void anIcsProgrammesDescriptionComesBackWithItsLinesAndParagraphs() throws Exception {
    String description =
        "First line of the abstract.\nSecond line, right under it;"
            + " commas and semicolons stay.\n\nA new paragraph: slides at"
            + " https://example.org/slides\nand a line of non-ASCII text long enough to be"
            + " folded: Grüße aus Köln, Zürich und Malmö — 🧵🧵🧵 — fin.";
    String ics =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
            + "BEGIN:VEVENT\r\nUID:lines-1\r\nDTSTART:20260611T100000Z\r\n"
            + "DTEND:20260611T104500Z\r\nSUMMARY:Lines\r\n"
            + "DESCRIPTION:"
            + description.replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")
            + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    try (Notebook notebook = Notebook.open(dir.resolve("n.talkbook"))) {
      new ScheduleImporter(clock)
          .importSchedule(
              notebook,
              new ScheduleReader().read(ics.getBytes(StandardCharsets.UTF_8), "programme.ics"),
              null,
              "Camp",
              false,
              ScheduleImporter.Progress.NONE);
      Talk t = notebook.talks().findByTitle("Lines").get(0);
      notebook.talks().star(t.id(), true);

      StringWriter out = new StringWriter();
      new AgendaExporter(clock).write(notebook, out);

      String text = out.toString();
      // RFC 5545: a line break in a text value is written "\n", lines fold at 75 octets
      assertThat(text).contains("First line of the abstract.\\nSecond line\\, right under it\\;");
      for (String line : text.split("\r\n")) {
        assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
      }
      String back =
          biweekly.Biweekly.parse(text).first().getEvents().get(0).getDescription().getValue();
      // the same lines as the programme's, the event's title after them as before
      assertThat(back).isEqualTo(description + "\n\nCamp");
      Schedule again = new ScheduleReader().read(text.getBytes(StandardCharsets.UTF_8), "my.ics");
      assertThat(again.sessions().get(0).abstractText())
          .startsWith("First line of the abstract.  \nSecond line, right under it;");
    }
  }

  @Test
  void theFileGetsThePermissionsAnyNewFileGetsForCalendarsAndServersToRead() throws Exception {
    Assumptions.assumeTrue(
        dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
    Path file = dir.resolve("agenda.ics");
    try (Notebook notebook = Notebook.open(dir.resolve("n.talkbook"))) {
      new AgendaExporter(clock).export(notebook, file);
    }
    // what the umask leaves of rw-rw-rw-, as for a file any program makes (Java's included)
    Path made = Files.createFile(dir.resolve("made.txt"));
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(made));
  }

  @Test
  void foldingNeverSplitsACharacter() {
    String line = "SUMMARY:" + "é".repeat(40) + "🧵".repeat(20) + "x".repeat(100);

    String folded = AgendaExporter.foldLines(line + "\r\nEND:VEVENT\r\n");

    assertThat(folded.replace("\r\n ", "")).isEqualTo(line + "\r\nEND:VEVENT\r\n");
    for (String l : folded.split("\r\n")) {
      assertThat(l.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
          .isLessThanOrEqualTo(75);
      assertThat(Character.isLowSurrogate(l.charAt(l.startsWith(" ") ? 1 : 0))).isFalse();
    }
  }

  @Test
  void aCancelledTalkGetsAHigherSequenceThanItWasExportedWithAndIcsTalksAUidOfTheirOwn()
      throws Exception {
    TestClock time = new TestClock(Instant.parse("2026-08-01T10:00:00Z"));
    try (Notebook notebook =
        Notebook.open(dir.resolve("n.talkbook"), Notebook.Options.defaults().withClock(time))) {
      ScheduleImporter importer = new ScheduleImporter(time);
      String xml = Fixtures.text("frab-schedule.xml");
      importer.importSchedule(
          notebook,
          new ScheduleReader().read(xml.getBytes(StandardCharsets.UTF_8), "camp.xml"),
          null,
          null,
          false,
          ScheduleImporter.Progress.NONE);
      Talk owls = notebook.talks().findByTitle("Night owls").get(0);
      notebook.talks().star(owls.id(), true);
      time.advance(Duration.ofSeconds(1));
      StringWriter before = new StringWriter();
      new AgendaExporter(time).write(notebook, before);
      time.advance(Duration.ofSeconds(1));
      String without =
          xml.replaceAll("(?s)<event guid='6a1b0c8e-1b2c-4d5e-8f90-000000000003'.*?</event>", "");
      importer.importSchedule(
          notebook,
          new ScheduleReader().read(without.getBytes(StandardCharsets.UTF_8), "camp.xml"),
          null,
          null,
          false,
          ScheduleImporter.Progress.NONE);
      StringWriter after = new StringWriter();
      new AgendaExporter(time).write(notebook, after);
      StringWriter again = new StringWriter();
      new AgendaExporter(time).write(notebook, again);

      int was =
          event(biweekly.Biweekly.parse(before.toString()).first(), owls.programme().uid())
              .getSequence()
              .getValue();
      biweekly.component.VEvent cancelled =
          event(biweekly.Biweekly.parse(after.toString()).first(), owls.programme().uid());
      assertThat(cancelled.getStatus().isCancelled()).isTrue();
      assertThat(cancelled.getSequence()).isNotNull();
      assertThat(cancelled.getSequence().getValue()).isGreaterThan(was);
      // The same agenda again: the same number, so nothing changes in the calendar.
      assertThat(again.toString()).isEqualTo(after.toString());
    }

    // A talk of an .ics programme: not the conference calendar's UID, the same on every export.
    try (Notebook notebook = Notebook.open(dir.resolve("ics.talkbook"))) {
      new ScheduleImporter(clock)
          .importSchedule(
              notebook,
              Fixtures.read("schedule.ics"),
              null,
              null,
              false,
              ScheduleImporter.Progress.NONE);
      Talk t = notebook.talks().list(notebook.events().list().get(0).id()).get(0);
      notebook.talks().star(t.id(), true);
      StringWriter one = new StringWriter();
      new AgendaExporter(clock).write(notebook, one);
      StringWriter two = new StringWriter();
      new AgendaExporter(clock).write(notebook, two);
      String uid =
          biweekly.Biweekly.parse(one.toString()).first().getEvents().get(0).getUid().getValue();
      assertThat(uid).isNotEqualTo(t.programme().uid()).endsWith("@talkbook");
      assertThat(
              biweekly.Biweekly.parse(two.toString())
                  .first()
                  .getEvents()
                  .get(0)
                  .getUid()
                  .getValue())
          .isEqualTo(uid);
    }
  }
}
