package dev.talkbook.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.markdown.MarkdownRenderer;
import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Programme;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A talk's footnotes on its page: raised links to the notes after the text, styled by the site's
 * sheet, every id on the page once (the abstract above the notes may have footnotes too); and the
 * Markdown export and import keep them as they were written, to the byte.
 */
class SiteFootnotesTest {
  @TempDir Path dir;

  private static final String NOTES =
      "# Loom\n\nVirtual threads are final[^jep], pinning is gone[^pin].\n\n"
          + "## Pinning[^pin]\n\nSee above.\n\n"
          + "[^jep]: JEP 444, *Java 21*.\n\n"
          + "[^pin]: JEP 491 <kbd>raw</kbd>.\n";

  @Test
  void aTalksFootnotesAreLinksToItsNotesWithEveryIdOnThePageOnce() throws Exception {
    Path out = dir.resolve("site");
    try (Notebook notebook = Notebook.open(dir.resolve("n.talkbook"))) {
      Event e = notebook.events().create(Event.Details.titled("Devoxx"));
      Programme p =
          Programme.NONE.withAbstract("All about Loom[^1].\n\n[^1]: the abstract's note\n");
      notebook.talks().create(e.id(), Talk.Details.titled("Loom"), NOTES, p);
      new SiteExporter(new MarkdownRenderer())
          .export(
              notebook, out, SiteExporter.Options.all(), SiteExporter.Progress.NONE, () -> false);
    }
    Path page;
    try (Stream<Path> s = Files.walk(out)) {
      page =
          s.filter(
                  f ->
                      f.toString().contains("events/")
                          && f.getFileName().toString().startsWith("loom"))
              .findFirst()
              .orElseThrow();
    }
    String html = Files.readString(page);
    assertThat(html)
        .doesNotContain("[^jep]")
        .contains(
            "final<sup class=\"footnote-ref\"><a href=\"#fn:1\" id=\"fnref:1\">1</a></sup>",
            "gone<sup class=\"footnote-ref\"><a href=\"#fn:2\" id=\"fnref:2\">2</a></sup>",
            "<li id=\"fn:1\">",
            "JEP 444, <em>Java 21</em>.",
            "<kbd>raw</kbd>",
            "href=\"#fnref:2:2\" class=\"footnote-backref\"",
            "All about Loom<sup class=\"footnote-ref\"><a href=\"#abstract-fn:1\"",
            "<li id=\"abstract-fn:1\">");
    assertThat(html.lastIndexOf("<div class=\"footnotes\">"))
        .isGreaterThan(html.indexOf("See above."));
    List<String> ids = new ArrayList<>();
    Matcher m = Pattern.compile(" id=\"([^\"]*)\"").matcher(html);
    while (m.find()) {
      ids.add(m.group(1));
    }
    assertThat(ids).contains("fn:1", "fn:2", "fnref:2:2", "abstract-fn:1").doesNotHaveDuplicates();
    String css;
    try (Stream<Path> s = Files.walk(out)) {
      css =
          Files.readString(
              s.filter(f -> f.getFileName().toString().equals("site.css"))
                  .findFirst()
                  .orElseThrow());
    }
    assertThat(css).contains(".footnotes {", "sup.footnote-ref");
  }

  @Test
  void footnotesSurviveMarkdownExportAndImportToTheByte() {
    Path md = dir.resolve("md");
    try (Notebook a = Notebook.open(dir.resolve("a.talkbook"))) {
      Event e = a.events().create(Event.Details.titled("Conf"));
      long id = a.talks().create(e.id(), Talk.Details.titled("Loom"), NOTES).id();
      new MarkdownExporter().export(a, md, Set.of(), SiteExporter.Progress.NONE, () -> false);
      MarkdownImporter.Report back =
          new MarkdownImporter().importFolder(a, md, false, SiteExporter.Progress.NONE);
      assertThat(back.count(MarkdownImporter.Outcome.UNCHANGED)).isEqualTo(1);
      assertThat(a.talks().get(id).body()).isEqualTo(NOTES);
    }
    try (Notebook b = Notebook.open(dir.resolve("b.talkbook"))) {
      new MarkdownImporter().importFolder(b, md, false, SiteExporter.Progress.NONE);
      assertThat(b.talks().findByTitle("Loom").get(0).body()).isEqualTo(NOTES);
    }
  }
}
