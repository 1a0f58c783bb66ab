package dev.talkbook.core.share;

import dev.talkbook.core.notebook.Talk;

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
 */
public record SharedTalk(
    long talkId,
    String eventTitle,
    Talk.Details details,
    String notes,
    String abstractText,
    boolean cancelled) {
  public SharedTalk {
    eventTitle = eventTitle == null ? "" : eventTitle;
    notes = notes == null ? "" : notes;
    abstractText = abstractText == null ? "" : abstractText;
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

  /** A talk as it is stored, with its event's title. */
  public static SharedTalk of(Talk talk, String eventTitle) {
    return new SharedTalk(
        talk.id(),
        eventTitle,
        talk.details(),
        talk.body(),
        talk.programme().abstractText(),
        talk.programme().removed());
  }

  /** The same talk with other notes. */
  public SharedTalk withNotes(String newNotes) {
    return new SharedTalk(talkId, eventTitle, details, newNotes, abstractText, cancelled);
  }

  public String title() {
    return details.title();
  }
}
