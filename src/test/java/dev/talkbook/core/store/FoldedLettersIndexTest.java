package dev.talkbook.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.search.FoldedLetters;
import dev.talkbook.core.search.SearchHit;
import dev.talkbook.core.search.Snippet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The notebook's index holds the letters decomposition leaves whole as readers type them ({@link
 * FoldedLetters}, V008): "grusse" finds "Grüße" and "sondergaard" "Søndergaard", in every column
 * and on every way text reaches the index, while the passage shows and marks the word as written.
 */
class FoldedLettersIndexTest {
  private final TestClock clock = new TestClock(Instant.parse("2026-12-06T09:00:00Z"));

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

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"grusse", "Grüße", "GRÜSSE", "grüsse", "grusse*", "title:grusse"})
  void aTitleWithSharpSIsFoundAsReadersTypeIt(String query) {
    talk("Keynote: Zwanzig Jahre Java – Grüße aus Leipzig", "notes");
    assertThat(found(query)).containsExactly("Keynote: Zwanzig Jahre Java – Grüße aus Leipzig");
  }

  @Test
  void aGermanWordTypedWithUeFindsTheUmlautAndIsMarkedAsWritten() {
    talk("Keynote: Grüße aus München", "Viele Grüße aus Köln");
    talk("English", "What does it do? It goes.");
    assertThat(found("gruesse")).containsExactly("Keynote: Grüße aus München");
    assertThat(found("muenchen koeln")).containsExactly("Keynote: Grüße aus München");
    assertThat(found("\"gruesse aus\"")).containsExactly("Keynote: Grüße aus München");
    Snippet snippet = notebook.search().search("gruesse", 5).get(0).snippet();
    assertThat(snippet.highlights())
        .extracting(r -> snippet.text().substring(r.start(), r.end()))
        .containsExactly("Grüße");
    // Short English words are not read as German: "does" is not looked for as "dos" (stem "do").
    assertThat(found("does")).containsExactly("English");
    assertThat(found("do")).containsExactly("English");
    talk("Dos", "Running DOS games.");
    assertThat(found("does")).containsExactly("English");
  }

  @Test
  void speakersTagsEventNotesAndAbstractAreFoldedToo() {
    Talk t =
        notebook
            .talks()
            .create(
                event.id(),
                Talk.Details.titled("Plain")
                    .withSpeakers(List.of("Mette Søndergaard"))
                    .withTags(List.of("łódź")),
                "Ein <b>Straßenfest</b> in Þórshöfn\n");
    notebook
        .talks()
        .update(
            t.id(),
            t.details(),
            new dev.talkbook.core.notebook.Programme(
                "Œuvres complètes", null, null, null, null, null, null, null));
    notebook.events().rename(event.id(), "Ærø Meetup");
    for (String q :
        List.of(
            "sondergaard",
            "speaker:sondergaard",
            "tag:lodz",
            "strassenfest",
            "thorshofn",
            "oeuvres",
            "event:aero",
            "Søndergaard")) {
      assertThat(found(q)).as(q).containsExactly("Plain");
    }
  }

  @Test
  void aCharacterReferenceInNotesOfAsciiIsFoldedOnceDecoded() {
    // The page shows "The letter ß" (the reference's other characters are spaces in the index).
    Talk t = talk("Referenced", "The letter &szlig; here");
    assertThat(found("ss")).containsExactly("Referenced");
    notebook.talks().saveBody(t.id(), "The letter &Oslash; there");
    assertThat(found("o")).containsExactly("Referenced");
    notebook.search().rebuildIndex();
    assertThat(found("o")).containsExactly("Referenced");
  }

  @Test
  void theSameAfterEditsAndARebuild() {
    Talk t = talk("Plain", "nothing");
    notebook.talks().saveBody(t.id(), "Viele Grüße");
    notebook.talks().rename(t.id(), "Smørrebrød");
    assertThat(found("grusse")).containsExactly("Smørrebrød");
    assertThat(found("smorrebrod")).containsExactly("Smørrebrød");
    notebook.search().rebuildIndex();
    assertThat(found("grusse")).containsExactly("Smørrebrød");
    assertThat(found("smorrebrod")).containsExactly("Smørrebrød");
    assertThat(notebook.check()).isEmpty();
  }

  @Test
  void manyTalksAddedAtOnceAreFoldedToo() {
    notebook.inBulk(
        () -> {
          talk("Bulk Grüße", "Søren");
          return talk("Other", "nothing");
        });
    assertThat(found("grusse")).containsExactly("Bulk Grüße");
    assertThat(found("soren")).containsExactly("Bulk Grüße");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"grusse", "Grüße", "gruss*"})
  void thePassageShowsAndMarksTheWordAsWritten(String query) {
    talk("Letter", "Viele <em>Grüße</em> aus Leipzig & Søndergaard");
    Snippet snippet = notebook.search().search(query, 5).get(0).snippet();
    assertThat(snippet.text()).contains("Grüße aus Leipzig & Søndergaard");
    assertThat(snippet.highlights())
        .extracting(r -> snippet.text().substring(r.start(), r.end()))
        .containsExactly("Grüße");
  }

  static List<Map.Entry<Character, String>> letters() {
    return List.copyOf(FoldedLetters.TABLE.entrySet());
  }

  /** The triggers' SQL holds the table: every letter of it is indexed as it folds. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("letters")
  void everyLetterOfTheTableIsIndexedFolded(Map.Entry<Character, String> letter) {
    talk("Word xx" + letter.getKey() + "yy", "notes");
    assertThat(found("xx" + letter.getValue() + "yy")).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"finance", "FINANCE", "\ufb01nance", "fin*", "title:finance"})
  void aTitleWithTheLigatureFiIsFoundByTheLettersAndStoredAsWritten(String query) {
    Talk t = talk("\ufb01nance for engineers", "e\ufb03cient o\ufb04ine work");
    assertThat(found(query)).containsExactly("\ufb01nance for engineers");
    assertThat(found("efficient offline")).containsExactly("\ufb01nance for engineers");
    assertThat(notebook.talks().get(t.id()).title()).isEqualTo("\ufb01nance for engineers");
    assertThat(notebook.talks().get(t.id()).body()).isEqualTo("e\ufb03cient o\ufb04ine work");
  }

  @Test
  void aNotebookOfFormat10IsIndexedAgainWhereItHoldsALigature() throws Exception {
    notebook.close();
    Path old = OldNotebook.atVersion(dir.resolve("v10.talkbook"), 10, "personal \ufb01nance");
    assertThat(indexedNotes(old)).as("format 10 indexed the ligature").contains("\ufb01");
    notebook = Notebook.open(old, Notebook.Options.defaults().withClock(clock));
    assertThat(notebook.formatVersion()).isEqualTo(Migrations.LATEST);
    assertThat(indexedNotes(old)).isEqualTo("personal finance");
    assertThat(found("finance")).containsExactly("Old talk");
    assertThat(notebook.talks().get(1).body()).isEqualTo("personal \ufb01nance");
    assertThat(notebook.check()).isEmpty();
  }

  @Test
  void aNotebookOfFormat7IsIndexedAgainOnlyWhereItHoldsSuchALetter() throws Exception {
    notebook.close();
    Path old = OldNotebook.atVersion(dir.resolve("v7.talkbook"), 7, "Viele Grüße");
    Path plain = OldNotebook.atVersion(dir.resolve("v7-plain.talkbook"), 7, "Viele Gruesse");
    assertThat(indexedNotes(old)).as("format 7 indexed ß").isEqualTo("Viele Grüße");
    long before = indexRowChanges(plain);
    try (Notebook upgraded = Notebook.open(plain)) {
      assertThat(upgraded.formatVersion()).isEqualTo(Migrations.LATEST);
    }
    assertThat(indexRowChanges(plain)).isEqualTo(before);
    notebook = Notebook.open(old, Notebook.Options.defaults().withClock(clock));
    assertThat(notebook.formatVersion()).isEqualTo(Migrations.LATEST);
    assertThat(indexedNotes(old)).isEqualTo("Viele Grüsse");
    assertThat(found("grusse")).containsExactly("Old talk");
    assertThat(found("Grüße")).containsExactly("Old talk");
    assertThat(notebook.check()).isEmpty();
  }

  @ParameterizedTest(name = "read-only {0}")
  @ValueSource(strings = {"asked", "file"})
  void aReadOnlyOpenOfFormat7FindsTheTypedSpellingAndChangesNothing(String how) throws Exception {
    notebook.close();
    Path old = OldNotebook.atVersion(dir.resolve("v7.talkbook"), 7, "Viele Grüße");
    if (how.equals("file")) {
      assertThat(old.toFile().setWritable(false)).isTrue();
      org.junit.jupiter.api.Assumptions.assumeFalse(
          Files.isWritable(old), "the file can still be written (run as root)");
    }
    byte[] before = Files.readAllBytes(old);
    try {
      try (Notebook readOnly =
          Notebook.open(old, Notebook.Options.defaults().withReadOnly(how.equals("asked")))) {
        assertThat(readOnly.formatVersion()).isEqualTo(7);
        assertThat(readOnly.search().search("Grüße", 5))
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
  void aProgramWithoutTalkbooksFunctionsCanStillRenameATalk() throws Exception {
    Talk t = talk("Shell", "notes");
    notebook.close();
    Path file = dir.resolve("n.talkbook");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE talk SET title = 'Grüße', starred = 1 WHERE id = " + t.id());
    }
    notebook = Notebook.open(file);
    assertThat(found("grusse")).containsExactly("Grüße");
    assertThat(notebook.check()).isEmpty();
  }

  private static String indexedNotes(Path file) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT body FROM talk_search WHERE rowid = 1")) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static long indexRowChanges(Path file) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM talk_search_data")) {
      return rs.getLong(1);
    }
  }
}
