package dev.talkbook.cli;

import dev.talkbook.core.common.Counts;
import dev.talkbook.core.exchange.AgendaExporter;
import dev.talkbook.core.markdown.MarkdownRenderer;
import dev.talkbook.core.site.MarkdownExporter;
import dev.talkbook.core.site.OtherEventsInFolder;
import dev.talkbook.core.site.SiteExporter;
import dev.talkbook.core.store.Notebook;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "export",
    description = "Publish the notebook: a static web site, Markdown files, or your agenda.",
    subcommands = {
      ExportCommand.Site.class,
      ExportCommand.Markdown.class,
      ExportCommand.Agenda.class
    })
final class ExportCommand {

  /**
   * Whether {@code --out} is {@code -}: in a script that is standard output (as {@code -} is
   * standard input for {@code talk edit --notes-file}), not a folder named "-".
   */
  static boolean isStandardOutput(Path out) {
    return out.toString().equals("-");
  }

  /**
   * Refuses {@code --out -} for a command that writes a folder of files (tester 9b: {@code export
   * markdown --out -} wrote into a folder named "-"): wrong usage, exit code 2, nothing written.
   */
  static int folderNotStandardOutput(CommandSpec spec, String command) {
    spec.commandLine()
        .getErr()
        .println(
            "talkbook: "
                + command
                + " writes a folder of files, which cannot go to standard output (--out -):"
                + " name the folder to write (./- for a folder named \"-\").");
    return TalkbookCommand.WRONG_USAGE;
  }

  @Command(
      name = "site",
      description = {
        "Write a static web site: events, talks, tags, a feed and search, readable from disk or"
            + " any web host.",
        "Exporting again into the same folder rewrites only what changed and removes pages of"
            + " deleted talks; files Talkbook did not write are left alone.",
        "With --event, a folder whose earlier export holds other events is refused (exit code 2):"
            + " their pages would be removed."
      })
  static final class Site implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The site folder.")
    Path out;

    @Option(
        names = "--event",
        paramLabel = "EVENT",
        description =
            "Only this event, by id or part of its title (repeatable; default: every event).")
    List<String> events = List.of();

    @Option(
        names = "--base-url",
        paramLabel = "URL",
        description =
            "Where the site will be published (e.g. https://example.org/talks/): the feed's links"
                + " and the 404 page's become absolute. Needed for a site in a sub-folder of its"
                + " host; without it the 404 page's links start at the host's root (/). Default:"
                + " the one the last export into the folder had; '' for none.")
    String baseUrl;

    @Option(
        names = "--title",
        paramLabel = "TEXT",
        description =
            "The site's name. Default: the one the last export into the folder had, else"
                + " \"Talk notes\".")
    String title;

    @Option(
        names = "--locale",
        paramLabel = "TAG",
        description =
            "The region whose order the pages' dates follow, as a language tag (en-GB: \"Thursday,"
                + " 15 October 2026\", en-US: \"Thursday, October 15, 2026\"). Default: the one the"
                + " last export into the folder had, else yours.")
    String locale;

    /**
     * The locale given with --locale, null for none; a tag that is not well formed, or names no
     * language or one without date formats ("zz", which would write "2026 Oct 15, Thu" and be kept
     * for the folder's next exports), is refused.
     */
    private java.util.Locale dates() {
      if (locale == null) {
        return null;
      }
      java.util.Locale l;
      try {
        l = new java.util.Locale.Builder().setLanguageTag(locale.strip()).build();
      } catch (java.util.IllformedLocaleException e) {
        l = java.util.Locale.ROOT;
      }
      if (l.getLanguage().isEmpty()) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(),
            "--locale takes a language tag, like en-GB or en-US; got \"" + locale + "\".");
      }
      String language = l.getLanguage();
      if (java.util.Arrays.stream(java.text.DateFormat.getAvailableLocales())
          .noneMatch(known -> known.getLanguage().equals(language))) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(),
            "--locale: Talkbook knows no dates in the language \""
                + language
                + "\" of \""
                + locale
                + "\"; give a language tag like en-GB, en-US or fr.");
      }
      return l;
    }

    @Override
    public Integer call() {
      if (isStandardOutput(out)) {
        return folderNotStandardOutput(spec, "export site");
      }
      try (Notebook notebook = TalkbookCommand.of(spec).openToRead()) {
        SiteExporter.Options options =
            SiteExporter.keptOptions(out, title, Refs.eventIds(notebook, events), baseUrl, dates());
        SiteExporter.Result r;
        try {
          r =
              new SiteExporter(MarkdownRenderer::new)
                  .export(notebook, out, options, SiteExporter.Progress.NONE, () -> false);
        } catch (OtherEventsInFolder refused) {
          // --event chose too few events for this folder: a usage mistake, nothing written
          spec.commandLine().getErr().println("talkbook: " + refused.getMessage());
          return TalkbookCommand.WRONG_USAGE;
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf(
            "Exported %s to %s: %s written, %d unchanged, %d removed.%n",
            Counts.of(r.talks(), "talk"),
            out.toAbsolutePath().normalize(),
            Counts.of(r.written(), "file"),
            r.unchanged(),
            r.deleted());
        r.notices().forEach(o::println);
        o.printf("Open %s%n", r.index().toUri());
        return 0;
      }
    }
  }

  @Command(
      name = "markdown",
      description = {
        "Write one Markdown file per talk with YAML front matter, one folder per event, the"
            + " attachments beside them.",
        "The folder must be new or empty; `talkbook import markdown` reads it back."
      })
  static final class Markdown implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--out",
        paramLabel = "DIR",
        required = true,
        description = "A new or empty folder.")
    Path out;

    @Option(
        names = "--event",
        paramLabel = "EVENT",
        description =
            "Only this event, by id or part of its title (repeatable; default: every event).")
    List<String> events = List.of();

    @Override
    public Integer call() {
      if (isStandardOutput(out)) {
        return folderNotStandardOutput(spec, "export markdown");
      }
      try (Notebook notebook = TalkbookCommand.of(spec).openToRead()) {
        MarkdownExporter.Result r =
            new MarkdownExporter()
                .export(
                    notebook,
                    out,
                    Refs.eventIds(notebook, events),
                    SiteExporter.Progress.NONE,
                    () -> false);
        spec.commandLine().getOut().println(r.summary());
        return 0;
      }
    }
  }

  @Command(
      name = "agenda",
      description = {
        "Write the starred talks as an iCalendar file (.ics) for any calendar app.",
        "Talks of an event with a time zone are written in UTC, others as floating local times;"
            + " each keeps its programme's UID, so importing it again updates the calendar."
      })
  static final class Agenda implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--out",
        paramLabel = "FILE",
        required = true,
        description = "The .ics file (a link is followed), or - for standard output.")
    Path out;

    @Override
    public Integer call() {
      // Only reads the notebook, like the other exports: works while the window has it open.
      try (Notebook notebook = TalkbookCommand.of(spec).openToRead()) {
        AgendaExporter exporter = new AgendaExporter(Clock.systemUTC());
        boolean toStandardOutput = isStandardOutput(out);
        // --out -: the calendar on standard output (one file can go there), what is said on stderr
        AgendaExporter.Result r =
            toStandardOutput
                ? exporter.write(notebook, spec.commandLine().getOut())
                : exporter.export(notebook, out);
        PrintWriter o =
            toStandardOutput ? spec.commandLine().getErr() : spec.commandLine().getOut();
        o.printf(
            "Wrote %d starred talk%s to %s%s%n",
            r.written(),
            r.written() == 1 ? "" : "s",
            toStandardOutput ? "standard output" : out.toAbsolutePath().normalize(),
            r.withoutTime() == 0
                ? "."
                : " (" + r.withoutTime() + " starred without a time left out).");
        if (r.written() == 0 && r.withoutTime() == 0) {
          o.println("No talk is starred yet: `talkbook talk star TALK` adds one.");
        }
        return 0;
      }
    }
  }
}
