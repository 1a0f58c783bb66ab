package dev.talkbook.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.exchange.Schedule.Session;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an iCalendar programme holds that is not imported as written is said, entry by entry. */
class ICalScheduleTest {
  private final ScheduleReader reader = new ScheduleReader();

  private Schedule read(String events) {
    String ics =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
            + events.replace("\n", "\r\n")
            + "END:VCALENDAR\r\n";
    return reader.read(ics.getBytes(StandardCharsets.UTF_8), "mars.ics");
  }

  @Test
  void anUnknownTimeZoneIsSaidAndTheTimeTakenAsLocal() {
    Schedule s =
        read(
            """
            BEGIN:VEVENT
            UID:m1
            DTSTART;TZID=Mars/Olympus_Mons:20260611T100000
            SUMMARY:Dust storms
            END:VEVENT
            BEGIN:VEVENT
            UID:m2
            DTSTART;TZID=Europe/Amsterdam:20260611T110000
            SUMMARY:Canals
            END:VEVENT
            """);
    Session dust = s.sessions().get(0);
    assertThat(dust.start().zone()).isNull();
    assertThat(dust.start().local()).isEqualTo(LocalDateTime.of(2026, 6, 11, 10, 0));
    assertThat(s.warnings())
        .containsExactly(
            "Time zone Mars/Olympus_Mons is unknown (no such zone name, and the file does not"
                + " define it): \"Dust storms\" at 10:00 is taken as local time, in the event's"
                + " time zone.");
  }

  @Test
  void aRepeatingEntryIsImportedOnceAndSaidToRepeat() {
    // RRULE:FREQ=DAILY;COUNT=3 gave one talk, silently
    Schedule s =
        read(
            """
            BEGIN:VEVENT
            UID:r1
            DTSTART:20260611T090000
            DTEND:20260611T091500
            RRULE:FREQ=DAILY;COUNT=3
            SUMMARY:Standup
            END:VEVENT
            BEGIN:VEVENT
            UID:r2
            DTSTART:20260611T100000
            RRULE:FREQ=WEEKLY
            SUMMARY:Weekly sync
            END:VEVENT
            BEGIN:VEVENT
            UID:k
            DTSTART:20260611T110000
            SUMMARY:Keynote
            END:VEVENT
            """);
    assertThat(s.sessions())
        .extracting(Session::title)
        .containsExactly("Standup", "Weekly sync", "Keynote");
    assertThat(s.warnings())
        .containsExactly(
            "\"Standup\" repeats (RRULE, daily, 3 times): imported once, at its first time,"
                + " 2026-06-11 09:00; its other times are not imported.",
            "\"Weekly sync\" repeats (RRULE, weekly, without end): imported once, at its first"
                + " time, 2026-06-11 10:00; its other times are not imported.");
  }

  @Test
  void anUnknownTimeZoneOnManyEventsIsSaidOnce() {
    StringBuilder events = new StringBuilder();
    for (int i = 1; i <= 3; i++) {
      events.append(
          "BEGIN:VEVENT\nUID:m"
              + i
              + "\nDTSTART;TZID=Mars/Olympus_Mons:2026061"
              + i
              + "T093000\nSUMMARY:Sol "
              + i
              + "\nEND:VEVENT\n");
    }
    assertThat(read(events.toString()).warnings())
        .singleElement()
        .asString()
        .contains("Mars/Olympus_Mons is unknown", "3 events, the first \"Sol 1\" at 09:30, are");
  }

  @Test
  void eachEntryLeftOutIsNamedWithWhy() {
    Schedule s =
        read(
            """
            BEGIN:VEVENT
            UID:g1
            DTSTART:garbage
            SUMMARY:Keynote
            END:VEVENT
            BEGIN:VEVENT
            SUMMARY:Mystery
            END:VEVENT
            BEGIN:VEVENT
            DTSTAMP:20260501T120000Z
            END:VEVENT
            BEGIN:VEVENT
            UID:a1
            DTSTART;VALUE=DATE:20260611
            SUMMARY:Registration
            END:VEVENT
            BEGIN:VEVENT
            UID:c1
            DTSTART:20260611T120000Z
            STATUS:CANCELLED
            SUMMARY:Gone
            END:VEVENT
            BEGIN:VEVENT
            UID:t1
            DTSTART:20260611T130000Z
            SUMMARY:A talk
            END:VEVENT
            """);
    assertThat(s.sessions()).extracting(Session::title).containsExactly("A talk");
    assertThat(s.leftOut())
        .containsExactly(
            "\"Keynote\" (UID g1): its start (DTSTART) \"garbage\" is not a date and time",
            "\"Mystery\": it has no start (DTSTART)",
            "event number 3 (no SUMMARY, no UID): it has no start (DTSTART)",
            "\"Registration\" (UID a1): an all-day entry, not a talk");
    assertThat(s.cancelled()).extracting(Session::uid).containsExactly("c1");
  }

  @Test
  void speakersAreTheChairsOrTheOrganizerUnlessItIsTheConference() {
    String ics =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nX-WR-CALNAME:Mars Con\r\n"
            + """
            BEGIN:VEVENT
            UID:s1
            DTSTART:20260611T100000Z
            SUMMARY:Dust storms
            ORGANIZER;CN="José Núñez":mailto:x@example.org
            END:VEVENT
            BEGIN:VEVENT
            UID:s2
            DTSTART:20260611T110000Z
            SUMMARY:Canals
            ORGANIZER;CN=Mars Con:mailto:info@example.org
            ATTENDEE;ROLE=CHAIR;CN=Ада Чернова:mailto:a@example.org
            ATTENDEE;ROLE=CHAIR;CN=李小龙:mailto:b@example.org
            ATTENDEE;ROLE=REQ-PARTICIPANT;CN=Someone:mailto:c@example.org
            END:VEVENT
            BEGIN:VEVENT
            UID:s3
            DTSTART:20260611T120000Z
            SUMMARY:Closing
            ORGANIZER;CN=Mars Con:mailto:info@example.org
            END:VEVENT
            """
                .replace("\n", "\r\n")
            + "END:VCALENDAR\r\n";
    Schedule s = reader.read(ics.getBytes(StandardCharsets.UTF_8), "mars.ics");
    assertThat(s.sessions())
        .extracting(Session::speakers)
        .containsExactly(List.of("José Núñez"), List.of("Ада Чернова", "李小龙"), List.of());
  }
}
