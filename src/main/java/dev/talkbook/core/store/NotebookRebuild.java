package dev.talkbook.core.store;

import dev.talkbook.core.notebook.NotebookException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds a notebook whose indexes are damaged from its data ({@code talkbook check --repair}).
 * SQLite cannot mend a damaged index page in place ({@code REINDEX} must free the page first, and
 * fails on it; {@code VACUUM} copies indexes as they are), so a new notebook of the same format is
 * made beside it and every row of every table is copied into it, read row by row from the damaged
 * file: the new file's indexes and search index are made from those rows. The new file replaces the
 * old in one move; the damaged file is kept beside it as {@code <notebook>.damaged}. A table whose
 * own rows cannot be read fails the rebuild, and leaves the notebook as it was.
 */
final class NotebookRebuild {
  private NotebookRebuild() {}

  /** Rebuilds {@code path} under its lock; returns where the damaged file was kept. */
  static Path rebuild(Path path, java.time.Duration lockWait, Notebook.RebuildProgress progress) {
    Path file = path.toAbsolutePath().normalize();
    NotebookFile.checkHeader(file);
    if (NotebookFile.hasPendingWrites(file)) {
      throw new NotebookOpenException(
          file,
          NotebookOpenException.Problem.UNREADABLE,
          "a write to it was not finished, so it cannot be rebuilt.",
          "Open it once so that SQLite finishes that write, then run check --repair again.");
    }
    NotebookLock lock = Notebook.acquireLock(file, lockWait);
    Path temp = NotebookFile.sibling(file, ".rebuilding");
    try {
      Notebook.deleteWithSidecars(temp);
      try (Connection damaged = Database.inspect(file)) {
        int version = version(damaged);
        if (version < 1 || version > Migrations.LATEST) {
          throw new NotebookOpenException(
              file,
              NotebookOpenException.Problem.CORRUPT,
              "it is damaged and of notebook format " + version + ", which cannot be rebuilt.",
              "Restore it from a backup.");
        }
        try {
          copyInto(temp, damaged, version, progress);
        } catch (NotebookOpenException e) {
          throw e;
        } catch (NotebookException e) {
          // Said of the notebook, not of the new file the rows were copied into (which the
          // store's message named), and that the notebook was not changed.
          throw new NotebookException(
              "Could not rebuild notebook "
                  + file
                  + " from its data: "
                  + e.reason()
                  + " The notebook is left as it was.",
              e);
        }
      }
      Path kept = NotebookFile.sibling(file, ".damaged");
      Files.copy(file, kept, StandardCopyOption.REPLACE_EXISTING);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return kept;
    } catch (SQLException | IOException e) {
      Notebook.deleteWithSidecars(temp);
      throw new NotebookException(
          "Could not rebuild notebook "
              + file
              + ": its data cannot all be read ("
              + e.getMessage()
              + "). It is left as it was; restore it from a backup.",
          e);
    } catch (RuntimeException e) {
      Notebook.deleteWithSidecars(temp);
      throw e;
    } finally {
      try {
        lock.close();
      } catch (IOException e) {
        System.getLogger(NotebookRebuild.class.getName())
            .log(System.Logger.Level.WARNING, "releasing the lock of " + file, e);
      }
    }
  }

  private static int version(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      return rs.getInt(1);
    }
  }

  /**
   * Makes a new notebook at {@code temp} of {@code damaged}'s format {@code version}, copies every
   * row of {@code damaged} into it, then brings it to the latest format: a notebook an older
   * Talkbook wrote is rebuilt too (its tables are those of its format), and upgraded as an open
   * would, in the same transaction.
   */
  static void copyInto(
      Path temp, Connection damaged, int version, Notebook.RebuildProgress progress)
      throws SQLException {
    Database db = Database.openWritable(temp);
    try {
      db.writeSchema(
          "rebuild the notebook from its data",
          c -> {
            Migrations.apply(c, 0, version);
            List<String> tables = tables(c);
            for (int i = 0; i < tables.size(); i++) {
              copyTable(damaged, c, tables.get(i));
              progress.copied(i + 1, tables.size(), tables.get(i));
            }
            if (version >= 5) {
              copySequences(damaged, c); // before V005 there is none: V005 starts it
            }
            Migrations.apply(c, version, Migrations.LATEST);
            List<String> problems = new ArrayList<>();
            try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA quick_check(20)")) {
              while (rs.next()) {
                if (!"ok".equals(rs.getString(1))) {
                  problems.add(rs.getString(1));
                }
              }
            }
            if (!problems.isEmpty()) {
              throw new SQLException("the rebuilt notebook is not sound: " + problems);
            }
            return null;
          });
    } finally {
      db.close();
    }
  }

  /** The tables that hold data, in the order they were made (parents before children). */
  private static List<String> tables(Connection c) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                    + " AND name NOT LIKE 'talk_search%' ORDER BY rowid")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    return tables;
  }

  /**
   * Copies the rows of {@code table}, read from the table itself (a scan, not through any index),
   * into the new notebook, whose triggers index each talk.
   */
  private static void copyTable(Connection from, Connection to, String table) throws SQLException {
    String quoted = "\"" + table.replace("\"", "\"\"") + "\"";
    try (Statement s = from.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + quoted + " NOT INDEXED")) {
      ResultSetMetaData meta = rs.getMetaData();
      int n = meta.getColumnCount();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        columns.add("\"" + meta.getColumnName(i).replace("\"", "\"\"") + "\"");
      }
      try (PreparedStatement insert =
          to.prepareStatement(
              "INSERT INTO "
                  + quoted
                  + " ("
                  + String.join(", ", columns)
                  + ") VALUES ("
                  + String.join(", ", java.util.Collections.nCopies(n, "?"))
                  + ")")) {
        while (rs.next()) {
          for (int i = 1; i <= n; i++) {
            insert.setObject(i, rs.getObject(i));
          }
          insert.executeUpdate();
        }
      }
    }
  }

  /** Keeps the ids given so far, so that none is given again (V005). */
  private static void copySequences(Connection from, Connection to) throws SQLException {
    try (Statement s = from.createStatement();
        ResultSet rs = s.executeQuery("SELECT name, seq FROM sqlite_sequence")) {
      while (rs.next()) {
        try (PreparedStatement update =
            to.prepareStatement("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?")) {
          update.setLong(1, rs.getLong(2));
          update.setString(2, rs.getString(1));
          if (update.executeUpdate() == 0) {
            try (PreparedStatement insert =
                to.prepareStatement("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)")) {
              insert.setString(1, rs.getString(1));
              insert.setLong(2, rs.getLong(2));
              insert.executeUpdate();
            }
          }
        }
      }
    }
  }
}
