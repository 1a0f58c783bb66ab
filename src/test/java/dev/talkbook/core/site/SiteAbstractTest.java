package dev.talkbook.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.markdown.MarkdownRenderer;
import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Programme;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A talk's abstract from its programme is on its page, above the notes, rendered safely. */
class SiteAbstractTest {
  @TempDir Path dir;

  @Test
  void theAbstractIsShownAboveTheNotes() throws Exception {
    Path out = dir.resolve("site");
    try (Notebook notebook = Notebook.open(dir.resolve("n.talkbook"))) {
      Event e = notebook.events().create(Event.Details.titled("Camp"));
      Programme p = Programme.NONE.withAbstract("We **solder** a badge. <script>alert(1)</script>");
      notebook.talks().create(e.id(), Talk.Details.titled("Soldering"), "My *notes*", p);
      notebook.talks().create(e.id(), Talk.Details.titled("No abstract"), "x");
      new SiteExporter(new MarkdownRenderer())
          .export(
              notebook, out, SiteExporter.Options.all(), SiteExporter.Progress.NONE, () -> false);
    }
    Path page;
    Path plain;
    try (Stream<Path> s = Files.walk(out)) {
      var pages =
          s.filter(f -> f.toString().endsWith(".html") && f.toString().contains("events/"))
              .toList();
      page =
          pages.stream()
              .filter(f -> f.getFileName().toString().startsWith("soldering"))
              .findFirst()
              .orElseThrow();
      plain =
          pages.stream()
              .filter(f -> f.getFileName().toString().startsWith("no-abstract"))
              .findFirst()
              .orElseThrow();
    }
    String html = Files.readString(page);
    assertThat(html).contains("<section class=\"abstract\"", "<strong>solder</strong>");
    assertThat(html.indexOf("class=\"abstract\""))
        .isLessThan(html.indexOf("<div class=\"notes\">"));
    assertThat(html).doesNotContain("<script>alert");
    assertThat(Files.readString(plain)).doesNotContain("class=\"abstract\"");
  }
}
