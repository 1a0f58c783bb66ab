package dev.talkbook.ui.navigator;

import dev.talkbook.core.notebook.TalkSummary;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An event's talks as the days of its programme, each day's talks by start time: what the navigator
 * shows under an event whose talks span more than one day. Times are the talks' own, in the event's
 * time zone (as the details and Now and next show them). A talk before {@link #NIGHT_ENDS} belongs
 * to the day before when that day has talks too: a session at 00:30 is the end of Friday night, as
 * frab's and pretalx's day change says, not the start of a Saturday. Pure: no toolkit.
 */
final class ProgrammeDays {
  /** Talks starting before this hour continue the day before. */
  static final LocalTime NIGHT_ENDS = LocalTime.of(4, 0);

  /** One day of the programme; {@code date} null for the talks that have no time. */
  record Day(LocalDate date, List<TalkSummary> talks) {}

  private ProgrammeDays() {}

  /**
   * The days of {@code talks} (one event's, in their order), then the talks without a time; empty
   * when the timed talks are all on one day (or none has a time): the event then lists its talks as
   * they are, without a level of days.
   */
  static List<Day> of(List<TalkSummary> talks) {
    Set<LocalDate> dates = new TreeSet<>();
    for (TalkSummary t : talks) {
      if (t.startsAt() != null) {
        dates.add(t.startsAt().toLocalDate());
      }
    }
    Map<LocalDate, List<TalkSummary>> byDay = new TreeMap<>();
    List<TalkSummary> untimed = new ArrayList<>();
    for (TalkSummary t : talks) {
      if (t.startsAt() == null) {
        untimed.add(t);
      } else {
        byDay.computeIfAbsent(dayOf(t.startsAt(), dates), d -> new ArrayList<>()).add(t);
      }
    }
    if (byDay.size() < 2) {
      return List.of();
    }
    List<Day> days = new ArrayList<>();
    // by time; talks at the same time (parallel rooms) keep the event's order
    Comparator<TalkSummary> byTime = Comparator.comparing(TalkSummary::startsAt);
    byDay.forEach(
        (date, dayTalks) -> {
          dayTalks.sort(byTime);
          days.add(new Day(date, List.copyOf(dayTalks)));
        });
    if (!untimed.isEmpty()) {
      days.add(new Day(null, List.copyOf(untimed)));
    }
    return days;
  }

  /** The programme day of a talk at {@code at}, among the calendar {@code dates} the event has. */
  static LocalDate dayOf(LocalDateTime at, Set<LocalDate> dates) {
    LocalDate date = at.toLocalDate();
    LocalDate before = date.minusDays(1);
    return at.toLocalTime().isBefore(NIGHT_ENDS) && dates.contains(before) ? before : date;
  }
}
