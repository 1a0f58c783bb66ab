package dev.talkbook.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.search.QueryException;
import dev.talkbook.core.search.SearchHit;
import dev.talkbook.core.search.Snippet;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchStoreTest {
  @TempDir Path dir;
  private Notebook notebook;
  private Event pyatl;
  private Event devoxx;

  @BeforeEach
  void setUp() {
    notebook = Notebook.open(dir.resolve("n.talkbook"));
    pyatl = notebook.events().create(Event.Details.titled("PyATL"));
    devoxx = notebook.events().create(Event.Details.titled("Devoxx"));
  }

  @AfterEach
  void tearDown() {
    notebook.close();
  }

  private Talk talk(Event event, String title, String speaker, List<String> tags, String body) {
    return notebook
        .talks()
        .create(
            event.id(),
            new Talk.Details(title, List.of(speaker), null, null, null, null, tags),
            body);
  }

  private List<String> titles(String query) {
    return notebook.search().search(query, 20).stream().map(SearchHit::talkTitle).toList();
  }

  @Test
  void aTitleMatchRanksAboveAMatchInTheNotes() {
    talk(pyatl, "Notes on lunch", "A", List.of(), "we talked about compilers and compilers");
    talk(pyatl, "Compilers for everyone", "B", List.of(), "a gentle start");
    assertThat(titles("compilers")).containsExactly("Compilers for everyone", "Notes on lunch");
  }

  @Test
  void findsPhrasesPrefixesAndExclusions() {
    talk(pyatl, "One", "A", List.of(), "structured concurrency in practice");
    talk(pyatl, "Two", "B", List.of(), "concurrency is not structured here");
    talk(pyatl, "Three", "C", List.of(), "concurrent garbage collection in practice");
    assertThat(titles("\"structured concurrency\"")).containsExactly("One");
    assertThat(titles("concurr*")).containsExactlyInAnyOrder("One", "Two", "Three");
    assertThat(titles("concurrency -practice")).containsExactly("Two");
  }

  @Test
  void filtersBySpeakerTagAndEvent() {
    talk(pyatl, "Async Python", "Grace Hopper", List.of("async"), "event loops");
    talk(devoxx, "Async Java", "Ron Pressler", List.of("async", "loom"), "virtual threads");
    talk(devoxx, "Hopper's legacy", "Someone Else", List.of("history"), "COBOL");
    assertThat(titles("speaker:hopper")).containsExactly("Async Python");
    assertThat(titles("tag:async event:devoxx")).containsExactly("Async Java");
    assertThat(titles("tag:loom")).containsExactly("Async Java");
    assertThat(titles("event:pyatl")).containsExactly("Async Python");
  }

  @Test
  void theIndexFollowsEveryChange() {
    Talk t = talk(pyatl, "Old title", "A", List.of("before"), "first body");
    notebook.talks().saveBody(t.id(), "second body mentions zeppelins");
    notebook.talks().update(t.id(), t.details().withTitle("New title").withTags(List.of("after")));
    notebook.events().rename(pyatl.id(), "PyATL Jam");

    assertThat(titles("zeppelins")).containsExactly("New title");
    assertThat(titles("first")).isEmpty();
    assertThat(titles("title:old")).isEmpty();
    assertThat(titles("tag:after")).containsExactly("New title");
    assertThat(titles("tag:before")).isEmpty();
    assertThat(titles("event:jam")).containsExactly("New title");

    notebook.talks().move(t.id(), devoxx.id(), 0);
    assertThat(titles("event:devoxx")).containsExactly("New title");

    notebook.talks().delete(t.id());
    assertThat(titles("zeppelins")).isEmpty();
  }

  @Test
  void theSnippetMarksTheMatchingWords() {
    talk(
        pyatl,
        "Talk",
        "A",
        List.of(),
        "Lots of words before.\n- The *garbage collector* pauses were short.\n- More after.");
    Snippet snippet = notebook.search().search("garbage", 5).get(0).snippet();
    assertThat(snippet.text()).contains("garbage collector").doesNotContain("\n");
    assertThat(snippet.marked("[", "]")).contains("[garbage]");
    Snippet.Range r = snippet.highlights().get(0);
    assertThat(snippet.text().substring(r.start(), r.end())).isEqualTo("garbage");
  }

  @Test
  void aMatchInTheTitleAloneShowsOnlyTheDetailsTheTalkHas() {
    notebook.talks().create(pyatl.id(), Talk.Details.titled("Focus test"), "");
    talk(pyatl, "Loom", "Ron Pressler", List.of("java"), "");
    assertThat(notebook.search().search("focus", 5).get(0).snippet().text())
        .isEqualTo("Focus test · PyATL");
    assertThat(notebook.search().search("loom", 5).get(0).snippet().text())
        .isEqualTo("Loom · Ron Pressler · java · PyATL");
  }

  @Test
  void matchesWithoutAccentsAndByWordStem() {
    talk(pyatl, "Café talk", "José Valim", List.of(), "we were optimizing queries");
    assertThat(titles("cafe")).containsExactly("Café talk");
    assertThat(titles("speaker:jose")).containsExactly("Café talk");
    assertThat(titles("optimize")).containsExactly("Café talk");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"unbalanced",
        "AND",
        "OR OR",
        "NOT x",
        "(a",
        "a)",
        "title:",
        "col:umn:x",
        "^x",
        "x NEAR/3 y",
        "{title}: x",
        "\u0000x"
      })
  void oddQueriesAreAnsweredNotThrown(String query) {
    talk(pyatl, "A talk", "A", List.of(), "x and some text");
    assertThat(notebook.search().search(query, 5)).isNotNull();
  }

  @Test
  void anEmptyQueryIsAClearError() {
    assertThatThrownBy(() -> notebook.search().search("  ", 5))
        .isInstanceOf(QueryException.class)
        .hasMessage("Type a word to search for.");
  }

  @Test
  void limitsTheNumberOfHits() {
    for (int i = 0; i < 30; i++) {
      talk(pyatl, "Talk " + i, "A", List.of(), "common word");
    }
    assertThat(notebook.search().search("common", 7)).hasSize(7);
  }
}
