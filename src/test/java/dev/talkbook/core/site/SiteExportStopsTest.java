package dev.talkbook.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.markdown.MarkdownRenderer;
import dev.talkbook.core.notebook.AttachmentRef;
import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.sample.SampleMeetup;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.core.store.TestClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export that stops half way (killed, a full disk) leaves a site that works: the folder is
 * copied as it is after every change a reader could see (a file moved or linked into place, or
 * removed), which is what a kill at that moment leaves, and each copy is checked: every local link
 * and picture of every page leads to a file, the search index names only files that are there,
 * every file is the old one, the new one or a placeholder (none half written), and the next export
 * into it makes exactly the site an export that was not stopped makes.
 */
class SiteExportStopsTest {
  @TempDir Path dir;
  private Notebook notebook;
  private final TestClock clock = new TestClock(Instant.parse("2026-03-13T10:00:00Z"));
  private final SiteExporter exporter = new SiteExporter(new MarkdownRenderer());

  @BeforeEach
  void open() {
    notebook =
        Notebook.open(dir.resolve("n.talkbook"), Notebook.Options.defaults().withClock(clock));
    SampleMeetup.addTo(notebook);
    GeneratedNotebook.fill(notebook, 12, 6);
    List<Talk> talks = notebook.talks().list(notebook.events().list().get(0).id());
    Talk pictured = talks.get(1);
    AttachmentRef image =
        notebook.attachments().add(pictured.id(), "p.png", "image/png", png((byte) 1));
    notebook
        .talks()
        .saveBody(
            pictured.id(),
            pictured.body()
                + "\n"
                + image.markdown("image/png")
                + "\n\nSee [the next one](talk:"
                + talks.get(2).id()
                + ").\n");
  }

  @AfterEach
  void close() {
    notebook.close();
  }

  @Test
  void aFirstExportStoppedAnywhereLeavesNoLinkLeadingNowhere() throws IOException {
    Path site = dir.resolve("site");

    List<Path> stops = exportStoppedEverywhere(site);

    assertThat(stops).hasSizeGreaterThan(40);
    checkEachStop(stops, null, site);
  }

  @Test
  void aReExportStoppedAnywhereLeavesTheOldSiteTheNewOneOrAMixThatWorks() throws IOException {
    Path before = dir.resolve("before");
    export(before);
    assertThat(SiteExportLinks.broken(before)).isEmpty();
    edit();
    Path site = dir.resolve("site");
    copy(before, site);

    List<Path> stops = exportStoppedEverywhere(site);

    assertThat(stops).hasSizeGreaterThan(15);
    checkEachStop(stops, before, site);
  }

  /**
   * A page the folder lost (removed by hand) gets a placeholder; an export cancelled (or killed)
   * then must not leave the last export's record of that page, or the next export would take the
   * placeholder for the page and keep it for good.
   */
  @Test
  void aPageLostFromTheFolderIsMadeAgainAfterAnExportThatStoppedWithItsPlaceholder()
      throws IOException {
    Path site = dir.resolve("site");
    export(site);
    Map<String, byte[]> whole = files(site);
    Map<String, String> tree = SiteExporterTest.tree(site);
    String page =
        whole.keySet().stream()
            .filter(p -> p.startsWith("events/") && p.chars().filter(c -> c == '/').count() == 2)
            .findFirst()
            .orElseThrow();
    Files.delete(site.resolve(page));

    // cancelled once the placeholder stands there (a cancel before that writes nothing)
    java.util.concurrent.atomic.AtomicBoolean placed =
        new java.util.concurrent.atomic.AtomicBoolean();
    exporter.changed = path -> placed.compareAndSet(false, path.equals(page));
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  exporter.export(
                      notebook,
                      site,
                      SiteExporter.Options.all(),
                      SiteExporter.Progress.NONE,
                      placed::get))
          .isInstanceOf(java.util.concurrent.CancellationException.class);
    } finally {
      exporter.changed = null;
    }
    assertThat(site.resolve(page)).hasBinaryContent(SiteExporter.PLACEHOLDER);
    export(site);

    assertThat(site.resolve(page)).hasBinaryContent(whole.get(page));
    assertThat(SiteExporterTest.tree(site)).isEqualTo(tree);
  }

  /**
   * An export stopped (killed) right after it wrote a picture a page shows, before the page: the
   * manifest it leaves owns the picture's file, so once the picture is gone from the notes the next
   * export removes it (it stayed for good, in no manifest).
   */
  @Test
  void aPictureWrittenByAnExportThatStoppedIsRemovedOnceNoPageShowsIt() throws IOException {
    Path site = dir.resolve("site");
    Path stop = dir.resolve("stop");
    java.util.concurrent.atomic.AtomicReference<String> picture =
        new java.util.concurrent.atomic.AtomicReference<>();
    exporter.changed =
        path -> {
          if (path.startsWith("attachments/") && picture.compareAndSet(null, path)) {
            try {
              copy(site, stop); // what a kill right now leaves
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }
        };
    try {
      export(site);
    } finally {
      exporter.changed = null;
    }
    assertThat(picture.get()).isNotNull();
    assertThat(stop.resolve(picture.get())).exists();
    Talk pictured = notebook.talks().list(notebook.events().list().get(0).id()).get(1);
    notebook
        .talks()
        .saveBody(pictured.id(), pictured.body().replaceAll("!\\[[^]]*]\\([^)]*\\)", ""));
    Path whole = dir.resolve("whole");
    export(whole);
    assertThat(whole.resolve("attachments")).doesNotExist();

    export(stop);

    assertThat(stop.resolve(picture.get())).doesNotExist();
    assertThat(SiteExporterTest.tree(stop)).isEqualTo(SiteExporterTest.tree(whole));
  }

  /** Someone else's file where a picture a page shows goes is refused, never replaced. */
  @Test
  void someoneElsesFileWhereAPictureGoesIsNotReplaced() throws IOException {
    Path site = dir.resolve("site");
    String file = "attachments/" + SiteExporter.sha256(png((byte) 1)) + ".png";
    Files.createDirectories(site.resolve("attachments"));
    Files.writeString(site.resolve(file), "not that picture");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> export(site))
        .isInstanceOf(SiteException.class)
        .hasMessageStartingWith(
            site.toRealPath().resolve(file)
                + " is already there and was not written by Talkbook. Remove it, or export into"
                + " another folder.");

    assertThat(site.resolve(file)).hasContent("not that picture");
  }

  /**
   * A cancelled export says what it leaves: the pages that only say they are being published until
   * the next export, as many as the folder holds, or, cancelled before it changed anything, that.
   */
  @Test
  void aCancelledExportSaysWhatItLeavesInTheFolder() throws IOException {
    Path site = dir.resolve("site");
    export(site);
    Map<String, String> before = SiteExporterTest.tree(site);
    SiteExporter.Cancelled untouched =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            SiteExporter.Cancelled.class,
            () ->
                exporter.export(
                    notebook,
                    site,
                    SiteExporter.Options.all(),
                    SiteExporter.Progress.NONE,
                    () -> true));
    assertThat(untouched).hasMessage("Export cancelled before it changed the site.");
    assertThat(SiteExporterTest.tree(site)).isEqualTo(before);

    edit(); // new pages: placeholders stand there first
    java.util.concurrent.atomic.AtomicInteger changes =
        new java.util.concurrent.atomic.AtomicInteger();
    exporter.changed = path -> changes.incrementAndGet();
    SiteExporter.Cancelled cancelled;
    try {
      cancelled =
          org.assertj.core.api.Assertions.catchThrowableOfType(
              SiteExporter.Cancelled.class,
              () ->
                  exporter.export(
                      notebook,
                      site,
                      SiteExporter.Options.all(),
                      SiteExporter.Progress.NONE,
                      () -> changes.get() > 3));
    } finally {
      exporter.changed = null;
    }
    long waiting =
        files(site).entrySet().stream()
            .filter(f -> Arrays.equals(f.getValue(), SiteExporter.PLACEHOLDER))
            .count();
    assertThat(waiting).isPositive();
    assertThat(cancelled.pagesWaiting()).isEqualTo(waiting);
    assertThat(cancelled.searchWaiting()).isFalse();
    assertThat(cancelled)
        .hasMessage(
            "Export cancelled. The site still works, but "
                + (waiting == 1
                    ? "1 page only says that it is"
                    : waiting + " pages only say that they are")
                + " being published until you export again.");
    export(site);
    assertThat(files(site).values()).noneMatch(b -> Arrays.equals(b, SiteExporter.PLACEHOLDER));
  }

  /**
   * A new event with two talks (pages that link each other, a new tag's page), a talk removed, one
   * retitled, one given a picture, a tag renamed.
   */
  private void edit() {
    clock.advance(Duration.ofMinutes(5));
    List<Event> events = notebook.events().list();
    Talk linked = notebook.talks().list(events.get(1).id()).get(0);
    Event fresh =
        notebook
            .events()
            .create(
                new Event.Details(
                    "Fresh meetup",
                    LocalDate.of(2027, 1, 5),
                    LocalDate.of(2027, 1, 5),
                    "Hall",
                    null));
    for (int i = 0; i < 2; i++) {
      notebook
          .talks()
          .create(
              fresh.id(),
              new Talk.Details(
                  "Fresh talk " + i,
                  List.of("Ada"),
                  LocalDateTime.of(2027, 1, 5, 18 + i, 0),
                  null,
                  null,
                  null,
                  List.of("brand-new", "java")),
              "# Fresh " + i + "\n\nAbout [that talk](talk:" + linked.id() + ").\n");
    }
    List<Talk> first = notebook.talks().list(events.get(2).id());
    notebook.talks().delete(first.get(0).id());
    notebook.talks().rename(first.get(1).id(), "A new title");
    Talk pictured = first.get(2);
    AttachmentRef image =
        notebook.attachments().add(pictured.id(), "q.png", "image/png", png((byte) 2));
    notebook.talks().saveBody(pictured.id(), pictured.body() + "\n" + image.markdown("image/png"));
    notebook.talks().renameTag("databases", "storage");
  }

  private static byte[] png(byte b) {
    return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', b, 2, 3};
  }

  private SiteExporter.Result export(Path folder) {
    return exporter.export(
        notebook, folder, SiteExporter.Options.all(), SiteExporter.Progress.NONE, () -> false);
  }

  /**
   * Exports into {@code site}, copying the folder after each change a reader could see: the copies,
   * in order; {@code site} holds the whole export after.
   */
  private List<Path> exportStoppedEverywhere(Path site) throws IOException {
    List<Path> stops = new ArrayList<>();
    Path stopsDir = Files.createDirectories(dir.resolve("stops"));
    exporter.changed =
        path -> {
          Path copy = stopsDir.resolve(String.valueOf(stops.size()));
          try {
            copy(site, copy);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
          stops.add(copy);
        };
    try {
      export(site);
    } finally {
      exporter.changed = null;
    }
    return stops;
  }

  private void checkEachStop(List<Path> stops, Path before, Path after) throws IOException {
    Map<String, byte[]> old = before == null ? Map.of() : files(before);
    Map<String, byte[]> made = files(after);
    Map<String, String> whole = SiteExporterTest.tree(after);
    assertThat(SiteExportLinks.broken(after)).isEmpty();
    // the next export after every stop would take a minute: after every few, and the last
    int every = Math.max(1, stops.size() / 10);
    for (int i = 0; i < stops.size(); i++) {
      Path stop = stops.get(i);
      assertThat(SiteExportLinks.broken(stop)).as("links that lead nowhere in %s", stop).isEmpty();
      for (Map.Entry<String, byte[]> file : files(stop).entrySet()) {
        String path = file.getKey();
        byte[] bytes = file.getValue();
        if (path.startsWith(OutputFolder.STAGING + "/") || path.equals(Manifest.NAME)) {
          continue;
        }
        boolean placeholder =
            Arrays.equals(bytes, SiteExporter.PLACEHOLDER)
                || (path.equals("feed.xml") && !text(bytes).contains("<entry>"))
                || (path.equals("search-index.js")
                    && text(bytes).equals("window.TALKBOOK_SEARCH_INDEX = [\n];\n"));
        assertThat(
                placeholder
                    || Arrays.equals(bytes, old.get(path))
                    || Arrays.equals(bytes, made.get(path)))
            .as("%s in %s is the old file, the new one or a placeholder", path, stop)
            .isTrue();
      }
      if (i % every != 0 && i != stops.size() - 1) {
        continue;
      }
      export(stop);
      assertThat(SiteExporterTest.tree(stop))
          .as("the export after the stop at %s", stop)
          .isEqualTo(whole);
    }
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Every file under a folder, by relative path, with its bytes. */
  private static Map<String, byte[]> files(Path folder) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(folder)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        files.put(folder.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    return files;
  }

  /**
   * Copies a folder as it is now; a file of the staging folder that goes while it is copied (the
   * export writes there without telling) is left out.
   */
  private static void copy(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a)
              throws IOException {
            Files.createDirectories(to.resolve(from.relativize(d).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
            try {
              Files.copy(f, to.resolve(from.relativize(f).toString()));
            } catch (NoSuchFileException gone) {
              // a staging file moved into place meanwhile
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path f, IOException e) {
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
