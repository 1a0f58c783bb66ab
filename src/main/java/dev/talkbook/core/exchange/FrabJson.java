package dev.talkbook.core.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import dev.talkbook.core.exchange.Frab.Link;
import dev.talkbook.core.exchange.Frab.RawConference;
import dev.talkbook.core.exchange.Frab.RawEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the frab-style schedule JSON that pretalx and frab export ({@code {"schedule":
 * {"conference": {…, "days": [{"rooms": {"Saal 1": [events]}}]}}}}) into a {@link Schedule}.
 */
final class FrabJson {
  private FrabJson() {}

  static Schedule read(JsonNode root, String origin) {
    JsonNode schedule = root.path("schedule");
    JsonNode conf = schedule.path("conference");
    if (!conf.isObject()) {
      throw new ScheduleException(
          "The JSON has a \"schedule\" but no \"conference\" in it: it is not a complete frab"
              + " schedule. Nothing was imported.");
    }
    RawConference conference =
        new RawConference(
            text(conf, "title"),
            text(conf, "acronym"),
            text(conf, "start"),
            text(conf, "end"),
            text(conf, "time_zone_name"),
            text(conf, "day_change"),
            text(conf, "venue"),
            text(conf, "city"),
            first(text(conf, "url"), text(schedule, "url"), text(root, "url")));
    JsonNode days = conf.path("days");
    if (days.isMissingNode() || days.isNull()) {
      throw new ScheduleException(
          "The conference in the JSON has no \"days\" list, so it holds no sessions. Nothing was"
              + " imported.");
    }
    if (!days.isArray()) {
      throw new ScheduleException(
          "The conference's \"days\" in the JSON is "
              + kind(days)
              + ", not a list of days, so no session can be read from it. Nothing was imported.");
    }
    List<RawEvent> events = new ArrayList<>();
    for (JsonNode day : days) {
      String dayLabel = "on day " + first(text(day, "index"), text(day, "date"), "?");
      JsonNode rooms = day.path("rooms");
      if (!rooms.isMissingNode() && !rooms.isNull() && !rooms.isObject()) {
        throw new ScheduleException(
            "The \"rooms\" of the day "
                + dayLabel.substring("on day ".length())
                + " in the JSON is "
                + kind(rooms)
                + ", not an object of rooms with their sessions. Nothing was imported.");
      }
      for (Map.Entry<String, JsonNode> room : rooms.properties()) {
        if (!room.getValue().isArray()) {
          throw new ScheduleException(
              "The room \""
                  + room.getKey()
                  + "\" "
                  + dayLabel
                  + " in the JSON is "
                  + kind(room.getValue())
                  + ", not a list of sessions. Nothing was imported.");
        }
        for (JsonNode e : room.getValue()) {
          events.add(event(e, day, room.getKey(), dayLabel));
        }
      }
    }
    return Frab.toSchedule(ScheduleFormat.FRAB_JSON, conference, events, origin);
  }

  private static RawEvent event(JsonNode e, JsonNode day, String roomName, String dayLabel) {
    List<String> persons = new ArrayList<>();
    for (JsonNode p : e.path("persons")) {
      String name =
          Sessions.clean(
              p.isTextual()
                  ? p.asText()
                  : first(text(p, "name"), text(p, "public_name"), text(p, "full_public_name")));
      if (name != null) {
        persons.add(name);
      }
    }
    List<Link> links = new ArrayList<>();
    for (String group : List.of("links", "attachments")) {
      for (JsonNode l : e.path(group)) {
        links.add(new Link(text(l, "url"), text(l, "title"), text(l, "type")));
      }
    }
    String room = first(text(e, "room"), roomName);
    return new RawEvent(
        text(e, "guid"),
        text(e, "id"),
        text(e, "code"),
        text(e, "title"),
        text(e, "subtitle"),
        text(e, "type"),
        text(e, "date"),
        text(e, "start"),
        text(e, "duration"),
        room,
        text(e, "track"),
        text(e, "language"),
        text(e, "abstract"),
        text(e, "description"),
        persons,
        links,
        first(text(e, "recording_url"), text(e, "video_download_url")),
        text(e, "url"),
        text(day, "date"),
        text(day, "day_start"),
        dayLabel + (room == null ? "" : " in " + room),
        text(e, "state"));
  }

  /** What a JSON value is, in words: "an object", "a text", "a number". */
  private static String kind(JsonNode v) {
    if (v.isObject()) {
      return "an object";
    }
    if (v.isTextual()) {
      return "a text";
    }
    if (v.isNumber()) {
      return "a number";
    }
    if (v.isBoolean()) {
      return "true or false";
    }
    return v.isArray() ? "a list" : "empty";
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /** A scalar field as text, or null (missing, null, blank, an object or a list). */
  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull() || v.isContainerNode()) {
      return null;
    }
    String t = v.asText();
    return t.isBlank() ? null : t;
  }
}
