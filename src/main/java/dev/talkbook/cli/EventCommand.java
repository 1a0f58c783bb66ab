package dev.talkbook.cli;

import dev.talkbook.core.common.Counts;
import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.store.Notebook;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "event",
    description = "Add, edit or delete an event.",
    subcommands = {EventCommand.Add.class, EventCommand.Edit.class, EventCommand.Delete.class})
final class EventCommand {

  /** The event fields, each optional on edit. */
  static final class Fields {
    @Option(names = "--title", paramLabel = "TEXT", description = "The event's name.")
    String title;

    @Option(names = "--start", paramLabel = "DATE", description = "First day, like 2026-11-24.")
    LocalDate start;

    @Option(names = "--end", paramLabel = "DATE", description = "Last day (default: the start).")
    LocalDate end;

    @Option(names = "--location", paramLabel = "TEXT", description = "Where it takes place.")
    String location;

    @Option(names = "--url", paramLabel = "URL", description = "The event's web page.")
    String url;

    @Option(
        names = "--time-zone",
        paramLabel = "ZONE",
        description =
            "The zone its talk times are in, like Europe/Berlin or +02:00 (\"\" for none);"
                + " the times are kept.")
    String timeZone;

    /** Sets the time zone when --time-zone was given, in the caller's transaction. */
    Event zone(Notebook notebook, Event e) {
      return timeZone == null ? e : notebook.events().setTimeZone(e.id(), timeZone);
    }

    Event.Details over(Event.Details old) {
      return new Event.Details(
          title != null ? title : old.title(),
          start != null ? start : old.startDate(),
          end != null ? end : endFollowingStart(old),
          location != null ? location : old.location(),
          url != null ? url : old.url());
    }

    /** Without --end, a one-day (or open-ended) event stays one day when its start moves. */
    private LocalDate endFollowingStart(Event.Details old) {
      boolean oneDay = old.endDate() == null || old.endDate().equals(old.startDate());
      return start != null && oneDay ? start : old.endDate();
    }
  }

  @Command(name = "add", description = "Add an event and print its id.")
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
        arity = "0..1",
        paramLabel = "TITLE",
        description = "The event's name (or --title, which a name starting with - needs).")
    String title;

    @picocli.CommandLine.Mixin Fields fields;

    @Override
    public Integer call() {
      String title =
          Values.title(
              spec,
              this.title,
              fields.title,
              "An event",
              "talkbook event add \"Its name\" (or --title \"…\")");
      try (Notebook notebook = TalkbookCommand.of(spec).open()) {
        Event.timeZone(fields.timeZone); // a wrong zone refuses the whole command
        Event e =
            notebook.inTransaction(
                () ->
                    fields.zone(
                        notebook,
                        notebook.events().create(fields.over(Event.Details.titled(title)))));
        spec.commandLine().getOut().printf("Added event %d: %s%n", e.id(), e.title());
        return 0;
      }
    }
  }

  @Command(name = "edit", description = "Change an event's fields; the ones not given stay.")
  static final class Edit implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "EVENT", description = "The event's id or part of its title.")
    String event;

    @picocli.CommandLine.Mixin Fields fields;

    @Override
    public Integer call() {
      try (Notebook notebook = TalkbookCommand.of(spec).openExisting()) {
        Event old = Refs.event(notebook, event);
        long id = old.id();
        Event.timeZone(fields.timeZone);
        Event e =
            notebook.inTransaction(
                () ->
                    fields.zone(
                        notebook, notebook.events().update(id, fields.over(old.details()))));
        spec.commandLine().getOut().printf("Saved event %d: %s%n", e.id(), e.title());
        return 0;
      }
    }
  }

  @Command(name = "delete", description = "Delete an event with all its talks and their notes.")
  static final class Delete implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "EVENT", description = "The event's id or part of its title.")
    String event;

    @Option(names = "--yes", description = "Confirm: the talks and their notes go too.")
    boolean yes;

    @Override
    public Integer call() {
      try (Notebook notebook = TalkbookCommand.of(spec).openExisting()) {
        Event e = Refs.event(notebook, event);
        long id = e.id();
        int talks = notebook.talks().list(id).size();
        PrintWriter out = spec.commandLine().getOut();
        if (!yes) {
          return TalkbookCommand.unconfirmed(
              spec,
              "Deleting event "
                  + id
                  + " (\""
                  + e.title()
                  + "\") also deletes its "
                  + Counts.of(talks, "talk")
                  + " and their notes.");
        }
        notebook.events().delete(id);
        out.printf("Deleted event %d (%s) and %s.%n", id, e.title(), Counts.of(talks, "talk"));
        return 0;
      }
    }
  }
}
