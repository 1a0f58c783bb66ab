package dev.talkbook.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.sample.SampleMeetup;
import dev.talkbook.core.search.SearchIndexDamagedException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged search index is told apart from a damaged notebook: the notebook opens, search says the
 * notes are fine and how to rebuild, a save rebuilds it rather than fail, and rebuilding makes the
 * index whole again, exactly as a new notebook's.
 */
class SearchIndexTest {
  @TempDir Path dir;

  private Path sampleWithDamagedIndex() throws Exception {
    Path file = dir.resolve("damaged.talkbook");
    try (Notebook notebook = Notebook.open(file)) {
      SampleMeetup.addTo(notebook);
    }
    SearchIndexDamage.damage(file);
    return file;
  }

  @Test
  void aSoundIndexIsFoundSoundAfterSearchesAndSavesInTheSameSession() {
    try (Notebook notebook = Notebook.open(dir.resolve("sound.talkbook"))) {
      Event event = notebook.events().create(Event.Details.titled("JUG"));
      Talk talk = notebook.talks().create(event.id(), Talk.Details.titled("Loom"), "virtual");
      assertThat(notebook.search().search("virtual", 5)).hasSize(1);
      assertThat(notebook.check()).isEmpty();

      notebook.talks().saveBody(talk.id(), "structured concurrency");

      // Each check reads the file as it is now, not the index as an earlier read saw it.
      assertThat(notebook.check()).isEmpty();
      assertThat(notebook.health().isSound()).isTrue();
    }
  }

  @Test
  void aNotebookWithADamagedIndexOpensAndSearchSaysTheNotesAreFine() throws Exception {
    Path file = sampleWithDamagedIndex();
    try (Notebook notebook = Notebook.open(file)) {
      assertThat(notebook.talks().count()).isEqualTo(SampleMeetup.talkCount());
      assertThatThrownBy(() -> notebook.search().search("sqlite", 10))
          .isInstanceOf(SearchIndexDamagedException.class)
          .hasMessageContaining("search index is damaged")
          .hasMessageContaining("notes themselves are fine")
          .hasMessageContaining("talkbook check --repair")
          .hasMessageNotContaining("backup");
      Notebook.Health health = notebook.health();
      assertThat(health.damage()).isEmpty();
      assertThat(health.searchIndexDamage()).isNotEmpty();
    }
  }

  @Test
  void readOnlyTooItOpensAndExplains() throws Exception {
    Path file = sampleWithDamagedIndex();
    try (Notebook notebook = Notebook.open(file, Notebook.Options.defaults().withReadOnly(true))) {
      assertThatThrownBy(() -> notebook.search().search("sqlite", 10))
          .isInstanceOf(SearchIndexDamagedException.class);
      assertThatThrownBy(() -> notebook.search().rebuildIndex()).hasMessageContaining("read-only");
    }
  }

  @Test
  void rebuildingMakesTheIndexWholeAndSearchFindsEverything() throws Exception {
    Path file = sampleWithDamagedIndex();
    try (Notebook notebook = Notebook.open(file)) {
      notebook.search().rebuildIndex();

      assertThat(notebook.health().isSound()).isTrue();
      assertThat(notebook.search().search("title:\"SQLite everywhere\"", 10)).hasSize(1);
      assertThat(notebook.search().search("speaker:holt", 10)).isNotEmpty();
      assertThat(notebook.search().search("event:jvm", 10)).hasSize(SampleMeetup.talkCount());
    }
    assertThat(schemaOf(file)).isEqualTo(schemaOf(freshNotebook()));
  }

  @Test
  void aSaveThatTheDamagedIndexRefusesRebuildsItAndIsKept() throws Exception {
    Path file = dir.resolve("refusing.talkbook");
    try (Notebook notebook = Notebook.open(file)) {
      SampleMeetup.addTo(notebook);
    }
    SearchIndexDamage.damageSoWritesFail(file);
    try (Notebook notebook = Notebook.open(file)) {
      Talk talk = notebook.talks().findByTitle("SQLite everywhere").get(0);

      notebook.talks().saveBody(talk.id(), "# Moved on\n\nquokkas everywhere\n");

      assertThat(notebook.talks().get(talk.id()).body()).contains("quokkas everywhere");
      assertThat(notebook.health().isSound()).isTrue();
      assertThat(notebook.search().search("quokkas", 10)).hasSize(1);
    }
  }

  @Test
  void aSaveIntoAQuietlyDamagedIndexIsKeptAndTheDamageStillFound() throws Exception {
    Path file = sampleWithDamagedIndex();
    try (Notebook notebook = Notebook.open(file)) {
      Talk talk = notebook.talks().findByTitle("SQLite everywhere").get(0);

      notebook.talks().saveBody(talk.id(), "quokkas everywhere\n");
      Event added = notebook.events().create(Event.Details.titled("Quokka conf"));
      notebook.talks().create(added.id(), Talk.Details.titled("Quokka talk"), "more quokkas");

      assertThat(notebook.talks().get(talk.id()).body()).isEqualTo("quokkas everywhere\n");
      Notebook.Health health = notebook.health();
      assertThat(health.damage()).isEmpty();
      assertThat(health.searchIndexDamage()).isNotEmpty();
      notebook.search().rebuildIndex();
      assertThat(notebook.search().search("quokkas", 10)).hasSize(2);
    }
  }

  @Test
  void aLargeNotebookWithADamagedIndexOpensToo() throws Exception {
    Path file = dir.resolve("large.talkbook");
    try (Notebook notebook = Notebook.open(file)) {
      long event = notebook.events().create(Event.Details.titled("Big")).id();
      String body = "- a line of notes about databases and threads\n".repeat(120);
      notebook.inTransaction(
          () -> {
            for (int i = 0; i < 1000; i++) {
              notebook.talks().create(event, Talk.Details.titled("Talk " + i), body);
            }
            return null;
          });
    }
    assertThat(file.toFile().length()).isGreaterThan(Notebook.FULL_CHECK_MAX_BYTES);
    SearchIndexDamage.damage(file);

    try (Notebook notebook = Notebook.open(file)) {
      assertThatThrownBy(() -> notebook.search().search("databases", 10))
          .isInstanceOf(SearchIndexDamagedException.class);
      notebook.search().rebuildIndex();
      assertThat(notebook.search().search("databases", 2000)).hasSize(1000);
    }
  }

  @Test
  void damageToTheNotesIsStillDamage() throws Exception {
    assertThat(SearchIndex.isProblem("Tree 12 page 34 cell 0: 2nd reference to page 56")).isFalse();
    assertThat(SearchIndex.isProblem("malformed inverted index for FTS5 table main.talk_search"))
        .isTrue();
  }

  private Path freshNotebook() {
    Path fresh = dir.resolve("fresh.talkbook");
    Notebook.open(fresh).close();
    return fresh;
  }

  private static List<String> schemaOf(Path file) throws Exception {
    List<String> schema = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'"
                    + " ORDER BY type, name")) {
      while (rs.next()) {
        schema.add(rs.getString(1) + " " + rs.getString(2) + ": " + rs.getString(3));
      }
      try (ResultSet config = s.executeQuery("SELECT k, v FROM talk_search_config ORDER BY k")) {
        while (config.next()) {
          schema.add("config " + config.getString(1) + " = " + config.getString(2));
        }
      }
    }
    return schema;
  }
}
