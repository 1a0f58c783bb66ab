package dev.talkbook.core.site;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;
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
}
