package dev.talkbook.ui.preview;

import dev.talkbook.core.common.Probes;
import dev.talkbook.core.common.Resources;
import dev.talkbook.core.markdown.RenderedNote;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.concurrent.Worker;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.web.WebView;
import netscape.javascript.JSObject;

/**
 * The rendered notes. The page shell (style sheet, highlight.js from its WebJar on the class path,
 * {@code preview.js}) loads once; each update removes and inserts only the top-level blocks that
 * changed, through JavaScript, so nothing flickers, the scroll position stays and a keystroke costs
 * the one block it touched. A long note's page holds the part around the line shown and moves it as
 * the editor or the page scrolls ({@link #WHOLE_CHARS}). Code blocks are highlighted by
 * highlight.js (cached per block text). Links open in the system browser; the preview never
 * navigates away. Note HTML arrives sanitized (see {@code MarkdownRenderer}), and the page's
 * Content-Security-Policy lets only its own scripts (with the page's nonce) run.
 */
public final class PreviewView {
  static final String HLJS = "/META-INF/resources/webjars/highlightjs/11.10.0/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");

  private final StackPane root = new StackPane();
  private final Bridge bridge;
  private WebView web;
  private boolean ready;

  /** Completes (on the FX thread) once the page shell has first loaded. */
  private final java.util.concurrent.CompletableFuture<Void> loaded =
      new java.util.concurrent.CompletableFuture<>();

  private boolean dark;
  private boolean presenting;
  private double zoom = 1;

  /** What the page shows: each top-level block's HTML, and their lines. */
  private final List<String> shown = new ArrayList<>();

  private List<RenderedNote.Block> pending = List.of();
  private boolean pendingSet;
  private String abstractHtml = "";
  private boolean cancelled;
  private int pendingScrollLine = -1;

  public PreviewView(Consumer<String> openLink) {
    this.bridge = new Bridge(openLink);
    root.setId("preview");
    root.getStyleClass().add("tb-preview");
  }

  /**
   * Creates the web view. Loading WebKit costs about a second, so the window calls this after the
   * first notes are on screen rather than while it is being built.
   */
  public void create() {
    if (web != null) {
      return;
    }
    WebKitLibrary.prepare(); // on a class path: WebKit from Talkbook's cache, not checked anew
    web = new WebView();
    Probes.mark("web-view");
    web.setContextMenuEnabled(false);
    // The page's colours from its first paint (WebKit paints white before the page has loaded).
    web.setPageFill(background(dark));
    web.setFocusTraversable(false);
    web.getEngine().setCreatePopupHandler(features -> null); // no new windows
    web.getEngine()
        .getLoadWorker()
        .stateProperty()
        .addListener(
            (obs, old, state) -> {
              if (state == Worker.State.SUCCEEDED && !ready) {
                JSObject window = (JSObject) web.getEngine().executeScript("window");
                window.setMember("talkbook", bridge);
                ready = true;
                setDark(dark);
                setPresenting(presenting);
                if (!abstractHtml.isEmpty()) {
                  showAbstract(abstractHtml);
                }
                if (cancelled) {
                  showCancelled(true);
                }
                if (pendingSet) {
                  apply(pending);
                }
                if (pendingScrollLine >= 0) {
                  scrollToLine(pendingScrollLine);
                }
                loaded.complete(null);
              }
            });
    web.setZoom(zoom);
    web.getEngine().loadContent(shell(dark));
    root.getChildren().setAll(web);
  }

  public javafx.scene.layout.Region root() {
    return root;
  }

  /** The web view, or null before {@link #create()}. */
  public WebView webView() {
    return web;
  }

  /**
   * Completes once the page shell has first loaded (WebKit started and showing the notes): the last
   * of the window's start.
   */
  public java.util.concurrent.CompletionStage<Void> loaded() {
    return loaded;
  }

  /** Whether the page shell has loaded and updates go straight to the page. */
  public boolean isReady() {
    return ready;
  }

  /** Shows a rendered note, changing only the blocks that differ from what is shown. */
  public void show(RenderedNote note) {
    show(note.blocks());
  }

  /** Shows this HTML (one block, e.g. a message) in place of the note. */
  public void show(String html) {
    show(List.of(new RenderedNote.Block(0, 0, html)));
  }

  private void show(List<RenderedNote.Block> blocks) {
    note = fitted(blocks);
    List<RenderedNote.Block> part = part();
    pending = part;
    pendingSet = true;
    if (ready) {
      apply(part);
      placeUnplaced();
    }
  }

  /**
   * A line scrolled to that the page did not hold then, -1 when none: the editor scrolled to a line
   * of a note not rendered yet (a talk just opened with its caret far down, thousands of lines
   * pasted). The page is scrolled to it once a note it holds is shown; until then each note shown
   * is chosen around it, but a long note's part, patched in, started at its top.
   */
  private int unplacedLine = -1;

  /** Whether the page holds source line {@code line} (within its blocks' lines). */
  private boolean holds(int line) {
    return partTo > partFrom
        && partTo <= note.size()
        && note.get(partFrom).firstLine() <= line
        && line <= note.get(partTo - 1).lastLine();
  }

  /** Scrolls the page to the line it could not show before, now that it holds it. */
  private void placeUnplaced() {
    if (unplacedLine >= 0 && holds(unplacedLine)) {
      int line = unplacedLine;
      unplacedLine = -1;
      web.getEngine().executeScript("scrollToLine(" + line + ")");
    }
  }

  /**
   * Past this much HTML the page holds a part of the note around the line shown ({@link
   * #PART_CHARS} of it), and moves that part as the editor or the page scrolls. WebKit lays out the
   * whole page on the FX thread after every change: a 1.6 MB note took seconds to show, keystrokes
   * queued behind it (and inserting it in pieces made each piece lay out the whole page again).
   */
  static final int WHOLE_CHARS = 512 * 1024;

  /** About how much of a long note's HTML the page holds at a time. */
  static final int PART_CHARS = 160 * 1024;

  /**
   * Past this much HTML one block (a code block, a paragraph, a list) is not put in the page: a
   * line in its place says it is too long to preview live. The part the page holds is made of whole
   * blocks, so one block of megabytes (a 5 MB table, paragraph or code block) was laid out whole by
   * WebKit on the FX thread, for seconds after the talk opened and again after every keystroke, and
   * the window froze (docs/benchmarks.md, "markdown").
   */
  static final int BLOCK_CHARS = 128 * 1024;

  /**
   * The same for a table, which WebKit lays out again whole at each change: a keystroke in a table
   * of 72 KB of HTML held the FX thread 770–900 ms, one of 24 KB 270 ms (on a two-core machine at a
   * load of 14).
   */
  static final int TABLE_CHARS = 32 * 1024;

  /**
   * Past this much of a picture's {@code data:} URL (about 24 MB of picture) the picture counts in
   * full against {@link #BLOCK_CHARS}: below it, it counts for nothing there ({@link #weight}).
   */
  static final int PICTURE_CHARS = 32 * 1024 * 1024;

  private static final String PICTURE_SRC = "src=\"data:image/";

  /**
   * How much of {@code html} WebKit lays out: its length without the {@code data:} URLs of the
   * pictures it holds (up to {@link #PICTURE_CHARS} each). The preview gives a stored picture as a
   * {@code data:} URL, a third longer than the picture: counted as text, any photo or screenshot
   * over 96 KB made its paragraph "too long to preview live". A picture is decoded once and laid
   * out as a box, whatever its size; a keystroke in another block does not put it in the page again
   * ({@link #apply}). This is a block's size against its limit; towards the note's, a picture
   * counts for a little ({@link #pageWeight}).
   */
  static long weight(String html) {
    return weight(html, PICTURE_CHARS, 0);
  }

  /**
   * How much a picture counts towards {@link #WHOLE_CHARS} and {@link #PART_CHARS}, at most: a
   * picture is not laid out as text, but its {@code data:} URL still goes into the page through one
   * call on the FX thread and is decoded there. Counted for nothing, a note of 60 pasted 500 KB
   * screenshots (38.5 M characters of URLs) went into the page whole, 0.9 s on the FX thread at
   * each show and seconds more to decode; counted at this, its page holds about ten of them at a
   * time, and a note with a few large photos is still in the page whole ({@link #pageWeight}).
   */
  static final int PICTURE_WEIGHT = 16 * 1024;

  /**
   * How much of the page {@code html} takes: its length, each picture's {@code data:} URL counted
   * at most {@link #PICTURE_WEIGHT}.
   */
  static long pageWeight(String html) {
    return weight(html, Integer.MAX_VALUE, PICTURE_WEIGHT);
  }

  /**
   * The length of {@code html}, each of its pictures' {@code data:} URLs up to {@code most} long
   * counted as at most {@code countAs}.
   */
  private static long weight(String html, int most, int countAs) {
    long weight = html.length();
    int at = html.indexOf(PICTURE_SRC);
    while (at >= 0) {
      int from = at + "src=\"".length();
      int end = html.indexOf('"', from);
      if (end < 0) {
        break;
      }
      if (end - from <= most) {
        weight -= end - from - Math.min(end - from, countAs);
      }
      at = html.indexOf(PICTURE_SRC, end);
    }
    return weight;
  }

  /** The blocks with each one too long to preview live replaced by a line saying so. */
  static List<RenderedNote.Block> fitted(List<RenderedNote.Block> blocks) {
    List<RenderedNote.Block> out = null;
    for (int i = 0; i < blocks.size(); i++) {
      RenderedNote.Block b = blocks.get(i);
      if (weight(b.html()) > limit(b.html())) {
        if (out == null) {
          out = new ArrayList<>(blocks);
        }
        out.set(i, new RenderedNote.Block(b.firstLine(), b.lastLine(), tooLong(b)));
      }
    }
    return out == null ? blocks : out;
  }

  /** The most HTML a block like this one may have in the page. */
  private static int limit(String html) {
    return html.startsWith("<table") ? TABLE_CHARS : BLOCK_CHARS;
  }

  /** What the page shows in place of a block too long to preview live. */
  private static String tooLong(RenderedNote.Block b) {
    String html = b.html();
    // too long for its pictures alone: one larger than PICTURE_CHARS
    boolean picture = weight(html, Integer.MAX_VALUE, 0) <= limit(html);
    String what =
        picture
            ? "This picture"
            : html.startsWith("<table")
                ? "This table"
                : html.startsWith("<pre")
                    ? "This code block"
                    : html.startsWith("<ul") || html.startsWith("<ol")
                        ? "This list"
                        : html.startsWith("<blockquote") ? "This quote" : "This paragraph";
    String lines =
        b.firstLine() == b.lastLine()
            ? "line " + String.format("%,d", b.firstLine() + 1)
            : "lines "
                + String.format("%,d", b.firstLine() + 1)
                + "–"
                + String.format("%,d", b.lastLine() + 1);
    return "<p class=\"partial too-long\">"
        + what
        + " ("
        + lines
        + ", "
        + megabytes(html.length())
        + (picture
            ? ") is too large to preview live: the preview shows pictures of up to "
                + PICTURE_CHARS / 4 * 3 / 1_000_000
                + " MB"
            : ") is too long to preview live: the preview shows "
                + (html.startsWith("<table") ? "tables" : "blocks")
                + " of up to "
                + limit(html) / 1024
                + " KB")
        + ". It is all in the notes, and File → Export site… shows it whole.</p>";
  }

  /** {@code chars} as megabytes with one decimal ("5.1 MB"), or kilobytes below one. */
  private static String megabytes(long chars) {
    return chars >= 1_000_000
        ? String.format(java.util.Locale.ROOT, "%.1f MB", chars / 1_000_000.0)
        : chars / 1000 + " KB";
  }

  /** The note last given, every block of it. */
  private List<RenderedNote.Block> note = List.of();

  /** The note's blocks in the page: from (inclusive) to (exclusive); all of them unless long. */
  private int partFrom;

  private int partTo;

  /** The source line the part is chosen around: the one last scrolled to. */
  private int anchorLine;

  /** Whether the page holds only a part of the note. */
  boolean partial() {
    return partFrom > 0 || partTo < note.size();
  }

  /**
   * The blocks to put in the page: the whole note, or for a long one its part around {@link
   * #anchorLine} (a third of it before, the rest after) between two lines saying what is left out.
   */
  private List<RenderedNote.Block> part() {
    int n = note.size();
    long total = 0;
    for (RenderedNote.Block b : note) {
      total += pageWeight(b.html());
    }
    if (total <= WHOLE_CHARS) {
      partFrom = 0;
      partTo = n;
      return note;
    }
    int at = 0;
    while (at + 1 < n && note.get(at + 1).firstLine() <= anchorLine) {
      at++;
    }
    int from = at;
    int to = at + 1;
    long before = 0; // the HTML of the blocks from..at
    long after = pageWeight(note.get(at).html()); // and of at..to
    while (before + after < PART_CHARS && (from > 0 || to < n)) {
      if (from > 0 && (to >= n || before * 2 < after)) {
        from--;
        before += pageWeight(note.get(from).html());
      } else {
        after += pageWeight(note.get(to).html());
        to++;
      }
    }
    partFrom = from;
    partTo = to;
    List<RenderedNote.Block> out = new ArrayList<>(to - from + 2);
    int lastLine = note.get(n - 1).lastLine();
    if (from > 0) {
      int first = note.get(from).firstLine();
      out.add(
          new RenderedNote.Block(
              first,
              first,
              "<p class=\"partial\">Lines 1–"
                  + first
                  + " of this long note are above: scroll up to see them.</p>"));
    }
    out.addAll(note.subList(from, to));
    if (to < n) {
      int next = note.get(to).firstLine();
      out.add(
          new RenderedNote.Block(
              note.get(to - 1).lastLine(),
              note.get(to - 1).lastLine(),
              "<p class=\"partial\">Lines "
                  + (next + 1)
                  + "–"
                  + (lastLine + 1)
                  + " of this long note are below: scroll down to see them.</p>"));
    }
    return out;
  }

  /**
   * Whether {@code line} is near an edge of the part in the page (within its first or last fifth)
   * with more of the note beyond that edge.
   */
  private boolean nearPartEdge(int line) {
    if (!partial()) {
      return false;
    }
    int span = partTo - partFrom;
    int low = note.get(partFrom + span / 5).firstLine();
    int high = note.get(partTo - 1 - span / 5).firstLine();
    return partFrom > 0 && line < low || partTo < note.size() && line > high;
  }

  /** Moves the part in the page to {@code line} when that line is near its edge. */
  private void follow(int line) {
    anchorLine = line;
    if (ready && nearPartEdge(line)) {
      List<RenderedNote.Block> part = part();
      pending = part;
      apply(part);
    }
  }

  /**
   * Shows the talk's abstract (rendered, safe HTML) above the notes; "" hides it. Not part of the
   * notes' blocks, so scrolling by source line is unchanged.
   */
  public void showAbstract(String html) {
    abstractHtml = html == null ? "" : html;
    if (ready) {
      ((JSObject) web.getEngine().executeScript("window")).call("setAbstract", abstractHtml);
    }
  }

  /**
   * Says above the notes that the talk is no longer in its conference's programme (true), as the
   * site's page, the share page, the details and the navigator say it; false takes it away. Not
   * part of the notes' blocks, as the abstract.
   */
  public void showCancelled(boolean on) {
    cancelled = on;
    if (ready) {
      ((JSObject) web.getEngine().executeScript("window"))
          .call("setCancelled", on ? dev.talkbook.core.markdown.NotePage.CANCELLED_NOTE : "");
    }
  }

  /** Scrolls the page so that this source line (0-based) is at its top. */
  public void scrollToLine(int line) {
    if (!ready) {
      pendingScrollLine = line;
      return;
    }
    pendingScrollLine = -1;
    follow(line);
    unplacedLine = holds(line) ? -1 : line;
    web.getEngine().executeScript("scrollToLine(" + line + ")");
  }

  /**
   * Called with the source line at the top of the page whenever the user scrolls it. Scrolling a
   * long note's page near the edge of the part it holds moves the part on, the same line kept at
   * the top.
   */
  public void onScrolled(IntConsumer action) {
    bridge.scrolled =
        line -> {
          unplacedLine = -1; // the reader scrolled the page: it stays where they took it
          if (nearPartEdge(line)) {
            follow(line);
            web.getEngine().executeScript("scrollToLine(" + line + ")");
          }
          action.accept(line);
        };
    bridge.scrolledToEnd =
        line -> {
          if (ready && partTo < note.size() && !nearPartEdge(line)) {
            // the page's end, though the line at its top is not near the part's: a part of a few
            // tall pictures fits the view from before its last fifth. It moves on, around its last
            // block, the same line kept at the top. Not then handed on as a scroll: that line,
            // near the new part's start or before it, moved the part back (a part that fitted the
            // view whole never moved on).
            unplacedLine = -1;
            anchorLine = note.get(partTo - 1).firstLine();
            List<RenderedNote.Block> part = part();
            pending = part;
            apply(part);
            anchorLine = line;
            web.getEngine().executeScript("scrollToLine(" + line + ")");
            action.accept(line);
            return;
          }
          bridge.scrolled.accept(line);
        };
  }

  public void setDark(boolean isDark) {
    dark = isDark;
    root.setStyle(dark ? "-fx-background-color: #0d1117;" : "-fx-background-color: white;");
    if (web != null) {
      web.setPageFill(background(dark));
    }
    if (ready) {
      web.getEngine().executeScript("setDark(" + dark + ")");
    }
  }

  /**
   * Presenter mode's projector colours (light or dark as {@link #setDark}), every text at least
   * 4.5:1 against its background; false goes back to the normal page.
   */
  public void setPresenting(boolean on) {
    presenting = on;
    if (ready) {
      web.getEngine().executeScript("setPresenter(" + on + ")");
    }
  }

  /** Scales the page (text, code, images): 1 is the normal size. */
  public void setZoom(double factor) {
    zoom = factor;
    if (web != null) {
      web.setZoom(factor);
    }
  }

  /** The page's scale now (1 is the normal size). */
  public double zoom() {
    return zoom;
  }

  /** Replaces the blocks between the unchanged start and the unchanged end. */
  private void apply(List<RenderedNote.Block> blocks) {
    pendingSet = false;
    int n = blocks.size();
    int old = shown.size();
    int start = 0;
    while (start < n && start < old && shown.get(start).equals(blocks.get(start).html())) {
      start++;
    }
    int end = 0;
    while (end < n - start
        && end < old - start
        && shown.get(old - 1 - end).equals(blocks.get(n - 1 - end).html())) {
      end++;
    }
    StringBuilder html = new StringBuilder();
    List<String> added = new ArrayList<>(n - start - end);
    for (int i = start; i < n - end; i++) {
      html.append(blocks.get(i).html());
      added.add(blocks.get(i).html());
    }
    StringBuilder lines = new StringBuilder(n * 5);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        lines.append(',');
      }
      lines.append(blocks.get(i).firstLine());
    }
    JSObject window = (JSObject) web.getEngine().executeScript("window");
    window.call("patch", start, old - start - end, html.toString(), lines.toString());
    shown.subList(start, old - end).clear();
    shown.addAll(start, added);
  }

  /** Called from the page's JavaScript. Public for the JavaScript bridge. */
  public static final class Bridge {
    private final Consumer<String> openLink;
    private IntConsumer scrolled = line -> {};
    private IntConsumer scrolledToEnd = line -> {};

    Bridge(Consumer<String> openLink) {
      this.openLink = openLink;
    }

    /**
     * A click on a link: every link but an in-page one goes to the window's {@code openLink}, which
     * sends web and mail addresses to the system browser, opens the talk of a link to a talk
     * ({@code talk:ID}) and says why any other (a file's path, {@code 02-loom.md}) leads nowhere.
     */
    public void open(String href) {
      if (href != null && !href.isEmpty()) {
        openLink.accept(href);
      }
    }

    /** The user scrolled the page; {@code line} is the source line now at its top. */
    public void scrolled(int line) {
      scrolled.accept(line);
    }

    /** The same, the page scrolled to its end. */
    public void scrolledToEnd(int line) {
      scrolledToEnd.accept(line);
    }
  }

  /** The page's background (preview.css's {@code --bg}). */
  private static Color background(boolean dark) {
    return dark ? Color.web("#0d1117") : Color.WHITE;
  }

  /**
   * The page shell with its style, highlight.js and script inlined, in the dark or light colours
   * from the start; a fresh nonce each time.
   */
  static String shell(boolean dark) {
    byte[] random = new byte[16];
    new SecureRandom().nextBytes(random);
    Map<String, String> parts =
        Map.of(
            "nonce", HexFormat.of().formatHex(random),
            "theme", dark ? "dark" : "",
            "css", Resources.text(PreviewView.class, "preview.css"),
            "js", Resources.text(PreviewView.class, "preview.js"),
            "hljs", Resources.text(PreviewView.class, HLJS + "highlight.min.js"),
            "hlLight", Resources.text(PreviewView.class, HLJS + "styles/github.min.css"),
            "hlDark", Resources.text(PreviewView.class, HLJS + "styles/github-dark.min.css"));
    Matcher m = PLACEHOLDER.matcher(Resources.text(PreviewView.class, "shell.html"));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(parts.get(m.group(1))));
    }
    m.appendTail(out);
    return out.toString();
  }
}
