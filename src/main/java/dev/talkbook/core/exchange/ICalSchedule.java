package dev.talkbook.core.exchange;

import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.TimezoneAssignment;
import biweekly.io.TimezoneInfo;
import biweekly.io.text.ICalReader;
import biweekly.property.Categories;
import biweekly.property.ICalProperty;
import biweekly.property.RawProperty;
import biweekly.property.TextProperty;
import biweekly.util.DateTimeComponents;
import biweekly.util.ICalDate;
import dev.talkbook.core.common.DateTimeText;
import dev.talkbook.core.exchange.Schedule.Conference;
import dev.talkbook.core.exchange.Schedule.Session;
import dev.talkbook.core.exchange.Schedule.SessionTime;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an iCalendar programme (RFC 5545) with biweekly: each VEVENT with a time is a session
 * (all-day entries and those without a readable DTSTART are left out, each named with why; one with
 * STATUS:CANCELLED is one of the programme's {@link Schedule#cancelled} sessions). SUMMARY is the
 * title (pretalx writes "Title - Speakers", which is split again; otherwise the speakers are the
 * ATTENDEEs with ROLE=CHAIR, else the ORGANIZER, by their CN), DESCRIPTION the abstract (plain
 * text), LOCATION the room, CATEGORIES the tags, URL the web page, UID the id. Times keep their
 * zone: a TZID (an IANA name, or the file's own VTIMEZONE as an offset), UTC, or floating; a TZID
 * that is neither is read as floating, with a warning once per zone. The calendar's name
 * (X-WR-CALNAME or NAME) and zone (X-WR-TIMEZONE) become the conference's.
 */
final class ICalSchedule {

  private ICalSchedule() {}

  static Schedule read(String text, String origin) {
    if (!text.toUpperCase(Locale.ROOT).contains("END:VCALENDAR")) {
      throw new ScheduleException(
          "The iCalendar file ends without END:VCALENDAR: it looks cut off. Download it again."
              + " Nothing was imported.");
    }
    ICalendar ical;
    try (ICalReader reader = new ICalReader(text)) {
      ical = reader.readNext();
    } catch (IOException e) {
      throw new ScheduleException("The iCalendar file cannot be read: " + e.getMessage(), e);
    }
    if (ical == null) {
      throw new ScheduleException(
          "The file starts like iCalendar but holds no calendar. Nothing was imported.");
    }
    List<String> warnings = new ArrayList<>();
    TimezoneInfo tz = ical.getTimezoneInfo();
    ZoneId calendarZone = Frab.zone(experimental(ical, "X-WR-TIMEZONE"), warnings);
    String name = experimental(ical, "X-WR-CALNAME");
    if (name == null && !ical.getNames().isEmpty()) {
      name = ical.getNames().get(0).getValue();
    }
    List<Session> sessions = new ArrayList<>();
    List<Session> cancelled = new ArrayList<>();
    List<String> leftOut = new ArrayList<>();
    // An unknown TZID, once each: the events it was on, the first of them by name.
    Map<String, List<String>> unknownZones = new LinkedHashMap<>();
    ZoneId firstZone = null;
    LocalDate first = null;
    LocalDate last = null;
    int n = 0;
    for (VEvent event : ical.getEvents()) {
      n++;
      if (event.getDateStart() == null || event.getDateStart().getValue() == null) {
        RawProperty unread = event.getExperimentalProperty("DTSTART");
        leftOut.add(
            name(event, n)
                + (unread == null || Sessions.clean(unread.getValue()) == null
                    ? ": it has no start (DTSTART)"
                    : ": its start (DTSTART) \""
                        + Sessions.shorten(unread.getValue().strip())
                        + "\" is not a date and time"));
        continue;
      }
      ICalDate start = event.getDateStart().getValue();
      if (!start.hasTime()) {
        leftOut.add(name(event, n) + ": an all-day entry, not a talk");
        continue;
      }
      String summary = Sessions.clean(value(event.getSummary()));
      String uid = Sessions.clean(event.getUid() == null ? null : event.getUid().getValue());
      if (summary == null) {
        throw new ScheduleException(
            "Event number "
                + n
                + (uid == null ? "" : " (UID " + uid + ")")
                + " in the calendar has no SUMMARY (title). Nothing was imported.");
      }
      if (uid == null) {
        throw new ScheduleException(
            "The event \""
                + summary
                + "\" has no UID, so a later import could not find it again. Nothing was"
                + " imported.");
      }
      if (event.getRecurrenceId() != null && event.getRecurrenceId().getValue() != null) {
        uid =
            uid + "/" + event.getRecurrenceId().getValue().getRawComponents().toString(true, false);
      }
      SessionTime at = time(event.getDateStart(), start, tz);
      String tzid = event.getDateStart().getParameters().getTimezoneId();
      if (at.zone() == null && tzid != null) {
        unknownZones
            .computeIfAbsent(tzid.strip(), z -> new ArrayList<>())
            .add(
                "\""
                    + Sessions.shorten(summary)
                    + "\" at "
                    + DateTimeText.CLOCK.format(at.local()));
      }
      if (firstZone == null && at.zone() != null && !(at.zone() instanceof ZoneOffset)) {
        firstZone = at.zone();
      }
      LocalDate day = at.local().toLocalDate();
      first = first == null || day.isBefore(first) ? day : first;
      last = last == null || day.isAfter(last) ? day : last;
      Duration duration = null;
      if (event.getDuration() != null && event.getDuration().getValue() != null) {
        duration = Duration.ofMillis(event.getDuration().getValue().toMillis());
      } else if (event.getDateEnd() != null && event.getDateEnd().getValue() != null) {
        long ms = event.getDateEnd().getValue().getTime() - start.getTime();
        duration = ms > 0 ? Duration.ofMillis(ms) : null;
      }
      String title = summary;
      List<String> speakers = new ArrayList<>();
      int dash = summary.lastIndexOf(" - ");
      if (uid.startsWith("pretalx-") && dash > 0) {
        title = summary.substring(0, dash).strip();
        for (String s : summary.substring(dash + 3).split(",")) {
          if (!s.isBlank()) {
            speakers.add(s.strip());
          }
        }
      }
      if (speakers.isEmpty()) {
        speakers.addAll(speakers(event, name));
      }
      List<String> tags = new ArrayList<>();
      for (Categories c : event.getCategories()) {
        for (String v : c.getValues()) {
          if (Sessions.tag(v) != null) {
            tags.add(Sessions.tag(v));
          }
        }
      }
      String url = event.getUrl() == null ? null : event.getUrl().getValue();
      url = Sessions.webUrl(url, "web page of \"" + title + "\"", warnings);
      String slides = null;
      String video = null;
      if (url != null) {
        String kind = Sessions.linkKind(url, null, null);
        slides = kind.equals("slides") ? url : null;
        video = kind.equals("video") ? url : null;
      }
      if (event.getRecurrenceRule() != null || !event.getRecurrenceDates().isEmpty()) {
        warnings.add(repeats(event, title, at));
      }
      boolean isCancelled = event.getStatus() != null && event.getStatus().isCancelled();
      (isCancelled ? cancelled : sessions)
          .add(
              new Session(
                  uid,
                  title,
                  null,
                  speakers,
                  at,
                  duration == null || duration.isZero() ? null : duration,
                  Sessions.clean(value(event.getLocation())),
                  tags,
                  null,
                  Descriptions.fromPlainText(value(event.getDescription())),
                  url,
                  slides,
                  video));
    }
    unknownZones.forEach(
        (id, titles) ->
            warnings.add(
                "Time zone "
                    + id
                    + " is unknown (no such zone name, and the file does not define it): "
                    + (titles.size() == 1
                        ? titles.get(0) + " is"
                        : titles.size() + " events, the first " + titles.get(0) + ", are")
                    + " taken as local time, in the event's time zone."));
    ZoneId zone = calendarZone != null ? calendarZone : firstZone;
    String sourceName = name != null ? name : value(ical.getProductId());
    Conference conference =
        new Conference(Sessions.clean(name), null, first, last, zone, null, null);
    return new Schedule(
        ScheduleFormat.ICALENDAR,
        "ical:" + (sourceName == null ? "" : sourceName),
        conference,
        sessions,
        leftOut,
        warnings,
        cancelled);
  }

  /**
   * What the report says of an entry that repeats (RRULE, RDATE): it is one session, at its first
   * time; its other times are not imported (a programme lists each session once, so a repeating
   * entry is a calendar's, not a conference's).
   */
  private static String repeats(VEvent event, String title, SessionTime at) {
    String how = "RDATE";
    if (event.getRecurrenceRule() != null && event.getRecurrenceRule().getValue() != null) {
      biweekly.util.Recurrence r = event.getRecurrenceRule().getValue();
      how =
          "RRULE"
              + (r.getFrequency() == null
                  ? ""
                  : ", " + r.getFrequency().name().toLowerCase(java.util.Locale.ROOT))
              + (r.getCount() == null ? "" : ", " + r.getCount() + " times")
              + (r.getCount() == null && r.getUntil() == null ? ", without end" : "");
    }
    return "\""
        + Sessions.shorten(title)
        + "\" repeats ("
        + how
        + "): imported once, at its first time, "
        + at.local().toLocalDate()
        + " "
        + DateTimeText.CLOCK.format(at.local())
        + "; its other times are not imported.";
  }

  /** The start as written: a local time with its zone (IANA, the file's offset, UTC) or none. */
  private static SessionTime time(ICalProperty property, ICalDate date, TimezoneInfo tz) {
    DateTimeComponents raw = date.getRawComponents();
    LocalDateTime local =
        raw == null
            ? LocalDateTime.ofInstant(date.toInstant(), ZoneOffset.UTC)
            : LocalDateTime.of(
                raw.getYear(),
                raw.getMonth(),
                raw.getDate(),
                raw.getHour(),
                raw.getMinute(),
                raw.getSecond());
    if (raw != null && raw.isUtc()) {
      return new SessionTime(local, ZoneOffset.UTC);
    }
    if (tz.isFloating(property)) {
      return SessionTime.floating(local);
    }
    TimezoneAssignment assignment = tz.getTimezone(property);
    if (assignment == null) {
      return SessionTime.floating(local);
    }
    String id = assignment.getGlobalId();
    if (id == null
        && assignment.getComponent() != null
        && assignment.getComponent().getTimezoneId() != null) {
      id = assignment.getComponent().getTimezoneId().getValue();
    }
    if (id != null) {
      try {
        return new SessionTime(local, ZoneId.of(id.startsWith("/") ? id.substring(1) : id));
      } catch (DateTimeException notAnIanaName) {
        // a TZID of the file's own ("W. Europe Standard Time"): use the offset its VTIMEZONE gives
      }
    }
    long offsetSeconds =
        Duration.between(date.toInstant(), local.toInstant(ZoneOffset.UTC)).getSeconds();
    return new SessionTime(local, ZoneOffset.ofTotalSeconds((int) offsetSeconds));
  }

  /** An entry as the report names it: its SUMMARY, else its UID, else its place in the file. */
  private static String name(VEvent event, int n) {
    String summary = Sessions.clean(value(event.getSummary()));
    String uid = Sessions.clean(event.getUid() == null ? null : event.getUid().getValue());
    if (summary != null) {
      return "\"" + Sessions.shorten(summary) + "\"" + (uid == null ? "" : " (UID " + uid + ")");
    }
    return "event number " + n + (uid == null ? " (no SUMMARY, no UID)" : " (UID " + uid + ")");
  }

  private static String value(TextProperty p) {
    return p == null ? null : p.getValue();
  }

  private static String experimental(ICalendar ical, String name) {
    RawProperty p = ical.getExperimentalProperty(name);
    return p == null ? null : Sessions.clean(p.getValue());
  }

  /**
   * The speakers an entry names as people rather than in its SUMMARY: each ATTENDEE with ROLE=CHAIR
   * (who leads the session, as RFC 5545 has it) and a CN, else the ORGANIZER's CN (how generators
   * that have one person per talk write the speaker) unless it is the calendar's own name, the
   * conference organising itself.
   */
  private static List<String> speakers(VEvent event, String calendarName) {
    List<String> speakers = new ArrayList<>();
    for (biweekly.property.Attendee a : event.getAttendees()) {
      String cn = Sessions.clean(a.getCommonName());
      if (cn != null
          && a.getRole() != null
          && a.getRole().getValue().equalsIgnoreCase("CHAIR")
          && !speakers.contains(cn)) {
        speakers.add(cn);
      }
    }
    if (speakers.isEmpty() && event.getOrganizer() != null) {
      String cn = Sessions.clean(event.getOrganizer().getCommonName());
      if (cn != null && (calendarName == null || !cn.equalsIgnoreCase(calendarName.strip()))) {
        speakers.add(cn);
      }
    }
    return speakers;
  }
}
