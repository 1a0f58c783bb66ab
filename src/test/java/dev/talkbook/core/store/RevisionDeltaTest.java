package dev.talkbook.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.DeletedTalk;
import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Revision;
import dev.talkbook.core.notebook.RevisionPolicy;
import dev.talkbook.core.notebook.Talk;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Revisions kept as changes (ADR 0012): every revision reads back as the text it kept, through
 * edits, restores, thinning and undelete, and a hundred edits of a large note cost about the size
 * of the edits.
 */
class RevisionDeltaTest {
  @TempDir Path dir;
  private final TestClock clock = new TestClock(Instant.parse("2026-11-24T09:00:00Z"));
  private Notebook notebook;
  private long talk;

  private Path file() {
    return dir.resolve("n.talkbook");
  }

  @BeforeEach
  void setUp() {
    notebook =
        Notebook.open(
            file(),
            Notebook.Options.defaults()
                .withClock(clock)
                .withPolicy(new RevisionPolicy(Duration.ofMinutes(5), ZoneOffset.UTC)));
    long event = notebook.events().create(Event.Details.titled("JVM Evening")).id();
    talk = notebook.talks().create(event, Talk.Details.titled("Loom"), "").id();
  }

  @AfterEach
  void tearDown() {
    notebook.close();
  }

  /** A note of {@code lines} lines; edit {@code n} changes one line and appends one. */
  private static String version(int lines, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      b.append("- point ").append(i).append(i == n % lines ? " (edit " + n + ")" : "");
      b.append(": what the speaker said about it\n");
    }
    for (int i = 1; i <= n; i++) {
      b.append("- added in edit ").append(i).append('\n');
    }
    return b.toString();
  }

  /** What {@code talkbook talk edit --notes-file} does: save, then keep a checkpoint. */
  private List<String> edit(int count, int lines) {
    List<String> kept = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      clock.advance(Duration.ofSeconds(20));
      String text = version(lines, n);
      notebook.talks().saveBody(talk, text);
      notebook.revisions().checkpoint(talk);
      kept.add(0, text);
    }
    return kept;
  }

  private long storedRevisionBytes() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT coalesce(sum(length(CAST(body AS BLOB)) + coalesce(length(delta), 0)), 0)"
                    + " FROM revision")) {
      return rs.getLong(1);
    }
  }

  @Test
  void everyRevisionReadsBackAsItsText() {
    List<String> kept = edit(60, 2_000);

    List<String> history = notebook.revisions().list(talk).stream().map(Revision::body).toList();

    assertThat(history).isEqualTo(kept);
    for (Revision r : notebook.revisions().list(talk)) {
      assertThat(notebook.revisions().get(r.id()).body()).isEqualTo(r.body());
    }
  }

  @Test
  void manyEditsOfALargeNoteCostAboutTheirSize() throws Exception {
    int lines = 2_000; // about 90 KB
    edit(100, lines);

    long whole = version(lines, 100).length();
    long stored = storedRevisionBytes();
    // 100 revisions whole would be 100 × 90 KB; as changes: a whole one every 40, the rest small.
    assertThat(stored).isLessThan(4 * whole + 100 * 2_000);
    assertThat(notebook.revisions().list(talk)).hasSize(100);
  }

  @Test
  void restoringAnOldRevisionBringsItsTextBack() {
    List<String> kept = edit(30, 500);
    Revision old = notebook.revisions().list(talk).get(25);

    notebook.revisions().restore(old.id());

    assertThat(notebook.talks().get(talk).body()).isEqualTo(kept.get(25));
    List<String> history = notebook.revisions().list(talk).stream().map(Revision::body).toList();
    assertThat(history.subList(1, history.size())).isEqualTo(kept);
    assertThat(history.get(0)).isEqualTo(kept.get(25));
  }

  @Test
  void thinningKeepsWhatItKeepsReadable() {
    List<String> kept = edit(50, 500);
    // Two days later every revision of that day but the newest per hour goes.
    clock.advance(Duration.ofDays(2));
    notebook.talks().saveBody(talk, version(500, 51));
    notebook.revisions().checkpoint(talk);

    List<Revision> after = notebook.revisions().list(talk);
    assertThat(after.size()).isLessThan(50);
    assertThat(after.get(0).body()).isEqualTo(version(500, 51));
    for (Revision r : after.subList(1, after.size())) {
      assertThat(kept).contains(r.body());
    }
  }

  @Test
  void aDeletedTalkComesBackWithItsHistory() {
    List<String> kept = edit(20, 500);
    DeletedTalk deleted = notebook.talks().delete(talk);

    notebook.talks().undelete(deleted);

    assertThat(notebook.revisions().list(talk).stream().map(Revision::body).toList())
        .isEqualTo(kept);
  }

  @Test
  void aNotebookFromBeforeDeltasKeepsItsWholeRevisionsAndCompactsNewOnes() throws Exception {
    Path old = dir.resolve("v3.talkbook");
    String first = version(500, 1);
    String second = version(500, 2);
    long now = System.currentTimeMillis();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old);
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      Migrations.apply(c, 0, 3);
      s.executeUpdate(
          "INSERT INTO event (id, title, created_at, updated_at) VALUES (1, 'Old', 0, 0)");
      s.executeUpdate(
          "INSERT INTO talk (id, event_id, position, title, body, created_at, updated_at)"
              + " VALUES (1, 1, 0, 'Old talk', '"
              + second
              + "', 0, 0)");
      s.executeUpdate(
          "INSERT INTO revision (id, talk_id, saved_at, reason, body) VALUES"
              + " (1, 1, "
              + (now - 120_000)
              + ", 'checkpoint', '"
              + first
              + "'), (2, 1, "
              + (now - 60_000)
              + ", 'checkpoint', '"
              + second
              + "')");
      c.commit();
    }
    try (Notebook upgraded = Notebook.open(old)) {
      assertThat(upgraded.formatVersion()).isEqualTo(Migrations.LATEST);
      assertThat(upgraded.revisions().list(1).stream().map(Revision::body).toList())
          .containsExactly(second, first);
      upgraded.talks().saveBody(1, version(500, 3));
      upgraded.revisions().checkpoint(1);
      assertThat(upgraded.revisions().list(1).stream().map(Revision::body).toList())
          .containsExactly(version(500, 3), second, first);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT base_id FROM revision WHERE id = 2")) {
      assertThat(rs.getLong(1)).as("the revision before the new one, now a change").isEqualTo(3);
    }
  }

  @Test
  void historySurvivesReopening() {
    List<String> kept = edit(45, 500);
    notebook.close();
    notebook = Notebook.open(file());
    assertThat(notebook.revisions().list(talk).stream().map(Revision::body).toList())
        .isEqualTo(kept);
  }
}
