package dev.talkbook.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SearchQueryTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          loom                       | "loom"
          virtual threads            | ("virtual" AND "threads")
          '"virtual threads"'        | "virtual threads"
          virt*                      | "virt"*
          loom -kotlin               | "loom" NOT "kotlin"
          'loom -"project panama"'   | "loom" NOT "project panama"
          speaker:hopper             | speakers : "hopper"
          SPEAKER:Hopper             | speakers : "Hopper"
          tag:async event:pyatl      | (tags : "async" AND event : "pyatl")
          'title:"state of java"'    | title : "state of java"
          speaker:hop*               | speakers : "hop"*
          notes:wal                  | body : "wal"
          '"unclosed phrase'         | "unclosed phrase"
          loom - *                   | "loom"
          colour:blue                | "colour:blue"
          '"speaker:" hopper'        | ("speaker:" AND "hopper")
          loom -kotlin -"a b" -tag:x | "loom" NOT ("kotlin" OR "a b" OR tags : "x")
          'say "hi" AND OR NOT'      | ("say" AND "hi" AND "AND" AND "OR" AND "NOT")
          c++ java.util.List         | ("c++" AND "java.util.List")
          'a"b'                      | "a""b"
          NEAR(a b)                  | ("NEAR(a" AND "b)")
          """)
  void translatesWhatUsersTypeIntoSafeFts5(String typed, String fts) {
    assertThat(SearchQuery.parse(typed).ftsExpression()).isEqualTo(fts);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "-", "*", "\"\"", "- - -", "***", "+++"})
  void aQueryWithNothingToFindSaysSo(String typed) {
    assertThatThrownBy(() -> SearchQuery.parse(typed))
        .isInstanceOf(QueryException.class)
        .hasMessageContaining("search for");
  }

  @ParameterizedTest
  @ValueSource(strings = {"title:", "speaker: hopper", "loom TAG:", "-notes:", "by:\t"})
  void aFieldWithNothingRightAfterItSaysWhereTheWordGoes(String typed) {
    assertThatThrownBy(() -> SearchQuery.parse(typed))
        .isInstanceOf(QueryException.class)
        .hasMessageContaining("right after")
        .hasMessageContaining("without a space");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-loom", "-loom -kotlin", "-\"a phrase\""})
  void onlyExclusionsAreExplained(String typed) {
    assertThatThrownBy(() -> SearchQuery.parse(typed))
        .isInstanceOf(QueryException.class)
        .hasMessageContaining("leaves out");
  }

  @Test
  void controlCharactersSeparateWords() {
    assertThat(SearchQuery.parse("tab\tand" + (char) 0 + "nul").ftsExpression())
        .isEqualTo("(\"tab\" AND \"and\" AND \"nul\")");
  }

  @Test
  void remembersTheTermsForHighlighting() {
    SearchQuery q = SearchQuery.parse("loom speaker:ron -kotlin");
    assertThat(q.terms())
        .containsExactly(
            new SearchQuery.Term(null, "loom", false, false),
            new SearchQuery.Term("speakers", "ron", false, false),
            new SearchQuery.Term(null, "kotlin", false, true));
  }

  @Test
  @Timeout(30) // a guard against super-linear work, not a timing
  void aHugeQueryIsParsedQuickly() {
    String huge = "\"".repeat(50_000) + "word ".repeat(20_000) + "-".repeat(50_000);
    assertThat(SearchQuery.parse(huge).ftsExpression()).isNotEmpty();
  }
}
