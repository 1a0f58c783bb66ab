package dev.talkbook.core.store;

import dev.talkbook.core.notebook.NotFoundException;
import dev.talkbook.core.notebook.Revision;
import dev.talkbook.core.notebook.RevisionPolicy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The history of each talk's notes: earlier texts kept as revisions, listed newest first, read and
 * restored. Which revisions are kept and thinned is the {@link RevisionPolicy}'s decision.
 */
public final class RevisionStore {
  private final Database db;
  private final Clock clock;
  private final RevisionPolicy policy;

  /** Talks whose notes changed since their last revision, kept on leave and on close. */
  private final Set<Long> changed = ConcurrentHashMap.newKeySet();

  RevisionStore(Database db, Clock clock, RevisionPolicy policy) {
    this.db = db;
    this.clock = clock;
    this.policy = policy;
  }

  /** A talk's revisions, newest first. */
  public List<Revision> list(long talkId) {
    return db.read(
        "list the revisions",
        c -> {
          TalkStore.find(c, talkId).orElseThrow(() -> TalkStore.notFound(talkId));
          return all(c, talkId);
        });
  }

  public Optional<Revision> find(long revisionId) {
    return db.read("read a revision", c -> find(c, revisionId));
  }

  /** The revision with this id, or a {@link NotFoundException} that says so. */
  public Revision get(long revisionId) {
    return find(revisionId)
        .orElseThrow(
            () -> new NotFoundException("There is no revision with id " + revisionId + "."));
  }

  /**
   * Brings a revision's text back as the talk's notes. The text it replaces is kept first, so a
   * restore can itself be undone by restoring that; the restored text is kept as a revision too.
   */
  public Revision restore(long revisionId) {
    return db.write(
        "restore the revision",
        c -> {
          Revision old =
              find(c, revisionId)
                  .orElseThrow(
                      () ->
                          new NotFoundException(
                              "There is no revision with id " + revisionId + "."));
          long now = clock.millis();
          String current = body(c, old.talkId());
          Optional<Revision> newest = newest(c, old.talkId());
          if (newest.isEmpty() || !newest.get().body().equals(current)) {
            insert(c, old.talkId(), now, Revision.Reason.BEFORE_RESTORE, current);
          }
          TalkStore.writeBody(c, old.talkId(), old.body(), now);
          long id = insert(c, old.talkId(), now, Revision.Reason.RESTORED, old.body());
          changed.remove(old.talkId());
          thin(c, old.talkId());
          return find(c, id).orElseThrow();
        });
  }

  /** Keeps the talk's current notes as a revision unless the newest revision has them already. */
  public void checkpoint(long talkId) {
    db.write(
        "keep a revision",
        c -> {
          checkpoint(c, talkId);
          return null;
        });
  }

  void checkpointAll() {
    db.write(
        "keep revisions of the changed talks",
        c -> {
          for (Long talkId : List.copyOf(changed)) {
            checkpoint(c, talkId);
          }
          return null;
        });
  }

  private void checkpoint(Connection c, long talkId) throws SQLException {
    changed.remove(talkId);
    String current;
    long updatedAt;
    try (PreparedStatement ps =
        c.prepareStatement("SELECT body, updated_at FROM talk WHERE id = ?")) {
      ps.setLong(1, talkId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return;
        }
        current = rs.getString(1);
        updatedAt = rs.getLong(2);
      }
    }
    Optional<Revision> newest = newest(c, talkId);
    boolean kept = newest.map(r -> r.body().equals(current)).orElse(current.isEmpty());
    if (!kept) {
      insert(c, talkId, updatedAt, Revision.Reason.CHECKPOINT, current);
    }
    thin(c, talkId);
  }

  /** Called by autosave, inside its transaction, before the notes are overwritten. */
  void keepBeforeAutosave(Connection c, long talkId, String previous, long previousSavedAt)
      throws SQLException {
    if (previous.isEmpty()) {
      return;
    }
    Optional<Revision> newest = newest(c, talkId);
    Instant newestAt = newest.map(Revision::savedAt).orElse(null);
    if (policy.keepOnAutosave(newestAt, clock.instant())
        && !newest.map(r -> r.body().equals(previous)).orElse(false)) {
      insert(c, talkId, previousSavedAt, Revision.Reason.AUTOSAVE, previous);
    }
  }

  /** A talk's revisions, newest first, inside the caller's transaction. */
  List<Revision> all(Connection c, long talkId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, talk_id, saved_at, reason, body FROM revision WHERE talk_id = ?"
                + " ORDER BY saved_at DESC, id DESC")) {
      ps.setLong(1, talkId);
      return readAll(ps);
    }
  }

  /** Puts back the revisions of an undeleted talk, under their old ids. */
  void putBack(Connection c, List<Revision> revisions) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO revision (id, talk_id, saved_at, reason, body) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (id) DO NOTHING")) {
      for (Revision r : revisions) {
        ps.setLong(1, r.id());
        ps.setLong(2, r.talkId());
        ps.setLong(3, r.savedAt().toEpochMilli());
        ps.setString(4, r.reason().name().toLowerCase(Locale.ROOT));
        ps.setString(5, r.body());
        ps.executeUpdate();
      }
    }
  }

  void markChanged(long talkId) {
    changed.add(talkId);
  }

  void forget(long talkId) {
    changed.remove(talkId);
  }

  /** Deletes the talk's revisions that the policy no longer keeps. */
  private void thin(Connection c, long talkId) throws SQLException {
    List<RevisionPolicy.Stamp> stamps = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id, saved_at FROM revision WHERE talk_id = ?")) {
      ps.setLong(1, talkId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          stamps.add(new RevisionPolicy.Stamp(rs.getLong(1), Rows.instant(rs, "saved_at")));
        }
      }
    }
    Set<Long> delete = policy.thin(stamps, clock.instant());
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM revision WHERE id = ?")) {
      for (long id : delete) {
        ps.setLong(1, id);
        ps.executeUpdate();
      }
    }
  }

  private static long insert(
      Connection c, long talkId, long savedAt, Revision.Reason reason, String body)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO revision (talk_id, saved_at, reason, body) VALUES (?, ?, ?, ?)")) {
      ps.setLong(1, talkId);
      ps.setLong(2, savedAt);
      ps.setString(3, reason.name().toLowerCase(Locale.ROOT));
      ps.setString(4, body);
      ps.executeUpdate();
    }
    return EventStore.lastId(c);
  }

  private static String body(Connection c, long talkId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT body FROM talk WHERE id = ?")) {
      ps.setLong(1, talkId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw TalkStore.notFound(talkId);
        }
        return rs.getString(1);
      }
    }
  }

  private static Optional<Revision> newest(Connection c, long talkId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, talk_id, saved_at, reason, body FROM revision WHERE talk_id = ?"
                + " ORDER BY saved_at DESC, id DESC LIMIT 1")) {
      ps.setLong(1, talkId);
      return readAll(ps).stream().findFirst();
    }
  }

  private static Optional<Revision> find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, talk_id, saved_at, reason, body FROM revision WHERE id = ?")) {
      ps.setLong(1, id);
      return readAll(ps).stream().findFirst();
    }
  }

  private static List<Revision> readAll(PreparedStatement ps) throws SQLException {
    List<Revision> revisions = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        revisions.add(
            new Revision(
                rs.getLong("id"),
                rs.getLong("talk_id"),
                Rows.instant(rs, "saved_at"),
                Revision.Reason.valueOf(rs.getString("reason").toUpperCase(Locale.ROOT)),
                rs.getString("body")));
      }
    }
    return revisions;
  }
}
