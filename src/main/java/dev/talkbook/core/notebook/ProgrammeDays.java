package dev.talkbook.core.notebook;

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
import java.util.function.Function;

/**
 * An event's talks as the days of its programme, each day's talks by start time: what the window's
 * navigator shows under an event whose talks span more than one day (an event of one day lists its
 * talks as one such day, without a day row: {@link #byTime}), and the site's event page (its list,
 * its previous and next talk) too, so both list an event's talks in one order ({@link #inOrder}).
 * Times are the talks' own, in the event's time zone (as the details and Now and next show them). A
 * talk before {@link #NIGHT_ENDS} belongs to the day before when that day has talks too: a session
 * at 00:30 is the end of Friday night, as frab's and pretalx's day change says, not the start of a
 * Saturday. Pure: no toolkit.
 */
public final class ProgrammeDays {
  /** Talks starting before this hour continue the day before. */
  public static final LocalTime NIGHT_ENDS = LocalTime.of(4, 0);

  /**
   * One day of the programme; {@code date} null for the talks that have no time. {@code T}: a
   * {@link TalkSummary} or a {@link TalkHeader}, or whatever else stands for a talk.
   */
  public record Day<T>(LocalDate date, List<T> talks) {}

  private ProgrammeDays() {}

  /**
   * The days of {@code talks} (one event's, in their order), then the talks without a time; empty
   * when the timed talks are all on one day (or none has a time): the event then lists its talks as
   * they are, without a level of days.
   */
  public static List<Day<TalkSummary>> of(List<TalkSummary> talks) {
    return of(talks, TalkSummary::startsAt);
  }

  /**
   * {@link #of(List)} for talks of any kind, {@code startsAt} giving each one's start (or null).
   */
  public static <T> List<Day<T>> of(List<T> talks, Function<T, LocalDateTime> startsAt) {
    Set<LocalDate> dates = new TreeSet<>();
    for (T t : talks) {
      LocalDateTime at = startsAt.apply(t);
      if (at != null) {
        dates.add(at.toLocalDate());
      }
    }
    if (dates.size() < 2) {
      return List.of(); // each talk's day is one of these dates (dayOf), so one day at most
    }
    Map<LocalDate, List<T>> byDay = new TreeMap<>();
    List<T> untimed = new ArrayList<>();
    for (T t : talks) {
      LocalDateTime at = startsAt.apply(t);
      if (at == null) {
        untimed.add(t);
      } else {
        byDay.computeIfAbsent(dayOf(at, dates), d -> new ArrayList<>()).add(t);
      }
    }
    if (byDay.size() < 2) {
      return List.of();
    }
    List<Day<T>> days = new ArrayList<>();
    // by time; talks at the same time (parallel rooms) keep the event's order
    // this class's own lambda, not Comparator.comparing: JDK 25's AOT cache keeps none made inside
    // java.util.Comparator, so that one was spun anew at every start of the packaged app that
    // listed a programme by day (docs/benchmarks.md)
    Comparator<T> byTime = (a, b) -> startsAt.apply(a).compareTo(startsAt.apply(b));
    byDay.forEach(
        (date, dayTalks) -> {
          dayTalks.sort(byTime);
          days.add(new Day<>(date, List.copyOf(dayTalks)));
        });
    if (!untimed.isEmpty()) {
      days.add(new Day<>(null, List.copyOf(untimed)));
    }
    return days;
  }

  /**
   * One event's talks (in their order) as the window lists them: day by day, each by time, the
   * untimed last, when they span several days ({@link #of}); a programme of one day as one such day
   * ({@link #byTime}); talks without any time as they are.
   */
  public static <T> List<T> inOrder(List<T> talks, Function<T, LocalDateTime> startsAt) {
    List<Day<T>> days = of(talks, startsAt);
    if (days.isEmpty()) {
      return byTime(talks, startsAt);
    }
    List<T> all = new ArrayList<>(talks.size());
    days.forEach(d -> all.addAll(d.talks()));
    return all;
  }

  /**
   * The talks of a programme of one day (no day rows, {@link #of} empty) as a day of a longer one
   * lists them: by time, talks at the same time (parallel rooms) in the event's order, then the
   * talks without a time in the event's order (where a longer programme's "No time" day goes).
   * Talks none of which has a time keep the event's order: the user's, set by dragging them.
   */
  public static <T> List<T> byTime(List<T> talks, Function<T, LocalDateTime> startsAt) {
    List<T> timed = new ArrayList<>(talks.size());
    List<T> untimed = new ArrayList<>();
    for (T t : talks) {
      (startsAt.apply(t) == null ? untimed : timed).add(t);
    }
    if (timed.isEmpty()) {
      return talks;
    }
    // a stable sort: parallel talks keep the event's order (this class's own lambda, as in of)
    timed.sort((a, b) -> startsAt.apply(a).compareTo(startsAt.apply(b)));
    timed.addAll(untimed);
    return timed;
  }

  /**
   * Whether {@code days} fall in more than one year (a programme over New Year): their names then
   * say the year.
   */
  public static boolean overNewYear(List<? extends Day<?>> days) {
    return days.stream()
            .map(Day::date)
            .filter(java.util.Objects::nonNull)
            .map(LocalDate::getYear)
            .distinct()
            .count()
        > 1;
  }

  /** The programme day of a talk at {@code at}, among the calendar {@code dates} the event has. */
  public static LocalDate dayOf(LocalDateTime at, Set<LocalDate> dates) {
    LocalDate date = at.toLocalDate();
    LocalDate before = date.minusDays(1);
    return at.toLocalTime().isBefore(NIGHT_ENDS) && dates.contains(before) ? before : date;
  }
}
