package dev.talkbook.core.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgrammeDaysTest {
  private final List<TalkSummary> talks = new ArrayList<>();

  /** A talk at {@code at} ("2026-05-13T10:00", or null), in the event's order. */
  private void talk(String title, String at) {
    talks.add(
        new TalkSummary(
            talks.size() + 1,
            1,
            talks.size(),
            title,
            List.of(),
            at == null ? null : LocalDateTime.parse(at)));
  }

  private static List<String> titles(ProgrammeDays.Day<TalkSummary> day) {
    return day.talks().stream().map(TalkSummary::title).toList();
  }

  @Test
  void talksOverSeveralDaysAreGroupedByDayThenByTimeWithTheUntimedLast() {
    talk("Keynote two", "2026-05-14T09:00");
    talk("Untimed", null);
    talk("Afternoon", "2026-05-13T14:00");
    talk("Morning, room B", "2026-05-13T09:00");
    talk("Morning, room A", "2026-05-13T09:00");

    List<ProgrammeDays.Day<TalkSummary>> days = ProgrammeDays.of(talks);

    assertThat(days)
        .extracting(ProgrammeDays.Day::date)
        .containsExactly(LocalDate.of(2026, 5, 13), LocalDate.of(2026, 5, 14), null);
    // at the same time, the event's order (parallel rooms as the programme lists them)
    assertThat(titles(days.get(0)))
        .containsExactly("Morning, room B", "Morning, room A", "Afternoon");
    assertThat(titles(days.get(1))).containsExactly("Keynote two");
    assertThat(titles(days.get(2))).containsExactly("Untimed");
  }

  @Test
  void aSessionPastMidnightEndsTheNightBeforeItsDate() {
    talk("Friday", "2026-08-21T14:00");
    talk("Night", "2026-08-22T00:30");
    talk("Saturday", "2026-08-22T18:00");

    List<ProgrammeDays.Day<TalkSummary>> days = ProgrammeDays.of(talks);

    assertThat(titles(days.get(0))).containsExactly("Friday", "Night");
    assertThat(titles(days.get(1))).containsExactly("Saturday");
  }

  @Test
  void anEarlySessionOnTheFirstDayStaysOnItsDate() {
    talk("Dawn run", "2026-08-21T03:30");
    talk("Saturday", "2026-08-22T10:00");

    assertThat(ProgrammeDays.of(talks))
        .extracting(ProgrammeDays.Day::date)
        .containsExactly(LocalDate.of(2026, 8, 21), LocalDate.of(2026, 8, 22));
  }

  @Test
  void oneDayOrNoTimesAtAllIsNoGrouping() {
    talk("Untimed", null);
    assertThat(ProgrammeDays.of(talks)).isEmpty();
    talk("One", "2026-05-13T09:00");
    talk("Two", "2026-05-13T11:00");
    talk("Night", "2026-05-14T01:00"); // still the 13th's programme
    assertThat(ProgrammeDays.of(talks)).isEmpty();
  }

  @Test
  void theDaysSayTheirYearOnlyWhenTheProgrammeRunsOverNewYear() {
    talk("Last talk of the year", "2026-12-31T16:00");
    talk("Next day", "2027-01-01T10:00");
    talk("Untimed", null);
    assertThat(ProgrammeDays.overNewYear(ProgrammeDays.of(talks))).isTrue();

    talks.clear();
    talk("Monday", "2026-05-11T10:00");
    talk("Tuesday", "2026-05-12T10:00");
    talk("Untimed", null);
    assertThat(ProgrammeDays.overNewYear(ProgrammeDays.of(talks))).isFalse();
  }

  @Test
  void aOneDayProgrammeIsInOrderByTimeAsADayWithTheUntimedLastInTheEventsOrder() {
    talk("Lightning talks", null);
    talk("Second at seven", "2026-05-13T19:00");
    talk("First at six, room B", "2026-05-13T18:00");
    talk("Q&A", null);
    talk("First at six, room A", "2026-05-13T18:00");
    talk("Night", "2026-05-14T01:00"); // still the 13th's programme

    assertThat(ProgrammeDays.of(talks)).isEmpty();
    assertThat(ProgrammeDays.inOrder(talks, TalkSummary::startsAt))
        .extracting(TalkSummary::title)
        .containsExactly(
            "First at six, room B",
            "First at six, room A",
            "Second at seven",
            "Night",
            "Lightning talks",
            "Q&A");
  }

  @Test
  void talksWithoutAnyTimeKeepTheEventsOrder() {
    talk("Third", null);
    talk("First", null);
    talk("Second", null);
    assertThat(ProgrammeDays.inOrder(talks, TalkSummary::startsAt))
        .extracting(TalkSummary::title)
        .containsExactly("Third", "First", "Second");
  }
}
