package dev.talkbook.core.notebook;

import java.time.LocalDateTime;
import java.util.List;

/** What a list of talks shows: no notes, so listing a large notebook stays light. */
public record TalkSummary(
    long id,
    long eventId,
    int position,
    String title,
    List<String> speakers,
    LocalDateTime startsAt) {}
