package dev.talkbook.core.store;

import dev.talkbook.core.notebook.ControlCharacters;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** Conversions between the domain's values and the columns that store them. */
final class Rows {
  private Rows() {}

  static void setText(PreparedStatement ps, int index, Object value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, value.toString());
    }
  }

  static LocalDate date(ResultSet rs, String column) throws SQLException {
    String s = rs.getString(column);
    return s == null ? null : LocalDate.parse(s);
  }

  static LocalDateTime dateTime(ResultSet rs, String column) throws SQLException {
    String s = rs.getString(column);
    return s == null ? null : LocalDateTime.parse(s);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    return Instant.ofEpochMilli(rs.getLong(column));
  }

  static String lines(List<String> items) {
    return String.join("\n", items);
  }

  /** One-line values, one per line (speakers, tags), as {@link #line} reads each. */
  static List<String> lines(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    return java.util.Arrays.stream(text.split("\n"))
        .map(Rows::line)
        .filter(l -> !l.isBlank())
        .toList();
  }

  /**
   * A one-line value as read: without control characters, which a notebook written before they were
   * refused may hold (ESC, BEL, U+202E); so every record can still be made from it.
   */
  static String line(String text) {
    return ControlCharacters.strip(text);
  }

  /** A title as read ({@link #line}); one that held nothing else is "Untitled". */
  static String title(String text) {
    String t = line(text);
    return t == null || t.isBlank() ? "Untitled" : t;
  }
}
