package dev.talkbook.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Damages a notebook's search index (FTS5's segment blocks) and nothing else, as tests need. */
public final class SearchIndexDamage {
  private SearchIndexDamage() {}

  /**
   * Zeroes the index's averages record: searching finds nothing, and FTS5 refuses the next change
   * of a talk with a constraint failure.
   */
  public static void damageSoWritesFail(Path notebook) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + notebook);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout = 5000");
      s.executeUpdate("UPDATE talk_search_data SET block = zeroblob(length(block)) WHERE id = 10");
    }
  }

  /** Overwrites every segment block of the index with zeros, through a connection of its own. */
  public static void damage(Path notebook) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + notebook);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout = 5000");
      int blocks =
          s.executeUpdate(
              "UPDATE talk_search_data SET block = zeroblob(length(block)) WHERE id > 10");
      if (blocks == 0) {
        throw new IllegalStateException("no index blocks to damage in " + notebook);
      }
    }
  }
}
