package dev.talkbook.core.notebook;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * An event in the notebook: a conference, a meetup. Dates, location, URL and time zone are
 * optional. The time zone (an IANA name like {@code Europe/Berlin}, or an offset like {@code
 * +02:00}) is the one its talks' times are given in; without one they are floating local times.
 */
public record Event(
    long id,
    String title,
    LocalDate startDate,
    LocalDate endDate,
    String location,
    String url,
    String timeZone) {

  public Event(
      long id, String title, LocalDate startDate, LocalDate endDate, String location, String url) {
    this(id, title, startDate, endDate, location, url, null);
  }

  public Optional<LocalDate> start() {
    return Optional.ofNullable(startDate);
  }

  public Optional<LocalDate> end() {
    return Optional.ofNullable(endDate);
  }

  /**
   * Why a talk at {@code at} looks mistyped for this event: its day is not within the event's dates
   * ("2030-05-01 is not within the event's dates, 2026-05-01 to 2026-05-02"); empty when it is, or
   * when the event has no dates.
   */
  public Optional<String> dayOutside(java.time.LocalDateTime at) {
    if (at == null || startDate == null) {
      return Optional.empty();
    }
    LocalDate last = endDate == null ? startDate : endDate;
    LocalDate day = at.toLocalDate();
    if (!day.isBefore(startDate) && !day.isAfter(last)) {
      return Optional.empty();
    }
    return Optional.of(
        day
            + " is not within the event's "
            + (last.equals(startDate)
                ? "date, " + startDate
                : "dates, " + startDate + " to " + last));
  }

  /** The event's time zone, if it has one. */
  public Optional<ZoneId> zone() {
    return Optional.ofNullable(timeZone).map(ZoneId::of);
  }

  /**
   * Checks a time zone as typed ("Europe/Berlin", "UTC", "+02:00"); blank means none. Returns the
   * normalised name, or throws a {@link NotebookException} that says what is wrong.
   */
  public static String timeZone(String typed) {
    String z = Fields.blankToNull(typed);
    if (z == null) {
      return null;
    }
    try {
      return ZoneId.of(z).getId();
    } catch (DateTimeException e) {
      throw new NotebookException(
          "Time zone \""
              + z
              + "\" is not known; use a name like Europe/Berlin or an offset like"
              + " +02:00.");
    }
  }

  /** The editable fields of an event, validated on construction. */
  public record Details(
      String title, LocalDate startDate, LocalDate endDate, String location, String url) {
    public Details {
      title = Fields.requireTitle(title, "An event");
      if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
        throw new NotebookException(
            "The event ends (" + endDate + ") before it starts (" + startDate + ").");
      }
      location = Fields.optionalLine(location, "The location");
      url = Fields.webUrl(url, "Event URL");
    }

    public static Details titled(String title) {
      return new Details(title, null, null, null, null);
    }
  }

  public Details details() {
    return new Details(title, startDate, endDate, location, url);
  }
}
