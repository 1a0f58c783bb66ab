package dev.talkbook.core.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * Run in a child JVM by tests, then killed with SIGKILL: leaves a notebook as a crash does.
 *
 * <ul>
 *   <li>{@code journal}: in rollback-journal mode, a write transaction so large that SQLite has
 *       already written changed pages into the file; killed, it leaves a hot journal.
 *   <li>{@code wal}: in WAL mode, committed events that are only in the write-ahead log.
 * </ul>
 *
 * Prints "ready" when the parent may kill it.
 */
public final class HalfWrite {
  private HalfWrite() {}

  public static void main(String[] args) throws Exception {
    String file = args[0];
    boolean wal = args[1].equals("wal");
    int events = Integer.parseInt(args[2]);
    // SQLite's library from the cache, as a notebook's open takes it: sqlite-jdbc's own copy in the
    // temporary folder would outlive the kill
    SqliteLibrary.prepare();
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode = " + (wal ? "WAL" : "DELETE"));
      s.execute("PRAGMA wal_autocheckpoint = 0");
      s.execute("PRAGMA cache_size = 10"); // spill changed pages into the file early
    }
    c.setAutoCommit(false);
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO event (title, created_at, updated_at) VALUES (?, 0, 0)")) {
      for (int i = 0; i < events; i++) {
        ps.setString(1, "Half-written event " + i + " " + "x".repeat(1000));
        ps.executeUpdate();
      }
    }
    if (wal) {
      c.commit(); // in the log only: no checkpoint has run
    }
    System.out.println("ready");
    System.out.flush();
    Thread.sleep(600_000); // until killed
  }
}
