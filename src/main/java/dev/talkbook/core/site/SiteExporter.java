package dev.talkbook.core.site;

import static dev.talkbook.core.site.Html.esc;
import static dev.talkbook.core.site.Html.json;

import dev.talkbook.core.common.CrcPair;
import dev.talkbook.core.common.DateTimeText;
import dev.talkbook.core.markdown.MarkdownRenderer;
import dev.talkbook.core.markdown.NotePage;
import dev.talkbook.core.notebook.AttachmentRef;
import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.TalkHeader;
import dev.talkbook.core.notebook.TalkLink;
import dev.talkbook.core.site.SiteModel.SiteEvent;
import dev.talkbook.core.site.SiteModel.SiteTag;
import dev.talkbook.core.site.SiteModel.SiteTalk;
import dev.talkbook.core.store.Notebook;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a notebook as a static web site: an index of events, a page per event, talk and tag, an
 * Atom feed, a 404 page and a client-side search, with every asset inside the folder and only
 * relative links, so it works from disk and from any sub-path of a static host.
 *
 * <p>The output is deterministic (the same notebook gives the same bytes) and incremental: a
 * manifest ({@value Manifest#NAME}) records each file written with its hash and what it was made
 * from, so a re-export renders and writes only what changed and deletes only files that it wrote
 * and that are gone. A file it did not write is never replaced or deleted; nothing is written
 * outside the folder. Talk pages are rendered on all cores. Notes go through the shared {@link
 * MarkdownRenderer} (raw HTML through its allow-list sanitizer, ADR 0007; unsafe URLs dropped).
 */
public final class SiteExporter {

  /**
   * The locale of the pages' dates when the caller names none: the site's words are British English
   * ("Thursday, 15 October 2026").
   */
  public static final Locale PAGES_LOCALE = Locale.UK;

  /**
   * What to export.
   *
   * @param title the site's name, shown on every page
   * @param eventIds only these events (empty: all)
   * @param baseUrl the address the site will be published at, for the feed's absolute links; may be
   *     null (the feed's links are then relative to it)
   * @param locale the locale the pages name dates in ({@link DateTimeText#day}); {@link
   *     #keptOptions} and {@link #siteLocale} give the one the folder's last export kept, so that
   *     an export from a machine in another region rewrites no page; {@link #PAGES_LOCALE} when
   *     null
   */
  public record Options(String title, Set<Long> eventIds, String baseUrl, Locale locale) {
    /** With the dates in {@link #PAGES_LOCALE}. */
    public Options(String title, Set<Long> eventIds, String baseUrl) {
      this(title, eventIds, baseUrl, PAGES_LOCALE);
    }

    /** These options with the dates named in {@code locale} (the window's: the user's). */
    public Options withLocale(Locale locale) {
      return new Options(title, eventIds, baseUrl, locale);
    }

    public Options {
      locale = locale == null ? PAGES_LOCALE : locale;
      title = title == null || title.isBlank() ? "Talk notes" : title.strip();
      eventIds = eventIds == null ? Set.of() : Set.copyOf(eventIds);
      if (baseUrl != null) {
        baseUrl = baseUrl.strip();
        if (!baseUrl.matches("(?i)https?://[^\\s\"<>]+")) {
          throw new SiteException(
              "The base URL must be an absolute http(s) address, like https://example.org/talks/; got \""
                  + baseUrl
                  + "\".");
        }
        if (!baseUrl.endsWith("/")) {
          baseUrl += "/";
        }
      }
    }

    public static Options all() {
      return new Options(null, Set.of(), null);
    }
  }

  /**
   * How an export went: counts of files written, left as they were, and deleted; how many talks,
   * and of how many the notes were read (a re-export reads only the notes that changed); {@code
   * notices}: what the reader will not see as the notes show it, a line each (an SVG holding links
   * or scripts is published as a download, not as a picture; an image the notebook does not hold
   * shows as missing), for the publisher.
   */
  public record Result(
      int written,
      int unchanged,
      int deleted,
      int talks,
      java.nio.file.Path index,
      int notesRead,
      List<String> notices) {
    public Result {
      notices = List.copyOf(notices);
    }
  }

  /**
   * An export that was cancelled ({@link #export}'s {@code cancelled}), with what it leaves in the
   * folder, which its message says: the pages that still only say they are being published, whether
   * the search has no index yet, how many files it wrote. The site works either way; the next
   * export finishes it.
   */
  public static final class Cancelled extends CancellationException {
    private static final long serialVersionUID = 1L;
    private final int pagesWaiting;
    private final boolean searchWaiting;
    private final int written;

    Cancelled(int pagesWaiting, boolean searchWaiting, int written) {
      super(says(pagesWaiting, searchWaiting, written));
      this.pagesWaiting = pagesWaiting;
      this.searchWaiting = searchWaiting;
      this.written = written;
    }

    /** The pages that hold a placeholder ("being published") until the next export. */
    public int pagesWaiting() {
      return pagesWaiting;
    }

    /** Whether the search has only an empty index until the next export. */
    public boolean searchWaiting() {
      return searchWaiting;
    }

    /** The files this export wrote before it stopped. */
    public int written() {
      return written;
    }

    private static String says(int pages, boolean search, int written) {
      if (pages == 0 && !search) {
        return written == 0
            ? "Export cancelled before it changed the site."
            : "Export cancelled. The site still works: "
                + dev.talkbook.core.common.Counts.of(written, "file")
                + " of it "
                + (written == 1 ? "is" : "are")
                + " from this export, the rest as the last export left them. Export again to"
                + " finish it.";
      }
      String waiting =
          pages == 0
              ? ""
              : dev.talkbook.core.common.Counts.of(pages, "page")
                  + (pages == 1
                      ? " only says that it is being published"
                      : " only say that they are being published");
      String searching = search ? "its search finds nothing" : "";
      return "Export cancelled. The site still works, but "
          + waiting
          + (pages > 0 && search ? " and " : "")
          + searching
          + " until you export again.";
    }
  }

  /** Told how far the export is; called from worker threads. */
  @FunctionalInterface
  public interface Progress {
    void update(int done, int total, String what);

    Progress NONE = (done, total, what) -> {};
  }

  private static final Pattern ATTACHMENT =
      Pattern.compile("attachment:([0-9a-f]{64})(?:/[^\\s)\"'<>]*)?");
  private static final List<String[]> ASSETS =
      List.of(
          new String[] {"assets/site.css", "/dev/talkbook/core/site/site.css"},
          new String[] {"assets/print.css", "/dev/talkbook/core/site/print.css"},
          new String[] {"assets/site.js", "/dev/talkbook/core/site/site.js"},
          new String[] {"assets/search.js", "/dev/talkbook/core/site/search.js"},
          new String[] {"assets/favicon.svg", "/dev/talkbook/core/site/favicon.svg"},
          new String[] {
            "assets/highlight.min.js",
            "/META-INF/resources/webjars/highlightjs/11.10.0/highlight.min.js"
          },
          new String[] {
            "assets/highlight-light.css",
            "/META-INF/resources/webjars/highlightjs/11.10.0/styles/github.min.css"
          },
          new String[] {
            "assets/highlight-dark.css",
            "/META-INF/resources/webjars/highlightjs/11.10.0/styles/github-dark.min.css"
          },
          new String[] {
            "assets/lunr.min.js", "/META-INF/resources/webjars/lunr/2.3.9/lunr.min.js"
          });
  private static final Map<String, byte[]> ASSET_BYTES = new ConcurrentHashMap<>();

  /** Talks in one search index part at most (a part is rewritten when one of its talks changes). */
  static final int SEARCH_PART_TALKS = 400;

  private static final String ATTACHMENTS = "attachments/";

  /**
   * What a page still to be written holds while an export runs: no links, so a site that an export
   * left half way (killed, a full disk) has no link that leads nowhere; the next export replaces
   * it.
   */
  static final byte[] PLACEHOLDER =
      utf8(
          "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
              + "<meta http-equiv=\"refresh\" content=\"5\">\n<title>Being published</title>\n"
              + "</head>\n<body>\n<p>This page is being published. It will be here in a moment.</p>\n"
              + "</body>\n</html>\n");

  private static final String EMPTY_SEARCH_INDEX = "window.TALKBOOK_SEARCH_INDEX = [\n];\n";

  private final Supplier<MarkdownRenderer> renderer;

  /** For tests: told of each change to the folder a reader could see ({@link OutputFolder}). */
  java.util.function.Consumer<String> changed;

  public SiteExporter(MarkdownRenderer renderer) {
    this.renderer = () -> renderer;
  }

  /**
   * With the renderer made only when a page has to be rendered (building commonmark's parser and
   * renderers costs a cold command a noticeable moment, and a re-export often renders one page).
   */
  public SiteExporter(Supplier<MarkdownRenderer> renderer) {
    MarkdownRenderer[] made = {null};
    this.renderer =
        () -> {
          synchronized (made) {
            if (made[0] == null) {
              made[0] = renderer.get();
            }
            return made[0];
          }
        };
  }

  /**
   * One file of the site, made on demand; {@code fingerprint} null means "always make it" (it is
   * then written only when its bytes differ from the last export's).
   */
  private record Planned(String path, String fingerprint, Supplier<Made> content, boolean remake) {
    static Planned of(String path, String fingerprint, Supplier<byte[]> bytes) {
      return new Planned(path, fingerprint, () -> new Made(bytes.get(), List.of()), false);
    }
  }

  /**
   * A file's bytes, the files it links to that must stay with it (a page's attachments), the images
   * it shows as missing, and the talks it links to ({@link Manifest.Entry#links}).
   */
  private record Made(byte[] bytes, List<String> uses, List<String> missing, List<String> links) {
    Made(byte[] bytes, List<String> uses) {
      this(bytes, uses, List.of(), List.of());
    }
  }

  /**
   * Exports the notebook into {@code folder}. {@code cancelled} is polled between files; when it
   * says yes, the export stops with a {@link Cancelled} (saying what it leaves in the folder), and
   * the manifest still lists every file written so far (so a later export can clean them up). One
   * export at a time writes into a folder: while another one does (of this process or another),
   * this one is refused at once with a {@link SiteException} that says so.
   *
   * <p>What is read: the events and every talk without its notes ({@link TalkHeader}); the notes of
   * a talk only when its page must be made again (its fingerprint, which stands for the notes by
   * the talk's last save and their size, differs from the last export's), and of the newest talks
   * when the feed must be made again. So a re-export after one edit reads one talk's notes.
   */
  public Result export(
      Notebook notebook,
      java.nio.file.Path folder,
      Options options,
      Progress progress,
      BooleanSupplier cancelled) {
    OutputFolder out = new OutputFolder(folder);
    out.changed = changed;
    // One export at a time writes into a folder (refused at once, before anything is read)
    return out.whileHeld(() -> export(notebook, folder, options, progress, cancelled, out));
  }

  private Result export(
      Notebook notebook,
      java.nio.file.Path folder,
      Options options,
      Progress progress,
      BooleanSupplier cancelled,
      OutputFolder out) {
    // The last export's manifest and its folders' listings, and the assets' hashes, are read on
    // another core while this one reads the notebook.
    java.util.concurrent.FutureTask<Manifest> lastExport =
        new java.util.concurrent.FutureTask<>(
            () -> {
              Manifest m = Manifest.read(out.root());
              m = m.withTags(oldTagPages(out, m));
              Set<String> folders = new java.util.HashSet<>();
              for (String path : m.entries().keySet()) {
                int slash = path.lastIndexOf('/');
                if (slash > 0 && folders.add(path.substring(0, slash))) {
                  out.listed(path);
                }
              }
              for (String[] asset : ASSETS) {
                assetPrint(asset[1]);
              }
              return m;
            });
    Thread reading = new Thread(lastExport, "site-export-manifest");
    reading.setDaemon(true);
    reading.start();
    // Building commonmark's parser and renderers takes a cold process a moment: on another core.
    // Into a folder without an earlier export every page is rendered, so from the start, while
    // this one reads the notebook; else once it is known that some page is.
    boolean warming = notesSavedSince(notebook, out.root().resolve(Manifest.NAME));
    if (warming) {
      warmRenderer();
    }
    progress.update(0, 0, "Reading the notebook");
    List<Event> events = new ArrayList<>();
    for (Event e : notebook.events().list()) {
      if (options.eventIds().isEmpty() || options.eventIds().contains(e.id())) {
        events.add(e);
      }
    }
    for (long id : options.eventIds()) {
      if (events.stream().noneMatch(e -> e.id() == id)) {
        throw new SiteException("There is no event with id " + id + " to export.");
      }
    }
    Map<Long, List<TalkHeader>> talks = new HashMap<>();
    for (Event e : events) {
      talks.put(e.id(), new ArrayList<>());
    }
    for (TalkHeader t : notebook.talks().headers()) {
      List<TalkHeader> list = talks.get(t.eventId());
      if (list != null) {
        list.add(t);
      }
    }
    Manifest old = Tasks.done(lastExport);
    SiteModel model = new SiteModel(events, talks, old);
    if (!options.eventIds().isEmpty()) {
      OtherEventsInFolder.refuse(folder, old, model, notebook.events().list());
    }
    Pages pages = new Pages(options.title(), options.locale());
    // Every talk's fingerprint and what the lists of talks show of it, each made once, on every
    // core: a re-export after one edit spends most of its time here, on every talk.
    List<SiteTalk> all = new ArrayList<>();
    List<SiteTalk> prevs = new ArrayList<>();
    List<SiteTalk> nexts = new ArrayList<>();
    for (SiteEvent e : model.events) {
      List<SiteTalk> list = e.talks();
      for (int i = 0; i < list.size(); i++) {
        all.add(list.get(i));
        prevs.add(i > 0 ? list.get(i - 1) : null);
        nexts.add(i + 1 < list.size() ? list.get(i + 1) : null);
      }
    }
    String[] talkPrints = new String[all.size()];
    byte[][] listedTexts = new byte[all.size()][];
    inParallel(
        all.size(),
        i -> {
          SiteTalk t = all.get(i);
          talkPrints[i] = fingerprint(utf8(pages.talkInputs(t, prevs.get(i), nexts.get(i))));
          listedTexts[i] = utf8(pages.listed(t));
        });
    Map<SiteTalk, String> fingerprints =
        new java.util.IdentityHashMap<>(); // never hashed, see SiteModel
    Map<SiteTalk, byte[]> listed = new java.util.IdentityHashMap<>();
    for (int i = 0; i < all.size(); i++) {
      fingerprints.put(all.get(i), talkPrints[i]);
      listed.put(all.get(i), listedTexts[i]);
    }
    // A list page's inputs are its head and what it shows of each of its talks, fingerprinted
    // piece by piece: made as one text, the tag pages' alone were 20 MB at 10,000 talks, and
    // young collections that a re-export then waited for.
    String[] tagPrints = new String[model.tags.size()];
    String[] eventPrints = new String[model.events.size()];
    inParallel(
        tagPrints.length + eventPrints.length,
        i -> {
          if (i < tagPrints.length) {
            SiteTag tag = model.tags.get(i);
            tagPrints[i] = listPrint(pages.tagInputsHead(tag), tag.talks(), listed::get);
          } else {
            SiteEvent e = model.events.get(i - tagPrints.length);
            eventPrints[i - tagPrints.length] =
                listPrint(pages.eventInputsHead(e), e.talks(), listed::get);
          }
        });
    Notes notes = new Notes(notebook);
    AttachmentFiles attachmentFiles = new AttachmentFiles(notebook);
    // The search entries of the talks whose pages are made again, made from the same notes; and
    // the feed's summaries of its talks whose pages are made again, from the same parse.
    Map<String, String> searchEntries = new ConcurrentHashMap<>();
    List<SiteTalk> newest = newestTalks(model);
    Set<String> inFeed = new java.util.HashSet<>();
    for (SiteTalk t : newest) {
      inFeed.add(t.path());
    }
    Map<String, String> summaries = new ConcurrentHashMap<>();
    // Where a link in the notes to a talk (talk:ID) leads: that talk's page, by its id.
    Map<Long, String> pageOfTalk = new HashMap<>();
    for (SiteTalk t : all) {
      pageOfTalk.put(t.talk().id(), t.path());
    }

    // First the pages, then what depends on them: the attachments they link to, the search index
    // and the feed.
    List<Planned> pagesPlan = new ArrayList<>();
    for (String[] asset : ASSETS) {
      pagesPlan.add(Planned.of(asset[0], assetPrint(asset[1]), () -> asset(asset[1])));
    }
    // The pages that list talks (index, tags, events) are written after the talks' pages.
    Set<String> listPages = new java.util.HashSet<>();
    String index = fingerprint(utf8(pages.indexInputs(model)));
    pagesPlan.add(Planned.of("index.html", index, () -> utf8(pages.index(model))));
    pagesPlan.add(
        Planned.of(
            "404.html",
            fingerprint(utf8(pages.notFoundInputs(options.baseUrl()))),
            () -> utf8(pages.notFound(options.baseUrl()))));
    pagesPlan.add(Planned.of("tags/index.html", index, () -> utf8(pages.tagIndex(model))));
    for (int ti = 0; ti < model.tags.size(); ti++) {
      SiteTag tag = model.tags.get(ti);
      pagesPlan.add(Planned.of(tag.path(), tagPrints[ti], () -> utf8(pages.tag(tag))));
    }
    pagesPlan.forEach(p -> listPages.add(p.path()));
    for (int ei = 0; ei < model.events.size(); ei++) {
      SiteEvent e = model.events.get(ei);
      pagesPlan.add(Planned.of(e.path(), eventPrints[ei], () -> utf8(pages.event(e))));
      listPages.add(e.path());
      List<SiteTalk> list = e.talks();
      for (int i = 0; i < list.size(); i++) {
        SiteTalk t = list.get(i);
        SiteTalk prev = i > 0 ? list.get(i - 1) : null;
        SiteTalk next = i + 1 < list.size() ? list.get(i + 1) : null;
        String fingerprint = fingerprints.get(t);
        Manifest.Entry before = old.get(t.path());
        // made again when an attachment it links to is gone (another talk took it away), or a
        // talk it links to has another page now (renamed, moved) or none (deleted)
        boolean remake =
            before != null
                && (before.uses().stream()
                        .anyMatch(file -> attachmentFiles.file(attachmentHash(file)) == null)
                    || before.links().stream().anyMatch(link -> !linkLeads(link, pageOfTalk)));
        if (remake || !reusable(before, out, t.path(), fingerprint)) {
          notes.willRead(t);
        }
        pagesPlan.add(
            new Planned(
                t.path(),
                fingerprint,
                () -> {
                  String body = notes.of(t);
                  searchEntries.put(t.path(), searchEntry(t, body));
                  Map<String, String> urls = new LinkedHashMap<>();
                  List<String> uses = new ArrayList<>();
                  for (AttachmentRef ref : attachmentsIn(body)) {
                    String file = attachmentFiles.file(ref.sha256());
                    if (file != null) {
                      urls.put(ref.sha256(), "../../" + file);
                      uses.add(file);
                    }
                  }
                  MarkdownRenderer markdown = renderer.get();
                  List<String> links = new ArrayList<>();
                  NotePage page =
                      markdown.renderPage(
                          body,
                          ref -> Optional.ofNullable(urls.get(ref.sha256())),
                          link -> {
                            String to = pageOfTalk.get(link.talkId());
                            String seen = link.talkId() + " " + (to == null ? "-" : to);
                            if (!links.contains(seen)) {
                              links.add(seen);
                            }
                            return Optional.ofNullable(to)
                                .map(path -> relative(t.path(), path) + link.suffix());
                          },
                          t.talk().title(),
                          inFeed.contains(t.path()) ? SUMMARY_CHARS : -1);
                  if (page.summary() != null) {
                    summaries.put(t.path(), page.summary());
                  }
                  String abstractText = t.talk().programme().abstractText();
                  String abstractHtml =
                      abstractText.isEmpty() ? "" : markdown.renderAbstract(abstractText);
                  return new Made(
                      pages.talk(t, prev, next, page, abstractHtml),
                      uses,
                      page.missingImages(),
                      links);
                },
                remake));
      }
    }

    Map<String, Long> eventPaths = new HashMap<>();
    Map<String, String> tagPaths = new HashMap<>();
    Map<String, Long> talkPaths =
        redirects(
            pages, model, old, pagesPlan, eventPaths, tagPaths, GoneTags.targets(out, old, model));

    if (notes.anyToRead() && !warming) {
      warmRenderer(); // while the pages that need no rendering are checked
    }
    SearchParts parts = new SearchParts(model, fingerprints, out, old);
    Run run =
        new Run(
            out,
            old,
            siteId(old, out, options),
            options,
            talkPaths,
            eventPaths,
            tagPaths,
            progress,
            cancelled);
    List<String> linkedPaths = new ArrayList<>(List.of(SearchParts.INDEX, FEED));
    parts.parts().forEach(part -> linkedPaths.add(part.path()));
    run.refuseOthersFiles(pagesPlan.stream().map(Planned::path).toList());
    run.refuseOthersFiles(linkedPaths);
    List<String> firstPaths = new ArrayList<>(pagesPlan.stream().map(Planned::path).toList());
    firstPaths.addAll(linkedPaths);
    run.attachmentPlan =
        file -> {
          String sha = attachmentHash(file);
          return Planned.of(file, sha, () -> notebook.attachments().bytes(sha));
        };
    if (cancelled.getAsBoolean()) {
      throw new Cancelled(0, false, 0); // before anything is written
    }
    if (notes.anyToRead()) {
      // pages will be made, and write the pictures they show before the manifest lists them
      firstPaths.addAll(attachmentsToOwn(notebook, out, old));
    }
    run.own(firstPaths);
    run.total = pagesPlan.size() + linkedPaths.size();
    List<String> missing = new ArrayList<>();
    for (Planned p : pagesPlan) {
      if (p.path().endsWith(".html") && !out.listed(p.path())) {
        missing.add(p.path());
      }
    }
    run.placeholders(missing, PLACEHOLDER);
    if (!out.listed(FEED)) {
      run.placeholder(
          FEED,
          utf8(feed(List.of(), fingerprints, Map.of(), summaries, notes, options, run.siteId)));
    }
    if (!out.listed(SearchParts.INDEX)) {
      run.placeholder(SearchParts.INDEX, utf8(EMPTY_SEARCH_INDEX));
    }
    List<Planned> talkPages = new ArrayList<>();
    List<Planned> listing = new ArrayList<>();
    for (Planned p : pagesPlan.subList(ASSETS.size(), pagesPlan.size())) {
      (listPages.contains(p.path()) ? listing : talkPages).add(p);
    }
    talkPages.addAll(listing);
    run.make(pagesPlan.subList(0, ASSETS.size()));
    run.make(talkPages);

    List<Planned> linkedPlan = new ArrayList<>();
    Set<String> attachmentsUsed = new java.util.TreeSet<>();
    for (Planned p : pagesPlan) {
      Manifest.Entry e = run.entries.get(p.path());
      if (e != null) {
        attachmentsUsed.addAll(e.uses());
      }
    }
    List<String> notices =
        new ArrayList<>(downloadedSvgs(attachmentsUsed, attachmentFiles, all, run, notes));
    notices.addAll(missingImages(all, run));
    notices.addAll(linksToNoPage(all, run));
    for (String file : attachmentsUsed) {
      String sha = attachmentHash(file);
      linkedPlan.add(Planned.of(file, sha, () -> notebook.attachments().bytes(sha)));
    }
    for (SearchParts.Part part : parts.parts()) {
      linkedPlan.add(
          Planned.of(
              part.path(),
              part.fingerprint(),
              () -> utf8(parts.text(part, searchEntries, t -> searchEntry(t, notes.of(t))))));
    }
    linkedPlan.add(Planned.of(SearchParts.INDEX, null, () -> utf8(parts.index())));
    linkedPlan.add(
        Planned.of(
            FEED,
            fingerprint(utf8(feedInputs(model, newest, fingerprints, options, run.siteId))),
            () ->
                utf8(
                    feed(
                        newest,
                        fingerprints,
                        oldSummaries(out, old),
                        summaries,
                        notes,
                        options,
                        run.siteId))));
    run.total = pagesPlan.size() + linkedPlan.size();
    run.refuseOthersFiles(linkedPlan.stream().map(Planned::path).toList());
    run.own(linkedPlan.stream().map(Planned::path).toList());
    // the index of the search's parts and the feed after the parts and pages they name
    int last = linkedPlan.size() - 2;
    run.make(linkedPlan.subList(0, last));
    run.make(linkedPlan.subList(last, linkedPlan.size()));

    Set<String> planned = new LinkedHashSet<>();
    for (Planned p : pagesPlan) {
      if (!planned.add(p.path())) {
        throw new IllegalStateException("two site files at " + p.path());
      }
    }
    for (Planned p : linkedPlan) {
      if (!planned.add(p.path())) {
        throw new IllegalStateException("two site files at " + p.path());
      }
    }
    int deleted = 0;
    try {
      for (String path : old.entries().keySet()) {
        // (a path owned but never written, by an export that stopped, is mostly not there)
        if (!planned.contains(path) && out.listed(path) && out.delete(path)) {
          deleted++;
        }
      }
      byte[] manifest =
          Manifest.bytes(
              run.entries,
              run.siteId,
              talkPaths,
              eventPaths,
              tagPaths,
              options.title(),
              options.baseUrl(),
              options.locale().toLanguageTag());
      out.writeWhole(Manifest.NAME, manifest);
    } catch (RuntimeException e) {
      throw run.stopped(e);
    }
    return new Result(
        run.written.get(),
        run.total - run.written.get(),
        deleted,
        model.talks().size(),
        out.root().resolve("index.html"),
        notes.read(),
        notices);
  }

  /**
   * One line for each SVG the pages use that is published as a download (it holds links or
   * scripts), named as the notes name it: its picture is a link on the page, which the publisher is
   * told. The notes are read again only for such files, which are rare.
   */
  private static List<String> downloadedSvgs(
      Set<String> used, AttachmentFiles files, List<SiteTalk> talks, Run run, Notes notes) {
    Set<String> downloads = new java.util.HashSet<>();
    for (String file : used) {
      if (files.downloadedSvgs.contains(file)) {
        downloads.add(file);
      }
    }
    if (downloads.isEmpty()) {
      return List.of();
    }
    Set<String> names = new java.util.TreeSet<>();
    for (SiteTalk t : talks) {
      Manifest.Entry e = run.entries.get(t.path());
      if (e == null || e.uses().stream().noneMatch(downloads::contains)) {
        continue;
      }
      for (AttachmentRef ref : attachmentsIn(notes.alone(t))) {
        if (downloads.contains(files.file(ref.sha256()))) {
          names.add(ref.fileName());
        }
      }
    }
    return names.stream()
        .map(
            name ->
                name + " holds links or scripts: published as a download, not shown as a picture")
        .toList();
  }

  /**
   * One line for each image a talk page shows as missing (the notebook does not hold it), by its
   * name, with the talks that show it: known from the page as it was made, or kept in the manifest
   * for a page an earlier export made.
   */
  private static List<String> missingImages(List<SiteTalk> talks, Run run) {
    Map<String, List<String>> titles = new java.util.TreeMap<>();
    for (SiteTalk t : talks) {
      Manifest.Entry e = run.entries.get(t.path());
      if (e != null) {
        for (String name : e.missing()) {
          titles.computeIfAbsent(name, n -> new ArrayList<>()).add(t.talk().title());
        }
      }
    }
    List<String> lines = new ArrayList<>(titles.size());
    titles.forEach(
        (name, in) -> {
          String shown = "\"" + String.join("\", \"", in.subList(0, Math.min(2, in.size()))) + "\"";
          if (in.size() > 2) {
            shown += " and " + (in.size() - 2) + " more";
          }
          lines.add(
              name
                  + " is not in the notebook: shown as a missing image in "
                  + shown
                  + " (attach the file to show it)");
        });
    return lines;
  }

  /**
   * Plans a redirect at each path the last export wrote a talk's page (or redirect) at, when that
   * talk is still exported at another path and nothing else takes the old one: a link to the old
   * page keeps working after a rename, and a chain of renames leads to the newest page; and the
   * same for each event's page and each tag's. Returns the talk of each talk page and redirect, for
   * the manifest, and puts the event of each event page and redirect into {@code eventPaths}, the
   * tag (its name) of each tag page and redirect into {@code tagPaths}. Redirects are in no list,
   * search or feed.
   */
  private static Map<String, Long> redirects(
      Pages pages,
      SiteModel model,
      Manifest old,
      List<Planned> pagesPlan,
      Map<String, Long> eventPaths,
      Map<String, String> tagPaths,
      Map<String, SiteTag> goneTags) {
    Map<String, Long> talkPaths = new HashMap<>();
    Map<Long, SiteTalk> byId = new HashMap<>();
    for (SiteTalk t : model.talks()) {
      talkPaths.put(t.path(), t.talk().id());
      byId.put(t.talk().id(), t);
    }
    Set<String> taken = new java.util.HashSet<>();
    for (Planned p : pagesPlan) {
      taken.add(p.path());
    }
    // the old paths a redirect may go to (the talk is still here, nothing else is planned there),
    // sorted: usually none, so the 10,000 paths of an unchanged site are not sorted at every export
    List<String> oldPaths = new ArrayList<>();
    old.talks()
        .forEach(
            (path, id) -> {
              if (byId.containsKey(id) && !taken.contains(path)) {
                oldPaths.add(path);
              }
            });
    oldPaths.sort(null);
    for (String path : oldPaths) {
      SiteTalk now = byId.get(old.talks().get(path));
      String target = relative(path, now.path());
      String title = now.talk().title();
      String html = pages.redirect(target, title);
      pagesPlan.add(Planned.of(path, fingerprint(utf8(html)), () -> utf8(html)));
      taken.add(path);
      talkPaths.put(path, now.talk().id());
    }
    Map<Long, SiteEvent> eventById = new HashMap<>();
    for (SiteEvent e : model.events) {
      eventPaths.put(e.path(), e.event().id());
      eventById.put(e.event().id(), e);
    }
    String[] oldEventPaths = model.oldEvents.keySet().toArray(new String[0]);
    java.util.Arrays.sort(oldEventPaths);
    for (String path : oldEventPaths) {
      SiteEvent now = eventById.get(model.oldEvents.get(path));
      if (now == null || taken.contains(path)) {
        continue;
      }
      String html = pages.redirect(relative(path, now.path()), now.event().title());
      pagesPlan.add(Planned.of(path, fingerprint(utf8(html)), () -> utf8(html)));
      taken.add(path);
      eventPaths.put(path, now.event().id());
    }
    Map<String, SiteTag> tagByKey = new HashMap<>();
    for (SiteTag t : model.tags) {
      tagPaths.put(t.path(), t.name());
      tagByKey.put(SiteModel.tagKey(t.name()), t);
    }
    String[] oldTagPaths = model.oldTags.keySet().toArray(new String[0]);
    java.util.Arrays.sort(oldTagPaths);
    for (String path : oldTagPaths) {
      if (taken.contains(path)) {
        continue; // a page is there now
      }
      SiteTag now = tagByKey.get(model.oldTags.get(path));
      if (now == null) {
        // no talk has the tag now: the tag it was renamed to, else the tags' index (GoneTags)
        now = goneTags.get(path);
      }
      String html =
          now == null
              ? pages.redirect(relative(path, GoneTags.INDEX), "Tags", "../")
              : pages.redirect(relative(path, now.path()), now.name(), "../");
      pagesPlan.add(Planned.of(path, fingerprint(utf8(html)), () -> utf8(html)));
      taken.add(path);
      // a redirect to the index stays one under the gone tag's name, for the next export
      tagPaths.put(path, now == null ? old.tags().getOrDefault(path, path) : now.name());
    }
    return talkPaths;
  }

  private static final Pattern TAG_HEADING = Pattern.compile("<h1>Talks tagged “([^<]*)”</h1>");

  /**
   * The tag (its name) of each tag page the last export wrote that its manifest has no {@code tag}
   * line for (a manifest written before there were any), read off the page's heading: a page whose
   * name changed since leaves a redirect there too. Only the page's first lines are read.
   */
  private static Map<String, String> oldTagPages(OutputFolder out, Manifest old) {
    Map<String, String> tags = new HashMap<>();
    for (String path : old.entries().keySet()) {
      if (SiteModel.tagSlug(path) == null || old.tags().containsKey(path) || !out.listed(path)) {
        continue;
      }
      try (java.io.BufferedReader in =
          java.nio.file.Files.newBufferedReader(out.resolve(path), StandardCharsets.UTF_8)) {
        int lines = 0;
        for (String line = in.readLine(); line != null && lines < 200; line = in.readLine()) {
          lines++;
          Matcher m = TAG_HEADING.matcher(line);
          if (m.find()) {
            tags.put(path, unescape(m.group(1)));
            break;
          }
        }
      } catch (IOException | RuntimeException unreadable) {
        // no redirect there: the page is removed as before
      }
    }
    return tags;
  }

  /**
   * Whether a talk page's link as the manifest keeps it ("id page") still leads where the page made
   * then had it lead: the talk's page now, or none.
   */
  private static boolean linkLeads(String link, Map<Long, String> pageOfTalk) {
    int space = link.indexOf(' ');
    String now = pageOfTalk.get(Long.parseLong(link.substring(0, space)));
    return link.substring(space + 1).equals(now == null ? "-" : now);
  }

  /**
   * One line for each talk page whose notes link to a talk the site has no page of (deleted, or of
   * an event not exported): the link shows as its text. Known from the page as it was made, or kept
   * in the manifest for a page an earlier export made.
   */
  private static List<String> linksToNoPage(List<SiteTalk> talks, Run run) {
    List<String> lines = new ArrayList<>();
    for (SiteTalk t : talks) {
      Manifest.Entry e = run.entries.get(t.path());
      if (e == null) {
        continue;
      }
      List<String> ids = new ArrayList<>();
      for (String link : e.links()) {
        if (link.endsWith(" -")) {
          ids.add(TalkLink.SCHEME + link.substring(0, link.indexOf(' ')));
        }
      }
      if (!ids.isEmpty()) {
        lines.add(
            "\""
                + t.talk().title()
                + "\" links to "
                + (ids.size() == 1 ? "a talk" : ids.size() + " talks")
                + " not on the site (deleted, or of an event not exported: "
                + String.join(", ", ids)
                + "): shown as text");
      }
    }
    return lines;
  }

  /** The relative URL from the page at site path {@code from} to the one at {@code to}. */
  static String relative(String from, String to) {
    java.nio.file.Path base = java.nio.file.Path.of(from).getParent();
    java.nio.file.Path target = java.nio.file.Path.of(to);
    String rel = (base == null ? target : base.relativize(target)).toString();
    return rel.replace(java.io.File.separatorChar, '/');
  }

  /**
   * Whether a talk was saved after the last export wrote its manifest (one query), or there is no
   * last export: then some page is most likely rendered, so the renderer is made from the start,
   * beside the reading of the notebook, not once every page has been checked. Only a guess of when
   * to start: a wrong one (a clock set back, a change that is not a save) costs a moment, never a
   * page.
   */
  private static boolean notesSavedSince(Notebook notebook, java.nio.file.Path manifest) {
    try {
      long written = java.nio.file.Files.getLastModifiedTime(manifest).toMillis();
      return notebook.talks().savedMark().talkChanged() >= written;
    } catch (java.nio.file.NoSuchFileException none) {
      return true; // every page is rendered
    } catch (IOException | RuntimeException e) {
      return false; // the pages' fingerprints tell
    }
  }

  /** Makes the renderer on a thread of its own (see the constructor). */
  private void warmRenderer() {
    Thread warm = new Thread(renderer::get, "site-export-renderer");
    warm.setDaemon(true);
    warm.start();
  }

  /**
   * The attachment files a page made by this export may write (it writes the pictures it shows
   * before itself, long before the search index and the feed): each file the notebook holds, an SVG
   * under both names it may take ({@link SiteFiles}), so that the manifest written before the pages
   * owns them all, and the next export removes one an export that stopped (killed, a full disk)
   * left behind and no page shows any more. Left out: a file there that the last export did not
   * write and that does not hold that attachment's bytes (a page that shows it refuses to replace
   * it); one that does hold them is what an export that stopped before its manifest named it (an
   * older Talkbook) left.
   */
  private static List<String> attachmentsToOwn(Notebook notebook, OutputFolder out, Manifest old) {
    List<String> files = new ArrayList<>();
    for (dev.talkbook.core.notebook.Attachment a : notebook.attachments().all()) {
      String sha = a.sha256();
      List<String> names =
          SiteFiles.isSvg(a)
              ? List.of(
                  ATTACHMENTS + sha + ".svg",
                  ATTACHMENTS + sha + MarkdownRenderer.DOWNLOAD_EXTENSION)
              : List.of(
                  ATTACHMENTS
                      + sha
                      + "."
                      + SiteFiles.extension(a, () -> notebook.attachments().bytes(sha)));
      for (String file : names) {
        if (old.get(file) != null || !out.listed(file) || holds(out, file, sha)) {
          files.add(file);
        }
      }
    }
    return files;
  }

  /** Whether the file at {@code path} holds the bytes whose SHA-256 is {@code sha}. */
  private static boolean holds(OutputFolder out, String path, String sha) {
    try {
      java.nio.file.Path p = out.resolve(path);
      return java.nio.file.Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
          && sha256(java.nio.file.Files.readAllBytes(p)).equals(sha);
    } catch (IOException | RuntimeException unreadable) {
      return false;
    }
  }

  /** The content hash in an attachment's site path, {@code attachments/<sha256>.<ext>}. */
  private static String attachmentHash(String file) {
    return file.substring("attachments/".length(), file.lastIndexOf('.'));
  }

  /**
   * Whether the last export's file at {@code path} ({@code before}, its entry in the last manifest)
   * was made from the same inputs and is still there (a file removed by hand is made again).
   */
  private static boolean reusable(
      Manifest.Entry before, OutputFolder out, String path, String fingerprint) {
    return fingerprint != null
        && before != null
        && fingerprint.equals(before.fingerprint())
        && out.listed(path);
  }

  /** One export's writing: files made on every core, what was written, the manifest's entries. */
  private static final class Run {
    final OutputFolder out;
    final Manifest old;
    final String siteId;
    final Options options;
    final Progress progress;
    final BooleanSupplier cancelled;
    final Map<String, Manifest.Entry> entries = new ConcurrentHashMap<>();

    /** The last export's talk of each talk page and redirect, and this one's. */
    final Map<String, Long> talks;

    /** The same for events. */
    final Map<String, Long> events;

    /** The same for tags (their names). */
    final Map<String, String> tags;

    /** The last export's files and every file this one planned so far (see {@link #own}). */
    final Map<String, Manifest.Entry> owned;

    final AtomicInteger written = new AtomicInteger();
    final AtomicInteger done = new AtomicInteger();
    int total;

    Run(
        OutputFolder out,
        Manifest old,
        String siteId,
        Options options,
        Map<String, Long> talks,
        Map<String, Long> events,
        Map<String, String> tags,
        Progress progress,
        BooleanSupplier cancelled) {
      this.out = out;
      this.old = old;
      this.siteId = siteId;
      this.options = options;
      this.talks = new HashMap<>(old.talks());
      this.talks.putAll(talks);
      this.events = new HashMap<>(old.events());
      this.events.putAll(events);
      this.tags = new HashMap<>(old.tags());
      this.tags.putAll(tags);
      this.progress = progress;
      this.cancelled = cancelled;
      this.owned = new ConcurrentHashMap<>(old.entries());
    }

    /**
     * Owns {@code paths} before any of them may exist: if writing stops half way (a full disk, a
     * crash), the next export still knows them as its own and finishes or removes them. The
     * manifest is written whole or not at all, so a full disk leaves the old one, never an empty
     * one.
     */
    synchronized void own(List<String> paths) {
      boolean more = false;
      for (String path : paths) {
        more |= owned.putIfAbsent(path, Manifest.Entry.NOT_WRITTEN) == null;
      }
      if (more) {
        out.writeWhole(Manifest.NAME, manifest(owned));
      }
    }

    private byte[] manifest(Map<String, Manifest.Entry> files) {
      return Manifest.bytes(
          files,
          siteId,
          talks,
          events,
          tags,
          options.title(),
          options.baseUrl(),
          options.locale().toLanguageTag());
    }

    /**
     * Refuses (before writing any of them) when a file Talkbook did not write is in the way. Each
     * folder is listed once ({@link OutputFolder#listed}) and only a name found there is looked at:
     * thousands of files looked for one by one, most of them not there, cost an exception each.
     */
    void refuseOthersFiles(List<String> paths) {
      for (String path : paths) {
        if (old.get(path) == null
            && entries.get(path) == null
            && out.listed(path)
            && out.exists(path)) {
          throw new SiteException(
              out.resolve(path)
                  + " is already there and was not written by Talkbook. Export into an empty"
                  + " folder, or into one that holds an earlier export.");
        }
      }
    }

    /** Makes the attachment files pages show, each once whichever page (or round) asks first. */
    java.util.function.Function<String, Planned> attachmentPlan;

    private final Map<String, FutureTask<Void>> once = new ConcurrentHashMap<>();

    /** The paths that hold a placeholder page now. */
    final Set<String> placeholders = ConcurrentHashMap.newKeySet();

    private void makeOnce(Planned p) {
      FutureTask<Void> task =
          once.computeIfAbsent(
              p.path(),
              path ->
                  new FutureTask<>(
                      () -> {
                        makeOne(p);
                        return null;
                      }));
      task.run(); // nothing when another thread runs it or ran it
      Tasks.done(task);
    }

    /**
     * Records {@code paths} as not written before a placeholder takes their place: the last
     * export's record of a file the folder lost (removed by hand) would otherwise, once this export
     * stops (killed, cancelled, a full disk), make the next one take the placeholder for that file
     * and keep it.
     */
    private synchronized void notWritten(List<String> paths) {
      boolean more = false;
      for (String path : paths) {
        Manifest.Entry was = owned.put(path, Manifest.Entry.NOT_WRITTEN);
        more |= was != Manifest.Entry.NOT_WRITTEN;
      }
      if (more) {
        out.writeWhole(Manifest.NAME, manifest(owned));
      }
    }

    /** Puts a placeholder page at each of {@code paths}, which are still to be written. */
    void placeholders(List<String> paths, byte[] page) {
      try {
        notWritten(paths);
        inParallel(
            paths.size(),
            i -> {
              out.placeholder(paths.get(i), page);
              placeholders.add(paths.get(i));
            });
      } catch (RuntimeException e) {
        throw stopped(e);
      }
    }

    /** A failure to write (a full disk), saying what it leaves and what to do. */
    private RuntimeException stopped(RuntimeException failure) {
      if (failure instanceof CancellationException) {
        return cancelled();
      }
      if (!(failure instanceof SiteException)) {
        return failure;
      }
      return new SiteException(
          failure.getMessage()
              + " The export stopped half way: the site in "
              + out.root()
              + " still works, but pages not written yet say that they are being"
              + " published. Export again to finish it.",
          failure);
    }

    /** The export cancelled, saying what it leaves in the folder (once every worker stopped). */
    private Cancelled cancelled() {
      int pages = 0;
      boolean search = false;
      for (String path : placeholders) {
        if (!entries.containsKey(path)) {
          pages += path.endsWith(".html") ? 1 : 0;
          search |= path.equals(SearchParts.INDEX);
        }
      }
      return new Cancelled(pages, search, written.get());
    }

    /** Writes {@code bytes} where a file is still to be written, for the pages that link to it. */
    void placeholder(String path, byte[] bytes) {
      try {
        notWritten(List.of(path));
        out.writeWhole(path, bytes);
      } catch (RuntimeException e) {
        throw stopped(e);
      }
      placeholders.add(path);
    }

    /** Makes (or keeps) every planned file; on a failure, writes what is owned and throws. */
    void make(List<Planned> plan) {
      int size = plan.size();
      AtomicInteger next = new AtomicInteger();
      java.util.concurrent.atomic.AtomicReference<RuntimeException> failure =
          new java.util.concurrent.atomic.AtomicReference<>();
      Runnable worker =
          () -> {
            for (int i = next.getAndIncrement();
                i < size && failure.get() == null;
                i = next.getAndIncrement()) {
              if (cancelled.getAsBoolean()) {
                failure.compareAndSet(null, new CancellationException("The export was cancelled."));
                return;
              }
              Planned p = plan.get(i);
              try {
                if (p.path().startsWith(ATTACHMENTS)) {
                  makeOnce(p);
                } else {
                  makeOne(p);
                }
              } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
                return;
              }
              int n = done.incrementAndGet();
              if (n % 25 == 0 || n == total) {
                progress.update(n, total, p.path());
              }
            }
          };
      runOnAllCores(worker);
      if (failure.get() != null) {
        // Keep ownership of everything written so far, and of what the last export wrote. If even
        // that cannot be written (the disk is full), the manifest written by own() still owns them.
        Map<String, Manifest.Entry> keep = new HashMap<>(owned);
        keep.putAll(entries);
        RuntimeException stopped = stopped(failure.get());
        try {
          out.writeWhole(Manifest.NAME, manifest(keep));
        } catch (RuntimeException e) {
          stopped.addSuppressed(e);
        }
        throw stopped;
      }
    }

    private void makeOne(Planned p) {
      if (!owned.containsKey(p.path())) {
        // an attachment: in someone else's file's place (attachmentsToOwn left it out), or
        // attached since the export began (the notes are read as the pages are made)
        if (out.exists(p.path())) {
          throw new SiteException(
              out.resolve(p.path())
                  + " is already there and was not written by Talkbook. Remove it, or export into"
                  + " another folder.");
        }
        own(List.of(p.path()));
      }
      Manifest.Entry before = old.get(p.path());
      if (!p.remake() && reusable(before, out, p.path(), p.fingerprint())) {
        entries.put(p.path(), before);
        return;
      }
      Made made = p.content().get();
      for (String file : made.uses()) {
        makeOnce(attachmentPlan.apply(file)); // the page's pictures before the page
      }
      byte[] bytes = made.bytes();
      String sum = checksum(bytes);
      Manifest.Entry entry =
          new Manifest.Entry(
              bytes.length,
              sum,
              p.fingerprint() == null ? "-" : p.fingerprint(),
              made.uses(),
              made.missing(),
              made.links());
      if (before == null
          || placeholders.contains(p.path())
          || !sameContent(bytes, sum, before.hash())
          || !out.hasFile(p.path(), bytes.length)) {
        // Owned already (own()); its entry only once it is there: a write that fails leaves the
        // old file, or the placeholder, which the next export must not take for this one.
        out.writeWhole(p.path(), bytes);
        written.incrementAndGet();
      }
      entries.put(p.path(), entry);
    }
  }

  /**
   * The notes of talks whose pages are made again: one by one when an event has few of them, else
   * the event's notes read together, once. Safe to use from every worker: while one worker reads an
   * event's notes, another that wants a talk of that event reads that talk's notes alone rather
   * than wait (on two cores it sat idle for each event's read, the workers reaching an event's
   * talks together).
   */
  static final class Notes {
    private final LongFunction<Map<Long, String>> eventNotes;
    private final LongFunction<String> oneNote;
    private final Map<Long, Integer> wanted = new HashMap<>();
    private final Map<Long, Integer> eventSize = new HashMap<>();
    private final Map<Long, FutureTask<Map<Long, String>>> byEvent = new ConcurrentHashMap<>();
    private final Set<Long> read = ConcurrentHashMap.newKeySet();

    Notes(Notebook notebook) {
      this(event -> notebook.talks().notes(event), talk -> notebook.talks().get(talk).body());
    }

    /** With how an event's notes (by talk id) and one talk's notes are read. */
    Notes(LongFunction<Map<Long, String>> eventNotes, LongFunction<String> oneNote) {
      this.eventNotes = eventNotes;
      this.oneNote = oneNote;
    }

    /** Notes that {@code t}'s notes will be read (before any is read). */
    void willRead(SiteTalk t) {
      willRead(t.talk().eventId(), t.event().talks().size());
    }

    /** Notes that the notes of a talk of {@code event} (of {@code size} talks) will be read. */
    void willRead(long event, int size) {
      wanted.merge(event, 1, Integer::sum);
      eventSize.put(event, size);
    }

    boolean anyToRead() {
      return !wanted.isEmpty();
    }

    /** How many talks' notes were read. */
    int read() {
      return read.size();
    }

    String of(SiteTalk t) {
      return of(t.talk().eventId(), t.talk().id());
    }

    String of(long event, long talk) {
      int many = wanted.getOrDefault(event, 0);
      if (many >= 8 && many * 4 >= eventSize.getOrDefault(event, 1)) {
        FutureTask<Map<Long, String>> reading =
            new FutureTask<>(
                () -> {
                  Map<Long, String> bodies = new ConcurrentHashMap<>(eventNotes.apply(event));
                  read.addAll(bodies.keySet());
                  return bodies;
                });
        FutureTask<Map<Long, String>> first = byEvent.putIfAbsent(event, reading);
        if (first == null) {
          reading.run();
          first = reading;
        }
        if (first.isDone()) {
          // Taken out as it is used: 10,000 talks' notes kept to the end are 50 MB that every
          // young collection copies until they are old. A talk asked for again (the feed's) is
          // read alone.
          String body = Tasks.done(first).remove(talk);
          if (body != null) {
            return body;
          }
        } else {
          // Being read by another worker: this talk's alone, and not kept in the event's once
          // they are there.
          String body = readOne(talk);
          if (first.isDone()) {
            Tasks.done(first).remove(talk);
          }
          return body;
        }
      }
      return readOne(talk);
    }

    /** A talk's notes read alone, whatever its event's (after the pages: a notice's look). */
    String alone(SiteTalk t) {
      return readOne(t.talk().id());
    }

    private String readOne(long talk) {
      read.add(talk);
      return oneNote.apply(talk);
    }
  }

  /** Attachment files by content hash: {@code attachments/<sha256>.<ext>}, looked up once each. */
  private static final class AttachmentFiles {
    private final Notebook notebook;
    private final Map<String, Optional<String>> files = new ConcurrentHashMap<>();

    AttachmentFiles(Notebook notebook) {
      this.notebook = notebook;
    }

    /** The site files of the SVGs published as downloads (they hold links or scripts). */
    final Set<String> downloadedSvgs = ConcurrentHashMap.newKeySet();

    /** The site file of the attachment with this hash, or null when the notebook lacks it. */
    String file(String sha256) {
      return files
          .computeIfAbsent(
              sha256,
              sha ->
                  notebook
                      .attachments()
                      .find(sha)
                      .map(
                          a -> {
                            String file =
                                "attachments/"
                                    + sha
                                    + "."
                                    + SiteFiles.extension(
                                        a, () -> notebook.attachments().bytes(sha));
                            if (SiteFiles.isSvg(a)
                                && file.endsWith(MarkdownRenderer.DOWNLOAD_EXTENSION)) {
                              downloadedSvgs.add(file);
                            }
                            return file;
                          }))
          .orElse(null);
    }
  }

  /**
   * Calls {@code work} for each of {@code 0 … count-1} on every core (in batches, so the threads do
   * not contend for each index); returns when all are done. A failure is thrown here.
   */
  private static void inParallel(int count, java.util.function.IntConsumer work) {
    int batch = 64;
    AtomicInteger next = new AtomicInteger();
    java.util.concurrent.atomic.AtomicReference<RuntimeException> failure =
        new java.util.concurrent.atomic.AtomicReference<>();
    runOnAllCores(
        () -> {
          for (int from = next.getAndAdd(batch);
              from < count && failure.get() == null;
              from = next.getAndAdd(batch)) {
            try {
              for (int i = from; i < Math.min(count, from + batch); i++) {
                work.accept(i);
              }
            } catch (RuntimeException e) {
              failure.compareAndSet(null, e);
            }
          }
        });
    if (failure.get() != null) {
      throw failure.get();
    }
  }

  /** Runs {@code worker} on one thread per core (this one included) and waits for all. */
  private static void runOnAllCores(Runnable worker) {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    List<Thread> helpers = new ArrayList<>();
    for (int i = 1; i < threads; i++) {
      Thread t = new Thread(worker, "site-export-" + i);
      t.setDaemon(true);
      t.start();
      helpers.add(t);
    }
    worker.run();
    for (Thread t : helpers) {
      boolean interrupted = false;
      while (true) {
        try {
          t.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The attachment references in some Markdown, in order, each once. */
  static List<AttachmentRef> attachmentsIn(String markdown) {
    List<AttachmentRef> refs = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    Matcher m = ATTACHMENT.matcher(markdown);
    while (m.find()) {
      AttachmentRef.parse(m.group()).filter(r -> seen.add(r.sha256())).ifPresent(refs::add);
    }
    return refs;
  }

  /**
   * A talk's search entry (one line of a search index part): what lunr indexes in the browser, and
   * {@code "c":1} for a talk gone from the programme, which the results then mark as cancelled (as
   * the lists of talks do).
   */
  static String searchEntry(SiteTalk t, String body) {
    TalkHeader talk = t.talk();
    return "{\"u\":"
        + json(Html.urlPath(t.path()))
        + ",\"t\":"
        + json(talk.title())
        + ",\"s\":"
        + json(String.join(", ", talk.speakers()))
        // a line each: a tag typed with punctuation (tag:c#) is found whole, not inside "c# basics"
        + ",\"g\":"
        + json(String.join("\n", talk.tags()))
        + ",\"e\":"
        + json(t.event().event().title())
        // its day and time, shown in the result (not searched): "2026-03-12 18:30–19:15"
        + (talk.details().startsAt() == null
            ? ""
            : ",\"w\":\""
                + DateTimeText.formSpan(
                    talk.details().startsAt(),
                    talk.programme().duration(),
                    t.event().event().zone().orElse(null))
                + "\"")
        // The words are letters, digits, spaces and a name's # + . , which json() would only quote,
        // after
        // looking at each of their ~3,000 characters
        + ",\"b\":\""
        + SearchText.words(body)
        + "\""
        + (talk.programme().removed() ? ",\"c\":1}" : "}");
  }

  /**
   * The feed's talks: the 50 newest by the text of their time (else of their event's day, else
   * "null"), then by id, newest first. For years 0 to 9999, which every talk of a real notebook
   * has, that text's order is {@link #byTime}, compared without making a text for each of 10,000s
   * of talks; any other year takes the texts.
   */
  private static List<SiteTalk> newestTalks(SiteModel model) {
    List<SiteTalk> talks = new ArrayList<>(model.talks());
    boolean plainYears = true;
    for (SiteTalk t : talks) {
      plainYears &= plainYear(t.talk().details().startsAt(), t.event().event().startDate());
    }
    if (plainYears) {
      talks.sort(
          ((Comparator<SiteTalk>)
                  (a, b) -> {
                    int c =
                        byTime(
                            a.talk().details().startsAt(),
                            a.event().event().startDate(),
                            b.talk().details().startsAt(),
                            b.event().event().startDate());
                    return c != 0 ? c : Long.compare(a.talk().id(), b.talk().id());
                  })
              .reversed());
      return List.copyOf(talks.subList(0, Math.min(50, talks.size())));
    }
    // Each talk's sort key made once (not in every comparison: there are 10,000s of talks).
    record Keyed(String time, long id, SiteTalk talk) {}
    List<Keyed> keyed = new ArrayList<>();
    for (SiteTalk t : talks) {
      keyed.add(
          new Keyed(
              timeText(t.talk().details().startsAt(), t.event().event().startDate()),
              t.talk().id(),
              t));
    }
    keyed.sort(Comparator.comparing(Keyed::time).thenComparingLong(Keyed::id).reversed());
    return keyed.subList(0, Math.min(50, keyed.size())).stream().map(Keyed::talk).toList();
  }

  /** A talk's time as the feed orders it: its own time, else its event's day, else "null". */
  static String timeText(LocalDateTime at, java.time.LocalDate day) {
    return at != null ? at.toString() : String.valueOf(day);
  }

  /**
   * Whether the year {@link #byTime} needs, of the time or else the day, is 0 to 9999 (or none).
   */
  static boolean plainYear(LocalDateTime at, java.time.LocalDate day) {
    int year = at != null ? at.getYear() : day != null ? day.getYear() : 0;
    return year >= 0 && year <= 9999;
  }

  /**
   * The order of {@link #timeText} for {@link #plainYear}s (four digits, so the text's order is the
   * day's): no time and no day ("null") last; on one day the day alone ("2026-10-05") before any
   * time of it; times of a day by time ("14:30" before "14:30:15" before "14:30:15.500").
   */
  static int byTime(
      LocalDateTime aAt, java.time.LocalDate aDay, LocalDateTime bAt, java.time.LocalDate bDay) {
    java.time.LocalDate a = aAt != null ? aAt.toLocalDate() : aDay;
    java.time.LocalDate b = bAt != null ? bAt.toLocalDate() : bDay;
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : 1) : -1;
    }
    int c = a.compareTo(b);
    if (c != 0) {
      return c;
    }
    if (aAt == null || bAt == null) {
      return aAt == null ? (bAt == null ? 0 : -1) : 1;
    }
    return aAt.toLocalTime().compareTo(bAt.toLocalTime());
  }

  /** When the feed's talks last changed: the feed's own {@code updated}. */
  private static Instant lastUpdate(List<SiteTalk> talks) {
    return talks.stream()
        .map(t -> t.talk().updatedAt())
        .filter(java.util.Objects::nonNull)
        .max(Comparator.naturalOrder())
        .orElse(Instant.EPOCH);
  }

  /**
   * The site's id in its folder: the one the last export kept there; else, for a site exported
   * before there were site ids, the id its published feed has (an earlier Talkbook's {@code
   * urn:talkbook:site:<slug of the title then>}), so the ids feed readers already hold stay what
   * they were even when the title changed since; else (a first export into the folder) the same
   * title-based id of today's title. From then on it is kept in the manifest and a renamed site
   * keeps it. (A random UUID for a new folder would be more surely unique, but the same notebook
   * would then export to different bytes in two folders; the title's id at the first export is what
   * every earlier export made, and as good.)
   */
  static String siteId(Manifest old, OutputFolder out, Options options) {
    if (old.siteId() != null) {
      return old.siteId();
    }
    String published = publishedFeedId(out, old);
    return published != null ? published : "urn:talkbook:site:" + Slugs.of(options.title());
  }

  private static final Pattern FEED_ID =
      Pattern.compile(
          "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<title>[^<]*</title>\n<id>(urn:talkbook:site:[^<&]*)</id>");

  /** The title-based id of the last export's feed, when that feed is as this exporter wrote it. */
  private static String publishedFeedId(OutputFolder out, Manifest old) {
    String feed = publishedFeed(out, old);
    if (feed == null) {
      return null;
    }
    Matcher m = FEED_ID.matcher(feed);
    return m.find() ? m.group(1) : null;
  }

  /** The last export's feed, when it is as that export wrote it; else null. */
  private static String publishedFeed(OutputFolder out, Manifest old) {
    Manifest.Entry entry = old.get(FEED);
    if (entry == null || !out.hasFile(FEED, entry.size())) {
      return null;
    }
    try {
      byte[] bytes = java.nio.file.Files.readAllBytes(out.resolve(FEED));
      return sameContent(bytes, checksum(bytes), entry.hash())
          ? new String(bytes, StandardCharsets.UTF_8)
          : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static final Pattern FEED_HEAD =
      Pattern.compile(
          "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<title>([^<]*)</title>\n<id>[^<]*</id>\n"
              + "<updated>[^<]*</updated>\n<link rel=\"alternate\" href=\"([^\"]*)index.html\"/>");

  /**
   * The title and base URL (null for none) the last export into a folder gave its site, as {@link
   * #kept} reads them, and the locale of its dates (null: not kept, an older Talkbook's export).
   */
  public record Kept(String title, String baseUrl, Locale locale) {}

  /**
   * The title and base URL the last export into {@code folder} used, as its manifest keeps them, or
   * for a site exported before the manifest kept them, as its feed shows them; null for a folder no
   * export kept them in (a new folder, or one not made yet: it is not made here, so that a form
   * that reads it as a folder is typed leaves nothing behind). A file there that is not a manifest,
   * or a damaged one, is an error.
   */
  public static Kept kept(java.nio.file.Path folder) {
    if (!java.nio.file.Files.exists(folder)) {
      return null;
    }
    OutputFolder out = new OutputFolder(folder);
    // Only the manifest's settings: the export reads the whole of it (once) on another core.
    Manifest kept = Manifest.readSettings(out.root());
    if (kept.title() != null) {
      return new Kept(
          kept.title(),
          kept.baseUrl(),
          kept.locale() == null ? null : Locale.forLanguageTag(kept.locale()));
    }
    // A manifest from before it kept the title (or none): the feed shows them.
    String feed = publishedFeed(out, Manifest.read(out.root()));
    Matcher m = feed == null ? null : FEED_HEAD.matcher(feed);
    if (m != null && m.find()) {
      return new Kept(
          unescape(m.group(1)), m.group(2).isEmpty() ? null : unescape(m.group(2)), null);
    }
    return null;
  }

  /**
   * The options for an export into {@code folder} that was not given a title, base URL or locale
   * (null): the ones the last export into it used ({@link #kept}); for a new folder the default
   * title, no base URL and the user's locale ({@link DateTimeText#userLocale}). A blank base URL is
   * none, whatever the last export had.
   */
  public static Options keptOptions(
      java.nio.file.Path folder, String title, Set<Long> eventIds, String baseUrl, Locale locale) {
    Kept kept = kept(folder);
    Locale dates =
        locale != null
            ? locale
            : kept != null && kept.locale() != null ? kept.locale() : DateTimeText.userLocale();
    if (title != null && baseUrl != null) {
      return new Options(title, eventIds, baseUrl.isBlank() ? null : baseUrl, dates);
    }
    String keptTitle = kept == null ? null : kept.title();
    String keptUrl = kept == null ? null : kept.baseUrl();
    return new Options(
        title != null ? title : keptTitle,
        eventIds,
        baseUrl == null ? keptUrl : baseUrl.isBlank() ? null : baseUrl,
        dates);
  }

  /**
   * The locale the site in {@code folder} names dates in: the one its last export kept, else (a new
   * folder, or an older Talkbook's) the user's ({@link DateTimeText#userLocale}).
   */
  public static Locale siteLocale(java.nio.file.Path folder) {
    return keptOptions(folder, "", Set.of(), "", null).locale();
  }

  /** Text {@link Html#esc} escaped, as it was. */
  private static String unescape(String s) {
    return s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  /** What the feed is made from: its talks' pages' inputs stand for their notes. */
  private static String feedInputs(
      SiteModel model,
      List<SiteTalk> newest,
      Map<SiteTalk, String> fingerprints,
      Options options,
      String siteId) {
    // feed-3: a cancelled talk's entry says so in its title. feed-4: ids from the kept site id.
    StringBuilder b = new StringBuilder("feed-4\0");
    b.append(options.title()).append('\0').append(options.baseUrl()).append('\0');
    b.append(siteId).append('\0');
    b.append(lastUpdate(newest)).append('\0');
    for (SiteTalk t : newest) {
      b.append(fingerprints.get(t)).append('\0');
    }
    return b.toString();
  }

  private static final String FEED = "feed.xml";
  private static final Pattern FEED_ENTRY =
      Pattern.compile(
          "<entry><!-- talkbook-4 ([0-9a-f]{16}) -->\n(?:(?!</entry>).)*?(<summary>[^<]*</summary>\n)?</entry>",
          Pattern.DOTALL);

  /**
   * The summaries of the last export's feed by talk key (its fingerprint's start), when that feed
   * is as this exporter wrote it: a talk whose notes did not change keeps its summary, unread.
   */
  private static Map<String, String> oldSummaries(OutputFolder out, Manifest old) {
    Manifest.Entry entry = old.get(FEED);
    Map<String, String> summaries = new HashMap<>();
    if (entry == null || !out.hasFile(FEED, entry.size())) {
      return summaries;
    }
    try {
      byte[] bytes = java.nio.file.Files.readAllBytes(out.resolve(FEED));
      if (!sameContent(bytes, checksum(bytes), entry.hash())) {
        return summaries;
      }
      Matcher m = FEED_ENTRY.matcher(new String(bytes, StandardCharsets.UTF_8));
      while (m.find()) {
        summaries.put(m.group(1), m.group(2) == null ? "" : m.group(2));
      }
    } catch (IOException e) {
      // made again from the notes
    }
    return summaries;
  }

  /** The longest summary of a talk in the feed, in characters. */
  private static final int SUMMARY_CHARS = 400;

  /**
   * The feed. A talk's summary is the last feed's when its notes did not change, else the one made
   * with its page ({@code summaries}, by path), else made here from its notes.
   */
  private String feed(
      List<SiteTalk> newest,
      Map<SiteTalk, String> fingerprints,
      Map<String, String> oldSummaries,
      Map<String, String> summaries,
      Notes notes,
      Options options,
      String siteId) {
    String base = options.baseUrl() == null ? "" : options.baseUrl();
    // Without a base URL, the id kept in the export folder: not the title, which may change.
    String feedId = base.isEmpty() ? siteId : base;
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    b.append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
        .append("<title>")
        .append(esc(options.title()))
        .append("</title>\n<id>")
        .append(esc(feedId))
        .append("</id>\n<updated>")
        .append(lastUpdate(newest))
        .append("</updated>\n<link rel=\"alternate\" href=\"")
        .append(esc(base))
        .append("index.html\"/>\n<link rel=\"self\" href=\"")
        .append(esc(base))
        .append("feed.xml\"/>\n<generator>Talkbook</generator>\n");
    for (SiteTalk t : newest) {
      TalkHeader talk = t.talk();
      String key = fingerprints.get(t).substring(0, 16);
      // talkbook-2: summaries begin with the talk's time; talkbook-3: a talk without notes has its
      // abstract there, and the time's end is in the event's zone (a summary of a talk on a night
      // the clocks moved said it an hour off); talkbook-4: a span that ends before its start on the
      // clock says "(clocks go back)". A feed written before is not reused.
      b.append("<entry><!-- talkbook-4 ")
          .append(key)
          .append(" -->\n<title>")
          // A talk gone from the programme says so where a reader sees it: Atom has no status.
          .append(talk.programme().removed() ? Pages.CANCELLED_TITLE : "")
          .append(esc(talk.title()))
          .append("</title>\n<id>")
          // By the talk's id, which a new title or date (its page's name) does not change: a
          // renamed talk stays one entry in a reader, not a second.
          .append(esc(feedId + (base.isEmpty() ? ":talk:" : "#talk-") + talk.id()))
          .append("</id>\n<updated>")
          .append(talk.updatedAt())
          .append("</updated>\n<link rel=\"alternate\" type=\"text/html\" href=\"")
          .append(esc(base + Html.urlPath(t.path())))
          .append("\"/>\n");
      for (String speaker : talk.speakers()) {
        b.append("<author><name>").append(esc(speaker)).append("</name></author>\n");
      }
      if (talk.speakers().isEmpty()) {
        b.append("<author><name>").append(esc(options.title())).append("</name></author>\n");
      }
      for (SiteTag tag : t.tags()) {
        b.append("<category term=\"").append(esc(tag.name())).append("\"/>\n");
      }
      String summary = oldSummaries.get(key);
      if (summary == null) {
        String text = summaries.get(t.path());
        if (text == null) {
          text = renderer.get().summary(notes.of(t), talk.title(), SUMMARY_CHARS);
        }
        String abstractText = talk.programme().abstractText();
        if (text.isEmpty() && !abstractText.isEmpty()) {
          // No notes: the programme's abstract, which the talk's page shows, says what it is about
          text = renderer.get().summary(abstractText, talk.title(), SUMMARY_CHARS);
        }
        // Readers show an entry's title, date (its last update) and summary: the talk's day and
        // time lead the summary, as the site's lists give them.
        LocalDateTime at = talk.details().startsAt();
        if (at != null) {
          // In the event's zone, as the talk's page shows it (its end on a night the clocks move)
          String when =
              DateTimeText.day(at.toLocalDate(), options.locale())
                  + ", "
                  + DateTimeText.clockSpan(
                      at, talk.programme().duration(), t.event().event().zone().orElse(null));
          text = text.isEmpty() ? when : when + " · " + text;
        }
        summary = text.isEmpty() ? "" : "<summary>" + esc(text) + "</summary>\n";
      }
      b.append(summary);
      b.append("</entry>\n");
    }
    return b.append("</feed>\n").toString();
  }

  private static final Map<String, String> ASSET_PRINTS = new ConcurrentHashMap<>();

  /**
   * An asset's fingerprint: its bytes' {@link #fingerprint} (no SHA-256, so a re-export loads no
   * security provider and hashes no 200 kB of scripts in an interpreter).
   */
  private static String assetPrint(String resource) {
    return ASSET_PRINTS.computeIfAbsent(resource, r -> fingerprint(asset(r)));
  }

  private static byte[] asset(String resource) {
    return ASSET_BYTES.computeIfAbsent(
        resource,
        r -> {
          try (InputStream in = SiteExporter.class.getResourceAsStream(r)) {
            if (in == null) {
              throw new IllegalStateException("missing resource " + r);
            }
            return in.readAllBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A written file's hash for the manifest: its CRC-32C and CRC-32 ({@code c:} and 16 hex digits).
   * It tells whether a file's bytes changed, and whether a file is still as this exporter wrote it
   * (a page or search part edited by hand). Two checksums of different polynomials miss no change
   * within 32 consecutive bits and any other with odds of about 2^-64; neither is a defence against
   * a forger, who could as well rewrite the manifest. Until 2026-12 the manifest held each file's
   * SHA-256, which on a command's quick-to-start JVM (C1, no SHA instructions) cost over 1 s of
   * processor time for 100 MB of pages; CRC-32C and CRC-32 use the processor's own instructions in
   * every mode.
   */
  static String checksum(byte[] bytes) {
    return "c:" + HexFormat.of().toHexDigits(CrcPair.of(bytes));
  }

  /**
   * Whether {@code bytes} (whose {@link #checksum} is {@code checksum}) are the bytes a manifest
   * entry's {@code hash} stands for: a checksum, or the SHA-256 an older Talkbook recorded.
   */
  static boolean sameContent(byte[] bytes, String checksum, String hash) {
    return hash.startsWith("c:")
        ? hash.equals(checksum)
        : hash.length() == 64 && sha256(bytes).equals(hash);
  }

  /** One digest per thread: looking SHA-256 up costs more than hashing a page's inputs. */
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException(e);
            }
          });

  /**
   * The fingerprint of what a file is made from (its inputs, as {@code bytes}): their CRC-32C and
   * CRC-32 and their length, 24 hex digits (the first 16 are a talk's key in the feed and the
   * search parts). Like {@link #checksum}, it is there to notice a change, not a forger: two inputs
   * of the same length that differ get the same fingerprint with odds of about 2^-64, any two of
   * different lengths never do. Until 2026-12 it was the inputs' SHA-256, which a re-export after
   * one edit computed for every talk, tag and event (megabytes at 10,000 talks) before C1 had
   * compiled it, with no SHA instructions: a quarter of the re-export's time, on both cores.
   */
  static String fingerprint(byte[] bytes) {
    HexFormat hex = HexFormat.of();
    return hex.toHexDigits(CrcPair.of(bytes)) + hex.toHexDigits(bytes.length);
  }

  /**
   * The {@link #fingerprint} of {@code head} (as UTF-8) followed by the {@code bytes} of each item,
   * made without putting them together.
   */
  static <T> String listPrint(
      String head, List<T> items, java.util.function.Function<T, byte[]> bytesOf) {
    java.util.zip.CRC32C c = new java.util.zip.CRC32C();
    java.util.zip.CRC32 d = new java.util.zip.CRC32();
    byte[] first = utf8(head);
    c.update(first);
    d.update(first);
    int length = first.length;
    for (T item : items) {
      byte[] bytes = bytesOf.apply(item);
      c.update(bytes);
      d.update(bytes);
      length += bytes.length;
    }
    HexFormat hex = HexFormat.of();
    return hex.toHexDigits((c.getValue() << 32) | d.getValue()) + hex.toHexDigits(length);
  }

  static String sha256(byte[] bytes) {
    // digest() resets the digest for its next use
    return HexFormat.of().formatHex(SHA256.get().digest(bytes));
  }
}
