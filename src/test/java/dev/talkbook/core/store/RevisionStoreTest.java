package dev.talkbook.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.NotFoundException;
import dev.talkbook.core.notebook.Revision;
import dev.talkbook.core.notebook.RevisionPolicy;
import dev.talkbook.core.notebook.Talk;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Autosave every second does not mean a revision every second; leaving and closing keep one. */
class RevisionStoreTest {
  @TempDir Path dir;
  private final TestClock clock = new TestClock(Instant.parse("2026-11-24T09:00:00Z"));
  private Notebook notebook;
  private long talk;

  private Notebook open() {
    return Notebook.open(
        dir.resolve("n.talkbook"),
        Notebook.Options.defaults()
            .withClock(clock)
            .withPolicy(new RevisionPolicy(Duration.ofMinutes(5), ZoneOffset.UTC)));
  }

  @BeforeEach
  void setUp() {
    notebook = open();
    long event = notebook.events().create(Event.Details.titled("JVM Evening")).id();
    talk = notebook.talks().create(event, Talk.Details.titled("Loom"), "").id();
  }

  @AfterEach
  void tearDown() {
    notebook.close();
  }

  private void typeFor(Duration duration, String prefix) {
    for (long s = 0; s < duration.toSeconds(); s++) {
      clock.advance(Duration.ofSeconds(1));
      notebook.talks().saveBody(talk, prefix + " " + s);
    }
  }

  private List<String> history() {
    return notebook.revisions().list(talk).stream().map(Revision::body).toList();
  }

  @Test
  void autosavingEverySecondKeepsARevisionEveryFiveMinutes() {
    typeFor(Duration.ofMinutes(12), "draft");
    // The first save after the empty text keeps nothing; then one revision per five minutes.
    assertThat(notebook.revisions().list(talk))
        .hasSize(3)
        .allSatisfy(r -> assertThat(r.reason()).isEqualTo(Revision.Reason.AUTOSAVE));
  }

  @Test
  void theNotesATalkWasAddedWithAreKeptAsAddedNotAsAnAutosave() {
    long event = notebook.events().create(Event.Details.titled("Sample")).id();
    long added = notebook.talks().create(event, Talk.Details.titled("Given"), "as given\n").id();
    clock.advance(Duration.ofMinutes(1));
    notebook.talks().saveBody(added, "edited\n");
    clock.advance(Duration.ofMinutes(6));
    notebook.talks().saveBody(added, "edited again\n");

    assertThat(notebook.revisions().list(added))
        .extracting(Revision::reason, Revision::body)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Revision.Reason.AUTOSAVE, "edited\n"),
            org.assertj.core.groups.Tuple.tuple(Revision.Reason.ADDED, "as given\n"));
  }

  @Test
  void savingTheSameTextWritesNothing() {
    assertThat(notebook.talks().saveBody(talk, "same")).isTrue();
    assertThat(notebook.talks().saveBody(talk, "same")).isFalse();
  }

  @Test
  void leavingATalkKeepsItsCurrentText() {
    notebook.talks().saveBody(talk, "first thoughts");
    notebook.talks().leave(talk);
    assertThat(history()).containsExactly("first thoughts");
    assertThat(notebook.revisions().list(talk).get(0).reason())
        .isEqualTo(Revision.Reason.CHECKPOINT);
  }

  @Test
  void leavingTwiceWithoutChangesKeepsOneRevision() {
    notebook.talks().saveBody(talk, "first thoughts");
    notebook.talks().leave(talk);
    notebook.talks().leave(talk);
    assertThat(history()).hasSize(1);
  }

  @Test
  void switchingTalksToAndFroKeepsOneRevisionAnIntervalAndCloseKeepsTheLastText() {
    // Six switches in one minute, with typing between them.
    for (int i = 0; i < 6; i++) {
      clock.advance(Duration.ofSeconds(10));
      notebook.talks().saveBody(talk, "switch " + i);
      notebook.talks().leave(talk);
    }
    assertThat(history()).containsExactly("switch 0");

    notebook.close();
    notebook = open();
    assertThat(history()).containsExactly("switch 5", "switch 0");

    clock.advance(Duration.ofMinutes(5));
    notebook.talks().saveBody(talk, "after a pause");
    notebook.talks().leave(talk);
    assertThat(history()).containsExactly("after a pause", "switch 5", "switch 0");
  }

  @Test
  void closingTheNotebookKeepsTheTextOfEveryChangedTalk() {
    notebook.talks().saveBody(talk, "unsaved at close");
    notebook.close();
    notebook = open();
    assertThat(history()).containsExactly("unsaved at close");
  }

  @Test
  void restoringBringsTheTextBackAndCanBeUndone() {
    notebook.talks().saveBody(talk, "version one");
    notebook.talks().leave(talk);
    clock.advance(Duration.ofMinutes(1));
    notebook.talks().saveBody(talk, "version two");
    notebook.talks().leave(talk);
    long one =
        notebook.revisions().list(talk).stream()
            .filter(r -> r.body().equals("version one"))
            .findFirst()
            .orElseThrow()
            .id();

    clock.advance(Duration.ofMinutes(1));
    Revision restored = notebook.revisions().restore(one);

    assertThat(notebook.talks().get(talk).body()).isEqualTo("version one");
    assertThat(restored.reason()).isEqualTo(Revision.Reason.RESTORED);
    assertThat(history()).containsSubsequence("version one", "version two", "version one");

    // Undo the restore: bring back the text it replaced.
    long two =
        notebook.revisions().list(talk).stream()
            .filter(r -> r.body().equals("version two"))
            .findFirst()
            .orElseThrow()
            .id();
    notebook.revisions().restore(two);
    assertThat(notebook.talks().get(talk).body()).isEqualTo("version two");
  }

  @Test
  void restoreKeepsUnsavedTextThatNoRevisionHasYet() {
    notebook.talks().saveBody(talk, "kept");
    notebook.talks().leave(talk);
    long kept = notebook.revisions().list(talk).get(0).id();
    notebook.talks().saveBody(talk, "typed since, never kept");

    notebook.revisions().restore(kept);

    assertThat(notebook.revisions().list(talk))
        .anySatisfy(
            r -> {
              assertThat(r.body()).isEqualTo("typed since, never kept");
              assertThat(r.reason()).isEqualTo(Revision.Reason.BEFORE_RESTORE);
            });
  }

  @Test
  void bringingBackKeptNotesKeepsTheTextTheyReplaceAndThemselves() {
    notebook.talks().saveBody(talk, "in the notebook, never kept");

    Revision back = notebook.revisions().bringBack(talk, "kept in a file\0 as it closed");

    assertThat(notebook.talks().get(talk).body()).isEqualTo("kept in a file as it closed");
    assertThat(back.reason()).isEqualTo(Revision.Reason.RESTORED);
    assertThat(notebook.revisions().list(talk))
        .extracting(Revision::reason, Revision::body)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Revision.Reason.RESTORED, "kept in a file as it closed"),
            org.assertj.core.groups.Tuple.tuple(
                Revision.Reason.BEFORE_RESTORE, "in the notebook, never kept"));
    assertThatThrownBy(() -> notebook.revisions().bringBack(talk + 99, "x"))
        .isInstanceOf(dev.talkbook.core.notebook.NotFoundException.class);
  }

  @Test
  void oldRevisionsAreThinnedWhenANewOneIsKept() {
    for (int day = 0; day < 30; day++) {
      for (int hour = 0; hour < 24; hour += 2) {
        notebook.talks().saveBody(talk, "day " + day + " hour " + hour);
        notebook.talks().leave(talk);
        clock.advance(Duration.ofHours(2));
      }
    }
    int kept = notebook.revisions().list(talk).size();
    // 30 days x 12 a day were kept along the way; thinning leaves 12 for the last day,
    // ~6 x 12 two-hourly for the rest of the week, and one a day before that.
    assertThat(kept).isBetween(12 + 6 * 12 + 20, 12 + 6 * 12 + 25);
  }

  @Test
  void deletingATalkDeletesItsRevisions() {
    notebook.talks().saveBody(talk, "text");
    notebook.talks().leave(talk);
    long revision = notebook.revisions().list(talk).get(0).id();
    notebook.talks().delete(talk);
    assertThat(notebook.revisions().find(revision)).isEmpty();
    assertThatThrownBy(() -> notebook.revisions().list(talk)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void restoringAnUnknownRevisionSaysSo() {
    assertThatThrownBy(() -> notebook.revisions().restore(999))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("999");
  }
}
