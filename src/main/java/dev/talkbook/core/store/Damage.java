package dev.talkbook.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What SQLite's check ({@code PRAGMA quick_check}) found, in the user's words: which part of the
 * notebook each problem is in (an index, which is made from a table's rows and can be made again,
 * or a table's own rows), for a message whose main text a user can act on; SQLite's own lines go
 * into a detail line.
 *
 * @param indexes the damaged indexes, each named for the table it is made from ("the tags")
 * @param data the tables whose own rows are damaged ("the talks and their notes"), or the whole
 *     file when a problem names no part SQLite knows
 * @param lines SQLite's lines, as it wrote them
 */
record Damage(List<String> indexes, List<String> data, List<String> lines) {
  private static final Map<String, String> TABLES =
      Map.of(
          "event", "the events",
          "talk", "the talks and their notes",
          "tag", "the tags",
          "talk_tag", "which talk has which tag",
          "revision", "the talks' history",
          "attachment", "the attached files",
          "talk_attachment", "which talk has which file");

  private static final Pattern TREE = Pattern.compile("(?i)\\b(?:tree|page) (\\d+)\\b");
  private static final Pattern INDEX = Pattern.compile("(?i)\\bindex (\\w+)");

  /** Whether rebuilding the notebook from its rows would mend all of it. */
  boolean indexesOnly() {
    return !indexes.isEmpty() && data.isEmpty();
  }

  /** What is damaged, in plain words: "an index of the tags" or "the data of the talks …". */
  String inWords() {
    List<String> parts = new ArrayList<>();
    if (!indexes.isEmpty()) {
      parts.add(
          (indexes.size() == 1 ? "an index of " : "indexes of ") + String.join(" and ", indexes));
    }
    if (!data.isEmpty()) {
      parts.add("the data of " + String.join(" and ", data));
    }
    return String.join(", and ", parts);
  }

  /** SQLite's own lines, for a detail line. */
  String detail() {
    return "SQLite's check: "
        + String.join(
            "; ",
            lines.stream()
                .map(l -> l.replace("*** in database main ***", "").strip().replace('\n', ' '))
                .toList());
  }

  /** Sorts each of SQLite's lines by the part of the notebook it names, read from the schema. */
  static Damage of(Connection c, List<String> lines) {
    List<String> indexes = new ArrayList<>();
    List<String> data = new ArrayList<>();
    for (String line : lines) {
      String[] part = partOf(c, line);
      List<String> into = part != null && "index".equals(part[0]) ? indexes : data;
      String words = part == null ? "the whole file" : TABLES.getOrDefault(part[1], part[1]);
      if (!into.contains(words)) {
        into.add(words);
      }
    }
    return new Damage(List.copyOf(indexes), List.copyOf(data), List.copyOf(lines));
  }

  /** {type, table} of what {@code line} is about, or null when it cannot be told. */
  private static String[] partOf(Connection c, String line) {
    Matcher index = INDEX.matcher(line);
    if (index.find()) {
      return lookUp(c, "name = ?", index.group(1));
    }
    Matcher tree = TREE.matcher(line);
    if (tree.find()) {
      return lookUp(c, "rootpage = ?", tree.group(1));
    }
    return null;
  }

  private static String[] lookUp(Connection c, String where, String value) {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT type, tbl_name FROM sqlite_schema WHERE type IN ('table', 'index') AND "
                + where)) {
      ps.setString(1, value);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        return new String[] {rs.getString(1), rs.getString(2)};
      }
    } catch (SQLException e) {
      return null; // the schema itself cannot be read: the whole file
    }
  }
}
