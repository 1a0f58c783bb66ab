package dev.talkbook.core.store;

import dev.talkbook.core.search.PlainText;
import dev.talkbook.core.search.SearchHit;
import dev.talkbook.core.search.SearchQuery;
import dev.talkbook.core.search.Snippet;
import dev.talkbook.core.search.Snippets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Full-text search over every talk's title, speakers, tags, event, notes and abstract, ranked by
 * bm25 with the title weighted over the notes (the weights are the index's rank setting, in
 * migration 2).
 */
public final class SearchStore {

  private final Database db;

  SearchStore(Database db) {
    this.db = db;
  }

  /**
   * Makes the search index again from the notes (of every talk, with its event), in one
   * transaction: for an index that is damaged ({@link Notebook#health()}). Takes about a second for
   * 10,000 talks.
   */
  public void rebuildIndex() {
    db.write(
        "rebuild the search index",
        c -> {
          SearchIndex.rebuild(c);
          return null;
        });
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
                  // migration 2) lets FTS5 sort and stop at the limit; the passages are made
                  // in Java from the hits' notes (FTS5's snippet() costs ~0.2 ms a hit).
                  "SELECT t.id, t.title, e.id, e.title, t.speakers, t.tags, t.body, hit.rank,"
                      + " t.abstract"
                      + " FROM (SELECT rowid AS id, rank FROM talk_search"
                      + " WHERE talk_search MATCH ? ORDER BY rank LIMIT ?) hit"
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
                        Rows.title(rs.getString(2)),
                        rs.getLong(3),
                        Rows.title(rs.getString(4)),
                        Rows.lines(rs.getString(5)),
                        passage(query, rs),
                        rs.getDouble(8)));
              }
            }
            return hits;
          }
        });
  }

  /**
   * The best passage of the notes; else of the abstract; else of the title, speakers, tags and
   * event; else the start.
   */
  private static Snippet passage(SearchQuery query, ResultSet rs) throws java.sql.SQLException {
    // The passage is read, not edited: cut from the notes without their Markdown syntax.
    Snippet fromNotes = Snippets.of(PlainText.of(rs.getString(7)), query);
    if (!fromNotes.text().isEmpty()) {
      return fromNotes;
    }
    Snippet fromAbstract = Snippets.of(rs.getString(9), query);
    if (!fromAbstract.text().isEmpty()) {
      return fromAbstract;
    }
    // Only what the talk has: a talk without speakers or tags showed "Title ·  ·  · Event".
    String details =
        java.util.stream.Stream.of(
                rs.getString(2),
                String.join(", ", Rows.lines(rs.getString(5))),
                String.join(" ", Rows.lines(rs.getString(6))),
                rs.getString(4))
            .filter(part -> part != null && !part.isBlank())
            .collect(java.util.stream.Collectors.joining(" · "));
    Snippet fromDetails = Snippets.of(details, query);
    if (!fromDetails.text().isEmpty()) {
      return fromDetails;
    }
    String body = rs.getString(7).strip().replaceAll("\\s+", " ");
    return new Snippet(body.length() <= 100 ? body : body.substring(0, 100) + "…", List.of());
  }
}
