package dev.talkbook.core.notebook;

import java.time.Instant;
import java.util.List;

/**
 * A talk without its notes: everything else, and how large its notes are (bytes of UTF-8) and when
 * they or its details were last saved. For work over many talks that needs the notes of only a few
 * (a re-export of the site reads only the notes that changed).
 */
public record TalkHeader(
    long id,
    long eventId,
    int position,
    Talk.Details details,
    Instant updatedAt,
    Programme programme,
    long notesBytes) {

  public TalkHeader {
    programme = programme == null ? Programme.NONE : programme;
  }

  /** The header of a talk read whole. */
  public static TalkHeader of(Talk talk) {
    return new TalkHeader(
        talk.id(),
        talk.eventId(),
        talk.position(),
        talk.details(),
        talk.updatedAt(),
        talk.programme(),
        talk.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
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
}
