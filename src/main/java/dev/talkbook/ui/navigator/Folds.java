package dev.talkbook.ui.navigator;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Which events and days of the navigator the user folded, as the window's settings keep it for a
 * notebook: one line, the folded events' ids then the folded days as {@code id@date} ({@code id@-}
 * for "No time"), sorted, so that the same folds are the same text and writing them again changes
 * nothing. Only what the tree shows is kept (see {@code NavigatorView}): the folds of a deleted
 * event or day go with the next save instead of piling up. Pure: no toolkit.
 */
record Folds(Set<Long> events, Set<Day> days) {
  /** No folds: everything shown. */
  static final Folds NONE = new Folds(Set.of(), Set.of());

  /** A day row's place: its event, and its date (null for "No time"). */
  record Day(long eventId, LocalDate date) {}

  private static final Comparator<Day> ORDER =
      Comparator.comparingLong(Day::eventId)
          .thenComparing(Day::date, Comparator.nullsLast(Comparator.naturalOrder()));

  Folds {
    events = Set.copyOf(events);
    days = Set.copyOf(days);
  }

  boolean folded(long eventId) {
    return events.contains(eventId);
  }

  boolean folded(long eventId, LocalDate date) {
    return days.contains(new Day(eventId, date));
  }

  /** The folds in {@code text}; what cannot be read (a hand edit) is left out. */
  static Folds parse(String text) {
    Set<Long> events = new java.util.HashSet<>();
    Set<Day> days = new java.util.HashSet<>();
    for (String word : text.strip().split("\\s+")) {
      try {
        int at = word.indexOf('@');
        if (at < 0) {
          if (!word.isEmpty()) {
            events.add(Long.parseLong(word));
          }
        } else {
          String date = word.substring(at + 1);
          days.add(
              new Day(
                  Long.parseLong(word.substring(0, at)),
                  date.equals("-") ? null : LocalDate.parse(date)));
        }
      } catch (NumberFormatException | DateTimeParseException unreadable) {
        // not a fold: one folded row less, nothing else
      }
    }
    return new Folds(events, days);
  }

  /** The folds as one line, sorted. */
  String text() {
    List<String> words = new ArrayList<>();
    events.stream().sorted().forEach(id -> words.add(Long.toString(id)));
    days.stream()
        .sorted(ORDER)
        .forEach(d -> words.add(d.eventId() + "@" + (d.date() == null ? "-" : d.date())));
    return String.join(" ", words);
  }
}
