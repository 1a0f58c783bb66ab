package dev.talkbook.core.site;

import static dev.talkbook.core.site.MarkdownFolders.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.site.MarkdownImporter.FileResult;
import dev.talkbook.core.site.MarkdownImporter.Report;
import dev.talkbook.core.store.Notebook;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files and folders are imported, and listed, in the order a file manager shows them. */
class MarkdownImportOrderTest {
  @TempDir Path dir;

  @Test
  void talksWithoutTimesKeepTheFilesNaturalOrderAndTheDryRunListsThemSo() throws Exception {
    Path md = dir.resolve("md");
    for (String name : new String[] {"k1", "k2", "k10", "k11", "K3"}) {
      write(md.resolve("Meetup/" + name + ".md"), "# " + name + "\n");
    }
    write(md.resolve("Meetup/part 10/z.md"), "# z\n");
    write(md.resolve("Meetup/part 9/y.md"), "# y\n");
    try (Notebook nb = Notebook.open(dir.resolve("a.talkbook"))) {
      Report dry = MarkdownFolders.dryRunThenImport(nb, md);

      assertThat(dry.files())
          .extracting(FileResult::path)
          .containsExactly(
              "Meetup/k1.md",
              "Meetup/k2.md",
              "Meetup/K3.md",
              "Meetup/k10.md",
              "Meetup/k11.md",
              "Meetup/part 9/y.md",
              "Meetup/part 10/z.md");
      long event = nb.events().list().get(0).id();
      assertThat(nb.talks().list(event))
          .extracting(Talk::title)
          .containsExactly("k1", "k2", "K3", "k10", "k11", "y", "z");
    }
  }
}
