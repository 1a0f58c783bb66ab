package dev.talkbook.core.store;

import dev.talkbook.core.search.PunctuatedNames;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.Function;

/**
 * The SQL function {@code talkbook_name_count(text, term, starts)}: how often {@code text} has the
 * search term's name as written, punctuation and all, as a whole word ({@link PunctuatedNames}:
 * {@code c#} in "We write C#." but not in "C++" or "abc#"), case and accents folded; {@code starts}
 * 1 when the term's last word, being typed, also finds the words starting with it. For a search's
 * term with such a name ({@link dev.talkbook.core.search.SearchQuery.Term#punctuatedName}), which
 * the index cuts at its punctuation: {@link InsideWords} calls it only on the talks whose index has
 * the name's words, to count and rank.
 */
final class NameCount extends Function {
  static final String NAME = "talkbook_name_count";

  /** Gives {@code connection} the function (one object per connection: it is not shared). */
  static void register(Connection connection) throws SQLException {
    Function.create(connection, NAME, new NameCount(), 3, Function.FLAG_DETERMINISTIC);
  }

  private NameCount() {}

  @Override
  protected void xFunc() throws SQLException {
    if (args() != 3) {
      error(NAME + " takes three arguments");
      return;
    }
    String text = value_text(0);
    String term = value_text(1);
    result(text == null || term == null ? 0 : PunctuatedNames.count(text, term, value_int(2) != 0));
  }
}
