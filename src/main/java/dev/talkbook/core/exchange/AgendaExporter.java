package dev.talkbook.core.exchange;

import biweekly.Biweekly;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.DateEnd;
import biweekly.property.DateStart;
import biweekly.property.Status;
import biweekly.property.Uid;
import dev.talkbook.core.common.AtomicFile;
import dev.talkbook.core.common.PathProblems;
import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The attendee's agenda — the starred talks with a time — as an iCalendar file (RFC 5545) written
 * with biweekly, for any calendar app. A talk of an event with a time zone is written in UTC (the
 * instant is exact wherever the calendar is); a talk of an event without one as a floating local
 * time. Each keeps its programme UID (an .ics programme's talks get one of Talkbook's, {@link
 * #uid}), so importing the agenda again into a calendar updates the entries instead of doubling
 * them, and a SEQUENCE that grows with the talk's changes ({@link #sequence}). A starred talk the
 * programme no longer lists (removed by a re-import) is written as cancelled ({@code
 * STATUS:CANCELLED}, its summary starting "Cancelled:"), so the calendar that has it shows it
 * cancelled instead of keeping it as if it still happened.
 */
public final class AgendaExporter {
  private final Clock clock;

  public AgendaExporter(Clock clock) {
    this.clock = clock;
  }

  /** Before the summary of a talk gone from the programme, for readers that ignore STATUS. */
  static final String CANCELLED = "Cancelled: ";

  /** How many talks went into the file, and how many starred ones were left out (no time). */
  public record Result(int written, int withoutTime) {}

  /** Writes the agenda to {@code file} (through a temporary file, replaced at once). */
  public Result export(Notebook notebook, Path file) {
    StringWriter text = new StringWriter();
    Result result = write(notebook, text);
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      // for calendars and servers to read, as any file the user makes: the umask decides
      // a link (into a synced calendar folder, say) is followed: the file it leads to is updated
      AtomicFile.writeString(file, text.toString(), AtomicFile.Option.FOLLOW_LINKS);
    } catch (IOException e) {
      throw new ScheduleException(
          PathProblems.inTheWayOfFile(file)
              .map(p -> "Could not write the agenda: " + p + ".")
              .orElseGet(
                  () -> "Could not write " + file + " (" + PathProblems.whyNotWritten(e) + ")."),
          e);
    }
    return result;
  }

  /** Writes the agenda as iCalendar text. */
  public Result write(Notebook notebook, Writer out) {
    List<Talk> starred = notebook.talks().starred();
    Map<Long, Event> events = new HashMap<>();
    for (Event e : notebook.events().list()) {
      events.put(e.id(), e);
    }
    ICalendar ical = new ICalendar();
    ical.setProductId("-//Talkbook//My agenda//EN");
    ical.setExperimentalProperty("X-WR-CALNAME", "My agenda");
    // No default time zone: biweekly writes times in UTC ("…Z"), and no VTIMEZONE is needed.
    int written = 0;
    int withoutTime = 0;
    Date stamp = Date.from(clock.instant());
    for (Talk t : starred) {
      LocalDateTime at = t.details().startsAt();
      if (at == null) {
        withoutTime++;
        continue;
      }
      Event event = events.get(t.eventId());
      ZoneId zone = event == null ? null : event.zone().orElse(null);
      VEvent v = new VEvent();
      v.setUid(new Uid(uid(t)));
      v.setDateTimeStamp(stamp);
      v.setSequence(sequence(t));
      String summary =
          t.programme().subtitle() == null
              ? t.title()
              : t.title() + " — " + t.programme().subtitle();
      if (t.programme().removed()) {
        v.setStatus(Status.cancelled());
        summary = CANCELLED + summary;
      }
      v.setSummary(summary);
      Date start = date(at, zone);
      DateStart dtstart = new DateStart(start, true);
      v.setDateStart(dtstart);
      DateEnd dtend = null;
      if (t.programme().duration() != null) {
        // In the event's zone the end is the length after the start's instant (a talk across a
        // clock change ends at the wall-clock time the site shows); a floating time has no zone
        // to move in, so its end is the wall clock plus the length.
        Date end =
            zone == null
                ? date(at.plus(t.programme().duration()), null)
                : Date.from(start.toInstant().plus(t.programme().duration()));
        dtend = new DateEnd(end, true);
        v.setDateEnd(dtend);
      }
      if (zone == null) {
        ical.getTimezoneInfo().setFloating(dtstart, true);
        if (dtend != null) {
          ical.getTimezoneInfo().setFloating(dtend, true);
        }
      }
      if (t.details().room() != null) {
        v.setLocation(t.details().room());
      }
      StringBuilder description = new StringBuilder();
      if (!t.speakers().isEmpty()) {
        description.append(String.join(", ", t.speakers())).append("\n\n");
      }
      // The abstract is Markdown; a calendar shows plain text (no "**", "\\<" or tags).
      description.append(Descriptions.toPlainText(t.programme().abstractText()));
      if (event != null) {
        description.append(description.length() > 0 ? "\n\n" : "").append(event.title());
      }
      if (description.length() > 0) {
        v.setDescription(description.toString().strip());
      }
      String link =
          t.details().slidesUrl() != null ? t.details().slidesUrl() : t.details().videoUrl();
      if (link != null) {
        v.setUrl(link);
      }
      if (!t.tags().isEmpty()) {
        v.addCategories(t.tags().toArray(String[]::new));
      }
      ical.addEvent(v);
      written++;
    }
    try {
      // biweekly folds at 75 characters, not octets: a line of UTF-8 text came out longer than
      // RFC 5545 allows, so the lines are written whole and folded here.
      out.write(foldLines(Biweekly.write(ical).version(ICalVersion.V2_0).foldLines(false).go()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Result(written, withoutTime);
  }

  /**
   * The entry's UID: the programme's own for a frab, pretalx or Sessionize session (an agenda
   * exported before finds its entries again), one of Talkbook's, made from it, for a session of an
   * .ics programme, whose UID is the conference calendar's own: someone subscribed to it who
   * imports the agenda into the same calendar had the two overwrite each other. A talk of the
   * attendee's own: its id.
   */
  static String uid(Talk t) {
    String uid = t.programme().uid();
    if (uid == null) {
      return "talkbook-talk-" + t.id() + "@talkbook";
    }
    String source = t.programme().source();
    if (source != null && source.startsWith("ical:")) {
      return "talkbook-agenda-"
          + java.util.UUID.nameUUIDFromBytes(
              (source + "\n" + uid).getBytes(java.nio.charset.StandardCharsets.UTF_8))
          + "@talkbook";
    }
    return uid;
  }

  /** Where {@link #sequence} counts seconds from. */
  private static final java.time.Instant SEQUENCE_FROM =
      java.time.Instant.parse("2020-01-01T00:00:00Z");

  /**
   * The entry's SEQUENCE (RFC 5545, 3.8.7.4): the seconds from 2020 to the talk's last change, or
   * to the programme's dropping it, whichever is later. A calendar applies an entry whose UID it
   * has only when the SEQUENCE is higher than what it holds (RFC 5546, 2.1.4), so a talk cancelled
   * (or moved) since the last export must get a higher one: the time of that change is always later
   * than that of the export before it, and the same export again writes the same number.
   */
  static int sequence(Talk t) {
    java.time.Instant last = t.updatedAt();
    java.time.Instant removed = t.programme().removedAt();
    if (removed != null && removed.isAfter(last)) {
      last = removed;
    }
    long seconds = java.time.Duration.between(SEQUENCE_FROM, last).getSeconds();
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, seconds));
  }

  /** The most octets of a line, without its line break (RFC 5545, section 3.1). */
  static final int MAX_LINE_OCTETS = 75;

  /**
   * Folds each content line of {@code text} (lines end with CRLF) to at most {@link
   * #MAX_LINE_OCTETS} octets of UTF-8, the continuation lines starting with a space, as RFC 5545
   * asks. A fold falls between characters, never inside one's UTF-8 sequence or a surrogate pair.
   */
  static String foldLines(String text) {
    StringBuilder folded = new StringBuilder(text.length() + text.length() / 32);
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf("\r\n", start);
      int lineEnd = end < 0 ? text.length() : end;
      fold(text, start, lineEnd, folded);
      if (end < 0) {
        break;
      }
      folded.append("\r\n");
      start = end + 2;
    }
    return folded.toString();
  }

  private static void fold(String text, int from, int to, StringBuilder out) {
    int octets = 0;
    for (int i = from; i < to; ) {
      int c = text.codePointAt(i);
      int size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      if (octets + size > MAX_LINE_OCTETS) {
        out.append("\r\n ");
        octets = 1;
      }
      out.appendCodePoint(c);
      octets += size;
      i += Character.charCount(c);
    }
  }

  /** A local time in the event's zone as an instant; floating times use the JVM's zone. */
  private static Date date(LocalDateTime at, ZoneId zone) {
    return Date.from(at.atZone(zone == null ? ZoneId.systemDefault() : zone).toInstant());
  }
}
