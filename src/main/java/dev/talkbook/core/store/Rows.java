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
    return s == null ? null : dateTime(s);
  }

  /**
   * {@link LocalDateTime#parse} of what {@link LocalDateTime#toString} wrote. The forms it writes
   * for a year of four digits and whole minutes or seconds ({@code 2026-11-24T14:30}, {@code
   * …:30:15}) are read here directly: a listing reads one for every talk, and the formatter costs
   * several times more. Anything else goes to the formatter.
   */
  static LocalDateTime dateTime(String s) {
    int n = s.length();
    if ((n == 16 || n == 19)
        && s.charAt(4) == '-'
        && s.charAt(7) == '-'
        && s.charAt(10) == 'T'
        && s.charAt(13) == ':'
        && (n == 16 || s.charAt(16) == ':')) {
      int year = digits(s, 0, 4);
      int month = digits(s, 5, 7);
      int day = digits(s, 8, 10);
      int hour = digits(s, 11, 13);
      int minute = digits(s, 14, 16);
      int second = n == 19 ? digits(s, 17, 19) : 0;
      if ((year | month | day | hour | minute | second) >= 0) {
        try {
          return LocalDateTime.of(year, month, day, hour, minute, second);
        } catch (java.time.DateTimeException e) {
          // out of range: the formatter says so, as it always did
        }
      }
    }
    return LocalDateTime.parse(s);
  }

  /** The decimal number in {@code s[from, to)}, or -1 when it holds anything but ASCII digits. */
  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
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
    // A loop, not a stream: a site export reads two such columns for each of 10,000s of talks in
    // a command's cold JVM, where a stream's many small methods are interpreted and compiled.
    List<String> items = new java.util.ArrayList<>();
    for (String l : text.split("\n")) {
      String item = line(l);
      if (!item.isBlank()) {
        items.add(item);
      }
    }
    return java.util.Collections.unmodifiableList(items);
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
