package dev.talkbook.cli;

import dev.talkbook.core.notebook.Programme;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "show", description = "Print a talk's notes (Markdown).")
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
      if (details) {
        Talk.Details d = t.details();
        Programme p = t.programme();
        out.println("Title:    " + d.title());
        line(out, "Subtitle: ", p.subtitle());
        out.println("Event:    " + notebook.events().get(t.eventId()).title());
        line(out, "Speakers: ", String.join(", ", d.speakers()));
        line(
            out,
            "Time:     ",
            d.startsAt() == null
                ? ""
                : Values.LOCAL_TIME.format(d.startsAt()) + (zone == null ? "" : " (" + zone + ")"));
        line(out, "Room:     ", d.room());
        line(out, "Slides:   ", d.slidesUrl());
        line(out, "Video:    ", d.videoUrl());
        line(out, "Tags:     ", String.join(", ", d.tags()));
        line(out, "Length:   ", p.duration() == null ? null : p.duration().toMinutes() + " min");
        line(out, "Language: ", p.language());
        line(out, "Starred:  ", t.starred() ? "yes" : null);
        line(
            out,
            "Removed:  ",
            p.removed() ? "no longer in the programme (since " + p.removedAt() + ")" : null);
        if (!p.abstractText().isEmpty()) {
          out.println();
          out.println("Abstract:");
          for (String l : p.abstractText().split("\n", -1)) {
            out.println(l.isEmpty() ? "" : "  " + l);
          }
        }
        out.println();
      }
      out.print(t.body());
      if (!t.body().isEmpty() && !t.body().endsWith("\n")) {
        out.println();
      }
      return 0;
    }
  }

  private static void line(PrintWriter out, String label, String value) {
    if (value != null && !value.isEmpty()) {
      out.println(label + value);
    }
  }
}
