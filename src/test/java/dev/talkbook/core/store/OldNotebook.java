package dev.talkbook.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** A notebook as a Talkbook of an older format left it, for tests outside this package. */
public final class OldNotebook {
  private OldNotebook() {}

  /** Makes {@code file} a notebook of format {@code version} with one event and one talk. */
  public static Path atVersion(Path file, int version) throws Exception {
    return atVersion(file, version, "old notes");
  }

  /**
   * {@link #atVersion(Path, int)} with the talk's notes (written, and indexed, as that format's
   * Talkbook did: through a plain connection, as a format before 6 needs no function of its own).
   */
  public static Path atVersion(Path file, int version, String notes) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      if (version >= 6) {
        ShownText.register(c); // format 6's triggers call it (notes with a '<')
      }
      c.setAutoCommit(false);
      Migrations.apply(c, 0, version);
      s.executeUpdate(
          "INSERT INTO event (id, title, created_at, updated_at) VALUES (1, 'Old meetup', 0, 0)");
      try (var talk =
          c.prepareStatement(
              "INSERT INTO talk (id, event_id, position, title, body, created_at, updated_at)"
                  + " VALUES (1, 1, 0, 'Old talk', ?, 0, 0)")) {
        talk.setString(1, notes);
        talk.executeUpdate();
      }
      c.commit();
    }
    return file;
  }

  /** The format new notebooks have. */
  public static int latest() {
    return Migrations.LATEST;
  }
}
