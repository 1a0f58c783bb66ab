package dev.talkbook.core.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import dev.talkbook.core.exchange.Schedule.Conference;
import dev.talkbook.core.exchange.Schedule.Session;
import dev.talkbook.core.exchange.Schedule.SessionTime;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads Sessionize's "All data" JSON ({@code {"sessions": […], "speakers": […], "categories": […],
 * "rooms": […]}}): sessions refer to speakers, category items and rooms by id. Sessionize's times
 * are floating (the event's local time), and the file names no conference; service sessions
 * (breaks) are left out, unscheduled ones come without a time. A category named "Language" gives
 * the language, every other category item (track, level, format) a tag.
 */
final class SessionizeJson {
  private SessionizeJson() {}

  static Schedule read(JsonNode root, String origin) {
    List<String> warnings = new ArrayList<>();
    Map<String, String> speakers = new HashMap<>();
    for (JsonNode s : root.path("speakers")) {
      String name = FrabJson.text(s, "fullName");
      if (name == null) {
        name =
            Sessions.clean(
                (FrabJson.text(s, "firstName") == null ? "" : FrabJson.text(s, "firstName"))
                    + " "
                    + (FrabJson.text(s, "lastName") == null ? "" : FrabJson.text(s, "lastName")));
      }
      if (FrabJson.text(s, "id") != null && name != null) {
        speakers.put(FrabJson.text(s, "id"), Sessions.clean(name));
      }
    }
    Map<String, String> rooms = new HashMap<>();
    for (JsonNode r : root.path("rooms")) {
      if (FrabJson.text(r, "id") != null && FrabJson.text(r, "name") != null) {
        rooms.put(FrabJson.text(r, "id"), Sessions.clean(FrabJson.text(r, "name")));
      }
    }
    Map<String, String> itemNames = new HashMap<>();
    Map<String, String> itemCategory = new HashMap<>();
    for (JsonNode c : root.path("categories")) {
      String category = FrabJson.text(c, "title");
      for (JsonNode item : c.path("items")) {
        String id = FrabJson.text(item, "id");
        if (id != null && FrabJson.text(item, "name") != null) {
          itemNames.put(id, FrabJson.text(item, "name"));
          itemCategory.put(id, category == null ? "" : category.toLowerCase(Locale.ROOT));
        }
      }
    }
    List<Session> sessions = new ArrayList<>();
    List<String> leftOut = new ArrayList<>();
    LocalDate first = null;
    LocalDate last = null;
    int n = 0;
    for (JsonNode s : root.path("sessions")) {
      n++;
      if (s.path("isServiceSession").asBoolean(false)) {
        String service = Sessions.clean(FrabJson.text(s, "title"));
        leftOut.add(
            (service == null ? "session number " + n : "\"" + service + "\"")
                + ": a service session (a break, registration), not a talk");
        continue;
      }
      String id = FrabJson.text(s, "id");
      String title = Sessions.clean(FrabJson.text(s, "title"));
      if (title == null && s.has("groupName") && s.path("sessions").isArray()) {
        // the grouped "Sessions" view's groups put where the "All" view lists sessions
        throw new ScheduleException(
            "Session number "
                + n
                + " in the Sessionize file is a group (\""
                + Objects.requireNonNullElse(FrabJson.text(s, "groupName"), "")
                + "\") of sessions: this looks like the grouped \"Sessions\" view put into"
                + " the \"All\" view's form. Export the event's \"All data\" view (…/view/All)"
                + " again and import that. Nothing was imported.");
      }
      if (title == null) {
        throw new ScheduleException(
            "Session number "
                + n
                + (id == null ? "" : " (id " + id + ")")
                + " in the Sessionize file has no title. Nothing was imported.");
      }
      if (id == null) {
        throw new ScheduleException(
            "The session \""
                + title
                + "\" in the Sessionize file has no id, so a later import could not find it"
                + " again. Nothing was imported.");
      }
      List<String> names = new ArrayList<>();
      for (JsonNode sp : s.path("speakers")) {
        String name =
            sp.isObject() ? FrabJson.text(sp, "name") : speakers.getOrDefault(sp.asText(), null);
        if (name != null) {
          names.add(name);
        }
      }
      List<String> tags = new ArrayList<>();
      String language = null;
      for (JsonNode item : s.path("categoryItems")) {
        String name = itemNames.get(item.asText());
        String category = itemCategory.getOrDefault(item.asText(), "");
        if (name == null) {
          continue;
        }
        if (category.equals("language") || category.equals("session language")) {
          language = Sessions.clean(name);
        } else if (Sessions.tag(name) != null) {
          tags.add(Sessions.tag(name));
        }
      }
      LocalDateTime start = dateTime(FrabJson.text(s, "startsAt"));
      LocalDateTime end = dateTime(FrabJson.text(s, "endsAt"));
      Duration duration =
          start != null && end != null && end.isAfter(start) ? Duration.between(start, end) : null;
      if (start != null) {
        first = first == null || start.toLocalDate().isBefore(first) ? start.toLocalDate() : first;
        last = last == null || start.toLocalDate().isAfter(last) ? start.toLocalDate() : last;
      }
      String room =
          FrabJson.text(s, "roomId") == null ? null : rooms.get(FrabJson.text(s, "roomId"));
      if (room == null) {
        room = Sessions.clean(FrabJson.text(s, "room"));
      }
      sessions.add(
          new Session(
              id,
              title,
              null,
              names,
              start == null ? null : SessionTime.floating(start),
              duration,
              room,
              tags,
              language,
              Descriptions.fromMarkdown(FrabJson.text(s, "description")),
              null,
              null,
              Sessions.webUrl(
                  FrabJson.text(s, "recordingUrl"), "recording of \"" + title + "\"", warnings)));
    }
    String eventId = sessionizeId(origin);
    Conference conference = new Conference(null, eventId, first, last, null, null, null);
    return new Schedule(
        ScheduleFormat.SESSIONIZE,
        "sessionize:" + (eventId == null ? "" : eventId),
        conference,
        sessions,
        leftOut,
        warnings);
  }

  /** The event's id in a Sessionize API address (…/api/v2/{id}/view/All), or null. */
  static String sessionizeId(String origin) {
    if (origin == null) {
      return null;
    }
    int at = origin.indexOf("/api/v2/");
    if (at < 0) {
      return null;
    }
    String rest = origin.substring(at + "/api/v2/".length());
    int slash = rest.indexOf('/');
    String id = slash < 0 ? rest : rest.substring(0, slash);
    return id.isBlank() ? null : id;
  }

  private static LocalDateTime dateTime(String text) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDateTime.parse(text);
    } catch (DateTimeException e) {
      try {
        return OffsetDateTime.parse(text).toLocalDateTime();
      } catch (DateTimeException e2) {
        return null;
      }
    }
  }
}
