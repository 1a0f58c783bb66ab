package dev.talkbook.core.site;

import static dev.talkbook.core.site.Html.esc;

import dev.talkbook.core.common.Counts;
import dev.talkbook.core.common.DateTimeText;
import dev.talkbook.core.common.Resources;
import dev.talkbook.core.markdown.NotePage;
import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.ProgrammeDays;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.notebook.TalkHeader;
import dev.talkbook.core.site.SiteModel.SiteEvent;
import dev.talkbook.core.site.SiteModel.SiteTag;
import dev.talkbook.core.site.SiteModel.SiteTalk;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** The site's HTML pages, from the layout template in {@code resources}. Pure and deterministic. */
final class Pages {
  /** Part of every talk page's fingerprint: change it when the page's HTML changes shape. */
  // pages-7: no text of a dropped <script>/<style> in the summary, javascript: links as text,
  // the code block keeps room for its Copy button.
  // pages-8: nor of one that spans paragraphs or is never closed.
  // pages-10: an image of an attachment published as a download (.bin) is a link to it.
  // pages-11: the 404 page's links from the host's root without a base URL; raw HTML images of
  // attachments resolved; an image the notebook does not hold is a
  // marked placeholder.
  // pages-12: the feed's summary keeps its paragraphs and list items apart (" · "); a talk
  // without notes says "No notes for this talk."; a link to a talk (talk:ID) is the relative
  // link to its page, or its text alone when the talk has no page.
  // pages-13: a talk's time shows its end ("09:00–12:00") when its length is known; an event with
  // a time zone says it once (event page meta, talk page time) and datetime= carries its offset.
  // pages-14: a talk's end on a later day says so ("23:30–01:00 +1"); a tag page's talks show
  // their day and time, as an event page's do.
  // pages-15: a span that ends before its start on the clock, the night the clocks go back, says so
  // ("02:15–02:00 (clocks go back)").
  // pages-16: with the zone in one pair of brackets, "02:15–02:00 (Berlin time; clocks go back)".
  static final String VERSION = "pages-16:" + Integer.toHexString(layoutText().hashCode());

  /** Before the speakers, time and room of a talk gone from the programme, in lists of talks. */
  static final String CANCELLED_LABEL = "<span class=\"cancelled-label\">Cancelled</span>";

  /**
   * Before the title of a talk gone from the programme where only text can say so: its entry in the
   * feed (as the agenda's calendar entry says it). The site's search results show the label.
   */
  static final String CANCELLED_TITLE = "Cancelled: ";

  private final String[] layout;
  private final byte[][] layoutBytes;
  private final String siteTitle;

  /** The locale the pages name dates in ({@link DateTimeText#day}), as the window does. */
  private final Locale locale;

  /** {@link #VERSION} and the locale: pages made in another locale are made again. */
  private final String version;

  Pages(String siteTitle, Locale locale) {
    this.siteTitle = siteTitle;
    this.locale = locale;
    this.version = VERSION + "/" + locale.toLanguageTag();
    this.layout = layoutText().replace("{{site}}", esc(siteTitle)).split("\\{\\{|\\}\\}", -1);
    this.layoutBytes = new byte[layout.length][];
    for (int i = 0; i < layout.length; i += 2) {
      layoutBytes[i] = layout[i].getBytes(StandardCharsets.UTF_8);
    }
  }

  private static String layoutText() {
    return Resources.text(Pages.class, "layout.html");
  }

  /** A whole page: the layout with {@code root} (the way back to the site's top), title, body. */
  String page(String root, String title, String content) {
    StringBuilder b = new StringBuilder(content.length() + 2048);
    for (int i = 0; i < layout.length; i++) {
      if (i % 2 == 0) {
        b.append(layout[i]);
      } else {
        switch (layout[i]) {
          case "root" -> b.append(root);
          case "title" ->
              b.append(esc(title.equals(siteTitle) ? siteTitle : title + " · " + siteTitle));
          case "content" -> b.append(content);
          default -> throw new IllegalStateException("layout.html: unknown {{" + layout[i] + "}}");
        }
      }
    }
    return b.toString();
  }

  /**
   * {@link #page} as UTF-8, its content given in pieces, each encoded once into the page's bytes:
   * for talk pages, whose notes are most of the page (a piece with one character past Latin-1, like
   * the breadcrumb's "›", would otherwise make the whole page's text twice as large and slow to
   * encode).
   */
  byte[] pageBytes(String root, String title, String... content) {
    byte[][] parts = new byte[layout.length + content.length][];
    int n = 0;
    int size = 0;
    for (int i = 0; i < layout.length; i++) {
      if (i % 2 == 0) {
        parts[n++] = layoutBytes[i];
      } else {
        switch (layout[i]) {
          case "root" -> parts[n++] = utf8(root);
          case "title" ->
              parts[n++] =
                  utf8(esc(title.equals(siteTitle) ? siteTitle : title + " · " + siteTitle));
          case "content" -> {
            for (String piece : content) {
              parts[n++] = utf8(piece);
            }
          }
          default -> throw new IllegalStateException("layout.html: unknown {{" + layout[i] + "}}");
        }
      }
    }
    for (int i = 0; i < n; i++) {
      size += parts[i].length;
    }
    byte[] page = new byte[size];
    int at = 0;
    for (int i = 0; i < n; i++) {
      System.arraycopy(parts[i], 0, page, at, parts[i].length);
      at += parts[i].length;
    }
    return page;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  String index(SiteModel model) {
    StringBuilder b = new StringBuilder("<h1>").append(esc(siteTitle)).append("</h1>\n");
    if (model.events.isEmpty()) {
      b.append("<p>Nothing is published yet.</p>\n");
    } else {
      b.append("<ol class=\"listing\">\n");
      for (SiteEvent e : model.events) {
        b.append("<li><h2><a href=\"")
            .append(Html.urlPath(e.path()))
            .append("\">")
            .append(esc(e.event().title()))
            .append("</a></h2>\n<p class=\"meta\">");
        eventMeta(b, e.event(), false);
        b.append("<span>").append(Counts.of(e.talks().size(), "talk")).append("</span></p></li>\n");
      }
      b.append("</ol>\n");
    }
    return page("", siteTitle, b.toString());
  }

  String event(SiteEvent e) {
    Event ev = e.event();
    StringBuilder b = new StringBuilder();
    b.append("<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"../../index.html\">")
        .append(esc(siteTitle))
        .append("</a></nav>\n<h1>")
        .append(esc(ev.title()))
        .append("</h1>\n<p class=\"meta\">");
    eventMeta(b, ev, true);
    b.append("</p>\n");
    if (ev.url() != null) {
      b.append("<p><a href=\"").append(esc(ev.url())).append("\">Event web site</a></p>\n");
    }
    if (e.talks().isEmpty()) {
      b.append("<p>No talks yet.</p>\n");
    } else {
      // Over several days, a heading for each day, as the window's navigator shows them.
      List<ProgrammeDays.Day<SiteTalk>> days =
          ProgrammeDays.of(e.talks(), t -> t.talk().details().startsAt());
      // The day beside the time where one event has talks on more days than one (or lasts more).
      boolean withDay =
          (ev.endDate() != null && ev.startDate() != null && ev.endDate().isAfter(ev.startDate()))
              || e.talks().stream()
                      .map(t -> t.talk().details().startsAt())
                      .filter(java.util.Objects::nonNull)
                      .map(LocalDateTime::toLocalDate)
                      .distinct()
                      .count()
                  > 1;
      if (days.isEmpty()) {
        b.append("<h2>Talks</h2>\n");
        talkList(b, e.talks(), withDay);
      } else {
        boolean years = ProgrammeDays.overNewYear(days);
        for (ProgrammeDays.Day<SiteTalk> day : days) {
          b.append("<h2 class=\"day\">");
          if (day.date() == null) {
            b.append(NO_TIME);
          } else {
            b.append("<time datetime=\"")
                .append(day.date())
                .append("\">")
                .append(DateTimeText.dayInEvent(day.date(), years, locale))
                .append("</time>");
          }
          b.append("</h2>\n");
          talkList(b, day.talks(), false); // the day is the heading's
        }
      }
    }
    return page("../../", ev.title(), b.toString());
  }

  /** A day's heading where the talks of an event without a time are listed. */
  static final String NO_TIME = "No time";

  /** An event page's list of these talks. */
  private void talkList(StringBuilder b, List<SiteTalk> talks, boolean withDay) {
    b.append("<ol class=\"listing\">\n");
    for (SiteTalk t : talks) {
      boolean cancelled = t.talk().programme().removed();
      b.append(cancelled ? "<li class=\"cancelled\">" : "<li>")
          .append("<h3><a href=\"")
          .append(Html.urlPath(t.slug()))
          .append(".html\">")
          .append(esc(t.talk().title()))
          .append("</a></h3>\n<p class=\"meta\">");
      if (cancelled) {
        b.append(CANCELLED_LABEL);
      }
      talkMeta(b, t.talk(), t.event().event(), withDay, false, cancelled);
      b.append("</p></li>\n");
    }
    b.append("</ol>\n");
  }

  /**
   * What a talk page is made from, its notes standing in by the talk's id, last save and notes'
   * size (so the notes need not be read to tell whether the page changed): any change here changes
   * the page. Also what its search entry is made from ({@link SearchText#VERSION}).
   */
  String talkInputs(SiteTalk t, SiteTalk prev, SiteTalk next) {
    TalkHeader talk = t.talk();
    Talk.Details d = talk.details();
    StringBuilder b = new StringBuilder(512);
    b.append(version).append('\0').append(SearchText.VERSION).append('\0');
    b.append(siteTitle).append('\0').append(t.path()).append('\0').append(talk.id()).append('\0');
    b.append(talk.updatedAt() == null ? 0 : talk.updatedAt().toEpochMilli()).append('\0');
    b.append(talk.notesBytes()).append('\0');
    b.append(d.title()).append('\0').append(d.speakers()).append('\0');
    b.append(d.startsAt()).append('\0').append(d.room()).append('\0');
    b.append(talk.programme().duration()).append('\0');
    b.append(d.slidesUrl()).append('\0').append(d.videoUrl()).append('\0');
    b.append(talk.programme().removed()).append('\0');
    event(b, t.event().event());
    for (SiteTag tag : t.tags()) {
      b.append(tag.name()).append('/').append(tag.slug()).append('\0');
    }
    b.append(prev == null ? "" : prev.slug() + "/" + prev.talk().title()).append('\0');
    b.append(next == null ? "" : next.slug() + "/" + next.talk().title()).append('\0');
    return b.append(talk.programme().abstractText()).toString();
  }

  private void event(StringBuilder b, Event ev) {
    b.append(ev.title()).append('\0').append(ev.startDate()).append('\0');
    b.append(ev.endDate()).append('\0').append(ev.location()).append('\0');
    b.append(ev.url()).append('\0').append(ev.timeZone()).append('\0');
  }

  /**
   * What an event page is made from: this head (the event), then what its list shows of each talk,
   * {@link #listed} ({@code SiteExporter.listPrint}).
   */
  String eventInputsHead(SiteEvent e) {
    StringBuilder b = new StringBuilder("event\0").append(version).append('\0');
    b.append(siteTitle).append('\0').append(e.path()).append('\0');
    event(b, e.event());
    return b.toString();
  }

  /**
   * What a tag page is made from: this head (the tag), then what its list shows of each talk,
   * {@link #listed} of each, made once for all the pages ({@code SiteExporter.listPrint}).
   */
  String tagInputsHead(SiteTag tag) {
    StringBuilder b = new StringBuilder("tag\0").append(version).append('\0');
    b.append(siteTitle).append('\0').append(tag.name()).append('\0').append(tag.path());
    return b.toString();
  }

  /** What a list of talks shows of one (and where it links), for the inputs of the list's page. */
  String listed(SiteTalk t) {
    Talk.Details d = t.talk().details();
    StringBuilder b = new StringBuilder(160);
    b.append('\0').append(t.path()).append('\0').append(d.title()).append('\0');
    b.append(d.speakers()).append('\0').append(d.startsAt()).append('\0').append(d.room());
    b.append('\0').append(t.event().event().title());
    b.append('\0').append(t.talk().programme().removed());
    b.append('\0').append(t.talk().programme().duration());
    b.append('\0').append(t.event().event().timeZone());
    return b.toString();
  }

  /** What the index of events and the index of tags are made from. */
  String indexInputs(SiteModel model) {
    StringBuilder b = new StringBuilder("index\0").append(version).append('\0');
    b.append(siteTitle).append('\0');
    for (SiteEvent e : model.events) {
      b.append(e.path()).append('\0').append(e.talks().size()).append('\0');
      event(b, e.event());
    }
    for (SiteTag tag : model.tags) {
      b.append(tag.path()).append('\0').append(tag.name()).append('\0');
      b.append(tag.talks().size()).append('\0');
    }
    return b.toString();
  }

  /** What the 404 page is made from. */
  String notFoundInputs(String baseUrl) {
    return "404\0" + version + "\0" + siteTitle + "\0" + baseUrl;
  }

  /**
   * The talk page, UTF-8; {@code abstractHtml} is the programme's abstract, rendered ("" for none).
   */
  byte[] talk(SiteTalk t, SiteTalk prev, SiteTalk next, NotePage notes, String abstractHtml) {
    TalkHeader talk = t.talk();
    Talk.Details d = talk.details();
    StringBuilder b = new StringBuilder(2048);
    b.append("<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"../../index.html\">")
        .append(esc(siteTitle))
        .append("</a> › <a href=\"index.html\">")
        .append(esc(t.event().event().title()))
        .append("</a></nav>\n<article class=\"talk\">\n<header>\n<h1>")
        .append(esc(talk.title()))
        .append("</h1>\n<p class=\"meta\">");
    boolean cancelled = talk.programme().removed();
    talkMeta(b, talk, t.event().event(), true, true, cancelled);
    b.append("</p>\n");
    if (cancelled) {
      b.append(NotePage.CANCELLED_NOTE);
    }
    Html.talkLinks(b, d.slidesUrl(), d.videoUrl());
    if (!t.tags().isEmpty()) {
      b.append("<ul class=\"tags\" aria-label=\"Tags\">");
      for (SiteTag tag : t.tags()) {
        b.append("<li><a href=\"../../")
            .append(Html.urlPath(tag.path()))
            .append("\" rel=\"tag\">")
            .append(esc(tag.name()))
            .append("</a></li>");
      }
      b.append("</ul>\n");
    }
    b.append("</header>\n");
    if (!abstractHtml.isBlank()) {
      b.append("<section class=\"abstract\" aria-labelledby=\"tb-abstract\">\n")
          .append("<h2 id=\"tb-abstract\">Abstract</h2>\n")
          .append(abstractHtml)
          .append("</section>\n");
    }
    List<NotePage.Heading> headings = notes.headings();
    if (headings.size() >= 3) {
      int top = headings.stream().mapToInt(NotePage.Heading::level).min().orElse(1);
      b.append(
          "<nav class=\"toc\" aria-labelledby=\"tb-toc\">\n<h2 id=\"tb-toc\">Contents</h2>\n<ul>");
      for (NotePage.Heading h : headings) {
        b.append("<li class=\"toc-")
            .append(h.level() - top + 1)
            .append("\"><a href=\"#")
            .append(h.id())
            .append("\">")
            .append(h.html())
            .append("</a></li>");
      }
      b.append("</ul>\n</nav>\n");
    }
    b.append("<div class=\"notes\">\n");
    String head = b.toString();
    b.setLength(0);
    b.append("</div>\n</article>\n");
    if (prev != null || next != null) {
      b.append("<nav class=\"prev-next\" aria-label=\"Other talks at this event\">");
      if (prev != null) {
        b.append("<a class=\"prev\" rel=\"prev\" href=\"")
            .append(Html.urlPath(prev.slug()))
            .append(".html\">← ")
            .append(esc(prev.talk().title()))
            .append("</a>");
      }
      if (next != null) {
        b.append("<a class=\"next\" rel=\"next\" href=\"")
            .append(Html.urlPath(next.slug()))
            .append(".html\">")
            .append(esc(next.talk().title()))
            .append(" →</a>");
      }
      b.append("</nav>\n");
    }
    // a talk without notes says so rather than ending at its header (its abstract, if any, is
    // above)
    String shown = notes.html().isBlank() ? NO_NOTES : notes.html();
    return pageBytes("../../", talk.title(), head, shown, b.toString());
  }

  /** What a talk page without notes shows where they would be. */
  static final String NO_NOTES = "<p class=\"no-notes\">No notes for this talk.</p>\n";

  String tagIndex(SiteModel model) {
    StringBuilder b = new StringBuilder("<h1>Tags</h1>\n");
    if (model.tags.isEmpty()) {
      b.append("<p>No talk has tags yet.</p>\n");
    } else {
      b.append("<ul class=\"tag-cloud\">\n");
      for (SiteTag tag : model.tags) {
        b.append("<li><a href=\"")
            .append(Html.urlPath(tag.slug()))
            .append(".html\">")
            .append(esc(tag.name()))
            .append(" <span class=\"count\">")
            .append(tag.talks().size())
            .append("</span></a></li>\n");
      }
      b.append("</ul>\n");
    }
    return page("../", "Tags", b.toString());
  }

  String tag(SiteTag tag) {
    StringBuilder b = new StringBuilder();
    b.append(
            "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"index.html\">Tags</a></nav>\n")
        .append("<h1>Talks tagged “")
        .append(esc(tag.name()))
        .append("”</h1>\n<ol class=\"listing\">\n");
    for (SiteTalk t : tag.talks()) {
      boolean cancelled = t.talk().programme().removed();
      b.append(cancelled ? "<li class=\"cancelled\">" : "<li>")
          .append("<h2><a href=\"../")
          .append(Html.urlPath(t.path()))
          .append("\">")
          .append(esc(t.talk().title()))
          .append("</a></h2>\n<p class=\"meta\">");
      if (cancelled) {
        b.append(CANCELLED_LABEL);
      }
      speakers(b, t.talk().details());
      // its day and time (as on its page), since a tag's talks are of many days and events
      time(b, t.talk(), t.event().event(), true, true, cancelled);
      b.append("<span>").append(esc(t.event().event().title())).append("</span></p></li>\n");
    }
    b.append("</ol>\n");
    return page("../", "Tag " + tag.name(), b.toString());
  }

  /**
   * The page left at a talk page's old path (the talk was renamed, or its event): sends the reader
   * on to {@code target}, relative to the old page, with a link for a reader whose browser does not
   * follow the refresh. Search engines are told the new page is the one to keep.
   */
  String redirect(String target, String title) {
    return redirect(target, title, "../../");
  }

  /** As above, for a page {@code root} below the site's top ({@code ../} for a tag's). */
  String redirect(String target, String title, String root) {
    String url = esc(Html.urlPath(target));
    String page =
        page(
            root,
            title,
            "<h1>This page has moved</h1>\n<p>It is now at <a href=\""
                + url
                + "\">“"
                + esc(title)
                + "”</a>.</p>\n");
    return page.replaceFirst(
        "</head>",
        java.util.regex.Matcher.quoteReplacement(
            "<meta http-equiv=\"refresh\" content=\"0; url="
                + url
                + "\">\n<link rel=\"canonical\" href=\""
                + url
                + "\">\n<meta name=\"robots\" content=\"noindex\">\n</head>"));
  }

  /**
   * The 404 page: its links and style sheets lead to the top of the site, absolute with a base URL,
   * else from the host's root ({@code /}): a host serves this page for a missing address at any
   * depth ({@code /events/x/gone.html}), where a relative link would lead nowhere. So without a
   * base URL it is right for a site at the root of its host; one in a sub-folder needs the base
   * URL.
   */
  String notFound(String baseUrl) {
    String root = baseUrl == null ? "/" : baseUrl;
    return page(
        root,
        "Page not found",
        "<h1>Page not found</h1>\n<p>There is no page at this address. It may have moved when a"
            + " talk was renamed.</p>\n<p><a href=\""
            + esc(root)
            + "index.html\">All events</a> · <a href=\""
            + esc(root)
            + "tags/index.html\">All tags</a></p>\n");
  }

  /** The event's dates and place; with {@code withZone}, its time zone (the event page). */
  private void eventMeta(StringBuilder b, Event e, boolean withZone) {
    if (e.startDate() != null) {
      b.append("<span>").append(dates(e.startDate(), e.endDate())).append("</span>");
    }
    if (e.location() != null) {
      b.append("<span>").append(esc(e.location())).append("</span>");
    }
    if (withZone) {
      e.zone()
          .ifPresent(
              z ->
                  b.append("<span>Times in ")
                      .append(esc(DateTimeText.zoneName(z)))
                      .append("</span>"));
    }
  }

  /**
   * Speakers, time and room; the time struck through when the talk was {@code cancelled}. The time
   * is "09:00–12:00" when the programme gave its length; {@code datetime=} carries the event's
   * offset when it has a zone, and {@code withZone} names the zone after the time (the talk page;
   * the event page says it once in its head).
   */
  private void talkMeta(
      StringBuilder b,
      TalkHeader talk,
      Event ev,
      boolean withDay,
      boolean withZone,
      boolean cancelled) {
    Talk.Details d = talk.details();
    speakers(b, d);
    time(b, talk, ev, withDay, withZone, cancelled);
    if (d.room() != null) {
      b.append("<span>").append(esc(d.room())).append("</span>");
    }
  }

  /** The talk's time as {@link #talkMeta} shows it, when it has one. */
  private void time(
      StringBuilder b,
      TalkHeader talk,
      Event ev,
      boolean withDay,
      boolean withZone,
      boolean cancelled) {
    LocalDateTime at = talk.details().startsAt();
    if (at != null) {
      ZoneId zone = ev.zone().orElse(null);
      b.append(cancelled ? "<span><s><time datetime=\"" : "<span><time datetime=\"")
          .append(DateTimeText.machineForm(at, zone))
          .append("\">")
          .append(withDay ? DateTimeText.day(at.toLocalDate(), locale) + ", " : "")
          .append(spanAndZone(at, talk.programme().duration(), zone, withZone))
          .append(cancelled ? "</time></s></span>" : "</time></span>");
    }
  }

  /**
   * "09:00–09:45", with the zone "09:00–09:45 (Berlin time)"; the night the clocks go back one pair
   * of brackets, "02:15–02:00 (Berlin time; clocks go back)", not two in a row.
   */
  private static String spanAndZone(
      LocalDateTime at, java.time.Duration length, ZoneId zone, boolean withZone) {
    String span = DateTimeText.clockSpan(at, length, zone);
    if (!withZone || zone == null) {
      return span;
    }
    String name = esc(DateTimeText.zoneName(zone));
    String back = " " + DateTimeText.CLOCKS_GO_BACK;
    return span.endsWith(back)
        ? span.substring(0, span.length() - back.length())
            + " ("
            + name
            + "; "
            + DateTimeText.CLOCKS_GO_BACK.substring(1)
        : span + " (" + name + ")";
  }

  private void speakers(StringBuilder b, Talk.Details d) {
    if (!d.speakers().isEmpty()) {
      b.append("<span>").append(Html.names(d.speakers())).append("</span>");
    }
  }

  String dates(LocalDate start, LocalDate end) {
    String s = "<time datetime=\"" + start + "\">" + DateTimeText.day(start, locale) + "</time>";
    if (end != null && !end.equals(start)) {
      s += " – <time datetime=\"" + end + "\">" + DateTimeText.day(end, locale) + "</time>";
    }
    return s;
  }
}
