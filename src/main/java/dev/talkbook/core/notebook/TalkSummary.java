package dev.talkbook.core.notebook;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What a list of talks shows: no notes, so listing a large notebook stays light. {@code startsAt}
 * is in the event's time zone and {@code room} may be null. {@code removed}: the programme it came
 * from no longer lists it.
 */
public record TalkSummary(
    long id,
    long eventId,
    int position,
    String title,
    List<String> speakers,
    LocalDateTime startsAt,
    String room,
    boolean starred,
    boolean removed,
    Duration length) {

  /** A talk in a list with only a title, speakers and a time: no room, star or length. */
  public TalkSummary(
      long id,
      long eventId,
      int position,
      String title,
      List<String> speakers,
      LocalDateTime startsAt) {
    this(id, eventId, position, title, speakers, startsAt, null, false, false, null);
  }
}
