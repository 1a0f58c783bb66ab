package dev.talkbook.core.store;

import dev.talkbook.core.markdown.DroppedHtml;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.Function;

/**
 * The SQL function {@code talkbook_shown_text(notes)}: a talk's notes as the full-text index holds
 * them, the text a published page shows ({@link DroppedHtml#shownText}: raw HTML's tags, and what a
 * {@code <script>}, a {@code <style>} or a comment holds, are spaces, as are where links point and
 * their titles; {@code &amp;} is {@code &}; every other character stays where it was). The site's
 * search words are made by the same rule, so a word finds the same talks in the window, on the
 * command line and on the site.
 *
 * <p>The index's triggers call it (migrations V006, V007 and V009), so every connection Talkbook
 * opens has it ({@link Database}); a program without it (the {@code sqlite3} shell) can read a
 * notebook and change anything but a talk's notes and the adding of talks, which it is refused with
 * "no such function", never leaving the index behind the notes. An older Talkbook does not open a
 * notebook of this format at all ({@code TOO_NEW}).
 */
final class ShownText extends Function {
  static final String NAME = "talkbook_shown_text";

  /** SQLite's {@code SQLITE_INNOCUOUS}: safe in triggers even where the schema is not trusted. */
  private static final int INNOCUOUS = 0x000200000;

  /** Gives {@code connection} the function (one object per connection: it is not shared). */
  static void register(Connection connection) throws SQLException {
    Function.create(connection, NAME, new ShownText(), 1, Function.FLAG_DETERMINISTIC | INNOCUOUS);
  }

  private ShownText() {}

  @Override
  protected void xFunc() throws SQLException {
    if (args() != 1) {
      error(NAME + " takes one argument");
      return;
    }
    String notes = value_text(0);
    if (notes == null) {
      result();
      return;
    }
    result(of(notes));
  }

  /**
   * The notes as the triggers give them to the index, before its letters are folded (V008, {@code
   * FoldedLetters}): their shown text where they hold a '<', an '&', a ']' or a 'code=' (V009),
   * else themselves. What a hit's passage is cut from when the index holds a folded spelling.
   */
  static String beforeFolding(String notes) {
    return notes.indexOf('<') >= 0
            || notes.indexOf('&') >= 0
            || notes.indexOf(']') >= 0
            || notes.contains("code=")
        ? of(notes)
        : notes;
  }

  /**
   * The notes as the index holds them; the notes themselves if the rule fails on them (a bug must
   * not refuse a save: the index then has a few words too many, as before this rule).
   */
  static String of(String notes) {
    try {
      return DroppedHtml.shownText(notes);
    } catch (RuntimeException | StackOverflowError e) {
      System.getLogger(ShownText.class.getName())
          .log(System.Logger.Level.WARNING, "indexing notes as they are", e);
      return notes;
    }
  }
}
