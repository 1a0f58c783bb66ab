package dev.talkbook.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.talkbook.core.notebook.Event;
import dev.talkbook.core.notebook.Programme;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.search.QueryException;
import dev.talkbook.core.search.SearchHit;
import dev.talkbook.core.search.SearchQuery;
import dev.talkbook.core.search.Snippet;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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

  /**
   * Tester 9b: {@code search java} listed a talk whose only hits were in its code above "Modern
   * Java live": bm25 saturates a row's weighted counts, so long notes with the word once made the
   * title's weight count for little against short notes with it three times.
   */
  @Test
  void aTitleMatchRanksAboveShortNotesThatHaveTheWordSeveralTimes() {
    String longNotes =
        "Records, sealed types and pattern switches, one demo after another.\n".repeat(40)
            + "And java once.";
    talk(pyatl, "Modern Java live", "A", List.of(), longNotes);
    talk(
        pyatl,
        "Runaways",
        "B",
        List.of(),
        "```java\nvar sc = new java.util.Scanner(System.in);\n```\n```java\njava.lang.System.exit(1);\n```\n");
    for (int i = 0; i < 4; i++) {
      talk(devoxx, "Other " + i, "C", List.of(), "nothing of the sort");
    }

    assertThat(titles("java")).containsExactly("Modern Java live", "Runaways");
  }

  @Test
  void theStartOfAWordFindsItAndTheWordItselfRanksFirst() {
    talk(pyatl, "Scripting the browser", "A", List.of(), "javascript in the browser, javascript");
    talk(pyatl, "Records", "B", List.of(), "records in java, the language");
    talk(pyatl, "Lunch", "C", List.of(), "nothing about it");
    assertThat(titles("virt")).isEmpty();
    assertThat(titles("jav")).containsExactlyInAnyOrder("Scripting the browser", "Records");
    // "java" also finds "javascript", but a talk with the word itself comes first.
    assertThat(titles("java")).containsExactly("Records", "Scripting the browser");
    // In quotes, with a field, or shorter than three letters: the whole word only.
    assertThat(titles("\"java\"")).containsExactly("Records");
    assertThat(titles("notes:java")).containsExactly("Records");
    assertThat(titles("ja")).isEmpty();
    // A whole word typed still finds its other forms ("scripting" for "scripts").
    assertThat(titles("scripts")).containsExactly("Scripting the browser");
  }

  /** A talk as a schedule import leaves it: the programme's abstract beside the user's notes. */
  private Talk imported(
      Event event, String title, String speaker, String body, String abstractText) {
    return notebook
        .talks()
        .create(
            event.id(),
            new Talk.Details(title, List.of(speaker), null, null, null, null, List.of()),
            body,
            new Programme(abstractText, null, null, null, null, "uid-" + title, "frab:test", null));
  }

  /** Imported talks that do not match, so each column's average length is a notebook's. */
  private void otherImportedTalks() {
    imported(
        pyatl,
        "Packaging apps",
        "Ada Lovelace",
        "- jlink then jpackage\n- the deb needs libgtk named",
        "How to ship a desktop app to users who have never heard of a JVM.");
    imported(
        pyatl,
        "Testing the UI",
        "Alan Kay",
        "TestFX drives the real window.\nHeadless with Monocle.",
        "Robots, headless toolkits and the flaky tests they save us from.");
    imported(
        devoxx,
        "Records everywhere",
        "Barbara Liskov",
        "Data carriers; compact constructors check the fields.",
        "What records are for, and what they are not for, after three years of using them.");
  }

  private static final String NOTES_ONCE =
      "Met the speaker after: we should try coroutines for the importer.";

  /** Notes many times as long as the others, with the word once, at the end. */
  private static final String LONG_NOTES =
      ("She started with the history of threads on the JVM and why blocking was cheap again."
                  + " Then a long demo of a web server, structured into small steps. ")
              .repeat(3)
          + "Question from the floor about coroutines, answered well.";

  private static final String ABSTRACT_ONCE =
      "An introduction to coroutines for developers who know threads.";

  private static final String ABSTRACT_SEVERAL =
      "Coroutines! Why coroutines, how coroutines, when coroutines, and when not coroutines.";

  private static final String LONG_ABSTRACT =
      ("Concurrency on the JVM has changed: virtual threads, structured concurrency and scoped"
              + " values are here, and coroutines are how Kotlin got there first. ")
          .repeat(8);

  static Stream<Arguments> notesAndAbstracts() {
    return Stream.of(
        Arguments.of("once in each", NOTES_ONCE, ABSTRACT_ONCE),
        Arguments.of("several times in a short abstract", NOTES_ONCE, ABSTRACT_SEVERAL),
        Arguments.of("a long abstract, several times", NOTES_ONCE, LONG_ABSTRACT),
        Arguments.of(
            "once in long notes, several times in the abstract", LONG_NOTES, ABSTRACT_SEVERAL),
        Arguments.of("once in long notes, in a long abstract", LONG_NOTES, LONG_ABSTRACT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notesAndAbstracts")
  void theUsersOwnNotesRankAboveATalkWhoseAbstractAloneMatches(
      String variant, String notes, String abstractText) {
    otherImportedTalks();
    // The abstract's talk first, so that a tie would not put the notes first by chance.
    imported(pyatl, "Abstract only", "Roman Elizarov", "- good slides", abstractText);
    imported(devoxx, "In my notes", "Venkat S", notes, "Threads, old and new.");

    assertThat(titles("coroutines")).containsExactly("In my notes", "Abstract only");
    assertThat(titles("coroutin*")).containsExactly("In my notes", "Abstract only");
  }

  @Test
  void theTitleThenSpeakersAndTagsThenTheNotesThenTheEventThenTheAbstract() {
    otherImportedTalks();
    Event summit = notebook.events().create(Event.Details.titled("Loom summit"));
    imported(pyatl, "Abstract", "A", "", "Why Loom matters for servers.");
    imported(summit, "Event", "B", "", "");
    talk(pyatl, "Tags", "C", List.of("loom"), "");
    imported(pyatl, "Speakers", "Loom Team", "", "");
    imported(pyatl, "Notes", "D", "Loom made the demo server simple.", "");
    imported(pyatl, "Loom in production", "E", "", "");

    List<String> order = titles("loom");

    assertThat(order).hasSize(6);
    assertThat(order.get(0)).isEqualTo("Loom in production");
    assertThat(order.subList(1, 3)).containsExactlyInAnyOrder("Speakers", "Tags");
    assertThat(order.subList(3, 6)).containsExactly("Notes", "Event", "Abstract");
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
  void aTagTypedWithPunctuationFindsThatTagWholeNotTheOthersTheIndexCutsAlike() {
    // the index cuts at punctuation: c#, c++ and c were all its word "c"
    talk(devoxx, "Sharp", "A", List.of("C#"), "dotnet");
    talk(devoxx, "Plus", "B", List.of("c++", "async"), "templates");
    talk(devoxx, "Plain", "C", List.of("c"), "pointers");
    talk(devoxx, "Both", "D", List.of("c#", "C++"), "interop");
    talk(devoxx, "Net", "E", List.of(".NET"), "runtime");
    talk(devoxx, "Sharp basics", "F", List.of("c# basics"), "intro");

    assertThat(titles("tag:c#")).containsExactlyInAnyOrder("Sharp", "Both");
    assertThat(titles("tag:C++")).containsExactlyInAnyOrder("Plus", "Both");
    assertThat(titles("tags:#c#")).containsExactlyInAnyOrder("Sharp", "Both");
    assertThat(titles("tag:.net")).containsExactly("Net");
    assertThat(titles("tag:\"c# basics\"")).containsExactly("Sharp basics");
    // left out: only that tag, not the others cut alike
    assertThat(titles("tag:c* -tag:c#")).containsExactlyInAnyOrder("Plus", "Plain", "Sharp basics");
    assertThat(titles("tag:async -tag:c++")).isEmpty();
    // a tag of letters alone is a whole word of the tags, as before
    assertThat(titles("tag:c")).hasSize(5);
    // a Chinese, Japanese or Korean word beside it (InsideWords): the same rule
    talk(devoxx, "東京 Sharp", "G", List.of("c#"), "メモ");
    talk(devoxx, "東京 Plus", "H", List.of("c++"), "メモ");
    assertThat(titles("メモ tag:c#")).containsExactly("東京 Sharp");
    assertThat(titles("メモ -tag:c#")).containsExactly("東京 Plus");
    // the count of a page cut by its limit counts the same talks
    assertThat(notebook.search().page(SearchQuery.parse("tag:c#"), 1).matching()).isEqualTo(3);
  }

  @Test
  void aNameTypedWithItsPunctuationIsFoundOnlyAsWrittenAndWhole() {
    // the index cuts at punctuation: c#, c++ and c were all its word "c"
    talk(devoxx, "Sharp", "A", List.of(), "We write c# daily. Also c#-ish stuff.");
    talk(devoxx, "Plus", "B", List.of(), "We write C++ code and pointers.");
    talk(devoxx, "Plain", "C", List.of(), "Plain c and pointers.");
    talk(devoxx, "Lookalike", "D", List.of(), "The abc# macro, the c#x file.");
    talk(devoxx, "Runtime", "E", List.of(), "On .NET, and ASP.NET, and networks.");
    talk(pyatl, "C# in the title", "F", List.of(), "notes");
    talk(pyatl, "Tagged", "G", List.of("F#", "c#-basics"), "functional");
    talk(pyatl, "Spoken", "Anders C#", List.of(), "nothing");

    assertThat(titles("c#"))
        .containsExactlyInAnyOrder("Sharp", "C# in the title", "Tagged", "Spoken", "Lookalike");
    assertThat(titles("C++")).containsExactly("Plus");
    assertThat(titles(".net")).containsExactly("Runtime");
    assertThat(titles("f#")).containsExactly("Tagged");
    // left out: only those, not c++ and c
    assertThat(titles("pointers -c#")).containsExactlyInAnyOrder("Plus", "Plain");
    assertThat(titles("pointers -c++")).containsExactly("Plain");
    // in its field only
    assertThat(titles("title:c#")).containsExactly("C# in the title");
    assertThat(titles("speaker:c#")).containsExactly("Spoken");
    assertThat(titles("notes:c++")).containsExactly("Plus");
    // a phrase: its words one after the other
    assertThat(titles("\"c# daily\"")).containsExactly("Sharp");
    assertThat(titles("\"c++ daily\"")).isEmpty();
    // other punctuation keeps the bare word's rule
    assertThat(titles("c")).hasSizeGreaterThan(5);
    // the count of a page cut by its limit counts the same talks
    assertThat(notebook.search().page(SearchQuery.parse("c#"), 2).matching()).isEqualTo(5);
  }

  @Test
  void aNameInTheTitleRanksFirstAndThePassageMarksItWhole() {
    talk(devoxx, "Notes", "A", List.of(), "We write c# and C++ code. Also c#-ish stuff.");
    talk(devoxx, "C# basics", "B", List.of(), "intro");
    talk(devoxx, "Often", "C", List.of(), "c# c# c# and more c#");
    assertThat(titles("c#")).containsExactly("C# basics", "Often", "Notes");
    assertThat(marked("c#", "Notes")).isEqualTo("We write [c#] and C++ code. Also [c#]-ish stuff.");
    assertThat(marked("C++", "Notes")).isEqualTo("…write c# and [C++] code. Also c#-ish stuff.");
    List<SearchHit> hits = notebook.search().search("c#", 20);
    assertThat(hits).isSortedAccordingTo(java.util.Comparator.comparingDouble(SearchHit::rank));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "c#*",
        "#c#",
        "c##",
        "+",
        ".",
        "..net",
        "c#c#",
        "-c# java",
        "\"c#",
        "c#\"\"",
        "'c#' OR 1=1"
      })
  void oddNameQueriesAreAnsweredNotThrown(String query) {
    talk(pyatl, "A talk", "A", List.of(), "java and c# and c++ and .net");
    try {
      assertThat(notebook.search().search(query, 5)).isNotNull();
    } catch (QueryException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @Test
  void aTagTypedWithPunctuationIsFoundWithoutItsAccentsAsEveryOtherWord() {
    talk(devoxx, "Cafe", "C", List.of("Café-Bar"), "coffee");
    talk(devoxx, "Bjorn", "D", List.of("bjørn.io"), "talk");
    talk(devoxx, "Other", "E", List.of("cafe"), "tea");

    assertThat(titles("tag:cafe-bar")).containsExactly("Cafe");
    assertThat(titles("tag:CAFÉ-BAR")).containsExactly("Cafe");
    assertThat(titles("tag:bjorn.io")).containsExactly("Bjorn");
    assertThat(titles("tag:c* -tag:cafe-bar")).containsExactly("Other");
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
  void aFieldWithoutItsWordIsAClearError() {
    assertThatThrownBy(() -> notebook.search().search("title:", 5))
        .isInstanceOf(QueryException.class)
        .hasMessageContaining("right after \"title:\"");
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

  @Test
  void greekWordsAreFoundWithOrWithoutTheirAccents() {
    talk(pyatl, "Σημειώσεις", "A", List.of(), "Σημειώσεις στα Ελληνικά για την ομιλία");
    talk(pyatl, "Χωρίς τόνους", "B", List.of(), "γραμμένα ελληνικα χωρίς τόνους");
    talk(pyatl, "Ελληνικά θέματα", "C", List.of(), "the title says it");
    talk(pyatl, "English", "D", List.of(), "nothing Greek here");
    assertThat(titles("ελληνικα"))
        .containsExactlyInAnyOrder("Σημειώσεις", "Χωρίς τόνους", "Ελληνικά θέματα");
    assertThat(titles("ελληνικά"))
        .containsExactlyInAnyOrder("Σημειώσεις", "Χωρίς τόνους", "Ελληνικά θέματα");
    assertThat(titles("ΕΛΛΗΝΙΚΑ")).hasSize(3);
    assertThat(titles("ελλην*")).hasSize(3);
    assertThat(titles("title:ελληνικα")).containsExactly("Ελληνικά θέματα");
    assertThat(titles("\"ελληνικα θεματα\"")).containsExactly("Ελληνικά θέματα");
    assertThat(titles("ομιλια")).containsExactly("Σημειώσεις");
    assertThat(titles("τονους -ελληνικά")).isEmpty();
    assertThat(titles("ελληνικα -ομιλια"))
        .containsExactlyInAnyOrder("Χωρίς τόνους", "Ελληνικά θέματα");
    assertThat(notebook.search().search("ελληνικα", 20))
        .filteredOn(h -> h.talkTitle().equals("Σημειώσεις"))
        .singleElement()
        .satisfies(h -> assertThat(h.snippet().marked("[", "]")).contains("[Ελληνικά]"));
  }

  /** What a query's hit for the talk titled {@code title} marks in its passage. */
  private String marked(String query, String title) {
    return notebook.search().search(query, 20).stream()
        .filter(h -> h.talkTitle().equals(title))
        .findFirst()
        .map(h -> h.snippet().marked("[", "]"))
        .orElse("(not found)");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "virtu-",
        "virt.",
        "(virt",
        "virt,",
        "\"virt",
        "virt\"",
        "[virtu]",
        "virtual-",
        "virtual-t",
        "virtual-thr",
        "\"virtual thr",
        "virtu- -kotlin"
      })
  void punctuationTypedAroundAWordFindsWhatTheBareWordFinds(String query) {
    talk(pyatl, "Loom", "A", List.of(), "Notes on virtual-threads and carriers");
    talk(pyatl, "Lunch", "B", List.of(), "nothing about it");
    assertThat(titles("virtu")).containsExactly("Loom");
    assertThat(titles(query)).containsExactly("Loom");
    assertThat(marked(query, "Loom")).contains("[virtual]");
  }

  @Test
  void punctuationAroundAWordOfAnotherScriptIsNoHindranceEither() {
    talk(pyatl, "Notes in Japanese", "A", List.of(), "日本語のメモです。東京で書きました");
    talk(pyatl, "Σημειώσεις", "B", List.of(), "Σημειώσεις στα Ελληνικά για την ομιλία");
    assertThat(titles("メモ。")).containsExactly("Notes in Japanese");
    assertThat(titles("「メモ」")).containsExactly("Notes in Japanese");
    assertThat(titles("(ελληνικα)")).containsExactly("Σημειώσεις");
    assertThat(titles("ελληνικ-")).containsExactly("Σημειώσεις");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ΟΔΟΣ", "οδοσ", "οδος", "οδός", "Οδός", "ΟΔΌΣ", "οδο", "ΟΔΟΣ."})
  void aGreekFinalSigmaIsASigma(String query) {
    talk(pyatl, "Athens", "A", List.of(), "Η οδός Σταδίου και η πλατεία");
    talk(pyatl, "Capitals", "B", List.of(), "ΣΤΗΝ ΟΔΟ ΣΤΑΔΙΟΥ");
    talk(pyatl, "Lunch", "C", List.of(), "nothing about it");
    assertThat(titles(query)).contains("Athens").doesNotContain("Lunch");
    assertThat(marked(query, "Athens")).contains("[οδός]");
  }

  @Test
  void chineseJapaneseAndKoreanWordsAreFoundInsideARun() {
    talk(pyatl, "Notes in Japanese", "A", List.of(), "日本語のメモです。東京で書きました");
    talk(pyatl, "東京タワーの話", "B", List.of(), "about a tower");
    talk(pyatl, "Chinese", "C", List.of(), "这是中文笔记，关于数据库延迟。");
    talk(pyatl, "Korean", "D", List.of(), "한국어 메모입니다");
    talk(pyatl, "English", "E", List.of(), "memo about compilers");
    assertThat(titles("メモ")).containsExactly("Notes in Japanese");
    assertThat(titles("日本語")).containsExactly("Notes in Japanese");
    assertThat(titles("東京")).containsExactly("東京タワーの話", "Notes in Japanese");
    assertThat(titles("数据库")).containsExactly("Chinese");
    assertThat(titles("메모")).containsExactly("Korean");
    assertThat(titles("タワー*")).containsExactly("東京タワーの話");
    assertThat(titles("\"のメモ")).containsExactly("Notes in Japanese");
  }

  @Test
  void aCjkTermKeepsToItsFieldAndExclusionsLeaveOutTalksFoundEitherWay() {
    talk(pyatl, "東京タワーの話", "B", List.of(), "about a tower, compilers");
    talk(pyatl, "Notes in Japanese", "A", List.of("東京"), "日本語のメモです。東京で書きました");
    talk(devoxx, "Plain", "C", List.of(), "メモ compilers kotlin");
    assertThat(titles("title:東京")).containsExactly("東京タワーの話");
    assertThat(titles("notes:東京")).containsExactly("Notes in Japanese");
    assertThat(titles("tag:東京")).containsExactly("Notes in Japanese");
    assertThat(titles("title:メモ")).isEmpty();
    // Excluded: inside a run ("日本語のメモ") and as a word of its own ("メモ compilers").
    assertThat(titles("東京 -メモ")).containsExactly("東京タワーの話");
    assertThat(titles("compilers -メモ")).containsExactly("東京タワーの話");
    assertThat(titles("メモ -kotlin")).containsExactly("Notes in Japanese");
    assertThat(titles("メモ compilers")).containsExactly("Plain");
    assertThat(titles("メモ event:devoxx")).containsExactly("Plain");
    assertThat(titles("-東京 メモ -kotlin")).isEmpty();
  }

  /** As {@link #aTitleMatchRanksAboveShortNotesThatHaveTheWordSeveralTimes}, for a CJK word. */
  @Test
  void aCjkWordInATitleRanksAboveShortNotesThatHaveItSeveralTimes() {
    talk(pyatl, "東京の話", "A", List.of(), "Tokyo, the long way round.\n".repeat(40));
    talk(pyatl, "Short", "B", List.of(), "東京、東京、東京");
    talk(pyatl, "Tagged", "C", List.of("東京"), "a walk");
    for (int i = 0; i < 4; i++) {
      talk(devoxx, "Other " + i, "D", List.of(), "nothing of the sort");
    }

    assertThat(titles("東京")).containsExactly("東京の話", "Tagged", "Short");
    assertThat(titles("東京 tokyo")).containsExactly("東京の話");
  }

  @Test
  void aTalkFoundBothAsAWordAndInsideARunIsListedOnce() {
    // "メモ" as a word of its own (the index has it) and inside "日本語のメモです" (it has not).
    talk(pyatl, "Both", "A", List.of(), "メモ\n\n日本語のメモです");
    talk(pyatl, "Word", "B", List.of(), "メモ");
    talk(pyatl, "Run", "C", List.of(), "日本語のメモです");
    assertThat(titles("メモ")).containsExactlyInAnyOrder("Both", "Word", "Run");
    // A phrase the index has across a comma, and the text has with a space.
    talk(pyatl, "Comma", "D", List.of(), "日本語、メモ");
    talk(pyatl, "Space", "E", List.of(), "これは日本語 メモです");
    assertThat(titles("\"日本語 メモ\"")).containsExactlyInAnyOrder("Comma", "Space");
  }

  @Test
  void cjkHitsAreRankedLikeTheOthersAndKeepTheLimit() {
    for (int i = 0; i < 12; i++) {
      talk(pyatl, "Talk " + i, "A", List.of(), "long notes about other things ".repeat(20) + "メモ");
    }
    talk(pyatl, "会議のメモ", "B", List.of(), "title match");
    talk(pyatl, "Often", "C", List.of(), "メモ メモ、日本語のメモ");
    List<SearchHit> hits = notebook.search().search("メモ", 5);
    assertThat(hits).hasSize(5);
    assertThat(hits.get(0).talkTitle()).isEqualTo("会議のメモ");
    assertThat(hits.get(1).talkTitle()).isEqualTo("Often");
    assertThat(hits).isSortedAccordingTo(java.util.Comparator.comparingDouble(SearchHit::rank));
    assertThat(hits.get(1).snippet().marked("[", "]")).isEqualTo("[メモ] [メモ]、日本語の[メモ]");
    assertThat(titles("メモ -Often")).hasSize(13);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"メモ",
        "メモ*",
        "*メモ",
        "\"日本語 \"のメモ\"",
        "メモ\"\"",
        "'メモ' OR 1=1",
        "メモ%",
        "_モ",
        "\uD800メモ",
        "メモ\u0301",
        "ελληνικα日本語",
        "title:\"メモ"
      })
  void oddCjkQueriesAreAnsweredNotThrown(String query) {
    talk(pyatl, "A talk", "A", List.of(), "日本語のメモです and some text");
    assertThat(notebook.search().search(query, 5)).isNotNull();
  }

  @Test
  void aLongCjkRunIsSearchedWhole() {
    talk(pyatl, "Long", "A", List.of(), "日本語".repeat(20_000) + "メモ" + "です".repeat(20_000));
    List<SearchHit> hits = notebook.search().search("メモ", 5);
    assertThat(hits).singleElement();
    assertThat(hits.get(0).snippet().text()).hasSizeLessThan(80).contains("メモ");
    assertThat(notebook.search().search("日本語".repeat(3_000), 5)).hasSize(1);
  }
}
