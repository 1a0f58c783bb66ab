package dev.talkbook.core.agenda;

import dev.talkbook.core.notebook.TimetableEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What is on now and what comes next in each room, at a given instant. Pure: the timetable, each
 * event's time zone and the instant in, rooms out. A talk's time is local to its event's zone (a
 * floating time is read in the attendee's own zone). A talk without a length lasts until the next
 * one in its room, at most {@link #DEFAULT_LENGTH}. Talks gone from the programme are left out;
 * "next" looks {@link #HORIZON} ahead. Rooms whose talk now or next is starred come first, then by
 * what starts soonest.
 */
public final class NowAndNext {
  public static final Duration DEFAULT_LENGTH = Duration.ofMinutes(60);
  public static final Duration HORIZON = Duration.ofHours(12);

  private NowAndNext() {}

  /** A talk placed on the time line. */
  public record Slot(TimetableEntry talk, Instant start, Instant end) {
    public boolean starred() {
      return talk.starred();
    }
  }

  /** A talk still to come, and when it starts. */
  public record Ahead(TimetableEntry talk, Instant start) {}

  /** One room: what is on now (or null) and what comes next (or null). */
  public record Room(long eventId, String name, Slot now, Slot next) {
    boolean starred() {
      return (now != null && now.starred()) || (next != null && next.starred());
    }

    Instant soonest() {
      return now != null ? now.start() : next.start();
    }
  }

  /**
   * The rooms with something on now or next at {@code at}.
   *
   * @param zones each event's zone (an event missing here has floating times)
   * @param ownZone the attendee's zone, for floating times
   */
  public static List<Room> at(
      List<TimetableEntry> timetable, Map<Long, ZoneId> zones, Instant at, ZoneId ownZone) {
    Map<String, List<TimetableEntry>> byRoom = new LinkedHashMap<>();
    for (TimetableEntry t : timetable) {
      if (t.removed() || t.startsAt() == null) {
        continue;
      }
      byRoom
          .computeIfAbsent(
              t.eventId() + "\n" + Objects.toString(t.room(), ""), k -> new ArrayList<>())
          .add(t);
    }
    List<Room> rooms = new ArrayList<>();
    for (List<TimetableEntry> talks : byRoom.values()) {
      List<Slot> slots = slots(talks, zones, ownZone);
      Slot now = null;
      Slot next = null;
      for (Slot s : slots) {
        if (!s.start().isAfter(at) && s.end().isAfter(at)) {
          if (now == null || s.starred() && !now.starred()) {
            now = s;
          }
        } else if (s.start().isAfter(at)
            && !s.start().isAfter(at.plus(HORIZON))
            && (next == null || s.start().isBefore(next.start()))) {
          next = s;
        }
      }
      if (now != null || next != null) {
        TimetableEntry any = talks.get(0);
        rooms.add(new Room(any.eventId(), any.room(), now, next));
      }
    }
    rooms.sort(
        Comparator.comparing((Room r) -> !r.starred())
            .thenComparing(r -> r.now() == null)
            .thenComparing(Room::soonest)
            .thenComparing(r -> r.name() == null ? "" : r.name()));
    return rooms;
  }

  /**
   * The first talk (still in the programme) that starts after {@code at}, however far ahead: what
   * to name when nothing is on now or next. Empty when no talk with a time is still to come.
   */
  public static Optional<Ahead> firstAfter(
      List<TimetableEntry> timetable, Map<Long, ZoneId> zones, Instant at, ZoneId ownZone) {
    Ahead first = null;
    for (TimetableEntry t : timetable) {
      if (t.removed() || t.startsAt() == null) {
        continue;
      }
      Instant start = instant(t.startsAt(), zones.getOrDefault(t.eventId(), ownZone));
      if (start.isAfter(at) && (first == null || start.isBefore(first.start()))) {
        first = new Ahead(t, start);
      }
    }
    return Optional.ofNullable(first);
  }

  /** The room's talks on the time line, in order, each with its end. */
  private static List<Slot> slots(
      List<TimetableEntry> talks, Map<Long, ZoneId> zones, ZoneId ownZone) {
    List<Instant> starts = new ArrayList<>();
    for (TimetableEntry t : talks) {
      starts.add(instant(t.startsAt(), zones.getOrDefault(t.eventId(), ownZone)));
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < talks.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing(starts::get));
    List<Slot> slots = new ArrayList<>();
    for (int k = 0; k < order.size(); k++) {
      int i = order.get(k);
      TimetableEntry t = talks.get(i);
      Instant start = starts.get(i);
      Instant end;
      if (t.duration() != null) {
        end = start.plus(t.duration());
      } else {
        end = start.plus(DEFAULT_LENGTH);
        for (int j = k + 1; j < order.size(); j++) {
          Instant later = starts.get(order.get(j));
          if (later.isAfter(start)) {
            end = later.isBefore(end) ? later : end;
            break;
          }
        }
      }
      slots.add(new Slot(t, start, end));
    }
    return slots;
  }

  private static Instant instant(LocalDateTime local, ZoneId zone) {
    return local.atZone(zone).toInstant();
  }
}
