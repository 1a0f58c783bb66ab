package dev.talkbook.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.exchange.Schedule.Session;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each format read from its fixture into the one model, with the formats' edge cases. */
class ScheduleReaderTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static Session session(Schedule s, String title) {
    return s.sessions().stream().filter(x -> x.title().equals(title)).findFirst().orElseThrow();
  }

  @Test
  void frabXmlGivesTheConferenceAndItsSessions() {
    Schedule s = Fixtures.read("frab-schedule.xml");

    assertThat(s.format()).isEqualTo(ScheduleFormat.FRAB_XML);
    assertThat(s.source()).isEqualTo("frab:sommercamp-2026");
    assertThat(s.conference().title()).isEqualTo("Sommercamp 2026");
    assertThat(s.conference().start()).isEqualTo(LocalDate.of(2026, 8, 21));
    assertThat(s.conference().end()).isEqualTo(LocalDate.of(2026, 8, 22));
    assertThat(s.conference().zone()).isEqualTo(BERLIN);
    assertThat(s.conference().location()).isEqualTo("Ziegeleipark, Mildenberg");
    assertThat(s.conference().url())
        .isEqualTo("https://programme.example.org/sommercamp-2026/schedule/");
    assertThat(s.sessions())
        .extracting(Session::title)
        .containsExactly(
            "Soldering for the faint of heart",
            "Night owls: radio after midnight",
            "Privacy by design",
            "Closing");
    assertThat(s.leftOut()).hasSize(1); // the coffee break

    Session solder = session(s, "Soldering for the faint of heart");
    assertThat(solder.uid()).isEqualTo("6a1b0c8e-1b2c-4d5e-8f90-000000000001");
    assertThat(solder.subtitle()).isEqualTo("Irons, fumes & flux");
    assertThat(solder.speakers()).containsExactly("Ada Lovelace", "Grace Hopper");
    assertThat(solder.start().in(BERLIN)).isEqualTo(LocalDateTime.of(2026, 8, 21, 14, 0));
    assertThat(solder.duration()).isEqualTo(Duration.ofMinutes(45));
    assertThat(solder.room()).isEqualTo("Saal 1");
    assertThat(solder.tags()).containsExactly("Hardware");
    assertThat(solder.language()).isEqualTo("en");
    assertThat(solder.slidesUrl()).isEqualTo("https://speakerdeck.com/ada/soldering");
    assertThat(solder.videoUrl()).isEqualTo("https://media.ccc.de/v/sommercamp-2026-101");
    assertThat(solder.url())
        .isEqualTo("https://programme.example.org/sommercamp-2026/talk/ABCDEF/");
    assertThat(s.warnings()).anyMatch(w -> w.contains("ftp://example.org/nope"));
  }

  @Test
  void frabXmlHtmlAbstractBecomesSafeMarkdownWithTheDescriptionAfterIt() {
    Session solder =
        session(Fixtures.read("frab-schedule.xml"), "Soldering for the faint of heart");
    assertThat(solder.abstractText())
        .isEqualTo(
            "We **solder** a badge.\n\n- irons\n- [the kit](https://example.org/kit)\n- a trap"
                + "\n\nBring your own *headlamp*.");
    assertThat(solder.abstractText()).doesNotContain("script", "javascript", "alert");
  }

  @Test
  void frabXmlSessionPastMidnightIsOnTheNextDateAndOptionalFieldsMayBeMissing() {
    Schedule s = Fixtures.read("frab-schedule.xml");
    Session owls = session(s, "Night owls: radio after midnight");
    assertThat(owls.start().in(BERLIN)).isEqualTo(LocalDateTime.of(2026, 8, 22, 0, 30));
    assertThat(owls.duration()).isEqualTo(Duration.ofMinutes(90));

    Session privacy = session(s, "Privacy by design");
    assertThat(privacy.speakers()).isEmpty();
    assertThat(privacy.language()).isNull();
    assertThat(privacy.subtitle()).isNull();
    assertThat(privacy.abstractText()).isEmpty();
    assertThat(privacy.tags()).containsExactly("Ethics Society & Politics");
  }

  @Test
  void legacyPentabarfUsesTheDayChangeAndFloatingTimes() {
    Schedule s = Fixtures.read("pentabarf-legacy.xml");
    assertThat(s.conference().zone()).isNull();
    assertThat(s.conference().location())
        .isEqualTo("ULB (Université Libre de Bruxelles), Brussels");
    assertThat(s.source()).isEqualTo("frab:Brussels Devroom Weekend");

    Session linker = session(s, "Linker scripts demystified");
    assertThat(linker.uid()).isEqualTo("id:9001"); // no guid: the id stands in
    assertThat(linker.start().zone()).isNull();
    assertThat(linker.start().local()).isEqualTo(LocalDateTime.of(2027, 2, 6, 10, 30));
    assertThat(linker.slidesUrl()).isEqualTo("https://fosdem.example.org/slides/linker.pdf");

    Session late = session(s, "Late night hacking");
    assertThat(late.uid()).isEqualTo("c0ffee00-0000-4000-8000-000000009002");
    // 01:15 on day 1, before the 04:00 day change: the early hours of the next date.
    assertThat(late.start().local()).isEqualTo(LocalDateTime.of(2027, 2, 7, 1, 15));
  }

  @Test
  void pretalxJsonConvertsOffsetsIntoTheConferenceZone() {
    Schedule s = Fixtures.read("pretalx-schedule.json");
    ZoneId newYork = ZoneId.of("America/New_York");
    assertThat(s.format()).isEqualTo(ScheduleFormat.FRAB_JSON);
    assertThat(s.source()).isEqualTo("frab:harbourconf-2026");
    assertThat(s.conference().zone()).isEqualTo(newYork);
    assertThat(s.leftOut()).hasSize(1); // lunch
    assertThat(s.sessions()).hasSize(4);

    Session offsets = session(s, "Offsets are not zones");
    // 14:00 UTC is 10:00 in New York (EDT, -04:00).
    assertThat(offsets.start().in(newYork)).isEqualTo(LocalDateTime.of(2026, 10, 2, 10, 0));
    assertThat(offsets.speakers()).containsExactly("Tim Berners-Lee");
    assertThat(offsets.tags()).isEmpty();
    assertThat(offsets.abstractText()).isEmpty();

    Session karaoke = session(s, "Midnight karaoke");
    assertThat(karaoke.start().in(newYork)).isEqualTo(LocalDateTime.of(2026, 10, 3, 1, 0));

    Session frames = session(s, "Dataframes without tears");
    assertThat(frames.abstractText())
        .isEqualTo(
            "A tour of **columnar** thinking.\n\nWe compare three libraries.\n\n- one\n- two");
    assertThat(frames.slidesUrl()).isEqualTo("https://files.example.org/dataframes.pdf");

    Session sql = session(s, "Hands-on: SQL window functions");
    assertThat(sql.speakers()).containsExactly("Edgar Codd", "Katherine Johnson");
    assertThat(sql.duration()).isEqualTo(Duration.ofHours(2));
    assertThat(sql.videoUrl()).isEqualTo("https://www.youtube.com/watch?v=abc");
    assertThat(sql.subtitle()).isEqualTo("Bring a laptop");
  }

  @Test
  void iCalendarKeepsEachTimesZoneLeavesOutAllDayEntriesAndSetsCancelledOnesApart() {
    Schedule s = Fixtures.read("schedule.ics");
    ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
    assertThat(s.format()).isEqualTo(ScheduleFormat.ICALENDAR);
    assertThat(s.conference().title()).isEqualTo("Canal Summit 2026");
    assertThat(s.conference().zone()).isEqualTo(amsterdam);
    assertThat(s.source()).isEqualTo("ical:Canal Summit 2026");
    assertThat(s.leftOut()).hasSize(1);
    assertThat(s.cancelled()).extracting(Schedule.Session::title).containsExactly("Cancelled talk");

    Session locks = session(s, "Locks and canals");
    assertThat(locks.speakers()).containsExactly("Jan Leeghwater", "Maria Sibylla Merian");
    assertThat(locks.start().in(amsterdam)).isEqualTo(LocalDateTime.of(2026, 6, 11, 10, 0));
    assertThat(locks.duration()).isEqualTo(Duration.ofMinutes(45));
    assertThat(locks.room()).isEqualTo("Zaal A");
    assertThat(locks.tags()).containsExactly("Infrastructure");
    // Plain text: its line break stays one (a hard break in the Markdown kept).
    assertThat(locks.abstractText()).isEqualTo("How water moves.  \nTwo lines.");

    Session utc = session(s, "UTC all the way");
    assertThat(utc.start().zone()).isEqualTo(ZoneOffset.UTC);
    assertThat(utc.start().in(amsterdam)).isEqualTo(LocalDateTime.of(2026, 6, 11, 14, 0));
    assertThat(utc.duration()).isEqualTo(Duration.ofMinutes(30));
    assertThat(utc.tags()).containsExactly("Time", "Zones");
    assertThat(utc.abstractText()).isEqualTo("Times **in UTC** are fine.  \nReally.");

    Session floating = session(s, "Floating breakfast talk");
    assertThat(floating.start().zone()).isNull();
    assertThat(floating.start().in(amsterdam)).isEqualTo(LocalDateTime.of(2026, 6, 12, 9, 0));
  }

  @Test
  void sessionizeResolvesSpeakersRoomsAndCategories() {
    Schedule s = Fixtures.read("sessionize.json");
    assertThat(s.format()).isEqualTo(ScheduleFormat.SESSIONIZE);
    assertThat(s.conference().title()).isNull();
    assertThat(s.conference().start()).isEqualTo(LocalDate.of(2026, 5, 14));
    assertThat(s.leftOut()).hasSize(1);
    assertThat(s.sessions()).hasSize(3);

    Session kotlin = session(s, "Kotlin coroutines in anger");
    assertThat(kotlin.uid()).isEqualTo("612345");
    assertThat(kotlin.speakers()).containsExactly("Roman Elizarov");
    assertThat(kotlin.room()).isEqualTo("Hall 1");
    assertThat(kotlin.tags()).containsExactly("Kotlin", "Advanced");
    assertThat(kotlin.language()).isEqualTo("English");
    assertThat(kotlin.start().zone()).isNull();
    assertThat(kotlin.start().local()).isEqualTo(LocalDateTime.of(2026, 5, 14, 9, 0));
    assertThat(kotlin.duration()).isEqualTo(Duration.ofMinutes(50));
    assertThat(kotlin.videoUrl()).isEqualTo("https://www.youtube.com/watch?v=kc1");
    assertThat(kotlin.abstractText())
        .isEqualTo("Structured concurrency, cancellation\nand what goes wrong.");

    Session gradle = session(s, "Gradle build caches");
    assertThat(gradle.speakers()).containsExactly("Cédric Champeau", "Roman Elizarov");

    Session later = session(s, "Not scheduled yet");
    assertThat(later.start()).isNull();
    assertThat(later.room()).isNull();
  }

  @Test
  void theFormatIsToldFromTheContentNotTheName() {
    ScheduleReader reader = new ScheduleReader();
    assertThat(reader.read(Fixtures.bytes("schedule.ics"), "programme.xml").format())
        .isEqualTo(ScheduleFormat.ICALENDAR);
    assertThat(reader.read(Fixtures.bytes("frab-schedule.xml"), "programme.json").format())
        .isEqualTo(ScheduleFormat.FRAB_XML);
    byte[] bom = new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
    byte[] json = Fixtures.bytes("sessionize.json");
    byte[] withBom = new byte[bom.length + json.length];
    System.arraycopy(bom, 0, withBom, 0, 3);
    System.arraycopy(json, 0, withBom, 3, json.length);
    assertThat(reader.read(withBom, "x").format()).isEqualTo(ScheduleFormat.SESSIONIZE);
    assertThat(List.of(ScheduleFormat.values())).hasSize(4);
  }
}
