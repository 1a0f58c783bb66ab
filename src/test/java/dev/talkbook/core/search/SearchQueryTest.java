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
          loom                       | ("loom" OR "loom"*)
          virtual threads            | (("virtual" OR "virtual"*) AND ("threads" OR "threads"*))
          go ai                      | ("go" AND "ai")
          '"virtual threads"'        | "virtual threads"
          virt*                      | "virt"*
          loom -kotlin               | ("loom" OR "loom"*) NOT "kotlin"
          'loom -"project panama"'   | ("loom" OR "loom"*) NOT "project panama"
          speaker:hopper             | speakers : "hopper"
          SPEAKER:Hopper             | speakers : "Hopper"
          tag:async event:pyatl      | (tags : "async" AND event : "pyatl")
          'title:"state of java"'    | title : "state of java"
          speaker:hop*               | speakers : "hop"*
          notes:wal                  | body : "wal"
          '"unclosed phrase'         | ("unclosed phrase" OR "unclosed phrase"*)
          '"go'                      | "go"
          loom - *                   | ("loom" OR "loom"*)
          colour:blue                | ("colour:blue" OR "colour:blue"*)
          '"speaker:" hopper'        | ("speaker:" AND ("hopper" OR "hopper"*))
          loom -kotlin -"a b" -tag:x | ("loom" OR "loom"*) NOT ("kotlin" OR "a b" OR tags : "x")
          'say "hi" AND OR NOT'      | (("say" OR "say"*) AND "hi" AND ("AND" OR "AND"*) AND "OR" AND ("NOT" OR "NOT"*))
          c++ java.util.List         | ("c++" AND ("java.util.List" OR "java.util.List"*))
          virtu-                     | ("virtu-" OR "virtu-"*)
          (virt                      | ("(virt" OR "(virt"*)
          virt. virt,                | (("virt." OR "virt."*) AND ("virt," OR "virt,"*))
          'virt"'                    | ("virt"\"" OR "virt"\""*)
          virtual-t                  | ("virtual-t" OR "virtual-t"*)
          go-                        | "go-"
          loom -virt-                | ("loom" OR "loom"*) NOT "virt-"
          'a"b'                      | "a""b"
          NEAR(a b)                  | (("NEAR(a" OR "NEAR(a"*) AND "b)")
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

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"virtu-", "(virt", "virt.", "virt,", "\"virt", "virt\"", "'virt'", "…virt…"})
  void punctuationAroundAWordLeavesItAWordAsTypedSoFar(String typed) {
    SearchQuery.Term term = SearchQuery.parse(typed).terms().get(0);
    assertThat(term.wordStart()).isTrue();
    assertThat(term.word()).isEqualTo(typed.replaceAll("[^a-z]", ""));
  }

  @Test
  void theWordOfATermIsWithoutThePunctuationAroundIt() {
    assertThat(SearchQuery.parse("「メモ」。").terms().get(0).word()).isEqualTo("メモ");
    assertThat(SearchQuery.parse("(virtual-threads)").terms().get(0).word())
        .isEqualTo("virtual-threads");
    assertThat(SearchQuery.parse("ελληνικά.").terms().get(0).word()).isEqualTo("ελληνικά");
  }

  @Test
  void controlCharactersSeparateWords() {
    assertThat(SearchQuery.parse("tab\tand" + (char) 0 + "nul").ftsExpression())
        .isEqualTo("((\"tab\" OR \"tab\"*) AND (\"and\" OR \"and\"*) AND (\"nul\" OR \"nul\"*))");
  }

  @Test
  void remembersTheTermsForHighlighting() {
    SearchQuery q = SearchQuery.parse("loom speaker:ron -kotlin");
    assertThat(q.terms())
        .containsExactly(
            new SearchQuery.Term(null, "loom", false, false, true),
            new SearchQuery.Term("speakers", "ron", false, false),
            new SearchQuery.Term(null, "kotlin", false, true));
  }

  @Test
  @Timeout(30) // a guard against super-linear work, not a timing
  void aHugeQueryIsParsedQuickly() {
    String huge = "\"".repeat(50_000) + "word ".repeat(20_000) + "-".repeat(50_000);
    assertThat(SearchQuery.parse(huge).ftsExpression()).isNotEmpty();
  }

  @Test
  void aGreekWordIsLookedForWithAndWithoutItsAccents() {
    String fts = SearchQuery.parse("ελληνικα").ftsExpression();
    assertThat(fts).startsWith("(\"ελληνικα\" OR ").contains("\"ελληνικά\"").endsWith(")");
    assertThat(SearchQuery.parse("ελληνικά").ftsExpression())
        .startsWith("(\"ελληνικά\" OR \"ελληνικά\"* OR \"ελληνικα\" OR ");
  }

  @Test
  void everySpellingKeepsThePrefixTheFieldAndTheExclusion() {
    assertThat(SearchQuery.parse("ελλην*").ftsExpression())
        .startsWith("(\"ελλην\"* OR \"έλλην\"* OR ")
        .doesNotContain("\" OR", "\")")
        .contains("\"ελλήν\"*");
    assertThat(SearchQuery.parse("title:ομιλια").ftsExpression())
        .startsWith("title : (\"ομιλια\" OR ")
        .contains("\"ομιλία\"");
    assertThat(SearchQuery.parse("loom -ομιλια").ftsExpression())
        .startsWith("(\"loom\" OR \"loom\"*) NOT (\"ομιλια\" OR ")
        .contains("\"ομιλία\"");
  }

  @Test
  void aPhraseIsLookedForInTheSpellingsOfItsWords() {
    String fts = SearchQuery.parse("\"ελληνικα θεματα\"").ftsExpression();
    assertThat(fts)
        .startsWith("(\"ελληνικα θεματα\" OR ")
        .contains("\"ελληνικά θέματα\"", "\"ελληνικα θέματα\"");
    assertThat(SearchQuery.spellings("ελληνικα θεματα")).hasSizeLessThanOrEqualTo(64);
  }

  @Test
  void latinWordsAreLookedForAsTyped() {
    assertThat(SearchQuery.parse("café naïve").ftsExpression())
        .isEqualTo("((\"café\" OR \"café\"*) AND (\"naïve\" OR \"naïve\"*))");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          日本語         | true
          メモ           | true
          한국어         | true
          数据库         | true
          java日本語     | true
          loom          | false
          ελληνικα      | false
          """)
  void chineseJapaneseAndKoreanTermsAreLookedForInsideWords(String typed, boolean inside) {
    assertThat(SearchQuery.parse(typed).terms().get(0).insideWords()).isEqualTo(inside);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          c#              | true  | "c#"
          C#              | true  | "C#"
          f#              | true  | "f#"
          c++             | true  | "c++"
          g++             | true  | "g++"
          .net            | true  | ".net"
          (c#)            | true  | "(c#)"
          c#-ish          | true  | ("c#-ish" OR "c#-ish"*)
          "c# basics"     | true  | "c# basics"
          "c# bas         | true  | ("c# bas" OR "c# bas"*)
          title:c#        | true  | title : "c#"
          c#*             | false | "c#"*
          tag:c#          | false | tags : "c#"
          asp.net         | false | ("asp.net" OR "asp.net"*)
          virtu-          | false | ("virtu-" OR "virtu-"*)
          virt.           | false | ("virt." OR "virt."*)
          18+             | false | "18+"
          c               | false | "c"
          """)
  void aNameTypedWithItsPunctuationIsLookedForAsWritten(String typed, boolean name, String fts) {
    SearchQuery.Term term = SearchQuery.parse(typed).terms().get(0);
    assertThat(term.punctuatedName()).isEqualTo(name);
    assertThat(term.inText()).isEqualTo(name);
    // whole: .net finds no "network" (while "c# bas" is typed, "bas" still finds "basics")
    assertThat(SearchQuery.parse(typed).ftsExpression()).isEqualTo(fts);
  }

  @Test
  void aNameLeftOutIsNotLeftOutAsTheIndexsWord() {
    // "NOT c" would leave out c++ and c too: the store leaves out only c#
    assertThat(SearchQuery.parse("pointers -c#").ftsExpression())
        .isEqualTo("(\"pointers\" OR \"pointers\"*)");
    assertThat(SearchQuery.parse("pointers -c#").terms().get(1).punctuatedName()).isTrue();
    assertThat(SearchQuery.parse("pointers -kotlin").ftsExpression()).endsWith("NOT \"kotlin\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ελλην\"ικα",
        "\"ελληνικα",
        "ελληνικα**",
        "*ελληνικα",
        "\"日本語\"のメモ*",
        "ελληνικα日本語",
        "ελληνικα\u0301",
        "\uD800ελληνικα",
        "ελληνικα\uDC00 \uD800",
        "title:\"\"ελληνικα\"\""
      })
  void strangeQueriesStayQuotedFts5(String typed) {
    String fts = SearchQuery.parse(typed).ftsExpression();
    // Every quote the user typed is doubled inside an FTS5 string: the strings pair up.
    assertThat(fts.replace("\"\"", "").chars().filter(c -> c == '"').count() % 2).isZero();
    assertThat(fts).doesNotContain("\u0000");
  }

  @Test
  void aLoneCombiningMarkIsNothingToSearchFor() {
    assertThatThrownBy(() -> SearchQuery.parse("\u0301")).isInstanceOf(QueryException.class);
  }

  @Test
  @Timeout(30) // a guard against super-linear work, not a timing
  void hugeGreekAndCjkQueriesAreParsedQuickly() {
    String greek = "\"" + "ελληνικα θεματα ".repeat(20_000) + "\" " + "ομιλια ".repeat(20_000);
    assertThat(SearchQuery.parse(greek).ftsExpression()).isNotEmpty();
    String cjk = "日本語のメモです".repeat(50_000);
    SearchQuery q = SearchQuery.parse(cjk);
    assertThat(q.ftsExpression()).isEqualTo("\"" + cjk + "\"");
    assertThat(q.terms().get(0).insideWords()).isTrue();
  }
}
