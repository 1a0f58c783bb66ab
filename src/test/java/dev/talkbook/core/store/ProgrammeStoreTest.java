package dev.talkbook.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.talkbook.core.notebook.DeletedTalk;
import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.NotebookException;
import dev.talkbook.core.notebook.Programme;
import dev.talkbook.core.notebook.Talk;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a programme says about a talk, the star, the event's time zone: stored and kept. */
class ProgrammeStoreTest {
  @TempDir Path dir;
  private Notebook notebook;
  private Event camp;

  private static final Programme PROGRAMME =
      new Programme(
          "Why **rust** on microcontrollers.",
          "A subtitle",
          Duration.ofMinutes(45),
          "en",
          "Embedded",
          "9f1c2d3e-0000-4000-8000-000000000001",
          "frab-xml:camp",
          null);

  @BeforeEach
  void setUp() {
    notebook = Notebook.open(dir.resolve("n.talkbook"));
    camp = notebook.events().create(Event.Details.titled("Camp"));
  }

  @AfterEach
  void tearDown() {
    notebook.close();
  }

  private Talk scheduled(String title, LocalDateTime at) {
    Talk.Details d =
        new Talk.Details(title, List.of("Ada"), at, "Saal 1", null, null, List.of("Embedded"));
    return notebook.talks().create(camp.id(), d, "", PROGRAMME);
  }

  @Test
  void aTalkKeepsItsProgrammeApartFromTheNotes() {
    Talk talk = scheduled("Rust", LocalDateTime.of(2026, 8, 21, 14, 0));
    notebook.talks().saveBody(talk.id(), "my notes");

    Talk read = notebook.talks().get(talk.id());
    assertThat(read.programme()).isEqualTo(PROGRAMME);
    assertThat(read.body()).isEqualTo("my notes");
    assertThat(read.starred()).isFalse();
  }

  @Test
  void editingTheDetailsKeepsTheProgrammeAndTheStar() {
    Talk talk = scheduled("Rust", null);
    notebook.talks().star(talk.id(), true);

    notebook.talks().update(talk.id(), talk.details().withTitle("Rust, renamed"));

    Talk read = notebook.talks().get(talk.id());
    assertThat(read.programme()).isEqualTo(PROGRAMME);
    assertThat(read.starred()).isTrue();
    assertThat(read.title()).isEqualTo("Rust, renamed");
  }

  @Test
  void aStarIsSetAndTakenAwayWithoutTouchingTheTalk() {
    Talk talk = scheduled("Rust", null);
    Talk starred = notebook.talks().star(talk.id(), true);
    assertThat(starred.starred()).isTrue();
    assertThat(starred.updatedAt()).isEqualTo(talk.updatedAt());
    assertThat(notebook.talks().starred()).extracting(Talk::id).containsExactly(talk.id());
    assertThat(notebook.talks().summaries().get(0).starred()).isTrue();

    assertThat(notebook.talks().star(talk.id(), false).starred()).isFalse();
    assertThat(notebook.talks().starred()).isEmpty();
    assertThatThrownBy(() -> notebook.talks().star(9999, true))
        .isInstanceOf(NotebookException.class)
        .hasMessageContaining("no talk with id 9999");
  }

  @Test
  void aTalkIsUntouchedUntilTheAttendeeDoesSomethingWithIt() {
    Talk talk = scheduled("Rust", null);
    assertThat(notebook.talks().untouched(talk.id())).isTrue();
    notebook.talks().star(talk.id(), true);
    assertThat(notebook.talks().untouched(talk.id())).isFalse();
    notebook.talks().star(talk.id(), false);
    notebook.talks().saveBody(talk.id(), "notes");
    assertThat(notebook.talks().untouched(talk.id())).isFalse();
  }

  @Test
  void theTimetableListsTalksWithATimeInOrder() {
    Talk late = scheduled("Late", LocalDateTime.of(2026, 8, 21, 16, 0));
    scheduled("No time", null);
    Talk early = scheduled("Early", LocalDateTime.of(2026, 8, 21, 9, 30));
    notebook
        .talks()
        .update(late.id(), late.details(), PROGRAMME.withRemovedAt(Instant.ofEpochMilli(5)));

    var entries = notebook.talks().timetable();
    assertThat(entries).extracting(e -> e.talkId()).containsExactly(early.id(), late.id());
    assertThat(entries.get(0).duration()).isEqualTo(Duration.ofMinutes(45));
    assertThat(entries.get(0).room()).isEqualTo("Saal 1");
    assertThat(entries.get(1).removed()).isTrue();
    assertThat(notebook.talks().summaries())
        .filteredOn(s -> s.id() == late.id())
        .singleElement()
        .satisfies(s -> assertThat(s.removed()).isTrue());
  }

  @Test
  void undoingADeletionBringsBackTheProgrammeAndTheStar() {
    Talk talk = scheduled("Rust", null);
    notebook.talks().star(talk.id(), true);
    DeletedTalk deleted = notebook.talks().delete(talk.id());

    Talk back = notebook.talks().undelete(deleted);
    assertThat(back.programme()).isEqualTo(PROGRAMME);
    assertThat(back.starred()).isTrue();
  }

  @Test
  void anEventKeepsItsTimeZone() {
    Event zoned = notebook.events().setTimeZone(camp.id(), "Europe/Berlin");
    assertThat(zoned.timeZone()).isEqualTo("Europe/Berlin");
    notebook
        .events()
        .update(camp.id(), new Event.Details("Camp 2026", null, null, "Mildenberg", null));
    assertThat(notebook.events().get(camp.id()).timeZone()).isEqualTo("Europe/Berlin");
    assertThat(notebook.events().setTimeZone(camp.id(), "+02:00").timeZone()).isEqualTo("+02:00");
    assertThat(notebook.events().setTimeZone(camp.id(), " ").timeZone()).isNull();
    assertThatThrownBy(() -> notebook.events().setTimeZone(camp.id(), "Mars/Olympus"))
        .isInstanceOf(NotebookException.class)
        .hasMessageContaining("Europe/Berlin");
  }

  @Test
  void manyTalksAreAddedInOrderWithTheNotebooksSpellingOfTags() {
    Talk first = scheduled("First", null); // tagged "Embedded"
    var ids =
        notebook
            .talks()
            .createAll(
                List.of(
                    new TalkStore.NewTalk(
                        camp.id(),
                        new Talk.Details(
                            "A", List.of(), null, null, null, null, List.of("embedded", "new")),
                        "",
                        PROGRAMME),
                    new TalkStore.NewTalk(
                        camp.id(), Talk.Details.titled("B"), "", Programme.NONE)));
    assertThat(notebook.talks().list(camp.id()))
        .extracting(Talk::id)
        .containsExactly(first.id(), ids.get(0), ids.get(1));
    Talk a = notebook.talks().get(ids.get(0));
    assertThat(a.tags()).containsExactly("Embedded", "new");
    assertThat(a.programme()).isEqualTo(PROGRAMME);
    assertThat(a.position()).isEqualTo(1);
    assertThat(notebook.talks().tags()).extracting(t -> t.name()).contains("Embedded", "new");
  }

  @Test
  void theAbstractIsSearched() {
    Talk talk = scheduled("Rust", null);
    assertThat(notebook.search().search("microcontrollers", 5))
        .singleElement()
        .satisfies(
            hit -> {
              assertThat(hit.talkId()).isEqualTo(talk.id());
              assertThat(hit.snippet().text()).contains("microcontrollers");
            });
    assertThat(notebook.search().search("abstract:microcontrollers", 5)).hasSize(1);
    assertThat(notebook.search().search("notes:microcontrollers", 5)).isEmpty();
  }
}
