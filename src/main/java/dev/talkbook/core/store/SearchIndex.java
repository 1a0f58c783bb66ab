package dev.talkbook.core.store;

import dev.talkbook.core.common.Resources;
import dev.talkbook.core.search.SearchIndexDamagedException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The full-text index ({@code talk_search}, FTS5) as something that can break and be made again: it
 * holds nothing of its own, only what the talks and events say. Tells its damage from damage to the
 * notebook, and rebuilds it from the notes.
 */
final class SearchIndex {
  private SearchIndex() {}

  /** What users are told to do about a damaged index. */
  static final String WHAT_TO_DO =
      "its search index is damaged. The notes themselves are fine: the index is made from them and"
          + " can be rebuilt with `talkbook check --repair` (in the window: Rebuild search index,"
          + " offered in the search panel).";

  /** Whether a failure (or one of its causes) is FTS5 finding its own data damaged. */
  static boolean isDamage(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SearchIndexDamagedException) {
        return true;
      }
      if (t instanceof SQLiteException s
          && (s.getResultCode() == SQLiteErrorCode.SQLITE_CORRUPT_VTAB
              || s.getResultCode().name().startsWith("SQLITE_CORRUPT")
                  && isProblem(String.valueOf(s.getMessage())))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a failed write may have been the index's doing: SQLite said the data is damaged or a
   * constraint failed (FTS5 reports some damage so). Not for a busy, full or read-only file, nor
   * for a refusal of the notebook's own (a missing talk, a bad title).
   */
  static boolean mayBeDamage(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLiteException s) {
        String code = s.getResultCode().name();
        return code.startsWith("SQLITE_CORRUPT")
            || code.startsWith("SQLITE_CONSTRAINT")
            || code.equals("SQLITE_ERROR")
            || code.equals("SQLITE_MISMATCH");
      }
    }
    return false;
  }

  /**
   * FTS5's own check of the index against the notes it was made from (reads the whole index: for
   * failure paths and {@code check}, not for every write). False when there is no index yet.
   */
  static boolean isDamaged(Connection c) {
    try (Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO talk_search (talk_search, rank) VALUES ('integrity-check', 0)");
      return false;
    } catch (SQLException e) {
      return isDamage(e)
          || e instanceof SQLiteException s
              && s.getResultCode().name().startsWith("SQLITE_CORRUPT");
    }
  }

  /** Whether a line of SQLite's check (or an error message) is about the search index alone. */
  static boolean isProblem(String line) {
    String l = line.toLowerCase(Locale.ROOT);
    return l.contains("fts5") || l.contains("talk_search");
  }

  /** Drops the index and makes it again from the talks, inside the caller's transaction. */
  static void rebuild(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate(Resources.text(SearchIndex.class, "rebuild_search_index.sql"));
    }
  }

  static SearchIndexDamagedException damaged(String message, Throwable cause) {
    return new SearchIndexDamagedException(message, cause);
  }
}
