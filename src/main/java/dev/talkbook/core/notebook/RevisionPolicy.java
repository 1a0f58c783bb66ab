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
 * one is older than {@link #interval()}; when the user leaves the talk, unless the newest is a
 * checkpoint younger than that; and always when the notebook is closed. Thinning keeps every
 * revision of the last day, the newest of each hour for the last week, and the newest of each day
 * before that; the newest revision of a talk is always kept.
 *
 * @param interval how old the newest revision must be before an autosave keeps another
 * @param zone the time zone whose days thinning counts in; null for the system's, looked up when
 *     revisions are thinned
 */
public record RevisionPolicy(Duration interval, ZoneId zone) {
  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);

  /**
   * Every notebook's policy: the default interval, days in the system's time zone. The zone is not
   * looked up here: {@code ZoneId.systemDefault()} loads the time-zone rules' providers, a search
   * of every jar on the class path (about 30 ms of a command's start in the packaged app), and most
   * opened notebooks never thin revisions that old (a command that reads never does).
   */
  public static RevisionPolicy standard() {
    return new RevisionPolicy(DEFAULT_INTERVAL, null);
  }

  /** The time zone whose days thinning counts in: the given one, else the system's. */
  @Override
  public ZoneId zone() {
    return zone != null ? zone : ZoneId.systemDefault();
  }

  /** Whether an autosave at {@code now} should first keep the previous text as a revision. */
  public boolean keepOnAutosave(Instant newestRevision, Instant now) {
    return newestRevision == null || !newestRevision.plus(interval).isAfter(now);
  }

  /**
   * Whether leaving the talk at {@code now} may keep another checkpoint after the one saved at
   * {@code newestCheckpoint}: the same interval as autosave's, so switching talks to and fro does
   * not keep a revision at each switch.
   */
  public boolean keepOnLeave(Instant newestCheckpoint, Instant now) {
    return keepOnAutosave(newestCheckpoint, now);
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
    ZoneId days = zone();
    for (Stamp r : newestFirst) {
      if (r.savedAt().isAfter(dayAgo)) {
        continue;
      }
      String bucket =
          r.savedAt().isAfter(weekAgo)
              ? "h" + r.savedAt().truncatedTo(ChronoUnit.HOURS)
              : "d" + r.savedAt().atZone(days).toLocalDate();
      // The first revision seen in a bucket is its newest, and the one kept.
      if (!bucketsSeen.add(bucket)) {
        delete.add(r.id());
      }
    }
    return delete;
  }
}
