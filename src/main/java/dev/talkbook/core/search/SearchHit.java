package dev.talkbook.core.search;

import java.util.List;

/** One talk found by a search, best first, with the passage that matched. */
public record SearchHit(
    long talkId,
    String talkTitle,
    long eventId,
    String eventTitle,
    List<String> speakers,
    Snippet snippet,
    double rank) {}
