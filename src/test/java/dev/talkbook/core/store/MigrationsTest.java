package dev.talkbook.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.talkbook.core.notebook.NotebookException;
import dev.talkbook.core.notebook.Talk;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The schema comes out the same from an empty file and from every earlier version. */
class MigrationsTest {
  @TempDir Path dir;

  static Stream<Integer> earlierVersions() {
    return IntStream.range(0, Migrations.LATEST).boxed();
  }

  /** A notebook file as a Talkbook of format {@code version} left it, with one talk if it can. */
  private Path notebookAtVersion(int version) throws SQLException {
    Path file = dir.resolve("v" + version + ".talkbook");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      if (version >= 6) {
        ShownText.register(c); // V006 on calls it
      }
      c.setAutoCommit(false);
      Migrations.apply(c, 0, version);
      if (version >= 1) {
        s.executeUpdate(
            "INSERT INTO event (id, title, created_at, updated_at) VALUES (1, 'PyATL', 0, 0)");
        s.executeUpdate(
            "INSERT INTO talk (id, event_id, position, title, speakers, tags, body, created_at,"
                + " updated_at) VALUES (1, 1, 0, 'Async all the way', 'Grace Hopper', 'async',"
                + " '- coroutines\n  - structured concurrency', 0, 0)");
        s.executeUpdate("INSERT INTO tag (id, name) VALUES (1, 'async')");
        s.executeUpdate("INSERT INTO talk_tag (talk_id, tag_id, position) VALUES (1, 1, 0)");
      }
      c.commit();
    }
    return file;
  }

  private static List<String> schemaOf(Path file) throws SQLException {
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
      // The search index's settings (its rank: the weights of its columns) are rows, not schema.
      if (schema.stream().anyMatch(line -> line.startsWith("table talk_search_config:"))) {
        try (ResultSet config = s.executeQuery("SELECT k, v FROM talk_search_config ORDER BY k")) {
          while (config.next()) {
            schema.add("config " + config.getString(1) + " = " + config.getString(2));
          }
        }
      }
    }
    return schema;
  }

  @Test
  void everyMigrationFileIsThere() {
    assertThat(Migrations.scripts(0, Migrations.LATEST))
        .hasSize(Migrations.LATEST)
        .allSatisfy(sql -> assertThat(sql).isNotBlank());
  }

  @ParameterizedTest(name = "from format {0}")
  @MethodSource("earlierVersions")
  void upgradesToTheSameSchemaAsANewNotebook(int version) throws SQLException {
    Path fresh = dir.resolve("fresh.talkbook");
    Notebook.open(fresh).close();
    Path old = notebookAtVersion(version);

    try (Notebook notebook = Notebook.open(old)) {
      assertThat(notebook.formatVersion()).isEqualTo(Migrations.LATEST);
    }
    assertThat(schemaOf(old)).isEqualTo(schemaOf(fresh));
  }

  @ParameterizedTest(name = "from format {0}")
  @MethodSource("earlierVersions")
  void keepsAndIndexesWhatAnOlderTalkbookWrote(int version) throws SQLException {
    Path old = notebookAtVersion(version);
    try (Notebook notebook = Notebook.open(old)) {
      if (version == 0) {
        assertThat(notebook.events().list()).isEmpty();
        return;
      }
      Talk talk = notebook.talks().get(1);
      assertThat(talk.title()).isEqualTo("Async all the way");
      assertThat(talk.tags()).containsExactly("async");
      assertThat(notebook.search().search("structured concurrency", 5))
          .extracting(h -> h.talkId())
          .containsExactly(1L);
      assertThat(notebook.search().search("tag:async speaker:hopper", 5)).hasSize(1);
      // Format 3: no programme, no star, no time zone for what an older Talkbook wrote.
      assertThat(talk.programme()).isEqualTo(dev.talkbook.core.notebook.Programme.NONE);
      assertThat(talk.starred()).isFalse();
      assertThat(notebook.events().get(1).timeZone()).isNull();
    }
  }

  @Test
  void theUpgradeToIdsNeverGivenTwiceKeepsEveryIdAndTheIndexAndItsTriggers() throws SQLException {
    Path old = dir.resolve("v4-ids.talkbook");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old);
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      Migrations.apply(c, 0, 4);
      s.executeUpdate(
          "INSERT INTO event (id, title, created_at, updated_at, time_zone) VALUES"
              + " (1, 'PyATL', 0, 0, 'America/New_York'), (3, 'Devoxx', 0, 0, NULL)");
      s.executeUpdate(
          "INSERT INTO talk (id, event_id, position, title, tags, body, created_at, updated_at,"
              + " starred, programme_uid) VALUES"
              + " (1, 1, 0, 'Async', 'async', 'coroutines', 0, 0, 1, 'uid-1'),"
              + " (2, 3, 0, 'Loom', '', 'virtual threads', 0, 0, 0, NULL),"
              + " (5, 3, 1, 'Valhalla', '', 'value classes', 0, 0, 0, NULL)");
      s.executeUpdate("INSERT INTO tag (id, name) VALUES (1, 'async')");
      s.executeUpdate("INSERT INTO talk_tag (talk_id, tag_id, position) VALUES (1, 1, 0)");
      s.executeUpdate(
          "INSERT INTO revision (id, talk_id, saved_at, reason, body) VALUES"
              + " (4, 2, 10, 'checkpoint', 'virtual'), (9, 5, 20, 'checkpoint', 'value')");
      c.commit();
    }

    try (Notebook notebook = Notebook.open(old)) {
      assertThat(notebook.formatVersion()).isEqualTo(Migrations.LATEST);
      assertThat(notebook.events().list())
          .extracting(e -> e.id() + " " + e.title())
          .containsExactlyInAnyOrder("1 PyATL", "3 Devoxx");
      assertThat(notebook.events().get(1).timeZone()).isEqualTo("America/New_York");
      assertThat(notebook.talks().list(3)).extracting(Talk::id).containsExactly(2L, 5L);
      assertThat(notebook.talks().get(1).starred()).isTrue();
      assertThat(notebook.talks().get(1).tags()).containsExactly("async");
      assertThat(notebook.revisions().list(5))
          .extracting(r -> r.id() + " " + r.body())
          .containsExactly("9 value");
      assertThat(notebook.search().search("value classes", 5))
          .extracting(h -> h.talkId())
          .containsExactly(5L);

      // The triggers work on the new tables: a save, a rename, a delete reach the index.
      notebook.talks().saveBody(2, "structured concurrency");
      notebook.events().update(3, dev.talkbook.core.notebook.Event.Details.titled("Jfokus"));
      assertThat(notebook.search().search("structured event:jfokus", 5))
          .extracting(h -> h.talkId())
          .containsExactly(2L);
      notebook.talks().delete(5);
      assertThat(notebook.search().search("value", 5)).isEmpty();
      // Foreign keys are on again: the revisions went with their talk.
      assertThat(notebook.revisions().find(9)).isEmpty();

      // The ids of the deleted talk and revision are not given again.
      Talk next = notebook.talks().create(3, Talk.Details.titled("Next"), "");
      assertThat(next.id()).isEqualTo(6L);
      notebook.talks().saveBody(next.id(), "next notes");
      notebook.talks().leave(next.id());
      assertThat(notebook.revisions().list(next.id()).get(0).id()).isGreaterThan(9L);
      assertThat(notebook.check()).isEmpty();
    }
  }

  @Test
  void aNotebookMadeBeforeTheRankingChangeRanksTheNotesAboveAnAbstract() throws SQLException {
    // The index's stored rank (V002's weights) still counts the abstract over the notes; the
    // search gives its own rank with each query, so the file needs no change of format.
    Path old = dir.resolve("v4.talkbook");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old);
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      Migrations.apply(c, 0, 4);
      s.executeUpdate(
          "INSERT INTO event (id, title, created_at, updated_at) VALUES (1, 'KotlinConf', 0, 0)");
      // Imported first: the talk whose abstract alone has the word, then the one the user wrote
      // it in.
      s.executeUpdate(
          "INSERT INTO talk (id, event_id, position, title, body, abstract, created_at,"
              + " updated_at) VALUES (1, 1, 0, 'Abstract only', '- good slides',"
              + " 'An introduction to coroutines for developers who know threads.', 0, 0),"
              + " (2, 1, 1, 'In my notes', 'We should try coroutines for the importer.',"
              + " 'Threads, old and new.', 0, 0)");
      c.commit();
    }
    assertThat(searchOf(old, "coroutines")).as("the stored rank's order").containsExactly(1L, 2L);

    try (Notebook notebook = Notebook.open(old)) {
      assertThat(notebook.formatVersion()).isEqualTo(Migrations.LATEST);
      assertThat(notebook.search().search("coroutines", 5))
          .extracting(h -> h.talkTitle())
          .containsExactly("In my notes", "Abstract only");
    }
  }

  /** The talk ids a query finds, in the file's own rank order, read straight from the index. */
  private static List<Long> searchOf(Path file, String word) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT rowid FROM talk_search WHERE talk_search MATCH '"
                    + word
                    + "' ORDER BY rank")) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }

  @Test
  void aFailedUpgradeChangesNothing() throws SQLException {
    Path old = notebookAtVersion(1);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old);
        Statement s = c.createStatement()) {
      // Something in the way of migration 2: it must fail, and fail whole.
      s.executeUpdate("CREATE TABLE talk_search (x)");
    }
    List<String> schemaBefore = schemaOf(old);

    assertThatThrownBy(() -> Notebook.open(old))
        .isInstanceOf(NotebookException.class)
        .hasMessageContaining("upgrade the notebook format")
        .hasMessageContaining(old.toString());

    assertThat(schemaOf(old)).isEqualTo(schemaBefore);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
  }
}
