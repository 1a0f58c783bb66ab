package dev.talkbook.cli;

import dev.talkbook.core.common.DateTimeText;
import dev.talkbook.core.exchange.Descriptions;
import dev.talkbook.core.notebook.Programme;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.repl.NoteCode;
import dev.talkbook.core.store.Notebook;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "show",
    description = {
      "Print a talk's notes (Markdown). A talk without notes prints the programme's abstract"
          + " as text, if it has one.",
      "Standard output gets the notes alone; what is said about them (that there are none yet,"
          + " that the abstract follows, that the talk was cancelled, that a code block's"
          + " output is out of date) goes to standard error.",
      ""
    })
final class ShowCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "TALK", description = "The talk's id or part of its title.")
  String talk;

  @Option(
      names = "--details",
      description = "Print the talk's details and its abstract before the notes.")
  boolean details;

  @Override
  public Integer call() {
    try (Notebook notebook = TalkbookCommand.of(spec).openToRead()) {
      Talk t = Refs.talk(notebook, talk);
      String zone = notebook.events().get(t.eventId()).timeZone();
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Programme p = t.programme();
      if (details) {
        Talk.Details d = t.details();
        out.println("Title:    " + d.title());
        line(out, "Status:   ", p.removed() ? cancelled(p) : null);
        line(out, "Subtitle: ", p.subtitle());
        out.println("Event:    " + notebook.events().get(t.eventId()).title());
        line(out, "Speakers: ", String.join(", ", d.speakers()));
        line(
            out,
            "Time:     ",
            d.startsAt() == null
                ? ""
                : DateTimeText.formSpan(
                        d.startsAt(), p.duration(), zone == null ? null : java.time.ZoneId.of(zone))
                    + (zone == null ? "" : " (" + zone + ")"));
        line(out, "Room:     ", d.room());
        line(out, "Slides:   ", d.slidesUrl());
        line(out, "Video:    ", d.videoUrl());
        line(out, "Tags:     ", String.join(", ", d.tags()));
        line(out, "Length:   ", p.duration() == null ? null : p.duration().toMinutes() + " min");
        line(out, "Language: ", p.language());
        line(out, "Starred:  ", t.starred() ? "yes" : null);
        if (!p.abstractText().isEmpty()) {
          out.println();
          out.println("Abstract:");
          // as text: the programme's Markdown escapes and line-break spaces are not for reading
          // (nor without --details, below)
          for (String l : Descriptions.asText(p.abstractText()).split("\n", -1)) {
            out.println(l.isEmpty() ? "" : "  " + l);
          }
        }
        out.println();
      } else if (p.removed()) {
        // on standard error, before the notes, which stay alone on standard output
        err.println(cancelled(p) + (t.body().isEmpty() ? "" : "; your notes are kept") + ".");
      }
      if (t.body().isEmpty()) {
        if (details || p.abstractText().isEmpty()) {
          err.println(
              "This talk has no notes yet (add some in the window, or with: talkbook talk edit "
                  + t.id()
                  + " --notes-file FILE).");
        } else {
          err.println("This talk has no notes yet; the programme's abstract:");
          out.println(Descriptions.asText(p.abstractText())); // as --details prints it
        }
        return 0;
      }
      out.print(t.body());
      if (!t.body().endsWith("\n") && out instanceof CommandOutput o && o.terminal()) {
        // Only on a terminal, so that the prompt starts on a line of its own. Into a file or a
        // pipe the notes go as stored: "show N > F" then "talk edit N --notes-file F" (the
        // cut-notes banner's round trip) gave the notes back one line break longer each time.
        out.println();
      }
      String outOfDate = outOfDate(t.body(), t.id());
      if (!outOfDate.isEmpty()) {
        out.flush();
        err.println(outOfDate);
      }
      return 0;
    }
  }

  /**
   * The line that says which code blocks' outputs are out of date (the code changed since it ran:
   * {@link NoteCode.Block#outputOutOfDate()}), or "" when none is.
   */
  static String outOfDate(String notes, long talk) {
    String lines =
        NoteCode.javaBlocks(notes).stream()
            .filter(NoteCode.Block::outputOutOfDate)
            .map(b -> Integer.toString(NoteCode.lineOf(notes, b)))
            .collect(Collectors.joining(", "));
    if (lines.isEmpty()) {
      return "";
    }
    return (lines.contains(",")
            ? "Out of date: the outputs of the code at lines "
            : "Out of date: the output of the code at line ")
        + lines
        + ": the code changed since it ran (talkbook run "
        + talk
        + " --write runs it again).";
  }

  /** As the site and the agenda say it: "Cancelled", and why. */
  static String cancelled(Programme p) {
    return "Cancelled: no longer in the programme (since the import of "
        + Values.local(p.removedAt())
        + ")";
  }

  private static void line(PrintWriter out, String label, String value) {
    if (value != null && !value.isEmpty()) {
      out.println(label + value);
    }
  }
}
