package dev.talkbook.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Programme;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Links between notes are rewritten (a relative {@code .md} path to {@code talk:ID} on import, back
 * on export) only where the page shows a link: code spans, fenced and indented code and escaped
 * brackets stay as written; an image and a link whose text holds brackets are links too.
 */
class MarkdownLinksInCodeTest {
  @TempDir Path dir;

  private static final String NOTES_ABOUT_MARKDOWN =
      """
      # Keynote

      Write `[next](%1$s)` for a link.

      ```md
      [next](%1$s)
      ```

          [indented](%1$s)

      Escaped \\[not a link](%1$s) stays text.
      """;

  private static Talk talk(Notebook nb, String title) {
    List<Talk> found = nb.talks().findByTitle(title);
    assertThat(found).as(title).hasSize(1);
    return found.get(0);
  }

  private static String file(Path folder, String suffix) throws IOException {
    try (Stream<Path> s = Files.walk(folder)) {
      return Files.readString(
          s.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst().orElseThrow());
    }
  }

  @Test
  void theImportLeavesLinksInCodeAndEscapedOnesAsWritten() throws IOException {
    Path src = dir.resolve("src");
    Files.createDirectories(src);
    String keynote = NOTES_ABOUT_MARKDOWN.formatted("02-loom.md") + "[a [real] link](02-loom.md)\n";
    Files.writeString(src.resolve("01-keynote.md"), keynote);
    Files.writeString(src.resolve("02-loom.md"), "# Loom\n");
    try (Notebook nb = Notebook.open(dir.resolve("nb.talkbook"))) {
      MarkdownImporter.Report report =
          new MarkdownImporter().importFolder(nb, src, false, SiteExporter.Progress.NONE);
      assertThat(report.failures()).isEmpty();
      long loom = talk(nb, "Loom").id();
      assertThat(talk(nb, "Keynote").body())
          .isEqualTo(
              NOTES_ABOUT_MARKDOWN.formatted("02-loom.md")
                  + "[a [real] link](talk:"
                  + loom
                  + ")\n");
    }
  }

  @Test
  void theExportLeavesCodeAsWrittenAndRewritesImagesAndBracketedTexts() throws IOException {
    Path md = dir.resolve("md");
    String body;
    String to;
    try (Notebook nb = Notebook.open(dir.resolve("a.talkbook"))) {
      long summit = nb.events().create(Event.Details.titled("Summit")).id();
      Talk keynote = nb.talks().create(summit, Talk.Details.titled("Keynote"), "", Programme.NONE);
      Talk loom = nb.talks().create(summit, Talk.Details.titled("Loom"), "", Programme.NONE);
      to = "talk:" + loom.id();
      body =
          NOTES_ABOUT_MARKDOWN.formatted(to)
              + "[a [real] link]("
              + to
              + ") ![a picture](talk:99999) [![logo](talk:99999)]("
              + to
              + " \"Loom\")\n";
      nb.talks().saveBody(keynote.id(), body);
      new MarkdownExporter().export(nb, md, Set.of(), SiteExporter.Progress.NONE, () -> false);
      String written = file(md, "-keynote.md");
      assertThat(written)
          .contains(NOTES_ABOUT_MARKDOWN.formatted(to))
          .endsWith("[a [real] link](02-loom.md) a picture [logo](02-loom.md \"Loom\")\n");
    }
    // and back: the code keeps its talk: links as written, the links lead to the new Loom
    try (Notebook b = Notebook.open(dir.resolve("b.talkbook"))) {
      new MarkdownImporter().importFolder(b, md, false, SiteExporter.Progress.NONE);
      String again = talk(b, "Keynote").body();
      String loomAgain = "talk:" + talk(b, "Loom").id();
      assertThat(again).startsWith(NOTES_ABOUT_MARKDOWN.formatted(to));
      assertThat(again)
          .endsWith(
              "[a [real] link](" + loomAgain + ") a picture [logo](" + loomAgain + " \"Loom\")\n");
    }
  }
}
