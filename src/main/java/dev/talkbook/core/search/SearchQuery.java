package dev.talkbook.core.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The search language a user types, translated to an SQLite FTS5 expression. Pure: text in,
 * expression out.
 *
 * <ul>
 *   <li>{@code word} — talks containing the word (all words must match)
 *   <li>{@code "a phrase"} — the words in this order
 *   <li>{@code pref*} — words starting with {@code pref}
 *   <li>{@code -word}, {@code -"a phrase"} — talks without it
 *   <li>{@code speaker:hopper}, {@code tag:async}, {@code event:pyatl}, {@code title:…}, {@code
 *       notes:…}, {@code abstract:…} — only in that field; the value may be a phrase or a prefix
 * </ul>
 *
 * <p>Nothing the user types can reach FTS5 as syntax: every term goes in as a quoted string. An
 * unclosed quote runs to the end of the query; a lone {@code -} or {@code *} is ignored; an unknown
 * {@code field:} is read as plain words. A query with nothing to look for, or a known field with
 * nothing right after its colon ({@code title:}, {@code speaker: hopper}), is refused with a {@link
 * QueryException} whose message says why.
 */
public record SearchQuery(String text, String ftsExpression, List<Term> terms) {

  /** The search fields a user can name, and the index column each one searches. */
  public static final Map<String, String> FIELDS =
      Map.ofEntries(
          Map.entry("title", "title"),
          Map.entry("speaker", "speakers"),
          Map.entry("speakers", "speakers"),
          Map.entry("by", "speakers"),
          Map.entry("tag", "tags"),
          Map.entry("tags", "tags"),
          Map.entry("event", "event"),
          Map.entry("notes", "body"),
          Map.entry("body", "body"),
          Map.entry("abstract", "abstract"));

  /** One thing to look for (or, when {@code excluded}, to leave out). */
  public record Term(String column, String text, boolean prefix, boolean excluded) {
    String toFts() {
      String quoted = "\"" + text.replace("\"", "\"\"") + "\"" + (prefix ? "*" : "");
      return column == null ? quoted : column + " : " + quoted;
    }
  }

  /** Parses what the user typed. */
  public static SearchQuery parse(String input) {
    // Control characters (NUL above all) have no business in a query, and NUL would cut the
    // FTS5 string short.
    String text = input == null ? "" : input.replaceAll("\\p{Cntrl}", " ").strip();
    List<Term> terms = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char ch = text.charAt(i);
      if (Character.isWhitespace(ch)) {
        i++;
        continue;
      }
      boolean excluded = false;
      if (ch == '-') {
        excluded = true;
        i++;
        if (i >= n || Character.isWhitespace(text.charAt(i))) {
          continue;
        }
      }
      String column = null;
      int colon = fieldEnd(text, i);
      if (colon > i) {
        String field = text.substring(i, colon).toLowerCase(Locale.ROOT);
        if (FIELDS.containsKey(field)) {
          if (colon + 1 == n || Character.isWhitespace(text.charAt(colon + 1))) {
            throw new QueryException(
                "Put what to look for right after \""
                    + text.substring(i, colon + 1)
                    + "\", without a space: "
                    + field
                    + ":jshell, "
                    + field
                    + ":\"a phrase\".");
          }
          column = FIELDS.get(field);
          i = colon + 1;
        }
      }
      String value;
      if (text.charAt(i) == '"') {
        int close = text.indexOf('"', i + 1);
        int end = close < 0 ? n : close;
        value = text.substring(i + 1, end);
        i = close < 0 ? n : close + 1;
      } else {
        int end = i;
        while (end < n && !Character.isWhitespace(text.charAt(end))) {
          end++;
        }
        value = text.substring(i, end);
        i = end;
      }
      boolean prefix = false;
      if (i < n && text.charAt(i) == '*') {
        prefix = true;
        i++;
      }
      while (value.endsWith("*")) {
        prefix = true;
        value = value.substring(0, value.length() - 1);
      }
      if (value.codePoints().anyMatch(Character::isLetterOrDigit)) {
        terms.add(new Term(column, value.strip(), prefix, excluded));
      }
    }
    List<Term> wanted = terms.stream().filter(t -> !t.excluded()).toList();
    if (wanted.isEmpty()) {
      throw new QueryException(
          terms.isEmpty()
              ? "Type a word to search for."
              : "Add a word to search for: \"-\" only leaves out talks, it finds none by itself.");
    }
    StringBuilder fts = new StringBuilder();
    for (Term t : wanted) {
      if (fts.length() > 0) {
        fts.append(" AND ");
      }
      fts.append(t.toFts());
    }
    if (wanted.size() > 1) {
      fts.insert(0, '(').append(')');
    }
    // "a NOT (b OR c)" rather than "a NOT b NOT c": FTS5 nests each NOT one level deeper and
    // refuses more than 256 levels, while an OR of many is one level.
    List<Term> unwanted = terms.stream().filter(Term::excluded).toList();
    if (!unwanted.isEmpty()) {
      fts.append(" NOT ");
      if (unwanted.size() > 1) {
        fts.append('(');
      }
      for (int k = 0; k < unwanted.size(); k++) {
        fts.append(k == 0 ? "" : " OR ").append(unwanted.get(k).toFts());
      }
      if (unwanted.size() > 1) {
        fts.append(')');
      }
    }
    return new SearchQuery(text, fts.toString(), List.copyOf(terms));
  }

  /** The index of the ':' ending a field name that starts at {@code from}, or -1. */
  private static int fieldEnd(String text, int from) {
    int i = from;
    while (i < text.length() && Character.isLetter(text.charAt(i))) {
      i++;
    }
    return i > from && i < text.length() && text.charAt(i) == ':' ? i : -1;
  }
}
