package dev.talkbook.cli;

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

  @Option(names = "--details", description = "Print the talk's details before the notes.")
  boolean details;

  @Override
  public Integer call() {
    try (Notebook notebook = TalkbookCommand.of(spec).openToRead()) {
      Talk t = Refs.talk(notebook, talk);
      PrintWriter out = spec.commandLine().getOut();
      if (details) {
        Talk.Details d = t.details();
        out.println("Title:    " + d.title());
        out.println("Event:    " + notebook.events().get(t.eventId()).title());
        line(out, "Speakers: ", String.join(", ", d.speakers()));
        line(out, "Time:     ", d.startsAt() == null ? "" : Values.LOCAL_TIME.format(d.startsAt()));
        line(out, "Room:     ", d.room());
        line(out, "Slides:   ", d.slidesUrl());
        line(out, "Video:    ", d.videoUrl());
        line(out, "Tags:     ", String.join(", ", d.tags()));
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
