package dev.talkbook.core.site;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TOML front matter, Hugo's {@code +++} block ({@code hugo new} wrote it by default), read with
 * Jackson's TOML module into the same plain data as the YAML one ({@link FrontMatter}): maps in the
 * written order, lists, strings, booleans, integers as {@code Long} ({@code BigInteger} when
 * larger), floats as {@code Double}. Dates and times stay text, as the YAML reader keeps them (the
 * TOML reader writes a date-time's space as its equivalent {@code T}). A mistake is a {@link
 * SiteException} naming its line and column in the file.
 */
final class TomlFrontMatter {
  /** Thread-safe once built. */
  private static final TomlMapper TOML = new TomlMapper();

  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  private TomlFrontMatter() {}

  /**
   * The keys and values of {@code toml}, whose first line is line {@code firstLine} of the file
   * (for the messages).
   */
  static Map<String, Object> parse(String toml, int firstLine) {
    LinkedHashMap<String, Object> data;
    try {
      data = TOML.readValue(toml, MAP);
    } catch (JacksonException e) {
      throw new SiteException("invalid front matter (TOML): " + where(e, toml, firstLine), e);
    }
    Map<String, Object> plain = new LinkedHashMap<>();
    if (data != null) {
      data.forEach((k, v) -> plain.put(k, plain(v)));
    }
    return plain;
  }

  /**
   * Integers as Long and floats as Double, as the YAML path gives them (Jackson gives Integer for
   * small integers and BigDecimal for floats).
   */
  private static Object plain(Object v) {
    if (v instanceof Integer n) {
      return n.longValue();
    }
    if (v instanceof BigDecimal d) {
      return d.doubleValue();
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> map = new LinkedHashMap<>();
      m.forEach((k, x) -> map.put(String.valueOf(k), plain(x)));
      return map;
    }
    if (v instanceof List<?> l) {
      List<Object> list = new ArrayList<>(l.size());
      l.forEach(x -> list.add(plain(x)));
      return list;
    }
    return v;
  }

  /**
   * "line 3, column 9: Unknown token near "Unquoted text"": the reader's problem, where in the file
   * it is, and the text from there (or its whole line, when the problem is at the line's end).
   */
  private static String where(JacksonException e, String toml, int firstLine) {
    String problem =
        e.getOriginalMessage() == null
            ? "not valid TOML"
            : e.getOriginalMessage().strip().replaceAll("\\s+", " ");
    JsonLocation at = e.getLocation();
    if (at == null || at.getLineNr() < 1) {
      return problem;
    }
    String place = "line " + (firstLine + at.getLineNr() - 1);
    List<String> lines = toml.lines().toList();
    if (at.getColumnNr() < 1 || at.getLineNr() > lines.size()) {
      return place + ": " + problem;
    }
    String line = lines.get(at.getLineNr() - 1);
    String rest = line.substring(Math.min(at.getColumnNr() - 1, line.length())).strip();
    String shown = rest.isEmpty() ? line.strip() : rest;
    String near =
        shown.isEmpty()
            ? ""
            : (rest.isEmpty() ? " in \"" : " near \"")
                + (shown.length() > 40 ? shown.substring(0, 40) + "…" : shown)
                + "\"";
    return place + ", column " + at.getColumnNr() + ": " + problem + near;
  }
}
