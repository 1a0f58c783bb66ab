package dev.talkbook.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PunctuatedNamesTest {
  @ParameterizedTest(name = "{1} in \"{0}\": {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          We write c# and C++ code. Also c#-ish stuff. | c#          | 2
          We write c# and C++ code. Also c#-ish stuff. | c++         | 1
          We write c# and C++ code. Also c#-ish stuff. | C#          | 2
          abc# and c#c and (c#)                        | c#          | 2
          c, c+ and c++ and c+++                       | c+          | 1
          C++20 and C++ 23 and c++                     | c++         | 3
          F# and f#, not F                             | f#          | 2
          g++ -O2, gcc                                 | g++         | 1
          .NET, ASP.NET, .Net and x.net                | .net        | 2
          .NET, net and .network                       | .net        | 1
          Ç# with an accent                            | c#          | 1
          C# basics, C#: basics, c# Basics, C++ basics | "c# basics" | 3
          c# then basics later                         | "c# basics" | 0
          hash#                                        | c#          | 0
          #c# heading                                  | c#          | 1
          c#c# and c##                                 | c#          | 2
          .net.net and ..net and a .net                | .net        | 2
          Ωc# and ßc# and é.net                        | c#          | 0
          C++ vs C+++ vs C++++                         | c++         | 1
          .c# and main.c# and ...c# and c#             | c#          | 1
          .c# and main.c# and ...c# and c#             | .c#         | 1
          (.C#), .c++ and .c#                          | .c#         | 2
          learning .c#, learning main.c#, learning c#  | "learning c#" | 1
          """)
  void findsANameAsWrittenAndWhole(String text, String term, int count) {
    String typed = term.startsWith("\"") ? term.substring(1, term.length() - 1) : term;
    assertThat(PunctuatedNames.count(text, typed, false)).isEqualTo(count);
  }

  @ParameterizedTest(name = "{1} in \"{0}\"")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          We write c# and C++ code. Also c#-ish stuff, abc#, c#c#, Ç#. | c#
          C++20, c+, c+++, g++ and c++ -- x++                          | c++
          .NET, ASP.NET, ..net, .net.net, (.Net), x .nets, .net#       | .net
          ## Heading c# and c #                                        | c#
          .c#, main.c#, ...c#, x.c#c#, c#                              | c#
          .c#, main.c#, ...c#, x .c#, c#                               | .c#
          """)
  void aNameAloneIsCountedAsTheWholeTextWouldCountIt(String text, String term) {
    // countAlone looks only around the name's punctuation: the same count as find over the whole
    assertThat(PunctuatedNames.count(text, term, false))
        .isEqualTo(PunctuatedNames.find(Snippets.fold(text), Snippets.fold(term), false).size());
  }

  @ParameterizedTest(name = "{1} in \"{0}\"")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          learning c#, Learning C# again; learning   (c#) and learning.c#      | learning c#
          learning .c#, learning main.c#, learning c#, learnt c#, c# learning  | learning c#
          c# basics, C#: Basics, c#basics, c#-basics, basics c#, c# c# basics  | c# basics
          c# c# c# and c# c#                                                   | c# c#
          a c# b c# b c# b                                                     | c# b c#
          say .NET core, the .net CORE, asp.net core, ..net core, .net         | .net core
          C++ and c++ templates in c++ templates, x c++ templates              | c++ templates
          in c++ and c# with f# then c# with f#                                | c# with f#
          c#                                                                   | learning c#
          learning                                                             | learning c#
          ## learning c#, Ωlearning c#, learnings c#, é learning c#            | learning c#
          """)
  void aPhraseWithANameIsCountedAsTheWholeTextWouldCountIt(String text, String term) {
    // countAround looks only around the name's punctuation: the same count as find over the whole
    for (boolean lastStarts : new boolean[] {false, true}) {
      assertThat(PunctuatedNames.count(text, term, lastStarts))
          .as("lastStarts " + lastStarts)
          .isEqualTo(
              PunctuatedNames.find(Snippets.fold(text), Snippets.fold(term), lastStarts).size());
    }
  }

  @Test
  @Timeout(30) // a guard against super-linear work, not a timing
  void aLongTextIsCountedQuicklyForAPhraseToo() {
    String text = "Notes on learning c# and c++ and c. ".repeat(100_000);
    assertThat(PunctuatedNames.count(text, "learning c#", false)).isEqualTo(100_000);
  }

  @Test
  void theLastWordBeingTypedFindsTheWordsStartingWithIt() {
    assertThat(PunctuatedNames.count("C# basics and C# bash", "c# bas", true)).isEqualTo(2);
    assertThat(PunctuatedNames.count("C# basics and C# bash", "c# bas", false)).isZero();
  }

  @Test
  void aNameIsOnlyAWordStartingWithALetterWithItsPunctuation() {
    assertThat(PunctuatedNames.in("c#")).isTrue();
    assertThat(PunctuatedNames.in(".net")).isTrue();
    assertThat(PunctuatedNames.in("say c++ now")).isTrue();
    assertThat(PunctuatedNames.in("18+")).isFalse();
    assertThat(PunctuatedNames.in("asp.net")).isFalse();
    assertThat(PunctuatedNames.in("virtu-")).isFalse();
    assertThat(PunctuatedNames.in("#")).isFalse();
    assertThat(PunctuatedNames.in("...virtual")).isFalse();
    assertThat(PunctuatedNames.in("main.c#")).as("a file name").isFalse();
    assertThat(PunctuatedNames.in(".c#")).isTrue();
  }

  @Test
  @Timeout(30) // a guard against super-linear work, not a timing
  void aLongTextIsCountedQuickly() {
    String text = "Notes on c# and c++ and c. ".repeat(200_000);
    assertThat(PunctuatedNames.count(text, "c#", false)).isEqualTo(200_000);
  }
}
