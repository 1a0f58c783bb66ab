package dev.talkbook.core.store;

import dev.talkbook.core.notebook.DeletedEvent;
import dev.talkbook.core.notebook.DeletedTalk;
import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.NotFoundException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The notebook's events. */
public final class EventStore {
  private static final String COLUMNS = "id, title, start_date, end_date, location, url, time_zone";

  private final Database db;
  private final Clock clock;
  private final AttachmentStore attachments;
  private final TalkStore talks;

  EventStore(Database db, Clock clock, AttachmentStore attachments, TalkStore talks) {
    this.db = db;
    this.clock = clock;
    this.attachments = attachments;
    this.talks = talks;
  }

  /** Every event, newest first (events without a date last, by title). */
  public List<Event> list() {
    return db.read(
        "list the events",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM event ORDER BY start_date IS NULL, start_date DESC,"
                      + " title COLLATE NOCASE, id")) {
            return readAll(ps);
          }
        });
  }

  public Optional<Event> find(long id) {
    return db.read("read an event", c -> find(c, id));
  }

  /** The event with this id, or a {@link NotFoundException} that says so. */
  public Event get(long id) {
    return find(id).orElseThrow(() -> notFound(id));
  }

  static NotFoundException notFound(long id) {
    return new NotFoundException("There is no event with id " + id + ".");
  }

  static Optional<Event> find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + " FROM event WHERE id = ?")) {
      ps.setLong(1, id);
      List<Event> found = readAll(ps);
      return found.stream().findFirst();
    }
  }

  public Event create(Event.Details details) {
    return db.write(
        "create the event",
        c -> {
          long now = clock.millis();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO event (title, start_date, end_date, location, url, created_at,"
                      + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            bind(ps, details);
            ps.setLong(6, now);
            ps.setLong(7, now);
            ps.executeUpdate();
          }
          return find(c, lastId(c)).orElseThrow();
        });
  }

  public Event update(long id, Event.Details details) {
    return db.write(
        "save the event",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE event SET title = ?, start_date = ?, end_date = ?, location = ?, url = ?,"
                      + " updated_at = ? WHERE id = ?")) {
            bind(ps, details);
            ps.setLong(6, clock.millis());
            ps.setLong(7, id);
            if (ps.executeUpdate() == 0) {
              throw notFound(id);
            }
          }
          return find(c, id).orElseThrow();
        });
  }

  /**
   * Sets the time zone the event's talk times are given in (null: floating local times). The talks'
   * times are kept as they are.
   */
  public Event setTimeZone(long id, String timeZone) {
    String zone = Event.timeZone(timeZone);
    return db.write(
        "save the event's time zone",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE event SET time_zone = ?, updated_at = ? WHERE id = ?")) {
            Rows.setText(ps, 1, zone);
            ps.setLong(2, clock.millis());
            ps.setLong(3, id);
            if (ps.executeUpdate() == 0) {
              throw notFound(id);
            }
          }
          return find(c, id).orElseThrow();
        });
  }

  public Event rename(long id, String title) {
    Event event = get(id);
    Event.Details d = event.details();
    return update(id, new Event.Details(title, d.startDate(), d.endDate(), d.location(), d.url()));
  }

  /**
   * Deletes the event with its talks, their revisions, and attachments no other talk uses. Returns
   * what was deleted, for {@link #undelete}.
   */
  public DeletedEvent delete(long id) {
    return db.write(
        "delete the event",
        c -> {
          Event event = find(c, id).orElseThrow(() -> notFound(id));
          List<DeletedTalk> gone = new ArrayList<>();
          for (long talk : TalkStore.talkIds(c, id)) {
            gone.add(talks.snapshot(c, talk));
          }
          try (PreparedStatement ps = c.prepareStatement("DELETE FROM event WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
          }
          TalkStore.deleteUnusedTags(c);
          attachments.deleteOrphans(c);
          return new DeletedEvent(event, gone);
        });
  }

  /** Undoes {@link #delete}: the event comes back under its id, with all its talks. */
  public Event undelete(DeletedEvent deleted) {
    Event e = deleted.event();
    return db.write(
        "bring the event back",
        c -> {
          if (find(c, e.id()).isEmpty()) {
            long now = clock.millis();
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO event (id, title, start_date, end_date, location, url,"
                        + " created_at, updated_at, time_zone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
              ps.setLong(1, e.id());
              ps.setString(2, e.title());
              Rows.setText(ps, 3, e.startDate());
              Rows.setText(ps, 4, e.endDate());
              Rows.setText(ps, 5, e.location());
              Rows.setText(ps, 6, e.url());
              ps.setLong(7, now);
              ps.setLong(8, now);
              Rows.setText(ps, 9, e.timeZone());
              ps.executeUpdate();
            }
          }
          for (DeletedTalk talk : deleted.talks()) {
            talks.undelete(talk);
          }
          return find(c, e.id()).orElseThrow();
        });
  }

  private static void bind(PreparedStatement ps, Event.Details d) throws SQLException {
    ps.setString(1, d.title());
    Rows.setText(ps, 2, d.startDate());
    Rows.setText(ps, 3, d.endDate());
    Rows.setText(ps, 4, d.location());
    Rows.setText(ps, 5, d.url());
  }

  private static List<Event> readAll(PreparedStatement ps) throws SQLException {
    List<Event> events = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        events.add(
            new Event(
                rs.getLong("id"),
                Rows.title(rs.getString("title")),
                Rows.date(rs, "start_date"),
                Rows.date(rs, "end_date"),
                Rows.line(rs.getString("location")),
                rs.getString("url"),
                rs.getString("time_zone")));
      }
    }
    return events;
  }

  static long lastId(Connection c) throws SQLException {
    try (var s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT last_insert_rowid()")) {
      return rs.getLong(1);
    }
  }
}
