package dev.talkbook.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.markdown.MarkdownRenderer;
import dev.talkbook.core.notebook.AttachmentRef;
import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The image viewer on a phone (390 × 844, as the tester's): its close button inside the screen and
 * off the image, the image as wide as the screen, pinch-zoom not blocked; and a page printed from a
 * browser in dark mode: dark on white (Debian's chromium).
 */
class SitePhoneAndPrintBrowserTest extends BrowserTest {
  @TempDir static Path dir;
  private static Path site;

  @BeforeAll
  static void exportSite() throws IOException {
    HeadlessChromium.assumeInstalled();
    site = dir.resolve("site");
    try (Notebook nb = Notebook.open(dir.resolve("n.talkbook"))) {
      Event e = nb.events().create(Event.Details.titled("Readers"));
      Talk t = nb.talks().create(e.id(), Talk.Details.titled("Keynote"), "");
      AttachmentRef png =
          nb.attachments().add(t.id(), "wide.png", "image/png", SiteBrowserTest.png(1600, 900));
      nb.talks()
          .saveBody(
              t.id(),
              "The stage:\n\n"
                  + png.markdown("image/png")
                  + "\n\n```java\nString s = \"code\"; // a comment\n```\n\n- [ ] an open task\n");
      new SiteExporter(new MarkdownRenderer())
          .export(nb, site, SiteExporter.Options.all(), SiteExporter.Progress.NONE, () -> false);
    }
  }

  @Override
  protected Path browserFolder() {
    return dir;
  }

  @Test
  void onAPhoneTheCloseButtonIsInsideTheScreenAndTheImageUsesItsWidth() {
    for (String scheme : List.of("light", "dark")) {
      ((ChromiumDriver) driver)
          .executeCdpCommand(
              "Emulation.setDeviceMetricsOverride",
              Map.of("width", 390, "height", 844, "deviceScaleFactor", 3, "mobile", true));
      prefersColorScheme(scheme);
      driver.get(site.resolve("events/readers/keynote.html").toUri().toString());
      waiting().until(ExpectedConditions.titleContains("Keynote"));
      JavascriptExecutor js = (JavascriptExecutor) driver;
      assertThat(js.executeScript("return window.innerWidth")).isEqualTo(390L);
      WebElement picture = driver.findElement(By.cssSelector(".notes img"));
      long inPage =
          (Long)
              js.executeScript(
                  "return Math.round(arguments[0].getBoundingClientRect().width)", picture);
      picture.click();
      WebElement dialog = driver.findElement(By.cssSelector("dialog.lightbox"));
      waiting().until(d -> dialog.getAttribute("open") != null);
      @SuppressWarnings("unchecked")
      Map<String, Object> r =
          (Map<String, Object>)
              js.executeScript(
                  "const b = document.querySelector('.lightbox-close').getBoundingClientRect();"
                      + " const i = document.querySelector('.lightbox img').getBoundingClientRect();"
                      + " return {bl: b.left, br: b.right, bt: b.top, bb: b.bottom,"
                      + "  il: i.left, ir: i.right, it: i.top, ib: i.bottom, iw: i.width,"
                      + "  vw: window.innerWidth, vh: window.innerHeight,"
                      + "  touch: getComputedStyle(document.querySelector('.lightbox img')).touchAction,"
                      + "  viewport: document.querySelector('meta[name=viewport]').content};");
      String at = scheme + ": " + r;
      double vw = ((Number) r.get("vw")).doubleValue();
      // the close button wholly inside the screen (it ran 6.6 px off it)
      assertThat(((Number) r.get("bl")).doubleValue()).as(at).isGreaterThanOrEqualTo(0);
      assertThat(((Number) r.get("bt")).doubleValue()).as(at).isGreaterThanOrEqualTo(0);
      assertThat(((Number) r.get("br")).doubleValue()).as(at).isLessThanOrEqualTo(vw);
      assertThat(((Number) r.get("bb")).doubleValue())
          .as(at)
          .isLessThanOrEqualTo(((Number) r.get("vh")).doubleValue());
      // and off the image (it covered its top right corner)
      boolean overlaps =
          ((Number) r.get("bl")).doubleValue() < ((Number) r.get("ir")).doubleValue()
              && ((Number) r.get("br")).doubleValue() > ((Number) r.get("il")).doubleValue()
              && ((Number) r.get("bt")).doubleValue() < ((Number) r.get("ib")).doubleValue()
              && ((Number) r.get("bb")).doubleValue() > ((Number) r.get("it")).doubleValue();
      assertThat(overlaps).as(at).isFalse();
      // the image as wide as the screen (it was 374 of 390 px), wider than in the page
      assertThat(((Number) r.get("iw")).doubleValue()).as(at).isGreaterThanOrEqualTo(vw - 0.5);
      assertThat(((Number) r.get("iw")).doubleValue()).as(at).isGreaterThan(inPage);
      // pinch-zoom left to the browser
      assertThat((String) r.get("touch")).as(at).isEqualTo("auto");
      assertThat((String) r.get("viewport"))
          .as(at)
          .doesNotContain("user-scalable")
          .doesNotContain("maximum-scale");
      driver.findElement(By.cssSelector(".lightbox-close")).click();
      waiting().until(d -> dialog.getAttribute("open") == null);
    }
  }

  @Test
  void printedWithADarkColourSchemeThePageIsDarkOnWhite() {
    ((ChromiumDriver) driver)
        .executeCdpCommand(
            "Emulation.setEmulatedMedia",
            Map.of(
                "media",
                "print",
                "features",
                List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
    driver.get(site.resolve("events/readers/keynote.html").toUri().toString());
    waiting().until(ExpectedConditions.titleContains("Keynote"));
    waiting().until(d -> !d.findElements(By.cssSelector("code.language-java.hljs span")).isEmpty());
    JavascriptExecutor js = (JavascriptExecutor) driver;
    @SuppressWarnings("unchecked")
    List<String> colours =
        (List<String>)
            js.executeScript(
                "const c = s => getComputedStyle(document.querySelector(s));"
                    + " return [c('pre code').color, c('pre code .hljs-comment').color,"
                    + "  c('pre').backgroundColor, c('pre code').backgroundColor, c('.meta').color,"
                    + "  c('.notes input[type=checkbox]').backgroundColor,"
                    + "  String(matchMedia('(prefers-color-scheme: dark)').matches)];");
    assertThat(colours.get(6)).as("dark scheme emulated").isEqualTo("true");
    // text dark enough on white (highlight-dark.css's pale rgb(201, 209, 217) was 1.5:1)
    for (int k : new int[] {0, 1, 4}) {
      assertThat(contrastOnWhite(colours.get(k))).as("%s: %s", k, colours).isGreaterThan(4.5);
    }
    // no dark box behind the code or an open task
    for (int k : new int[] {2, 3, 5}) {
      assertThat(luminance(colours.get(k))).as("%s: %s", k, colours).isGreaterThan(0.8);
    }
  }

  /** An rgb()/rgba() colour's relative luminance (WCAG); a transparent one counts as white. */
  private static double luminance(String css) {
    String[] p = css.replaceAll("[^0-9.,]", "").split(",");
    if (p.length == 4 && Double.parseDouble(p[3]) == 0) {
      return 1;
    }
    double[] c = new double[3];
    for (int k = 0; k < 3; k++) {
      double v = Double.parseDouble(p[k]) / 255;
      c[k] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  private static double contrastOnWhite(String css) {
    return 1.05 / (luminance(css) + 0.05);
  }
}
