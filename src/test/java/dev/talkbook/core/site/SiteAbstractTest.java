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
    assertThat(Files.readString(plain)).doesNotContain("No notes for this talk.");
    assertThat(html).doesNotContain("No notes for this talk.");
  }

  @Test
  void aTalkWithoutNotesSaysSoBelowItsAbstractIfAny() throws Exception {
    Path out = dir.resolve("site");
    try (Notebook notebook = Notebook.open(dir.resolve("n.talkbook"))) {
      Event e = notebook.events().create(Event.Details.titled("Camp"));
      notebook.talks().create(e.id(), Talk.Details.titled("Lightning talks"), "");
      notebook.talks().create(e.id(), Talk.Details.titled("Blank"), "  \n\n");
      Programme p = Programme.NONE.withAbstract("Five minutes each.");
      notebook.talks().create(e.id(), Talk.Details.titled("With abstract"), "", p);
      new SiteExporter(new MarkdownRenderer())
          .export(
              notebook, out, SiteExporter.Options.all(), SiteExporter.Progress.NONE, () -> false);
    }
    Path event = out.resolve("events/camp");
    for (String page : new String[] {"lightning-talks.html", "blank.html"}) {
      assertThat(Files.readString(event.resolve(page)))
          .as(page)
          .contains("<div class=\"notes\">\n<p class=\"no-notes\">No notes for this talk.</p>");
    }
    String withAbstract = Files.readString(event.resolve("with-abstract.html"));
    assertThat(withAbstract).contains("Five minutes each.", "No notes for this talk.");
    assertThat(withAbstract.indexOf("Five minutes each."))
        .isLessThan(withAbstract.indexOf("No notes for this talk."));
  }
}
