package dev.talkbook.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Revision;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.search.SearchHit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The search index holds the words a note's page shows ({@link ShownText}): none from raw HTML's
 * tags and attributes, nor from a script, a style or a comment; the text around and between them is
 * found as before. The same on every way notes reach the index.
 */
class ShownTextTest {
  /** Raw HTML of every kind the page drops, around words it shows. */
  static final String NOTES =
      "Intro <span onclick=\"alert(1)\" class=\"fancy\">visible words</span> here.\n"
          + "\n"
          + "<script>var secretword = 1;</script>\n"
          + "\n"
          + "<!-- hiddencomment -->\n"
          + "\n"
          + "<style>.x { colour: crimson }</style>\n"
          + "\n"
          + "<div data-role=\"sidebar\">\n"
          + "\n"
          + "closing thoughts\n"
          + "\n"
          + "</div>\n";

  /** What the page does not show of {@link #NOTES}, each a word or attribute value. */
  static final List<String> HIDDEN =
      List.of(
          "onclick",
          "alert",
          "span",
          "fancy",
          "class",
          "secretword",
          "script",
          "hiddencomment",
          "style",
          "colour",
          "crimson",
          "div",
          "sidebar",
          "role");

  /** What the page shows of {@link #NOTES}. */
  static final List<String> SHOWN = List.of("intro", "visible", "words", "closing", "thoughts");

  private final TestClock clock = new TestClock(Instant.parse("2026-11-24T09:00:00Z"));

  @TempDir Path dir;
  private Notebook notebook;
  private Event event;

  @BeforeEach
  void open() {
    notebook =
        Notebook.open(dir.resolve("n.talkbook"), Notebook.Options.defaults().withClock(clock));
    event = notebook.events().create(Event.Details.titled("Meetup"));
  }

  @AfterEach
  void close() {
    notebook.close();
  }

  private List<String> found(String query) {
    return notebook.search().search(query, 20).stream().map(SearchHit::talkTitle).toList();
  }

  private Talk talk(String title, String notes) {
    return notebook.talks().create(event.id(), Talk.Details.titled(title), notes);
  }

  private void assertShownOnly(String title) {
    for (String word : HIDDEN) {
      assertThat(found(word)).as(word).doesNotContain(title);
    }
    for (String word : SHOWN) {
      assertThat(found(word)).as(word).contains(title);
    }
  }

  @Test
  void aNewTalksRawHtmlGivesNoWordsButTheTextAroundIt() {
    talk("Raw", NOTES);
    assertShownOnly("Raw");
  }

  @Test
  void savedNotesAreIndexedAsTheirPageShowsThem() {
    Talk t = talk("Saved", "plain start");
    notebook.talks().saveBody(t.id(), NOTES);
    assertShownOnly("Saved");
    // A word that leaves the notes leaves the index.
    notebook.talks().saveBody(t.id(), "<b>bold</b> only");
    assertThat(found("visible")).isEmpty();
    assertThat(found("bold")).containsExactly("Saved");
  }

  @Test
  void renamingOrMovingATalkKeepsItsNotesIndexedAsShown() {
    Talk t = talk("Before", NOTES);
    notebook.talks().update(t.id(), Talk.Details.titled("After"));
    Event other = notebook.events().create(Event.Details.titled("Other"));
    notebook.talks().move(t.id(), other.id(), 0);
    assertShownOnly("After");
    assertThat(found("event:other closing")).containsExactly("After");
  }

  @Test
  void talksAddedInBulkAreIndexedAsShown() {
    notebook.inBulk(
        () ->
            notebook
                .talks()
                .createAll(
                    List.of(
                        new TalkStore.NewTalk(
                            event.id(), Talk.Details.titled("Bulk"), NOTES, null, false),
                        new TalkStore.NewTalk(
                            event.id(),
                            Talk.Details.titled("Plain"),
                            "no tags here",
                            null,
                            false))));
    assertShownOnly("Bulk");
    assertThat(found("tags")).containsExactly("Plain");
  }

  @Test
  void notesRestoredFromTheHistoryAreIndexedAsShown() {
    Talk t = talk("Restored", NOTES);
    notebook.talks().leave(t.id());
    clock.advance(Duration.ofMinutes(10));
    notebook.talks().saveBody(t.id(), "something else");
    notebook.talks().leave(t.id());
    long first =
        notebook.revisions().list(t.id()).stream()
            .filter(r -> r.body().equals(NOTES))
            .findFirst()
            .orElseThrow()
            .id();
    assertThat(found("visible")).isEmpty();

    Revision restored = notebook.revisions().restore(first);

    assertThat(restored.body()).isEqualTo(NOTES);
    assertShownOnly("Restored");
  }

  @Test
  void anUndeletedTalkIsIndexedAsShown() {
    Talk t = talk("Undeleted", NOTES);
    var deleted = notebook.talks().delete(t.id());
    assertThat(found("visible")).isEmpty();
    notebook.talks().undelete(deleted);
    assertShownOnly("Undeleted");
  }

  @Test
  void theRebuiltIndexHoldsWhatThePageShows() {
    talk("Rebuilt", NOTES);
    notebook.search().rebuildIndex();
    assertShownOnly("Rebuilt");
  }

  @Test
  void thePassageComesFromWhatThePageShows() {
    talk("Passage", NOTES);
    SearchHit hit = notebook.search().search("visible", 5).get(0);
    assertThat(hit.snippet().text())
        .isEqualTo("Intro visible words here. · closing thoughts")
        .doesNotContain("<", "onclick", "secretword");
    // A word that is only inside a tag has no passage to come from: the talk is not found.
    assertThat(notebook.search().search("onclick", 5)).isEmpty();
  }

  @Test
  void chineseJapaneseAndKoreanWordsAreNotFoundInsideATag() {
    talk("Cjk", "<span title=\"東京タワー\">大阪の話</span>\n\n<!-- 京都のメモ -->\n");
    assertThat(found("東京")).isEmpty();
    assertThat(found("京都")).isEmpty();
    assertThat(found("大阪")).containsExactly("Cjk");
    assertThat(found("notes:大阪")).containsExactly("Cjk");
    SearchHit hit = notebook.search().search("大阪", 5).get(0);
    assertThat(hit.snippet().text()).isEqualTo("大阪の話");
  }

  @Test
  void codeShowsItsTagsAsText() {
    // In code the page shows a tag as it is written: it is words there.
    talk("Code", "Use `<marquee>` sparingly.\n\n```html\n<blink>old</blink>\n```\n");
    assertThat(found("marquee")).containsExactly("Code");
    assertThat(found("blink")).containsExactly("Code");
  }

  @Test
  void anImageKeepsItsAltText() {
    talk("Image", "<img src=\"x.png\" alt=\"architecture diagram\">\n");
    assertThat(found("diagram")).containsExactly("Image");
    assertThat(found("png")).isEmpty();
  }

  @Test
  void aNotebookOfTheFormatBeforeWhoseSearchIndexIsDamagedIsUpgradedWithTheIndexMadeAgain()
      throws Exception {
    notebook.close();
    Path old = OldNotebook.atVersion(dir.resolve("v5-damaged.talkbook"), 5, NOTES);
    // FTS5 refuses the next change of a talk: V006's re-index of the notes failed the upgrade,
    // and the notebook could then be neither opened nor repaired.
    SearchIndexDamage.damageSoWritesFail(old);
    notebook = Notebook.open(old, Notebook.Options.defaults().withClock(clock));
    assertThat(notebook.formatVersion()).isEqualTo(Migrations.LATEST);
    assertShownOnly("Old talk");
    assertThat(notebook.check()).isEmpty();
  }

  @Test
  void aNotebookOfTheFormatBeforeIsIndexedAgainWhenUpgraded() throws Exception {
    notebook.close();
    Path old = OldNotebook.atVersion(dir.resolve("v5.talkbook"), 5, NOTES);
    assertThat(indexedNotes(old)).as("format 5 indexed the Markdown").isEqualTo(NOTES);
    notebook = Notebook.open(old, Notebook.Options.defaults().withClock(clock));
    assertThat(notebook.formatVersion()).isEqualTo(Migrations.LATEST);
    assertShownOnly("Old talk");
    // What its triggers index from now on is shown text too.
    notebook.talks().saveBody(1, "<em title=\"tooltip\">new</em> words");
    assertThat(found("tooltip")).isEmpty();
    assertThat(found("new")).containsExactly("Old talk");
    assertThat(notebook.check()).isEmpty();
  }

  @Test
  void theUpgradeIndexesAgainOnlyNotesWhosePageDiffers() throws Exception {
    notebook.close();
    Path old =
        OldNotebook.atVersion(dir.resolve("v5.talkbook"), 5, "a < b, and `List<String>` in code");
    long before = indexRowChanges(old);
    try (Notebook upgraded = Notebook.open(old)) {
      assertThat(upgraded.formatVersion()).isEqualTo(Migrations.LATEST);
    }
    assertThat(indexedNotes(old)).isEqualTo("a < b, and `List<String>` in code");
    assertThat(indexRowChanges(old)).isEqualTo(before);
    notebook = Notebook.open(old);
  }

  @ParameterizedTest(name = "read-only {0}")
  @ValueSource(strings = {"asked", "file"})
  void aReadOnlyOpenOfTheFormatBeforeIsRefusedAndChangesNothing(String how) throws Exception {
    notebook.close();
    Path old = OldNotebook.atVersion(dir.resolve("v5.talkbook"), 5, NOTES);
    if (how.equals("file")) {
      assertThat(old.toFile().setWritable(false)).isTrue();
      org.junit.jupiter.api.Assumptions.assumeFalse(
          Files.isWritable(old), "the file can still be written (run as root)");
    }
    byte[] before = Files.readAllBytes(old);
    try {
      assertThatThrownBy(
              () ->
                  Notebook.open(old, Notebook.Options.defaults().withReadOnly(how.equals("asked"))))
          .isInstanceOfSatisfying(
              NotebookOpenException.class,
              e -> assertThat(e.problem()).isEqualTo(NotebookOpenException.Problem.NEEDS_UPGRADE))
          .hasMessageContaining("older Talkbook (notebook format 5)");
      assertThat(Files.readAllBytes(old)).isEqualTo(before);
      assertThat(indexedNotes(old)).isEqualTo(NOTES);
    } finally {
      old.toFile().setWritable(true);
      notebook = Notebook.open(dir.resolve("n.talkbook"));
    }
  }

  /** Notes with links, a reference definition and a character reference, all without a '<'. */
  static final String LINKED =
      "See [the slides](https://www.example.com/path/file \"Deck heading\") &amp; [more][ref].\n"
          + "\n"
          + "[ref]: https://docs.example.org/guide\n";

  private void assertLinkTextsOnly(String title) {
    for (String word : List.of("https", "www", "example", "com", "path", "deck", "amp", "docs")) {
      assertThat(found(word)).as(word).doesNotContain(title);
    }
    for (String word : List.of("see", "slides", "more")) {
      assertThat(found(word)).as(word).contains(title);
    }
  }

  @Test
  void linksGiveTheirTextNotWhereTheyPoint() {
    talk("Linked", LINKED);
    assertLinkTextsOnly("Linked");
    Talk saved = talk("Saved", "plain");
    notebook.talks().saveBody(saved.id(), LINKED);
    assertLinkTextsOnly("Saved");
    // An address written in the text is on the page: it is found.
    notebook.talks().saveBody(saved.id(), "Read https://www.example.com/shown today");
    assertThat(found("shown")).containsExactly("Saved");
  }

  @Test
  void aNotebookOfFormat6IsIndexedAgainWithoutItsLinksAddresses() throws Exception {
    notebook.close();
    Path old = OldNotebook.atVersion(dir.resolve("v6.talkbook"), 6, LINKED);
    assertThat(indexedNotes(old)).as("format 6 indexed the addresses").isEqualTo(LINKED);
    notebook = Notebook.open(old, Notebook.Options.defaults().withClock(clock));
    assertThat(notebook.formatVersion()).isEqualTo(Migrations.LATEST);
    assertLinkTextsOnly("Old talk");
    // What its triggers index from now on leaves addresses out too.
    notebook.talks().saveBody(1, "[new words](https://fresh.example.net/x)");
    assertThat(found("fresh")).isEmpty();
    assertThat(found("new")).containsExactly("Old talk");
    assertThat(notebook.check()).isEmpty();
  }

  @Test
  void theUpgradeFromFormat6IndexesAgainOnlyNotesWhosePageDiffers() throws Exception {
    notebook.close();
    String notes = "a <b>b</b> [c] d, and `[x](y) &amp;` in code";
    Path old = OldNotebook.atVersion(dir.resolve("v6.talkbook"), 6, notes);
    String indexed = indexedNotes(old);
    long before = indexRowChanges(old);
    try (Notebook upgraded = Notebook.open(old)) {
      assertThat(upgraded.formatVersion()).isEqualTo(Migrations.LATEST);
    }
    assertThat(indexedNotes(old)).isEqualTo(indexed);
    assertThat(indexRowChanges(old)).isEqualTo(before);
    notebook = Notebook.open(old);
  }

  @ParameterizedTest(name = "read-only {0}")
  @ValueSource(strings = {"asked", "file"})
  void aReadOnlyOpenOfFormat6SearchesAndChangesNothing(String how) throws Exception {
    notebook.close();
    Path old = OldNotebook.atVersion(dir.resolve("v6.talkbook"), 6, LINKED);
    if (how.equals("file")) {
      assertThat(old.toFile().setWritable(false)).isTrue();
      org.junit.jupiter.api.Assumptions.assumeFalse(
          Files.isWritable(old), "the file can still be written (run as root)");
    }
    byte[] before = Files.readAllBytes(old);
    try {
      try (Notebook readOnly =
          Notebook.open(old, Notebook.Options.defaults().withReadOnly(how.equals("asked")))) {
        assertThat(readOnly.formatVersion()).isEqualTo(6);
        assertThat(readOnly.search().search("slides", 5))
            .extracting(SearchHit::talkTitle)
            .containsExactly("Old talk");
      }
      assertThat(Files.readAllBytes(old)).isEqualTo(before);
    } finally {
      old.toFile().setWritable(true);
      notebook = Notebook.open(dir.resolve("n.talkbook"));
    }
  }

  @Test
  void aProgramWithoutTheFunctionCanRenameATalkButNotChangeItsNotes() throws Exception {
    Talk t = talk("Shell", NOTES);
    notebook.close();
    Path file = dir.resolve("n.talkbook");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE talk SET title = 'Renamed', starred = 1 WHERE id = " + t.id());
      assertThatThrownBy(
              () -> s.executeUpdate("UPDATE talk SET body = 'x <b>y</b>' WHERE id = " + t.id()))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("no such function: " + ShownText.NAME);
    }
    notebook = Notebook.open(file);
    assertShownOnly("Renamed");
    assertThat(notebook.check()).isEmpty();
  }

  @Test
  void notesTheRuleFailsOnAreIndexedAsTheyAre() {
    assertThat(ShownText.of("plain")).isEqualTo("plain");
    assertThat(ShownText.of("a <b>b</b>")).isEqualTo("a    b    ");
  }

  /** The notes column of the file's index for talk 1. */
  private static String indexedNotes(Path file) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT body FROM talk_search WHERE rowid = 1")) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /** The FTS5 index's structure record: changes whenever a row of the index is written. */
  private static long indexRowChanges(Path file) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM talk_search_data")) {
      return rs.getLong(1);
    }
  }

  /** A talk whose code ran: its output's stamp (which code it came from) is no word to find. */
  static final String RAN =
      "Loom demo\n\n```java\nThread.ofVirtual()\n```\n```output code=1a2b3c4d\nVirtualThread\n```\n";

  @Test
  void anOutputsStampGivesNoWordsToTheIndexNorToThePassage() {
    Talk added = talk("Added", RAN);
    Talk saved = talk("Saved", "plain");
    notebook.talks().saveBody(saved.id(), RAN);
    talk("Prose", "A talk about code.");

    assertThat(found("code")).containsExactly("Prose");
    assertThat(found("1a2b3c4d")).isEmpty();
    assertThat(found("virtualthread")).containsExactlyInAnyOrder("Added", "Saved");
    assertThat(notebook.search().search("virtualthread", 5).get(0).snippet().text())
        .doesNotContain("code=");
    notebook.search().rebuildIndex();
    assertThat(found("code")).containsExactly("Prose");
    assertThat(added.id()).isPositive();
  }
}
