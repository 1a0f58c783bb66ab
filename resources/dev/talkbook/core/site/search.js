/* Talkbook site search over lunr: loaded (with lunr and search-index.js) on first use.
 *
 * Words are cut as Talkbook's own full-text search (SQLite FTS5, unicode61 remove_diacritics)
 * cuts them: runs of letters and digits, lower case (ς as σ), accents removed; no stop words. The exporter
 * writes each talk's notes already cut so (SearchText.java); titles, speakers, tags and events are
 * cut here. The index holds every word and its Porter stem (lunr's stemmer); a query word finds
 * its stem (whole words: "testing" finds "tests") or, as typed, the start of a word ("deplo") when it
 * has three letters or more.
 *
 * Chinese, Japanese and Korean runs have no spaces to cut them into words; Talkbook's own search
 * looks for a term with such letters inside the text. Here a word with such letters is indexed
 * with its letter pairs (pairs(), as SearchText.java does for the notes), and such a query
 * word is looked for as its pairs, all of them required: "メモ" finds "日本語のメモです". A query of
 * one such letter finds the pairs starting with it, and the letter ending a word. */
(function () {
  "use strict";
  var lunr = window.lunr;
  var MARKS = /\p{M}+/gu;
  var SEPARATORS = /[^\p{L}\p{N}]+/u;
  var LETTERS = /\p{L}/gu;
  // Chinese, Japanese and Korean letters: as CjkText.java's (Han, Hiragana, Katakana, Hangul).
  var CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

  /** The words of a text, as the index holds them. */
  function words(text) {
    if (!text) { return []; }
    // The final sigma as σ, as the notebook's index (and SearchText.java) fold it.
    var folded = String(text).toLowerCase().normalize("NFD").replace(MARKS, "").replace(/ς/g, "σ");
    return folded.split(SEPARATORS).filter(function (w) { return w.length > 0; });
  }

  /**
   * The pieces of a word (folded, with Chinese, Japanese or Korean letters) the index holds beside
   * it, as SearchText.java's pairs(): each two letters side by side of which one at least is such
   * a letter, and the last letter when it is one; a Korean syllable is one letter. With
   * {@code asQuery}, what a query word is looked for as: its pairs, or its one letter.
   */
  function pairs(word, asQuery) {
    var letters = Array.from(word.normalize("NFC"));
    var out = [];
    for (var k = 0; k < letters.length; k++) {
      var cjk = CJK.test(letters[k]);
      if (k + 1 < letters.length) {
        if (cjk || CJK.test(letters[k + 1])) { out.push(letters[k] + letters[k + 1]); }
      } else if (cjk && (!asQuery || letters.length === 1)) {
        out.push(letters[k]);
      }
    }
    return out;
  }

  /**
   * The words of a text as the index holds them: of a word with Chinese, Japanese or Korean
   * letters its pairs too, and only them when it starts with such a letter (no query word of
   * other letters is it or its start), as SearchText.java writes the notes.
   */
  function indexWords(text) {
    var out = [];
    words(text).forEach(function (w) {
      if (!CJK.test(w)) {
        out.push(w);
        return;
      }
      if (!CJK.test(String.fromCodePoint(w.codePointAt(0)))) { out.push(w); }
      Array.prototype.push.apply(out, pairs(w, false));
    });
    return out;
  }

  /** Index pipeline: each word, and its stem when that differs. */
  function wordAndStem(token) {
    var stem = lunr.stemmer(token.clone());
    return stem.toString() === token.toString() ? token : [token, stem];
  }
  lunr.Pipeline.registerFunction(wordAndStem, "talkbookWordAndStem");

  /** The lunr index of the documents (position in the list is the ref). */
  function build(docs) {
    return lunr(function () {
      this.pipeline.reset();
      this.pipeline.add(wordAndStem);
      this.searchPipeline.reset();
      this.searchPipeline.add(lunr.stemmer);
      this.metadataWhitelist = [];
      this.ref("i");
      this.field("t", { boost: 10 });
      this.field("s", { boost: 5 });
      this.field("g", { boost: 5 });
      this.field("e", { boost: 2 });
      this.field("b");
      var builder = this;
      docs.forEach(function (d, i) {
        builder.add({
          i: String(i),
          t: indexWords(d.t),
          s: indexWords(d.s),
          g: indexWords(d.g),
          e: indexWords(d.e),
          b: d.b ? d.b.split(" ") : []
        });
      });
    });
  }

  /**
   * Whether a word typed also finds the words starting with it: one of three letters or more, as in
   * Talkbook's own search (SearchQuery's WORD_START_LETTERS), so "c" or "ab" is a whole word.
   */
  function startsWords(word) {
    var letters = word.match(LETTERS);
    return letters !== null && letters.length >= 3;
  }

  /**
   * The documents holding every word of the text (each word whole, by its stem, or as the start
   * of a word; a word with Chinese, Japanese or Korean letters as its pairs), best first:
   * [{ref, score}].
   */
  function find(index, text) {
    var terms = [];
    words(text).forEach(function (w) {
      (CJK.test(w) ? pairs(w, true) : [w]).forEach(function (t) {
        if (terms.indexOf(t) < 0) { terms.push(t); }
      });
    });
    if (terms.length === 0) { return []; }
    var scores = null;
    for (var n = 0; n < terms.length; n++) {
      var word = terms[n];
      var found = Object.create(null);
      // One Chinese, Japanese or Korean letter: the pairs starting with it too.
      var start = startsWords(word) || (CJK.test(word) && Array.from(word).length === 1);
      index.query(function (q) {
        q.term(word, { boost: 10 });
        if (start) {
          q.term(word, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING });
        }
      }).forEach(function (r) { found[r.ref] = r.score; });
      if (scores === null) {
        scores = found;
      } else {
        var both = Object.create(null);
        for (var ref in scores) {
          if (ref in found) { both[ref] = scores[ref] + found[ref]; }
        }
        scores = both;
      }
      if (Object.keys(scores).length === 0) { return []; }
    }
    return Object.keys(scores)
      .map(function (ref) { return { ref: ref, score: scores[ref] }; })
      .sort(function (a, b) { return b.score - a.score || Number(a.ref) - Number(b.ref); });
  }

  /**
   * The documents of search-index.js's parts (each part file adds its talks to
   * TALKBOOK_SEARCH_PARTS), in the index's order.
   */
  function documents() {
    var parts = window.TALKBOOK_SEARCH_PARTS || {};
    var docs = [];
    (window.TALKBOOK_SEARCH_INDEX || []).forEach(function (path) {
      (parts[path] || []).forEach(function (d) { docs.push(d); });
    });
    return docs;
  }

  window.TalkbookSearch = { words: words, build: build, find: find, documents: documents };
})();
