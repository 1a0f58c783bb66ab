package dev.talkbook.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnippetsTest {
  private static String marked(String text, String query) {
    return Snippets.of(text, SearchQuery.parse(query)).marked("[", "]");
  }

  @ParameterizedTest(name = "{1} in \"{0}\"")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          The garbage collector paused.          | garbage          | The [garbage] collector paused.
          We were optimizing queries.            | optimize         | We were [optimizing] queries.
          Observability and observers.           | observ*          | [Observability] and [observers].
          Café culture                           | cafe             | [Café] culture
          structured concurrency here            | "structured concurrency" | [structured] [concurrency] here
          loom and kotlin                        | loom -kotlin     | [loom] and kotlin
          speakers only                          | speaker:only     | speakers [only]
          a plan and an app, also as a test      | a                | [a] plan and an app, also as [a] test
          The app and its application            | app              | The [app] and its [application]
          an app or ap                           | ap               | an app or [ap]
          Virtual threads, virtually             | virt             | [Virtual] threads, [virtually]
          We tested it                           | testing          | We [tested] it
          The app and its application            | "app"            | The [app] and its application
          The apps and apps*                     | app*             | The [apps] and [apps]*
          C++ in a Café                          | c++              | [C++] in a Café
          We write c# and C++ code. Also c#-ish. | c#               | We write [c#] and C++ code. Also [c#]-ish.
          We write c# and C++ code, and C.       | C++              | …write c# and [C++] code, and C.
          abc# is not c# (nor C#)                | c#               | abc# is not [c#] (nor [C#])
          .NET and ASP.NET and .netter           | .net             | [.NET] and ASP.NET and .netter
          C# basics and c# Basics, C# rules      | "c# basics"      | [C# basics] and [c# Basics], C# rules
          C# basics and C++ basics               | "c# bas          | [C# basics] and C++ basics
          Virtual-threads, virtually             | virtu-           | [Virtual]-threads, [virtually]
          Virtual-threads, virtually             | (virt            | [Virtual]-threads, [virtually]
          Virtual-threads, virtually             | virtual-thr      | [Virtual]-[threads], [virtually]
          Virtual-threads, the virtual ones      | virtual-t        | [Virtual]-threads, the [virtual] ones
          Η οδός Σταδίου, ΟΔΟΣ                   | ΟΔΟΣ             | Η [οδός] Σταδίου, [ΟΔΟΣ]
          Η οδός Σταδίου                         | οδοσ             | Η [οδός] Σταδίου
          Η ΟΔΟΣ Σταδίου                         | οδος             | Η [ΟΔΟΣ] Σταδίου
          5 µs or 5 μs                           | μs               | 5 [µs] or 5 [μs]
          """)
  void marksTheWordsTheIndexMatched(String text, String query, String expected) {
    assertThat(marked(text, query)).isEqualTo(expected);
  }

  @Test
  void showsTheDensestPassageOfALongTextWithEllipses() {
    String text =
        "intro ".repeat(40)
            + "here the pinning problem: virtual threads pin carriers "
            + "outro ".repeat(40);
    String snippet = marked(text, "pin* carriers");
    assertThat(snippet).startsWith("…").endsWith("…").contains("[pinning]").contains("[carriers]");
    assertThat(snippet.split(" ").length).isLessThanOrEqualTo(Snippets.WORDS + 2);
  }

  @Test
  void linesBecomeSpacesAndRangesStayOnTheirWords() {
    Snippet s = Snippets.of("- one\n  - two loom\n- three", SearchQuery.parse("loom"));
    assertThat(s.text()).doesNotContain("\n");
    Snippet.Range r = s.highlights().get(0);
    assertThat(s.text().substring(r.start(), r.end())).isEqualTo("loom");
  }

  @Test
  void nothingMatchingGivesAnEmptySnippet() {
    assertThat(Snippets.of("nothing here", SearchQuery.parse("loom")).text()).isEmpty();
  }

  @Test
  @Timeout(30) // a guard against super-linear work, not a timing
  void aHugeTextIsQuick() {
    String text = "word ".repeat(1_000_000) + "needle";
    assertThat(marked(text, "needle")).endsWith("[needle]");
  }

  @ParameterizedTest(name = "\"{0}\" for {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Notes from the evening, and then Q&A · what about pinning?   | pinning | …Q&A · what about [pinning]?
          Notes from the evening: see java.util.concurrent for pinning | pinning | …java.util.concurrent for [pinning]
          pinning a b c d e f g h i j k l m n Q&A more                 | pinning | [pinning] a b c d e f g h i j k l m n Q&A…
          """)
  void aPassageStartsAndEndsAtSpaces(String text, String query, String expected) {
    assertThat(marked(text, query)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{1} in \"{0}\"")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Σημειώσεις στα Ελληνικά για την ομιλία  | ελληνικα      | Σημειώσεις στα [Ελληνικά] για την ομιλία
          σημειώσεις στα ελληνικα                 | ελληνικά      | σημειώσεις στα [ελληνικα]
          Το προϊόν μας                           | προιον        | Το [προϊόν] μας
          Τα ελληνικά θέματα                      | ελλην*        | Τα [ελληνικά] θέματα
          ещё раз                                 | еще           | [ещё] раз
          日本語のメモです                           | メモ           | 日本語の[メモ]です
          日本語のメモです                           | 日本語          | [日本語]のメモです
          東京タワーで会議がありました               | タワー -東京     | 東京[タワー]で会議がありました
          这是中文笔记，关于数据库延迟。              | 数据库          | 这是中文笔记，关于[数据库]延迟。
          한국어 메모입니다                          | 메모           | 한국어 [메모]입니다
          かがく                                  | か             | [か]がく
          Java日本語の本                           | java日本語      | [Java日本語]の本
          𠀋𠀋日本𠀋                               | 𠀋日本          | 𠀋[𠀋日本]𠀋
          """)
  void marksAccentlessGreekAndCjkWordsInsideARun(String text, String query, String expected) {
    assertThat(marked(text, query)).isEqualTo(expected);
  }

  @Test
  void aHangulSyllableOrAKanaIsNotTakenApart() {
    // Decomposed, "하" starts with the letter "한" starts with, and "が" is "か" with a mark.
    assertThat(Snippets.of("가나다 하나", SearchQuery.parse("한")).text()).isEmpty();
    assertThat(Snippets.of("がっこう", SearchQuery.parse("か")).text()).isEmpty();
  }

  @Test
  @Timeout(30) // a guard against super-linear work, not a timing
  void aLongCjkRunGivesAShortPassageAroundTheMatch() {
    String text = "日本語".repeat(10_000) + "メモ" + "です".repeat(10_000);
    Snippet s = Snippets.of(text, SearchQuery.parse("メモ"));
    assertThat(s.text()).startsWith("…").endsWith("…").hasSizeLessThan(80);
    assertThat(s.marked("[", "]")).contains("[メモ]");
  }

  @Test
  void unpairedSurrogatesAndALoneMarkInTheTextAreHarmless() {
    String text = "\uDC00メモ\uD800 \u0301ελληνικα\uD800";
    assertThat(Snippets.of(text, SearchQuery.parse("メモ ελληνικά")).marked("[", "]"))
        .isEqualTo("\uDC00[メモ]\uD800 \u0301[ελληνικα]\uD800");
  }
}
