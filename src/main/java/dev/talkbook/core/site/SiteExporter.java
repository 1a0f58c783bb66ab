package dev.talkbook.core.site;

import static dev.talkbook.core.site.Html.esc;
import static dev.talkbook.core.site.Html.json;

import dev.talkbook.core.markdown.MarkdownRenderer;
import dev.talkbook.core.notebook.Attachment;
import dev.talkbook.core.notebook.AttachmentRef;
import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
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
   * What to export.
   *
   * @param title the site's name, shown on every page
   * @param eventIds only these events (empty: all)
   * @param baseUrl the address the site will be published at, for the feed's absolute links; may be
   *     null (the feed's links are then relative to it)
   */
  public record Options(String title, Set<Long> eventIds, String baseUrl) {
    public Options {
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

  /** How an export went: counts of files written, left as they were, and deleted. */
  public record Result(
      int written, int unchanged, int deleted, int talks, java.nio.file.Path index) {}

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

  private final MarkdownRenderer renderer;

  public SiteExporter(MarkdownRenderer renderer) {
    this.renderer = renderer;
  }

  /** One file of the site, made on demand; {@code fingerprint} null means "always make it". */
  private record Planned(String path, String fingerprint, Supplier<byte[]> content) {}

  /**
   * Exports the notebook into {@code folder}. {@code cancelled} is polled between files; when it
   * says yes, the export stops with a {@link CancellationException}, and the manifest still lists
   * every file written so far (so a later export can clean them up).
   */
  public Result export(
      Notebook notebook,
      java.nio.file.Path folder,
      Options options,
      Progress progress,
      BooleanSupplier cancelled) {
    OutputFolder out = new OutputFolder(folder);
    Manifest old = Manifest.read(out.root());
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
    Map<Long, List<Talk>> talks = new HashMap<>();
    for (Event e : events) {
      talks.put(e.id(), notebook.talks().list(e.id()));
    }
    SiteModel model = new SiteModel(events, talks);
    Pages pages = new Pages(options.title());
    Map<String, Attachment> attachmentInfo = new ConcurrentHashMap<>();

    List<Planned> plan = new ArrayList<>();
    for (String[] asset : ASSETS) {
      plan.add(new Planned(asset[0], null, () -> asset(asset[1])));
    }
    plan.add(new Planned("index.html", null, () -> utf8(pages.index(model))));
    plan.add(new Planned("404.html", null, () -> utf8(pages.notFound(options.baseUrl()))));
    plan.add(new Planned("tags/index.html", null, () -> utf8(pages.tagIndex(model))));
    for (SiteTag tag : model.tags) {
      plan.add(new Planned(tag.path(), null, () -> utf8(pages.tag(tag))));
    }
    Map<String, AttachmentRef> files = new TreeMap<>();
    for (SiteEvent e : model.events) {
      plan.add(new Planned(e.path(), null, () -> utf8(pages.event(e))));
      List<SiteTalk> list = e.talks();
      for (int i = 0; i < list.size(); i++) {
        SiteTalk t = list.get(i);
        SiteTalk prev = i > 0 ? list.get(i - 1) : null;
        SiteTalk next = i + 1 < list.size() ? list.get(i + 1) : null;
        Map<String, String> attachmentUrls = new LinkedHashMap<>();
        for (AttachmentRef ref : attachmentsIn(t.talk().body())) {
          Attachment a =
              attachmentInfo.computeIfAbsent(
                  ref.sha256(),
                  sha -> notebook.attachments().find(sha).orElse(new Attachment(sha, null, -1)));
          if (a.size() >= 0) {
            String file =
                "attachments/"
                    + a.sha256()
                    + "."
                    + SiteFiles.extension(a, () -> notebook.attachments().bytes(a.sha256()));
            files.putIfAbsent(file, ref);
            attachmentUrls.put(a.sha256(), file);
          }
        }
        String fingerprint = sha256(utf8(Pages.talkInputs(t, prev, next) + '\0' + attachmentUrls));
        plan.add(
            new Planned(
                t.path(),
                fingerprint,
                () -> {
                  String html =
                      renderer.renderPage(
                          t.talk().body(),
                          ref ->
                              Optional.ofNullable(attachmentUrls.get(ref.sha256()))
                                  .map(f -> "../../" + f));
                  String abstractText = t.talk().programme().abstractText();
                  String abstractHtml =
                      abstractText.isEmpty()
                          ? ""
                          : renderer.renderPage(abstractText, ref -> Optional.empty());
                  return utf8(
                      pages.talk(
                          t, prev, next, NotesHtml.process(html, t.talk().title()), abstractHtml));
                }));
      }
    }
    files.forEach(
        (file, ref) -> {
          Attachment a = attachmentInfo.get(ref.sha256());
          plan.add(new Planned(file, a.sha256(), () -> notebook.attachments().bytes(a.sha256())));
        });
    plan.add(new Planned("search-index.js", null, () -> utf8(searchIndex(model))));
    plan.add(new Planned("feed.xml", null, () -> utf8(feed(model, options))));

    // Refuse before writing anything if a file Talkbook did not write is in the way.
    Set<String> planned = new LinkedHashSet<>();
    for (Planned p : plan) {
      if (!planned.add(p.path())) {
        throw new IllegalStateException("two site files at " + p.path());
      }
      if (old.get(p.path()) == null && out.exists(p.path())) {
        throw new SiteException(
            out.resolve(p.path())
                + " is already there and was not written by Talkbook. Export into an empty"
                + " folder, or into one that holds an earlier export.");
      }
    }

    // Own every planned file before any of them may exist: if writing stops half way (a full
    // disk, a crash), the next export still knows them as its own and finishes or removes them.
    // Written whole or not at all, so a full disk leaves the old manifest (or none), never an
    // empty one.
    Map<String, Manifest.Entry> owned = new TreeMap<>(old.entries());
    for (Planned p : plan) {
      owned.putIfAbsent(p.path(), Manifest.Entry.NOT_WRITTEN);
    }
    if (!owned.equals(old.entries())) {
      out.write(Manifest.NAME, new Manifest(owned).bytes());
    }

    Map<String, Manifest.Entry> entries = new ConcurrentHashMap<>();
    AtomicInteger written = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    int total = plan.size();
    AtomicInteger next = new AtomicInteger();
    java.util.concurrent.atomic.AtomicReference<RuntimeException> failure =
        new java.util.concurrent.atomic.AtomicReference<>();
    Runnable worker =
        () -> {
          for (int i = next.getAndIncrement();
              i < total && failure.get() == null;
              i = next.getAndIncrement()) {
            if (cancelled.getAsBoolean()) {
              failure.compareAndSet(null, new CancellationException("The export was cancelled."));
              return;
            }
            Planned p = plan.get(i);
            try {
              Manifest.Entry before = old.get(p.path());
              if (p.fingerprint() != null
                  && before != null
                  && p.fingerprint().equals(before.fingerprint())
                  && out.hasFile(p.path(), before.size())) {
                entries.put(p.path(), before);
              } else {
                byte[] bytes = p.content().get();
                String sha = sha256(bytes);
                Manifest.Entry entry =
                    new Manifest.Entry(
                        bytes.length, sha, p.fingerprint() == null ? "-" : p.fingerprint());
                if (before == null
                    || !before.sha256().equals(sha)
                    || !out.hasFile(p.path(), bytes.length)) {
                  // Owned from the moment it may exist, even if writing fails half way.
                  entries.put(p.path(), entry);
                  out.write(p.path(), bytes);
                  written.incrementAndGet();
                }
                entries.put(p.path(), entry);
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
      // that cannot be written (the disk is full), the manifest written above still owns them.
      Map<String, Manifest.Entry> keep = new TreeMap<>(owned);
      keep.putAll(entries);
      try {
        out.write(Manifest.NAME, new Manifest(keep).bytes());
      } catch (RuntimeException e) {
        failure.get().addSuppressed(e);
      }
      throw failure.get();
    }
    int deleted = 0;
    for (String path : old.entries().keySet()) {
      if (!planned.contains(path)) {
        out.delete(path);
        deleted++;
      }
    }
    byte[] manifest = new Manifest(entries).bytes();
    out.write(Manifest.NAME, manifest);
    return new Result(
        written.get(),
        total - written.get(),
        deleted,
        model.talks().size(),
        out.root().resolve("index.html"));
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

  private String searchIndex(SiteModel model) {
    StringBuilder b = new StringBuilder("window.TALKBOOK_SEARCH = [\n");
    boolean first = true;
    for (SiteTalk t : model.talks()) {
      if (!first) {
        b.append(",\n");
      }
      first = false;
      Talk talk = t.talk();
      b.append("{\"u\":")
          .append(json(t.path()))
          .append(",\"t\":")
          .append(json(talk.title()))
          .append(",\"s\":")
          .append(json(String.join(", ", talk.speakers())))
          .append(",\"g\":")
          .append(json(String.join(" ", talk.tags())))
          .append(",\"e\":")
          .append(json(t.event().event().title()))
          .append(",\"b\":")
          .append(json(SearchText.words(talk.body())))
          .append('}');
    }
    return b.append("\n];\n").toString();
  }

  private String feed(SiteModel model, Options options) {
    String base = options.baseUrl() == null ? "" : options.baseUrl();
    List<SiteTalk> talks = new ArrayList<>(model.talks());
    talks.sort(
        Comparator.comparing(
                (SiteTalk t) ->
                    t.talk().details().startsAt() != null
                        ? t.talk().details().startsAt().toString()
                        : String.valueOf(t.event().event().startDate()))
            .thenComparing(t -> t.talk().id())
            .reversed());
    List<SiteTalk> newest = talks.subList(0, Math.min(50, talks.size()));
    Instant updated =
        model.talks().stream()
            .map(t -> t.talk().updatedAt())
            .max(Comparator.naturalOrder())
            .orElse(Instant.EPOCH);
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    b.append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
        .append("<title>")
        .append(esc(options.title()))
        .append("</title>\n<id>")
        .append(esc(base.isEmpty() ? "urn:talkbook:site:" + Slugs.of(options.title()) : base))
        .append("</id>\n<updated>")
        .append(updated)
        .append("</updated>\n<link rel=\"alternate\" href=\"")
        .append(esc(base))
        .append("index.html\"/>\n<link rel=\"self\" href=\"")
        .append(esc(base))
        .append("feed.xml\"/>\n<generator>Talkbook</generator>\n");
    for (SiteTalk t : newest) {
      Talk talk = t.talk();
      b.append("<entry>\n<title>")
          .append(esc(talk.title()))
          .append("</title>\n<id>")
          .append(
              esc(
                  base.isEmpty()
                      ? "urn:talkbook:talk:" + t.event().slug() + ":" + t.slug()
                      : base + t.path()))
          .append("</id>\n<updated>")
          .append(talk.updatedAt())
          .append("</updated>\n<link rel=\"alternate\" type=\"text/html\" href=\"")
          .append(esc(base + t.path()))
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
      b.append("<summary>")
          .append(esc(SearchText.summary(talk.body(), 400)))
          .append("</summary>\n</entry>\n");
    }
    return b.append("</feed>\n").toString();
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

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
