package dev.talkbook.core.store;

import dev.talkbook.core.notebook.Tags;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.Function;

/**
 * The SQL function {@code talkbook_has_tag(tags, tag)}: 1 when one of a talk's tags (its {@code
 * tags} column, one a line) is {@code tag} as a whole, compared as the notebook compares tags
 * ({@link Tags#key}: without case in any script; a leading {@code #} as {@link Tags#clean} drops
 * it), without its accents, as the index's words. For a search's tag typed with punctuation ({@code
 * tag:c#}, {@link dev.talkbook.core.search.SearchQuery.Term#wholeTag}), which the index cuts at it:
 * "c#", "c++" and "c" are all its word "c". Called only on the talks the index's match found.
 */
final class HasTag extends Function {
  static final String NAME = "talkbook_has_tag";

  /** Gives {@code connection} the function (one object per connection: it is not shared). */
  static void register(Connection connection) throws SQLException {
    Function.create(connection, NAME, new HasTag(), 2, Function.FLAG_DETERMINISTIC);
  }

  private HasTag() {}

  @Override
  protected void xFunc() throws SQLException {
    if (args() != 2) {
      error(NAME + " takes two arguments");
      return;
    }
    result(has(value_text(0), value_text(1)) ? 1 : 0);
  }

  /** Whether one of {@code tags} (one a line) is {@code tag}, as the notebook compares tags. */
  static boolean has(String tags, String tag) {
    if (tags == null || tag == null) {
      return false;
    }
    String wanted = tag.strip();
    while (wanted.startsWith("#")) {
      wanted = wanted.substring(1).strip();
    }
    String key = key(wanted);
    for (String line : tags.split("\n")) {
      String t = line.strip();
      if (!t.isEmpty() && key(t).equals(key)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A tag as {@link Tags#key} compares it, its accents also dropped as the search's index drops
   * them (its words: "Café-Bar" is found by "cafe-bar", "bjørn.io" by "bjorn.io").
   */
  private static String key(String tag) {
    String folded =
        java.text.Normalizer.normalize(
            dev.talkbook.core.search.FoldedLetters.fold(Tags.key(tag)),
            java.text.Normalizer.Form.NFD);
    return MARKS.matcher(folded).replaceAll("");
  }

  private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");

  /**
   * The SQL condition each whole tag of {@code query} adds to a search of the index ({@code AND
   * talkbook_has_tag(…, ?)}, {@code AND NOT …} for one left out), its values added to {@code
   * params}; {@code tags} is the SQL of the matched talk's tags column.
   */
  static String conditions(
      dev.talkbook.core.search.SearchQuery query, String tags, java.util.List<String> params) {
    StringBuilder sql = new StringBuilder();
    for (dev.talkbook.core.search.SearchQuery.Term t : query.terms()) {
      if (t.wholeTag()) {
        sql.append(t.excluded() ? " AND NOT " : " AND ")
            .append(NAME)
            .append('(')
            .append(tags)
            .append(", ?)");
        params.add(t.text());
      }
    }
    return sql.toString();
  }
}
