package dev.talkbook.core.exchange;

import dev.talkbook.core.exchange.Schedule.Session;
import dev.talkbook.core.notebook.WebAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Field clean-up and checks shared by the format readers. */
final class Sessions {
  private Sessions() {}

  /** Trimmed, whitespace runs made one space; null for blank. */
  static String clean(String s) {
    if (s == null) {
      return null;
    }
    String t = s.replace('\0', ' ').replaceAll("\\s+", " ").strip();
    return t.isEmpty() ? null : t;
  }

  /** Venue and city as one location ("ULB, Brussels"), either may be missing. */
  static String joinLocation(String venue, String city) {
    String v = clean(venue);
    String c = clean(city);
    if (v == null) {
      return c;
    }
    return c == null || v.toLowerCase(Locale.ROOT).contains(c.toLowerCase(Locale.ROOT))
        ? v
        : v + ", " + c;
  }

  /** An absolute http(s) address, or null (with a warning when something else was there). */
  static String webUrl(String url, String what, List<String> warnings) {
    String u = clean(url);
    if (u == null) {
      return null;
    }
    if (WebAddress.valid(u)) {
      return u;
    }
    warnings.add("The " + what + " \"" + shorten(u) + "\" is not a web address; left out.");
    return null;
  }

  /** "slides", "video" or "other": what a session's link most likely is. */
  static String linkKind(String href, String title, String type) {
    String h = href.toLowerCase(Locale.ROOT);
    String t =
        ((title == null ? "" : title) + " " + (type == null ? "" : type)).toLowerCase(Locale.ROOT);
    if (t.contains("slide")
        || t.contains("folien")
        || h.contains("speakerdeck.com")
        || h.contains("slideshare.net")
        || h.contains("slides.com")
        || h.contains("/slides")
        || h.contains("docs.google.com/presentation")
        || h.endsWith(".pdf")
        || h.endsWith(".pptx")
        || h.endsWith(".odp")
        || h.endsWith(".key")) {
      return "slides";
    }
    if (t.contains("video")
        || t.contains("recording")
        || t.contains("aufzeichnung")
        || h.contains("youtube.com/")
        || h.contains("youtu.be/")
        || h.contains("vimeo.com/")
        || h.contains("media.ccc.de/")
        || h.contains("peertube")
        || h.contains("video.fosdem.org")
        || h.endsWith(".mp4")
        || h.endsWith(".webm")) {
      return "video";
    }
    return "other";
  }

  /** A track or category name as a tag: no commas, at most 60 characters; null for none. */
  static String tag(String name) {
    String t = clean(name);
    if (t == null) {
      return null;
    }
    t = t.replace(',', ' ').replaceAll("\\s+", " ").strip();
    while (t.startsWith("#")) {
      t = t.substring(1).strip();
    }
    if (t.length() > 60) {
      t = t.substring(0, 60).strip();
    }
    return t.isEmpty() ? null : t;
  }

  /**
   * Refuses a programme that names two sessions with one GUID/UID: a re-import could not tell them
   * apart.
   */
  static void requireUniqueIds(List<Session> sessions) {
    Map<String, Session> seen = new LinkedHashMap<>();
    List<String> clashes = new ArrayList<>();
    for (Session s : sessions) {
      Session before = seen.putIfAbsent(s.uid(), s);
      if (before != null && clashes.size() < 5) {
        clashes.add(
            "\"" + before.title() + "\" and \"" + s.title() + "\" both have the id " + s.uid());
      }
    }
    if (!clashes.isEmpty()) {
      throw new ScheduleException(
          "The schedule gives two sessions the same GUID/UID, so they cannot be told apart on a"
              + " later import: "
              + String.join("; ", clashes)
              + ". Ask the organisers for a corrected file; nothing was imported.");
    }
  }

  static String shorten(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "…";
  }
}
