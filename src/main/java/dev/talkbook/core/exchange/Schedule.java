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
 * @param cancelled the sessions the programme says are cancelled, not among {@code sessions}: an
 *     iCalendar entry with STATUS:CANCELLED, a pretalx session whose state is "canceled" or
 *     "withdrawn", or any session whose title starts "CANCELLED:", "Canceled:", "Cancelled -" and
 *     the like ({@link #cancelledTitle}; each here with that mark taken off its title)
 */
public record Schedule(
    ScheduleFormat format,
    String source,
    Conference conference,
    List<Session> sessions,
    List<String> leftOut,
    List<String> warnings,
    List<Session> cancelled) {

  public Schedule {
    List<Session> listed = new java.util.ArrayList<>();
    List<Session> off = new java.util.ArrayList<>(cancelled);
    for (Session s : sessions) {
      String title = cancelledTitle(s.title());
      if (title == null) {
        listed.add(s);
      } else {
        off.add(s.titled(title));
      }
    }
    sessions = List.copyOf(listed);
    cancelled = List.copyOf(off);
    leftOut = List.copyOf(leftOut);
    warnings = List.copyOf(warnings);
  }

  /** A programme that says of no session that it is cancelled but by its title. */
  public Schedule(
      ScheduleFormat format,
      String source,
      Conference conference,
      List<Session> sessions,
      List<String> leftOut,
      List<String> warnings) {
    this(format, source, conference, sessions, leftOut, warnings, List.of());
  }

  /**
   * A title that says its session is cancelled ("CANCELLED: Loom", "Canceled - Loom", "[Cancelled]
   * Loom", "Cancelled – Loom"): the title without that mark; null for any other title ("Cancelled
   * flights and other stories" is a talk).
   */
  public static String cancelledTitle(String title) {
    if (title == null) {
      return null;
    }
    java.util.regex.Matcher m = CANCELLED_MARK.matcher(title);
    if (!m.lookingAt()) {
      return null;
    }
    String rest = title.substring(m.end()).strip();
    return rest.isEmpty() ? title.strip() : rest;
  }

  private static final java.util.regex.Pattern CANCELLED_MARK =
      java.util.regex.Pattern.compile(
          "\\s*(?:[\\[(]\\s*cancell?ed\\s*[\\])]\\s*[:\\-\u2013\u2014]?|cancell?ed\\s*[:\\-\u2013\u2014])",
          java.util.regex.Pattern.CASE_INSENSITIVE);

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

    /** This session under another title. */
    public Session titled(String newTitle) {
      return new Session(
          uid,
          newTitle,
          subtitle,
          speakers,
          start,
          duration,
          room,
          tags,
          language,
          abstractText,
          url,
          slidesUrl,
          videoUrl);
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
