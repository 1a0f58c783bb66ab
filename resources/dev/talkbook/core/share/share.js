/* Talkbook live share: the page follows the presenter's notes and code over Server-Sent Events.
   Every event has a number; a dropped connection comes back with the last one it saw
   (Last-Event-ID) and the server sends what was missed, or the whole talk when too much was.
   Notes arrive as HTML the server has sanitized; code and output are only ever set as text. */
(function () {
  "use strict";

  // The page's own parts carry data-tb, which no note can (the sanitizer drops it).
  function part(name) { return document.querySelector("[data-tb='" + name + "']"); }

  var body = document.body;
  var bar = part("bar");
  var statusEl = part("status");
  var followBox = part("follow");
  var themeButton = part("theme");
  var codeLink = part("code-link");
  var codeCount = part("code-count");
  var header = part("header");
  var notes = part("notes");
  var live = part("live");
  var code = part("code");
  var codeEmpty = part("code-empty");
  var hlLight = part("hl-light");
  var hlDark = part("hl-dark");
  if (!notes || !code || !bar) { return; }

  var version = Number(body.getAttribute("data-version")) || 0;
  var pos = Number(body.getAttribute("data-pos"));
  var source = null;
  var ended = false;
  var retryTimer = null;
  var reducedMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  bar.hidden = false;

  // ---- status -------------------------------------------------------------------------------

  function setStatus(state, text) {
    statusEl.className = "share-status is-" + state;
    statusEl.textContent = text;
    body.setAttribute("data-connection", state);
    setInert(state === "ended");
  }

  /**
   * With the stream over there is no presenter to follow and no code to come: the toggle and the
   * Live code link are greyed out and do nothing (the reader's choice of following is kept, for a
   * stream that comes back).
   */
  function setInert(over) {
    followBox.disabled = over;
    followBox.parentNode.classList.toggle("is-inert", over);
    codeLink.classList.toggle("is-inert", over);
    if (over) {
      codeLink.setAttribute("aria-disabled", "true");
      codeLink.setAttribute("tabindex", "-1");
    } else {
      codeLink.removeAttribute("aria-disabled");
      codeLink.removeAttribute("tabindex");
    }
  }

  // ---- theme --------------------------------------------------------------------------------

  var themes = ["auto", "light", "dark"];
  var theme = "auto";
  try { theme = localStorage.getItem("talkbook-share-theme") || "auto"; } catch (e) { theme = "auto"; }
  if (themes.indexOf(theme) < 0) { theme = "auto"; }

  function applyTheme() {
    var root = document.documentElement;
    if (theme === "auto") { root.removeAttribute("data-theme"); } else { root.setAttribute("data-theme", theme); }
    if (hlLight && hlDark) {
      hlLight.media = theme === "auto" ? "(prefers-color-scheme: light)" : theme === "light" ? "all" : "not all";
      hlDark.media = theme === "auto" ? "(prefers-color-scheme: dark)" : theme === "dark" ? "all" : "not all";
    }
    themeButton.textContent = "Theme: " + theme;
  }
  themeButton.addEventListener("click", function () {
    theme = themes[(themes.indexOf(theme) + 1) % themes.length];
    try { localStorage.setItem("talkbook-share-theme", theme); } catch (e) { /* private mode: this page only */ }
    applyTheme();
  });
  applyTheme();

  // ---- code: highlighting and copy buttons ---------------------------------------------------

  var hljsState = "none";
  var waiting = [];

  function highlight(root) {
    var blocks = root.querySelectorAll("pre > code[class*='language-']:not(.nohighlight)");
    if (blocks.length === 0 || hljsState === "failed") { return; }
    if (hljsState === "ready") { blocks.forEach(highlightOne); return; }
    waiting.push(root);
    if (hljsState === "loading") { return; }
    hljsState = "loading";
    var s = document.createElement("script");
    s.src = "assets/highlight.min.js";
    s.onload = function () {
      hljsState = window.hljs ? "ready" : "failed";
      if (window.hljs) { window.hljs.configure({ ignoreUnescapedHTML: true }); }
      var roots = waiting;
      waiting = [];
      roots.forEach(function (r) { if (r.isConnected) { highlight(r); } });
    };
    s.onerror = function () { hljsState = "failed"; };
    document.head.appendChild(s);
  }

  function highlightOne(block) {
    if (block.classList.contains("hljs")) { return; }
    var known = Array.prototype.some.call(block.classList, function (c) {
      return c.indexOf("language-") === 0 && window.hljs.getLanguage(c.substring(9));
    });
    if (known) { window.hljs.highlightElement(block); }
  }

  function addCopyButtons(root) {
    root.querySelectorAll("pre").forEach(function (pre) {
      if (pre.classList.contains("output")) { return; }
      var parent = pre.parentNode;
      if (parent.classList && parent.classList.contains("tb-copyable")) { return; }
      var wrap = document.createElement("div");
      wrap.className = "tb-copyable";
      parent.insertBefore(wrap, pre);
      wrap.appendChild(pre);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "tb-copy";
      button.textContent = "Copy";
      button.setAttribute("aria-label", "Copy this code");
      button.addEventListener("click", function () { copy(pre.textContent, button); });
      wrap.appendChild(button);
    });
  }

  function copy(text, button) {
    function done(ok) {
      // the viewer's own key: a Mac, iPhone or iPad copies with Command
      var key = /Mac|iPhone|iPad/.test(navigator.platform || "") ? "\u2318C" : "Ctrl+C";
      button.textContent = ok ? "Copied" : "Press " + key;
      setTimeout(function () { button.textContent = "Copy"; }, 1500);
    }
    // The clipboard API needs a secure context (https or localhost); on a network address the
    // older way still works.
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(copyBySelection(text)); });
    } else {
      done(copyBySelection(text));
    }
  }

  function copyBySelection(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "tb-offscreen";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }

  function decorate(root) {
    highlight(root);
    addCopyButtons(root);
  }

  // ---- notes ----------------------------------------------------------------------------------

  function blockElement(html) {
    var div = document.createElement("div");
    div.className = "tb-block";
    div.innerHTML = html;
    decorate(div);
    return div;
  }

  function setPos(p) {
    var old = notes.querySelector(":scope > .tb-here");
    if (old) { old.classList.remove("tb-here"); }
    pos = p;
    var kids = notes.children;
    if (p >= 0 && p < kids.length) { kids[p].classList.add("tb-here"); }
  }

  /** The first block the reader sees (not one about to be replaced), and where it is now. */
  function scrollAnchor(from, to) {
    var kids = notes.children;
    for (var i = 0; i < kids.length; i++) {
      if (kids[i].getBoundingClientRect().bottom > barHeight()) {
        var el = i >= from && i < to ? kids[to] : kids[i];
        return el ? { el: el, top: el.getBoundingClientRect().top } : null;
      }
    }
    return null;
  }

  function keepAnchor(anchor) {
    if (!anchor || !anchor.el.isConnected) { return; }
    var moved = anchor.el.getBoundingClientRect().top - anchor.top;
    if (Math.abs(moved) > 0.5) { window.scrollBy(0, moved); }
  }

  function applyPatch(p) {
    var anchor = following() ? null : scrollAnchor(p.at, p.at + p.del);
    var after = notes.children[p.at + p.del] || null;
    for (var i = 0; i < p.del; i++) { notes.removeChild(notes.children[p.at]); }
    var fragment = document.createDocumentFragment();
    p.ins.forEach(function (html) { fragment.appendChild(blockElement(html)); });
    notes.insertBefore(fragment, after);
    setPos(p.pos);
    keepAnchor(anchor);
    if (following()) { reveal(); }
  }

  // ---- the talk's time ------------------------------------------------------------------------

  /**
   * The header names the event's zone after the talk's time ("18:30–19:15 Berlin time"); a viewer
   * whose browser's clock reads the same as the event's at that moment (in the event's zone, or
   * one with the same offset then) is not told it: the zone is hidden.
   */
  function sayZones() {
    var zones = header.querySelectorAll("[data-tb='zone']");
    for (var i = 0; i < zones.length; i++) {
      var time = zones[i].parentNode.querySelector("time");
      var at = time ? time.getAttribute("datetime") : null;
      var m = at ? /(Z|([+-])(\d\d):(\d\d))$/.exec(at) : null;
      var instant = at ? new Date(at) : null;
      if (!m || !instant || isNaN(instant.getTime())) { zones[i].hidden = false; continue; }
      var eventOffset = m[1] === "Z" ? 0 : (m[2] === "-" ? -1 : 1) * (Number(m[3]) * 60 + Number(m[4]));
      zones[i].hidden = eventOffset === -instant.getTimezoneOffset();
    }
  }

  function applyState(s) {
    var newTalk = document.title !== s.title + " · live";
    document.title = s.title + " · live";
    header.innerHTML = s.header;
    sayZones();
    var fragment = document.createDocumentFragment();
    s.blocks.forEach(function (html) { fragment.appendChild(blockElement(html)); });
    notes.textContent = "";
    notes.appendChild(fragment);
    setPos(s.pos);
    code.textContent = "";
    s.code.forEach(function (snippet) { code.appendChild(snippetElement(snippet)); });
    codeChanged();
    if (following() && s.pos >= 0) { reveal(); } else if (newTalk) { window.scrollTo(0, 0); }
  }

  function applyHeader(h) {
    document.title = h.title + " · live";
    header.innerHTML = h.header;
    sayZones();
  }

  // ---- following the presenter ----------------------------------------------------------------

  function following() { return followBox.checked && !followBox.disabled; }

  function barHeight() { return bar.getBoundingClientRect().height; }

  /** Keeps the presenter's block in view, with its section's heading when both fit. */
  function reveal() {
    var kids = notes.children;
    if (pos < 0 || pos >= kids.length) { return; }
    var target = kids[pos];
    var heading = null;
    for (var i = pos; i >= 0; i--) {
      var first = kids[i].firstElementChild;
      if (first && /^H[1-6]$/.test(first.tagName)) { heading = kids[i]; break; }
    }
    var top = barHeight();
    var room = window.innerHeight - top;
    var t = target.getBoundingClientRect();
    var h = heading ? heading.getBoundingClientRect() : t;
    if (h.top >= top && t.bottom <= window.innerHeight) { return; }
    var by;
    if (t.bottom - h.top <= room * 0.9) {
      by = h.top - top - 8;
    } else {
      by = t.top - top - room / 3;
    }
    // A short way glides; a long one jumps (gliding past pages of notes helps no one).
    var glide = !reducedMotion && Math.abs(by) < window.innerHeight;
    window.scrollBy({ top: by, behavior: glide ? "smooth" : "auto" });
  }

  followBox.addEventListener("change", function () { if (following()) { reveal(); } });
  // A reader who scrolls on their own stops following; the box brings it back.
  function readerScrolls() { if (following()) { followBox.checked = false; } }
  window.addEventListener("wheel", readerScrolls, { passive: true });
  window.addEventListener("touchmove", readerScrolls, { passive: true });
  window.addEventListener("keydown", function (e) {
    var keys = ["PageUp", "PageDown", "ArrowUp", "ArrowDown", "Home", "End", " "];
    if (keys.indexOf(e.key) >= 0 && (e.target === document.body || e.target === document.documentElement)) {
      readerScrolls();
    }
  });

  // ---- live code ------------------------------------------------------------------------------

  function snippetElement(s) {
    var li = document.createElement("li");
    li.setAttribute("data-snippet", String(Number(s.id)));
    fillSnippet(li, s);
    return li;
  }

  function fillSnippet(li, s) {
    li.className = "snippet snippet-" + s.status;
    li.textContent = "";
    var pre = document.createElement("pre");
    var c = document.createElement("code");
    c.className = "language-java";
    c.textContent = s.code;
    pre.appendChild(c);
    li.appendChild(pre);
    if (s.out || s.status === "running") {
      var out = document.createElement("pre");
      out.className = "output";
      out.setAttribute("aria-label", "Output");
      var oc = document.createElement("code");
      oc.className = "nohighlight";
      oc.textContent = s.out;
      out.appendChild(oc);
      li.appendChild(out);
    }
    decorate(li);
  }

  function upsertSnippet(s) {
    var atEnd = live.scrollHeight - live.scrollTop - live.clientHeight < 40;
    var old = code.querySelector(":scope > li[data-snippet='" + Number(s.id) + "']");
    if (old) {
      fillSnippet(old, s);
    } else {
      code.appendChild(snippetElement(s));
      while (code.children.length > 50) { code.removeChild(code.firstElementChild); }
    }
    codeChanged();
    if (atEnd) { live.scrollTop = live.scrollHeight; }
  }

  function clearCode() {
    code.textContent = "";
    codeChanged();
  }

  function codeChanged() {
    var n = code.children.length;
    codeCount.textContent = String(n);
    codeEmpty.hidden = n > 0;
  }

  codeLink.addEventListener("click", function (e) {
    e.preventDefault();
    if (codeLink.classList.contains("is-inert")) { return; }
    readerScrolls();
    live.scrollIntoView({ behavior: reducedMotion ? "auto" : "smooth" });
  });

  // ---- the stream -----------------------------------------------------------------------------

  /**
   * After this many failed tries in a row the page stops saying "Reconnecting…" (which, once the
   * presenter's app has died or shared anew under a new address, would be a promise never kept)
   * and says what has most likely happened; it keeps trying, so a network blip still heals. The
   * browser tries again as often as the server's retry field says (2 s): about 16 s.
   */
  var LOST_AFTER = 8;
  var failedTries = 0;

  function lost() {
    setStatus("lost", "The share has ended or the presenter's app stopped: ask for the new address"
      + " or QR code. (Still trying this one.)");
  }

  /**
   * Turned away, or the address is gone: the page itself answers 404 once the share under this
   * address has ended (the app shared anew on the same port, with a new token), and then the
   * viewer is told at once; a page still there means too many viewers, for now.
   */
  function probe(mine) {
    if (!window.fetch) { return; }
    fetch(location.pathname, { method: "HEAD", cache: "no-store" }).then(function (r) {
      if (r.status === 404 && mine === source && !ended && mine.readyState !== EventSource.OPEN) { lost(); }
    }, function () { /* no answer at all: counted as a failed try already */ });
  }

  function connect(fresh) {
    clearTimeout(retryTimer);
    if (source) { source.close(); }
    if (failedTries < LOST_AFTER) { setStatus("connecting", "Connecting…"); }
    source = new EventSource(fresh ? "events" : "events?v=" + version);
    source.onopen = function () { failedTries = 0; setStatus("live", "Live"); };
    source.onerror = function () {
      if (ended) { return; }
      failedTries++;
      if (source.readyState === EventSource.CLOSED) {
        // Turned away (too many viewers) or the page is gone: try again in a while.
        retryTimer = setTimeout(function () { connect(false); }, 10000);
        if (failedTries >= LOST_AFTER) { lost(); } else {
          setStatus("waiting", "Not connected; trying again…");
          probe(source);
        }
      } else if (failedTries >= LOST_AFTER) {
        lost();
      } else {
        setStatus("reconnecting", "Reconnecting…");
      }
    };
    on("state", applyState, true);
    on("patch", applyPatch, false);
    on("position", function (d) { setPos(d.pos); if (following()) { reveal(); } }, false);
    on("header", applyHeader, false);
    on("snippet", upsertSnippet, false);
    on("code-clear", clearCode, false);
    source.addEventListener("end", function (e) {
      ended = true;
      source.close();
      var d = {};
      try { d = JSON.parse(e.data || "{}"); } catch (x) { d = {}; }
      if (d.moved && d.url) {
        // Moved to an address this viewer can reach (a share on this computer only): follow it.
        setStatus("ended", "The presenter moved the share; going to its new address…");
        location.replace(d.url);
      } else if (d.moved) {
        setStatus("ended", "The presenter moved the share: ask for the new address.");
      } else {
        setStatus("ended", "The presenter stopped sharing.");
      }
    });
  }

  /** Applies events in order; a gap means something was missed: start over with the whole talk. */
  function on(type, apply, whole) {
    var mine = source;
    mine.addEventListener(type, function (e) {
      if (mine !== source) { return; }
      var id = Number(e.lastEventId);
      if (!whole && id !== version + 1) { connect(true); return; }
      var data;
      try { data = JSON.parse(e.data); } catch (x) { connect(true); return; }
      apply(data);
      version = id;
      body.setAttribute("data-version", String(version));
    });
  }

  notes.querySelectorAll(":scope > .tb-block").forEach(decorate);
  code.querySelectorAll(":scope > li").forEach(decorate);
  codeChanged();
  if (header) { sayZones(); }
  if (following()) { reveal(); }
  connect(false);
})();
