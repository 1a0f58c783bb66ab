package dev.talkbook.core.notebook;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A talk with a time, as an agenda needs it: when (local time in its event's zone), how long (null
 * when unknown), where, and whether it is starred or gone from the programme. No notes.
 */
public record TimetableEntry(
    long talkId,
    long eventId,
    String title,
    List<String> speakers,
    LocalDateTime startsAt,
    Duration duration,
    String room,
    boolean starred,
    boolean removed) {
  public TimetableEntry {
    speakers = List.copyOf(speakers);
  }
}
