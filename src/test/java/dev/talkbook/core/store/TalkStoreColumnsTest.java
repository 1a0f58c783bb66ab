package dev.talkbook.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Programme;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.notebook.TalkHeader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The talks' columns are read by number ({@link TalkStore}'s SELECT): each field of a talk and of
 * its header holds its own column's value, all of them different here, so a wrong number shows.
 */
class TalkStoreColumnsTest {
  @TempDir Path dir;

  @Test
  void everyColumnIsReadIntoItsField() {
    // moved only when told, so a talk's creation and last save differ
    TestClock clock = new TestClock(Instant.ofEpochMilli(1_700_000_000_000L));
    try (Notebook notebook =
        Notebook.open(dir.resolve("n.talkbook"), Notebook.Options.defaults().withClock(clock))) {
      notebook.events().create(Event.Details.titled("First"));
      Event event = notebook.events().create(Event.Details.titled("Second"));
      for (int i = 0; i < 3; i++) {
        notebook.talks().create(event.id(), Talk.Details.titled("Filler " + i), "");
      }
      Talk.Details details =
          new Talk.Details(
              "The title",
              List.of("Ann Speaker"),
              LocalDateTime.of(2026, 10, 5, 14, 30),
              "Room 8",
              "https://slides.example/deck",
              "https://video.example/watch",
              List.of("java"));
      Programme programme =
          new Programme(
              "The abstract",
              "The subtitle",
              Duration.ofMinutes(45),
              "en",
              "The track",
              "uid-42",
              "https://programme.example/schedule.xml",
              Instant.ofEpochMilli(1_234_567L));
      Talk created = notebook.talks().create(event.id(), details, "", programme);
      clock.advance(Duration.ofSeconds(1));
      notebook.talks().saveBody(created.id(), "seven b");
      notebook.talks().star(created.id(), true);

      Talk talk = notebook.talks().get(created.id());
      assertThat(
              List.of(
                  talk.id(),
                  talk.eventId(),
                  (long) talk.position(),
                  talk.createdAt().toEpochMilli(),
                  talk.updatedAt().toEpochMilli()))
          .containsExactly(4L, 2L, 3L, 1_700_000_000_000L, 1_700_000_001_000L);
      assertThat(talk.details()).isEqualTo(details);
      assertThat(talk.programme()).isEqualTo(programme);
      assertThat(talk.body()).isEqualTo("seven b");
      assertThat(talk.starred()).isTrue();
      assertThat(notebook.talks().list(event.id())).contains(talk);

      TalkHeader header =
          notebook.talks().headers().stream().filter(h -> h.id() == talk.id()).findFirst().get();
      assertThat(header)
          .isEqualTo(
              new TalkHeader(4, 2, 3, details, talk.updatedAt(), programme, "seven b".length()));
    }
  }

  @Test
  void aTalkWithAnyOneOfTheProgrammesDetailsHasIt() {
    Instant removed = Instant.ofEpochMilli(1_234_567L);
    List<Programme> programmes =
        List.of(
            Programme.NONE,
            new Programme("An abstract", null, null, null, null, null, null, null),
            new Programme("", "A subtitle", null, null, null, null, null, null),
            new Programme("", null, Duration.ofMinutes(30), null, null, null, null, null),
            new Programme("", null, null, "de", null, null, null, null),
            new Programme("", null, null, null, "A track", null, null, null),
            new Programme("", null, null, null, null, "uid-7", null, null),
            new Programme("", null, null, null, null, null, "https://p.example/x.xml", null),
            new Programme("", null, null, null, null, null, null, removed));
    try (Notebook notebook = Notebook.open(dir.resolve("n.talkbook"))) {
      Event event = notebook.events().create(Event.Details.titled("Event"));
      for (Programme p : programmes) {
        Talk t = notebook.talks().create(event.id(), Talk.Details.titled("Talk"), "", p);
        assertThat(notebook.talks().get(t.id()).programme()).isEqualTo(p);
      }
      assertThat(notebook.talks().headers().stream().map(TalkHeader::programme).toList())
          .isEqualTo(programmes);
      assertThat(notebook.talks().list(event.id()).stream().map(Talk::programme).toList())
          .isEqualTo(programmes);
    }
  }
}
