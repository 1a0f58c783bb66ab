package dev.talkbook.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The full-text index brought up to date once for many new talks, rather than talk by talk: for
 * {@link Notebook#inBulk}. Inside the bulk transaction the trigger that indexes each inserted talk
 * is dropped; at the end one statement indexes every talk the index lacks, and the trigger is made
 * again from its own SQL, all in the same transaction (a failure rolls all of it back).
 *
 * <p>Why it pays: FTS5 keeps new entries in memory and writes them out as a segment when a
 * statement opens a savepoint; inserting a talk's tags (foreign keys) opens one per talk, so talk
 * by talk the index gets one small segment per talk and spends its time merging them. One {@code
 * INSERT … SELECT} writes large segments.
 *
 * <p>The indexing statement is the trigger's own {@code INSERT} with {@code new.} read from each
 * talk, so it indexes exactly what the trigger would (migrations may change the columns); a trigger
 * of another shape is left alone and the talks are indexed one by one as usual.
 */
final class BulkIndex {
  static final String TRIGGER = "talk_search_insert";

  private static final Pattern TRIGGER_INSERT =
      Pattern.compile(
          "(?is)\\bBEGIN\\s+INSERT\\s+INTO\\s+talk_search\\s*(\\([^)]*\\))\\s*VALUES\\s*\\((.*)\\)"
              + "\\s*;\\s*END\\s*$");

  private final String triggerSql;
  private final String indexSql;

  private BulkIndex(String triggerSql, String indexSql) {
    this.triggerSql = triggerSql;
    this.indexSql = indexSql;
  }

  /**
   * Drops the indexing trigger and returns what puts it back; null (nothing done) when there is no
   * such trigger (an outer bulk has it) or it has another shape.
   */
  static BulkIndex begin(Connection c) throws SQLException {
    String sql = null;
    try (PreparedStatement ps =
        c.prepareStatement("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?")) {
      ps.setString(1, TRIGGER);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          sql = rs.getString(1);
        }
      }
    }
    String index = sql == null ? null : indexSql(sql);
    if (index == null) {
      return null;
    }
    try (Statement s = c.createStatement()) {
      s.executeUpdate("DROP TRIGGER " + TRIGGER);
    }
    return new BulkIndex(sql, index);
  }

  /** The statement that indexes every talk the index lacks, from the trigger's SQL; or null. */
  static String indexSql(String triggerSql) {
    Matcher m = TRIGGER_INSERT.matcher(triggerSql.strip());
    if (!m.find()) {
      return null;
    }
    String values = m.group(2).replaceAll("(?i)\\bnew\\.", "t.");
    return "INSERT INTO talk_search "
        + m.group(1)
        + " SELECT "
        + values
        + " FROM talk t WHERE NOT EXISTS (SELECT 1 FROM talk_search s WHERE s.rowid = t.id)";
  }

  /** Indexes every talk that is not in the index, and makes the trigger again. */
  void finish(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate(indexSql);
      s.executeUpdate(triggerSql);
    }
  }
}
