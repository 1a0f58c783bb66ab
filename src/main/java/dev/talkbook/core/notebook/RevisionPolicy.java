package dev.talkbook.core.notebook;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * When to keep a revision and which old ones to thin out. Pure: the store asks, this answers.
 *
 * <p>Autosave runs every second or so while the user types; a revision is kept only when the newest
 * one is older than {@link #interval()}, and always when the user leaves the talk or closes the
 * notebook. Thinning keeps every revision of the last day, the newest of each hour for the last
 * week, and the newest of each day before that; the newest revision of a talk is always kept.
 */
public record RevisionPolicy(Duration interval, ZoneId zone) {
  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);

  public static RevisionPolicy standard() {
    return new RevisionPolicy(DEFAULT_INTERVAL, ZoneId.systemDefault());
  }

  /** Whether an autosave at {@code now} should first keep the previous text as a revision. */
  public boolean keepOnAutosave(Instant newestRevision, Instant now) {
    return newestRevision == null || !newestRevision.plus(interval).isAfter(now);
  }

  /** A revision as thinning sees it. */
  public record Stamp(long id, Instant savedAt) {}

  /** The ids of the revisions (all of one talk) to delete at {@code now}. */
  public Set<Long> thin(List<Stamp> revisions, Instant now) {
    List<Stamp> newestFirst =
        revisions.stream()
            .sorted(Comparator.comparing(Stamp::savedAt).thenComparing(Stamp::id).reversed())
            .toList();
    Instant dayAgo = now.minus(Duration.ofDays(1));
    Instant weekAgo = now.minus(Duration.ofDays(7));
    Set<String> bucketsSeen = new HashSet<>();
    Set<Long> delete = new HashSet<>();
    for (Stamp r : newestFirst) {
      if (r.savedAt().isAfter(dayAgo)) {
        continue;
      }
      String bucket =
          r.savedAt().isAfter(weekAgo)
              ? "h" + r.savedAt().truncatedTo(ChronoUnit.HOURS)
              : "d" + r.savedAt().atZone(zone).toLocalDate();
      // The first revision seen in a bucket is its newest, and the one kept.
      if (!bucketsSeen.add(bucket)) {
        delete.add(r.id());
      }
    }
    return delete;
  }
}
