package dev.talkbook.core.notebook;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What a list of talks shows: no notes, so listing a large notebook stays light. {@code removed}:
 * the programme it came from no longer lists it.
 */
public record TalkSummary(
    long id,
    long eventId,
    int position,
    String title,
    List<String> speakers,
    LocalDateTime startsAt,
    boolean starred,
    boolean removed) {

  public TalkSummary(
      long id,
      long eventId,
      int position,
      String title,
      List<String> speakers,
      LocalDateTime startsAt) {
    this(id, eventId, position, title, speakers, startsAt, false, false);
  }
}
