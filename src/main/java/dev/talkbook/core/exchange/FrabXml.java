package dev.talkbook.core.exchange;

import dev.talkbook.core.exchange.Frab.Link;
import dev.talkbook.core.exchange.Frab.RawConference;
import dev.talkbook.core.exchange.Frab.RawEvent;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reads the frab/pentabarf schedule XML (root {@code <schedule>}) into a {@link Schedule}. */
final class FrabXml {
  private FrabXml() {}

  static Schedule read(Element root, String origin) {
    Element conf = child(root, "conference");
    if (conf == null) {
      throw new ScheduleException(
          "The <schedule> has no <conference>: it is not a complete frab schedule. Nothing was"
              + " imported.");
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
            firstNonNull(text(conf, "url"), text(root, "url"), text(conf, "base_url")));
    List<Element> days = children(root, "day");
    if (days.isEmpty()) {
      throw new ScheduleException(
          "The <schedule> has no <day>, so it holds no sessions. Nothing was imported.");
    }
    List<RawEvent> events = new ArrayList<>();
    for (Element day : days) {
      String dayLabel = "on day " + attr(day, "index", attr(day, "date", "?"));
      for (Element room : children(day, "room")) {
        String roomName = attr(room, "name", null);
        for (Element e : children(room, "event")) {
          events.add(event(e, day, roomName, dayLabel));
        }
      }
    }
    return Frab.toSchedule(ScheduleFormat.FRAB_XML, conference, events, origin);
  }

  private static RawEvent event(Element e, Element day, String roomName, String dayLabel) {
    List<String> persons = new ArrayList<>();
    Element ps = child(e, "persons");
    if (ps != null) {
      for (Element p : children(ps, "person")) {
        String name = Sessions.clean(p.getTextContent());
        if (name != null) {
          persons.add(name);
        }
      }
    }
    List<Link> links = new ArrayList<>();
    for (String group : List.of("links", "attachments")) {
      Element ls = child(e, group);
      if (ls != null) {
        for (Element l : children(ls, group.equals("links") ? "link" : "attachment")) {
          links.add(new Link(attr(l, "href", null), l.getTextContent(), attr(l, "type", null)));
        }
      }
    }
    String recording = text(e, "video_download_url");
    Element rec = child(e, "recording");
    if (rec != null) {
      recording = firstNonNull(text(rec, "link"), text(rec, "url"), recording);
    }
    String room = firstNonNull(text(e, "room"), roomName);
    return new RawEvent(
        attr(e, "guid", null),
        attr(e, "id", null),
        attr(e, "code", null),
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
        recording,
        text(e, "url"),
        attr(day, "date", null),
        attr(day, "start", null),
        dayLabel + (room == null ? "" : " in " + room),
        text(e, "state"));
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        found.add(e);
      }
    }
    return found;
  }

  /** The text of a child element, or null when there is none or it is blank. */
  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    if (e == null) {
      return null;
    }
    String t = e.getTextContent();
    return t == null || t.isBlank() ? null : t;
  }

  private static String attr(Element e, String name, String fallback) {
    String v = e.getAttribute(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
