package dev.talkbook.core.site;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A test class whose tests each read the site in a browser of their own ({@link HeadlessChromium},
 * 1100 × 900), started before the test and quit after it. The class skips itself without Chromium
 * ({@link HeadlessChromium#assumeInstalled} in its {@code @BeforeAll}).
 */
abstract class BrowserTest {
  /** This test's browser. */
  protected WebDriver driver;

  /** Where the browsers' profiles go: the test class's own temporary folder. */
  protected abstract Path browserFolder();

  @BeforeEach
  void startBrowser() throws IOException {
    driver = HeadlessChromium.start(browserFolder(), 1100, 900);
  }

  @AfterEach
  void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  /** Waits up to 15 s for what the page is to do. */
  protected WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(15));
  }

  /** The colour scheme the reader's system prefers, for the pages opened next: light or dark. */
  protected void prefersColorScheme(String scheme) {
    ((ChromiumDriver) driver)
        .executeCdpCommand(
            "Emulation.setEmulatedMedia",
            Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
  }

  /**
   * Types into the search box and returns every talk it lists (all of them, not just the first).
   */
  protected List<String> allResultsFor(String text) {
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
}
