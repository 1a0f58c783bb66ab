package dev.talkbook.core.store;

import dev.talkbook.core.common.Resources;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The notebook schema's history: {@code migrations/V001__*.sql}, {@code V002__*.sql}, ... each
 * applied once, in order, all pending ones in one transaction. {@code PRAGMA user_version} records
 * how far a file has come; {@code PRAGMA application_id} marks it as Talkbook's.
 */
final class Migrations {
  /** "TBNK": tells a Talkbook notebook from any other SQLite file. */
  static final int APPLICATION_ID = 0x54424e4b;

  /** The migration file names, in order; the index in this list + 1 is the schema version. */
  static final List<String> FILES =
      List.of(
          "V001__notebook.sql",
          "V002__search.sql",
          "V003__programme.sql",
          "V004__revision_deltas.sql",
          "V005__ids_never_reused.sql",
          "V006__index_shown_text.sql",
          "V007__index_shown_links.sql",
          "V008__index_folded_letters.sql",
          "V009__index_no_code_stamps.sql",
          "V010__programme_said.sql",
          "V011__index_ligatures.sql");

  static final int LATEST = FILES.size();

  /**
   * The oldest format a read-only open reads as it is, without the upgrade it cannot make: V007
   * changes only which words the search index holds of links and character references (a few words
   * too many until a writable open upgrades it), and V008 only how it holds the letters of {@code
   * FoldedLetters} (the query looks for the typed spelling too, so "Grüße" finds "Grüße"; "grusse"
   * finds it once a writable open upgrades it), and V009 only that an output block's stamp gives no
   * words (two words too many until upgraded), and V010 only adds the table a schedule import keeps
   * what the programme said in (an import writes, so never on a read-only open), and V011 only how
   * it holds the Latin ligatures ("ﬁnance" is found by "finance" once a writable open upgrades it),
   * so a notebook of format 6 to 10 on read-only media or beside an older Talkbook still opens
   * read-only and searches. A format before 6 must be upgraded first ({@code NEEDS_UPGRADE}).
   */
  static final int READ_AS_IT_IS = 6;

  private Migrations() {}

  /** The SQL of each migration after {@code fromVersion} up to {@code toVersion}. */
  static List<String> scripts(int fromVersion, int toVersion) {
    List<String> scripts = new ArrayList<>();
    for (int v = fromVersion + 1; v <= toVersion; v++) {
      scripts.add(Resources.text(Migrations.class, "migrations/" + FILES.get(v - 1)));
    }
    return scripts;
  }

  /**
   * Brings the schema from {@code fromVersion} to {@code toVersion} inside the caller's
   * transaction, which has foreign keys off ({@link Database#writeSchema}): a migration may remake
   * a table.
   */
  static void apply(Connection c, int fromVersion, int toVersion) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String script : scripts(fromVersion, toVersion)) {
        // sqlite-jdbc's executeUpdate runs every statement of a script (sqlite3_exec).
        s.executeUpdate(script);
      }
      s.executeUpdate("PRAGMA application_id = " + APPLICATION_ID);
      s.executeUpdate("PRAGMA user_version = " + toVersion);
    }
  }
}
