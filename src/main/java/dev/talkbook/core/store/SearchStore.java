package dev.talkbook.core.store;

import dev.talkbook.core.search.SearchHit;
import dev.talkbook.core.search.SearchQuery;
import dev.talkbook.core.search.Snippet;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Full-text search over every talk's title, speakers, tags, event and notes, ranked by bm25 with
 * the title weighted over the notes (the weights are the index's rank setting, in migration 2).
 */
public final class SearchStore {

  /** The best passage of whichever column matched best, its matches marked for {@link Snippet}. */
  static final String SNIPPET =
      "snippet(talk_search, -1, char("
          + (int) Snippet.OPEN
          + "), char("
          + (int) Snippet.CLOSE
          + "), '…', 16)";

  private final Database db;

  SearchStore(Database db) {
    this.db = db;
  }

  /** Parses {@code query} (see {@link SearchQuery}) and returns the best {@code limit} hits. */
  public List<SearchHit> search(String query, int limit) {
    return search(SearchQuery.parse(query), limit);
  }

  public List<SearchHit> search(SearchQuery query, int limit) {
    return db.read(
        "search",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  // The index's own rank (bm25 with the title weighted over the notes, see
                  // migration 2) lets FTS5 sort and stop at the limit, so snippets are made for
                  // the hits returned only.
                  "SELECT t.id, t.title, e.id, e.title, t.speakers, hit.snippet, hit.rank"
                      + " FROM (SELECT rowid AS id, "
                      + SNIPPET
                      + " AS snippet, rank FROM talk_search WHERE talk_search MATCH ?"
                      + " ORDER BY rank LIMIT ?) hit"
                      + " JOIN talk t ON t.id = hit.id JOIN event e ON e.id = t.event_id"
                      + " ORDER BY hit.rank")) {
            ps.setString(1, query.ftsExpression());
            ps.setInt(2, limit);
            List<SearchHit> hits = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                hits.add(
                    new SearchHit(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        Rows.lines(rs.getString(5)),
                        Snippet.fromMarked(rs.getString(6)),
                        rs.getDouble(7)));
              }
            }
            return hits;
          }
        });
  }
}
