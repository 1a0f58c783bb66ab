package dev.talkbook.core.sample;

import dev.talkbook.core.common.Resources;
import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.store.Notebook;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A small meetup whose notes show what Talkbook does: nested outlines, headings, tables, links,
 * task lists and runnable {@code java} blocks. Offered on first run and by {@code talkbook sample}.
 */
public final class SampleMeetup {
  public static final String TITLE = "JVM Evening (Talkbook sample meetup)";
  private static final LocalDate DAY = LocalDate.of(2026, 3, 12);

  private record SampleTalk(
      String file,
      String title,
      String speaker,
      int hour,
      int minute,
      String room,
      List<String> tags) {}

  private static final List<SampleTalk> TALKS =
      List.of(
          new SampleTalk(
              "01-virtual-threads.md",
              "Virtual threads in practice",
              "Maren Holt",
              18,
              30,
              "Main hall",
              List.of("java", "concurrency")),
          new SampleTalk(
              "02-sqlite-everywhere.md",
              "SQLite everywhere",
              "Tomasz Wierzbicki",
              19,
              0,
              "Main hall",
              List.of("sqlite", "databases")),
          new SampleTalk(
              "03-outlines-that-think.md",
              "Outlines that think",
              "Ines Carvalho",
              19,
              30,
              "Room B",
              List.of("note-taking")),
          new SampleTalk(
              "04-live-coding-without-fear.md",
              "Live coding without fear",
              "Ruben Oyelaran",
              20,
              0,
              "Main hall",
              List.of("java", "jshell", "presenting")),
          new SampleTalk(
              "05-accessible-desktop-apps.md",
              "Accessible desktop apps",
              "Lena Brandvold",
              20,
              30,
              "Room B",
              List.of("javafx", "accessibility")));

  private SampleMeetup() {}

  /** Adds the sample meetup with its talks to {@code notebook} and returns the new event. */
  public static Event addTo(Notebook notebook) {
    Event event =
        notebook
            .events()
            .create(
                new Event.Details(
                    TITLE, DAY, DAY, "Community hall, 2nd floor", "https://openjdk.org/"));
    for (SampleTalk t : TALKS) {
      notebook
          .talks()
          .create(
              event.id(),
              new Talk.Details(
                  t.title(),
                  List.of(t.speaker()),
                  LocalDateTime.of(DAY, java.time.LocalTime.of(t.hour(), t.minute())),
                  t.room(),
                  null,
                  null,
                  t.tags()),
              Resources.text(SampleMeetup.class, t.file()));
    }
    return event;
  }

  /** The number of talks the sample adds. */
  public static int talkCount() {
    return TALKS.size();
  }
}
