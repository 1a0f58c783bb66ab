package dev.talkbook.core.site;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the export's workers get the notes of the talks whose pages they make. */
class SiteExportNotesTest {
  private static final long EVENT = 7;
  private static final int TALKS = 10;

  private final ExecutorService workers = Executors.newFixedThreadPool(2);
  private final CountDownLatch readingEvent = new CountDownLatch(1);
  private final CountDownLatch eventRead = new CountDownLatch(1);
  private final List<Long> readAlone = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    eventRead.countDown();
    workers.shutdownNow();
  }

  /** Notes whose event read holds until {@link #eventRead} is counted down. */
  private SiteExporter.Notes notes() {
    Map<Long, String> event = new HashMap<>();
    for (long talk = 1; talk <= TALKS; talk++) {
      event.put(talk, "notes " + talk);
    }
    SiteExporter.Notes notes =
        new SiteExporter.Notes(
            id -> {
              readingEvent.countDown();
              try {
                assertThat(eventRead.await(30, SECONDS)).isTrue();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
              return event;
            },
            talk -> {
              readAlone.add(talk);
              return "notes " + talk;
            });
    for (int i = 0; i < TALKS; i++) {
      notes.willRead(EVENT, TALKS);
    }
    return notes;
  }

  @Test
  void aWorkerDoesNotWaitWhileAnotherReadsTheEventsNotes() throws Exception {
    SiteExporter.Notes notes = notes();
    Future<String> first = workers.submit(() -> notes.of(EVENT, 1));
    assertThat(readingEvent.await(30, SECONDS)).isTrue();

    // The first worker is reading the event's notes; the second wants another talk of the event.
    Future<String> second = workers.submit(() -> notes.of(EVENT, 2));

    assertThat(second.get(5, SECONDS)).isEqualTo("notes 2");
    eventRead.countDown();
    assertThat(first.get(30, SECONDS)).isEqualTo("notes 1");
    assertThat(notes.of(EVENT, 3)).isEqualTo("notes 3");
    assertThat(readAlone).containsExactly(2L);
    assertThat(notes.read()).isEqualTo(TALKS);
  }

  @Test
  void eachTalkOfAnEventReadTogetherComesFromThatOneRead() {
    SiteExporter.Notes notes = notes();
    eventRead.countDown();

    for (long talk = 1; talk <= TALKS; talk++) {
      assertThat(notes.of(EVENT, talk)).isEqualTo("notes " + talk);
    }
    // asked for again (the feed's summary): read alone, the event's notes being let go as used
    assertThat(notes.of(EVENT, 4)).isEqualTo("notes 4");
    assertThat(readAlone).containsExactly(4L);
    assertThat(notes.read()).isEqualTo(TALKS);
  }
}
