package dev.talkbook.core.share;

import static dev.talkbook.core.site.Html.esc;
import static dev.talkbook.core.site.Html.json;
import static dev.talkbook.core.site.Html.talkLinks;

import dev.talkbook.core.common.DateTimeText;
import dev.talkbook.core.common.Resources;
import dev.talkbook.core.markdown.MarkdownRenderer;
import dev.talkbook.core.markdown.NotePage;
import dev.talkbook.core.markdown.RenderedNote;
import dev.talkbook.core.notebook.Talk;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The live page and the messages that keep it current, made from a {@link SharedTalk}: the notes
 * rendered by the shared {@link MarkdownRenderer} (raw HTML through its sanitizer, ADR 0007) and
 * shown the way the exported site shows them ({@link MarkdownRenderer#renderPageBlocks}), one
 * element per top-level block so that a change replaces only the blocks it touched. Pure.
 */
final class LivePage {
  /**
   * The page's Content-Security-Policy: the site's (only the page's own scripts, styles and images)
   * plus its own event stream; no frames, no forms, no base.
   */
  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " media-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";

  /** The header adds what a {@code <meta>} policy cannot say: no page may frame this one. */
  static final String CSP_HEADER = CSP + "; frame-ancestors 'none'";

  private static final String[] TEMPLATE =
      Resources.text(LivePage.class, "page.html").split("\\{\\{|\\}\\}", -1);

  /**
   * A talk as rendered for its viewers.
   *
   * @param blocks each top-level block's HTML, in order
   * @param firstLines each block's first source line (0-based)
   * @param attachments the attachments (sha256) the page may show: those the talk holds
   */
  record Rendered(
      SharedTalk talk,
      String header,
      List<String> blocks,
      List<Integer> firstLines,
      Set<String> attachments) {
    Rendered {
      blocks = List.copyOf(blocks);
      firstLines = List.copyOf(firstLines);
      attachments = Set.copyOf(attachments);
    }

    /**
     * The block the presenter is in when the caret is on {@code line}: the last block that starts
     * at or before it; -1 for none.
     */
    int blockAt(int line) {
      if (line < 0) {
        return -1;
      }
      int found = -1;
      for (int i = 0; i < firstLines.size() && firstLines.get(i) <= line; i++) {
        found = i;
      }
      return found;
    }
  }

  private LivePage() {}

  /** Renders a talk; attachment references resolve to the page's own URLs for held files only. */
  static Rendered render(MarkdownRenderer renderer, SharedTalk talk, Set<String> held) {
    List<RenderedNote.Block> rendered =
        renderer.renderPageBlocks(
            talk.notes(),
            ref ->
                held.contains(ref.sha256())
                    ? Optional.of("attachments/" + ref.sha256())
                    : Optional.empty(),
            talk.title());
    List<String> blocks = new ArrayList<>(rendered.size());
    List<Integer> lines = new ArrayList<>(rendered.size());
    for (RenderedNote.Block b : rendered) {
      blocks.add(b.html());
      lines.add(b.firstLine());
    }
    return new Rendered(talk, header(renderer, talk), blocks, lines, held);
  }

  /** The talk's title, event, details and abstract above the notes, as the site shows them. */
  static String header(MarkdownRenderer renderer, SharedTalk talk) {
    return header(renderer, talk, DateTimeText.userLocale());
  }

  /**
   * {@link #header(MarkdownRenderer, SharedTalk)} with its time said in {@code locale}, the one
   * style of the window and the site ({@link DateTimeText#day}, {@link DateTimeText#clockSpan}):
   * "Sunday, December 6, 2026, 19:30–20:15" for a user in the US (it said "Sunday 6 December 2026,
   * 19:30" whatever the region), then the event's zone ("Berlin time"), which the page hides for a
   * viewer whose browser's clock reads the same there.
   */
  static String header(MarkdownRenderer renderer, SharedTalk talk, Locale locale) {
    Talk.Details d = talk.details();
    StringBuilder b = new StringBuilder();
    if (!talk.eventTitle().isBlank()) {
      b.append("<p class=\"crumbs\">").append(esc(talk.eventTitle())).append("</p>\n");
    }
    b.append("<h1>").append(esc(d.title())).append("</h1>\n");
    StringBuilder meta = new StringBuilder();
    if (!d.speakers().isEmpty()) {
      meta.append("<span>")
          .append(dev.talkbook.core.site.Html.names(d.speakers()))
          .append("</span>");
    }
    LocalDateTime at = d.startsAt();
    if (at != null) {
      // "Sunday, December 6, 2026, 18:30–19:15" with the programme's length, its end the
      // wall-clock time in the event's zone; datetime= with the event's offset, which share.js
      // compares with the browser's: a viewer whose clock differs reads "… Berlin time".
      java.time.ZoneId zone = talk.zone();
      String span = DateTimeText.clockSpan(at, talk.length(), zone);
      String back =
          span.endsWith(" " + DateTimeText.CLOCKS_GO_BACK) ? " " + DateTimeText.CLOCKS_GO_BACK : "";
      meta.append("<span><time datetime=\"")
          .append(DateTimeText.machineForm(at, zone))
          .append("\">")
          .append(esc(DateTimeText.day(at.toLocalDate(), locale)))
          .append(", ")
          .append(esc(span.substring(0, span.length() - back.length())))
          .append("</time>");
      if (zone != null) {
        meta.append("<span data-tb=\"zone\"> ")
            .append(esc(DateTimeText.zoneName(zone)))
            .append("</span>");
      }
      // After the zone: "02:15–02:00 Berlin time (clocks go back)", not "(clocks go back) Berlin
      // time".
      meta.append(esc(back)).append("</span>");
    }
    if (d.room() != null) {
      meta.append("<span>").append(esc(d.room())).append("</span>");
    }
    if (meta.length() > 0) {
      b.append("<p class=\"meta\">").append(meta).append("</p>\n");
    }
    if (talk.cancelled()) {
      // As the exported site's page of such a talk says it, under its time and room.
      b.append(NotePage.CANCELLED_NOTE);
    }
    talkLinks(b, d.slidesUrl(), d.videoUrl());
    if (!d.tags().isEmpty()) {
      b.append("<ul class=\"tags\" aria-label=\"Tags\">");
      for (String tag : d.tags()) {
        b.append("<li><span>").append(esc(tag)).append("</span></li>");
      }
      b.append("</ul>\n");
    }
    if (!talk.abstractText().isBlank()) {
      b.append("<section class=\"abstract\" aria-labelledby=\"tb-abstract\">\n")
          .append("<h2 id=\"tb-abstract\">Abstract</h2>\n")
          .append(renderer.renderAbstract(talk.abstractText()))
          .append("</section>\n");
    }
    return b.toString();
  }

  /** The whole page as it is at {@code version}, for a viewer who opens it now. */
  static String page(Rendered r, int pos, List<Snippet> code, long version) {
    StringBuilder notes = new StringBuilder();
    for (int i = 0; i < r.blocks().size(); i++) {
      notes
          .append(i == pos ? "<div class=\"tb-block tb-here\">" : "<div class=\"tb-block\">")
          .append(r.blocks().get(i))
          .append("</div>\n");
    }
    StringBuilder snippets = new StringBuilder();
    for (Snippet s : code) {
      snippetHtml(snippets, s);
    }
    StringBuilder b = new StringBuilder(notes.length() + snippets.length() + 4096);
    for (int i = 0; i < TEMPLATE.length; i++) {
      if (i % 2 == 0) {
        b.append(TEMPLATE[i]);
        continue;
      }
      switch (TEMPLATE[i]) {
        case "title" -> b.append(esc(r.talk().title())).append(" · live");
        case "csp" -> b.append(CSP);
        case "version" -> b.append(version);
        case "pos" -> b.append(pos);
        case "header" -> b.append(r.header());
        case "notes" -> b.append(notes);
        case "code" -> b.append(snippets);
        case "count" -> b.append(code.size());
        case "empty" -> b.append(code.isEmpty() ? "" : " hidden");
        default -> throw new IllegalStateException("page.html: unknown {{" + TEMPLATE[i] + "}}");
      }
    }
    return b.toString();
  }

  /** A snippet as the page lists it (the script builds the same from {@link #snippet}). */
  static void snippetHtml(StringBuilder b, Snippet s) {
    b.append("<li class=\"snippet snippet-")
        .append(s.status().css())
        .append("\" data-snippet=\"")
        .append(s.id())
        .append("\"><pre><code class=\"language-java\">")
        .append(esc(s.code()))
        .append("</code></pre>");
    if (!s.output().isEmpty() || s.status() == Snippet.Status.RUNNING) {
      b.append("<pre class=\"output\" aria-label=\"Output\"><code class=\"nohighlight\">")
          .append(esc(s.output()))
          .append("</code></pre>");
    }
    b.append("</li>\n");
  }

  // ---- the messages (JSON) ----------------------------------------------------------------------

  /** Everything, for a viewer who joins or falls too far behind, or a new talk. */
  static String state(Rendered r, int pos, List<Snippet> code) {
    StringBuilder b = new StringBuilder(r.blocks().stream().mapToInt(String::length).sum() + 1024);
    b.append("{\"title\":")
        .append(json(r.talk().title()))
        .append(",\"header\":")
        .append(json(r.header()))
        .append(",\"blocks\":");
    array(b, r.blocks());
    b.append(",\"pos\":").append(pos).append(",\"code\":[");
    for (int i = 0; i < code.size(); i++) {
      b.append(i == 0 ? "" : ",").append(snippet(code.get(i)));
    }
    return b.append("]}").toString();
  }

  /** Blocks replaced, and where the presenter is now. */
  static String patch(BlockSplice splice, int pos) {
    StringBuilder b = new StringBuilder(256);
    b.append("{\"at\":")
        .append(splice.at())
        .append(",\"del\":")
        .append(splice.remove())
        .append(",\"ins\":");
    array(b, splice.insert());
    return b.append(",\"pos\":").append(pos).append('}').toString();
  }

  /** The share ended: {@code {}} when it stopped. */
  static final String ENDED = "{}";

  /**
   * The share ended because it moved to another address: {@code url} is that address when the
   * viewer can reach it (the page goes there), else null (the page says to ask for it).
   */
  static String moved(java.net.URI url) {
    return url == null
        ? "{\"moved\":true}"
        : "{\"moved\":true,\"url\":" + json(url.toString()) + "}";
  }

  /** Where the presenter is. */
  static String position(int pos) {
    return "{\"pos\":" + pos + "}";
  }

  /** The talk's title and details changed. */
  static String header(Rendered r) {
    return "{\"title\":" + json(r.talk().title()) + ",\"header\":" + json(r.header()) + "}";
  }

  /** One snippet, new or changed. */
  static String snippet(Snippet s) {
    return "{\"id\":"
        + s.id()
        + ",\"code\":"
        + json(s.code())
        + ",\"out\":"
        + json(s.output())
        + ",\"status\":\""
        + s.status().css()
        + "\"}";
  }

  private static void array(StringBuilder b, List<String> items) {
    b.append('[');
    for (int i = 0; i < items.size(); i++) {
      b.append(i == 0 ? "" : ",").append(json(items.get(i)));
    }
    b.append(']');
  }
}
