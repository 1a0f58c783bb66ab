package dev.talkbook.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.markdown.MarkdownRenderer;
import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.sample.SampleMeetup;
import dev.talkbook.core.store.Notebook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/** Every exported page passes the Nu Html Checker (the validator behind validator.w3.org/nu). */
@Tag("jetty9") // runs in its own surefire execution with Jetty 9 on the class path (pom.xml)
class SiteHtmlValidTest {
  @TempDir Path dir;

  @Test
  void everyPageOfTheExportedSiteIsValidHtml() throws Exception {
    Path out = dir.resolve("site");
    try (Notebook nb = Notebook.open(dir.resolve("n.talkbook"))) {
      SampleMeetup.addTo(nb);
      // One talk gone from the programme: its page's note and the lists' marks are checked too.
      Talk gone = nb.talks().findByTitle("SQLite everywhere").get(0);
      nb.talks()
          .update(
              gone.id(),
              gone.details(),
              gone.programme().withRemovedAt(java.time.Instant.parse("2026-03-01T00:00:00Z")));
      Event e = nb.events().create(Event.Details.titled("Odd <event> & \"quotes\""));
      nb.talks()
          .create(
              e.id(),
              new Talk.Details(
                  "<b>Hostile</b> & odd",
                  List.of("A \"B\" <C>"),
                  null,
                  "Room <1>",
                  "https://example.org/a?b=1&c=2",
                  null,
                  List.of("<tag>", "c++")),
              "# Title\n\n<script>alert(1)</script>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
                  + "- [ ] task\n\n![x](https://example.org/x.png)\n\n```output\nout\n```\n");
      new SiteExporter(new MarkdownRenderer())
          .export(nb, out, SiteExporter.Options.all(), SiteExporter.Progress.NONE, () -> false);
    }
    List<String> errors = new ArrayList<>();
    ErrorHandler handler =
        new ErrorHandler() {
          @Override
          public void warning(SAXParseException e) {}

          @Override
          public void error(SAXParseException e) {
            errors.add(e.getSystemId() + ":" + e.getLineNumber() + ": " + e.getMessage());
          }

          @Override
          public void fatalError(SAXParseException e) {
            error(e);
          }
        };
    SimpleDocumentValidator validator = new SimpleDocumentValidator();
    validator.setUpMainSchema("http://s.validator.nu/html5.rnc", handler);
    validator.setUpValidatorAndParsers(handler, false, false);
    // The checker is really checking: a broken page gives errors.
    Path broken =
        Files.writeString(
            dir.resolve("broken.html"),
            "<!DOCTYPE html><html lang=en><head><title>x</title></head><body><p><div></span></body></html>");
    validator.checkHtmlFile(broken.toFile(), true);
    assertThat(errors).isNotEmpty();
    errors.clear();
    List<Path> pages;
    try (Stream<Path> s = Files.walk(out)) {
      pages = s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
    assertThat(pages).hasSizeGreaterThan(15);
    for (Path page : pages) {
      validator.checkHtmlFile(page.toFile(), true);
    }
    assertThat(errors).isEmpty();
  }
}
