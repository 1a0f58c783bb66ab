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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The exported site in a real browser (Debian's chromium and chromedriver, headless): opened from
 * disk and through a local web server under a sub-path, navigated, searched, and shown a talk full
 * of hostile HTML. Skipped, saying why, only where chromium is not installed; CI installs it.
 */
class SiteBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String EVENT = "events/2026-03-12-jvm-evening-talkbook-sample-meetup/";

  @TempDir static Path dir;
  private static Path site;
  private static Path corpusSite;
  private static Notebook corpus;
  private static List<SearchCorpus.Made> corpusTalks;
  private static HttpServer server;
  private WebDriver driver;

  @BeforeAll
  static void exportSite() throws IOException {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver);"
            + " the browser tests are skipped");
    site = dir.resolve("site");
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

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.stop(0);
    }
    if (corpus != null) {
      corpus.close();
    }
  }

  @BeforeEach
  void startBrowser() throws IOException {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1100,900",
        "--user-data-dir=" + Files.createTempDirectory(dir, "profile"));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  @AfterEach
  void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  private WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(15));
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

  /**
   * Types into the search box and returns every talk it lists (all of them, not just the first).
   */
  private List<String> typeSearch(String text) {
    WebElement search = driver.findElement(By.id("tb-q"));
    search.clear();
    search.sendKeys(text);
    JavascriptExecutor js = (JavascriptExecutor) driver;
    // settled: the list shows the results for this text (made 120 ms after the last key)
    waiting()
        .until(
            d ->
                js.executeScript(
                    "return document.getElementById('tb-results').getAttribute('data-for')"
                        + " === arguments[0];",
                    text));
    waiting()
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              List<WebElement> more = d.findElements(By.cssSelector(".search-more button"));
              if (!more.isEmpty()) {
                more.get(0).click();
              }
              return d.findElements(By.cssSelector(".search-more button")).isEmpty();
            });
    @SuppressWarnings("unchecked")
    List<String> titles =
        (List<String>)
            js.executeScript(
                "return Array.from(document.querySelectorAll('#tb-results a'))"
                    + ".map(function (a) { return a.textContent; });");
    return titles;
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
      assertThat(typeSearch(typedAndQuery[0]))
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
      assertThat(typeSearch(prefix))
          .as("the site's results for \"%s\"", prefix)
          .containsAll(expected);
    }
    // every word of a title finds that talk, whatever its punctuation
    for (String title :
        List.of(notebookFinds("\"don't fear\"").get(0), notebookFinds("o'reilly").get(0))) {
      for (String word : SearchText.words(title).split(" ")) {
        assertThat(typeSearch(word)).as("search for %s", word).contains(title);
      }
    }
    assertThat(typeSearch("zzqqxx")).isEmpty();
    assertNoConsoleErrors();
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
