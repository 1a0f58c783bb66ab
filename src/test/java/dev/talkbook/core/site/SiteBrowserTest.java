package dev.talkbook.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.talkbook.core.markdown.MarkdownRenderer;
import dev.talkbook.core.notebook.AttachmentRef;
import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.sample.SampleMeetup;
import dev.talkbook.core.store.Notebook;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The exported site in a real browser (Debian's chromium and chromedriver, headless): opened from
 * disk and through a local web server under a sub-path, navigated, searched, and shown a talk full
 * of hostile HTML. Skipped, saying why, only where chromium is not installed; CI installs it.
 */
class SiteBrowserTest extends BrowserTest {
  private static final String EVENT = "events/2026-03-12-jvm-evening-talkbook-sample-meetup/";

  @TempDir static Path dir;
  private static Path site;
  private static Path corpusSite;
  private static Notebook corpus;
  private static List<SearchCorpus.Made> corpusTalks;
  private static HttpServer server;

  /** Another "host": counts every request that reaches it. */
  private static HttpServer tracker;

  private static final List<String> trackerRequests =
      java.util.Collections.synchronizedList(new java.util.ArrayList<>());

  @BeforeAll
  static void exportSite() throws IOException {
    HeadlessChromium.assumeInstalled();
    site = dir.resolve("site");
    tracker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    tracker.createContext(
        "/",
        exchange -> {
          trackerRequests.add(exchange.getRequestURI().toString());
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    tracker.start();
    String host = "127.0.0.1:" + tracker.getAddress().getPort();
    try (Notebook nb = Notebook.open(dir.resolve("n.talkbook"))) {
      SampleMeetup.addTo(nb);
      Event e = nb.events().create(Event.Details.titled("Hostile"));
      Talk t = nb.talks().create(e.id(), Talk.Details.titled("Hostile notes"), "");
      AttachmentRef svg =
          nb.attachments()
              .add(
                  t.id(),
                  "evil.svg",
                  "image/svg+xml",
                  ("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"window.top.pwned=1\">"
                          + "<script>window.top.pwned=2</script></svg>")
                      .getBytes(StandardCharsets.UTF_8));
      nb.talks()
          .saveBody(
              t.id(),
              """
              # Hostile notes

              <script>window.pwned = 3; alert('script')</script>

              <img src="x" onerror="window.pwned = 4; alert('onerror')">

              [a javascript link](javascript:window.pwned=5) and <a href="javascript:alert(6)">raw</a>

              <iframe src="javascript:parent.pwned=7"></iframe>

              <svg><script>window.pwned = 8</script><circle onload="window.pwned=9"/></svg>

              """
                  + svg.markdown("image/svg+xml")
                  + "\n\n[the svg]("
                  + svg.url()
                  + ")\n\n![remote](https://tracker.invalid/p.png)\n");
      Event readers = nb.events().create(Event.Details.titled("Readers"));
      Talk pictures = nb.talks().create(readers.id(), Talk.Details.titled("Pictures"), "");
      nb.talks()
          .create(
              readers.id(),
              new Talk.Details(
                  "Withdrawn session",
                  List.of("Ada Lovelace"),
                  java.time.LocalDateTime.of(2026, 3, 12, 18, 30),
                  null,
                  null,
                  null,
                  List.of()),
              "",
              new dev.talkbook.core.notebook.Programme(
                  "",
                  null,
                  null,
                  null,
                  null,
                  "uid-withdrawn",
                  "frab:readers",
                  java.time.Instant.parse("2026-03-01T00:00:00Z")));
      AttachmentRef png =
          nb.attachments().add(pictures.id(), "wide.png", "image/png", png(1600, 500));
      nb.talks()
          .saveBody(
              pictures.id(),
              "A diagram:\n\n"
                  + png.markdown("image/png")
                  + "\n\n```java\nvar answer = 42;\nSystem.out.println(answer);\n```\n\n"
                  + "```output\n42\n```\n\n"
                  + "| left | centred | right |\n|:--|:-:|--:|\n| a | b | c |\n");
      Talk greek = nb.talks().create(readers.id(), Talk.Details.titled("Η οδός της μνήμης"), "");
      nb.talks().saveBody(greek.id(), "Ένας ΔΡΟΜΟΣ στην πόλη.\n");
      Event polyglot = nb.events().create(Event.Details.titled("Polyglot"));
      Talk japanese = nb.talks().create(polyglot.id(), Talk.Details.titled("日本語のトーク"), "");
      nb.talks().saveBody(japanese.id(), "日本語のメモです。東京で会議。Java の話も。\n");
      Talk kyoto = nb.talks().create(polyglot.id(), Talk.Details.titled("京都の夜"), "");
      nb.talks().saveBody(kyoto.id(), "東京タワーから。\n");
      Talk korean = nb.talks().create(polyglot.id(), Talk.Details.titled("Talk 長い話"), "");
      nb.talks().saveBody(korean.id(), "한국어로 발표합니다.\n");
      Talk code = nb.talks().create(readers.id(), Talk.Details.titled("One line"), "");
      nb.talks()
          .saveBody(
              code.id(),
              "Short:\n\n```java\nvar x = 1;\n```\n\nLong:\n\n```java\n"
                  + "System.out.println(\"a first line long enough to run under any button\");\n"
                  + "```\n\n```output\nthe output, long enough to reach the button too, yes\n```\n");
      Talk remote = nb.talks().create(e.id(), Talk.Details.titled("Remote images"), "");
      nb.talks()
          .saveBody(
              remote.id(),
              """
              ![plain](http://HOST/md-plain.png) ![relative to the protocol](//HOST/md-proto.png)
              ![backslashes](\\\\\\\\HOST/md-back.png) ![mixed](/\\HOST/md-mixed.png)

              ![by reference][ref] and [![in a link](http://HOST/md-link.png)](https://example.org/)

              [ref]: //HOST/md-ref.png

              <img alt="order" width="20" src="http://HOST/raw-order.png">
              <IMG SRC="//HOST/raw-proto.png" ALT="upper">
              <img src="/\\HOST/raw-mixed.png" title="mixed">
              <img src=" http://HOST/raw-space.png" alt="space">
              <img src="ht&#9;tp://HOST/raw-tab.png" alt="tab">
              <img srcset="http://HOST/raw-srcset.png 2x" src="x.png" alt="srcset">
              <a href="https://example.org/"><img src="http://HOST/raw-link.png"></a>
              """
                  .replace("HOST", host));
      new SiteExporter(new MarkdownRenderer())
          .export(nb, site, SiteExporter.Options.all(), SiteExporter.Progress.NONE, () -> false);
    }
    corpus = Notebook.open(dir.resolve("corpus.talkbook"));
    corpusTalks = SearchCorpus.fill(corpus, 300);
    corpusSite = dir.resolve("corpus-site");
    new SiteExporter(new MarkdownRenderer())
        .export(
            corpus,
            corpusSite,
            SiteExporter.Options.all(),
            SiteExporter.Progress.NONE,
            () -> false);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    // the site without its Content-Security-Policy, to see what the HTML alone would load
    server.createContext(
        "/nocsp/",
        exchange -> {
          String rel = exchange.getRequestURI().getPath().substring("/nocsp/".length());
          Path file = site.resolve(rel).normalize();
          if (!file.startsWith(site) || !Files.isRegularFile(file)) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
          }
          byte[] body = Files.readAllBytes(file);
          if (rel.endsWith(".html")) {
            body =
                new String(body, StandardCharsets.UTF_8)
                    .replaceAll("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "")
                    .getBytes(StandardCharsets.UTF_8);
          }
          exchange
              .getResponseHeaders()
              .set(
                  "Content-Type",
                  rel.endsWith(".html")
                      ? "text/html; charset=utf-8"
                      : rel.endsWith(".css") ? "text/css" : "text/javascript");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream o = exchange.getResponseBody()) {
            o.write(body);
          }
        });
    server.createContext(
        "/some/sub/path/",
        exchange -> {
          String rel = exchange.getRequestURI().getPath().substring("/some/sub/path/".length());
          Path file = site.resolve(rel.isEmpty() ? "index.html" : rel).normalize();
          if (!file.startsWith(site) || !Files.isRegularFile(file)) {
            byte[] body = Files.readAllBytes(site.resolve("404.html"));
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(404, body.length);
            try (OutputStream o = exchange.getResponseBody()) {
              o.write(body);
            }
            return;
          }
          String name = file.getFileName().toString();
          String type =
              Map.of(
                      "html",
                      "text/html; charset=utf-8",
                      "css",
                      "text/css",
                      "js",
                      "text/javascript",
                      "xml",
                      "application/atom+xml",
                      "svg",
                      "image/svg+xml")
                  .getOrDefault(
                      name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
          byte[] body = Files.readAllBytes(file);
          exchange.getResponseHeaders().set("Content-Type", type);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream o = exchange.getResponseBody()) {
            o.write(body);
          }
        });
    server.start();
  }

  /** A PNG of this size: a blue rectangle. */
  static byte[] png(int width, int height) throws IOException {
    java.awt.image.BufferedImage image =
        new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = image.createGraphics();
    g.setColor(new java.awt.Color(0x2f6fb0));
    g.fillRect(0, 0, width, height);
    g.dispose();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.stop(0);
    }
    if (tracker != null) {
      tracker.stop(0);
    }
    if (corpus != null) {
      corpus.close();
    }
  }

  @Override
  protected Path browserFolder() {
    return dir;
  }

  private void navigateAndSearch(String indexUrl) {
    driver.get(indexUrl);
    assertThat(driver.getTitle()).isEqualTo("Talk notes");

    driver.findElement(By.linkText("JVM Evening (Talkbook sample meetup)")).click();
    waiting().until(ExpectedConditions.titleContains("JVM Evening"));
    assertThat(driver.findElement(By.tagName("h1")).getText())
        .isEqualTo("JVM Evening (Talkbook sample meetup)");

    driver.findElement(By.linkText("Live coding without fear")).click();
    waiting().until(ExpectedConditions.titleContains("Live coding without fear"));
    assertThat(driver.findElement(By.tagName("h1")).getText())
        .isEqualTo("Live coding without fear");
    // highlight.js ran over the Java block
    waiting().until(d -> !d.findElements(By.cssSelector("code.language-java.hljs span")).isEmpty());

    driver.findElement(By.cssSelector(".tags a[href$='tags/jshell.html']")).click();
    waiting().until(ExpectedConditions.titleContains("Tag jshell"));
    assertThat(driver.findElements(By.cssSelector(".listing h2 a")))
        .extracting(WebElement::getText)
        .containsExactly("Live coding without fear");

    WebElement search = driver.findElement(By.id("tb-q"));
    assertThat(search.isDisplayed()).isTrue();
    search.click();
    search.sendKeys("sqlite");
    // the results are rebuilt on every keystroke: read and click them once they have settled
    waiting()
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              d.findElement(By.cssSelector("#tb-results"))
                  .findElement(By.linkText("SQLite everywhere"))
                  .click();
              return true;
            });
    waiting().until(ExpectedConditions.titleContains("SQLite everywhere"));
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("SQLite everywhere");
    assertNoConsoleErrors();
  }

  @Test
  void fromDiskIndexEventTalkTagAndSearchWork() {
    navigateAndSearch(site.resolve("index.html").toUri().toString());
  }

  @Test
  void fromAWebServerUnderASubPathIndexEventTalkTagAndSearchWork() {
    navigateAndSearch(
        "http://127.0.0.1:" + server.getAddress().getPort() + "/some/sub/path/index.html");
  }

  @Test
  void aPrefixOfAWordFindsTalksAndNonsenseFindsNone() {
    driver.get(site.resolve("index.html").toUri().toString());
    WebElement search = driver.findElement(By.id("tb-q"));
    search.click();
    search.sendKeys("virt");
    waiting()
        .ignoring(StaleElementReferenceException.class)
        .until(
            d ->
                d.findElements(By.cssSelector("#tb-results a")).stream()
                    .map(WebElement::getText)
                    .toList()
                    .contains("Virtual threads in practice"));
    search.clear();
    search.sendKeys("zzqqxx");
    waiting()
        .until(ExpectedConditions.textToBe(By.cssSelector("#tb-results li"), "No talks found."));
  }

  @Test
  void greekWordsAreFoundWithTheFinalSigmaTypedEitherWay() {
    driver.get(site.resolve("index.html").toUri().toString());
    driver.findElement(By.id("tb-q")).click();
    // a title's word (cut by the page) and a word of the notes (cut by the exporter), typed with
    // σ, with ς and in capitals: the notebook's search finds them all so
    for (String typed : List.of("οδοσ", "οδος", "ΟΔΟΣ", "δρομοσ", "δρόμος", "ΔΡΟΜΟΣ")) {
      assertThat(allResultsFor(typed)).as("search for %s", typed).contains("Η οδός της μνήμης");
    }
    assertNoConsoleErrors();
  }

  @Test
  void chineseJapaneseAndKoreanTermsAreFoundInsideARunAsTheNotebookFindsThem() throws Exception {
    driver.get(site.resolve("index.html").toUri().toString());
    driver.findElement(By.id("tb-q")).click();
    Map<String, List<String>> expected =
        Map.ofEntries(
            Map.entry("メモ", List.of("日本語のトーク")), // inside a run of the notes
            Map.entry("東京", List.of("日本語のトーク", "京都の夜")),
            Map.entry("京都", List.of("京都の夜")), // 東京で: no 京都 there
            Map.entry("トーク", List.of("日本語のトーク")), // a title's run, with ー
            Map.entry("長", List.of("Talk 長い話")), // one letter, starting a run
            Map.entry("話", List.of("Talk 長い話", "日本語のトーク")), // one letter, ending one
            Map.entry("국어", List.of("Talk 長い話")), // Korean inside 한국어로
            Map.entry("東京 java", List.of("日本語のトーク")), // and a word of another script
            Map.entry("東京会議", List.of())); // 東京で会議: 京会 is not there
    try (Notebook nb = Notebook.open(dir.resolve("n.talkbook"))) {
      for (Map.Entry<String, List<String>> e : expected.entrySet()) {
        assertThat(
                nb.search().search(e.getKey(), 100).stream()
                    .map(dev.talkbook.core.search.SearchHit::talkTitle)
                    .toList())
            .as("talkbook search %s", e.getKey())
            .containsExactlyInAnyOrderElementsOf(e.getValue());
        assertThat(allResultsFor(e.getKey()))
            .as("the site's results for %s", e.getKey())
            .containsExactlyInAnyOrderElementsOf(e.getValue());
      }
    }
    assertNoConsoleErrors();
  }

  @Test
  void aCancelledTalkIsMarkedInTheSearchResultsAsInTheLists() {
    driver.get(site.resolve("index.html").toUri().toString());
    driver.findElement(By.id("tb-q")).click();

    assertThat(allResultsFor("withdrawn")).containsExactly("Withdrawn session");
    WebElement hit = driver.findElement(By.cssSelector("#tb-results li"));
    assertThat(hit.getAttribute("class")).isEqualTo("cancelled");
    assertThat(hit.findElement(By.cssSelector(".search-meta .cancelled-label")).getText())
        .isEqualTo("Cancelled");
    assertThat(hit.findElement(By.cssSelector(".search-meta")).getText())
        // with its day and time, which the results did not show
        .isEqualTo("Cancelled · 2026-03-12 18:30 · Ada Lovelace · Readers");

    assertThat(allResultsFor("pictures")).containsExactly("Pictures");
    WebElement kept = driver.findElement(By.cssSelector("#tb-results li"));
    assertThat(kept.getAttribute("class")).isEmpty();
    assertThat(kept.findElements(By.cssSelector(".cancelled-label"))).isEmpty();
    assertThat(kept.findElement(By.cssSelector(".search-meta")).getText()).isEqualTo("Readers");
    assertNoConsoleErrors();
  }

  /** The titles {@code talkbook search} finds for a query, in the corpus notebook. */
  private static List<String> notebookFinds(String query) {
    return corpus.search().search(query, 100_000).stream()
        .map(dev.talkbook.core.search.SearchHit::talkTitle)
        .toList();
  }

  @Test
  void wholeWordsStemsAndPrefixesFindWhatTheNotebookFinds() {
    driver.get(corpusSite.resolve("index.html").toUri().toString());
    driver.findElement(By.id("tb-q")).click();
    for (String[] typedAndQuery :
        List.of(
            // whole words: the site stems them as the notebook does
            new String[] {"testing", "testing"},
            new String[] {"deployment", "deployment"},
            new String[] {"diversity", "diversity"},
            new String[] {"keynote", "keynote"},
            new String[] {"Naïve", "naive"},
            // another form of the word: the same stem
            new String[] {"tests", "tests"},
            new String[] {"deployed", "deployed"},
            // two words: talks with both
            new String[] {"testing docker", "testing docker"})) {
      List<String> expected = notebookFinds(typedAndQuery[1]);
      assertThat(expected).as("the notebook finds talks for %s", typedAndQuery[1]).isNotEmpty();
      assertThat(allResultsFor(typedAndQuery[0]))
          .as("the site's results for \"%s\"", typedAndQuery[0])
          .containsAll(expected);
    }
    // the start of a word: what the notebook finds, and every title with a word starting so
    // (the notebook's prefixes stop at the stem: "observab*" misses "observability")
    for (String prefix : List.of("deplo", "observab", "kuber", "diversi")) {
      Set<String> expected = new java.util.LinkedHashSet<>(notebookFinds(prefix + "*"));
      for (SearchCorpus.Made t : corpusTalks) {
        if (List.of(SearchText.words(t.title()).split(" ")).stream()
            .anyMatch(w -> w.startsWith(prefix))) {
          expected.add(t.title());
        }
      }
      assertThat(expected).as("talks to find for %s", prefix).isNotEmpty();
      assertThat(allResultsFor(prefix))
          .as("the site's results for \"%s\"", prefix)
          .containsAll(expected);
    }
    // every word of a title finds that talk, whatever its punctuation
    for (String title :
        List.of(notebookFinds("\"don't fear\"").get(0), notebookFinds("o'reilly").get(0))) {
      for (String word : SearchText.words(title).split(" ")) {
        assertThat(allResultsFor(word)).as("search for %s", word).contains(title);
      }
    }
    assertThat(allResultsFor("zzqqxx")).isEmpty();
    assertNoConsoleErrors();
  }

  @Test
  void codeBlocksHaveACopyButtonAndImagesOpenLarger() {
    driver.get(site.resolve("events/readers/pictures.html").toUri().toString());
    waiting().until(ExpectedConditions.titleContains("Pictures"));
    JavascriptExecutor js = (JavascriptExecutor) driver;

    List<WebElement> buttons = driver.findElements(By.cssSelector(".code-block .copy-code"));
    assertThat(buttons).hasSize(2); // the code and its output
    buttons.get(0).click();
    waiting().until(ExpectedConditions.textToBePresentInElement(buttons.get(0), "Copied"));
    // what was copied is the code: paste it into the search box (a one-line field)
    WebElement search = driver.findElement(By.id("tb-q"));
    search.click();
    search.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "v"));
    waiting().until(d -> !search.getAttribute("value").isEmpty());
    assertThat(search.getAttribute("value"))
        .contains("var answer = 42;", "System.out.println(answer);");
    search.sendKeys(org.openqa.selenium.Keys.ESCAPE);

    WebElement picture = driver.findElement(By.cssSelector(".notes img"));
    assertThat(picture.getAttribute("class")).contains("zoomable");
    picture.click();
    WebElement dialog = driver.findElement(By.cssSelector("dialog.lightbox"));
    waiting().until(d -> dialog.getAttribute("open") != null);
    WebElement large = dialog.findElement(By.tagName("img"));
    assertThat(large.getAttribute("src")).isEqualTo(picture.getAttribute("src"));
    // larger than in the page
    assertThat(large.getSize().getWidth()).isGreaterThan(picture.getSize().getWidth());
    new org.openqa.selenium.interactions.Actions(driver)
        .sendKeys(org.openqa.selenium.Keys.ESCAPE)
        .perform();
    waiting().until(d -> dialog.getAttribute("open") == null);
    // from the keyboard too; a click closes it
    picture.sendKeys(org.openqa.selenium.Keys.ENTER);
    waiting().until(d -> dialog.getAttribute("open") != null);
    large.click();
    waiting().until(d -> dialog.getAttribute("open") == null);
    // nothing loaded from elsewhere, nothing refused by the page's Content-Security-Policy
    Object external =
        js.executeScript(
            "return performance.getEntriesByType('resource').map(e => e.name)"
                + ".filter(n => !n.startsWith('file:'))");
    assertThat((List<?>) external).isEmpty();
    assertNoConsoleErrors();
  }

  @Test
  void tableColumnsKeepTheAlignmentTheirMarkdownAsksFor() {
    driver.get(site.resolve("events/readers/pictures.html").toUri().toString());
    waiting().until(ExpectedConditions.titleContains("Pictures"));
    JavascriptExecutor js = (JavascriptExecutor) driver;
    Object aligns =
        js.executeScript(
            "return [...document.querySelectorAll('.notes table th, .notes table td')]"
                + ".map(c => getComputedStyle(c).textAlign)");
    // as the preview shows them (site.css's own left alignment of cells must not win)
    assertThat(aligns).isEqualTo(List.of("left", "center", "right", "left", "center", "right"));
  }

  @Test
  void theCopyButtonCoversNoCodeOnANarrowOrWidePageInLightOrDark() {
    for (String scheme : List.of("light", "dark")) {
      prefersColorScheme(scheme);
      for (int width : List.of(390, 1200)) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
        driver.get(site.resolve("events/readers/one-line.html").toUri().toString());
        waiting().until(ExpectedConditions.titleContains("One line"));
        waiting().until(d -> d.findElements(By.cssSelector(".code-block .copy-code")).size() == 3);
        Object covered =
            ((JavascriptExecutor) driver)
                .executeScript(
                    "return Array.from(document.querySelectorAll('.code-block')).map(block => {"
                        + " const b = block.querySelector('.copy-code').getBoundingClientRect();"
                        + " const r = document.createRange();"
                        + " r.selectNodeContents(block.querySelector('pre'));"
                        + " return Array.from(r.getClientRects()).filter(x => x.width > 0"
                        + "  && x.left < b.right && x.right > b.left"
                        + "  && x.top < b.bottom && x.bottom > b.top).length; })");
        assertThat(covered).as("%s at %d px", scheme, width).isEqualTo(List.of(0L, 0L, 0L));
      }
    }
  }

  @Test
  void withTheContentSecurityPolicyOffNoImageIsRequestedFromElsewhere() {
    trackerRequests.clear();
    driver.get(
        "http://127.0.0.1:"
            + server.getAddress().getPort()
            + "/nocsp/events/hostile/remote-images.html");
    waiting().until(ExpectedConditions.titleContains("Remote images"));
    JavascriptExecutor js = (JavascriptExecutor) driver;
    waiting().until(d -> js.executeScript("return document.readyState").equals("complete"));
    assertThat(driver.getPageSource()).doesNotContain("Content-Security-Policy");
    // every image from elsewhere is a link now (inside a link, its text)
    assertThat(js.executeScript("return document.querySelectorAll('.notes a.remote-image').length"))
        .isEqualTo(9L);
    // a control: with the policy off, an image from the tracker would be fetched
    js.executeScript(
        "var i = new Image(); i.src = 'http://127.0.0.1:"
            + tracker.getAddress().getPort()
            + "/control.png'; document.body.appendChild(i);");
    waiting().until(d -> trackerRequests.contains("/control.png"));
    assertThat(trackerRequests).containsExactly("/control.png");
  }

  @Test
  void hostileNotesRunNothing() {
    for (String url :
        List.of(
            site.resolve("events/hostile/hostile-notes.html").toUri().toString(),
            "http://127.0.0.1:"
                + server.getAddress().getPort()
                + "/some/sub/path/events/hostile/hostile-notes.html")) {
      driver.get(url);
      waiting().until(ExpectedConditions.titleContains("Hostile notes"));
      // let images load (or fail) and any handler fire
      waiting()
          .until(
              d ->
                  ((JavascriptExecutor) d)
                      .executeScript("return document.readyState")
                      .equals("complete"));
      assertNoAlert();
      JavascriptExecutor js = (JavascriptExecutor) driver;
      assertThat(js.executeScript("return window.pwned === undefined")).isEqualTo(true);
      assertThat(
              js.executeScript(
                  "return document.querySelectorAll('.notes script, .notes iframe, .notes svg, .notes [onerror], .notes [onload]').length"))
          .isEqualTo(0L);
      assertThat(
              js.executeScript(
                  "return Array.from(document.querySelectorAll('a')).filter(a => a.protocol === 'javascript:').length"))
          .isEqualTo(0L);
      // a javascript: link is its text, no link that would reload the page
      assertThat(
              js.executeScript(
                  "return Array.from(document.querySelectorAll('.notes a'))"
                      + ".filter(a => a.textContent.includes('javascript link')"
                      + " || a.textContent === 'raw').length"))
          .isEqualTo(0L);
      assertThat(driver.findElement(By.cssSelector(".notes")).getText())
          .contains("a javascript link and raw");
      // the sanitizer drops the script with its text; nothing of it is left to read or run
      assertThat(driver.findElement(By.cssSelector(".notes")).getText())
          .doesNotContain("window.pwned");
      // the SVG attachment with a script is published as a download, not a page that could run
      List<WebElement> svgLinks = driver.findElements(By.linkText("the svg"));
      assertThat(svgLinks).hasSize(1);
      assertThat(svgLinks.get(0).getAttribute("href")).endsWith(".bin");
      // nothing was requested from another host
      Object external =
          js.executeScript(
              "return performance.getEntriesByType('resource').map(e => e.name)"
                  + ".filter(n => !n.startsWith('file:') && !n.startsWith('http://127.0.0.1'))");
      assertThat((List<?>) external).isEmpty();
      assertNoAlert();
    }
    assertNoConsoleErrors();
  }

  private void assertNoAlert() {
    try {
      String text = driver.switchTo().alert().getText();
      throw new AssertionError("an alert was shown: " + text);
    } catch (NoAlertPresentException expected) {
      // fine
    }
  }

  private void assertNoConsoleErrors() {
    List<LogEntry> severe =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
            // a broken <img src=…> of an attachment that is a download is expected
            .filter(e -> !e.getMessage().contains(".bin"))
            // the hostile note's <img src=x onerror=…> keeps its (missing) image, not its handler
            .filter(e -> !e.getMessage().contains("/events/hostile/x "))
            .toList();
    assertThat(severe).extracting(LogEntry::getMessage).isEmpty();
  }
}
