package dev.talkbook.core.share;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.common.Resources;
import dev.talkbook.core.markdown.MarkdownRenderer;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.site.HeadlessChromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live page in a real browser (Debian's chromium and chromedriver, headless): it follows what
 * is written through the core, a late joiner sees the current talk at once, a dropped connection
 * catches up without losing or repeating anything, hostile notes run nothing (also when they arrive
 * live), and the page makes no request elsewhere. Skipped, saying why, where chromium is not
 * installed; CI installs it. With {@code -Dtalkbook.shots=DIR} it also saves screenshots.
 */
@Timeout(120)
class ShareBrowserTest {
  private static final String SAMPLE =
      Resources.text(
          ShareBrowserTest.class, "/dev/talkbook/core/sample/04-live-coding-without-fear.md");

  @TempDir static Path dir;
  private WebDriver driver;
  private ShareSession session;

  @BeforeAll
  static void needsChromium() {
    HeadlessChromium.assumeInstalled();
  }

  @BeforeEach
  void start() throws IOException {
    driver = HeadlessChromium.start(dir, 1400, 900);
    session =
        ShareSession.start(
            ShareOptions.loopback(), new MarkdownRenderer(), TalkFiles.NONE, talk(SAMPLE));
  }

  @AfterEach
  void stop() {
    if (session != null) {
      session.stop();
    }
    if (driver != null) {
      driver.quit();
    }
  }

  private static SharedTalk talk(String notes) {
    return new SharedTalk(4, "JVM Evening", Talk.Details.titled("Live coding without fear"), notes);
  }

  private WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(15));
  }

  private Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  private String notesText() {
    return driver.findElement(By.cssSelector("[data-tb=notes]")).getText();
  }

  private void openAndWaitLive() {
    driver.get(session.url().toString());
    waiting().until(d -> "live".equals(js("return document.body.getAttribute('data-connection')")));
  }

  /** Waits until the page has applied everything the session has sent. */
  private void waitForCurrent() throws InterruptedException {
    session.settle();
    long version = session.version();
    waiting()
        .until(
            d ->
                Long.toString(version)
                    .equals(js("return document.body.getAttribute('data-version')")));
  }

  private void shot(String name) throws IOException {
    String folder = System.getProperty("talkbook.shots");
    if (folder != null) {
      Path target = Path.of(folder).resolve(name + ".png");
      Files.createDirectories(target.getParent());
      Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
  }

  /**
   * A talk without notes left a blank between its details and "Live code", which read as a page
   * still loading; it says "No notes yet." now, until the presenter writes.
   */
  @Test
  void aTalkWithoutNotesSaysSoUntilThePresenterWrites() throws Exception {
    session.show(talk(""));
    openAndWaitLive();
    String before =
        "return getComputedStyle(document.querySelector('[data-tb=notes]'), '::before').content";
    assertThat(js(before)).isEqualTo("\"No notes yet.\"");
    session.show(talk("First words."));
    waiting().until(d -> notesText().contains("First words."));
    assertThat(js(before)).isEqualTo("none");
  }

  @Test
  void thePageFollowsTextWrittenThroughTheCoreReplacingOnlyTheChangedBlock() throws Exception {
    openAndWaitLive();
    assertThat(driver.getTitle()).isEqualTo("Live coding without fear · live");
    assertThat(notesText()).contains("Key points");
    // mark the first block: if it is still the same element later, it was not replaced
    js("document.querySelector('[data-tb=notes]').children[0].tbMark = 'kept'");
    int blocks =
        ((Long) js("return document.querySelector('[data-tb=notes]').children.length")).intValue();
    String typed = SAMPLE + "\nWritten live, a word at a time.\n";
    for (String partial :
        List.of(
            typed.substring(0, typed.length() - 10),
            typed.substring(0, typed.length() - 4),
            typed)) {
      session.show(talk(partial));
    }
    waiting().until(d -> notesText().contains("Written live, a word at a time."));
    waitForCurrent();
    assertThat(js("return document.querySelector('[data-tb=notes]').children[0].tbMark"))
        .isEqualTo("kept");
    assertThat(js("return document.querySelector('[data-tb=notes]').children.length"))
        .isEqualTo((long) blocks + 1);
    shot("share-live-light");
    assertNoConsoleErrors();
  }

  @Test
  void aReaderWhoDoesNotFollowKeepsTheirPlaceWhenBlocksAboveChange() throws Exception {
    openAndWaitLive();
    driver.findElement(By.cssSelector("[data-tb=follow]")).click();
    assertThat(js("return document.querySelector('[data-tb=follow]').checked")).isEqualTo(false);
    js("window.scrollTo(0, 900)");
    String firstVisible =
        "const bar = document.querySelector('[data-tb=bar]').getBoundingClientRect().bottom;"
            + "return Array.from(document.querySelector('[data-tb=notes]').children)"
            + ".find(b => b.getBoundingClientRect().bottom > bar).textContent.slice(0, 40);";
    Object before = js(firstVisible);
    Object beforeTop =
        js(
            "return Array.from(document.querySelector('[data-tb=notes]').children).find(b =>"
                + " b.textContent.startsWith(arguments[0])).getBoundingClientRect().top",
            before);
    // five new paragraphs at the top push everything down by several hundred pixels
    String above =
        "Added above one.\n\nAdded above two.\n\nAdded above three.\n\nAdded above four.\n\n";
    session.show(talk(SAMPLE.replaceFirst("## Key points", above + "## Key points")));
    waiting().until(d -> notesText().contains("Added above four."));
    Object afterTop =
        js(
            "return Array.from(document.querySelector('[data-tb=notes]').children).find(b =>"
                + " b.textContent.startsWith(arguments[0])).getBoundingClientRect().top",
            before);
    assertThat(((Number) afterTop).doubleValue())
        .isCloseTo(((Number) beforeTop).doubleValue(), org.assertj.core.data.Offset.offset(2.0));
  }

  @Test
  void followingThePresenterKeepsTheirSectionInView() throws Exception {
    StringBuilder notes = new StringBuilder("# Live coding without fear\n\n");
    for (int s = 1; s <= 12; s++) {
      notes.append("## Section ").append(s).append("\n\n");
      for (int p = 0; p < 6; p++) {
        notes.append("Paragraph ").append(s).append('.').append(p).append(" of text.\n\n");
      }
    }
    session.show(talk(notes.toString()));
    openAndWaitLive();
    int line = notes.toString().lines().toList().indexOf("Paragraph 9.2 of text.");
    session.presenterAt(line);
    waiting()
        .until(
            d ->
                Boolean.TRUE.equals(
                    js(
                        "const h = document.getElementById('section-9').getBoundingClientRect();"
                            + "const here = document.querySelector('[data-tb=notes] > .tb-here');"
                            + "const r = here.getBoundingClientRect();"
                            + "return here.textContent.includes('9.2') && h.top >= 0"
                            + " && r.bottom <= innerHeight;")));
    // a reader who scrolls away stops following; the presenter moving does not pull them back
    new org.openqa.selenium.interactions.Actions(driver).scrollByAmount(0, -2000).perform();
    waiting()
        .until(
            d ->
                Boolean.FALSE.equals(
                    js("return document.querySelector('[data-tb=follow]').checked")));
    waitForStillScroll();
    Object y = js("return scrollY");
    session.presenterAt(notes.toString().lines().toList().indexOf("Paragraph 11.3 of text."));
    waitForCurrent();
    assertThat(js("return scrollY")).isEqualTo(y);
  }

  /** Waits until a (smooth) scroll has come to rest. */
  private void waitForStillScroll() {
    Object[] last = {null};
    waiting()
        .pollingEvery(Duration.ofMillis(200))
        .until(
            d -> {
              Object y = js("return scrollY");
              boolean still = y.equals(last[0]);
              last[0] = y;
              return still;
            });
  }

  /** The browser's time zone, for the pages opened next (as a viewer elsewhere has it). */
  private void browserZone(String zone) {
    ((org.openqa.selenium.chromium.ChromiumDriver) driver)
        .executeCdpCommand("Emulation.setTimezoneOverride", java.util.Map.of("timezoneId", zone));
  }

  /** The talk's time as the header shows it (what is hidden not included). */
  private String headerTime() {
    return driver.findElement(By.cssSelector("[data-tb=header] .meta time")).getText()
        + (String)
            js(
                "var z = document.querySelector('[data-tb=header] [data-tb=zone]');"
                    + " return z && !z.hidden ? z.textContent : '';");
  }

  /**
   * The page showed a talk's start alone ("…, 18:30"), in no zone: it shows its start and end now,
   * the end the wall-clock time in the event's zone (01:30 for 2 h on the night Berlin's clocks go
   * forward ends 04:30), and a viewer whose browser's clock is not the event's reads whose clock it
   * is ("Berlin time"); one in Berlin (or in Amsterdam, whose clock reads the same) is not told.
   */
  @Test
  void theTalksTimeIsItsStartAndEndAndNamesTheEventsZoneToAViewerElsewhere() throws Exception {
    Talk.Details details =
        new Talk.Details(
            "Live coding without fear",
            List.of("Maren Holt"),
            java.time.LocalDateTime.of(2026, 3, 12, 18, 30),
            "Main hall",
            null,
            null,
            List.of());
    session.show(
        new SharedTalk(
            4,
            "JVM Evening",
            details,
            SAMPLE,
            "",
            false,
            Duration.ofMinutes(45),
            java.time.ZoneId.of("Europe/Berlin")));
    session.settle();
    browserZone("America/New_York");
    openAndWaitLive();
    assertThat(headerTime()).endsWith(", 18:30–19:15 Berlin time");
    shot("share-zone-elsewhere");
    // the same for a talk that arrives live, over the night the clocks go forward
    session.show(
        new SharedTalk(
            4,
            "JVM Evening",
            details.withStartsAt(java.time.LocalDateTime.of(2026, 3, 29, 1, 30)),
            SAMPLE,
            "",
            false,
            Duration.ofHours(2),
            java.time.ZoneId.of("Europe/Berlin")));
    waitForCurrent();
    assertThat(headerTime()).endsWith(", 01:30–04:30 Berlin time");

    for (String here : List.of("Europe/Berlin", "Europe/Amsterdam")) {
      browserZone(here);
      openAndWaitLive();
      assertThat(headerTime()).as("a viewer in " + here).endsWith(", 01:30–04:30");
    }
    // an event without a zone: the times as the programme gives them, to everyone
    session.show(
        new SharedTalk(4, "JVM Evening", details, SAMPLE, "", false, Duration.ofMinutes(45), null));
    waitForCurrent();
    assertThat(headerTime()).endsWith(", 18:30–19:15");
    assertNoConsoleErrors();
  }

  @Test
  void aLateJoinerSeesTheCurrentTalkAtOnce() throws Exception {
    for (int i = 1; i <= 30; i++) {
      session.show(talk(SAMPLE + "\nChange number " + i + ".\n"));
    }
    session.liveCode().add("1 + 1", "⇒ 2\n", Snippet.Status.DONE);
    session.settle();
    driver.get(session.url().toString());
    // in the page as served, before any event arrives
    assertThat(notesText()).contains("Change number 30.").doesNotContain("Change number 29.");
    assertThat(driver.findElement(By.cssSelector("[data-tb=code]")).getText()).contains("1 + 1");
    waiting().until(d -> "live".equals(js("return document.body.getAttribute('data-connection')")));
    assertThat(js("return document.body.getAttribute('data-version')"))
        .isEqualTo(Long.toString(session.version()));
  }

  @Test
  void aDroppedConnectionComesBackAndCatchesUpWithoutLosingOrRepeatingAnything() throws Exception {
    openAndWaitLive();
    js("document.querySelector('[data-tb=notes]').children[0].tbMark = 'kept'");
    session.dropConnections();
    waiting()
        .until(d -> !"live".equals(js("return document.body.getAttribute('data-connection')")));
    String notes = SAMPLE;
    for (int i = 1; i <= 3; i++) {
      notes += "\nWhile away " + i + ".\n";
      session.show(talk(notes));
      session.settle();
    }
    waiting().until(d -> notesText().contains("While away 3."));
    waitForCurrent();
    assertThat(notesText()).contains("While away 1.", "While away 2.", "While away 3.");
    // caught up from the replay (Last-Event-ID), not by reloading the whole talk
    assertThat(js("return document.querySelector('[data-tb=notes]').children[0].tbMark"))
        .isEqualTo("kept");
    assertThat(notesText().split("While away 2\\.", -1)).hasSize(2);
    assertNoConsoleErrors();
  }

  private String status() {
    return driver.findElement(By.cssSelector("[data-tb=status]")).getText();
  }

  private static final String LOST =
      "The share has ended or the presenter's app stopped: ask for the new address or QR code."
          + " (Still trying this one.)";

  /**
   * The presenter's app was killed and shared anew (a new token, a new port): the page said
   * "Reconnecting…" for ever. After some failed tries (the browser's retry interval comes from the
   * server, small here) it tells the viewer the share has most likely ended and to ask for the new
   * address; its controls stay usable, it keeps trying.
   */
  @Test
  void aViewerWhosePresentersAppDiedIsToldToAskForTheNewAddress() throws Exception {
    session.retryAfter(50);
    openAndWaitLive();
    session.vanish();
    waiting().until(d -> status().equals(LOST));
    assertThat(js("return document.body.getAttribute('data-connection')")).isEqualTo("lost");
    assertThat(js("return document.querySelector('[data-tb=follow]').disabled")).isEqualTo(false);
    driver.manage().window().setSize(new Dimension(390, 844));
    // on a phone the whole message fits the page's width
    assertThat(js("return document.documentElement.scrollWidth <= innerWidth")).isEqualTo(true);
    shot("share-lost-phone");
  }

  /**
   * A share started again on the same port (the command line's --port) has a new token: the old
   * page's address answers 404, and the page says at once that the share has ended.
   */
  @Test
  void aNewShareOnTheSamePortTellsTheOldPageAtOnce() throws Exception {
    openAndWaitLive();
    int port = session.url().getPort();
    session.vanish();
    session =
        ShareSession.start(
            ShareOptions.loopback().withPort(port),
            new MarkdownRenderer(),
            TalkFiles.NONE,
            talk(SAMPLE));
    // the server's usual retry interval (2 s): the count of failed tries (8, about 16 s) is not
    // reached within the wait; the 404 the old address now gets is what tells the page
    waiting().until(d -> status().equals(LOST));
  }

  /**
   * A network blip longer than the tries the page waits for: it says the share has most likely
   * ended, and once the network is back it is live again and catches up.
   */
  @Test
  void aLongNetworkBlipSaysSoThenHealsByItself() throws Exception {
    session.retryAfter(50);
    openAndWaitLive();
    var chromium = (org.openqa.selenium.chromium.ChromiumDriver) driver;
    chromium.executeCdpCommand("Network.enable", java.util.Map.of());
    chromium.executeCdpCommand("Network.emulateNetworkConditions", network(true));
    session.dropConnections();
    waiting().until(d -> status().equals(LOST));
    session.show(talk(SAMPLE + "\nWhile the network was down.\n"));
    session.settle();
    chromium.executeCdpCommand("Network.emulateNetworkConditions", network(false));
    waiting().until(d -> status().equals("Live"));
    waiting().until(d -> notesText().contains("While the network was down."));
  }

  private static java.util.Map<String, Object> network(boolean offline) {
    return java.util.Map.of(
        "offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1);
  }

  @Test
  void theCodeThePresenterRunsAppearsBesideTheNotesWithCopyButtons() throws Exception {
    openAndWaitLive();
    long id = session.liveCode().start("for (int i = 0; i < 3; i++) System.out.println(i);");
    session.liveCode().output(id, "0\n1\n");
    waiting()
        .until(d -> driver.findElement(By.cssSelector("[data-tb=code]")).getText().contains("1"));
    session.liveCode().finish(id, "0\n1\n2\n", Snippet.Status.DONE);
    waiting()
        .until(
            d ->
                !driver.findElements(By.cssSelector("[data-tb=code] > li.snippet-done")).isEmpty());
    assertThat(driver.findElement(By.cssSelector("[data-tb=code]")).getText())
        .contains("System.out.println(i)", "2");
    assertThat(
            driver.findElement(By.cssSelector("[data-tb=code-count]")).getAttribute("textContent"))
        .isEqualTo("1");
    var copy = driver.findElement(By.cssSelector("[data-tb=code] .tb-copy"));
    copy.click();
    waiting().until(d -> !copy.getText().equals("Copy"));
    // code blocks in the notes have them too, and highlight.js ran
    assertThat(driver.findElements(By.cssSelector("[data-tb=notes] .tb-copy"))).isNotEmpty();
    waiting()
        .until(
            d ->
                !d.findElements(By.cssSelector("[data-tb=notes] code.language-java.hljs span"))
                    .isEmpty());
    // no Copy button covers code, on a phone or a wide window
    for (int width : List.of(390, 1400)) {
      driver.manage().window().setSize(new Dimension(width, 900));
      assertThat(
              js(
                  "return Array.from(document.querySelectorAll('.tb-copyable')).map(block => {"
                      + " const b = block.querySelector('.tb-copy').getBoundingClientRect();"
                      + " const r = document.createRange();"
                      + " r.selectNodeContents(block.querySelector('pre'));"
                      + " return Array.from(r.getClientRects()).filter(x => x.width > 0"
                      + "  && x.left < b.right && x.right > b.left"
                      + "  && x.top < b.bottom && x.bottom > b.top).length; })"
                      + ".reduce((a, n) => a + n, 0)"))
          .as("at %d px", width)
          .isEqualTo(0L);
    }
    session.liveCode().clear();
    waiting().until(d -> driver.findElements(By.cssSelector("[data-tb=code] > li")).isEmpty());
  }

  @Test
  void hostileNotesRunNothingOnLoadOrWhenTheyArriveLive() throws Exception {
    String hostile =
        """

        <script>window.pwned = 3; alert('script')</script>

        <img src="x" onerror="window.pwned = 4; alert('onerror')">

        [a javascript link](javascript:window.pwned=5) and <a href="javascript:alert(6)">raw</a>

        <iframe src="javascript:parent.pwned=7"></iframe>

        <svg><script>window.pwned = 8</script><circle onload="window.pwned=9"/></svg>

        <div data-tb="notes" id="tb-live">a fake part of the page</div>

        ![remote](https://tracker.invalid/p.png)
        """;
    session.show(talk(SAMPLE + hostile));
    session.settle();
    openAndWaitLive();
    assertInert();
    // and arriving as a patch
    session.show(talk(SAMPLE + hostile.replace("window.pwned", "window.pwnedLive")));
    waitForCurrent();
    assertInert();
    assertThat(js("return window.pwnedLive === undefined")).isEqualTo(true);
    // the page's own parts are still the page's: the fake one did not take their place
    assertThat(js("return document.querySelector('[data-tb=notes]').classList.contains('notes')"))
        .isEqualTo(true);
    // snippets are text, never HTML
    session
        .liveCode()
        .add("<img src=x onerror=alert(1)>", "<script>alert(2)</script>", Snippet.Status.DONE);
    waiting()
        .until(
            d -> driver.findElement(By.cssSelector("[data-tb=code]")).getText().contains("<img"));
    assertInert();
    Object external =
        js(
            "return performance.getEntriesByType('resource').map(e => e.name)"
                + ".filter(n => !n.startsWith('http://127.0.0.1'))");
    assertThat((List<?>) external).isEmpty();
  }

  private void assertInert() {
    try {
      String text = driver.switchTo().alert().getText();
      throw new AssertionError("an alert was shown: " + text);
    } catch (NoAlertPresentException expected) {
      // fine
    }
    assertThat(js("return window.pwned === undefined")).isEqualTo(true);
    assertThat(
            js(
                "return document.querySelectorAll('main script, main iframe, main svg, [data-tb=live] img,"
                    + " main [onerror], main [onload]').length"))
        .isEqualTo(0L);
    assertThat(
            js(
                "return Array.from(document.querySelectorAll('a')).filter(a => a.protocol ==="
                    + " 'javascript:').length"))
        .isEqualTo(0L);
    assertThat(notesText()).doesNotContain("window.pwned");
    // a javascript: link is its text, no link that would reload the page
    assertThat(
            js(
                "return Array.from(document.querySelectorAll('main a'))"
                    + ".filter(a => a.textContent.includes('javascript link')"
                    + " || a.textContent === 'raw').length"))
        .isEqualTo(0L);
    assertThat(notesText()).contains("a javascript link and raw");
  }

  /**
   * The footer lines up with the page's content at every width: it stood centred in a 736-px column
   * under a full-width, left-aligned page (the notes beside the live code) in a wide window.
   */
  @Test
  void theFooterLinesUpWithTheContentAtEveryWidth() throws Exception {
    openAndWaitLive();
    for (int width : List.of(1280, 1600, 900, 390)) {
      driver.manage().window().setSize(new Dimension(width, 900));
      @SuppressWarnings("unchecked")
      List<Number> edges =
          (List<Number>)
              js(
                  "const box = e => document.querySelector(e).getBoundingClientRect();"
                      + " const text = box('.share-footer p'), layout = box('.share-layout');"
                      + " const notes = box('[data-tb=notes]'), foot = box('.share-footer');"
                      + " return [text.left, notes.left, foot.right - foot.left,"
                      + "  layout.right - layout.left, foot.left, layout.left];");
      assertThat(edges.get(0).doubleValue())
          .as("at %d px, the footer's words start where the notes do", width)
          .isCloseTo(edges.get(1).doubleValue(), org.assertj.core.data.Offset.offset(1.0));
      assertThat(edges.get(2).doubleValue())
          .as("at %d px, the footer as wide as the page's content", width)
          .isCloseTo(edges.get(3).doubleValue(), org.assertj.core.data.Offset.offset(1.0));
      assertThat(edges.get(4).doubleValue())
          .as("at %d px, the footer's rule starts where the content's box does", width)
          .isCloseTo(edges.get(5).doubleValue(), org.assertj.core.data.Offset.offset(1.0));
      shot("share-footer-" + width);
    }
  }

  @Test
  void darkModeAndPhoneWidth() throws Exception {
    openAndWaitLive();
    var theme = driver.findElement(By.cssSelector("[data-tb=theme]"));
    String start = theme.getText();
    assertThat(start).isEqualTo("Theme: auto");
    theme.click();
    theme.click();
    assertThat(theme.getText()).isEqualTo("Theme: dark");
    assertThat(js("return document.documentElement.getAttribute('data-theme')")).isEqualTo("dark");
    assertThat(js("return getComputedStyle(document.body).backgroundColor"))
        .isEqualTo("rgb(22, 24, 29)");
    shot("share-live-dark");
    driver.manage().window().setSize(new Dimension(390, 844));
    session.liveCode().add("var list = List.of(1, 2, 3);", "", Snippet.Status.DONE);
    waiting()
        .until(
            d ->
                driver
                    .findElement(By.cssSelector("[data-tb=code-count]"))
                    .getAttribute("textContent")
                    .equals("1"));
    assertThat(js("return document.documentElement.scrollWidth <= innerWidth")).isEqualTo(true);
    shot("share-live-phone-dark");
    theme.click();
    assertThat(js("return getComputedStyle(document.body).backgroundColor"))
        .isEqualTo("rgb(253, 253, 252)");
    // the choice is kept for the next visit
    driver.navigate().refresh();
    assertThat(driver.findElement(By.cssSelector("[data-tb=theme]")).getText())
        .isEqualTo("Theme: auto");
  }

  @Test
  void whenSharingStopsThePageSaysSoAndItsControlsAreGreyedOutAndInert() throws Exception {
    openAndWaitLive();
    String controls =
        "const box = document.querySelector('[data-tb=follow]');"
            + " const link = document.querySelector('[data-tb=code-link]');"
            + " return [box.disabled, link.getAttribute('aria-disabled'),"
            + " getComputedStyle(box.parentNode).opacity, getComputedStyle(link).opacity,"
            + " getComputedStyle(link).pointerEvents];";
    assertThat(js(controls)).isEqualTo(java.util.Arrays.asList(false, null, "1", "1", "auto"));
    session.stop();
    waiting()
        .until(
            d ->
                driver
                    .findElement(By.cssSelector("[data-tb=status]"))
                    .getText()
                    .equals("The presenter stopped sharing."));
    assertThat(js(controls)).isEqualTo(List.of(true, "true", "0.6", "0.6", "none"));
    // a click on the toggle changes nothing
    js("document.querySelector('[data-tb=follow]').click()");
    assertThat(js("return document.querySelector('[data-tb=follow]').checked")).isEqualTo(true);
    shot("share-ended");
    driver.manage().window().setSize(new Dimension(390, 844));
    shot("share-ended-phone");
  }

  @Test
  void movedFromThisComputerOnlyThePageGoesToTheNewAddressAndIsLiveThere() throws Exception {
    openAndWaitLive();
    String before = driver.getCurrentUrl();
    try (ShareSession moved =
        ShareSession.start(
            ShareOptions.loopback(), new MarkdownRenderer(), TalkFiles.NONE, talk(SAMPLE))) {
      session.stopMovedTo(moved.url());
      waiting().until(d -> d.getCurrentUrl().equals(moved.url().toString()));
      waiting()
          .until(d -> "live".equals(js("return document.body.getAttribute('data-connection')")));
      assertThat(driver.getCurrentUrl()).isNotEqualTo(before);
      // it follows the new share
      moved.show(talk(SAMPLE + "\nAfter the move.\n"));
      waiting().until(d -> notesText().contains("After the move."));
    }
  }

  @Test
  void movedAwayFromTheNetworkThePageSaysSoAndToAskForTheNewAddress() throws Exception {
    var network = NetworkAddresses.choices().stream().filter(c -> !c.loopback()).findFirst();
    Assumptions.assumeTrue(network.isPresent(), "this computer is on no network");
    session.stop();
    session =
        ShareSession.start(
            ShareOptions.loopback().withBind(network.get().address()),
            new MarkdownRenderer(),
            TalkFiles.NONE,
            talk(SAMPLE));
    openAndWaitLive();
    String before = driver.getCurrentUrl();
    try (ShareSession moved =
        ShareSession.start(
            ShareOptions.loopback(), new MarkdownRenderer(), TalkFiles.NONE, talk(SAMPLE))) {
      session.stopMovedTo(moved.url());
      waiting()
          .until(
              d ->
                  driver
                      .findElement(By.cssSelector("[data-tb=status]"))
                      .getText()
                      .equals("The presenter moved the share: ask for the new address."));
      // this computer's loopback address is not the viewer's: the page stays where it was
      assertThat(driver.getCurrentUrl()).isEqualTo(before);
    }
  }

  private void assertNoConsoleErrors() {
    List<LogEntry> severe =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
            // a dropped stream is reported by the browser; the page reconnects
            .filter(e -> !e.getMessage().contains("/events"))
            .toList();
    assertThat(severe).extracting(LogEntry::getMessage).isEmpty();
  }
}
