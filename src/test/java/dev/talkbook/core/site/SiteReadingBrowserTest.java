package dev.talkbook.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.markdown.MarkdownRenderer;
import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.search.SearchHit;
import dev.talkbook.core.store.Notebook;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What a reader of the exported site finds, in a real browser (Debian's chromium, headless; skipped
 * without it, as {@link SiteBrowserTest}): the search box's words and keys, an event's talks in the
 * window's order with its days, images from elsewhere and task lists.
 */
class SiteReadingBrowserTest extends BrowserTest {
  private static final String DEVCONF = "events/2026-11-24-devconf/";
  private static final String BIG = "events/2026-10-01-big-conf/";

  @TempDir static Path dir;
  private static Path site;
  private static Notebook notebook;

  /** The Kotlin talks in the order the window lists them (by day, then time). */
  private static final List<String> kotlinInOrder = new ArrayList<>();

  @BeforeAll
  static void exportSite() throws IOException {
    HeadlessChromium.assumeInstalled();
    notebook = Notebook.open(dir.resolve("n.talkbook"));
    Event devconf =
        notebook
            .events()
            .create(
                new Event.Details(
                    "DevConf", LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 25), null, null));
    // added out of time order, as a publisher adds a forgotten talk
    talk(devconf, "Lightning talks", "2026-11-25T17:00", "Short ones.\n");
    talk(devconf, "Testing with JUnit", "2026-11-25T15:00", "Assertions abacus.\n");
    talk(devconf, "Untimed chat", null, "No time yet.\n");
    talk(
        devconf,
        "Opening",
        "2026-11-24T09:00",
        "C++ and C# and plain C: c is a letter.\n\n"
            + "![Speaker photo](//cdn.example.invalid/x.png)\n\n"
            + "- [x] Book the room\n- [ ] Follow up\n");
    talk(
        devconf,
        "Security at the edge",
        "2026-11-24T14:00",
        """
        Harmless <img src="x" onerror="alert(1)"> and <a href="javascript:go()">clicked</a>.

        <div onclick="alert(2)" style="color: red">
        A styled box
        </div>
        """);
    Event big =
        notebook
            .events()
            .create(
                new Event.Details(
                    "Big Conf", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), null, null));
    // 26 talks over two days, added day two first: the site lists day one first
    for (int n = 1; n <= 26; n++) {
      int day = n <= 13 ? 2 : 1;
      int slot = n <= 13 ? n : n - 13;
      String title = "Kotlin talk number " + n;
      talk(
          big,
          title,
          String.format("2026-10-0%dT%02d:00", day, 8 + slot),
          "Kotlin coroutines part.\n");
    }
    for (int n = 14; n <= 26; n++) {
      kotlinInOrder.add("Kotlin talk number " + n);
    }
    for (int n = 1; n <= 13; n++) {
      kotlinInOrder.add("Kotlin talk number " + n);
    }
    site = dir.resolve("site");
    new SiteExporter(new MarkdownRenderer())
        .export(
            notebook, site, SiteExporter.Options.all(), SiteExporter.Progress.NONE, () -> false);
  }

  private static void talk(Event e, String title, String at, String notes) {
    Talk.Details details =
        Talk.Details.titled(title).withStartsAt(at == null ? null : LocalDateTime.parse(at));
    notebook.talks().create(e.id(), details, notes);
  }

  @AfterAll
  static void closeNotebook() {
    if (notebook != null) {
      notebook.close();
    }
  }

  @Override
  protected Path browserFolder() {
    return dir;
  }

  private JavascriptExecutor js() {
    return (JavascriptExecutor) driver;
  }

  private void open(String path) {
    driver.get(site.resolve(path).toUri().toString());
    waiting().until(d -> js().executeScript("return document.readyState").equals("complete"));
  }

  /** Types into the search box and returns the talks it lists once settled (the first 20). */
  private List<String> typeSearch(String text) {
    WebElement search = driver.findElement(By.id("tb-q"));
    search.clear();
    search.sendKeys(text);
    waiting()
        .until(
            d ->
                js().executeScript(
                        "return document.getElementById('tb-results').getAttribute('data-for')"
                            + " === arguments[0];",
                        text));
    return shownResults();
  }

  @SuppressWarnings("unchecked")
  private List<String> shownResults() {
    return (List<String>)
        js().executeScript(
                "return Array.from(document.querySelectorAll('#tb-results a'))"
                    + ".map(function (a) { return a.textContent; });");
  }

  private static List<String> notebookFinds(String query) {
    return notebook.search().search(query, 1000).stream().map(SearchHit::talkTitle).toList();
  }

  @Test
  void oneAndTwoLetterWordsAreWholeWordsAsInTheNotebooksSearch() {
    open("index.html");
    driver.findElement(By.id("tb-q")).click();
    for (String query : List.of("c++", "c#", "c", "C", "ab", "a + b")) {
      assertThat(typeSearch(query))
          .as("the site's results for \"%s\"", query)
          .containsExactlyInAnyOrderElementsOf(notebookFinds(query));
    }
    assertThat(typeSearch("c++")).containsExactly("Opening");
    // three letters or more still find the words starting with them, as in the notebook
    assertThat(typeSearch("aba")).containsExactly("Testing with JUnit");
    assertThat(notebookFinds("aba")).containsExactly("Testing with JUnit");
  }

  @Test
  void wordsOnlyInRawHtmlTagsFindNoTalkTheTextBetweenThemDoes() {
    open("index.html");
    driver.findElement(By.id("tb-q")).click();
    for (String markup :
        List.of("onclick", "onerror", "alert", "javascript", "div", "color", "red")) {
      assertThat(typeSearch(markup)).as("search for %s", markup).isEmpty();
    }
    assertThat(typeSearch("styled box")).containsExactly("Security at the edge");
    assertThat(typeSearch("clicked")).containsExactly("Security at the edge");
  }

  @Test
  void anEventsTalksAreListedDayByDayInTimeOrderAsTheWindowListsThem() {
    open(DEVCONF + "index.html");
    assertThat(driver.findElements(By.cssSelector("main h2.day")))
        .extracting(WebElement::getText)
        .containsExactly("Tuesday, 24 November", "Wednesday, 25 November", "No time");
    assertThat(driver.findElements(By.cssSelector("main .listing h3")))
        .extracting(WebElement::getText)
        .containsExactly(
            "Opening",
            "Security at the edge",
            "Testing with JUnit",
            "Lightning talks",
            "Untimed chat");
    // previous and next follow the same order
    open(DEVCONF + "testing-with-junit.html");
    assertThat(driver.findElement(By.cssSelector(".prev-next a[rel='prev']")).getText())
        .contains("Security at the edge");
    assertThat(driver.findElement(By.cssSelector(".prev-next a[rel='next']")).getText())
        .contains("Lightning talks");
  }

  @Test
  void anImageFromElsewhereLinksOverHttpsAndShowsItIsAnImageInLightAndDark() {
    for (String scheme : List.of("light", "dark")) {
      prefersColorScheme(scheme);
      open(DEVCONF + "opening.html");
      WebElement link = driver.findElement(By.cssSelector(".notes a.remote-image"));
      assertThat(link.getText()).isEqualTo("Speaker photo");
      assertThat(link.getAttribute("href")).isEqualTo("https://cdn.example.invalid/x.png");
      Object marks =
          js().executeScript(
                  "var a = arguments[0];"
                      + " var before = getComputedStyle(a, '::before');"
                      + " return [before.maskImage || before.webkitMaskImage,"
                      + "  before.backgroundColor === getComputedStyle(a).color,"
                      + "  getComputedStyle(a, '::after').content];",
                  link);
      assertThat(marks)
          .as(scheme)
          .asList()
          .satisfies(m -> assertThat((String) m.get(0)).startsWith("url(\"data:image/svg+xml"))
          .satisfies(m -> assertThat(m.get(1)).isEqualTo(true))
          .satisfies(m -> assertThat(m.get(2)).isEqualTo("\" (image)\""));
    }
  }

  @Test
  void doneAndOpenTasksLookClearlyDifferentInLightAndDark() {
    for (String scheme : List.of("light", "dark")) {
      prefersColorScheme(scheme);
      open(DEVCONF + "opening.html");
      @SuppressWarnings("unchecked")
      List<String> looks =
          (List<String>)
              js().executeScript(
                      "var boxes = document.querySelectorAll('.notes input[type=checkbox]');"
                          + " return Array.from(boxes).map(function (b) {"
                          + "  var s = getComputedStyle(b);"
                          + "  return b.checked + ' ' + s.backgroundColor + ' ' + s.borderTopColor"
                          + "   + ' ' + (s.backgroundImage !== 'none')"
                          + "   + ' ' + getComputedStyle(b.parentNode).color; });");
      String pageBackground =
          (String) js().executeScript("return getComputedStyle(document.body).backgroundColor;");
      assertThat(looks).as(scheme).hasSize(2);
      String[] done = looks.get(0).split(" (?=rgb|true|false)");
      String[] open = looks.get(1).split(" (?=rgb|true|false)");
      assertThat(done[0]).isEqualTo("true");
      assertThat(open[0]).isEqualTo("false");
      // a done box is filled (not the page's colour) and ticked; an open one is empty
      assertThat(done[1]).as(scheme).isNotEqualTo(pageBackground).isNotEqualTo(open[1]);
      assertThat(done[3]).as(scheme).isEqualTo("true");
      assertThat(open[1]).as(scheme).isEqualTo(pageBackground);
      assertThat(open[3]).as(scheme).isEqualTo("false");
      // and a done task's text is muted
      assertThat(done[4]).as(scheme).isNotEqualTo(open[4]);
    }
  }

  @Test
  void searchResultsKeysAndShowAllKeepTheReaderInTheList() {
    open("index.html");
    WebElement box = driver.findElement(By.id("tb-q"));
    box.click();
    // equal scores: in the site's order of the talks (the event page's), 20 of them, then the rest
    assertThat(typeSearch("kotlin")).containsExactlyElementsOf(kotlinInOrder.subList(0, 20));
    WebElement more = driver.findElement(By.cssSelector(".search-more button"));
    assertThat(more.getText()).isEqualTo("Show all 26 talks");
    more.sendKeys(Keys.ENTER);
    waiting().until(d -> shownResults().size() == 26);
    assertThat(shownResults()).containsExactlyElementsOf(kotlinInOrder);
    assertThat(js().executeScript("return document.activeElement.textContent"))
        .isEqualTo(kotlinInOrder.get(20));

    // Down from the box: the first result; Down again the second; Up, Up: the box again
    box.click();
    typeSearch("testing");
    box.sendKeys(Keys.ARROW_DOWN);
    assertThat(js().executeScript("return document.activeElement.textContent"))
        .isEqualTo("Testing with JUnit");
    driver.switchTo().activeElement().sendKeys(Keys.ARROW_UP);
    assertThat(js().executeScript("return document.activeElement.id")).isEqualTo("tb-q");

    // Enter in the box opens the first result
    typeSearch("lightning");
    box.sendKeys(Keys.ENTER);
    waiting().until(ExpectedConditions.titleContains("Lightning talks"));
    assertThat(driver.getCurrentUrl()).endsWith(DEVCONF + "lightning-talks.html");

    // Enter typed before the results show opens the first result too
    open(BIG + "index.html");
    WebElement fresh = driver.findElement(By.id("tb-q"));
    fresh.click();
    fresh.sendKeys("opening" + Keys.ENTER);
    waiting()
        .ignoring(StaleElementReferenceException.class)
        .until(ExpectedConditions.titleContains("Opening"));
  }
}
