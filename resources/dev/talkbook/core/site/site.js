/* Talkbook site: code highlighting, copy buttons, larger images and search. Pages work without
   this file; only these extras need it. */
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

  // Code blocks: a Copy button on each.
  function copyWithSelection(text) {
    var area = document.createElement("textarea");
    area.className = "copy-buffer";
    area.value = text;
    area.setAttribute("readonly", "");
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
    document.body.removeChild(area);
    return copied;
  }

  function copyText(text, done) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(
        function () { done(true); },
        function () { done(copyWithSelection(text)); });
    } else {
      done(copyWithSelection(text));
    }
  }

  document.querySelectorAll(".notes pre > code").forEach(function (code) {
    var pre = code.parentNode;
    var block = document.createElement("div");
    block.className = "code-block";
    pre.parentNode.insertBefore(block, pre);
    block.appendChild(pre);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-code";
    button.textContent = "Copy";
    button.setAttribute("aria-label", pre.classList.contains("output") ? "Copy the output" : "Copy the code");
    var reset = null;
    button.addEventListener("click", function () {
      copyText(code.textContent, function (copied) {
        button.textContent = copied ? "Copied" : "Select and copy";
        clearTimeout(reset);
        reset = setTimeout(function () { button.textContent = "Copy"; }, 2000);
      });
    });
    block.appendChild(button);
  });

  // Images: shown larger on click (or Enter), in a dialog over the page; Esc or a click closes it.
  var pictures = Array.prototype.filter.call(
    document.querySelectorAll(".notes img"),
    function (img) { return !img.closest("a"); });
  var viewer = document.createElement("dialog");
  if (pictures.length > 0 && typeof viewer.showModal === "function") {
    viewer.className = "lightbox";
    viewer.setAttribute("aria-label", "Image");
    var large = document.createElement("img");
    var close = document.createElement("button");
    close.type = "button";
    close.className = "lightbox-close";
    close.textContent = "×";
    close.setAttribute("aria-label", "Close");
    viewer.appendChild(large);
    viewer.appendChild(close);
    document.body.appendChild(viewer);
    var opener = null;
    viewer.addEventListener("click", function () { viewer.close(); });
    viewer.addEventListener("close", function () {
      large.removeAttribute("src");
      if (opener) { opener.focus(); }
    });
    pictures.forEach(function (img) {
      img.classList.add("zoomable");
      img.tabIndex = 0;
      img.setAttribute("role", "button");
      img.setAttribute("aria-label", "Show larger" + (img.alt ? ": " + img.alt : ""));
      function open() {
        opener = img;
        large.src = img.currentSrc || img.src;
        large.alt = img.alt;
        viewer.showModal();
        close.focus();
      }
      img.addEventListener("click", open);
      img.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(); }
      });
    });
  }

  // Search: lunr over the documents of search-index.js's parts, loaded on first use.
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
          // the index is in parts (a part per event, at most a few hundred talks each)
          var files = window.TALKBOOK_SEARCH_INDEX || [];
          var left = files.length;
          function ready() {
            docs = window.TalkbookSearch.documents();
            index = window.TalkbookSearch.build(docs);
            if (pending) { pending(); }
          }
          if (left === 0) { ready(); return; }
          files.forEach(function (file) {
            load(file, function () {
              left--;
              if (left === 0) { ready(); }
            });
          });
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
    var details = [d.w, d.s, d.e].filter(Boolean).join(" · ");
    if (d.c) {
      // gone from the programme: marked as the lists of talks mark it
      li.className = "cancelled";
      var label = document.createElement("span");
      label.className = "cancelled-label";
      label.textContent = "Cancelled";
      meta.appendChild(label);
      if (details) { details = " · " + details; }
    }
    meta.appendChild(document.createTextNode(details));
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
      // a query the search language refuses says why, as Talkbook's own search does
      var problem = window.TalkbookSearch.problem(input.value);
      if (problem) { showMessage(problem); return; }
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
          // the keyboard goes on where the list does: at the first talk just shown
          var shown = results.children[SHOWN];
          if (shown) { shown.querySelector("a").focus(); }
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
    if (e.key === "ArrowDown") {
      var first = results.querySelector("a");
      if (first) { e.preventDefault(); first.focus(); }
    }
  });
  // Up and Down from one result to the next; Up from the first goes back to the box.
  results.addEventListener("keydown", function (e) {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") { return; }
    var links = Array.prototype.slice.call(results.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (at < 0) { return; }
    e.preventDefault();
    if (e.key === "ArrowDown") {
      if (at + 1 < links.length) { links[at + 1].focus(); }
    } else if (at === 0) {
      input.focus();
    } else {
      links[at - 1].focus();
    }
  });
  // Enter in the box opens the best result (the list says when there is none).
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    clearTimeout(timer);
    if (input.value.trim() === "") { return; }
    ensureIndex(function () {
      var hits = window.TalkbookSearch.find(index, input.value);
      if (hits.length > 0) {
        window.location.href = root + docs[Number(hits[0].ref)].u;
      } else {
        search();
      }
    });
  });
})();
