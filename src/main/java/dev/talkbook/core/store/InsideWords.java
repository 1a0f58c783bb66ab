package dev.talkbook.core.store;

import dev.talkbook.core.search.SearchHit;
import dev.talkbook.core.search.SearchQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A search with a Chinese, Japanese or Korean term ({@link SearchQuery.Term#insideWords()}): the
 * index makes a whole run of such letters one word, so such a term is found where the index has it
 * (as its words, FTS5) or where the text has it inside a run ({@code instr} over the talk's title,
 * speakers, tags, event, notes and abstract), each talk once. The other terms are FTS5's as usual;
 * a column filter keeps to its column; an excluded term leaves out talks found either way.
 *
 * <p>A term with a name typed with its punctuation ({@link SearchQuery.Term#punctuatedName()}:
 * {@code c#}, {@code c++}, {@code .net}), which the index cuts to its word ("c"), is found where
 * the text has it as written ({@link NameCount}), among the talks whose index has its words; its
 * counts are that function's, ranked as a CJK term's. Left out, it leaves out only those talks.
 *
 * <p>Sorted as {@link SearchStore} sorts: where a word is first ({@link SearchStore#NAMED}: in the
 * title, the speakers or tags, elsewhere), then ranked like FTS5 ranks ({@link SearchStore#RANK}):
 * bm25 with the same column weights, its counts the term's occurrences in each column, the row's
 * length in characters against the average of the talks found, and the term's rarity among them
 * against the whole notebook; added to FTS5's own rank of the other terms. Reading every talk's
 * text costs ≈ 55 ms on 10,000 talks of 5 KB notes; only queries with such a term pay it.
 */
final class InsideWords {
  /**
   * The talk's text the index holds, in the index's column order (see {@link #WEIGHTS}); the notes
   * as the index holds them ({@code s.body}: what their page shows, {@link ShownText}), so no term
   * is found inside a raw HTML tag where the index would not find it.
   */
  private static final List<String> COLUMNS =
      List.of("t.title", "t.speakers", "t.tags", "e.title", "s.body", "t.abstract");

  /** The index's column names, in its order. */
  private static final List<String> INDEX_COLUMNS =
      List.of("title", "speakers", "tags", "event", "body", "abstract");

  private static final double K1 = 1.2;
  private static final double B = 0.75;

  private InsideWords() {}

  /** The best {@code limit} hits and how many talks match in all. */
  static SearchStore.Page search(Connection c, SearchQuery query, int limit) throws SQLException {
    List<SearchQuery.Term> inside =
        query.terms().stream().filter(SearchQuery.Term::inText).toList();
    List<SearchQuery.Term> counted = inside.stream().filter(t -> !t.excluded()).toList();
    String ftsWanted =
        query.terms().stream()
            .filter(t -> !t.inText() && !t.excluded())
            .map(SearchQuery.Term::toFts)
            .collect(Collectors.joining(" AND "));
    String ftsExcluded =
        query.terms().stream()
            .filter(t -> !t.inText() && t.excluded() && !t.wholeTag())
            .map(SearchQuery.Term::toFts)
            .collect(Collectors.joining(" OR "));

    List<String> select = new ArrayList<>();
    List<String> join = new ArrayList<>();
    List<String> where = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT t.id, ");
    sql.append(ftsWanted.isEmpty() ? "0, 0" : "f.rank, f.named");
    for (SearchQuery.Term term : counted) {
      if (term.punctuatedName()) {
        for (int col : columns(term)) {
          sql.append(", ").append(nameCount(col));
          select.add(term.text());
          select.add(term.wordStart() ? "1" : "0");
        }
        continue;
      }
      String needle = needle(term);
      for (int col : columns(term)) {
        String text = text(term, col);
        // Characters the term's occurrences take up (divided by the term's length below).
        sql.append(", length(").append(text).append(") - length(replace(");
        sql.append(text).append(", ?, ''))");
        select.add(needle);
      }
    }
    sql.append(", ")
        .append(
            COLUMNS.stream().map(col -> "length(" + col + ")").collect(Collectors.joining(" + ")))
        .append(
            " FROM talk t JOIN event e ON e.id = t.event_id"
                + " JOIN talk_search s ON s.rowid = t.id");
    if (!ftsWanted.isEmpty()) {
      sql.append(
          " JOIN (SELECT rowid AS id, rank, "
              + SearchStore.NAMED
              + " AS named FROM talk_search"
              + " WHERE talk_search MATCH ? AND rank MATCH ?) f ON f.id = t.id");
      join.add(ftsWanted);
      join.add(SearchStore.RANK);
    }
    sql.append(" WHERE 1");
    for (SearchQuery.Term term : inside) {
      if (term.punctuatedName()) {
        // The talks whose index has the name's words (c# as "c": c++ and c too), then, counted
        // in the select (wanted) or here (left out), those whose text has it as written.
        String indexed = "t.id IN (SELECT rowid FROM talk_search WHERE talk_search MATCH ?)";
        where.add(term.toFts());
        if (!term.excluded()) {
          sql.append(" AND ").append(indexed);
          continue;
        }
        sql.append(" AND NOT CASE WHEN ").append(indexed).append(" THEN (");
        String or = "";
        for (int col : columns(term)) {
          sql.append(or).append(nameCount(col)).append(" > 0");
          where.add(term.text());
          where.add(term.wordStart() ? "1" : "0");
          or = " OR ";
        }
        sql.append(") ELSE 0 END");
        continue;
      }
      sql.append(term.excluded() ? " AND NOT (" : " AND (");
      for (int col : columns(term)) {
        sql.append("instr(").append(text(term, col)).append(", ?) > 0 OR ");
        where.add(needle(term));
      }
      // Where the index has it as its words: a phrase across a line break, a run the user typed
      // in two words.
      sql.append("t.id IN (SELECT rowid FROM talk_search WHERE talk_search MATCH ?))");
      where.add(term.toFts());
    }
    if (!ftsExcluded.isEmpty()) {
      sql.append(" AND t.id NOT IN (SELECT rowid FROM talk_search WHERE talk_search MATCH ?)");
      where.add(ftsExcluded);
    }
    sql.append(HasTag.conditions(query, "t.tags", where));

    List<Found> found = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      int p = 1;
      for (List<String> params : List.of(select, join, where)) {
        for (String param : params) {
          ps.setString(p++, param);
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        rows:
        while (rs.next()) {
          int at = 2;
          double base = rs.getDouble(at++);
          int named = rs.getInt(at++);
          double[][] counts = new double[counted.size()][];
          for (int i = 0; i < counted.size(); i++) {
            SearchQuery.Term term = counted.get(i);
            int length =
                term.punctuatedName() ? 1 : needle(term).codePointCount(0, needle(term).length());
            counts[i] = new double[COLUMNS.size()];
            for (int col : columns(term)) {
              counts[i][col] = (double) rs.getLong(at++) / length;
            }
            if (term.punctuatedName() && sum(counts[i]) == 0) {
              continue rows; // the index's words, but not the name as written
            }
            // As SearchStore.NAMED: in the title 2, else in the speakers or tags 1.
            named = Math.max(named, counts[i][0] > 0 ? 2 : counts[i][1] + counts[i][2] > 0 ? 1 : 0);
          }
          found.add(new Found(rs.getLong(1), base, named, counts, rs.getLong(at)));
        }
      }
    }
    List<Ranked> best = ranked(found, counted.size(), talks(c)).stream().limit(limit).toList();
    return new SearchStore.Page(hits(c, query, best), found.size());
  }

  /**
   * A talk found: its id, FTS5's rank of the other terms, where a word is ({@link
   * SearchStore#NAMED}), the counts, its length.
   */
  private record Found(long id, double base, int named, double[][] counts, long length) {}

  /**
   * A talk found, where a word is in it and its rank: the higher {@code named} first, then the
   * lower rank.
   */
  private record Ranked(long id, int named, double rank) {}

  /** bm25 as FTS5 computes it, for each counted term, added to FTS5's rank of the others. */
  private static List<Ranked> ranked(List<Found> found, int terms, long talks) {
    double average = found.stream().mapToLong(Found::length).average().orElse(1);
    double[] idf = new double[terms];
    for (int i = 0; i < terms; i++) {
      int term = i;
      long having = found.stream().filter(f -> sum(f.counts()[term]) > 0).count();
      idf[i] = Math.log((talks - having + 0.5) / (having + 0.5));
      if (idf[i] <= 0) {
        idf[i] = 1e-6; // as FTS5's bm25: a term in most talks still counts a little
      }
    }
    List<Ranked> ranked = new ArrayList<>(found.size());
    for (Found f : found) {
      double rank = f.base();
      double norm = K1 * (1 - B + B * Math.max(f.length(), 1) / Math.max(average, 1));
      for (int i = 0; i < terms; i++) {
        double weighted = 0;
        for (int col = 0; col < SearchStore.WEIGHTS.length; col++) {
          weighted += SearchStore.WEIGHTS[col] * f.counts()[i][col];
        }
        rank -= idf[i] * weighted * (K1 + 1) / (weighted + norm);
      }
      ranked.add(new Ranked(f.id(), f.named(), rank));
    }
    ranked.sort(
        Comparator.comparingInt(Ranked::named)
            .reversed()
            .thenComparingDouble(Ranked::rank)
            .thenComparingLong(Ranked::id));
    return ranked;
  }

  private static double sum(double[] counts) {
    double sum = 0;
    for (double n : counts) {
      sum += n;
    }
    return sum;
  }

  /** The hits for the talks in {@code best}, in its order. */
  private static List<SearchHit> hits(Connection c, SearchQuery query, List<Ranked> best)
      throws SQLException {
    if (best.isEmpty()) {
      return List.of();
    }
    String ids = best.stream().map(r -> "?").collect(Collectors.joining(", "));
    Map<Long, SearchHit> byId = new HashMap<>();
    Map<Long, Double> rank = new HashMap<>();
    best.forEach(r -> rank.put(r.id(), r.rank()));
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT t.id, t.title, e.id, e.title, t.speakers, t.tags, s.body, 0, t.abstract,"
                + " t.removed_at IS NOT NULL, t.body"
                + " FROM talk t JOIN event e ON e.id = t.event_id"
                + " JOIN talk_search s ON s.rowid = t.id WHERE t.id IN ("
                + ids
                + ")")) {
      for (int i = 0; i < best.size(); i++) {
        ps.setLong(i + 1, best.get(i).id());
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byId.put(rs.getLong(1), SearchStore.hit(query, rs, rank.get(rs.getLong(1))));
        }
      }
    }
    return best.stream().map(r -> byId.get(r.id())).toList();
  }

  private static long talks(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM talk");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /** The SQL counting a name's occurrences in column {@code col} ({@link NameCount}). */
  private static String nameCount(int col) {
    return NameCount.NAME + "(" + COLUMNS.get(col) + ", ?, ?)";
  }

  /** The columns a term looks in ({@link #COLUMNS}' indices): its field's, or all. */
  private static List<Integer> columns(SearchQuery.Term term) {
    if (term.column() == null) {
      return List.of(0, 1, 2, 3, 4, 5);
    }
    return List.of(INDEX_COLUMNS.indexOf(term.column()));
  }

  /**
   * Column {@code col} as the term is looked for in it: lower case (ASCII, as SQLite's {@code
   * lower} has it) when the term has ASCII letters ("java日本語" for "Java日本語"), else as it is: {@code
   * lower} copies the text, and Chinese, Japanese and Korean letters have no case.
   */
  private static String text(SearchQuery.Term term, int col) {
    return hasCase(term.word()) ? "lower(" + COLUMNS.get(col) + ")" : COLUMNS.get(col);
  }

  /**
   * The term's text as looked for inside the talk's text: without the punctuation around it ("メモ。"
   * is looked for as "メモ"), lower case.
   */
  private static String needle(SearchQuery.Term term) {
    String word = term.word();
    if (!hasCase(word)) {
      return word;
    }
    StringBuilder sb = new StringBuilder(word);
    for (int i = 0; i < sb.length(); i++) {
      char ch = sb.charAt(i);
      if (ch >= 'A' && ch <= 'Z') {
        sb.setCharAt(i, (char) (ch + 32));
      }
    }
    return sb.toString();
  }

  private static boolean hasCase(String text) {
    return text.chars().anyMatch(ch -> ch < 128 && Character.isLetter(ch));
  }
}
