package dev.talkbook.core.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The search language a user types, translated to an SQLite FTS5 expression. Pure: text in,
 * expression out.
 *
 * <ul>
 *   <li>{@code word} — talks containing the word, or a word starting with it when it has at least
 *       {@link #WORD_START_LETTERS} letters ({@code virt} finds "virtual"; a talk with the word
 *       itself ranks first); all words must match. Punctuation typed around or inside it does not
 *       stop that ({@code virtu-}, {@code (virt}, {@code virt.} find what {@code virtu} and {@code
 *       virt} find; {@code virtual-thr} finds "virtual-threads"). A field's word ({@code tag:java})
 *       is whole.
 *   <li>{@code "a phrase"} — the words in this order, whole; while its closing quote is not typed
 *       yet ({@code "virtual thr}), the last word also finds the words starting with it
 *   <li>{@code pref*} — words starting with {@code pref}, however short
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
 *
 * <p>Two kinds of text the index cannot match by itself are helped at query time (the notebook's
 * index stays as it is, so older Talkbooks keep reading and writing it):
 *
 * <ul>
 *   <li>accents the index keeps (all but Latin ones): a word of such a script is looked for in its
 *       spellings with and without them ({@link AccentVariants}), so {@code ελληνικα} finds
 *       "Ελληνικά" and {@code ελληνικά} finds "ελληνικα";
 *   <li>Chinese, Japanese and Korean, which the index does not cut into words: a term with such
 *       letters is also looked for inside the text ({@link Term#insideWords()}, done by the store),
 *       so {@code メモ} finds "日本語のメモです".
 * </ul>
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

  /**
   * A plain word typed with at least this many letters also finds the words starting with it, as
   * search boxes do while one types (and the exported site's search). Shorter ones ("go", "ai")
   * would find too much.
   */
  public static final int WORD_START_LETTERS = 3;

  /**
   * One thing to look for (or, when {@code excluded}, to leave out). {@code prefix}: typed with a
   * {@code *}; {@code wordStart}: a plain word (or a phrase whose quote is not closed) whose last
   * word also finds the words starting with it (see {@link #WORD_START_LETTERS}).
   */
  public record Term(
      String column, String text, boolean prefix, boolean excluded, boolean wordStart) {

    /** A term that is not a plain word finding the words starting with it. */
    public Term(String column, String text, boolean prefix, boolean excluded) {
      this(column, text, prefix, excluded, false);
    }

    /**
     * Whether the term is a tag typed with punctuation ({@code tag:c#}, {@code tag:c++}, {@code
     * tag:.net}), not as a prefix: it finds only talks with that tag, whole and without case (the
     * store's {@code talkbook_has_tag}), as the index cuts words at punctuation and "c#", "c++" and
     * "c" are all its word "c". Wanted, the index's match of its words narrows the talks first;
     * left out ({@code -tag:c#}), it is not in {@link #ftsExpression} at all (which would leave out
     * "c++" too).
     */
    public boolean wholeTag() {
      return "tags".equals(column)
          && !prefix
          && text.codePoints().anyMatch(cp -> !isWordPart(cp) && !Character.isWhitespace(cp));
    }

    /**
     * Whether the term has a name written with its punctuation ({@link PunctuatedNames}: {@code
     * c#}, {@code c++}, {@code .net}, {@code "c# basics"}), not as a prefix nor as a tag (a tag
     * typed with punctuation is {@link #wholeTag()}), and no Chinese, Japanese or Korean letters:
     * found only where the text has the name as written (the store's {@code InsideWords}), as the
     * index cuts "c#", "c++" and "c" alike to its word "c". Left out ({@code -c#}), it is not in
     * {@link #ftsExpression} (which would leave out "c++" too).
     */
    public boolean punctuatedName() {
      return !prefix && !"tags".equals(column) && !CjkText.has(text) && PunctuatedNames.in(text);
    }

    /**
     * Whether the store looks for the term in the talks' text rather than only among the index's
     * words: {@link #insideWords()} or {@link #punctuatedName()}.
     */
    public boolean inText() {
      return insideWords() || punctuatedName();
    }

    /**
     * Whether the term has Chinese, Japanese or Korean letters, which the index does not cut into
     * words ({@link CjkText}): such a term is also looked for inside the text, not only as the
     * index's words.
     */
    public boolean insideWords() {
      return CjkText.has(text);
    }

    /**
     * The text without what stands before its first letter or digit and after its last ("メモ" of
     * "「メモ」。"): the index reads no punctuation, so this is what the text has to hold.
     */
    public String word() {
      int start = 0;
      while (start < text.length() && !isWordPart(text.codePointAt(start))) {
        start += Character.charCount(text.codePointAt(start));
      }
      int end = text.length();
      while (end > start && !isWordPart(text.codePointBefore(end))) {
        end -= Character.charCount(text.codePointBefore(end));
      }
      return text.substring(start, end);
    }

    /**
     * The term as an FTS5 expression: a quoted string (prefix, column filter), or, when its words
     * are of a script whose accents the index keeps, the {@code OR} of its spellings with and
     * without them ({@link AccentVariants}), in parentheses.
     */
    public String toFts() {
      List<String> spellings = spellings(text);
      String match;
      if (wordStart) {
        // The word itself, and words starting with it: a talk with both ranks above one with
        // only a longer word ("java" over "javascript"), as bm25 adds up the terms that match.
        StringBuilder or = new StringBuilder("(");
        for (String s : spellings) {
          if (or.length() > 1) {
            or.append(" OR ");
          }
          or.append(quoted(s, false)).append(" OR ").append(quoted(s, true));
        }
        match = or.append(')').toString();
      } else if (spellings.size() == 1) {
        match = quoted(text);
      } else {
        StringBuilder or = new StringBuilder("(");
        for (String s : spellings) {
          if (or.length() > 1) {
            or.append(" OR ");
          }
          or.append(quoted(s));
        }
        match = or.append(')').toString();
      }
      return column == null ? match : column + " : " + match;
    }

    private String quoted(String s) {
      return quoted(s, prefix);
    }

    private static String quoted(String s, boolean star) {
      return "\"" + s.replace("\"", "\"\"") + "\"" + (star ? "*" : "");
    }
  }

  /** A term longer than this is looked for as typed and without its accents only. */
  private static final int LONGEST_EXPANDED = 200;

  /** At most this many spellings of a phrase of several such words. */
  static final int MAX_PHRASES = 64;

  /**
   * The spellings of a term's text to look for, as typed first, at most {@link AccentVariants#MAX}
   * for one word and {@link #MAX_PHRASES} for a phrase: each word of it in its spellings, the
   * likeliest combinations first (a phrase of two Greek words: both as typed, then one of them
   * otherwise, ...). The text between the words is kept.
   */
  static List<String> spellings(String text) {
    if (text.length() > LONGEST_EXPANDED) {
      return AccentVariants.of(text); // as typed and without accents, if it has any
    }
    List<String> parts = new ArrayList<>(); // gap, word, gap, word, ... (gaps may be empty)
    List<List<String>> choices = new ArrayList<>();
    int expanding = 0;
    int i = 0;
    while (i < text.length()) {
      int start = i;
      while (i < text.length() && !isWordPart(text.codePointAt(i))) {
        i += Character.charCount(text.codePointAt(i));
      }
      parts.add(text.substring(start, i));
      start = i;
      while (i < text.length() && isWordPart(text.codePointAt(i))) {
        i += Character.charCount(text.codePointAt(i));
      }
      String word = text.substring(start, i);
      List<String> variants = word.isEmpty() ? List.of(word) : AccentVariants.of(word);
      expanding += variants.size() > 1 ? 1 : 0;
      choices.add(variants);
    }
    if (expanding == 0) {
      return List.of(text);
    }
    List<String> out = new ArrayList<>();
    int[] rest = new int[choices.size() + 1]; // the most choice left after each word
    for (int w = choices.size() - 1; w >= 0; w--) {
      rest[w] = rest[w + 1] + choices.get(w).size() - 1;
    }
    int[] picked = new int[choices.size()];
    int max = expanding == 1 ? AccentVariants.MAX : MAX_PHRASES;
    for (int sum = 0; sum <= rest[0] && out.size() < max; sum++) {
      combine(parts, choices, rest, picked, 0, sum, max, out);
    }
    return List.copyOf(new LinkedHashSet<>(out));
  }

  /** Adds the combinations whose choice indices add up to {@code sum}, until there are enough. */
  private static void combine(
      List<String> gaps,
      List<List<String>> choices,
      int[] rest,
      int[] picked,
      int word,
      int sum,
      int max,
      List<String> out) {
    if (word == choices.size()) {
      StringBuilder sb = new StringBuilder();
      for (int w = 0; w < choices.size(); w++) {
        sb.append(gaps.get(w)).append(choices.get(w).get(picked[w]));
      }
      out.add(sb.toString());
      return;
    }
    int size = choices.get(word).size();
    for (int k = Math.max(0, sum - rest[word + 1]); k <= Math.min(size - 1, sum); k++) {
      if (out.size() >= max) {
        return;
      }
      picked[word] = k;
      combine(gaps, choices, rest, picked, word + 1, sum - k, max, out);
    }
  }

  /**
   * Letters, digits and the marks on them: what the index's tokenizer keeps in a word ({@link
   * PunctuatedNames} too).
   */
  static boolean isWordPart(int cp) {
    if (Character.isLetterOrDigit(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  /**
   * The first emoji or symbol (Unicode's symbol categories: 🚀, ©, €, →, ^) in {@code text}, with
   * the modifiers and joiners that follow it (👍🏽, 👩‍💻): the index's tokenizer keeps none of
   * them, so a query of them alone finds nothing.
   */
  private static java.util.Optional<String> symbolIn(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int type = Character.getType(cp);
      boolean symbol =
          type == Character.OTHER_SYMBOL
              || type == Character.MATH_SYMBOL
              || type == Character.CURRENCY_SYMBOL
              || type == Character.MODIFIER_SYMBOL;
      // U+FFFD stands for bytes that were not read as text: the command line says that itself.
      if (symbol && cp != '\uFFFD') {
        int end = i + Character.charCount(cp);
        while (end < text.length() && !Character.isWhitespace(text.codePointAt(end))) {
          int next = text.codePointAt(end);
          int nextType = Character.getType(next);
          boolean joined =
              nextType == Character.OTHER_SYMBOL
                  || nextType == Character.MODIFIER_SYMBOL // a skin tone
                  || nextType == Character.FORMAT // the zero-width joiner
                  || nextType == Character.NON_SPACING_MARK; // a variation selector
          if (!joined) {
            break;
          }
          end += Character.charCount(next);
        }
        return java.util.Optional.of(text.substring(i, end));
      }
      i += Character.charCount(cp);
    }
    return java.util.Optional.empty();
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
      boolean quotedValue = text.charAt(i) == '"';
      boolean unclosed = false;
      if (quotedValue) {
        int close = text.indexOf('"', i + 1);
        int end = close < 0 ? n : close;
        value = text.substring(i + 1, end);
        i = close < 0 ? n : close + 1;
        unclosed = close < 0;
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
        String word = value.strip();
        // A word as typed so far: its punctuation does not count ("virtu-", "(virt", "virt.",
        // "virtual-thr" find what "virtu", "virt", "virtual thr" find), and a quote not yet closed
        // is a phrase being typed ("\"virtual thr").
        boolean wordStart =
            (!quotedValue || unclosed)
                && column == null
                && !prefix
                && !excluded
                && !CjkText.has(word) // found inside the text anyway (InsideWords)
                && !PunctuatedNames.lastIsName(word) // a name is whole: .net finds no ".network"
                && word.codePoints().filter(Character::isLetter).count() >= WORD_START_LETTERS;
        terms.add(new Term(column, word, prefix, excluded, wordStart));
      }
    }
    List<Term> wanted = terms.stream().filter(t -> !t.excluded()).toList();
    if (wanted.isEmpty()) {
      throw new QueryException(
          terms.isEmpty()
              ? symbolIn(text)
                  .map(
                      symbol ->
                          "Emoji and symbols such as "
                              + symbol
                              + " are not searched (the index keeps words only): type a word"
                              + " to search for.")
                  .orElse("Type a word to search for.")
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
    List<Term> unwanted =
        terms.stream().filter(t -> t.excluded() && !t.wholeTag() && !t.punctuatedName()).toList();
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
