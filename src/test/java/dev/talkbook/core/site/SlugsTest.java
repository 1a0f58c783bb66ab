package dev.talkbook.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlugsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Virtual threads in practice   | virtual-threads-in-practice
          Über Ölfelder                 | uber-olfelder
          Straße & Æther                | strasse-and-aether
          Łódź                          | lodz
          Привет мир                    | privet-mir
          Λάμδα                         | lamda
          中文                          | u4e2d-u6587
          C# and C++                    | c-sharp-and-c-plus-plus
          ../../etc/passwd              | etc-passwd
          ..                            | untitled
          '   '                         | untitled
          a/b\\c                        | a-b-c
          CON                           | con-page
          nul                           | nul-page
          Com1                          | com1-page
          '  --Hello--  '               | hello
          """)
  void slugOf(String text, String slug) {
    assertThat(Slugs.of(text)).isEqualTo(slug);
  }

  @Test
  void nulAndControlCharactersAreSeparators() {
    assertThat(Slugs.of("a\0b\nc")).isEqualTo("a-b-c");
  }

  @Test
  void aVeryLongTitleIsCutAtAWord() {
    String slug = Slugs.of("word ".repeat(60) + "x".repeat(100));
    assertThat(slug)
        .hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH)
        .startsWith("word-word")
        .doesNotEndWith("-");
    assertThat(Slugs.of("y".repeat(300))).hasSize(Slugs.MAX_LENGTH);
  }

  @Test
  void collisionsGetNumberedSuffixesWithinTheLimit() {
    Slugs slugs = new Slugs();
    slugs.reserve("index");
    assertThat(slugs.unique("Index")).isEqualTo("index-2");
    assertThat(slugs.unique("Talk")).isEqualTo("talk");
    assertThat(slugs.unique("talk!")).isEqualTo("talk-2");
    assertThat(slugs.unique("TALK")).isEqualTo("talk-3");
    String longTitle = "z".repeat(300);
    assertThat(slugs.unique(longTitle)).hasSize(Slugs.MAX_LENGTH);
    assertThat(slugs.unique(longTitle)).hasSize(Slugs.MAX_LENGTH).endsWith("-2");
  }

  @Test
  void slugsAreOnlySafeCharacters() {
    String nasty = "\u202e\uFEFF..\\/:*?\"<>|\0\t" + "\uD83D\uDE00 emoji ﬁ ligature ①";
    assertThat(Slugs.of(nasty)).matches("[a-z0-9]+(-[a-z0-9]+)*");
  }
}
