package dev.talkbook.core.store;

import dev.talkbook.core.search.FoldedLetters;
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
 * Full-text search over every talk's title, speakers, tags, event, notes and abstract: talks with a
 * word in the title first, then those with it in the speakers or tags ({@link #NAMED}), each group
 * ranked by bm25 with the title weighted over the user's notes, the notes over the speakers, tags
 * and event, and those over the programme's abstract: a word the user wrote finds their own notes
 * before a talk whose imported abstract has it ({@link #RANK}).
 */
public final class SearchStore {

  /**
   * The rank every search sorts by: FTS5's bm25 with a weight for each column of the index, in its
   * order (title, speakers, tags, event, notes, abstract). Given with each query ({@code rank MATCH
   * ?}, which keeps FTS5's sort-and-stop at the limit) rather than as the index's stored rank
   * setting (V002's {@code bm25(10, 6, 6, 3, 1, 2)}, which counted the abstract twice the notes),
   * so a notebook of any format ranks the same and no format change shuts out an older Talkbook.
   *
   * <ul>
   *   <li>title 50: what the talk is called, the surest sign it is about the word;
   *   <li>speakers 2, tags 2, event 1: short fields that name the talk rather than say what was in
   *       it; an event's title is shared by all its talks, so it tells them apart least;
   *   <li>notes 5: what the user wrote, so what they search for;
   *   <li>abstract 0.1: the programme's text, written by someone else before the talk.
   * </ul>
   *
   * <p>bm25 multiplies a word's count in each column by the column's weight, adds them for the row
   * and saturates the sum (k1 = 1.2) against the whole row's length (b = 0.75), so a weight works
   * as a count: one match in the notes counts as fifty in the abstract, one in the title as ten in
   * the notes (the title-to-notes ratio as it was). The gaps are wide because long rows are ranked
   * down: notes three times as long as most still come before a short abstract that has the word
   * eight times; notes ten times as long can fall behind it, or behind a speaker's name (bm25
   * ranks, it does not sort by column). {@code SearchStoreTest} holds the cases.
   */
  static final String RANK = "bm25(50.0, 2.0, 2.0, 1.0, 5.0, 0.1)";

  /**
   * What a hit is first sorted by, before {@link #RANK}: 2 when a word of the query is in the
   * title, else 1 when it is in the speakers or tags, else 0. bm25 adds a row's weighted counts and
   * then saturates the sum, so a title's weight alone cannot keep a talk named for the word above
   * notes that have it many times ("Modern Java live" fell below a talk whose code had {@code
   * java.util.Scanner}, tester 9b); what names a talk comes first, and bm25 ranks within each. bm25
   * with the other columns weighted 0 is below 0 only for a row with the word in those columns
   * (FTS5 never lets a word's idf drop to 0).
   */
  static final String NAMED =
      "(bm25(talk_search, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0) < 0) * 2"
          + " + (bm25(talk_search, 0.0, 1.0, 1.0, 0.0, 0.0, 0.0) < 0)";

  /** {@link #RANK}'s weights, in the index's column order, for ranks made outside FTS5. */
  static final double[] WEIGHTS = {50.0, 2.0, 2.0, 1.0, 5.0, 0.1};

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

  /**
   * The best {@code limit} hits for {@code query}. A query with a Chinese, Japanese or Korean term
   * ({@link SearchQuery.Term#insideWords()}) or a name typed with its punctuation ({@link
   * SearchQuery.Term#punctuatedName()}: {@code c#}) goes to {@link InsideWords}, which also looks
   * in the talks' text; any other is FTS5's alone.
   */
  public List<SearchHit> search(SearchQuery query, int limit) {
    return insideWords(query, limit)
        .map(Page::hits)
        .orElseGet(() -> db.read("search", c -> best(c, query, limit)));
  }

  /**
   * The page of a query with a Chinese, Japanese or Korean term, which {@link InsideWords} answers
   * (ranked and counted in one read); empty for any other query, which is FTS5's alone.
   */
  private java.util.Optional<Page> insideWords(SearchQuery query, int limit) {
    // A name only left out (kafka -c#) keeps FTS5's sort and limit: NameCount's condition in it.
    if (query.terms().stream()
        .noneMatch(t -> t.inText() && !(t.excluded() && t.punctuatedName()))) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(db.read("search", c -> InsideWords.search(c, query, limit)));
  }

  /**
   * The best {@code limit} hits for {@code query} and how many talks match in all ({@code talkbook
   * search} says how many the limit left out).
   *
   * @param hits the best hits, at most the limit
   * @param matching how many talks match, {@code hits.size()} or more
   */
  public record Page(List<SearchHit> hits, int matching) {
    public Page {
      hits = List.copyOf(hits);
    }

    /** Whether the limit left matching talks out. */
    public boolean cut() {
      return matching > hits.size();
    }
  }

  /**
   * As {@link #search(SearchQuery, int)}, with how many talks match: when the limit was reached,
   * one COUNT over the same FTS5 match, in the same read (a query looking inside words counts what
   * it ranked anyway).
   */
  public Page page(SearchQuery query, int limit) {
    java.util.Optional<Page> inside = insideWords(query, limit);
    if (inside.isPresent()) {
      return inside.get();
    }
    return db.read(
        "search",
        c -> {
          List<SearchHit> hits = best(c, query, limit);
          if (hits.size() < limit) {
            return new Page(hits, hits.size());
          }
          List<String> tags = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT count(*) FROM talk_search WHERE talk_search MATCH ?"
                      + HasTag.conditions(query, TAGS, tags)
                      + namesLeftOut(query, tags))) {
            ps.setString(1, query.ftsExpression());
            for (int k = 0; k < tags.size(); k++) {
              ps.setString(2 + k, tags.get(k));
            }
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return new Page(hits, Math.max(hits.size(), rs.getInt(1)));
            }
          }
        });
  }

  /**
   * The SQL condition each name typed with its punctuation and left out ({@code -c#}) adds to a
   * search of the index: no talk whose index has its words (c# as "c") and whose text has it as
   * written ({@link NameCount}) in the term's columns; its values added to {@code params}.
   */
  private static String namesLeftOut(SearchQuery query, List<String> params) {
    StringBuilder sql = new StringBuilder();
    for (SearchQuery.Term t : query.terms()) {
      if (!t.excluded() || !t.punctuatedName()) {
        continue;
      }
      // CASE: the function only on the talks the index's words found (AND may call it first)
      sql.append(" AND NOT CASE WHEN talk_search.rowid IN (SELECT rowid FROM talk_search WHERE")
          .append(" talk_search MATCH ?) THEN (");
      params.add(t.toFts());
      List<String> columns =
          t.column() == null
              ? List.of("title", "speakers", "tags", "event", "body", "abstract")
              : List.of(t.column());
      for (int k = 0; k < columns.size(); k++) {
        sql.append(k == 0 ? "" : " OR ")
            .append(NameCount.NAME)
            .append("(talk_search.")
            .append(columns.get(k))
            .append(", ?, ?) > 0");
        params.add(t.text());
        params.add(t.wordStart() ? "1" : "0");
      }
      sql.append(") ELSE 0 END");
    }
    return sql.toString();
  }

  /** The SQL of the tags of the talk a row of the index is ({@link HasTag}). */
  private static final String TAGS = "(SELECT tags FROM talk WHERE id = talk_search.rowid)";

  private static List<SearchHit> best(java.sql.Connection c, SearchQuery query, int limit)
      throws java.sql.SQLException {
    List<String> tags = new ArrayList<>();
    String wholeTags = HasTag.conditions(query, TAGS, tags) + namesLeftOut(query, tags);
    try (PreparedStatement ps =
        c.prepareStatement(
            // Where the word is (NAMED) first, then the rank (RANK, given with the match);
            // the passages are made in Java from the hits' notes as the index holds them,
            // what their page shows (ShownText; FTS5's snippet() costs ~0.2 ms a hit).
            "SELECT t.id, t.title, e.id, e.title, t.speakers, t.tags, hit.body, hit.rank,"
                + " t.abstract, t.removed_at IS NOT NULL, t.body"
                + " FROM (SELECT rowid AS id, rank, body, "
                + NAMED
                + " AS named FROM talk_search WHERE talk_search MATCH ? AND rank MATCH ?"
                + wholeTags
                + " ORDER BY named DESC, rank LIMIT ?) hit"
                + " JOIN talk t ON t.id = hit.id JOIN event e ON e.id = t.event_id"
                + " ORDER BY hit.named DESC, hit.rank")) {
      ps.setString(1, query.ftsExpression());
      ps.setString(2, RANK);
      for (int k = 0; k < tags.size(); k++) {
        ps.setString(3 + k, tags.get(k));
      }
      ps.setInt(3 + tags.size(), limit);
      List<SearchHit> hits = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          hits.add(hit(query, rs, rs.getDouble(8)));
        }
      }
      return hits;
    }
  }

  /**
   * The hit in the row {@code rs} is on: {@code t.id, t.title, e.id, e.title, t.speakers, t.tags,
   * notes, (any), t.abstract, removed, t.body}, the notes as the index holds them (the column
   * {@code body} of {@code talk_search}: what their page shows, so no passage comes from inside a
   * tag). Where the notes hold a letter the index folds ({@link FoldedLetters}: "Grüße" indexed as
   * "Grüsse"), the passage is cut from their shown text as it was before folding, so it shows and
   * marks the word as written.
   */
  static SearchHit hit(SearchQuery query, ResultSet rs, double rank) throws java.sql.SQLException {
    return new SearchHit(
        rs.getLong(1),
        Rows.title(rs.getString(2)),
        rs.getLong(3),
        Rows.title(rs.getString(4)),
        Rows.lines(rs.getString(5)),
        passage(query, rs),
        rank,
        rs.getBoolean(10));
  }

  /**
   * The best passage of the notes; else of the abstract; else of the title, speakers, tags and
   * event; else the start.
   */
  private static Snippet passage(SearchQuery query, ResultSet rs) throws java.sql.SQLException {
    // The passage is read, not edited: cut from the notes without their Markdown syntax.
    String notes = rs.getString(11);
    String indexed = rs.getString(7);
    String shown =
        notes != null && FoldedLetters.has(notes) ? ShownText.beforeFolding(notes) : indexed;
    Snippet fromNotes = Snippets.of(PlainText.of(shown), query);
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
    String body = shown.strip().replaceAll("\\s+", " ");
    return new Snippet(body.length() <= 100 ? body : body.substring(0, 100) + "…", List.of());
  }
}
