package dev.talkbook.core.notebook;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A talk at an event, with the attendee's notes as one Markdown body. {@code position} is the
 * talk's place within its event, from 0. {@code programme} holds what a conference programme said
 * about it (abstract, length, its GUID; {@link Programme#NONE} for a talk typed in by hand), and
 * {@code starred} whether the attendee put it on their agenda.
 */
public record Talk(
    long id,
    long eventId,
    int position,
    Details details,
    String body,
    Instant createdAt,
    Instant updatedAt,
    Programme programme,
    boolean starred) {

  public Talk {
    programme = programme == null ? Programme.NONE : programme;
  }

  /** A talk with no programme data, not starred. */
  public Talk(
      long id,
      long eventId,
      int position,
      Details details,
      String body,
      Instant createdAt,
      Instant updatedAt) {
    this(id, eventId, position, details, body, createdAt, updatedAt, Programme.NONE, false);
  }

  /** The same talk with other notes (the editor's text while it is not saved yet). */
  public Talk withBody(String newBody) {
    return new Talk(
        id, eventId, position, details, newBody, createdAt, updatedAt, programme, starred);
  }

  public String title() {
    return details.title();
  }

  public List<String> speakers() {
    return details.speakers();
  }

  public List<String> tags() {
    return details.tags();
  }

  /** The editable fields of a talk (everything but the notes), validated on construction. */
  public record Details(
      String title,
      List<String> speakers,
      LocalDateTime startsAt,
      String room,
      String slidesUrl,
      String videoUrl,
      List<String> tags) {
    public Details {
      title = Fields.requireTitle(title, "A talk");
      speakers = Fields.cleanList(speakers, "Speaker");
      room = Fields.optionalLine(room, "The room");
      slidesUrl = Fields.webUrl(slidesUrl, "Slides URL");
      videoUrl = Fields.webUrl(videoUrl, "Video URL");
      tags = Tags.clean(tags);
    }

    public static Details titled(String title) {
      return new Details(title, List.of(), null, null, null, null, List.of());
    }

    public Details withTitle(String newTitle) {
      return new Details(newTitle, speakers, startsAt, room, slidesUrl, videoUrl, tags);
    }

    public Details withSpeakers(List<String> newSpeakers) {
      return new Details(title, newSpeakers, startsAt, room, slidesUrl, videoUrl, tags);
    }

    public Details withStartsAt(LocalDateTime newStartsAt) {
      return new Details(title, speakers, newStartsAt, room, slidesUrl, videoUrl, tags);
    }

    public Details withRoom(String newRoom) {
      return new Details(title, speakers, startsAt, newRoom, slidesUrl, videoUrl, tags);
    }

    public Details withSlidesUrl(String newSlidesUrl) {
      return new Details(title, speakers, startsAt, room, newSlidesUrl, videoUrl, tags);
    }

    public Details withVideoUrl(String newVideoUrl) {
      return new Details(title, speakers, startsAt, room, slidesUrl, newVideoUrl, tags);
    }

    public Details withTags(List<String> newTags) {
      return new Details(title, speakers, startsAt, room, slidesUrl, videoUrl, newTags);
    }
  }
}
