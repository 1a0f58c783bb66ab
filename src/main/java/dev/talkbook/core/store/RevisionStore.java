package dev.talkbook.core.store;

import dev.talkbook.core.notebook.NotFoundException;
import dev.talkbook.core.notebook.NotebookException;
import dev.talkbook.core.notebook.Revision;
import dev.talkbook.core.notebook.RevisionPolicy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
          return restore(c, old.talkId(), old.body());
        });
  }

  /**
   * Brings notes kept outside the notebook back as the talk's notes (the file Talkbook wrote when
   * it could not save them as it closed), the way {@link #restore} does: the text they replace is
   * kept first, and the notes brought back are kept too, so the History lists both and can go back
   * to either.
   */
  public Revision bringBack(long talkId, String body) {
    String notes = TalkStore.checkBody(body);
    return db.write("bring back the kept notes", c -> restore(c, talkId, notes));
  }

  private Revision restore(Connection c, long talkId, String body) throws SQLException {
    long now = clock.millis();
    String current = body(c, talkId);
    Optional<Revision> newest = newest(c, talkId);
    if (newest.isEmpty() || !newest.get().body().equals(current)) {
      insert(c, talkId, now, Revision.Reason.BEFORE_RESTORE, current);
    }
    TalkStore.writeBody(c, talkId, body, now);
    long id = insert(c, talkId, now, Revision.Reason.RESTORED, body);
    changed.remove(talkId);
    thin(c, talkId);
    return find(c, id).orElseThrow();
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

  /**
   * The user leaves the talk: {@link #checkpoint}, unless the newest revision is a checkpoint kept
   * less than the policy's interval ago ({@link RevisionPolicy#keepOnLeave}): switching talks to
   * and fro kept a revision at each switch. The talk then stays among the changed ones, so closing
   * the notebook still keeps its text.
   */
  public void leave(long talkId) {
    db.write(
        "keep a revision",
        c -> {
          Optional<Revision> newest = newest(c, talkId);
          if (newest.isPresent()
              && newest.get().reason() == Revision.Reason.CHECKPOINT
              && !policy.keepOnLeave(newest.get().savedAt(), clock.instant())) {
            return null;
          }
          checkpoint(c, talkId);
          return null;
        });
  }

  /**
   * A {@code talkbook} command saved the talk's notes: keep them as a revision that says so ({@link
   * Revision.Reason#COMMAND}) unless the newest revision has them already. Each command's save is
   * kept (no interval as for {@link #leave}): a script's edits are told apart in the history.
   */
  public void keepCommandEdit(long talkId) {
    db.write(
        "keep a revision",
        c -> {
          checkpoint(c, talkId, Revision.Reason.COMMAND);
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
    checkpoint(c, talkId, Revision.Reason.CHECKPOINT);
  }

  private void checkpoint(Connection c, long talkId, Revision.Reason reason) throws SQLException {
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
      insert(c, talkId, updatedAt, reason, current);
    }
    thin(c, talkId);
  }

  /**
   * Called by autosave, inside its transaction, before the notes are overwritten. Notes never
   * changed since the talk was added (the sample's, an import's: the talk's {@code updated_at} is
   * still its {@code created_at}) are kept as {@link Revision.Reason#ADDED}, not as an autosave
   * nobody made.
   */
  void keepBeforeAutosave(Connection c, long talkId, String previous, long previousSavedAt)
      throws SQLException {
    if (previous.isEmpty()) {
      return;
    }
    Optional<Revision> newest = newest(c, talkId);
    Instant newestAt = newest.map(Revision::savedAt).orElse(null);
    if (policy.keepOnAutosave(newestAt, clock.instant())
        && !newest.map(r -> r.body().equals(previous)).orElse(false)) {
      Revision.Reason reason =
          newest.isEmpty() && previousSavedAt == createdAt(c, talkId)
              ? Revision.Reason.ADDED
              : Revision.Reason.AUTOSAVE;
      insert(c, talkId, previousSavedAt, reason, previous);
    }
  }

  private static long createdAt(Connection c, long talkId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT created_at FROM talk WHERE id = ?")) {
      ps.setLong(1, talkId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : Long.MIN_VALUE;
      }
    }
  }

  /** A talk's revisions, newest first, inside the caller's transaction. */
  List<Revision> all(Connection c, long talkId) throws SQLException {
    List<Row> rows;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM revision WHERE talk_id = ? ORDER BY saved_at DESC, id DESC")) {
      ps.setLong(1, talkId);
      rows = rows(ps);
    }
    Map<Long, Row> loaded = new HashMap<>();
    rows.forEach(r -> loaded.put(r.id(), r));
    Map<Long, String> texts = new HashMap<>();
    List<Revision> revisions = new ArrayList<>();
    for (Row r : rows) {
      revisions.add(r.revision(text(c, r, loaded, texts)));
    }
    return revisions;
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

  /**
   * Deletes the talk's revisions that the policy no longer keeps. A kept revision stored as a
   * change against a deleted one is first stored against the nearest kept one on its way (or
   * whole), from the texts as they were.
   */
  private void thin(Connection c, long talkId) throws SQLException {
    List<Row> rows;
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + " FROM revision WHERE talk_id = ?")) {
      ps.setLong(1, talkId);
      rows = rows(ps);
    }
    List<RevisionPolicy.Stamp> stamps = new ArrayList<>();
    Map<Long, Row> loaded = new HashMap<>();
    for (Row r : rows) {
      stamps.add(new RevisionPolicy.Stamp(r.id(), Instant.ofEpochMilli(r.savedAt())));
      loaded.put(r.id(), r);
    }
    Set<Long> delete = policy.thin(stamps, clock.instant());
    if (delete.isEmpty()) {
      return;
    }
    Map<Long, String> texts = new HashMap<>();
    for (Row r : rows) {
      if (delete.contains(r.id()) || r.baseId() == null || !delete.contains(r.baseId())) {
        continue;
      }
      Row base = loaded.get(r.baseId());
      while (base != null && delete.contains(base.id())) {
        base = base.baseId() == null ? null : loaded.get(base.baseId());
      }
      String text = text(c, r, loaded, texts);
      if (base == null) {
        store(c, r.id(), text, null, null);
      } else {
        store(c, r.id(), "", base.id(), LineDelta.encode(text(c, base, loaded, texts), text));
      }
    }
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM revision WHERE id = ?")) {
      for (long id : delete) {
        ps.setLong(1, id);
        ps.executeUpdate();
      }
    }
  }

  /** Notes shorter than this are kept whole: a change would save next to nothing. */
  static final int MIN_DELTA_CHARS = 2048;

  /** At most this many revisions are stored as changes in a row, so reading one stays quick. */
  static final int MAX_CHAIN = 40;

  /**
   * After revision {@code newId} was kept whole: the talk's revision kept whole before it is stored
   * as the change from the new one's text, when that is much smaller (ADR 0012).
   */
  private static void compactPrevious(Connection c, long talkId, long newId, String newText)
      throws SQLException {
    Row previous;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM revision WHERE talk_id = ? AND delta IS NULL AND id <> ?"
                + " ORDER BY id DESC LIMIT 1")) {
      ps.setLong(1, talkId);
      ps.setLong(2, newId);
      previous = rows(ps).stream().findFirst().orElse(null);
    }
    if (previous == null || previous.body().length() < MIN_DELTA_CHARS) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "WITH RECURSIVE chain(id) AS (SELECT id FROM revision WHERE base_id = ?"
                + " UNION ALL SELECT r.id FROM revision r JOIN chain ON r.base_id = chain.id)"
                + " SELECT count(*) FROM chain")) {
      ps.setLong(1, previous.id());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.getInt(1) + 1 >= MAX_CHAIN) {
          return; // it stays whole and starts the next run
        }
      }
    }
    byte[] delta = LineDelta.encode(newText, previous.body());
    if (delta.length > previous.body().length() / 2) {
      return; // mostly different text: kept whole
    }
    store(c, previous.id(), "", newId, delta);
  }

  private static void store(Connection c, long id, String body, Long baseId, byte[] delta)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE revision SET body = ?, base_id = ?, delta = ? WHERE id = ?")) {
      ps.setString(1, body);
      if (baseId == null) {
        ps.setNull(2, java.sql.Types.INTEGER);
      } else {
        ps.setLong(2, baseId);
      }
      ps.setBytes(3, delta);
      ps.setLong(4, id);
      ps.executeUpdate();
    }
  }

  /** A revision as stored: its whole text in {@code body}, or a delta against {@code baseId}. */
  private record Row(
      long id, long talkId, long savedAt, String reason, String body, Long baseId, byte[] delta) {
    Revision revision(String text) {
      return new Revision(
          id, talkId, Instant.ofEpochMilli(savedAt), Revision.Reason.ofStored(reason), text);
    }
  }

  private static final String COLUMNS = "id, talk_id, saved_at, reason, body, base_id, delta";

  private static List<Row> rows(PreparedStatement ps) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long base = rs.getLong("base_id");
        rows.add(
            new Row(
                rs.getLong("id"),
                rs.getLong("talk_id"),
                rs.getLong("saved_at"),
                rs.getString("reason"),
                rs.getString("body"),
                rs.wasNull() ? null : base,
                rs.getBytes("delta")));
      }
    }
    return rows;
  }

  /**
   * The whole text of revision {@code r}: its body, or its delta applied to its base's text (and so
   * on down to a revision kept whole). Texts found on the way are remembered in {@code texts}.
   */
  private static String text(Connection c, Row r, Map<Long, Row> loaded, Map<Long, String> texts)
      throws SQLException {
    java.util.ArrayDeque<Row> changes = new java.util.ArrayDeque<>();
    Row at = r;
    String text;
    while (true) {
      String known = texts.get(at.id());
      if (known != null) {
        text = known;
        break;
      }
      if (at.delta() == null) {
        text = at.body();
        texts.put(at.id(), text);
        break;
      }
      changes.push(at);
      if (changes.size() > 10 * MAX_CHAIN) {
        throw new NotebookException("Revision " + r.id() + " cannot be read back (a loop).");
      }
      Row base = loaded.get(at.baseId());
      if (base == null) {
        base = row(c, at.baseId());
        loaded.put(base.id(), base);
      }
      at = base;
    }
    while (!changes.isEmpty()) {
      Row change = changes.pop();
      text = LineDelta.apply(text, change.delta());
      texts.put(change.id(), text);
    }
    return text;
  }

  private static Row row(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + " FROM revision WHERE id = ?")) {
      ps.setLong(1, id);
      return rows(ps).stream()
          .findFirst()
          .orElseThrow(
              () ->
                  new NotebookException(
                      "Revision "
                          + id
                          + " is missing, and a later one is kept as a change"
                          + " against it."));
    }
  }

  private static Optional<Revision> one(Connection c, PreparedStatement ps) throws SQLException {
    Optional<Row> r = rows(ps).stream().findFirst();
    if (r.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(r.get().revision(text(c, r.get(), new HashMap<>(), new HashMap<>())));
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
    long id = EventStore.lastId(c);
    compactPrevious(c, talkId, id, body);
    return id;
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
            "SELECT "
                + COLUMNS
                + " FROM revision WHERE talk_id = ? ORDER BY saved_at DESC, id DESC LIMIT 1")) {
      ps.setLong(1, talkId);
      return one(c, ps);
    }
  }

  private static Optional<Revision> find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + " FROM revision WHERE id = ?")) {
      ps.setLong(1, id);
      return one(c, ps);
    }
  }
}
