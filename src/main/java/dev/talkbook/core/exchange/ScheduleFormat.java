package dev.talkbook.core.exchange;

/** The published forms of a conference programme that Talkbook reads. */
public enum ScheduleFormat {
  /** The frab/pentabarf schedule XML (c3voc's schema): pretalx, frab, FOSDEM, osem. */
  FRAB_XML("frab/pentabarf schedule XML"),
  /** The frab-style schedule JSON that pretalx and frab export (c3voc's schema.json). */
  FRAB_JSON("pretalx/frab schedule JSON"),
  /** iCalendar (RFC 5545): pretalx, Sched, Sessionize and calendar apps. */
  ICALENDAR("iCalendar"),
  /** Sessionize's "All data" JSON: sessions, speakers, categories, rooms. */
  SESSIONIZE("Sessionize JSON");

  private final String label;

  ScheduleFormat(String label) {
    this.label = label;
  }

  /** The format's name as a user knows it. */
  public String label() {
    return label;
  }
}
