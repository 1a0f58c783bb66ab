package dev.talkbook.cli;

import dev.talkbook.core.exchange.Schedule;
import dev.talkbook.core.exchange.ScheduleFetcher;
import dev.talkbook.core.exchange.ScheduleImporter;
import dev.talkbook.core.exchange.ScheduleReader;
import dev.talkbook.core.notebook.NotebookException;
import dev.talkbook.core.site.MarkdownImporter;
import dev.talkbook.core.site.SiteExporter;
import dev.talkbook.core.store.Notebook;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "import",
    description = "Bring notes in from files.",
    subcommands = {ImportCommand.Markdown.class, ImportCommand.ScheduleFile.class})
final class ImportCommand {

  /**
   * Runs an import into the chosen notebook and returns its exit code. A dry run changes nothing,
   * so it opens the notebook only to read it (without its lock, as the reading commands do: beside
   * a window that has it open, and with {@code --read-only}) and does its work on a scratch copy
   * that is thrown away. A dry run into a notebook that does not exist yet has nothing to compare
   * with: it reports against an empty notebook that is thrown away, and the chosen one is not
   * created.
   */
  static int intoNotebook(CommandSpec spec, boolean dryRun, ToIntFunction<Notebook> importer) {
    TalkbookCommand root = TalkbookCommand.of(spec);
    Path notebookPath = root.notebookPath();
    if (dryRun && !Files.exists(notebookPath)) {
      Path scratch;
      try {
        scratch = Files.createTempDirectory("talkbook-dry-run");
      } catch (IOException e) {
        throw new NotebookException(
            "Cannot make a scratch notebook for the dry run (" + e.getMessage() + ").", e);
      }
      try {
        try (Notebook empty = Notebook.open(scratch.resolve("dry-run.talkbook"))) {
          int code = importer.applyAsInt(empty);
          spec.commandLine()
              .getOut()
              .printf("(%s does not exist yet; it was not created.)%n", notebookPath);
          return code;
        }
      } finally {
        deleteTree(scratch);
      }
    }
    if (dryRun) {
      Notebook scratch;
      try (Notebook notebook = root.openToRead()) {
        scratch = notebook.scratchCopy();
      }
      try (scratch) {
        return importer.applyAsInt(scratch);
      }
    }
    try (Notebook notebook = root.open()) {
      return importer.applyAsInt(notebook);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      System.getLogger(ImportCommand.class.getName())
          .log(System.Logger.Level.DEBUG, "removing the dry run's scratch notebook " + dir, e);
    }
  }

  @Command(
      name = "markdown",
      description = {
        "Import a folder of .md files (Talkbook's export, or Hugo, Jekyll or Obsidian notes):"
            + " each file a talk, events from the front matter, _index.md or folder names.",
        "A talk with the same title in the same event is updated. Files that cannot be imported"
            + " are listed with the reason; the rest is imported together. Hidden folders (such"
            + " as .obsidian) are skipped; so are links named .md, each listed with where it"
            + " leads.",
        "Exit code 1 when any file failed, or when the folder holds no .md file."
      })
  static final class Markdown implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The folder with the Markdown files.")
    Path folder;

    @Option(names = "--dry-run", description = "Only report what would change.")
    boolean dryRun;

    @Override
    public Integer call() {
      // A wrong folder is said before the notebook is opened, so none is created for nothing.
      MarkdownImporter.requireMarkdown(folder);
      return intoNotebook(spec, dryRun, this::importInto);
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
  }

  @Command(
      name = "schedule",
      description = {
        "Import a conference programme from a file or an http(s) address: frab/pentabarf XML,"
            + " frab/pretalx JSON, iCalendar (.ics) or Sessionize JSON, told from the content.",
        "The conference becomes an event, each session a talk with its abstract. Importing the"
            + " programme again applies its changes and lists them; notes are never touched, and"
            + " a session that is gone is marked as removed (deleted only if you never touched"
            + " it).",
        "Nothing is changed when the file cannot be read (exit code 1)."
      })
  static final class ScheduleFile implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE|URL", description = "The schedule file, or its web address.")
    String from;

    @Option(
        names = "--event",
        paramLabel = "EVENT",
        description =
            "The event to import into: an id or title of one in the notebook, or the title of a"
                + " new one (default: the event this programme went into before, or a new one).")
    String event;

    @Option(names = "--dry-run", description = "Only report what would change.")
    boolean dryRun;

    @Option(
        names = "--timeout",
        paramLabel = "SECONDS",
        defaultValue = "30",
        description = "How long to wait for a download (default: ${DEFAULT-VALUE}).")
    int timeout;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      // Read (and download) first: a bad file changes nothing and needs no notebook.
      ScheduleReader reader = new ScheduleReader();
      Schedule schedule;
      if (ScheduleFetcher.isUrl(from)) {
        err.println("Downloading " + from.strip() + " …");
        err.flush();
        byte[] bytes =
            new ScheduleFetcher(Duration.ofSeconds(Math.max(1, timeout)))
                .fetch(from, ScheduleFetcher.Progress.NONE);
        schedule = reader.read(bytes, from.strip());
      } else {
        schedule = reader.readFile(from);
      }
      Schedule read = schedule;
      return intoNotebook(
          spec,
          dryRun,
          notebook -> {
            ScheduleImporter.Report report =
                new ScheduleImporter(Clock.systemUTC())
                    .importSchedule(
                        notebook,
                        read,
                        event,
                        ScheduleReader.titleFrom(from),
                        dryRun,
                        ScheduleImporter.Progress.NONE);
            for (String line : report.lines()) {
              out.println(line);
            }
            return 0;
          });
    }
  }
}
