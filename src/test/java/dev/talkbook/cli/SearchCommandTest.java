package dev.talkbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.notebook.Programme;
import dev.talkbook.core.notebook.Talk;
import dev.talkbook.core.search.SearchHit;
import dev.talkbook.core.store.Notebook;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.Help.Ansi;

/** {@code search QUERY…}: the search language as typed on a command line. */
class SearchCommandTest extends CliTest {

  @BeforeEach
  void sample() {
    addSample();
  }

  /** The titles of the hits, in the order printed. */
  private static String titles(Result r) {
    return String.join(
        "|",
        r.out()
            .lines()
            .filter(l -> l.matches("\\d+  .*"))
            .map(l -> l.replaceFirst("^\\d+  ", "").replaceFirst(" — .*$", ""))
            .toList());
  }

  @Test
  void aWordFindsTheTalkWithItsEventSpeakerAndPassage() {
    Result r = ok("search", "jshell");

    assertOut(r)
        .containsPattern(
            "(?m)^\\d+  Live coding without fear — JVM Evening \\(Talkbook sample"
                + " meetup\\) \\(Ruben Oyelaran\\)$")
        .containsPattern("(?m)^     .*\\*[Jj][Ss]hell\\*");
    assertThat(titles(r)).isEqualTo("Live coding without fear");
  }

  static Stream<Arguments> queries() {
    return Stream.of(
        // all words must match
        Arguments.of(List.of("carrier", "threads"), "Virtual threads in practice"),
        Arguments.of(List.of("sqlite", "wal"), "SQLite everywhere"),
        // the whole query as one argument, the way a shell passes a quoted query
        Arguments.of(List.of("carrier threads"), "Virtual threads in practice"),
        // a phrase: the words in this order
        Arguments.of(List.of("\"application file format\""), "SQLite everywhere"),
        // a prefix
        Arguments.of(List.of("accessib*"), "Accessible desktop apps"),
        // fields
        Arguments.of(List.of("speaker:carvalho"), "Outlines that think"),
        Arguments.of(List.of("tag:jshell"), "Live coding without fear"),
        Arguments.of(List.of("title:outlines"), "Outlines that think"),
        Arguments.of(List.of("notes:semaphore"), "Virtual threads in practice"),
        Arguments.of(List.of("tag:note-taking"), "Outlines that think"),
        Arguments.of(List.of("speaker:wierz*"), "SQLite everywhere"),
        Arguments.of(List.of("by:\"lena brandvold\""), "Accessible desktop apps"),
        // exclusions: a word, a field, a phrase
        Arguments.of(List.of("tag:java", "-tag:jshell"), "Virtual threads in practice"),
        Arguments.of(List.of("sqlite", "-\"jshell\""), "SQLite everywhere"),
        // diacritics and case do not matter
        Arguments.of(List.of("SEMAPHORE"), "Virtual threads in practice"));
  }

  @ParameterizedTest(name = "search {0}")
  @MethodSource("queries")
  void theSearchLanguageFindsTheRightTalk(List<String> query, String expected) {
    List<String> args = new ArrayList<>(List.of("search"));
    args.addAll(query);

    Result r = ok(args.toArray(String[]::new));

    assertThat(titles(r)).isEqualTo(expected);
  }

  @Test
  void aTitleWithTheLigatureFiIsFoundByTheLetters() {
    long event = addEvent("Money meetup");
    addTalk(event, "\ufb01nance for engineers");

    assertThat(titles(ok("search", "finance"))).isEqualTo("\ufb01nance for engineers");
    assertThat(titles(ok("search", "\ufb01nance"))).isEqualTo("\ufb01nance for engineers");
  }

  @Test
  void aPhraseAsOneArgumentMustMatchInOrder() {
    noTalkMatches("search", "\"file format application\"");
    assertThat(titles(ok("search", "\"application file format\""))).isEqualTo("SQLite everywhere");
  }

  @Test
  void aDashedWordPassedAsAnArgumentExcludesTalks() {
    assertThat(titles(ok("search", "sqlite"))).contains("SQLite everywhere");

    Result r = ok("search", "sqlite", "-wal");

    assertThat(titles(r)).doesNotContain("SQLite everywhere").contains("Live coding without fear");
  }

  @Test
  void anExcludedWordStartingWithHIsNotTakenForTheHelpOption() {
    Result r = ok("search", "sqlite", "-hibernate");

    assertThat(r.out()).doesNotContain("Usage:");
    assertThat(titles(r)).contains("SQLite everywhere");
  }

  @Test
  void anExclusionCanComeFirst() {
    Result r = ok("search", "-wal", "sqlite");

    assertThat(titles(r)).doesNotContain("SQLite everywhere").contains("Live coding without fear");
  }

  @Test
  void anExclusionWorksWithTheNotebookOptionAfterIt() {
    Result r = runWithNotebookLast("search", "sqlite", "-wal");

    assertThat(r.exitCode()).as("%s", r).isZero();
    assertThat(titles(r)).doesNotContain("SQLite everywhere").contains("Live coding without fear");
  }

  @Test
  void aFieldMatchesOnlyInThatField() {
    // "java" is in several talks' notes, but only two carry the tag.
    Result r = ok("search", "tag:java");

    assertThat(titles(r).split("\\|"))
        .containsExactlyInAnyOrder("Virtual threads in practice", "Live coding without fear");
  }

  @Test
  void aFieldsWordIsWholeAsTheHelpSays() {
    // the two talks tagged java, and the one tagged javafx
    assertThat(titles(ok("search", "tag:jav*")).split("\\|"))
        .containsExactlyInAnyOrder(
            "Virtual threads in practice", "Live coding without fear", "Accessible desktop apps");
    noTalkMatches("search", "tag:jav");
    assertOut(ok("search", "--help"))
        .contains("a field's word", "is whole: tag:sec finds no \"security\", tag:sec* does");
  }

  @Test
  void theEventFieldMatchesTheEventTitle() {
    Result r = ok("search", "event:evening");

    assertThat(titles(r).split("\\|")).hasSize(5);
  }

  @ParameterizedTest
  @ValueSource(strings = {"virtu-", "virt.", "(virt", "virt,", "\"virt", "virt\""})
  void punctuationTypedWithAWordFindsWhatTheBareWordFinds(String query) {
    String bare = titles(ok("search", "virtu"));
    assertThat(bare).contains("Virtual threads in practice");

    Result r = ok("search", query);

    assertThat(titles(r)).isEqualTo(bare);
    assertOut(r).containsPattern("(?m)^     .*\\*[Vv]irtual\\*");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ΟΔΟΣ", "οδοσ", "οδος"})
  void aGreekWordFindsItsFinalSigmaSpellingAndMarksIt(String query) {
    long event = addEvent("Αθήνα");
    try (Notebook nb = Notebook.open(notebook(), Notebook.Options.defaults().withCreate(false))) {
      nb.talks().create(event, Talk.Details.titled("Οδηγός"), "Η οδός Σταδίου είναι κεντρική.");
    }

    Result r = ok("search", query);

    assertThat(titles(r)).isEqualTo("Οδηγός");
    assertOut(r).contains("*οδός*");
  }

  @Test
  void theTitleIsRankedFirst() {
    Result r = ok("search", "sqlite");

    assertThat(titles(r)).startsWith("SQLite everywhere");
  }

  /** A talk whose imported abstract alone has "coroutines", then one whose notes have it. */
  private void addAbstractAndNotesTalks() {
    long event = addEvent("KotlinConf");
    try (Notebook nb = Notebook.open(notebook(), Notebook.Options.defaults().withCreate(false))) {
      nb.talks()
          .create(
              event,
              Talk.Details.titled("Abstract only"),
              "- good slides",
              new Programme(
                  "An introduction to coroutines for developers who know threads.",
                  null,
                  null,
                  null,
                  null,
                  "uid-1",
                  "frab:kotlinconf",
                  null));
      nb.talks()
          .create(event, Talk.Details.titled("In my notes"), "We should try coroutines here.");
    }
  }

  @Test
  void theUsersNotesComeBeforeATalkWhoseImportedAbstractAloneMatches() {
    addAbstractAndNotesTalks();

    assertThat(titles(ok("search", "coroutines"))).isEqualTo("In my notes|Abstract only");
  }

  @ParameterizedTest
  @ValueSource(strings = {"java", "threads", "sqlite", "event:evening", "coroutines"})
  void printsTheHitsInTheOrderTheWindowShowsThem(String query) {
    addAbstractAndNotesTalks();
    // The window's search panel lists SearchStore.search's hits in the order given (SearchView).
    List<String> found =
        peek(nb -> nb.search().search(query, 20).stream().map(SearchHit::talkTitle).toList());

    assertThat(titles(ok("search", query))).isNotEmpty().isEqualTo(String.join("|", found));
  }

  @Test
  void limitCapsTheHits() {
    Result r = ok("search", "event:evening", "--limit", "2");

    assertThat(titles(r).split("\\|")).hasSize(2);
  }

  @Test
  void aLimitThatCutsTheHitsSaysOnStandardErrorHowManyMatch() {
    int matching = titles(ok("search", "event:evening", "--limit", "1000")).split("\\|").length;
    assertThat(matching).isGreaterThan(2);

    Result r = ok("search", "event:evening", "--limit", "2");

    assertThat(titles(r).split("\\|")).hasSize(2);
    assertErr(r).isEqualTo("2 of " + matching + " talks shown (--limit N for more)\n");
    assertOut(r).doesNotContain("shown");
  }

  @Test
  void aLimitThatCutsNothingSaysNothing() {
    Result r = ok("search", "event:evening", "--limit", "1000");

    assertErr(r).isEmpty();
  }

  @Test
  void aQueryLookingInsideWordsCountsToo() {
    long event = addEvent("Tokyo");
    try (Notebook nb = Notebook.open(notebook(), Notebook.Options.defaults().withCreate(false))) {
      for (int i = 1; i <= 3; i++) {
        nb.talks().create(event, Talk.Details.titled("会議 " + i), "日本語のメモです。");
      }
    }

    Result r = ok("search", "メモ", "--limit", "1");

    assertErr(r).isEqualTo("1 of 3 talks shown (--limit N for more)\n");
  }

  @Test
  void theHelpSaysTheDefaultLimit() {
    assertOut(ok("search", "--help")).contains("At most N hits (default: 20)");
  }

  @Test
  void thousandsAreGrouped() {
    assertThat(SearchCommand.shownOf(20, 9380))
        .isEqualTo("20 of 9,380 talks shown (--limit N for more)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-5"})
  void aLimitBelowOneIsWrongUsage(String limit) {
    Result r = misused("search", "event:evening", "--limit", limit);

    assertErr(r).contains("--limit must be at least 1 (it was " + limit + ")");
    assertOut(r).isEmpty();
  }

  @Test
  void withoutColoursTheMatchesAreMarkedWithStars() {
    Result r = runRaw(Ansi.OFF, "--notebook", notebook().toString(), "search", "semaphore");

    assertOut(r).contains("*Semaphore*").doesNotContain("\u001b[");
  }

  @Test
  void withColoursTheMatchesAreBold() {
    Result r = runRaw(Ansi.ON, "--notebook", notebook().toString(), "search", "semaphore");

    assertOut(r).contains("\u001b[1mSemaphore\u001b[0m").doesNotContain("*Semaphore*");
  }

  /**
   * Tester 9b: "No talk matches." was printed on stdout with exit code 0, so {@code talkbook search
   * foo | wc -l} counted 1. Now stdout stays empty, the message goes to stderr, and the exit code
   * is 1, as grep's; the help says so.
   */
  @Test
  void noMatchSaysSoOnStandardErrorAndExitsOneAsGrepDoes() {
    Result r = noTalkMatches("search", "kubernetes");

    assertThat(r.err()).isEqualToIgnoringNewLines("No talk matches.");
    assertOut(ok("search", "--help")).contains("Exit codes", "1   no talk matched");
  }

  /**
   * Tester 9b: {@code search 🚀}, with 🚀 in a talk's title, said "Type a word to search for." as
   * if the query were empty. The index keeps words only; the message now says so.
   */
  @Test
  void anEmojiOrSymbolAloneIsSaidNotToBeSearched() {
    ok("talk", "add", "--event", "1", "Liftoff \uD83D\uDE80");

    for (String query : List.of("\uD83D\uDE80", "\"\uD83D\uDE80\"", "-\uD83D\uDE80 \u20AC")) {
      assertErr(oneLineMisuse("search", query))
          .contains("Emoji and symbols such as")
          .contains("are not searched")
          .contains("type a word to search for");
    }
    assertErr(oneLineMisuse("search", "\uD83D\uDC69\u200D\uD83D\uDCBB"))
        .contains("such as \uD83D\uDC69\u200D\uD83D\uDCBB are");
    // A word beside it is searched, and punctuation alone is still "no word".
    assertThat(titles(ok("search", "\uD83D\uDE80", "liftoff"))).isEqualTo("Liftoff \uD83D\uDE80");
    assertErr(oneLineMisuse("search", "*"))
        .isEqualToIgnoringNewLines("talkbook: Type a word to search for.");
  }

  /** One line on stderr, nothing on stdout, exit 2 (wrong usage), no stack trace. */
  private Result oneLineMisuse(String... args) {
    Result r = misused(args);
    assertThat(r.err().lines()).as("stderr of %s", r).hasSize(1);
    assertErr(r).startsWith("talkbook: ").doesNotContain("Usage:");
    assertOut(r).isEmpty();
    return r;
  }

  @Test
  void aQueryOfOnlyAnExclusionIsWrongUsageWithAClearMessage() {
    Result r = oneLineMisuse("search", "-foo");

    assertErr(r).contains("Add a word to search for").doesNotContain("QueryException");
  }

  @ParameterizedTest
  @ValueSource(strings = {"*", "\"", "-", "()", "(", ")", "\"\"", "-\"", "\" * - ()"})
  void aQueryOfOnlySearchCharactersIsWrongUsageInOneLine(String query) {
    Result r = oneLineMisuse("search", query);

    assertErr(r).contains("Type a word to search for.");
  }

  @Test
  void searchCharactersAsSeparateArgumentsAreWrongUsageInOneLine() {
    assertErr(oneLineMisuse("search", "\"", "*", "-", "()")).contains("Type a word to search for.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"title:", "speaker:", "TAG:", "-title:", "jshell notes:"})
  void aFieldWithNothingAfterItIsWrongUsageSayingHowToWriteIt(String query) {
    String field =
        query.replaceFirst("^.*?-?([A-Za-z]+):$", "$1").toLowerCase(java.util.Locale.ROOT);

    Result r = oneLineMisuse("search", query);

    assertErr(r).contains("right after").contains(field + ":jshell");
  }

  @Test
  void aFieldAndItsWordAsTwoArgumentsSayToJoinThem() {
    // the shell splits "title: jshell" in two; the word belongs right after the colon
    assertErr(oneLineMisuse("search", "title:", "jshell")).contains("without a space");
  }

  @Test
  void aQuotedFieldNameIsAWordAgain() {
    assertThat(titles(ok("search", "\"speaker:\"", "carvalho"))).isEqualTo("Outlines that think");
  }

  @Test
  void searchCharactersAreNeverSyntaxErrors() {
    Result r = run("search", "AND", "OR", "NOT", "(", "\"", "^x", "NEAR(a b)");

    assertThat(r.exitCode()).as("%s", r).isIn(0, 1);
    assertNoStackTrace(r);
    assertErr(r).doesNotContain("fts5", "syntax error");
  }

  @Test
  void aTenKilobyteQueryIsSearched() {
    noTalkMatches("search", "jshell " + "x".repeat(10 * 1024));
    assertThat(titles(ok("search", "jshell ".repeat(10 * 1024 / 7))))
        .isEqualTo("Live coding without fear");
    noTalkMatches("search", "\"" + "word ".repeat(2048) + "\"");
    oneLineMisuse("search", "\"*-() ".repeat(2048));
  }

  @Test
  void aTenKilobyteQueryOfExclusionsIsSearched() {
    // each exclusion once made FTS5's expression a level deeper, and it refuses 256
    StringBuilder query = new StringBuilder("jshell");
    for (int i = 0; query.length() < 10 * 1024; i++) {
      query.append(" -w").append(i);
    }

    Result r = ok("search", query.toString());

    assertThat(titles(r)).isEqualTo("Live coding without fear");
    noTalkMatches("search", "sqlite", "-tag:jshell", "-wal"); // SQLite's talk has "wal"
  }

  @Test
  void bytesTheSystemCouldNotReadAreToldOfAndTheRestSearched() {
    // the JVM hands an argument's bytes that are not text in its encoding over as U+FFFD
    Result r = noTalkMatches("search", "jshell", "caf\uFFFD");

    assertErr(r).contains("not").contains("encoding").hasLineCount(2);
    assertNoStackTrace(r);
    assertErr(oneLineMisuse("search", "\uFFFD\uFFFD")).contains("Type a word to search for.");
  }

  @Test
  void aNewTalksNotesAreFoundRightAway() throws Exception {
    Path notes =
        Files.writeString(dir.resolve("n.md"), "the zeppelin landed\n", StandardCharsets.UTF_8);
    addTalk(1, "Airships", "--notes-file", notes.toString(), "--speaker", "Hugo Eckener");

    assertThat(titles(ok("search", "zeppelin"))).isEqualTo("Airships");
    assertThat(titles(ok("search", "speaker:eckener"))).isEqualTo("Airships");
  }

  @Test
  void greekWithoutAccentsAndAJapaneseWordInsideARunAreFoundAndMarked() {
    long event = addEvent("PyCon Athens");
    try (Notebook nb = Notebook.open(notebook(), Notebook.Options.defaults().withCreate(false))) {
      nb.talks()
          .create(event, Talk.Details.titled("Ομιλία"), "Σημειώσεις στα Ελληνικά για την ομιλία.");
      nb.talks().create(event, Talk.Details.titled("会議"), "日本語のメモです。");
    }

    Result greek = ok("search", "ελληνικα");
    assertThat(titles(greek)).isEqualTo("Ομιλία");
    assertOut(greek).contains("Σημειώσεις στα *Ελληνικά* για την ομιλία.");

    Result japanese = ok("search", "メモ");
    assertThat(titles(japanese)).isEqualTo("会議");
    assertOut(japanese).contains("日本語の*メモ*です。");
  }

  @Test
  void lettersDecompositionLeavesWholeAreFoundAsReadersTypeThemAndMarkedAsWritten() {
    long event = addEvent("JUG Leipzig");
    try (Notebook nb = Notebook.open(notebook(), Notebook.Options.defaults().withCreate(false))) {
      nb.talks()
          .create(
              event,
              Talk.Details.titled("Keynote: Zwanzig Jahre Java – Grüße aus Leipzig")
                  .withSpeakers(List.of("Mette Søndergaard")),
              "Herzliche Grüße an alle.");
    }

    Result grusse = ok("search", "grusse");
    assertThat(titles(grusse)).isEqualTo("Keynote: Zwanzig Jahre Java – Grüße aus Leipzig");
    assertOut(grusse).contains("Herzliche *Grüße* an alle.");
    Result gruesse = ok("search", "gruesse");
    assertThat(titles(gruesse)).isEqualTo("Keynote: Zwanzig Jahre Java – Grüße aus Leipzig");
    assertOut(gruesse).contains("Herzliche *Grüße* an alle.");
    assertThat(titles(ok("search", "sondergaard")))
        .isEqualTo("Keynote: Zwanzig Jahre Java – Grüße aus Leipzig");
    assertThat(titles(ok("search", "Grüße")))
        .isEqualTo("Keynote: Zwanzig Jahre Java – Grüße aus Leipzig");
  }

  /** Notes with raw HTML of every kind a page drops, around words the page shows. */
  private static final String RAW_HTML =
      "Intro <span onclick=\"zorblaxalert()\" class=\"quuxclass\">gleaming words</span> here.\n"
          + "\n"
          + "<script>var plughsecret = 1;</script>\n"
          + "\n"
          + "<!-- wibblecomment -->\n"
          + "\n"
          + "<style>.x { colour: frobcrimson }</style>\n";

  /** What the page does not show of {@link #RAW_HTML}. */
  private static final List<String> HIDDEN =
      List.of(
          "onclick",
          "zorblaxalert",
          "span",
          "quuxclass",
          "plughsecret",
          "wibblecomment",
          "frobcrimson");

  private void assertFindsOnlyWhatThePageShows(String title) {
    for (String word : HIDDEN) {
      noTalkMatches("search", word);
    }
    Result r = ok("search", "gleaming");
    assertThat(titles(r)).isEqualTo(title);
    assertOut(r).contains("Intro *gleaming* words here.").doesNotContain("<", "onclick");
  }

  @Test
  void rawHtmlInNotesGivesNoWordsOnlyTheTextItsPageShows() throws Exception {
    Path notes = dir.resolve("notes.md");
    Files.writeString(notes, RAW_HTML);
    ok("talk", "add", "--event", "1", "Raw HTML", "--notes-file", notes.toString());

    assertFindsOnlyWhatThePageShows("Raw HTML");
  }

  @Test
  void rawHtmlInImportedNotesGivesNoWords() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("md"));
    Files.writeString(folder.resolve("raw.md"), "---\ntitle: Imported raw\n---\n" + RAW_HTML);
    ok("import", "markdown", folder.toString());

    assertFindsOnlyWhatThePageShows("Imported raw");
  }

  @Test
  void aNotebookOfTheFormatBeforeIsSearchedAsItsPagesShow() throws Exception {
    Files.delete(notebook());
    dev.talkbook.core.store.OldNotebook.atVersion(notebook(), 5, RAW_HTML);
    byte[] before = Files.readAllBytes(notebook());

    // Read-only as asked: refused as for any older format, the file unchanged.
    Result refused = refused("--read-only", "search", "gleaming");
    assertErr(refused).contains("older Talkbook").contains("Open it once without --read-only");
    assertThat(Files.readAllBytes(notebook())).isEqualTo(before);

    // A reading command upgrades it once: its notes are indexed again.
    for (String word : HIDDEN) {
      noTalkMatches("search", word);
    }
    assertThat(titles(ok("search", "gleaming"))).isEqualTo("Old talk");
  }

  /**
   * Review 10: the help said {@code | wc -l} counts the hits, but each hit is two lines; and "exit
   * codes as grep's" hid that 1 is also a notebook that could not be read.
   */
  @Test
  void theHelpCountsTheHitsAsTheyArePrintedAndSaysAllThatExitCodeOneMeans() {
    ok("talk", "add", "--event", "1", "Loom one");
    ok("talk", "add", "--event", "1", "Loom two");
    String out = ok("search", "loom").out();
    assertThat(out.lines().filter(line -> line.matches("[0-9].*")).count()).isEqualTo(2);

    String help = ok("search", "--help").out().replaceAll("\\s+", " ");
    assertThat(help)
        .contains("| grep -c '^[0-9]'` counts the hits")
        .doesNotContain("wc -l")
        .doesNotContain("as grep's")
        .contains("or the notebook could not be read");
  }
}
