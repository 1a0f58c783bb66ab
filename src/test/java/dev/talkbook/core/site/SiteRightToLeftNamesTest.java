package dev.talkbook.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.markdown.MarkdownRenderer;
import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;

/**
 * A speaker's name in a right-to-left script leaves the time and room after it in their order on
 * the event's page ("speakers · time · room"): read in a real browser (Debian's chromium, headless;
 * skipped without it), the time stands right of the name, its start before its end.
 */
class SiteRightToLeftNamesTest extends BrowserTest {
  private static final String PAGE = "events/2026-12-06-jconf/index.html";

  @TempDir static Path dir;
  private static Path site;
  private static Notebook notebook;

  @BeforeAll
  static void exportSite() throws IOException {
    HeadlessChromium.assumeInstalled();
    notebook = Notebook.open(dir.resolve("n.talkbook"));
    Event jconf =
        notebook
            .events()
            .create(
                new Event.Details(
                    "JConf", LocalDate.of(2026, 12, 6), LocalDate.of(2026, 12, 6), null, null));
    notebook
        .talks()
        .create(
            jconf.id(),
            Talk.Details.titled("Rust for Java developers")
                .withSpeakers(List.of("محمد علي"))
                .withStartsAt(LocalDateTime.parse("2026-12-06T11:00"))
                .withRoom("Salle B"),
            "Notes.\n");
    site = dir.resolve("site");
    new SiteExporter(new MarkdownRenderer())
        .export(
            notebook, site, SiteExporter.Options.all(), SiteExporter.Progress.NONE, () -> false);
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

  @Test
  void eachSpeakerIsIsolatedInTheListOfTalks() throws IOException {
    assertThat(Files.readString(site.resolve(PAGE)))
        .contains("<span><bdi>محمد علي</bdi></span><span><time");
    assertThat(Html.names(List.of("محمد علي", "Ada <Lovelace>")))
        .isEqualTo("<bdi>محمد علي</bdi>, <bdi>Ada &lt;Lovelace&gt;</bdi>");
  }

  @Test
  void theTimeAfterAnArabicNameReadsInItsOrder() {
    driver.get(site.resolve(PAGE).toUri().toString());
    JavascriptExecutor js = (JavascriptExecutor) driver;
    // where each character of the time is drawn: the start's "11" left of the end's "11:…"
    @SuppressWarnings("unchecked")
    List<Object> at =
        (List<Object>)
            js.executeScript(
                """
                var time = document.querySelector('li .meta time');
                var text = time.firstChild;
                var left = function (i) {
                  var r = document.createRange();
                  r.setStart(text, i);
                  r.setEnd(text, i + 1);
                  return r.getBoundingClientRect().left;
                };
                var speakers = document.querySelector('li .meta span').getBoundingClientRect();
                return [speakers.right, left(0), left(text.length - 1), time.textContent];
                """);
    assertThat((String) at.get(3)).isEqualTo("11:00");
    assertThat(((Number) at.get(1)).doubleValue())
        .as("the time's first character stands right of the speakers")
        .isGreaterThanOrEqualTo(((Number) at.get(0)).doubleValue());
    assertThat(((Number) at.get(2)).doubleValue())
        .as("the time's last character right of its first")
        .isGreaterThan(((Number) at.get(1)).doubleValue());
  }
}
