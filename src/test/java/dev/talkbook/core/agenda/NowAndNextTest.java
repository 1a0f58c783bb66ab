package dev.talkbook.core.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.agenda.NowAndNext.Room;
import dev.talkbook.core.notebook.TimetableEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Now and next per room, from a timetable and an instant. */
class NowAndNextTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static long ids = 1;

  private static TimetableEntry talk(
      String title, String room, int hour, int minute, Integer minutes, boolean starred) {
    return new TimetableEntry(
        ids++,
        1,
        title,
        List.of(),
        LocalDateTime.of(2026, 8, 21, hour, minute),
        minutes == null ? null : Duration.ofMinutes(minutes),
        room,
        starred,
        false);
  }

  /** A 30-minute talk of event 1 in Saal 1. */
  private static TimetableEntry entry(
      long id, String title, LocalDateTime at, boolean starred, boolean removed) {
    return new TimetableEntry(
        id, 1, title, List.of(), at, Duration.ofMinutes(30), "Saal 1", starred, removed);
  }

  /** 2026-08-21 at hh:mm in Berlin. */
  private static Instant berlin(int hour, int minute) {
    return LocalDateTime.of(2026, 8, 21, hour, minute).atZone(BERLIN).toInstant();
  }

  @Test
  void eachRoomShowsWhatIsOnAndWhatIsNextTheStarredFirst() {
    List<TimetableEntry> timetable =
        List.of(
            talk("A1", "Saal 1", 14, 0, 45, false),
            talk("A2", "Saal 1", 15, 0, 30, false),
            talk("B1", "Saal 2", 14, 0, 60, false),
            talk("B2", "Saal 2", 15, 0, 30, true),
            talk("C1", "Saal 3", 9, 0, 30, false));
    List<Room> rooms = NowAndNext.at(timetable, Map.of(1L, BERLIN), berlin(14, 30), BERLIN);

    assertThat(rooms).extracting(Room::name).containsExactly("Saal 2", "Saal 1");
    assertThat(rooms.get(0).now().talk().title()).isEqualTo("B1");
    assertThat(rooms.get(0).next().talk().title()).isEqualTo("B2");
    assertThat(rooms.get(1).now().talk().title()).isEqualTo("A1");
    assertThat(rooms.get(1).now().end()).isEqualTo(berlin(14, 45));
  }

  @Test
  void betweenTalksARoomHasOnlyANextAndTimesAreInTheEventsZone() {
    List<TimetableEntry> timetable =
        List.of(talk("A1", "Saal 1", 14, 0, 45, false), talk("A2", "Saal 1", 15, 0, 30, false));
    // 12:50 UTC is 14:50 in Berlin: A1 is over, A2 is next.
    List<Room> rooms =
        NowAndNext.at(
            timetable, Map.of(1L, BERLIN), Instant.parse("2026-08-21T12:50:00Z"), ZoneOffset.UTC);
    assertThat(rooms)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.now()).isNull();
              assertThat(r.next().talk().title()).isEqualTo("A2");
            });
  }

  @Test
  void aTalkWithoutALengthLastsUntilTheNextOrAnHour() {
    List<TimetableEntry> timetable =
        List.of(
            talk("A1", "Saal 1", 14, 0, null, false), talk("A2", "Saal 1", 14, 20, null, false));
    List<Room> at1410 = NowAndNext.at(timetable, Map.of(), berlin(14, 10), BERLIN);
    assertThat(at1410.get(0).now().talk().title()).isEqualTo("A1");
    assertThat(at1410.get(0).now().end()).isEqualTo(berlin(14, 20));
    List<Room> at1515 = NowAndNext.at(timetable, Map.of(), berlin(15, 15), BERLIN);
    assertThat(at1515.get(0).now().talk().title()).isEqualTo("A2");
    assertThat(NowAndNext.at(timetable, Map.of(), berlin(15, 25), BERLIN)).isEmpty();
  }

  @Test
  void theFirstTalkAheadIsFoundHoweverFarRemovedAndPastOnesLeftOut() {
    TimetableEntry past = talk("Past", "Saal 1", 9, 0, 30, false);
    TimetableEntry nextWeek =
        entry(97, "Next week", LocalDateTime.of(2026, 8, 28, 10, 0), false, false);
    TimetableEntry gone = entry(96, "Gone", LocalDateTime.of(2026, 8, 22, 10, 0), false, true);
    var timetable = List.of(past, gone, nextWeek);
    assertThat(NowAndNext.firstAfter(timetable, Map.of(1L, BERLIN), berlin(12, 0), BERLIN))
        .hasValueSatisfying(
            a -> {
              assertThat(a.talk().title()).isEqualTo("Next week");
              assertThat(a.start())
                  .isEqualTo(LocalDateTime.of(2026, 8, 28, 10, 0).atZone(BERLIN).toInstant());
            });
    assertThat(NowAndNext.firstAfter(List.of(past), Map.of(1L, BERLIN), berlin(12, 0), BERLIN))
        .isEmpty();
  }

  @Test
  void removedTalksAndTalksFarAheadAreLeftOut() {
    TimetableEntry removed = entry(99, "Gone", LocalDateTime.of(2026, 8, 21, 14, 0), true, true);
    TimetableEntry tomorrow = talk("Tomorrow", "Saal 1", 14, 0, 30, false);
    TimetableEntry later = entry(98, "Later", tomorrow.startsAt().plusDays(1), false, false);
    assertThat(NowAndNext.at(List.of(removed, later), Map.of(1L, BERLIN), berlin(14, 10), BERLIN))
        .isEmpty();
  }
}
