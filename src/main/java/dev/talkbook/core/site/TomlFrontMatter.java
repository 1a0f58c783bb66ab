package dev.talkbook.core.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TOML front matter, Hugo's {@code +++} block ({@code hugo new} wrote it by default): read into the
 * same plain data as the YAML one ({@link FrontMatter}). Keys (bare, quoted, dotted), strings
 * (basic with escapes, literal, and both multi-line), integers, floats, booleans, arrays, inline
 * tables, {@code [tables]} and {@code [[arrays of tables]]}. Dates and times stay text, as written,
 * as the YAML reader keeps them. Pure; a mistake is a {@link SiteException} naming its line.
 */
final class TomlFrontMatter {
  private final String s;
  private final int firstLine;
  private int i;

  private TomlFrontMatter(String s, int firstLine) {
    this.s = s;
    this.firstLine = firstLine;
  }

  /**
   * The keys and values of {@code toml}, whose first line is line {@code firstLine} of the file
   * (for the messages).
   */
  static Map<String, Object> parse(String toml, int firstLine) {
    return new TomlFrontMatter(toml, firstLine).document();
  }

  private Map<String, Object> document() {
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, Object> table = root;
    while (true) {
      skipBlankLinesAndComments();
      if (i >= s.length()) {
        return root;
      }
      if (s.charAt(i) == '[') {
        boolean array = s.startsWith("[[", i);
        i += array ? 2 : 1;
        List<String> path = keyPath();
        expect(array ? "]]" : "]");
        endOfLine();
        table = array ? newTableInArray(root, path) : tableAt(root, path, true);
      } else {
        List<String> path = keyPath();
        expect("=");
        Object value = value();
        put(table, path, value);
        endOfLine();
      }
    }
  }

  private Map<String, Object> newTableInArray(Map<String, Object> root, List<String> path) {
    Map<String, Object> parent = tableAt(root, path.subList(0, path.size() - 1), false);
    String last = path.get(path.size() - 1);
    Object there = parent.get(last);
    List<Object> list;
    if (there == null) {
      list = new ArrayList<>();
      parent.put(last, list);
    } else if (there instanceof List<?>) {
      @SuppressWarnings("unchecked")
      List<Object> existing = (List<Object>) there;
      list = existing;
    } else {
      throw problem("\"" + last + "\" is defined twice");
    }
    Map<String, Object> table = new LinkedHashMap<>();
    list.add(table);
    return table;
  }

  /** The table at {@code path} from {@code root}, made where missing. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> tableAt(Map<String, Object> root, List<String> path, boolean header) {
    Map<String, Object> t = root;
    for (String key : path) {
      Object there = t.get(key);
      if (there == null) {
        Map<String, Object> made = new LinkedHashMap<>();
        t.put(key, made);
        t = made;
      } else if (there instanceof Map<?, ?> m) {
        t = (Map<String, Object>) m;
      } else if (!header
          && there instanceof List<?> l
          && !l.isEmpty()
          && l.get(l.size() - 1) instanceof Map<?, ?> m) {
        t = (Map<String, Object>) m; // [[a]] then [a.b]: the last table of a
      } else {
        throw problem("\"" + key + "\" is defined twice");
      }
    }
    return t;
  }

  private void put(Map<String, Object> table, List<String> path, Object value) {
    Map<String, Object> t = tableAt(table, path.subList(0, path.size() - 1), false);
    String last = path.get(path.size() - 1);
    if (t.containsKey(last)) {
      throw problem("\"" + last + "\" is defined twice");
    }
    t.put(last, value);
  }

  private List<String> keyPath() {
    List<String> path = new ArrayList<>();
    while (true) {
      skipSpaces();
      path.add(key());
      skipSpaces();
      if (i < s.length() && s.charAt(i) == '.') {
        i++;
      } else {
        return path;
      }
    }
  }

  private String key() {
    if (i < s.length() && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
      return string();
    }
    int start = i;
    while (i < s.length() && bareKeyChar(s.charAt(i))) {
      i++;
    }
    if (start == i) {
      throw problem("a key is missing");
    }
    return s.substring(start, i);
  }

  private static boolean bareKeyChar(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '-';
  }

  private Object value() {
    skipSpaces();
    if (i >= s.length()) {
      throw problem("a value is missing");
    }
    char c = s.charAt(i);
    if (c == '"' || c == '\'') {
      return string();
    }
    if (c == '[') {
      return array();
    }
    if (c == '{') {
      return inlineTable();
    }
    int start = i;
    while (i < s.length() && !atValueEnd()) {
      i++;
    }
    String word = s.substring(start, i).strip();
    return scalar(word);
  }

  /** Whether a bare value (a number, a date, a boolean) ends here. */
  private boolean atValueEnd() {
    char c = s.charAt(i);
    if (c == ',' || c == ']' || c == '}' || c == '#' || c == '\n' || c == '\r') {
      return true;
    }
    // a space ends it, but not the one between a date and its time (1979-05-27 07:32:00Z)
    if (c == ' ' || c == '\t') {
      boolean dateBefore = i >= 10 && s.substring(i - 10, i).matches("\\d{4}-\\d{2}-\\d{2}");
      boolean timeAfter =
          i + 3 < s.length()
              && Character.isDigit(s.charAt(i + 1))
              && Character.isDigit(s.charAt(i + 2))
              && s.charAt(i + 3) == ':';
      return !(dateBefore && timeAfter);
    }
    return false;
  }

  private Object scalar(String word) {
    if (word.equals("true")) {
      return Boolean.TRUE;
    }
    if (word.equals("false")) {
      return Boolean.FALSE;
    }
    if (word.matches("\\d{4}-\\d{2}-\\d{2}([Tt ].*)?|\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?")) {
      return word; // a date or time: as written
    }
    String digits = word.replace("_", "");
    try {
      if (digits.matches("[+-]?\\d+")) {
        return Long.parseLong(digits);
      }
      if (digits.matches("0x[0-9A-Fa-f]+")) {
        return Long.parseLong(digits.substring(2), 16);
      }
      if (digits.matches("0o[0-7]+")) {
        return Long.parseLong(digits.substring(2), 8);
      }
      if (digits.matches("0b[01]+")) {
        return Long.parseLong(digits.substring(2), 2);
      }
      if (digits.matches("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?")) {
        return Double.parseDouble(digits);
      }
    } catch (NumberFormatException e) {
      throw problem("the number " + word + " is too large");
    }
    if (word.matches("[+-]?(inf|nan)")) {
      return word.contains("inf")
          ? (word.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
          : Double.NaN;
    }
    throw problem(
        word.isEmpty()
            ? "a value is missing"
            : "\"" + word + "\" is not a TOML value (text needs quotes: \"" + word + "\")");
  }

  private List<Object> array() {
    i++; // [
    List<Object> list = new ArrayList<>();
    while (true) {
      skipBlankLinesAndComments();
      if (i >= s.length()) {
        throw problem("the list has no closing ]");
      }
      if (s.charAt(i) == ']') {
        i++;
        return list;
      }
      list.add(value());
      skipBlankLinesAndComments();
      if (i >= s.length()) {
        throw problem("the list has no closing ]");
      }
      if (s.charAt(i) == ',') {
        i++;
      } else if (s.charAt(i) != ']') {
        throw problem("expected , or ] in the list");
      }
    }
  }

  private Map<String, Object> inlineTable() {
    i++; // {
    Map<String, Object> table = new LinkedHashMap<>();
    skipSpaces();
    if (i < s.length() && s.charAt(i) == '}') {
      i++;
      return table;
    }
    while (true) {
      List<String> path = keyPath();
      expect("=");
      put(table, path, value());
      skipSpaces();
      if (i < s.length() && s.charAt(i) == ',') {
        i++;
      } else if (i < s.length() && s.charAt(i) == '}') {
        i++;
        return table;
      } else {
        throw problem("expected , or } in the inline table");
      }
    }
  }

  private String string() {
    char quote = s.charAt(i);
    String three = String.valueOf(quote).repeat(3);
    boolean multi = s.startsWith(three, i);
    i += multi ? 3 : 1;
    if (multi && i < s.length() && s.charAt(i) == '\n') {
      i++; // a newline right after the opening quotes is not part of the text
    } else if (multi && s.startsWith("\r\n", i)) {
      i += 2;
    }
    StringBuilder b = new StringBuilder();
    while (true) {
      if (i >= s.length()) {
        throw problem("the text has no closing " + (multi ? three : String.valueOf(quote)));
      }
      char c = s.charAt(i);
      if (multi ? s.startsWith(three, i) && !s.startsWith(three + quote, i) : c == quote) {
        i += multi ? 3 : 1;
        return b.toString();
      }
      if (!multi && (c == '\n' || c == '\r')) {
        throw problem("the text has no closing " + quote + " on its line");
      }
      if (c == '\\' && quote == '"') {
        i++;
        escape(b, multi);
      } else {
        b.append(c);
        i++;
      }
    }
  }

  private void escape(StringBuilder b, boolean multi) {
    if (i >= s.length()) {
      throw problem("the text ends in a \\");
    }
    char e = s.charAt(i++);
    switch (e) {
      case 'b' -> b.append('\b');
      case 't' -> b.append('\t');
      case 'n' -> b.append('\n');
      case 'f' -> b.append('\f');
      case 'r' -> b.append('\r');
      case 'e' -> b.append('\u001b');
      case '"' -> b.append('"');
      case '\\' -> b.append('\\');
      case 'u', 'U' -> {
        int n = e == 'u' ? 4 : 8;
        if (i + n > s.length() || !s.substring(i, i + n).matches("[0-9A-Fa-f]+")) {
          throw problem("\\" + e + " needs " + n + " hex digits");
        }
        int cp = (int) Long.parseLong(s.substring(i, i + n), 16);
        if (!Character.isValidCodePoint(cp)) {
          throw problem("\\" + e + s.substring(i, i + n) + " is no character");
        }
        b.appendCodePoint(cp);
        i += n;
      }
      default -> {
        if (multi && (e == '\n' || e == '\r' || e == ' ' || e == '\t')) {
          // a line-ending backslash: the line break and the spaces after it go
          i--;
          while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
          }
        } else {
          throw problem("\\" + e + " is no escape");
        }
      }
    }
  }

  private void expect(String what) {
    skipSpaces();
    if (!s.startsWith(what, i)) {
      throw problem("expected " + what);
    }
    i += what.length();
  }

  /** Spaces, a comment, then the end of the line (or of the text). */
  private void endOfLine() {
    skipSpaces();
    if (i < s.length() && s.charAt(i) == '#') {
      skipComment();
    }
    if (i < s.length() && s.charAt(i) == '\r') {
      i++;
    }
    if (i < s.length()) {
      if (s.charAt(i) != '\n') {
        throw problem("unexpected \"" + s.charAt(i) + "\" after the value");
      }
      i++;
    }
  }

  private void skipSpaces() {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
  }

  private void skipComment() {
    while (i < s.length() && s.charAt(i) != '\n') {
      i++;
    }
  }

  private void skipBlankLinesAndComments() {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        i++;
      } else if (c == '#') {
        skipComment();
      } else {
        return;
      }
    }
  }

  private SiteException problem(String what) {
    int line = firstLine;
    for (int k = 0; k < Math.min(i, s.length()); k++) {
      if (s.charAt(k) == '\n') {
        line++;
      }
    }
    return new SiteException("invalid front matter (TOML): line " + line + ": " + what);
  }
}
