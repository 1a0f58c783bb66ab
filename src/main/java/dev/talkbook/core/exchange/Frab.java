package dev.talkbook.core.exchange;

import dev.talkbook.core.exchange.Schedule.Conference;
import dev.talkbook.core.exchange.Schedule.Session;
import dev.talkbook.core.exchange.Schedule.SessionTime;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The frab/pentabarf programme as its XML and its JSON both carry it (c3voc's schedule.xml.xsd and
 * schema.json), and how it becomes a {@link Schedule}: the conference, then each session with its
 * time worked out from its {@code date} (with a UTC offset) or, in older files, from its day's
 * date, its {@code start} and the conference's {@code day_change} (a talk at 01:00 on a day whose
 * programme runs past midnight is on the next calendar date).
 */
final class Frab {
  private Frab() {}

  /** The conference as written. Dates may be dates or date-times with an offset. */
  record RawConference(
      String title,
      String acronym,
      String start,
      String end,
      String timeZone,
      String dayChange,
      String venue,
      String city,
      String url) {}

  /** A link of a session: its address, title (the element's text) and type, as written. */
  record Link(String href, String title, String type) {}

  /** One {@code <event>} (XML) or event object (JSON) as written, with its day and room. */
  record RawEvent(
      String guid,
      String id,
      String code,
      String title,
      String subtitle,
      String type,
      String date,
      String start,
      String duration,
      String room,
      String track,
      String language,
      String abstractText,
      String description,
      List<String> persons,
      List<Link> links,
      String recordingUrl,
      String url,
      String dayDate,
      String dayStart,
      String where,
      String state) {}

  /** pretalx's states of a session that will not be given. */
  private static final Set<String> CANCELLED_STATES = Set.of("canceled", "cancelled", "withdrawn");

  private static final Set<String> BREAK_TYPES =
      Set.of("break", "pause", "lunch", "coffee break", "lunch break", "meal", "catering");
  private static final Pattern DURATION =
      Pattern.compile("(?:(\\d+)[d.]\\s*)?(\\d{1,3}):(\\d{2})(?::(\\d{2}))?");

  static Schedule toSchedule(
      ScheduleFormat format, RawConference c, List<RawEvent> events, String origin) {
    List<String> warnings = new ArrayList<>();
    ZoneId zone = zone(c.timeZone(), warnings);
    LocalTime dayChange = time(c.dayChange());
    String title = Sessions.clean(c.title());
    Conference conference =
        new Conference(
            title,
            Sessions.clean(c.acronym()),
            date(c.start()),
            date(c.end()),
            zone,
            Sessions.joinLocation(c.venue(), c.city()),
            Sessions.webUrl(c.url(), "conference URL", warnings));
    List<Session> sessions = new ArrayList<>();
    List<Session> cancelled = new ArrayList<>();
    List<String> leftOut = new ArrayList<>();
    for (RawEvent e : events) {
      String t = Sessions.clean(e.title());
      String type = e.type() == null ? "" : e.type().strip().toLowerCase(Locale.ROOT);
      if (BREAK_TYPES.contains(type)
          || (e.persons().isEmpty()
              && t != null
              && BREAK_TYPES.contains(t.toLowerCase(Locale.ROOT)))) {
        leftOut.add((t == null ? "an entry" : "\"" + t + "\"") + " " + e.where() + ": a break");
        continue;
      }
      String state = e.state() == null ? "" : e.state().strip().toLowerCase(Locale.ROOT);
      (CANCELLED_STATES.contains(state) ? cancelled : sessions)
          .add(session(e, zone, dayChange, warnings));
    }
    String id =
        conference.acronym() != null
            ? conference.acronym()
            : conference.title() != null ? conference.title() : origin;
    // The XML and the JSON of one programme are the same programme: one source.
    String source = "frab:" + id;
    return new Schedule(format, source, conference, sessions, leftOut, warnings, cancelled);
  }

  private static Session session(
      RawEvent e, ZoneId zone, LocalTime dayChange, List<String> warnings) {
    String uid = Sessions.clean(e.guid());
    if (uid == null && Sessions.clean(e.code()) != null) {
      uid = "code:" + e.code().strip();
    }
    if (uid == null && Sessions.clean(e.id()) != null) {
      uid = "id:" + e.id().strip();
    }
    String title = Sessions.clean(e.title());
    if (title == null) {
      throw new ScheduleException(
          "A session "
              + e.where()
              + (uid == null ? "" : " (" + uid + ")")
              + " has no title. The file is incomplete; nothing was imported.");
    }
    if (uid == null) {
      throw new ScheduleException(
          "The session \""
              + title
              + "\" "
              + e.where()
              + " has neither a guid nor an id, so a later import could not find it again."
              + " Nothing was imported.");
    }
    String abstractText = Descriptions.fromMarkdown(e.abstractText());
    String description = Descriptions.fromMarkdown(e.description());
    if (!description.isEmpty() && !description.equals(abstractText)) {
      abstractText = abstractText.isEmpty() ? description : abstractText + "\n\n" + description;
    }
    String slides = null;
    String video = Sessions.webUrl(e.recordingUrl(), "recording of \"" + title + "\"", warnings);
    for (Link link : e.links()) {
      String href = Sessions.webUrl(link.href(), "link of \"" + title + "\"", warnings);
      if (href == null) {
        continue;
      }
      String kind = Sessions.linkKind(href, link.title(), link.type());
      if (kind.equals("slides") && slides == null) {
        slides = href;
      } else if (kind.equals("video") && video == null) {
        video = href;
      }
    }
    String track = Sessions.tag(e.track());
    return new Session(
        uid,
        title,
        Sessions.clean(e.subtitle()),
        e.persons(),
        start(e, zone, dayChange, title, warnings),
        duration(e.duration(), title, warnings),
        Sessions.clean(e.room()),
        track == null ? List.of() : List.of(track),
        Sessions.clean(e.language()),
        abstractText,
        Sessions.webUrl(e.url(), "web page of \"" + title + "\"", warnings),
        slides,
        video);
  }

  /** When the session starts; null (and a warning) when the file does not say. */
  private static SessionTime start(
      RawEvent e, ZoneId zone, LocalTime dayChange, String title, List<String> warnings) {
    String date = Sessions.clean(e.date());
    if (date != null) {
      try {
        OffsetDateTime at = OffsetDateTime.parse(date);
        return zone == null
            ? SessionTime.of(at.toZonedDateTime())
            : SessionTime.of(at.atZoneSameInstant(zone));
      } catch (DateTimeException notWithOffset) {
        try {
          return new SessionTime(LocalDateTime.parse(date), zone);
        } catch (DateTimeException e2) {
          // fall back to the day and start below
        }
      }
    }
    LocalDate day = date(e.dayDate());
    LocalTime time = time(e.start());
    if (day == null || time == null) {
      warnings.add("\"" + title + "\" has no start time; it is imported without one.");
      return null;
    }
    ZoneId at = zone;
    LocalTime change = dayChange;
    String dayStart = Sessions.clean(e.dayStart());
    if (dayStart != null) {
      try {
        OffsetDateTime ds = OffsetDateTime.parse(dayStart);
        if (at == null) {
          at = ds.getOffset();
        }
        if (change == null && ds.toLocalDate().equals(day)) {
          change = ds.toLocalTime();
        }
      } catch (DateTimeException ignored) {
        // a day without a usable start: the day change alone decides
      }
    }
    if (change != null && time.isBefore(change)) {
      day = day.plusDays(1); // past midnight: still the programme of the day before
    }
    return new SessionTime(LocalDateTime.of(day, time), at);
  }

  static Duration duration(String text, String title, List<String> warnings) {
    String d = Sessions.clean(text);
    if (d == null) {
      return null;
    }
    Matcher m = DURATION.matcher(d);
    if (!m.matches()) {
      warnings.add("\"" + title + "\": duration \"" + d + "\" is not like 01:30; left out.");
      return null;
    }
    Duration duration =
        Duration.ofHours(Long.parseLong(m.group(2))).plusMinutes(Long.parseLong(m.group(3)));
    if (m.group(1) != null) {
      duration = duration.plusDays(Long.parseLong(m.group(1)));
    }
    if (m.group(4) != null) {
      duration = duration.plusSeconds(Long.parseLong(m.group(4)));
    }
    return duration.isZero() ? null : duration;
  }

  static ZoneId zone(String name, List<String> warnings) {
    String z = Sessions.clean(name);
    if (z == null) {
      return null;
    }
    try {
      return ZoneId.of(z);
    } catch (DateTimeException e) {
      warnings.add("Time zone \"" + z + "\" is not known; times are read with their offsets.");
      return null;
    }
  }

  static LocalDate date(String text) {
    String d = Sessions.clean(text);
    if (d == null) {
      return null;
    }
    try {
      return d.length() <= 10 ? LocalDate.parse(d) : OffsetDateTime.parse(d).toLocalDate();
    } catch (DateTimeException e) {
      try {
        return LocalDateTime.parse(d).toLocalDate();
      } catch (DateTimeException e2) {
        return null;
      }
    }
  }

  static LocalTime time(String text) {
    String t = Sessions.clean(text);
    if (t == null) {
      return null;
    }
    try {
      if (t.length() == 4 && t.charAt(1) == ':') {
        t = "0" + t;
      }
      return LocalTime.parse(t);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
