package dev.talkbook.cli;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.store.Notebook;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "events", description = "List the events, newest first.")
final class EventsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try (Notebook notebook = TalkbookCommand.of(spec).openToRead()) {
      PrintWriter out = spec.commandLine().getOut();
      List<Event> events = notebook.events().list();
      if (events.isEmpty()) {
        out.println(
            "No events yet. Add one with: talkbook event add --title \"…\", or try: talkbook sample");
        return 0;
      }
      out.printf("%5s  %-23s  %5s  %s%n", "ID", "DATES", "TALKS", "TITLE");
      for (Event e : events) {
        out.printf(
            "%5d  %-23s  %5d  %s%n",
            e.id(),
            dates(e.startDate(), e.endDate()),
            notebook.talks().list(e.id()).size(),
            e.title());
      }
      return 0;
    }
  }

  static String dates(LocalDate start, LocalDate end) {
    if (start == null) {
      return end == null ? "-" : "until " + end;
    }
    return end == null || end.equals(start) ? start.toString() : start + " – " + end;
  }
}
