package dev.talkbook.core.search;

import java.util.List;

/**
 * One talk found by a search, best first, with the passage that matched. {@code removed}: the
 * programme the talk came from no longer lists it (the command line says "Cancelled: ", the window
 * strikes the title through).
 */
public record SearchHit(
    long talkId,
    String talkTitle,
    long eventId,
    String eventTitle,
    List<String> speakers,
    Snippet snippet,
    double rank,
    boolean removed) {}
