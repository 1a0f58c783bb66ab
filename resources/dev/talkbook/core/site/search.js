/* Talkbook site search over lunr: loaded (with lunr and search-index.js) on first use.
 *
 * Words are cut as Talkbook's own full-text search (SQLite FTS5, unicode61 remove_diacritics)
 * cuts them: runs of letters and digits, lower case (ς as σ), accents removed, ß as ss, ø as o
 * (FOLDED); a query word typed with ae, oe, ue for ä, ö, ü is also looked for with a, o, u
 * (umlautsUnwritten: "gruesse" finds "Grüße"); no stop words. The exporter
 * writes each talk's notes already cut so (SearchText.java); titles, speakers, tags and events are
 * cut here. The index holds every word and its Porter stem (lunr's stemmer); a query word finds
 * its stem (whole words: "testing" finds "tests") or, as typed, the start of a word ("deplo") when it
 * has three letters or more.
 *
 * Chinese, Japanese and Korean runs have no spaces to cut them into words; Talkbook's own search
 * looks for a term with such letters inside the text. Here a word with such letters is indexed
 * with its letter pairs (pairs(), as SearchText.java does for the notes), and such a query
 * word is looked for as its pairs, all of them required: "メモ" finds "日本語のメモです". A query of
 * one such letter finds the pairs starting with it, and the letter ending a word.
 *
 * Queries are read in Talkbook's search language (parse(), as SearchQuery.java): "a phrase",
 * pref*, -word and the fields title:, speaker:, tag:, event:, notes:. What the index cannot do:
 * a phrase's words stand together in a title, speakers, tags or event, but in the notes they need
 * only all be there (the notes' words are held once each, not where they stand), and abstract: is refused with a message (abstracts are not in the
 * index). */
(function () {
  "use strict";
  var lunr = window.lunr;
  var MARKS = /\p{M}+/gu;
  var SEPARATORS = /[^\p{L}\p{N}]+/u;
  var LETTERS = /\p{L}/gu;
  // Chinese, Japanese and Korean letters: as CjkText.java's (Han, Hiragana, Katakana, Hangul).
  var CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

  /**
   * The letters decomposition leaves whole, as readers type them: FoldedLetters.java's table in
   * lower case (FoldedLettersTest checks that they agree).
   */
  var FOLDED = {
    "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
    "ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st",
    "ﬆ": "st"
  };
  var FOLDED_LETTERS = /[ßæœøłđðþıﬀﬁﬂﬃﬄﬅﬆ]/g;

  /**
   * A query word that may be German with ä, ö, ü typed as ae, oe, ue ("gruesse") with them as a,
   * o, u ("grusse", where "Grüße" is), as FoldedLetters.umlautsUnwritten: null when it has none,
   * fewer than five letters, or its only ue follows a q.
   */
  function umlautsUnwritten(word) {
    var letters = Array.from(word);
    if (letters.length < 5) { return null; }
    var out = "";
    var changed = false;
    for (var i = 0; i < letters.length; i++) {
      var c = letters[i];
      if ((c === "a" || c === "o" || c === "u") && letters[i + 1] === "e"
          && !(c === "u" && letters[i - 1] === "q")) {
        out += c;
        i++;
        changed = true;
      } else {
        out += c;
      }
    }
    return changed ? out : null;
  }

  /** A text folded as the index folds its words. */
  function fold(text) {
    // The final sigma as σ, "ß" as "ss", as the notebook's index (and SearchText.java) fold them.
    return String(text).toLowerCase().normalize("NFD").replace(MARKS, "").replace(/ς/g, "σ")
      .replace(FOLDED_LETTERS, function (c) { return FOLDED[c]; });
  }

  /** The words of a text, as the index holds them. */
  function words(text) {
    if (!text) { return []; }
    return fold(text).split(SEPARATORS).filter(function (w) { return w.length > 0; });
  }

  var WORD = /[\p{L}\p{N}]+/gu;

  /**
   * The words of a text, each with the names it is written as (PunctuatedNames.java: a word
   * starting with a letter, with the run of # and + right after it, "c#", "c++", and with a dot
   * right before it that follows no letter, digit or dot, ".net", ".c#" then not also "c#"; after
   * any other dot, "main.c#", none): [{w, names}], in order. A
   * word with Chinese, Japanese or Korean letters has none.
   */
  function tokens(text) {
    var folded = text ? fold(text) : "";
    var out = [];
    var m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(folded)) !== null) {
      var w = m[0];
      var at = m.index;
      var names = [];
      if (/^\p{L}/u.test(w) && !CJK.test(w)) {
        var end = at + w.length;
        var before = at >= 2 ? folded.charAt(at - 2) : "";
        var dotted = at >= 1 && folded.charAt(at - 1) === ".";
        var lead = dotted && (at === 1
          || (before !== "." && !/[\p{L}\p{N}]/u.test(before)));
        // a dot before it that is not a leading one ("main.c#"): no name; ".c#" is not "c#"
        var trail = dotted && !lead ? "" : /^[#+]*/.exec(folded.substring(end))[0];
        if (trail !== "" && !lead) { names.push(w + trail); }
        if (lead) { names.push("." + w + trail); }
      }
      out.push({ w: w, names: names });
    }
    return out;
  }

  /** The names a text is written with (tokens): "c#", "c++", ".net". */
  function names(text) {
    var out = [];
    tokens(text).forEach(function (t) { Array.prototype.push.apply(out, t.names); });
    return out;
  }

  /**
   * A query's words when it has a name written with its punctuation, as Talkbook's own search
   * reads them (SearchQuery.Term.punctuatedName): each word, or the name it is written as ("c#",
   * ".net" with its dot); null when it has none.
   */
  function nameWords(value) {
    var ts = tokens(value);
    if (!ts.some(function (t) { return t.names.length > 0; })) { return null; }
    return ts.map(function (t) {
      return t.names.length > 0 ? { word: t.names[t.names.length - 1], name: true } : { word: t.w, name: false };
    });
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
    var out = names(text);
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
    var index = lunr(function () {
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
    index.talkbookDocs = docs; // phrases look at where the words stand (findTerm)
    return index;
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
   * The index field each search field a reader can name looks in, as Talkbook's own search
   * (SearchQuery.FIELDS); null: a field the site's index does not hold (the abstract).
   */
  var FIELDS = {
    title: "t", speaker: "s", speakers: "s", by: "s", tag: "g", tags: "g", event: "e",
    notes: "b", body: "b", abstract: null
  };

  /** Whether a character is a letter or a digit (as Java's Character.isLetterOrDigit). */
  function isWordChar(ch) { return /[\p{L}\p{N}]/u.test(ch); }

  /**
   * The search language as Talkbook's own search reads it (SearchQuery.parse): words, "a phrase"
   * (a quote not closed runs to the end), pref*, -word or -"a phrase" to leave out, and field:value
   * for the fields of FIELDS. {terms: [{words, field, prefix, excluded, start}], problem}: a problem
   * is what to tell the reader instead of results (the CLI's words where it refuses the query).
   * A term's words are folded as the index holds them; start: its words (the last one only, of a
   * phrase whose quote is still open) also find the words starting with them.
   */
  function parse(input) {
    var text = String(input || "").replace(/[\u0000-\u001f\u007f-\u009f]/g, " ").trim();
    var terms = [];
    var i = 0;
    var n = text.length;
    while (i < n) {
      if (/\s/.test(text.charAt(i))) { i++; continue; }
      var excluded = false;
      if (text.charAt(i) === "-") {
        excluded = true;
        i++;
        if (i >= n || /\s/.test(text.charAt(i))) { continue; }
      }
      var field;
      var colon = i;
      while (colon < n && /\p{L}/u.test(text.charAt(colon))) { colon++; }
      if (colon > i && colon < n && text.charAt(colon) === ":") {
        var name = text.substring(i, colon).toLowerCase();
        if (Object.prototype.hasOwnProperty.call(FIELDS, name)) {
          if (colon + 1 === n || /\s/.test(text.charAt(colon + 1))) {
            return { terms: [], problem: "Put what to look for right after \"" + text.substring(i, colon + 1)
              + "\", without a space: " + name + ":jshell, " + name + ":\"a phrase\"." };
          }
          if (FIELDS[name] === null) {
            return { terms: [], problem: "The site's search does not look in abstracts (Talkbook's own search does)." };
          }
          field = FIELDS[name];
          i = colon + 1;
        }
      }
      var value;
      var quoted = text.charAt(i) === "\"";
      var unclosed = false;
      if (quoted) {
        var close = text.indexOf("\"", i + 1);
        value = text.substring(i + 1, close < 0 ? n : close);
        unclosed = close < 0;
        i = close < 0 ? n : close + 1;
      } else {
        var end = i;
        while (end < n && !/\s/.test(text.charAt(end))) { end++; }
        value = text.substring(i, end);
        i = end;
      }
      var prefix = false;
      if (i < n && text.charAt(i) === "*") { prefix = true; i++; }
      while (value.charAt(value.length - 1) === "*") { prefix = true; value = value.substring(0, value.length - 1); }
      if (!Array.from(value).some(isWordChar)) { continue; }
      // c#, c++, .net: found only as written (not a prefix, a tag or Chinese, Japanese, Korean)
      var named = prefix || field === "g" || CJK.test(value) ? null : nameWords(value);
      terms.push({
        words: named ? named.map(function (u) { return u.word; }) : words(value),
        names: named,
        // a tag typed with punctuation (tag:c#), found whole: the words cut it as "c", as "c++"
        tag: field === "g" && !prefix && /[^\p{L}\p{N}\p{M}\s]/u.test(value) ? tagKey(value) : null,
        field: field,
        prefix: prefix,
        excluded: excluded,
        // a plain word as typed so far: each of its words also finds the words starting with it
        plain: !quoted && field === undefined && !prefix && !excluded,
        open: quoted && unclosed && field === undefined && !excluded
      });
    }
    var wanted = terms.filter(function (t) { return !t.excluded; });
    if (wanted.length === 0) {
      return { terms: [], problem: terms.length === 0 ? "Type a word to search for."
        : "Add a word to search for: \"-\" only leaves out talks, it finds none by itself." };
    }
    return { terms: terms, problem: null };
  }

  /**
   * A tag as Talkbook compares tags (Tags.key: NFC, without case in any script; a leading "#"
   * dropped as Tags.clean drops it; accents dropped as the index drops them, as HasTag.java), as
   * its words: ["c#"], ["c#", "basics"].
   */
  function tagKey(tag) {
    var t = String(tag).trim().replace(/^#+\s*/, "").normalize("NFC").toUpperCase().toLowerCase()
      .replace(FOLDED_LETTERS, function (c) { return FOLDED[c]; }).normalize("NFD").replace(MARKS, "");
    return t.split(/\s+/).filter(function (w) { return w !== ""; });
  }

  /**
   * Whether one of a talk's tags is the tag (tagKey) whole, as talkbook search compares them
   * (HasTag.java): the index's "g" holds the tags a line each, so "c#" is not found in "c# basics".
   */
  function hasTag(doc, key) {
    var tags = String(doc && doc.g ? doc.g : "").split("\n");
    for (var k = 0; k < tags.length; k++) {
      var have = tagKey(tags[k]);
      if (have.length === key.length && have.every(function (w, j) { return w === key[j]; })) {
        return true;
      }
    }
    return false;
  }

  /** What to tell the reader instead of results for the text (null: look for it). */
  function problem(text) { return parse(text).problem; }

  /**
   * The documents holding one word of a term ({ref: score}): whole, by its stem; with start, as
   * typed, the start of a word too; in the term's field or in all.
   */
  function findWord(index, word, field, start, name) {
    var found = Object.create(null);
    index.query(function (q) {
      if (name) {
        // a name as written: the word itself, not its stem
        q.term(word, field ? { boost: 10, fields: [field], usePipeline: false } : { boost: 10, usePipeline: false });
        return;
      }
      // lunr keeps the options object as the clause (and writes the term into it): one each.
      function whole() { return field ? { boost: 10, fields: [field] } : { boost: 10 }; }
      function begun() {
        var b = { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING };
        if (field) { b.fields = [field]; }
        return b;
      }
      q.term(word, whole());
      if (start) { q.term(word, begun()); }
      var unwritten = umlautsUnwritten(word);
      if (unwritten !== null) {
        q.term(unwritten, whole());
        if (start) { q.term(unwritten, begun()); }
      }
    }).forEach(function (r) { found[r.ref] = r.score; });
    return found;
  }

  /**
   * The documents holding every word of a term ({ref: score}): a word with Chinese, Japanese or
   * Korean letters as its pairs. A phrase's words need not stand together (the index holds each
   * word of the notes once, not where it stands).
   */
  function findTerm(index, term) {
    var units = [];
    term.words.forEach(function (w, k) {
      var last = k === term.words.length - 1;
      if (term.names && term.names[k].name) {
        units.push({ word: w, start: false, name: true });
      } else if (CJK.test(w)) {
        var ps = pairs(w, true);
        ps.forEach(function (p) {
          // One Chinese, Japanese or Korean letter: the pairs starting with it too.
          units.push({ word: p, start: Array.from(p).length === 1 || (term.prefix && last) });
        });
      } else {
        units.push({
          word: w,
          start: (term.prefix && last) || ((term.plain || (term.open && last)) && startsWords(w))
        });
      }
    });
    var scores = null;
    for (var n = 0; n < units.length; n++) {
      var found = findWord(index, units[n].word, term.field, units[n].start, units[n].name);
      scores = scores === null ? found : both(scores, found);
      if (Object.keys(scores).length === 0) { break; }
    }
    scores = scores || Object.create(null);
    if (units.length < 2 || term.words.some(function (w) { return CJK.test(w); })) { return scores; }
    // Words that make a phrase stand together in one field: in the title, speakers, tags or event
    // (whose text the documents have), or, in the notes, all of them (where they stand is not known).
    var inNotes = null;
    if (!term.field || term.field === "b") {
      units.forEach(function (u) {
        var found = findWord(index, u.word, "b", u.start, u.name);
        inNotes = inNotes === null ? found : both(inNotes, found);
      });
    }
    var fields = term.field ? [term.field] : ["t", "s", "g", "e"];
    var docs = index.talkbookDocs || [];
    var kept = Object.create(null);
    for (var ref in scores) {
      var doc = docs[Number(ref)] || {};
      if ((inNotes && ref in inNotes) || fields.some(function (f) {
        return f !== "b" && standTogether(tokens(doc[f]), units);
      })) {
        kept[ref] = scores[ref];
      }
    }
    return kept;
  }

  /**
   * Whether the words of a field (tokens) have the units one after the other (by stem, or as a
   * start; a name as written).
   */
  function standTogether(fieldTokens, units) {
    var stems = units.map(function (u) { return stem(u.word); });
    var others = units.map(function (u) { return umlautsUnwritten(u.word); });
    for (var k = 0; k + units.length <= fieldTokens.length; k++) {
      var all = true;
      for (var j = 0; j < units.length && all; j++) {
        var w = fieldTokens[k + j].w;
        if (units[j].name) {
          all = fieldTokens[k + j].names.indexOf(units[j].word) >= 0;
          continue;
        }
        all = w === units[j].word || stem(w) === stems[j] || (units[j].start && w.indexOf(units[j].word) === 0)
          || (others[j] !== null && (w === others[j] || stem(w) === stem(others[j])
            || (units[j].start && w.indexOf(others[j]) === 0)));
      }
      if (all) { return true; }
    }
    return false;
  }

  function stem(word) { return lunr.stemmer(new lunr.Token(word)).toString(); }

  /** The documents in both, their scores added. */
  function both(a, b) {
    var out = Object.create(null);
    for (var ref in a) {
      if (ref in b) { out[ref] = a[ref] + b[ref]; }
    }
    return out;
  }

  /**
   * The documents the text finds, in the search language (parse), best first: [{ref, score}];
   * none when the text has a problem.
   */
  function find(index, text) {
    var query = parse(text);
    if (query.problem) { return []; }
    var scores = null;
    var wanted = query.terms.filter(function (t) { return !t.excluded; });
    for (var n = 0; n < wanted.length; n++) {
      var found = findTerm(index, wanted[n]);
      scores = scores === null ? found : both(scores, found);
      if (Object.keys(scores).length === 0) { return []; }
    }
    var docs = index.talkbookDocs || [];
    wanted.filter(function (t) { return t.tag !== null; }).forEach(function (t) {
      for (var ref in scores) {
        if (!hasTag(docs[Number(ref)], t.tag)) { delete scores[ref]; }
      }
    });
    query.terms.filter(function (t) { return t.excluded; }).forEach(function (t) {
      if (t.tag !== null) {
        // only that tag, not the others its words are ("-tag:c#" keeps "c++")
        for (var r in scores) {
          if (hasTag(docs[Number(r)], t.tag)) { delete scores[r]; }
        }
        return;
      }
      var left = findTerm(index, t);
      for (var ref in left) { delete scores[ref]; }
    });
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

  window.TalkbookSearch = { words: words, build: build, find: find, problem: problem, documents: documents };
})();
