package dev.talkbook.cli;

import dev.talkbook.core.site.MarkdownImporter;
import dev.talkbook.core.site.SiteExporter;
import dev.talkbook.core.store.Notebook;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "import",
    description = "Bring notes in from files.",
    subcommands = {ImportCommand.Markdown.class})
final class ImportCommand {

  @Command(
      name = "markdown",
      description = {
        "Import a folder of .md files (Talkbook's export, or Hugo, Jekyll or Obsidian notes):"
            + " each file a talk, events from the front matter, _index.md or folder names.",
        "A talk with the same title in the same event is updated. Files that cannot be imported"
            + " are listed with the reason; the rest is imported together.",
        "Exit code 1 when any file failed."
      })
  static final class Markdown implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The folder with the Markdown files.")
    Path folder;

    @Option(names = "--dry-run", description = "Only report what would change.")
    boolean dryRun;

    @Override
    public Integer call() throws IOException {
      TalkbookCommand root = TalkbookCommand.of(spec);
      Path notebookPath = root.notebookPath();
      if (dryRun && !Files.exists(notebookPath)) {
        // Nothing to compare with: report against an empty notebook that is thrown away.
        Path scratch = Files.createTempDirectory("talkbook-dry-run");
        try {
          try (Notebook empty = Notebook.open(scratch.resolve("dry-run.talkbook"))) {
            int code = importInto(empty);
            spec.commandLine()
                .getOut()
                .printf("(%s does not exist yet; it was not created.)%n", notebookPath);
            return code;
          }
        } finally {
          deleteTree(scratch);
        }
      }
      try (Notebook notebook = dryRun ? root.openExisting() : root.open()) {
        return importInto(notebook);
      }
    }

    private int importInto(Notebook notebook) {
      MarkdownImporter.Report report =
          new MarkdownImporter().importFolder(notebook, folder, dryRun, SiteExporter.Progress.NONE);
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      for (MarkdownImporter.FileResult f : report.files()) {
        if (f.outcome() == MarkdownImporter.Outcome.FAILED) {
          err.printf("talkbook: %s: %s%n", f.path(), f.detail());
        } else {
          out.printf(
              "%-9s %s (%s)%n",
              f.outcome().name().toLowerCase(java.util.Locale.ROOT), f.path(), f.detail());
        }
      }
      out.println(report.summary());
      err.flush();
      return report.failures().isEmpty() ? 0 : TalkbookCommand.USER_ERROR;
    }

    private static void deleteTree(Path dir) throws IOException {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
