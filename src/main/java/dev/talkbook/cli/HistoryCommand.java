package dev.talkbook.cli;

import dev.talkbook.core.notebook.NotebookException;
import dev.talkbook.core.notebook.Revision;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "history",
    description = "List the kept revisions of a talk's notes, newest first, or print one.")
final class HistoryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "TALK", description = "The talk's id or part of its title.")
  String talk;

  @Option(
      names = "--show",
      paramLabel = "REVISION",
      converter = RevisionNumber.class,
      description = "Print this revision's text.")
  Long show;

  @Override
  public Integer call() {
    try (Notebook notebook = TalkbookCommand.of(spec).openToRead()) {
      Talk t = Refs.talk(notebook, talk);
      PrintWriter out = spec.commandLine().getOut();
      if (show != null) {
        Revision r = notebook.revisions().get(show);
        if (r.talkId() != t.id()) {
          throw new NotebookException(
              "Revision " + show + " belongs to another talk (talk " + r.talkId() + ").");
        }
        out.print(r.body());
        if (!r.body().endsWith("\n") && out instanceof CommandOutput o && o.terminal()) {
          // as show prints notes: into a file or a pipe byte for byte, so that "history N --show R
          // > F" then "talk edit N --notes-file F" brings that text back without a line break more
          out.println();
        }
        return 0;
      }
      List<Revision> revisions = notebook.revisions().list(t.id());
      out.printf(
          "%s (talk %d), notes last saved %s%n", t.title(), t.id(), Values.local(t.updatedAt()));
      if (revisions.isEmpty()) {
        out.println("No revisions kept yet.");
        return 0;
      }
      out.printf("%8s  %-19s  %-14s  %7s  %s%n", "REVISION", "SAVED", "WHY", "CHARS", "BEGINS");
      for (Revision r : revisions) {
        out.printf(
            "%8d  %-19s  %-14s  %7d  %s%n",
            r.id(),
            // with seconds: a script's edits are often kept in the same minute
            Values.localWithSeconds(r.savedAt()),
            r.reason().label(),
            r.body().length(),
            Values.firstLine(r.body(), 40));
      }
      out.println("Restore one with: talkbook restore " + t.id() + " REVISION");
      return 0;
    }
  }
}
