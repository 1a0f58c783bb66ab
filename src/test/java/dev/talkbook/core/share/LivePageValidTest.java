package dev.talkbook.core.share;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.common.Resources;
import dev.talkbook.core.markdown.MarkdownRenderer;
import dev.talkbook.core.notebook.Talk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/** The live page as served is valid HTML (the Nu HTML checker), like the site's pages. */
@Tag("jetty9") // the checker runs in its own surefire execution with Jetty 9 on the class path
class LivePageValidTest {
  @TempDir Path dir;

  @Test
  void theLivePageIsValidHtml() throws Exception {
    Talk.Details d =
        new Talk.Details(
            "Live coding <without> fear",
            List.of("Ada", "Grace"),
            LocalDateTime.of(2026, 3, 12, 18, 30),
            "Room 2",
            "https://example.org/slides",
            "https://example.org/video",
            List.of("java", "c++"));
    String notes =
        Resources.text(
                LivePageValidTest.class, "/dev/talkbook/core/sample/04-live-coding-without-fear.md")
            + "\n<script>alert(1)</script>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [ ] task\n";
    LivePage.Rendered r =
        LivePage.render(
            new MarkdownRenderer(),
            new SharedTalk(1, "JVM Evening", d, notes, "An abstract."),
            Set.of());
    List<Snippet> code =
        List.of(
            new Snippet(1, "1 + 1", "⇒ 2\n", Snippet.Status.DONE),
            new Snippet(2, "while (true) {}", "", Snippet.Status.RUNNING));
    Path page = Files.writeString(dir.resolve("page.html"), LivePage.page(r, 2, code, 7));
    List<String> errors = new ArrayList<>();
    ErrorHandler handler =
        new ErrorHandler() {
          @Override
          public void warning(SAXParseException e) {}

          @Override
          public void error(SAXParseException e) {
            errors.add(e.getLineNumber() + ": " + e.getMessage());
          }

          @Override
          public void fatalError(SAXParseException e) {
            error(e);
          }
        };
    SimpleDocumentValidator validator = new SimpleDocumentValidator();
    validator.setUpMainSchema("http://s.validator.nu/html5.rnc", handler);
    validator.setUpValidatorAndParsers(handler, false, false);
    validator.checkHtmlFile(page.toFile(), true);
    assertThat(errors).isEmpty();
  }
}
