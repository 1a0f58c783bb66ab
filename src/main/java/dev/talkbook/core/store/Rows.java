package dev.talkbook.core.store;

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

  static List<String> lines(String text) {
    return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
  }
}
