package dev.talkbook.cli;

import dev.talkbook.core.common.DateTimeText;
import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.ProgrammeDays;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "talks",
    description = {
      "List the talks of one event, or of every event: id, time, title, speakers, tags.",
      "A talk the programme no longer lists (a re-import left it out) has \"Cancelled:\""
          + " before its title, as on the site and in the agenda.",
      ""
    })
final class TalksCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "EVENT",
      description = "The event's id or part of its title (default: all).")
  String event;

  /**
   * Before the title of a talk gone from the programme, in the lists of talks and search hits: as
   * the site's feed and the agenda's calendar entries say it where only text can.
   */
  static final String CANCELLED = "Cancelled: ";

  @Override
  public Integer call() {
    try (Notebook notebook = TalkbookCommand.of(spec).openToRead()) {
      PrintWriter out = spec.commandLine().getOut();
      List<Event> events =
          event == null ? notebook.events().list() : List.of(Refs.event(notebook, event));
      if (events.isEmpty()) {
        out.println("No events yet. Add one with: talkbook event add --title \"…\"");
      }
      for (Event e : events) {
        out.printf("%s  (event %d)%n", e.title(), e.id());
        // as the window and the site list them: over several days, by day and time
        List<Talk> talks =
            ProgrammeDays.inOrder(notebook.talks().list(e.id()), t -> t.details().startsAt());
        if (talks.isEmpty()) {
          out.println("  no talks yet: talkbook talk add --event " + e.id() + " --title \"…\"");
        }
        // the time with its end where the programme gave a length: "2026-12-07 09:00–12:00"
        int width = 16;
        for (Talk t : talks) {
          width = Math.max(width, time(t, e).length());
        }
        for (Talk t : talks) {
          Talk.Details d = t.details();
          out.printf(
              "%7d  %-" + width + "s  %s%s%s%n",
              t.id(),
              time(t, e),
              (t.programme().removed() ? CANCELLED : "") + t.title(),
              d.speakers().isEmpty() ? "" : " — " + String.join(", ", d.speakers()),
              d.tags().isEmpty() ? "" : "  " + tags(d.tags()));
        }
      }
      return 0;
    }
  }

  /**
   * "#jvm #"java 0"": a tag with a space in quotes, as search takes it ({@code tag:"java 0"}), so
   * it does not read as the tag "#java" and a stray "0".
   */
  static String tags(java.util.List<String> tags) {
    StringBuilder s = new StringBuilder();
    for (String tag : tags) {
      if (s.length() > 0) {
        s.append(' ');
      }
      s.append('#').append(tag.chars().anyMatch(Character::isWhitespace) ? "\"" + tag + "\"" : tag);
    }
    return s.toString();
  }

  private static String time(Talk t, Event e) {
    LocalDateTime at = t.details().startsAt();
    return at == null
        ? ""
        : DateTimeText.formSpan(at, t.programme().duration(), e.zone().orElse(null));
  }
}
