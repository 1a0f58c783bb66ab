package dev.talkbook.bench.store;

import java.util.List;

/**
 * The fixed queries of the search benchmark, in the search language of {@link
 * dev.talkbook.core.search.SearchQuery}: single words (common and rare), two words, phrases,
 * prefixes, exclusions and the speaker, tag and event fields. Change them and the figures are no
 * longer comparable with earlier runs.
 */
public final class SearchQueries {
  private SearchQueries() {}

  public static final List<String> ALL =
      List.of(
          "kafka",
          "latency",
          "idempotency",
          "flamegraph",
          "retry timeout",
          "deadlock mutex",
          "schema migration",
          "\"connection pool\"",
          "\"circuit breaker\"",
          "\"tail latency\"",
          "observ*",
          "serial*",
          "rust -kubernetes",
          "cache -redis",
          "speaker:hopper",
          "speaker:okafor latency",
          "tag:security",
          "tag:databases index",
          "event:pyatl",
          "event:devoxx \"garbage collector\"");

  /** Results per search, as the app's search box asks for. */
  public static final int LIMIT = 20;
}
