package dev.talkbook.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.NotFoundException;
import dev.talkbook.core.notebook.NotebookException;
import dev.talkbook.core.notebook.TagCount;
import dev.talkbook.core.notebook.TagRename;
import dev.talkbook.core.notebook.Talk;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Events and talks: create, read, update, order, move, delete. */
class TalkStoreTest {
  @TempDir Path dir;
  private Notebook notebook;
  private Event devoxx;
  private Event meetup;

  @BeforeEach
  void setUp() {
    notebook = Notebook.open(dir.resolve("n.talkbook"));
    devoxx =
        notebook
            .events()
            .create(
                new Event.Details(
                    "Devoxx",
                    LocalDate.of(2026, 10, 5),
                    LocalDate.of(2026, 10, 9),
                    "Antwerp",
                    "https://devoxx.be"));
    meetup = notebook.events().create(Event.Details.titled("JUG meetup"));
  }

  @AfterEach
  void tearDown() {
    notebook.close();
  }

  private Talk add(Event event, String title) {
    return notebook.talks().create(event.id(), Talk.Details.titled(title), "");
  }

  private List<String> titles(Event event) {
    return notebook.talks().list(event.id()).stream().map(Talk::title).toList();
  }

  @Test
  void notesAreTheNotesOfTheEventsTalksByTalk() {
    Talk first = notebook.talks().create(devoxx.id(), Talk.Details.titled("First"), "# One\n");
    Talk second = notebook.talks().create(devoxx.id(), Talk.Details.titled("Second"), "");
    notebook.talks().create(meetup.id(), Talk.Details.titled("Elsewhere"), "not these");
    notebook.talks().saveBody(second.id(), "Two, saved later.\n");

    assertThat(notebook.talks().notes(devoxx.id()))
        .containsOnly(
            java.util.Map.entry(first.id(), "# One\n"),
            java.util.Map.entry(second.id(), "Two, saved later.\n"));
    assertThat(notebook.talks().notes(-1)).isEmpty();
  }

  @Test
  void theSummariesCarryEachTalksTimeAndRoom() {
    notebook
        .talks()
        .create(
            devoxx.id(),
            new Talk.Details(
                "Loom",
                List.of("Ron"),
                LocalDateTime.of(2026, 10, 6, 9, 30),
                "Room 8",
                null,
                null,
                List.of()),
            "");
    add(devoxx, "Untimed");

    assertThat(notebook.talks().summaries())
        .extracting(s -> s.title() + " " + s.startsAt() + " " + s.room())
        .containsExactly("Loom 2026-10-06T09:30 Room 8", "Untimed null null");
  }

  @Test
  void aTalkKeepsEveryDetail() {
    Talk.Details details =
        new Talk.Details(
            "Virtual threads",
            List.of("Ron Pressler", "Alan Bateman"),
            LocalDateTime.of(2026, 10, 6, 14, 30),
            "Room 8",
            "https://example.org/slides",
            "https://example.org/video",
            List.of("java", "Loom"));
    Talk created = notebook.talks().create(devoxx.id(), details, "# Notes\n- one\n");

    Talk read = notebook.talks().get(created.id());
    assertThat(read.details()).isEqualTo(details);
    assertThat(read.body()).isEqualTo("# Notes\n- one\n");
    assertThat(read.eventId()).isEqualTo(devoxx.id());
    assertThat(read.position()).isZero();
  }

  @Test
  void eventsAreListedNewestFirstWithUndatedOnesLast() {
    notebook
        .events()
        .create(new Event.Details("Older", LocalDate.of(2025, 1, 1), null, null, null));
    assertThat(notebook.events().list())
        .extracting(Event::title)
        .containsExactly("Devoxx", "Older", "JUG meetup");
  }

  @Test
  void talksAreAddedAtTheEndOfTheirEvent() {
    add(devoxx, "A");
    add(devoxx, "B");
    add(devoxx, "C");
    assertThat(titles(devoxx)).containsExactly("A", "B", "C");
  }

  @Test
  void renamingATalkOrAnEventKeepsEverythingElse() {
    Talk a =
        notebook
            .talks()
            .create(devoxx.id(), Talk.Details.titled("Draft").withTags(List.of("x")), "body");
    notebook.talks().rename(a.id(), "Final title");
    notebook.events().rename(devoxx.id(), "Devoxx Belgium");

    Talk renamed = notebook.talks().get(a.id());
    assertThat(renamed.title()).isEqualTo("Final title");
    assertThat(renamed.tags()).containsExactly("x");
    assertThat(renamed.body()).isEqualTo("body");
    assertThat(notebook.events().get(devoxx.id()).location()).isEqualTo("Antwerp");
  }

  @Test
  void reordersWithinAnEvent() {
    Talk a = add(devoxx, "A");
    add(devoxx, "B");
    add(devoxx, "C");
    notebook.talks().move(a.id(), devoxx.id(), 2);
    assertThat(titles(devoxx)).containsExactly("B", "C", "A");
    notebook.talks().move(a.id(), devoxx.id(), 0);
    assertThat(titles(devoxx)).containsExactly("A", "B", "C");
  }

  /** [a, a, b] for [a, b, c] passed: c kept its old place, which clashed with another talk's. */
  @Test
  void aReorderThatRepeatsATalkIsRefusedAndChangesNothing() {
    Talk a = add(devoxx, "A");
    Talk b = add(devoxx, "B");
    Talk c = add(devoxx, "C");

    assertThatThrownBy(() -> notebook.talks().reorder(devoxx.id(), List.of(a.id(), a.id(), b.id())))
        .hasMessageContaining("the order given is not the event's talks");
    assertThat(titles(devoxx)).containsExactly("A", "B", "C");

    notebook.talks().reorder(devoxx.id(), List.of(c.id(), a.id(), b.id()));
    assertThat(titles(devoxx)).containsExactly("C", "A", "B");
  }

  @Test
  void movesATalkToAnotherEventAtAPosition() {
    Talk a = add(devoxx, "A");
    add(devoxx, "B");
    add(meetup, "X");
    add(meetup, "Y");
    Talk moved = notebook.talks().move(a.id(), meetup.id(), 1);
    assertThat(titles(devoxx)).containsExactly("B");
    assertThat(titles(meetup)).containsExactly("X", "A", "Y");
    assertThat(moved.eventId()).isEqualTo(meetup.id());
    assertThat(notebook.talks().list(devoxx.id()).get(0).position()).isZero();
  }

  @Test
  void aPositionPastTheEndMeansLast() {
    Talk a = add(devoxx, "A");
    add(devoxx, "B");
    notebook.talks().move(a.id(), devoxx.id(), 99);
    assertThat(titles(devoxx)).containsExactly("B", "A");
  }

  @Test
  void deletingATalkClosesTheGapAndDropsUnusedTags() {
    add(devoxx, "A");
    Talk b =
        notebook
            .talks()
            .create(
                devoxx.id(), Talk.Details.titled("B").withTags(List.of("only-b", "shared")), "");
    notebook.talks().create(devoxx.id(), Talk.Details.titled("C").withTags(List.of("shared")), "");
    notebook.talks().delete(b.id());
    assertThat(titles(devoxx)).containsExactly("A", "C");
    assertThat(notebook.talks().list(devoxx.id())).extracting(Talk::position).containsExactly(0, 1);
    assertThat(notebook.talks().tags()).extracting(TagCount::name).containsExactly("shared");
  }

  @Test
  void theIdOfADeletedTalkIsNeverGivenAgain() {
    add(devoxx, "A");
    Talk newest = add(devoxx, "Newest");
    notebook.talks().saveBody(newest.id(), "newest notes");
    notebook.talks().leave(newest.id());
    var deleted = notebook.talks().delete(newest.id());

    Talk next = add(devoxx, "Next");
    notebook.talks().saveBody(next.id(), "next notes");
    notebook.talks().leave(next.id());

    assertThat(next.id()).isGreaterThan(newest.id());
    // Undo of the delete brings back that talk with its history, beside the new one.
    notebook.talks().undelete(deleted);
    assertThat(notebook.talks().get(newest.id()).title()).isEqualTo("Newest");
    assertThat(notebook.revisions().list(newest.id()))
        .extracting(r -> r.body())
        .containsExactly("newest notes");
    assertThat(notebook.talks().get(next.id()).title()).isEqualTo("Next");
    assertThat(notebook.revisions().list(next.id()))
        .extracting(r -> r.body())
        .containsExactly("next notes");
  }

  @Test
  void theIdOfADeletedEventIsNeverGivenAgain() {
    notebook.events().delete(meetup.id());
    Event next = notebook.events().create(Event.Details.titled("Next meetup"));
    assertThat(next.id()).isGreaterThan(meetup.id());
  }

  @Test
  void deletingAnEventDeletesItsTalks() {
    Talk a = add(devoxx, "A");
    notebook.events().delete(devoxx.id());
    assertThat(notebook.talks().find(a.id())).isEmpty();
    assertThat(notebook.events().list()).extracting(Event::title).containsExactly("JUG meetup");
  }

  @Test
  void tagsAreCountedAndMatchedWithoutCase() {
    notebook
        .talks()
        .create(devoxx.id(), Talk.Details.titled("A").withTags(List.of("Java", "#loom")), "");
    notebook.talks().create(devoxx.id(), Talk.Details.titled("B").withTags(List.of("java")), "");
    assertThat(notebook.talks().tags())
        .containsExactly(new TagCount("Java", 2), new TagCount("loom", 1));
  }

  @Test
  void tagsThatDifferOnlyInCaseAreOneTagInEveryScript() {
    // SQLite's NOCASE folds only ASCII: these were two tags each in the notebook, one on the site
    Talk a =
        notebook
            .talks()
            .create(
                devoxx.id(),
                Talk.Details.titled("A").withTags(List.of("Café crème", "Straße", "Äpfel")),
                "");
    Talk b =
        notebook
            .talks()
            .create(
                devoxx.id(),
                Talk.Details.titled("B").withTags(List.of("CAFÉ CRÈME", "STRASSE")),
                "");
    // A's own tag "Äpfel" given as "äpfel": respelled so on every talk (below)
    notebook.talks().update(a.id(), a.details().withTags(List.of("Café crème", "äpfel")));
    notebook
        .talks()
        .createAll(
            List.of(
                new TalkStore.NewTalk(
                    meetup.id(),
                    Talk.Details.titled("C").withTags(List.of("ÄPFEL", "straße")),
                    "",
                    dev.talkbook.core.notebook.Programme.NONE)));

    assertThat(notebook.talks().get(b.id()).details().tags())
        .containsExactly("Café crème", "Straße");
    assertThat(notebook.talks().findByTitle("C").get(0).details().tags())
        .containsExactly("äpfel", "Straße");
    assertThat(notebook.talks().tags())
        .containsExactlyInAnyOrder(
            new TagCount("Café crème", 2), new TagCount("Straße", 2), new TagCount("äpfel", 2));
  }

  @Test
  void aTagATalkHasGivenInAnotherCaseIsRespelledOnEveryTalk() {
    Talk a =
        notebook
            .talks()
            .create(devoxx.id(), Talk.Details.titled("A").withTags(List.of("kotlin", "java")), "");
    Talk b =
        notebook
            .talks()
            .create(meetup.id(), Talk.Details.titled("B").withTags(List.of("kotlin")), "");

    Talk saved = notebook.talks().update(a.id(), a.details().withTags(List.of("Kotlin", "java")));

    assertThat(saved.details().tags()).containsExactly("Kotlin", "java");
    assertThat(notebook.talks().get(b.id()).details().tags()).containsExactly("Kotlin");
    assertThat(notebook.talks().tags())
        .containsExactly(new TagCount("Kotlin", 2), new TagCount("java", 1));
    // found by the search under its new spelling too (the index follows the talks' tags)
    assertThat(notebook.search().search("tag:Kotlin", 10)).hasSize(2);
    // a talk adding the tag, in yet another case, takes the notebook's spelling
    Talk c =
        notebook
            .talks()
            .create(meetup.id(), Talk.Details.titled("C").withTags(List.of("KOTLIN")), "");
    assertThat(c.details().tags()).containsExactly("Kotlin");
  }

  private Talk tagged(Event event, String title, String... tags) {
    return notebook
        .talks()
        .create(event.id(), Talk.Details.titled(title).withTags(List.of(tags)), "");
  }

  private List<String> tagsOf(Talk talk) {
    return notebook.talks().get(talk.id()).details().tags();
  }

  @Test
  void aTagRenamedIsRenamedOnEveryTalkThatCarriesItAndTheUndoPutsItBack() {
    Talk a = tagged(devoxx, "A", "gc", "java");
    Talk b = tagged(meetup, "B", "GC"); // the notebook's spelling: "gc"
    Talk c = tagged(meetup, "C", "java");

    TagRename done = notebook.talks().renameTag("Gc", "memory");

    assertThat(done.talks()).isEqualTo(2);
    assertThat(done.merged()).isFalse();
    assertThat(done.message()).isEqualTo("Renamed the tag “gc” to “memory” on 2 talks.");
    assertThat(tagsOf(a)).containsExactly("memory", "java");
    assertThat(tagsOf(b)).containsExactly("memory");
    assertThat(tagsOf(c)).containsExactly("java");
    assertThat(notebook.talks().tags())
        .containsExactly(new TagCount("java", 2), new TagCount("memory", 2));
    assertThat(notebook.search().search("tag:memory", 10)).hasSize(2);

    notebook.talks().undo(done);

    assertThat(tagsOf(a)).containsExactly("gc", "java");
    assertThat(tagsOf(b)).containsExactly("gc");
    assertThat(notebook.talks().tags())
        .containsExactly(new TagCount("gc", 2), new TagCount("java", 2));
  }

  @Test
  void aTagRenamedOntoAnotherMergesThemInThatTagsSpellingAndTheUndoSeparatesThem() {
    Talk a = tagged(devoxx, "A", "jvm", "Java");
    Talk b = tagged(meetup, "B", "jvm");
    Talk c = tagged(meetup, "C", "Java");

    TagRename done = notebook.talks().renameTag("jvm", "java");

    assertThat(done.merged()).isTrue();
    assertThat(done.message()).isEqualTo("Merged the tag “jvm” into “Java” on 2 talks.");
    assertThat(tagsOf(a)).containsExactly("Java"); // had both: has the one once
    assertThat(tagsOf(b)).containsExactly("Java");
    assertThat(notebook.talks().tags()).containsExactly(new TagCount("Java", 3));

    notebook.talks().undo(done);

    assertThat(tagsOf(a)).containsExactly("jvm", "Java");
    assertThat(tagsOf(b)).containsExactly("jvm");
    assertThat(tagsOf(c)).containsExactly("Java");
  }

  @Test
  void aTagRenamedInCaseOnlyIsRespelledOnEveryTalkAndBackByItsUndo() {
    Talk a = tagged(devoxx, "A", "kotlin");
    Talk b = tagged(meetup, "B", "kotlin", "java");

    TagRename done = notebook.talks().renameTag("kotlin", "Kotlin");

    assertThat(done.merged()).isFalse();
    assertThat(tagsOf(a)).containsExactly("Kotlin");
    assertThat(tagsOf(b)).containsExactly("Kotlin", "java");
    assertThat(notebook.talks().tags())
        .extracting(TagCount::name)
        .containsExactly("Kotlin", "java");

    notebook.talks().undo(done);

    assertThat(tagsOf(b)).containsExactly("kotlin", "java");
    assertThat(notebook.talks().tags())
        .extracting(TagCount::name)
        .containsExactly("kotlin", "java");
  }

  private void retag(Talk talk, String... tags) {
    Talk now = notebook.talks().get(talk.id());
    notebook.talks().update(talk.id(), now.details().withTags(List.of(tags)));
  }

  /** Each talk's tags, as its details say, agree with the notebook's tag list. */
  private void assertTagsAgree(Talk... talks) {
    java.util.Map<String, Integer> counted = new java.util.TreeMap<>();
    for (Talk t : talks) {
      for (String tag : tagsOf(t)) {
        counted.merge(tag, 1, Integer::sum);
      }
    }
    java.util.Map<String, Integer> listed = new java.util.TreeMap<>();
    notebook.talks().tags().forEach(tc -> listed.put(tc.name(), tc.talks()));
    assertThat(listed).isEqualTo(counted);
  }

  @Test
  void theUndoOfATagRenameKeepsTagsEditedSinceAndGivesBackOnlyTheRenamedOne() {
    Talk a = tagged(devoxx, "A", "gc", "java");
    Talk b = tagged(meetup, "B", "gc");
    Talk c = tagged(meetup, "C", "java");

    TagRename done = notebook.talks().renameTag("gc", "memory");
    retag(a, "memory", "java", "jvm"); // added after the rename
    retag(b, "perf"); // the renamed tag taken off since

    notebook.talks().undo(done);

    assertThat(tagsOf(a)).containsExactly("gc", "java", "jvm");
    assertThat(tagsOf(b)).containsExactly("perf");
    assertThat(tagsOf(c)).containsExactly("java");
    assertTagsAgree(a, b, c);
  }

  @Test
  void theUndoOfACaseOnlyRenameRespellsTheTagOnTalksThatGotItSince() {
    Talk a = tagged(devoxx, "A", "gc");
    Talk b = tagged(meetup, "B", "java");

    TagRename done = notebook.talks().renameTag("gc", "GC");
    retag(b, "java", "GC"); // the new spelling given to another talk
    Talk c = tagged(meetup, "C", "GC");

    notebook.talks().undo(done);

    assertThat(tagsOf(a)).containsExactly("gc");
    assertThat(tagsOf(b)).containsExactly("java", "gc");
    assertThat(tagsOf(c)).containsExactly("gc");
    assertTagsAgree(a, b, c);
  }

  @Test
  void aTagRenameThatCannotBeDoneSaysWhy() {
    tagged(devoxx, "A", "kotlin");

    assertThatThrownBy(() -> notebook.talks().renameTag("scala", "jvm"))
        .isInstanceOf(NotebookException.class)
        .hasMessage("No talk has the tag \"scala\"."); // the window's words: no command in them
    assertThatThrownBy(() -> notebook.talks().renameTag(null, "jvm"))
        .isInstanceOf(NotebookException.class)
        .hasMessage("No talk has the tag \"\".");
    assertThatThrownBy(() -> notebook.talks().renameTag("kotlin", "  "))
        .isInstanceOf(NotebookException.class)
        .hasMessageContaining("A tag needs a name");
    assertThatThrownBy(() -> notebook.talks().renameTag("KOTLIN", "kotlin"))
        .isInstanceOf(NotebookException.class)
        .hasMessageContaining("called \"kotlin\" already");
    assertThatThrownBy(() -> notebook.talks().renameTag("kotlin", "a,b"))
        .isInstanceOf(NotebookException.class)
        .hasMessageContaining("comma");
  }

  @Test
  void aTagInTwoRowsRespelledIsOneRowAfterwards() throws Exception {
    Talk a =
        notebook
            .talks()
            .create(devoxx.id(), Talk.Details.titled("A").withTags(List.of("Café crème")), "");
    Talk b = add(devoxx, "B");
    notebook.close();
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("n.talkbook"));
        java.sql.Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO tag (name) VALUES ('CAFÉ CRÈME')");
      s.executeUpdate("UPDATE talk SET tags = 'CAFÉ CRÈME' WHERE id = " + b.id());
      s.executeUpdate(
          "INSERT INTO talk_tag (talk_id, tag_id, position) SELECT "
              + b.id()
              + ", id, 0 FROM tag WHERE name = 'CAFÉ CRÈME'");
    }
    notebook = Notebook.open(dir.resolve("n.talkbook"));

    notebook.talks().update(a.id(), a.details().withTags(List.of("Café Crème")));

    assertThat(notebook.talks().tags()).containsExactly(new TagCount("Café Crème", 2));
    assertThat(notebook.talks().get(b.id()).details().tags()).containsExactly("Café Crème");
  }

  @Test
  void aTagANotebookHoldsInTwoSpellingsIsListedAndAddedToAsOne() throws Exception {
    Talk a =
        notebook
            .talks()
            .create(devoxx.id(), Talk.Details.titled("A").withTags(List.of("Café crème")), "");
    Talk b = add(devoxx, "B");
    notebook.close();
    // as a Talkbook that compared tags with NOCASE left it: the tag in two rows
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("n.talkbook"));
        java.sql.Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO tag (name) VALUES ('CAFÉ CRÈME')");
      s.executeUpdate("UPDATE talk SET tags = 'CAFÉ CRÈME' WHERE id = " + b.id());
      s.executeUpdate(
          "INSERT INTO talk_tag (talk_id, tag_id, position) SELECT "
              + b.id()
              + ", id, 0 FROM tag WHERE name = 'CAFÉ CRÈME'");
    }
    notebook = Notebook.open(dir.resolve("n.talkbook"));

    assertThat(notebook.talks().tags()).containsExactly(new TagCount("CAFÉ CRÈME", 2));
    Talk c =
        notebook
            .talks()
            .create(devoxx.id(), Talk.Details.titled("C").withTags(List.of("café crème")), "");
    assertThat(c.details().tags()).containsExactly("CAFÉ CRÈME");
    assertThat(notebook.talks().tags()).containsExactly(new TagCount("CAFÉ CRÈME", 3));
    assertThat(notebook.talks().get(a.id()).details().tags()).containsExactly("Café crème");
  }

  @Test
  void findsTalksByPartOfTheirTitlePreferringAnExactMatch() {
    add(devoxx, "Loom");
    add(devoxx, "Loom in practice");
    assertThat(notebook.talks().findByTitle("loom"))
        .extracting(Talk::title)
        .containsExactly("Loom");
    assertThat(notebook.talks().findByTitle("PRACTICE"))
        .extracting(Talk::title)
        .containsExactly("Loom in practice");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "two\nlines"})
  void refusesABadTitleWithAMessage(String title) {
    assertThatThrownBy(() -> Talk.Details.titled(title))
        .isInstanceOf(NotebookException.class)
        .hasMessageContaining("title");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"javascript:alert(1)", "file:///etc/passwd", "not a url", "ftp://x.org/a"})
  void refusesLinksThatAreNotWebAddresses(String url) {
    assertThatThrownBy(() -> new Talk.Details("T", List.of(), null, null, url, null, List.of()))
        .isInstanceOf(NotebookException.class)
        .hasMessageContaining("Slides URL")
        .hasMessageContaining("http");
  }

  @Test
  void refusesAnEventThatEndsBeforeItStarts() {
    assertThatThrownBy(
            () ->
                new Event.Details(
                    "E", LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 1), null, null))
        .hasMessageContaining("ends")
        .hasMessageContaining("before it starts");
  }

  @Test
  void unknownIdsAreNamedInTheMessage() {
    assertThatThrownBy(() -> notebook.talks().get(4242))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("4242");
    assertThatThrownBy(() -> add(new Event(777, "gone", null, null, null, null), "T"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("777");
    assertThatThrownBy(() -> notebook.talks().move(4242, devoxx.id(), 0))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aFailedTransactionLeavesNothingBehind() {
    assertThatThrownBy(
            () ->
                notebook.inTransaction(
                    () -> {
                      add(devoxx, "half-done");
                      throw new NotebookException("import failed halfway");
                    }))
        .hasMessage("import failed halfway");
    assertThat(titles(devoxx)).isEmpty();
  }

  @Test
  void undoingAnEventsDeletionBringsBackItAndItsTalks() {
    Talk a =
        notebook
            .talks()
            .create(devoxx.id(), Talk.Details.titled("A").withTags(List.of("loom")), "alpha notes");
    add(devoxx, "B");
    notebook.talks().saveBody(a.id(), "alpha notes, more");
    notebook.talks().leave(a.id());
    Talk aBefore = notebook.talks().get(a.id());

    var deleted = notebook.events().delete(devoxx.id());
    assertThat(notebook.events().find(devoxx.id())).isEmpty();
    assertThat(notebook.search().search("alpha", 5)).isEmpty();

    notebook.events().undelete(deleted);

    assertThat(notebook.events().get(devoxx.id())).isEqualTo(devoxx);
    assertThat(titles(devoxx)).containsExactly("A", "B");
    assertThat(notebook.talks().get(a.id())).isEqualTo(aBefore);
    assertThat(notebook.revisions().list(a.id())).isNotEmpty();
    assertThat(notebook.search().search("alpha tag:loom event:devoxx", 5)).hasSize(1);
  }
}
