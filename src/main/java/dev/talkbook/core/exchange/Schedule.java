package dev.talkbook.core.exchange;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A conference programme as read from any of the {@link ScheduleFormat}s: one neutral model that
 * the import maps onto the notebook.
 *
 * @param source what identifies this programme across downloads (format and conference), so a
 *     re-import recognises the talks it brought in before
 * @param leftOut the entries not imported, each named with why ({@code "Coffee" (a break)}, {@code
 *     "Keynote" (UID k1): its start (DTSTART) "garbage" is not a date and time}), in file order
 * @param warnings what was read but dropped (a link that is not a web address), for the report
 */
public record Schedule(
    ScheduleFormat format,
    String source,
    Conference conference,
    List<Session> sessions,
    List<String> leftOut,
    List<String> warnings) {

  public Schedule {
    sessions = List.copyOf(sessions);
    leftOut = List.copyOf(leftOut);
    warnings = List.copyOf(warnings);
  }

  /**
   * The conference: title (null when the format has none, as Sessionize's), dates, its time zone
   * (null: times are floating), venue and city as one location, web page.
   */
  public record Conference(
      String title,
      String acronym,
      LocalDate start,
      LocalDate end,
      ZoneId zone,
      String location,
      String url) {}

  /**
   * One session of the programme. {@code abstractText} is Markdown (HTML already turned into it);
   * {@code tags} come from the track or the session's categories; the links are http(s) or null;
   * {@code start} and {@code duration} may be null (not scheduled yet, not given).
   */
  public record Session(
      String uid,
      String title,
      String subtitle,
      List<String> speakers,
      SessionTime start,
      Duration duration,
      String room,
      List<String> tags,
      String language,
      String abstractText,
      String url,
      String slidesUrl,
      String videoUrl) {
    public Session {
      speakers = List.copyOf(speakers);
      tags = List.copyOf(tags);
    }
  }

  /**
   * When a session starts: a local date and time, and the zone (or UTC offset) it is in, or null
   * for a floating time (to be read in the event's zone, whatever that is).
   */
  public record SessionTime(LocalDateTime local, ZoneId zone) {
    public static SessionTime of(ZonedDateTime at) {
      return new SessionTime(at.toLocalDateTime(), at.getZone());
    }

    public static SessionTime floating(LocalDateTime local) {
      return new SessionTime(local, null);
    }

    /** The local time in {@code eventZone} (a floating time, or no event zone: as written). */
    public LocalDateTime in(ZoneId eventZone) {
      if (zone == null || eventZone == null || zone.equals(eventZone)) {
        return local;
      }
      return local.atZone(zone).withZoneSameInstant(eventZone).toLocalDateTime();
    }
  }
}
