/* Talkbook site: code highlighting and search. Pages work without this file; only search needs it. */
(function () {
  "use strict";
  var root = document.body.getAttribute("data-root") || "";

  function load(src, done) {
    var s = document.createElement("script");
    s.src = root + src;
    s.onload = done;
    s.onerror = function () { showMessage("Search could not be loaded."); };
    document.head.appendChild(s);
  }

  // Code blocks: highlight.js, loaded only on pages that have code.
  var blocks = document.querySelectorAll("pre > code[class*='language-']:not(.nohighlight)");
  if (blocks.length > 0) {
    load("assets/highlight.min.js", function () {
      if (!window.hljs) { return; }
      window.hljs.configure({ ignoreUnescapedHTML: true });
      blocks.forEach(function (b) {
        var known = Array.prototype.some.call(b.classList, function (c) {
          return c.indexOf("language-") === 0 && window.hljs.getLanguage(c.substring(9));
        });
        if (known) { window.hljs.highlightElement(b); }
      });
    });
  }

  // Search: lunr over the prebuilt documents in search-index.js, loaded on first use.
  var form = document.getElementById("tb-search");
  var input = document.getElementById("tb-q");
  var results = document.getElementById("tb-results");
  if (!form || !input || !results) { return; }
  form.hidden = false;
  var index = null;
  var docs = null;
  var loading = false;
  var pending = null;

  function showMessage(text) {
    results.textContent = "";
    var li = document.createElement("li");
    li.className = "search-message";
    li.textContent = text;
    results.appendChild(li);
  }

  function ensureIndex(then) {
    if (index) { then(); return; }
    pending = then;
    if (loading) { return; }
    loading = true;
    showMessage("Loading search…");
    load("assets/lunr.min.js", function () {
      load("assets/search.js", function () {
        load("search-index.js", function () {
          docs = window.TALKBOOK_SEARCH || [];
          index = window.TalkbookSearch.build(docs);
          if (pending) { pending(); }
        });
      });
    });
  }

  var SHOWN = 20;

  function addHit(h) {
    var d = docs[Number(h.ref)];
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = root + d.u;
    a.textContent = d.t;
    li.appendChild(a);
    var meta = document.createElement("span");
    meta.className = "search-meta";
    meta.textContent = [d.s, d.e].filter(Boolean).join(" · ");
    li.appendChild(meta);
    results.appendChild(li);
  }

  function search() {
    var text = input.value.trim();
    if (text === "") { results.textContent = ""; return; }
    ensureIndex(function () {
      var hits = window.TalkbookSearch.find(index, input.value);
      results.textContent = "";
      results.setAttribute("data-for", input.value);
      if (hits.length === 0) { showMessage("No talks found."); return; }
      hits.slice(0, SHOWN).forEach(addHit);
      if (hits.length > SHOWN) {
        var li = document.createElement("li");
        li.className = "search-more";
        var more = document.createElement("button");
        more.type = "button";
        more.textContent = "Show all " + hits.length + " talks";
        more.addEventListener("click", function () {
          results.removeChild(li);
          hits.slice(SHOWN).forEach(addHit);
        });
        li.appendChild(more);
        results.appendChild(li);
      }
    });
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 120);
  });
  input.addEventListener("focus", function () { ensureIndex(function () { if (input.value) { search(); } }); });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { input.value = ""; results.textContent = ""; }
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    search();
    var first = results.querySelector("a");
    if (first) { first.focus(); }
  });
})();
