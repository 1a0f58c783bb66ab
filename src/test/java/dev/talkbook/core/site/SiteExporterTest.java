package dev.talkbook.core.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.talkbook.core.markdown.MarkdownRenderer;
import dev.talkbook.core.notebook.AttachmentRef;
import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Programme;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.sample.SampleMeetup;
import dev.talkbook.core.store.Notebook;
import dev.talkbook.core.store.TestClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteExporterTest {
  @TempDir Path dir;
  private Notebook notebook;
  private final TestClock clock = new TestClock(Instant.parse("2026-03-13T10:00:00Z"));
  private final SiteExporter exporter = new SiteExporter(new MarkdownRenderer());
  private Path out;

  @BeforeEach
  void open() {
    notebook =
        Notebook.open(dir.resolve("n.talkbook"), Notebook.Options.defaults().withClock(clock));
    out = dir.resolve("site");
  }

  @AfterEach
  void close() {
    notebook.close();
  }

  private SiteExporter.Result export() {
    return export(out);
  }

  private SiteExporter.Result export(Path folder) {
    return exporter.export(
        notebook, folder, SiteExporter.Options.all(), SiteExporter.Progress.NONE, () -> false);
  }

  private String read(String path) throws IOException {
    return Files.readString(out.resolve(path), StandardCharsets.UTF_8);
  }

  /** Every file under a folder, by relative path, with its bytes' hash. */
  static Map<String, String> tree(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(folder)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        files.put(
            folder.relativize(p).toString().replace('\\', '/'),
            SiteExporter.sha256(Files.readAllBytes(p)));
      }
    }
    return files;
  }

  @Test
  void aListPagesFingerprintIsThatOfItsInputsPutTogether() {
    List<String> listed = List.of("\0events/a/b.html\0Ünïcode talk €", "", "\0second\0false");
    java.util.function.Function<String, byte[]> utf8 = s -> s.getBytes(StandardCharsets.UTF_8);

    assertThat(SiteExporter.listPrint("tag\0head", listed, utf8))
        .isEqualTo(SiteExporter.fingerprint(utf8.apply("tag\0head" + String.join("", listed))));
    assertThat(SiteExporter.listPrint("tag\0head", List.<String>of(), utf8))
        .isEqualTo(SiteExporter.fingerprint(utf8.apply("tag\0head")));
  }

  /**
   * An exporter whose renderer says when it is first asked for, and a progress that, when the
   * export starts reading the notebook, waits (at most {@code seconds}) for that: whether the
   * renderer was being made while the notebook was read.
   */
  private boolean rendererMadeWhileReading(AtomicInteger made, int seconds) {
    java.util.concurrent.CountDownLatch asked = new java.util.concurrent.CountDownLatch(1);
    SiteExporter lazy =
        new SiteExporter(
            () -> {
              made.incrementAndGet();
              asked.countDown();
              return new MarkdownRenderer();
            });
    boolean[] whileReading = {false};
    lazy.export(
        notebook,
        out,
        SiteExporter.Options.all(),
        (done, total, what) -> {
          if (what.equals("Reading the notebook")) {
            try {
              whileReading[0] = asked.await(seconds, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        },
        () -> false);
    return whileReading[0];
  }

  @Test
  void aReExportAfterASaveMakesTheRendererWhileItReadsTheNotebook() throws IOException {
    SampleMeetup.addTo(notebook);
    export();
    // the notebook's clock after the manifest's time, as a save after the export has it
    clock.advance(Duration.between(clock.instant(), Instant.now().plus(Duration.ofHours(1))));
    Talk t = notebook.talks().list(notebook.events().list().get(0).id()).get(1);
    notebook.talks().saveBody(t.id(), t.body() + "\nOne more line.\n");
    AtomicInteger made = new AtomicInteger();

    assertThat(rendererMadeWhileReading(made, 10)).isTrue();
    assertThat(made).hasValue(1);
    Path fresh = dir.resolve("fresh");
    export(fresh);
    assertThat(tree(out)).isEqualTo(tree(fresh));
  }

  @Test
  void anExportOfSomeEventsIntoAFolderHoldingOthersIsRefusedBeforeWritingAndNamesThem()
      throws IOException {
    Event a = notebook.events().create(Event.Details.titled("Conf A"));
    Event b = notebook.events().create(Event.Details.titled("Conf B"));
    Event c = notebook.events().create(Event.Details.titled("Conf C"));
    for (Event e : List.of(a, b, c)) {
      notebook.talks().create(e.id(), Talk.Details.titled("Talk at " + e.title()), "notes");
    }
    export();
    Map<String, String> before = tree(out);
    SiteExporter.Options onlyA = new SiteExporter.Options(null, Set.of(a.id()), null);

    assertThatThrownBy(
            () -> exporter.export(notebook, out, onlyA, SiteExporter.Progress.NONE, () -> false))
        .isInstanceOf(OtherEventsInFolder.class)
        .hasMessageContaining("would remove the pages of \"Conf B\", \"Conf C\".")
        .hasMessageNotContaining("\"Conf A\"");
    assertThat(tree(out)).isEqualTo(before);

    // the same set of events again, into a folder of its own, is exported as before
    Path aOnly = dir.resolve("a-only");
    exporter.export(notebook, aOnly, onlyA, SiteExporter.Progress.NONE, () -> false);
    notebook.talks().create(a.id(), Talk.Details.titled("Another"), "more");
    SiteExporter.Result again =
        exporter.export(notebook, aOnly, onlyA, SiteExporter.Progress.NONE, () -> false);
    assertThat(again.talks()).isEqualTo(2);
    assertThat(again.deleted()).isZero();
  }

  /**
   * An event renamed since its export into its own folder is exported there again: its old page is
   * no other event's (it was refused as "events/… (not in the notebook)", locking the event out of
   * its folder), and becomes a redirect as a full export's would.
   */
  @Test
  void anEventRenamedSinceItsExportIsExportedAgainIntoItsFolder() throws IOException {
    Event a = notebook.events().create(Event.Details.titled("Conf A"));
    Event b = notebook.events().create(Event.Details.titled("Conf B"));
    notebook.talks().create(a.id(), Talk.Details.titled("Talk at A"), "notes");
    notebook.talks().create(b.id(), Talk.Details.titled("Talk at B"), "notes");
    SiteExporter.Options onlyA = new SiteExporter.Options(null, Set.of(a.id()), null);
    exporter.export(notebook, out, onlyA, SiteExporter.Progress.NONE, () -> false);
    notebook.events().rename(a.id(), "Conf A, renamed");

    exporter.export(notebook, out, onlyA, SiteExporter.Progress.NONE, () -> false);

    Path fresh = dir.resolve("fresh");
    exporter.export(notebook, fresh, onlyA, SiteExporter.Progress.NONE, () -> false);
    assertThat(tree(out).keySet()).containsAll(tree(fresh).keySet());
    // the renamed event's old page leads to its new one, as a full export's does
    assertThat(eventPages(fresh)).containsExactly("events/conf-a-renamed/index.html");
    assertThat(eventPages(out))
        .containsExactly("events/conf-a-renamed/index.html", "events/conf-a/index.html");
    assertThat(read("events/conf-a/index.html"))
        .contains("url=../conf-a-renamed/index.html\"")
        .doesNotContain("Talk at A");
  }

  private static List<String> eventPages(Path folder) throws IOException {
    return tree(folder).keySet().stream()
        .filter(p -> p.matches("events/[^/]+/index\\.html"))
        .sorted()
        .toList();
  }

  @Test
  void aReExportWithNothingSavedSinceMakesNoRenderer() {
    SampleMeetup.addTo(notebook);
    export();
    AtomicInteger made = new AtomicInteger();

    // made at once when it is made: a second's wait would see it
    assertThat(rendererMadeWhileReading(made, 1)).isFalse();
    assertThat(made).hasValue(0);
  }

  @Test
  void aRenamedTalkKeepsItsFeedEntrysId() throws IOException {
    SampleMeetup.addTo(notebook);
    var talk = notebook.talks().findByTitle("Live coding without fear").get(0);
    export();
    java.util.regex.Pattern entryId =
        java.util.regex.Pattern.compile("<title>([^<]*)</title>\\n<id>([^<]*)</id>");
    java.util.function.Function<String, Map<String, String>> ids =
        feed -> {
          Map<String, String> byTitle = new TreeMap<>();
          var m = entryId.matcher(feed);
          while (m.find()) {
            byTitle.put(m.group(1), m.group(2));
          }
          return byTitle;
        };
    String before = ids.apply(read("feed.xml")).get("Live coding without fear");
    assertThat(before).endsWith(":talk:" + talk.id());
    notebook.talks().rename(talk.id(), "Live coding, fearless");
    export();
    Map<String, String> after = ids.apply(read("feed.xml"));
    assertThat(after).containsEntry("Live coding, fearless", before);
    assertThat(after.values()).doesNotHaveDuplicates();
  }

  /** The feed's id and its entries' ids, in order. */
  private List<String> feedIds() throws IOException {
    List<String> ids = new java.util.ArrayList<>();
    var m = java.util.regex.Pattern.compile("<id>([^<]*)</id>").matcher(read("feed.xml"));
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  private void exportTitled(String title, String baseUrl) {
    exporter.export(
        notebook,
        out,
        new SiteExporter.Options(title, Set.of(), baseUrl),
        SiteExporter.Progress.NONE,
        () -> false);
  }

  @Test
  void aRenamedSiteKeepsItsFeedIdsWithoutABaseUrl() throws IOException {
    SampleMeetup.addTo(notebook);
    exportTitled("JVM Evenings", null);
    List<String> first = feedIds();
    // the ids of the title at the first export, as every earlier Talkbook made them
    assertThat(first.get(0)).isEqualTo("urn:talkbook:site:jvm-evenings");
    assertThat(first.subList(1, first.size()))
        .allMatch(id -> id.startsWith(first.get(0) + ":talk:"));
    exportTitled("JVM Evenings Berlin", null);
    assertThat(read("feed.xml")).contains("<title>JVM Evenings Berlin</title>");
    assertThat(feedIds()).isEqualTo(first);
    // kept in the folder: a third export, and one after a first export's manifest is rewritten
    exportTitled("Something else", null);
    assertThat(feedIds()).isEqualTo(first);
    // with a base URL the ids are the address's, as before
    exportTitled("Something else", "https://example.org/talks/");
    assertThat(feedIds()).allMatch(id -> id.startsWith("https://example.org/talks/"));
    exportTitled("Yet another", null);
    assertThat(feedIds()).isEqualTo(first);
  }

  @Test
  void aSiteANewerTalkbookExportedIsExportedAgainKeepingWhatThisOneKnows() throws IOException {
    SampleMeetup.addTo(notebook);
    exportTitled("Old title", null);
    List<String> ids = feedIds();
    // a newer Talkbook's manifest: a setting this one does not know, after the header
    Path manifest = out.resolve(Manifest.NAME);
    String text = Files.readString(manifest);
    Files.writeString(
        manifest, text.replaceFirst("\n", "\npage-theme harbour\n"), StandardCharsets.UTF_8);

    exportTitled("New title", null);

    assertThat(read("index.html")).contains("New title");
    assertThat(feedIds()).isEqualTo(ids);
    assertThat(Manifest.read(out).siteId()).isEqualTo("urn:talkbook:site:old-title");
  }

  @Test
  void aSiteExportedBeforeThereWereSiteIdsKeepsItsTitlesIds() throws IOException {
    SampleMeetup.addTo(notebook);
    exportTitled("Old title", null);
    // a manifest as an earlier Talkbook wrote it: no site id
    Path manifest = out.resolve(Manifest.NAME);
    String text = Files.readString(manifest);
    assertThat(text).contains("\nsite-id urn:talkbook:site:old-title\n");
    Files.writeString(manifest, text.replace("site-id urn:talkbook:site:old-title\n", ""));
    assertThat(Manifest.read(out).siteId()).isNull();
    List<String> ids = feedIds();
    // renamed since: the ids its published feed has are kept, and from now on, in the manifest
    exportTitled("New title", null);
    assertThat(feedIds()).isEqualTo(ids);
    assertThat(Manifest.read(out).siteId()).isEqualTo("urn:talkbook:site:old-title");
    exportTitled("Newer title", null);
    assertThat(feedIds()).isEqualTo(ids);
  }

  @Test
  void anEventOfSeveralDaysListsItsTalksUnderTheirDaysInTimeOrderOneDayOnlyItsTime()
      throws IOException {
    Event conf =
        notebook
            .events()
            .create(
                new Event.Details(
                    "Conf",
                    java.time.LocalDate.of(2026, 5, 1),
                    java.time.LocalDate.of(2026, 5, 2),
                    null,
                    null));
    for (String[] t :
        new String[][] {{"Day two", "2026-05-02T09:00"}, {"Day one", "2026-05-01T10:00"}}) {
      notebook
          .talks()
          .create(
              conf.id(),
              new dev.talkbook.core.notebook.Talk.Details(
                  t[0],
                  java.util.List.of(),
                  java.time.LocalDateTime.parse(t[1]),
                  null,
                  null,
                  null,
                  java.util.List.of()),
              "");
    }
    SampleMeetup.addTo(notebook); // one evening: its talks' times alone
    export();
    // as the window lists them: day one first, though added second, each under its day's heading
    String page = read("events/2026-05-01-conf/index.html");
    assertThat(page)
        .containsSubsequence(
            "<h2 class=\"day\"><time datetime=\"2026-05-01\">Friday, 1 May</time></h2>",
            "Day one",
            ">10:00</time>",
            "<h2 class=\"day\"><time datetime=\"2026-05-02\">Saturday, 2 May</time></h2>",
            "Day two",
            ">09:00</time>")
        .doesNotContain("<h2>Talks</h2>", "May 2026, 09:00");
    assertThat(read("events/2026-03-12-jvm-evening-talkbook-sample-meetup/index.html"))
        .contains(">18:30</time>")
        .doesNotContain("March 2026, 18:30");
  }

  @Test
  void aTalksTimeShowsItsEndAndAnEventWithAZoneSaysItOnceWithTheOffsetInDatetime()
      throws IOException {
    Event conf =
        notebook
            .events()
            .create(
                new Event.Details("Conf", java.time.LocalDate.of(2026, 12, 7), null, null, null));
    notebook.events().setTimeZone(conf.id(), "Europe/Berlin");
    Event floating = notebook.events().create(Event.Details.titled("Floating"));
    for (Event e : List.of(conf, floating)) {
      notebook
          .talks()
          .create(
              e.id(),
              new Talk.Details(
                  "Workshop " + e.title(),
                  List.of("Ada"),
                  java.time.LocalDateTime.parse("2026-12-07T09:00"),
                  "Saal 1",
                  null,
                  null,
                  List.of()),
              "notes",
              new Programme(
                  "",
                  null,
                  java.time.Duration.ofHours(3),
                  null,
                  null,
                  "uid-" + e.id(),
                  "frab:x",
                  null));
    }
    export();
    assertThat(read("events/2026-12-07-conf/workshop-conf.html"))
        .contains(
            "<time datetime=\"2026-12-07T09:00+01:00\">Monday, 7 December 2026, 09:00–12:00"
                + " (Berlin time)</time>");
    assertThat(read("events/2026-12-07-conf/index.html"))
        .containsOnlyOnce("Berlin time")
        .contains("<span>Times in Berlin time</span>")
        .contains("<time datetime=\"2026-12-07T09:00+01:00\">09:00–12:00</time>");
    assertThat(read("events/floating/workshop-floating.html"))
        .contains("<time datetime=\"2026-12-07T09:00\">Monday, 7 December 2026, 09:00–12:00</time>")
        .doesNotContain(" time)");
    assertThat(read("index.html")).doesNotContain("Berlin time");
  }

  @Test
  void aTalkEndingAfterMidnightSaysSoAndATagPageShowsItsDayAndTime() throws IOException {
    Event conf = notebook.events().create(Event.Details.titled("Night"));
    notebook.events().setTimeZone(conf.id(), "Europe/Berlin");
    notebook
        .talks()
        .create(
            conf.id(),
            new Talk.Details(
                "Late hacking",
                List.of("Ada"),
                java.time.LocalDateTime.parse("2026-12-07T23:30"),
                null,
                null,
                null,
                List.of("night")),
            "notes",
            new Programme(
                "",
                null,
                java.time.Duration.ofMinutes(90),
                null,
                null,
                "uid-late",
                "frab:x",
                null));
    export();
    String span =
        "<time datetime=\"2026-12-07T23:30+01:00\">Monday, 7 December 2026, 23:30–01:00 +1";
    assertThat(read("events/night/late-hacking.html")).contains(span + " (Berlin time)</time>");
    // the tag page shows the talk's day and time as its page does (it showed neither)
    assertThat(read("tags/night.html")).contains(span + " (Berlin time)</time>");
  }

  /**
   * A talk at 01:30 for two hours on the night Berlin's clocks go forward ends at 04:30 there: its
   * page said so, but its search result and its feed entry added the length to the clock (03:30).
   */
  @Test
  void theSearchAndTheFeedEndATalkAcrossTheClockChangeInTheEventsZone() throws IOException {
    Event conf = notebook.events().create(Event.Details.titled("Conf"));
    notebook.events().setTimeZone(conf.id(), "Europe/Berlin");
    notebook
        .talks()
        .create(
            conf.id(),
            new Talk.Details(
                "Across the change",
                List.of("Ada"),
                java.time.LocalDateTime.parse("2026-03-29T01:30"),
                null,
                null,
                null,
                List.of()),
            "notes",
            new Programme(
                "", null, java.time.Duration.ofHours(2), null, null, "uid-dst", "frab:x", null));
    export();
    assertThat(read("events/conf/across-the-change.html")).contains("01:30–04:30");
    assertThat(read("search/conf-1.js")).contains("2026-03-29 01:30–04:30").doesNotContain("03:30");
    assertThat(read("feed.xml")).contains("01:30–04:30").doesNotContain("01:30–03:30");
  }

  @Test
  void onTheNightTheClocksGoBackASpanEndingBeforeItsStartOnTheClockSaysSoEverywhere()
      throws IOException {
    Event conf = notebook.events().create(Event.Details.titled("Autumn"));
    notebook.events().setTimeZone(conf.id(), "Europe/Berlin");
    notebook
        .talks()
        .create(
            conf.id(),
            new Talk.Details(
                "Twice quarter past",
                List.of("Ada"),
                java.time.LocalDateTime.parse("2026-10-25T02:15"), // 03:00 becomes 02:00
                null,
                null,
                null,
                List.of()),
            "notes",
            new Programme(
                "",
                null,
                java.time.Duration.ofMinutes(45),
                null,
                null,
                "uid-back",
                "frab:x",
                null));
    export();
    assertThat(read("events/autumn/twice-quarter-past.html"))
        .contains("02:15–02:00 (Berlin time; clocks go back)");
    assertThat(read("events/autumn/index.html")).contains("02:15–02:00 (clocks go back)");
    assertThat(read("search/autumn-1.js"))
        .contains("\"w\":\"2026-10-25 02:15–02:00 (clocks go back)\"");
    assertThat(read("feed.xml"))
        .contains(
            "<summary>Sunday, 25 October 2026, 02:15–02:00 (clocks go back) · notes</summary>");
  }

  @Test
  void onTheNightTheClocksGoForwardTheSearchAndTheFeedGiveTheTalksEndAsItsPageDoes()
      throws IOException {
    Event conf = notebook.events().create(Event.Details.titled("Spring"));
    notebook.events().setTimeZone(conf.id(), "Europe/Berlin");
    notebook
        .talks()
        .create(
            conf.id(),
            new Talk.Details(
                "Night shift",
                List.of("Ada"),
                java.time.LocalDateTime.parse("2026-03-29T01:30"), // 02:00 becomes 03:00
                null,
                null,
                null,
                List.of()),
            "notes",
            new Programme(
                "", null, java.time.Duration.ofHours(2), null, null, "uid-dst", "frab:x", null));
    export();
    assertThat(read("events/spring/night-shift.html")).contains("01:30–04:30 (Berlin time)");
    assertThat(read("search/spring-1.js")).contains("\"w\":\"2026-03-29 01:30–04:30\"");
    assertThat(read("feed.xml"))
        .contains("<summary>Sunday, 29 March 2026, 01:30–04:30 · notes</summary>")
        .contains("<!-- talkbook-4 ");
  }

  @Test
  void aTalkGoneFromTheProgrammeIsMarkedCancelledOnItsPageInTheListsTheFeedAndTheSearch()
      throws IOException {
    Event conf = notebook.events().create(Event.Details.titled("Conf"));
    Talk[] talks = new Talk[2];
    String[][] rows = {{"Kept <talk>", "2026-05-01T09:00", "a"}, {"Gone & <away>", "T10:00", "b"}};
    for (int i = 0; i < 2; i++) {
      talks[i] =
          notebook
              .talks()
              .create(
                  conf.id(),
                  new Talk.Details(
                      rows[i][0],
                      List.of("Ada"),
                      java.time.LocalDateTime.parse(
                          rows[i][1].startsWith("T") ? "2026-05-01" + rows[i][1] : rows[i][1]),
                      "Saal 1",
                      null,
                      null,
                      List.of("Hardware")),
                  "notes",
                  new Programme("", null, null, null, null, "uid-" + rows[i][2], "frab:x", null));
    }
    export();
    String event = "events/conf/index.html";
    String gonePage = "events/conf/gone-and-away.html";
    String part = "search/conf-1.js";
    assertThat(read(gonePage)).doesNotContain("ancelled");
    assertThat(read(event)).doesNotContain("ancelled");
    assertThat(read("feed.xml")).doesNotContain("ancelled");
    assertThat(read(part)).doesNotContain("\"c\":");

    Talk gone = talks[1];
    notebook
        .talks()
        .update(gone.id(), gone.details(), gone.programme().withRemovedAt(clock.instant()));
    Map<String, String> before = tree(out);
    export();

    assertThat(changed(before, tree(out)))
        .contains(gonePage, event, "tags/hardware.html", "feed.xml", part)
        .doesNotContain("events/conf/kept-talk.html");
    String page = read(gonePage);
    assertThat(page)
        .contains(
            "<p class=\"cancelled-note\"><strong>Cancelled.</strong> This talk is no longer in"
                + " the conference’s programme.</p>",
            "<s><time datetime=\"2026-05-01T10:00\">")
        .contains("<h1>Gone &amp; &lt;away&gt;</h1>");
    assertThat(page.indexOf("cancelled-note")).isLessThan(page.indexOf("<div class=\"notes\">"));
    String list = read(event);
    String goneItem = list.substring(list.lastIndexOf("<li", list.indexOf("gone-and-away.html")));
    goneItem = goneItem.substring(0, goneItem.indexOf("</li>"));
    assertThat(goneItem)
        .startsWith("<li class=\"cancelled\">")
        .contains("<span class=\"cancelled-label\">Cancelled</span>", "<s><time");
    assertThat(list).containsOnlyOnce("Cancelled").contains("Kept &lt;talk&gt;");
    assertThat(read("tags/hardware.html")).containsOnlyOnce("cancelled-label");
    assertThat(read("events/conf/kept-talk.html")).doesNotContain("ancelled");
    // the feed's entry says so in its title, as the agenda's calendar entry does
    assertThat(read("feed.xml"))
        .contains(
            "<title>Cancelled: Gone &amp; &lt;away&gt;</title>", "<title>Kept &lt;talk&gt;</title>")
        .containsOnlyOnce("Cancelled");
    // the search entry carries the mark its result is shown with (assets/site.js)
    List<String> entries = read(part).lines().filter(l -> l.startsWith("{\"u\":")).toList();
    assertThat(entries).hasSize(2);
    assertThat(entries)
        .filteredOn(l -> l.contains("gone-and-away.html"))
        .singleElement()
        .satisfies(l -> assertThat(l).contains(",\"c\":1}"));
    assertThat(entries)
        .filteredOn(l -> l.contains("kept-talk.html"))
        .singleElement()
        .satisfies(l -> assertThat(l).doesNotContain("\"c\":"));
  }

  @Test
  void theSampleBecomesIndexEventTalkTagFeedAnd404Pages() throws IOException {
    Event e = SampleMeetup.addTo(notebook);

    SiteExporter.Result r = export();

    assertThat(r.talks()).isEqualTo(5);
    String eventDir = "events/2026-03-12-jvm-evening-talkbook-sample-meetup/";
    assertThat(read("index.html")).contains("href=\"" + eventDir + "index.html\"", e.title());
    assertThat(read(eventDir + "index.html"))
        .contains(
            "virtual-threads-in-practice.html", "Maren Holt", "Thursday, 12 March 2026", "18:30");
    String talk = read(eventDir + "live-coding-without-fear.html");
    assertThat(talk)
        .contains("<h1>Live coding without fear</h1>")
        .contains("class=\"toc\"", "href=\"#demo\"")
        .contains("<h2 id=\"demo\">Demo <a class=\"permalink\" href=\"#demo\"")
        .contains("<code class=\"language-java\">")
        .contains("href=\"../../tags/jshell.html\"")
        .contains("rel=\"prev\" href=\"outlines-that-think.html\"")
        .contains("rel=\"next\" href=\"accessible-desktop-apps.html\"")
        .contains("href=\"../../assets/site.css\"");
    assertThat(read("tags/java.html"))
        .contains("../" + eventDir + "virtual-threads-in-practice.html");
    assertThat(read("tags/index.html")).contains("href=\"jshell.html\"");
    String feed = read("feed.xml");
    assertThat(feed).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">", "<entry>");
    // each talk's summary: the start of its notes as text, without the repeated title
    assertThat(feed.split("<entry>", -1)).hasSize(6);
    assertThat(feed.split("<summary>", -1)).hasSize(6);
    // led by the talk's day and time, which a feed reader showed nowhere (the entry's date is its
    // last update)
    assertThat(feed)
        .containsPattern(
            "<summary>Thursday, 12 March 2026, \\d\\d:\\d\\d(–\\d\\d:\\d\\d)? · Speaker: Ruben"
                + " Oyelaran \\(developer advocate, teaches evening Java classes\\)")
        .doesNotContain("Live coding without fear</summary>");
    assertThat(read("404.html")).contains("Page not found");
    assertThat(read("search-index.js"))
        .startsWith("window.TALKBOOK_SEARCH_INDEX")
        .contains("\"search/2026-03-12-jvm-evening-talkbook-sample-meetup-1.js\"");
    assertThat(read("search/2026-03-12-jvm-evening-talkbook-sample-meetup-1.js"))
        .contains("TALKBOOK_SEARCH_PARTS")
        .contains("\"t\":\"Live coding without fear\"")
        .contains(" jshell ");
    assertThat(out.resolve("assets/lunr.min.js")).isNotEmptyFile();
    assertThat(out.resolve("assets/highlight.min.js")).isNotEmptyFile();
  }

  @Test
  void everyLinkIsRelativeAndNoPageLoadsAnythingFromElsewhere() throws IOException {
    SampleMeetup.addTo(notebook);
    export();
    for (String path : tree(out).keySet()) {
      // the 404 page is served for a missing address at any depth: its links start at the root
      if (!path.endsWith(".html") || path.equals("404.html")) {
        continue;
      }
      String html = read(path);
      assertThat(html).as(path).doesNotContainPattern("(src|href)=\"/");
      assertThat(html)
          .as(path)
          .doesNotContainPattern("<(script|link|img)[^>]+(src|href)=\"https?:");
    }
  }

  @Test
  void theSameNotebookGivesByteIdenticalSites() throws IOException {
    SampleMeetup.addTo(notebook);
    addTalkWithTitle("Zweite Veranstaltung", "Über Ölfelder", "# A\n\n## B\n\ntext\n");

    export(dir.resolve("one"));
    export(dir.resolve("two"));

    assertThat(tree(dir.resolve("one"))).isEqualTo(tree(dir.resolve("two"))).hasSizeGreaterThan(15);
  }

  @Test
  void aSecondExportWritesNothingAndAnEditRewritesOnlyWhatChanged() throws IOException {
    SampleMeetup.addTo(notebook);
    SiteExporter.Result first = export();
    assertThat(first.written()).isGreaterThan(15);

    SiteExporter.Result again = export();
    assertThat(again.written()).isZero();
    assertThat(again.deleted()).isZero();

    Talk talk = notebook.talks().findByTitle("SQLite everywhere").get(0);
    clock.advance(Duration.ofMinutes(5));
    notebook.talks().saveBody(talk.id(), talk.body() + "\nOne more line.\n");
    Map<String, String> before = tree(out);
    SiteExporter.Result edited = export();
    Map<String, String> after = tree(out);

    List<String> changed = changed(before, after);
    assertThat(changed)
        .containsExactlyInAnyOrder(
            "events/2026-03-12-jvm-evening-talkbook-sample-meetup/sqlite-everywhere.html",
            "search/2026-03-12-jvm-evening-talkbook-sample-meetup-1.js",
            "feed.xml",
            Manifest.NAME);
    assertThat(edited.written()).isEqualTo(3);
  }

  @Test
  void aReExportAfterOneEditReadsOnlyThatTalksNotesAndKeepsTheOthersSearchEntries()
      throws IOException {
    GeneratedNotebook.fill(notebook, 60, 30);
    Talk withImage = notebook.talks().list(notebook.events().list().get(0).id()).get(3);
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3};
    AttachmentRef image = notebook.attachments().add(withImage.id(), "p.png", "image/png", png);
    notebook
        .talks()
        .saveBody(withImage.id(), withImage.body() + image.markdown("image/png") + "\n");
    SiteExporter.Result first = export();
    assertThat(first.notesRead()).isEqualTo(60);
    Map<String, String> before = tree(out);

    Talk edited = notebook.talks().list(notebook.events().list().get(1).id()).get(5);
    clock.advance(Duration.ofMinutes(1));
    notebook.talks().saveBody(edited.id(), edited.body() + "\nzanzibar quokka\n");
    SiteExporter.Result again = export();

    assertThat(again.notesRead()).isEqualTo(1);
    assertThat(again.deleted()).isZero();
    Map<String, String> after = tree(out);
    List<String> changed = changed(before, after);
    assertThat(changed).hasSize(3).contains(Manifest.NAME).anyMatch(p -> p.startsWith("search/"));
    String part = changed.stream().filter(p -> p.startsWith("search/")).findFirst().orElseThrow();
    assertThat(read(part)).contains("zanzibar quokka");
    // the attachment of a talk whose page was not made again stays
    assertThat(after.keySet()).anyMatch(p -> p.startsWith("attachments/") && p.endsWith(".png"));
  }

  @Test
  void aPageLinkingToAnAttachmentAnotherTalkTookAwayIsMadeAgain() throws IOException {
    Talk holder = addTalkWithTitle("Other event", "Holder", "");
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 4, 5, 6};
    AttachmentRef image = notebook.attachments().add(holder.id(), "p.png", "image/png", png);
    notebook.talks().saveBody(holder.id(), image.markdown("image/png") + "\n");
    addTalkWithTitle("Event", "Borrower", "Copied: " + image.markdown("image/png") + "\n");
    export();
    String file = "attachments/" + image.sha256() + ".png";
    assertThat(read("events/event/borrower.html")).contains(file);

    notebook.talks().delete(holder.id());
    SiteExporter.Result r = export();

    assertThat(out.resolve(file)).doesNotExist();
    assertThat(read("events/event/borrower.html")).doesNotContain(file);
    assertThat(r.notesRead()).isEqualTo(1);
  }

  @Test
  void aCancelledExportLeavesNoStaleSearchEntryBehind() throws IOException {
    SampleMeetup.addTo(notebook);
    export();
    Talk talk = notebook.talks().findByTitle("SQLite everywhere").get(0);
    clock.advance(Duration.ofMinutes(1));
    notebook.talks().saveBody(talk.id(), talk.body() + "\nquokka\n");
    Path page =
        out.resolve("events/2026-03-12-jvm-evening-talkbook-sample-meetup/sqlite-everywhere.html");
    // stop as soon as the page is written, before the search index is
    assertThatThrownBy(
            () ->
                exporter.export(
                    notebook,
                    out,
                    SiteExporter.Options.all(),
                    SiteExporter.Progress.NONE,
                    () -> {
                      try {
                        return Files.readString(page, StandardCharsets.UTF_8).contains("quokka");
                      } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                      }
                    }))
        .isInstanceOf(CancellationException.class);
    String part = "search/2026-03-12-jvm-evening-talkbook-sample-meetup-1.js";
    assertThat(read(part)).doesNotContain("quokka");

    export();

    assertThat(read(part)).contains("quokka");
  }

  @Test
  void neitherSearchNorFeedFindsATalkByTextItsPageDoesNotShow() throws IOException {
    SampleMeetup.addTo(notebook);
    Talk talk = notebook.talks().findByTitle("SQLite everywhere").get(0);
    clock.advance(Duration.ofMinutes(1));
    notebook
        .talks()
        .saveBody(
            talk.id(),
            "See <script>quokkascript()</script> and <style>.wombat{}</style>"
                + " <!-- numbatdraft --> the axolotl.\n\n<iframe src=x>\n\nplatypusframe\n\n"
                + "</iframe>\n\nThe end.\n");

    export();

    String part = "search/2026-03-12-jvm-evening-talkbook-sample-meetup-1.js";
    String page = "events/2026-03-12-jvm-evening-talkbook-sample-meetup/sqlite-everywhere.html";
    for (String hidden : List.of("quokkascript", "wombat", "numbatdraft", "platypusframe")) {
      assertThat(read(page)).doesNotContain(hidden);
      assertThat(read(part)).doesNotContain(hidden);
      assertThat(read("feed.xml")).doesNotContain(hidden);
    }
    assertThat(read(page)).contains("axolotl", "The end.");
    assertThat(read(part)).contains("axolotl");
    assertThat(read("feed.xml")).contains("See and the axolotl. The end.");
  }

  @Test
  void aSearchIndexPartChangedByHandIsMadeAgainFromTheNotes() throws IOException {
    SampleMeetup.addTo(notebook);
    export();
    String part = "search/2026-03-12-jvm-evening-talkbook-sample-meetup-1.js";
    String original = read(part);
    Files.writeString(out.resolve(part), original.replace("jshell", "hacked"));
    Talk talk = notebook.talks().findByTitle("SQLite everywhere").get(0);
    clock.advance(Duration.ofMinutes(1));
    notebook.talks().saveBody(talk.id(), talk.body() + "\nquokka\n");

    SiteExporter.Result r = export();

    assertThat(read(part)).contains("quokka", "jshell").doesNotContain("hacked");
    assertThat(r.notesRead()).isEqualTo(5);
  }

  @Test
  void aSiteWhoseManifestHoldsSha256FromAnOlderTalkbookIsUpdatedLikeAnyOther() throws IOException {
    SampleMeetup.addTo(notebook);
    export();
    // An older Talkbook recorded each file's SHA-256 where the manifest now holds a checksum.
    List<String> lines = Files.readAllLines(out.resolve(Manifest.NAME));
    List<String> older = new ArrayList<>(List.of(lines.get(0)));
    for (String line : lines.subList(1, lines.size())) {
      if (!line.contains("\t")) {
        continue; // nor did it keep a site id, the talk of each page or any other setting
      }
      String[] f = line.split("\t", -1);
      assertThat(f[2]).startsWith("c:").hasSize(18);
      f[2] = SiteExporter.sha256(Files.readAllBytes(out.resolve(f[0])));
      older.add(String.join("\t", f));
    }
    Files.write(out.resolve(Manifest.NAME), older);
    assertThat(export().written()).isZero();

    String part = "search/2026-03-12-jvm-evening-talkbook-sample-meetup-1.js";
    Files.writeString(out.resolve(part), read(part).replace("jshell", "hacked"));
    Talk talk = notebook.talks().findByTitle("SQLite everywhere").get(0);
    clock.advance(Duration.ofMinutes(1));
    notebook.talks().saveBody(talk.id(), talk.body() + "\nquokka\n");
    Map<String, String> before = tree(out);
    SiteExporter.Result r = export();

    // the part edited by hand is not taken as this exporter's: made again from the notes
    assertThat(read(part)).contains("quokka", "jshell").doesNotContain("hacked");
    assertThat(r.notesRead()).isEqualTo(5);
    Map<String, String> after = tree(out);
    List<String> changed = changed(before, after);
    assertThat(changed)
        .containsExactlyInAnyOrder(
            "events/2026-03-12-jvm-evening-talkbook-sample-meetup/sqlite-everywhere.html",
            part,
            "feed.xml",
            Manifest.NAME);
    // and the site is the one a first export makes
    Path fresh = dir.resolve("fresh");
    export(fresh);
    Map<String, String> freshTree = tree(fresh);
    freshTree.remove(Manifest.NAME);
    after.remove(Manifest.NAME);
    assertThat(after).isEqualTo(freshTree);
  }

  @Test
  void aDeletedTalkLosesItsPageButFilesTalkbookDidNotWriteStay() throws IOException {
    SampleMeetup.addTo(notebook);
    export();
    Files.writeString(out.resolve("CNAME"), "talks.example.org");
    Path mine = out.resolve("events/2026-03-12-jvm-evening-talkbook-sample-meetup/mine.html");
    Files.writeString(mine, "my own page");
    Talk talk = notebook.talks().findByTitle("SQLite everywhere").get(0);
    notebook.talks().delete(talk.id());

    SiteExporter.Result r = export();

    assertThat(
            out.resolve(
                "events/2026-03-12-jvm-evening-talkbook-sample-meetup/sqlite-everywhere.html"))
        .doesNotExist();
    // its tags' pages, which no talk has now, lead to the tags' index (GoneTags)
    assertThat(out.resolve("tags/sqlite.html")).content().contains("url=index.html");
    assertThat(r.deleted()).isEqualTo(1); // the talk
    assertThat(out.resolve("CNAME")).hasContent("talks.example.org");
    assertThat(mine).hasContent("my own page");
  }

  @Test
  void aFileTalkbookDidNotWriteIsNeverOverwritten() throws IOException {
    SampleMeetup.addTo(notebook);
    Files.createDirectories(out);
    Files.writeString(out.resolve("index.html"), "someone else's site");

    assertThatThrownBy(this::export)
        .isInstanceOf(SiteException.class)
        .hasMessageContaining("index.html")
        .hasMessageContaining("not written by Talkbook");
    assertThat(out.resolve("index.html")).hasContent("someone else's site");
  }

  @Test
  void hostileTitlesGiveSafeFileNamesInsideTheFolder() throws IOException {
    Event e = notebook.events().create(Event.Details.titled("../../escape"));
    long dots = -1;
    for (String title :
        List.of(
            "../../../etc/passwd", "CON", "a/b", "..", "x".repeat(300), "NUL", "Café", "Cafe")) {
      Talk t =
          notebook
              .talks()
              .create(e.id(), Talk.Details.titled(title), "notes for " + title.length());
      if (title.equals("..")) {
        dots = t.id();
      }
    }

    export();

    Map<String, String> files = tree(out);
    assertThat(files.keySet())
        .allSatisfy(p -> assertThat(p).matches("[A-Za-z0-9._/-]+").doesNotContain(".."));
    assertThat(files.keySet())
        .contains(
            "events/escape/etc-passwd.html",
            "events/escape/con-page.html",
            "events/escape/a-b.html",
            "events/escape/talk-" + dots + ".html", // no letter or digit: by its id
            "events/escape/nul-page.html",
            "events/escape/cafe.html",
            "events/escape/cafe-2.html",
            "events/escape/" + "x".repeat(Slugs.MAX_LENGTH) + ".html");
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()).toList())
          .containsExactlyInAnyOrder(
              "n.talkbook", "n.talkbook.lock", "n.talkbook-wal", "n.talkbook-shm", "site")
          .doesNotContain("escape", "etc");
    }
  }

  @Test
  void aFileOrDanglingLinkWhereATalkPageGoesIsRefusedAndLeftAlone() throws IOException {
    SampleMeetup.addTo(notebook);
    Path event = out.resolve("events/2026-03-12-jvm-evening-talkbook-sample-meetup");
    Files.createDirectories(event);
    Files.writeString(event.resolve("sqlite-everywhere.html"), "mine");

    assertThatThrownBy(this::export)
        .isInstanceOf(SiteException.class)
        .hasMessageContaining("sqlite-everywhere.html")
        .hasMessageContaining("not written by Talkbook");
    assertThat(event.resolve("sqlite-everywhere.html")).hasContent("mine");

    Files.delete(event.resolve("sqlite-everywhere.html"));
    Path target = dir.resolve("elsewhere.html");
    Files.createSymbolicLink(event.resolve("sqlite-everywhere.html"), target);

    assertThatThrownBy(this::export)
        .isInstanceOf(SiteException.class)
        .hasMessageContaining("not written by Talkbook");
    assertThat(target).doesNotExist();
    assertThat(Files.isSymbolicLink(event.resolve("sqlite-everywhere.html"))).isTrue();
  }

  @Test
  void aDanglingLinkThatAppearsWhereAPageGoesIsNotFollowed() throws IOException {
    OutputFolder folder = new OutputFolder(out);
    Path target = dir.resolve("elsewhere.html");
    Files.createDirectories(out.resolve("events/e"));
    Files.createSymbolicLink(out.resolve("events/e/talk.html"), target);

    assertThatThrownBy(() -> folder.write("events/e/talk.html", new byte[] {1}))
        .isInstanceOf(SiteException.class)
        .hasMessageContaining("link");
    assertThat(target).doesNotExist();
    // a file there is replaced; a new one is made
    folder.write("events/e/other.html", new byte[] {2});
    folder.write("events/e/other.html", new byte[] {3});
    assertThat(out.resolve("events/e/other.html")).hasBinaryContent(new byte[] {3});
  }

  @Test
  void aLinkBesideAReplacedPageIsNotWrittenThrough() throws IOException {
    OutputFolder folder = new OutputFolder(out);
    folder.write("index.html", new byte[] {1});
    Path target = dir.resolve("elsewhere.html");
    // where a replaced page's temporary file used to be written, whatever was there
    Files.createSymbolicLink(out.resolve(".index.html.tmp"), target);

    folder.write("index.html", new byte[] {2});

    assertThat(out.resolve("index.html")).hasBinaryContent(new byte[] {2});
    assertThat(target).doesNotExist();
    assertThat(Files.isSymbolicLink(out.resolve(".index.html.tmp"))).isTrue();
  }

  @Test
  void aSymbolicLinkInsideTheFolderIsNotFollowed() throws IOException {
    SampleMeetup.addTo(notebook);
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Files.createDirectories(out);
    Files.createSymbolicLink(out.resolve("events"), elsewhere);

    assertThatThrownBy(this::export).isInstanceOf(SiteException.class).hasMessageContaining("link");
    try (Stream<Path> s = Files.list(elsewhere)) {
      assertThat(s).isEmpty();
    }
  }

  @Test
  void theOutputOfAFailedBlockIsShownAsAnError() throws IOException {
    addTalkWithTitle(
        "Event",
        "Demo",
        "```java\nint y = \"no\";\n```\n```output-error\nerror: incompatible types\n```\n\n"
            + "```java\n1\n```\n```output\n⇒ 1\n```\n");

    export();

    assertThat(read("events/event/demo.html"))
        .contains(
            "<pre class=\"output error\" aria-label=\"Error\"><code"
                + " class=\"language-output-error nohighlight\">error: incompatible types")
        .contains(
            "<pre class=\"output\" aria-label=\"Output\"><code"
                + " class=\"language-output nohighlight\">⇒ 1");
    assertThat(read("assets/site.css")).contains("pre.output.error");
  }

  @Test
  void hostileHtmlInNotesIsSanitizedNotRun() throws IOException {
    String hostile =
        """
        # Hostile

        <script>alert(1)</script>

        <img src=x onerror="alert(2)">

        [click](javascript:alert(3)) and [data](data:text/html,<script>alert(4)</script>)

        <iframe src="https://evil.example"></iframe>

        <svg><script>alert(5)</script></svg>

        ![remote](https://tracker.example/pixel.png)
        """;
    addTalkWithTitle("Event", "Hostile", hostile);

    export();

    String page = read("events/event/hostile.html");
    String notes =
        page.substring(page.indexOf("<div class=\"notes\">"), page.indexOf("</article>"));
    assertThat(notes)
        .doesNotContain("<script", "<iframe", "<svg", "<img src=x", "javascript:", "data:text/html")
        .doesNotContainPattern("<[^>]+\\son[a-z]+=")
        .doesNotContain("alert(1)", "alert(5)", "data-line")
        .doesNotContain("src=\"https://tracker.example")
        .contains(
            "<a class=\"remote-image\" href=\"https://tracker.example/pixel.png\">remote</a>");
    assertThat(page.split("<script", -1)).hasSize(2); // only the site's own script tag
  }

  @Test
  void aTitleRepeatedAsTheFirstHeadingShowsOnceWhateverItsCharacters() throws IOException {
    List<String> titles =
        List.of(
            "Don't fear the JIT",
            "C++ for Java developers",
            "a = b: equality",
            "@Annotations at runtime",
            "Tom & Jerry's <T> \"generics\"");
    List<Talk> made = new ArrayList<>();
    for (String title : titles) {
      // written as people write it: ' + = @ & as they are, < > and quotes escaped
      String heading = title.replace("<", "\\<").replace(">", "\\>");
      made.add(
          addTalkWithTitle(
              "Titles", title, "# " + heading + "\n\nIntro.\n\n## Part one\n\n### Detail\n"));
    }

    export();

    for (Talk t : made) {
      String page = read("events/titles/" + Slugs.of(t.title()) + ".html");
      assertThat(page.split("<h1", -1)).as(t.title()).hasSize(2);
      assertThat(page)
          .contains("<h1>" + Html.esc(t.title()) + "</h1>")
          .contains("<h2 id=\"part-one\">Part one")
          .contains("<h3 id=\"detail\">Detail");
    }
  }

  @Test
  void attachmentsAreCopiedUnderTheirHashAndActiveFilesCannotRun() throws IOException {
    Talk talk = addTalkWithTitle("Event", "Pictures", "");
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};
    AttachmentRef image = notebook.attachments().add(talk.id(), "chart.png", "image/png", png);
    AttachmentRef svg =
        notebook
            .attachments()
            .add(
                talk.id(),
                "evil.svg",
                "image/svg+xml",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                    .getBytes(StandardCharsets.UTF_8));
    AttachmentRef html =
        notebook
            .attachments()
            .add(talk.id(), "page.html", "text/html", "<script>x</script>".getBytes());
    notebook
        .talks()
        .saveBody(
            talk.id(),
            image.markdown("image/png")
                + "\n\n"
                + svg.markdown("image/svg+xml")
                + "\n\n"
                + html.markdown("text/html")
                + "\n");

    SiteExporter.Result r = export();

    assertThat(out.resolve("attachments/" + image.sha256() + ".png")).hasBinaryContent(png);
    assertThat(out.resolve("attachments/" + svg.sha256() + ".bin")).exists();
    assertThat(out.resolve("attachments/" + html.sha256() + ".bin")).exists();
    // the SVG that is a download is a link to it on the page, not a picture that shows broken
    assertThat(read("events/event/pictures.html"))
        .contains("src=\"../../attachments/" + image.sha256() + ".png\"")
        // saved under its own name, not as <sha256>.bin (a host serves .bin as
        // application/octet-stream, so it is saved, never shown)
        .contains(
            "href=\"../../attachments/"
                + svg.sha256()
                + ".bin\" download=\"evil.svg\">evil.svg</a>")
        .doesNotContain("src=\"../../attachments/" + svg.sha256() + ".bin\"");
    // and the publisher is told, once, also when the page is not made again
    String notice =
        "evil.svg holds links or scripts: published as a download, not shown as a picture";
    assertThat(r.notices()).containsExactly(notice);
    assertThat(export().notices()).containsExactly(notice);
  }

  @Test
  void anSvgNamedThroughRawHtmlIsALinkAndNamedAsTheMarkdownFormIs() throws IOException {
    Talk talk = addTalkWithTitle("Event", "Raw", "");
    AttachmentRef logo =
        notebook
            .attachments()
            .add(
                talk.id(),
                "logo.svg",
                "image/svg+xml",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><a href=\"https://example.com\"><rect/></a></svg>"
                    .getBytes(StandardCharsets.UTF_8));
    AttachmentRef plain =
        notebook
            .attachments()
            .add(
                talk.id(),
                "plain.svg",
                "image/svg+xml",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>"
                    .getBytes(StandardCharsets.UTF_8));
    notebook
        .talks()
        .saveBody(
            talk.id(),
            "<img src=\""
                + logo.url()
                + "\" alt=\"Our logo\">\n\n<p>Inline <img alt=\"plain\" src=\""
                + plain.url()
                + "\"> here</p>\n");

    SiteExporter.Result r = export();

    assertThat(read("events/event/raw.html"))
        .contains(
            "<a href=\"../../attachments/"
                + logo.sha256()
                + ".bin\" download=\"logo.svg\">Our logo</a>")
        .contains("src=\"../../attachments/" + plain.sha256() + ".svg\"")
        .doesNotContain("<img src=\"../../attachments/" + logo.sha256())
        .doesNotContain("attachment:");
    String notice =
        "logo.svg holds links or scripts: published as a download, not shown as a picture";
    assertThat(r.notices()).containsExactly(notice);
    assertThat(export().notices()).containsExactly(notice);
  }

  @Test
  void anImageOfAnAttachmentThatIsNoPictureIsALinkToItsFileNotAMissingImage() throws IOException {
    Talk talk = addTalkWithTitle("Event", "Slides", "");
    AttachmentRef pdf =
        notebook
            .attachments()
            .add(
                talk.id(),
                "talk.pdf",
                "application/pdf",
                "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.UTF_8));
    notebook.talks().saveBody(talk.id(), "The slides: ![doc](" + pdf.url() + ")\n");

    SiteExporter.Result r = export();

    String file = "attachments/" + pdf.sha256() + ".pdf";
    assertThat(read("events/event/slides.html"))
        .contains("href=\"../../" + file + "\" title=\"talk.pdf\">doc</a>")
        .doesNotContain("<img", "missing-image", "Missing image", "attachment:");
    assertThat(out.resolve(file)).exists();
    assertThat(r.notices()).isEmpty();
  }

  @Test
  void anImageTheNotebookDoesNotHoldIsAPlaceholderNamedOnceOnEveryExport() throws IOException {
    Talk one = addTalkWithTitle("Event", "One", "![d](diagram.png) and <img src=\"x\">\n");
    Talk two = addTalkWithTitle("Event", "Two", "Again: ![](diagram.png)\n");
    addTalkWithTitle("Event", "Three", "No pictures.\n");

    SiteExporter.Result r = export();

    assertThat(read("events/event/one.html"))
        .contains(
            "<span class=\"missing-image\" title=\"Not in the notebook: diagram.png\">"
                + "Missing image: d</span>")
        .contains("Missing image: x</span>")
        .doesNotContain("<img");
    assertThat(read("events/event/two.html")).contains("Missing image: diagram.png</span>");
    List<String> notices =
        List.of(
            "diagram.png is not in the notebook: shown as a missing image in \"One\", \"Two\""
                + " (attach the file to show it)",
            "x is not in the notebook: shown as a missing image in \"One\""
                + " (attach the file to show it)");
    assertThat(r.notices()).isEqualTo(notices);
    // an export that makes no page again still tells, from the manifest
    SiteExporter.Result again = export();
    assertThat(again.written()).isZero();
    assertThat(again.notices()).isEqualTo(notices);
    // and once the notes no longer show it, it is no longer named
    clock.advance(Duration.ofMinutes(1));
    notebook.talks().saveBody(two.id(), "Again, without it.\n");
    notebook.talks().saveBody(one.id(), "Fixed.\n");
    assertThat(export().notices()).isEmpty();
  }

  @Test
  void anSvgUsedByTwoTalksIsNamedOnceAndAnInertOneNotAtAll() throws IOException {
    Talk one = addTalkWithTitle("Event", "One", "");
    Talk two = addTalkWithTitle("Event", "Two", "");
    byte[] linked =
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><a href=\"https://example.com\"><rect/></a></svg>"
            .getBytes(StandardCharsets.UTF_8);
    AttachmentRef diagram =
        notebook.attachments().add(one.id(), "diagram.svg", "image/svg+xml", linked);
    AttachmentRef again =
        notebook.attachments().add(two.id(), "diagram.svg", "image/svg+xml", linked);
    AttachmentRef plain =
        notebook
            .attachments()
            .add(
                one.id(),
                "plain.svg",
                "image/svg+xml",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>"
                    .getBytes(StandardCharsets.UTF_8));
    notebook
        .talks()
        .saveBody(
            one.id(),
            diagram.markdown("image/svg+xml") + "\n\n" + plain.markdown("image/svg+xml") + "\n");
    notebook.talks().saveBody(two.id(), again.markdown("image/svg+xml") + "\n");

    SiteExporter.Result r = export();

    assertThat(r.notices())
        .containsExactly(
            "diagram.svg holds links or scripts: published as a download, not shown as a picture");
    assertThat(read("events/event/one.html"))
        .contains("src=\"../../attachments/" + plain.sha256() + ".svg\"");
  }

  @Test
  void onlyTheChosenEventsAreExported() throws IOException {
    addTalkWithTitle("Kept", "One", "");
    addTalkWithTitle("Left out", "Two", "");
    long kept =
        notebook.events().list().stream()
            .filter(e -> e.title().equals("Kept"))
            .findFirst()
            .orElseThrow()
            .id();

    exporter.export(
        notebook,
        out,
        new SiteExporter.Options("Mine", Set.of(kept), null),
        SiteExporter.Progress.NONE,
        () -> false);

    assertThat(read("index.html")).contains("Kept").doesNotContain("Left out");
    assertThat(out.resolve("events/kept/one.html")).exists();
    assertThat(out.resolve("events/left-out")).doesNotExist();
  }

  @Test
  void theFeedsSummariesAreTheSameMadeWithThePagesKeptFromTheLastFeedOrReadAgain()
      throws IOException {
    SampleMeetup.addTo(notebook);
    // a full export makes the summaries with the talks' pages, from the same parse
    exportWithBaseUrl("https://a.example/");
    List<String> fromPages = summaries(read("feed.xml"));
    assertThat(fromPages).hasSize(5).allMatch(s -> s.startsWith("<summary>"));
    for (Talk t : notebook.talks().list(notebook.events().list().get(0).id())) {
      String text = new MarkdownRenderer().summary(t.body(), t.title(), 400);
      String when =
          dev.talkbook.core.common.DateTimeText.dayAndClockSpan(
              t.details().startsAt(),
              t.programme().duration(),
              new SiteExporter.Options(null, Set.of(), null).locale());
      assertThat(fromPages).contains("<summary>" + Html.esc(when + " · " + text) + "</summary>");
    }
    // another base URL: the feed is made again, its pages are not; the last feed's summaries kept
    SiteExporter.Result kept = exportWithBaseUrl("https://b.example/");
    assertThat(kept.notesRead()).isZero();
    assertThat(summaries(read("feed.xml"))).isEqualTo(fromPages);
    // the last feed changed by hand is not trusted: the summaries are made from the notes
    Files.writeString(out.resolve("feed.xml"), read("feed.xml").replace("Speaker", "Hacked"));
    SiteExporter.Result again = exportWithBaseUrl("https://c.example/");
    assertThat(again.notesRead()).isEqualTo(5);
    assertThat(summaries(read("feed.xml"))).isEqualTo(fromPages);
  }

  private SiteExporter.Result exportWithBaseUrl(String baseUrl) {
    return exporter.export(
        notebook,
        out,
        new SiteExporter.Options(null, Set.of(), baseUrl),
        SiteExporter.Progress.NONE,
        () -> false);
  }

  /** The feed's summaries, in order. */
  private static List<String> summaries(String feed) {
    return java.util.regex.Pattern.compile("<summary>[^<]*</summary>")
        .matcher(feed)
        .results()
        .map(java.util.regex.MatchResult::group)
        .toList();
  }

  @Test
  void theBaseUrlMakesTheFeedsLinksAbsolute() throws IOException {
    addTalkWithTitle("Event", "Talk", "text");
    exporter.export(
        notebook,
        out,
        new SiteExporter.Options(null, Set.of(), "https://example.org/talks"),
        SiteExporter.Progress.NONE,
        () -> false);
    assertThat(read("feed.xml"))
        .contains("href=\"https://example.org/talks/events/event/talk.html\"");
    assertThat(read("events/event/talk.html")).doesNotContain("example.org");
    assertThatThrownBy(() -> new SiteExporter.Options(null, Set.of(), "javascript:alert(1)"))
        .isInstanceOf(SiteException.class)
        .hasMessageContaining("base URL");
  }

  @Test
  void cancellingStopsAndTheNextExportStillOwnsWhatWasWritten() throws IOException {
    for (int i = 0; i < 60; i++) {
      addTalkWithTitle("Event", "Talk " + i, "notes " + i);
    }
    AtomicInteger polls = new AtomicInteger();
    AtomicInteger progress = new AtomicInteger();

    assertThatThrownBy(
            () ->
                exporter.export(
                    notebook,
                    out,
                    SiteExporter.Options.all(),
                    (done, total, what) -> progress.set(done),
                    () -> polls.incrementAndGet() > 20))
        .isInstanceOf(CancellationException.class);
    // the pages not written yet are placeholders, so that no link of those written leads nowhere
    String placeholder = SiteExporter.sha256(SiteExporter.PLACEHOLDER);
    assertThat(tree(out).values().stream().filter(hash -> !hash.equals(placeholder)).count())
        .isLessThan(60);
    assertThat(SiteExportLinks.broken(out)).isEmpty();
    assertThat(out.resolve(Manifest.NAME)).exists();

    notebook.events().delete(notebook.events().list().get(0).id());
    export();
    assertThat(tree(out).keySet()).noneMatch(p -> p.startsWith("events/"));
  }

  @Test
  void progressReachesTheTotal() {
    SampleMeetup.addTo(notebook);
    List<int[]> seen = new ArrayList<>();
    exporter.export(
        notebook,
        out,
        SiteExporter.Options.all(),
        (done, total, what) -> {
          synchronized (seen) {
            seen.add(new int[] {done, total});
          }
        },
        () -> false);
    int[] last = seen.stream().max((a, b) -> Integer.compare(a[0], b[0])).orElseThrow();
    assertThat(last[0]).isEqualTo(last[1]).isGreaterThan(10);
  }

  @Test
  void aTalkWithoutNotesHasItsProgrammesAbstractAsItsFeedSummary() throws IOException {
    Event e = notebook.events().create(Event.Details.titled("Conf"));
    notebook
        .talks()
        .create(
            e.id(),
            Talk.Details.titled("Abstract only"),
            "",
            new dev.talkbook.core.notebook.Programme(
                "We look at **details** & trade-offs.", null, null, null, null, null, null, null));
    notebook
        .talks()
        .create(
            e.id(),
            Talk.Details.titled("Nothing at all"),
            "",
            dev.talkbook.core.notebook.Programme.NONE);

    export();

    assertThat(summaries(read("feed.xml")))
        .containsExactly("<summary>We look at details &amp; trade-offs.</summary>");
  }

  @Test
  void theFeedStaysWellFormedXmlWhenNotesHoldCharactersXmlForbids() throws Exception {
    // U+FFFE and U+FFFF are no XML characters: one pasted into notes made every feed reader
    // refuse the whole feed ("not well-formed (invalid token)").
    addTalkWithTitle(
        "Meetup", "Pasted bytes \uFFFF", "Para with \uFFFE a noncharacter and \uFFFF another.\n");
    export();
    String feed = read("feed.xml");
    javax.xml.parsers.DocumentBuilderFactory f =
        javax.xml.parsers.DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(feed)));
    assertThat(feed)
        .contains("<summary>Para with \uFFFD a noncharacter and \uFFFD another.</summary>")
        .doesNotContain("\uFFFE", "\uFFFF");
  }

  private Talk addTalkWithTitle(String eventTitle, String title, String body) {
    Event e =
        notebook.events().list().stream()
            .filter(ev -> ev.title().equals(eventTitle))
            .findFirst()
            .orElseGet(() -> notebook.events().create(Event.Details.titled(eventTitle)));
    return notebook.talks().create(e.id(), Talk.Details.titled(title), body);
  }

  /** The files of {@code after} that are new or differ from {@code before} (path to hash). */
  private static List<String> changed(Map<String, String> before, Map<String, String> after) {
    List<String> changed = new ArrayList<>();
    after.forEach(
        (p, h) -> {
          if (!h.equals(before.get(p))) {
            changed.add(p);
          }
        });
    return changed;
  }
}
