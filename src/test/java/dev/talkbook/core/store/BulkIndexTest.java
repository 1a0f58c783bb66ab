package dev.talkbook.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.talkbook.core.notebook.DeletedTalk;
import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Programme;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.search.SearchHit;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Notebook#inBulk}: the full-text index taken in one go finds what talk by talk would. */
class BulkIndexTest {
  @TempDir Path dir;
  private Notebook notebook;
  private Event event;

  @BeforeEach
  void open() {
    notebook = Notebook.open(dir.resolve("n.talkbook"));
    event = notebook.events().create(Event.Details.titled("Conference"));
  }

  @AfterEach
  void close() {
    notebook.close();
  }

  private List<String> found(String query) {
    return notebook.search().search(query, 100).stream().map(SearchHit::talkTitle).toList();
  }

  private Talk create(String title, String body, String abstractText) {
    return notebook
        .talks()
        .create(
            event.id(),
            new Talk.Details(title, List.of("Ada"), null, null, null, null, List.of("jvm")),
            body,
            new Programme(abstractText, null, null, null, null, null, null, null));
  }

  @Test
  void talksAddedInBulkAreFoundByEveryColumnAsTalksAddedOneByOne() {
    create("Before", "old notes about sqlite", "");
    notebook.inBulk(
        () -> {
          for (int i = 0; i < 50; i++) {
            create(
                "Bulk " + i, "notes about threads " + i, i == 7 ? "an abstract on gardening" : "");
          }
          // indexed at the end, in one go: not yet
          assertThat(found("threads")).isEmpty();
          return null;
        });
    create("After", "later notes about threads", "");

    assertThat(found("threads")).hasSize(51).contains("Bulk 0", "Bulk 49", "After");
    assertThat(found("gardening")).containsExactly("Bulk 7");
    assertThat(found("sqlite")).containsExactly("Before");
    assertThat(found("speaker:ada")).hasSize(52);
    assertThat(found("tag:jvm")).hasSize(52);
    assertThat(found("event:conference")).hasSize(52);
    assertThat(notebook.check()).isEmpty();
  }

  @Test
  void theIndexingTriggerIsBackAfterwardsAndAfterAFailure() {
    notebook.inBulk(() -> create("One", "alpha", ""));
    assertThatThrownBy(
            () ->
                notebook.inBulk(
                    () -> {
                      create("Two", "beta", "");
                      throw new IllegalStateException("stop");
                    }))
        .hasMessage("stop");

    create("Three", "gamma", "");
    assertThat(found("alpha")).containsExactly("One");
    assertThat(found("beta")).isEmpty();
    assertThat(found("gamma")).containsExactly("Three");
    assertThat(notebook.talks().list(event.id()))
        .extracting(Talk::title)
        .containsExactly("One", "Three");
  }

  @Test
  void editsDeletesUndeletesAndNestingInsideABulkAreIndexedAsTheyEnd() {
    Talk kept = create("Kept", "original words", "");
    Talk gone = create("Gone", "vanishing words", "");
    notebook.inBulk(
        () -> {
          Talk added = create("Added", "first draft", "");
          notebook.talks().saveBody(added.id(), "final draft");
          notebook.talks().saveBody(kept.id(), "edited words");
          DeletedTalk deleted = notebook.talks().delete(gone.id());
          notebook.talks().undelete(deleted);
          notebook.inBulk(() -> create("Nested", "inner words", ""));
          Talk removed = create("Removed", "ephemeral", "");
          notebook.talks().delete(removed.id());
          return null;
        });

    assertThat(found("final")).containsExactly("Added");
    assertThat(found("first")).isEmpty();
    assertThat(found("edited")).containsExactly("Kept");
    assertThat(found("original")).isEmpty();
    assertThat(found("vanishing")).containsExactly("Gone");
    assertThat(found("inner")).containsExactly("Nested");
    assertThat(found("ephemeral")).isEmpty();
  }

  @Test
  void theBulkStatementIsTheTriggersOwnInsert() {
    String trigger =
        "CREATE TRIGGER talk_search_insert AFTER INSERT ON talk BEGIN\n"
            + "  INSERT INTO talk_search (rowid, title, event)\n"
            + "  VALUES (new.id, new.title, (SELECT title FROM event WHERE id = new.event_id));\n"
            + "END";
    assertThat(BulkIndex.indexSql(trigger))
        .isEqualTo(
            "INSERT INTO talk_search (rowid, title, event) SELECT t.id, t.title, (SELECT title"
                + " FROM event WHERE id = t.event_id) FROM talk t WHERE NOT EXISTS (SELECT 1"
                + " FROM talk_search s WHERE s.rowid = t.id)");
    // another shape: left alone (talks are then indexed one by one, by the trigger)
    assertThat(BulkIndex.indexSql("CREATE TRIGGER x AFTER INSERT ON talk BEGIN SELECT 1; END"))
        .isNull();
  }

  @Test
  void createAllAddsTalksAsCreateDoesOneAfterAnother() {
    Event other = notebook.events().create(Event.Details.titled("Other"));
    create("First", "one", "");
    notebook
        .talks()
        .create(event.id(), Talk.Details.titled("Tagged").withTags(List.of("Java")), "");
    List<Long> ids =
        notebook.inBulk(
            () ->
                notebook
                    .talks()
                    .createAll(
                        List.of(
                            new TalkStore.NewTalk(
                                event.id(),
                                Talk.Details.titled("Second").withTags(List.of("JAVA", "new")),
                                "two\0",
                                null),
                            new TalkStore.NewTalk(
                                other.id(), Talk.Details.titled("Elsewhere"), "three", null),
                            new TalkStore.NewTalk(
                                event.id(),
                                Talk.Details.titled("Third"),
                                "four",
                                new Programme(
                                    "about gardening",
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null)))));

    assertThat(ids).hasSize(3);
    assertThat(notebook.talks().list(event.id()))
        .extracting(Talk::title, Talk::position)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple("First", 0),
            org.assertj.core.api.Assertions.tuple("Tagged", 1),
            org.assertj.core.api.Assertions.tuple("Second", 2),
            org.assertj.core.api.Assertions.tuple("Third", 3));
    Talk second = notebook.talks().get(ids.get(0));
    assertThat(second.tags()).containsExactly("Java", "new"); // the notebook's spelling
    assertThat(second.body()).isEqualTo("two");
    assertThat(notebook.talks().tags())
        .extracting(t -> t.name() + " " + t.talks())
        .contains("Java 2", "new 1");
    assertThat(notebook.talks().get(ids.get(1)).position()).isZero();
    assertThat(found("gardening")).containsExactly("Third");
    assertThat(found("tag:new")).containsExactly("Second");
    assertThatThrownBy(
            () ->
                notebook
                    .talks()
                    .createAll(
                        List.of(new TalkStore.NewTalk(999, Talk.Details.titled("x"), "", null))))
        .hasMessageContaining("999");
  }
}
