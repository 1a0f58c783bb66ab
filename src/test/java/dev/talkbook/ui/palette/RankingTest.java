package dev.talkbook.ui.palette;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RankingTest {
  /** Some of the window's actions: label, menu path, shortcut, hidden words. */
  private static final List<PaletteEntry<String>> ACTIONS =
      List.of(
          action("New event…", "File", "Ctrl+Shift+E", "conference meetup create add"),
          action("New talk…", "File", "Ctrl+N", "session create add"),
          action("Replace…", "Edit", "Ctrl+H", "substitute find"),
          action("Find…", "Edit", "Ctrl+F", "search"),
          action("Line numbers", "View", "", ""),
          action("Zoom in", "View", "Ctrl+=", "font bigger larger"),
          action("System", "View › Theme", "", "appearance colour color follow desktop"),
          action("Light", "View › Theme", "", "appearance colour color day"),
          action("Dark", "View › Theme", "", "appearance colour color night"),
          action("Show or hide the REPL", "Java", "Ctrl+J", "jshell console java"),
          action("Restart Java (run the definitions again)", "Java", "", "repl jshell"),
          action("Search notes", "Go", "Ctrl+Shift+F", "find full text"),
          action("History of this talk…", "Go", "Ctrl+Shift+H", "revisions versions restore"),
          action("Star or unstar the talk", "Edit", "Ctrl+D", "favourite favorite mark"),
          action("Move item or section up", "Outline", "Alt+Shift+Up", "outliner reorder"),
          action("Show the address to the audience", "Share", "", "qr code url"));

  private static PaletteEntry<String> action(String label, String path, String key, String words) {
    return new PaletteEntry<>(label, label, path, key, words);
  }

  private static List<String> ranked(String query) {
    return Ranking.rank(query, ACTIONS).stream().map(PaletteEntry::label).toList();
  }

  @Test
  void themeFindsTheThemeEntriesByTheirMenuPath() {
    assertThat(ranked("theme")).startsWith("System", "Light", "Dark").hasSize(3);
    assertThat(ranked("dark")).first().isEqualTo("Dark");
    assertThat(ranked("theme dark")).containsExactly("Dark");
  }

  @Test
  void replRanksTheReplFirst() {
    assertThat(ranked("repl").get(0)).isEqualTo("Show or hide the REPL");
    assertThat(ranked("repl")).contains("Replace…");
  }

  @ParameterizedTest(name = "{0} => {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          new       | New event…
          new talk  | New talk…
          nta       | New talk…
          zoom      | Zoom in
          bigger    | Zoom in
          jshell    | Show or hide the REPL
          history   | History of this talk…
          revisions | History of this talk…
          find      | Find…
          NIGHT     | Dark
          lne       | Line numbers
          """)
  void theBestMatchComesFirst(String query, String first) {
    assertThat(ranked(query).get(0)).isEqualTo(first);
  }

  @Test
  void aTypedWordSomeEntryHoldsIsNotMatchedByLettersScatteredOverOthers() {
    // "Star or unstar the talk" has d (Ctrl+D), a and r (favourite) and k (mark) in order
    assertThat(ranked("dark")).containsExactly("Dark");
    // s, t, a, r over "Show the address…", s, t, o, p over "…section up"
    assertThat(ranked("star"))
        .containsExactly("Star or unstar the talk", "Restart Java (run the definitions again)");
    assertThat(ranked("stop")).isEmpty();
  }

  @Test
  void lettersInOrderStillFindAWordNoEntryHoldsInRunsThatStartWords() {
    assertThat(ranked("nwev")).containsExactly("New event…");
    assertThat(ranked("theme drk")).containsExactly("Dark");
    assertThat(ranked("fvrt")).containsExactly("Star or unstar the talk");
    PaletteEntry<String> section = action("Move item or section up", "", "", "");
    assertThat(Ranking.score("mis", section)).as("M, i of item, s of section").isPositive();
    assertThat(Ranking.score("stop", section)).as("p is not a word's start").isNegative();
    PaletteEntry<String> star = action("Star", "Edit", "Ctrl+D", "favourite mark");
    assertThat(Ranking.score("dark", star)).as("the other texts: within one word").isNegative();
  }

  @Test
  void aHiddenWordTypedWholeCountsAsMuchAsTheLabel() {
    PaletteEntry<String> notebook = action("New notebook…", "File", "", "file create notebook");
    PaletteEntry<String> talk = action("New talk…", "File", "Ctrl+N", "session create note");
    PaletteEntry<String> quit = action("Quit", "File", "Ctrl+Q", "exit close leave");
    List<PaletteEntry<String>> file = List.of(notebook, talk, quit);
    assertThat(Ranking.rank("new note", file)).first().isEqualTo(talk);
    assertThat(Ranking.rank("close", file)).containsExactly(quit);
    assertThat(Ranking.rank("notebook", file)).first().isEqualTo(notebook);
    // only typed whole: a hidden word's start stays below a label's
    PaletteEntry<String> closeTab = action("Close tab", "File", "", "");
    PaletteEntry<String> closer = action("Finish", "File", "", "closer");
    assertThat(Ranking.rank("clos", List.of(closer, closeTab))).containsExactly(closeTab, closer);
  }

  @Test
  void wordStartsBeatTheMiddleOfWords() {
    PaletteEntry<String> middle = action("Unlearn habits", "", "", "");
    PaletteEntry<String> start = action("Learn Java", "", "", "");
    assertThat(Ranking.rank("learn", List.of(middle, start))).containsExactly(start, middle);
    assertThat(Ranking.score("ear", middle)).isPositive();
  }

  @Test
  void everyTypedWordMustBeFound() {
    assertThat(ranked("theme zoom")).isEmpty();
    assertThat(ranked("xyz")).isEmpty();
  }

  @Test
  void anEmptyQueryKeepsEverythingInOrder() {
    assertThat(ranked("  ")).hasSize(ACTIONS.size()).first().isEqualTo("New event…");
  }

  @Test
  void accentsAndCaseAreIgnored() {
    PaletteEntry<String> talk = new PaletteEntry<>("t", "Café culture", "Zoë Ångström", "", "");
    assertThat(Ranking.score("cafe", talk)).isPositive();
    assertThat(Ranking.score("angstrom", talk)).isPositive();
  }

  private static List<String> rankedTalks(String query, String... titles) {
    List<PaletteEntry<String>> talks =
        java.util.Arrays.stream(titles)
            .map(t -> new PaletteEntry<>(t, t, "A Speaker", "Devoxx 2026", ""))
            .toList();
    return Ranking.rank(query, talks).stream().map(PaletteEntry::label).toList();
  }

  /** "Talk 3-7" put "Talk 7-3" (the same words, listed first) before it, and Enter opened that. */
  @ParameterizedTest(name = "{0} => {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Talk 3-7    | Talk 3-7
          talk 3-7    | Talk 3-7
          TALK  3-7   | Talk 3-7
          Talk 3      | Talk 3-7
          talk 7      | Talk 7-3
          7-3 talk    | Talk 7-3
          """)
  void aTitleTypedWholeOrItsStartRanksBeforeTheSameWordsInAnotherOrder(String query, String first) {
    assertThat(rankedTalks(query, "Talk 7-3", "3-7 Talk", "Talk 3-7")).first().isEqualTo(first);
  }

  @Test
  void theWholeTitleRanksBeforeALongerTitleThatStartsWithIt() {
    assertThat(rankedTalks("talk 3", "Talk 3-7", "Talk 3", "3 Talk"))
        .containsExactly("Talk 3", "Talk 3-7", "3 Talk");
  }

  @Test
  @Timeout(30) // a guard against super-linear work, not a timing
  void tenThousandTalksAreRankedQuickly() {
    List<PaletteEntry<Integer>> talks =
        java.util.stream.IntStream.range(0, 10_000)
            .mapToObj(
                i ->
                    new PaletteEntry<>(
                        i, "Talk number " + i + " about things", "Speaker " + i, "Event", ""))
            .toList();
    for (int k = 0; k < 20; k++) {
      assertThat(Ranking.rank("talk 99", talks)).isNotEmpty();
    }
  }
}
