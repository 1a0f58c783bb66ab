package dev.talkbook.core.share;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import java.time.Duration;
import java.time.ZoneId;

/**
 * What the audience sees of a talk: its details, the event it belongs to, the programme's abstract,
 * and its notes as they are now (the editor's live text in the window, the saved notes on the
 * command line).
 *
 * @param talkId the talk's id (a new id is a new talk: viewers get it whole)
 * @param eventTitle the event's title, or "" when unknown
 * @param abstractText the programme's abstract (Markdown), or ""
 * @param cancelled the programme no longer lists it (a re-import marked it removed): the page says
 *     it is cancelled, as the window, the site and the agenda do
 * @param length the programme's length of the talk, or null: the page shows its end with it
 * @param zone the event's time zone, or null: the end is the wall-clock time there, and a viewer
 *     whose browser's clock differs is told whose clock the times are in ("Berlin time")
 */
public record SharedTalk(
    long talkId,
    String eventTitle,
    Talk.Details details,
    String notes,
    String abstractText,
    boolean cancelled,
    Duration length,
    ZoneId zone) {
  public SharedTalk {
    eventTitle = eventTitle == null ? "" : eventTitle;
    notes = notes == null ? "" : notes;
    abstractText = abstractText == null ? "" : abstractText;
  }

  /** A talk of an event without a zone, with no length. */
  public SharedTalk(
      long talkId,
      String eventTitle,
      Talk.Details details,
      String notes,
      String abstractText,
      boolean cancelled) {
    this(talkId, eventTitle, details, notes, abstractText, cancelled, null, null);
  }

  /** A talk the programme still lists. */
  public SharedTalk(
      long talkId, String eventTitle, Talk.Details details, String notes, String abstractText) {
    this(talkId, eventTitle, details, notes, abstractText, false);
  }

  /** A talk without an abstract. */
  public SharedTalk(long talkId, String eventTitle, Talk.Details details, String notes) {
    this(talkId, eventTitle, details, notes, "");
  }

  /** A talk as it is stored, with its event's title and time zone. */
  public static SharedTalk of(Talk talk, Event event) {
    return of(talk, event.title(), event.zone().orElse(null));
  }

  /** A talk as it is stored, with its event's title and time zone ({@code zone} null: none). */
  public static SharedTalk of(Talk talk, String eventTitle, ZoneId zone) {
    return new SharedTalk(
        talk.id(),
        eventTitle,
        talk.details(),
        talk.body(),
        talk.programme().abstractText(),
        talk.programme().removed(),
        talk.programme().duration(),
        zone);
  }

  /** The same talk with other notes. */
  public SharedTalk withNotes(String newNotes) {
    return new SharedTalk(
        talkId, eventTitle, details, newNotes, abstractText, cancelled, length, zone);
  }

  public String title() {
    return details.title();
  }
}
