// The preview page's own script. Java calls patch(), scrollToLine(), setDark() and setPresenter(); the page calls
// window.talkbook.open(href) for a link and window.talkbook.scrolled(line) when the user scrolls
// (scrolledToEnd(line) when they scrolled to the page's end).
// Top-level elements of #content are the note's top-level blocks; `lines` holds each one's first
// source line, and elements inside carry data-rel, their line counted from their block's line.
var lines = [];
var ignoreScrollUntil = 0;
// Where scrollToLine last left the page (-1: moved since): a scroll event that finds the page there
// is the page following the editor, never to be echoed back, however late it comes (a loaded
// machine ran it after the 200 ms, and the editor jumped to the page's top line).
var placedY = -1;
// The line scrollToLine put at the top, and the page's width then: a page reflowed to another width
// (the web view given its width after a start, the window or the split moved) puts that line back
// at the top while the reader has not scrolled it: at a start the line's place, reckoned on the
// narrow page WebKit starts with, left the page at its end.
var placedLine = -1;
var placedWidth = -1;
var highlighted = {};
var highlightedCount = 0;

function content() { return document.getElementById('content'); }

function patch(start, removeCount, html, lineList) {
  // The page placed at a line (scrollToLine) and not scrolled since: the line is put back at the
  // top after the change, which may have grown or shrunk the page above it (a picture put in after
  // its text). Left to the scroll event the change may cause, a late one (a loaded machine) took
  // the change for the reader's scroll and the line was lost.
  var placed = placedLine >= 0 && window.pageYOffset === placedY;
  var box = content();
  for (var i = 0; i < removeCount && start < box.children.length; i++) {
    box.removeChild(box.children[start]);
  }
  if (html) {
    var t = document.createElement('template');
    t.innerHTML = html;
    var added = Array.prototype.slice.call(t.content.children);
    box.insertBefore(t.content, box.children[start] || null);
    for (var j = 0; j < added.length; j++) { highlightIn(added[j]); }
  }
  lines = lineList ? lineList.split(',').map(Number) : [];
  var kids = box.children;
  for (var k = 0; k < kids.length && k < lines.length; k++) {
    if (kids[k].getAttribute('data-line') !== String(lines[k])) {
      kids[k].setAttribute('data-line', lines[k]);
    }
  }
  document.getElementById('empty').style.display = kids.length ? 'none' : '';
  if (placed) { scrollToLine(placedLine); }
  return kids.length;
}

// The talk's abstract from its programme, above the notes ("" hides it).
function setAbstract(html) {
  var box = document.getElementById('abstract');
  document.getElementById('abstract-text').innerHTML = html;
  box.hidden = !html;
}

// The talk is no longer in its conference's programme: the site's banner above it ("" hides it).
function setCancelled(html) {
  var box = document.getElementById('cancelled');
  box.innerHTML = html;
  box.hidden = !html;
}

function highlightIn(el) {
  if (!window.hljs) { return; }
  var blocks = el.querySelectorAll('pre code[class*="language-"]');
  for (var i = 0; i < blocks.length; i++) {
    var code = blocks[i];
    var m = /language-([\w+#.-]+)/.exec(code.className);
    if (!m || !hljs.getLanguage(m[1])) { continue; }
    var key = m[1] + '\n' + code.textContent;
    var out = highlighted[key];
    if (out === undefined) {
      out = hljs.highlight(code.textContent, { language: m[1], ignoreIllegals: true }).value;
      if (highlightedCount > 500) { highlighted = {}; highlightedCount = 0; }
      highlighted[key] = out;
      highlightedCount++;
    }
    code.innerHTML = out;
    code.classList.add('hljs');
  }
}

var presenting = false;

function setDark(dark) {
  document.documentElement.classList.toggle('dark', dark);
  highlightTheme();
}

// Presenter mode: the projector colours of preview.css; highlight.js's themes are off then.
function setPresenter(on) {
  presenting = on;
  document.documentElement.classList.toggle('presenter', on);
  highlightTheme();
}

function highlightTheme() {
  var dark = document.documentElement.classList.contains('dark');
  document.getElementById('hl-light').disabled = presenting || dark;
  document.getElementById('hl-dark').disabled = presenting || !dark;
}

function topOf(el) { return el.getBoundingClientRect().top + window.pageYOffset; }

/** The last index i with value(i) <= x, for a non-decreasing value; -1 if none. */
function lastAtMost(count, value, x) {
  var lo = 0, hi = count - 1, found = -1;
  while (lo <= hi) {
    var mid = (lo + hi) >> 1;
    if (value(mid) <= x) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
  }
  return found;
}

/** Elements of the block at index i with their absolute lines, in document order. */
function marks(i) {
  var kids = content().children;
  var el = kids[i];
  var out = [{ el: el, line: lines[i] }];
  var inner = el.querySelectorAll('[data-rel]');
  for (var j = 0; j < inner.length; j++) {
    out.push({ el: inner[j], line: lines[i] + Number(inner[j].getAttribute('data-rel')) });
  }
  return out;
}

/** Scrolls so that source line `line` is at the top (Java calls this when the editor scrolls). */
function scrollToLine(line) {
  var kids = content().children;
  var i = lastAtMost(Math.min(kids.length, lines.length), function (k) { return lines[k]; }, line);
  var y = 0;
  if (i >= 0) {
    var ms = marks(i);
    var at = ms[0];
    var next = null;
    for (var j = 0; j < ms.length; j++) {
      if (ms[j].line <= line && ms[j].line >= at.line) { at = ms[j]; }
      else if (ms[j].line > line && (next === null || ms[j].line < next.line)) { next = ms[j]; }
    }
    if (next === null && i + 1 < kids.length) { next = { el: kids[i + 1], line: lines[i + 1] }; }
    y = topOf(at.el);
    if (next !== null && next.line > at.line) {
      y += (line - at.line) / (next.line - at.line) * Math.max(0, topOf(next.el) - y);
    }
    y -= 8;
  }
  ignoreScrollUntil = Date.now() + 200;
  window.scrollTo(0, Math.max(0, y));
  placedY = window.pageYOffset;
  placedLine = line;
  placedWidth = window.innerWidth;
}

/** Puts the placed line back at the top if the page has another width since; whether it did. */
function placeAgainIfResized() {
  if (placedLine < 0 || placedY < 0 || window.innerWidth === placedWidth) { return false; }
  scrollToLine(placedLine);
  return true;
}

window.addEventListener('resize', placeAgainIfResized);

// A picture decoded after the page was scrolled to a line (a talk just opened, its caret below the
// picture) grows the page above that line: the line is put back at the top, unless the reader has
// scrolled since. Load events do not bubble: caught on their way down.
document.addEventListener('load', function (e) {
  if (e.target.tagName === 'IMG' && placedLine >= 0 && window.pageYOffset === placedY) {
    scrollToLine(placedLine);
  }
}, true);

/** The source line at the top of the view. */
function lineAtTop() {
  var kids = content().children;
  var n = Math.min(kids.length, lines.length);
  if (n === 0) { return 0; }
  var y = window.pageYOffset + 1;
  var i = Math.max(0, lastAtMost(n, function (k) { return topOf(kids[k]); }, y));
  var ms = marks(i);
  var at = ms[0];
  for (var j = 1; j < ms.length; j++) {
    if (topOf(ms[j].el) <= y) { at = ms[j]; }
  }
  return at.line;
}

var scrollPending = false;
window.addEventListener('scroll', function () {
  if (Date.now() < ignoreScrollUntil || scrollPending) { return; }
  scrollPending = true;
  window.requestAnimationFrame(function () {
    scrollPending = false;
    if (window.pageYOffset === placedY || placeAgainIfResized()) { return; }
    placedY = -1;
    placedLine = -1;
    if (!window.talkbook) { return; }
    // At the page's end the line at its top may still be far from the end of a long note's part
    // (a part of a few tall pictures): Java is told, so that the part moves on.
    if (window.pageYOffset > 0
        && window.pageYOffset + window.innerHeight >= document.documentElement.scrollHeight - 2) {
      window.talkbook.scrolledToEnd(lineAtTop());
    } else {
      window.talkbook.scrolled(lineAtTop());
    }
  });
});

document.addEventListener('click', function (e) {
  var a = e.target.closest ? e.target.closest('a') : null;
  if (!a) { return; }
  var href = a.getAttribute('href') || '';
  if (href.charAt(0) === '#') { return; }
  e.preventDefault();
  if (window.talkbook) { window.talkbook.open(a.href); }
});
document.addEventListener('submit', function (e) { e.preventDefault(); });
