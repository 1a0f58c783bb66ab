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
          中文                          | 中文
          日本語のトーク                | 日本語のトーク
          ＡＢＣ ﬁx ① x²                | abc-fix-1-x2
          한국어 발표                   | 한국어-발표
          हिन्दी में                     | हिन्दी-में
          Բարեւ Ձեզ                     | բարեւ-ձեզ
          Streams + Gatherers = ❤       | streams-plus-gatherers
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
  void lettersOfAnyScriptAreKeptComposedAndCutBetweenCharactersWithinTheBytes() {
    // NFD in, NFC out: が is one character, not か and a dakuten
    assertThat(Slugs.of("\u304b\u3099\u3044")).isEqualTo("\u304c\u3044");
    String slug = Slugs.of("日本語のトーク".repeat(20));
    assertThat(slug.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(Slugs.MAX_BYTES)
        .isGreaterThan(Slugs.MAX_BYTES - 3);
    assertThat("日本語のトーク".repeat(20)).startsWith(slug);
    // a letter keeps its marks: a cut never leaves a vowel sign without its consonant
    String hindi = Slugs.of("हिन्दी".repeat(40));
    assertThat(hindi.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(Slugs.MAX_BYTES);
    assertThat(java.text.Normalizer.isNormalized(hindi, java.text.Normalizer.Form.NFC)).isTrue();
    // each of its syllables (ह+ि, न+्, द+ी) ends with a mark: so does a slug cut between them
    assertThat(Character.getType(hindi.codePointBefore(hindi.length())))
        .isIn((int) Character.NON_SPACING_MARK, (int) Character.COMBINING_SPACING_MARK);
    Slugs slugs = new Slugs();
    String first = slugs.unique("日本語のトーク".repeat(20));
    String second = slugs.unique("日本語のトーク".repeat(20));
    assertThat(second).endsWith("-2");
    assertThat(second.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(Slugs.MAX_BYTES);
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void aTextWithoutLettersOrDigitsTakesTheFallback() {
    Slugs slugs = new Slugs();
    assertThat(slugs.unique("❤", "talk-12")).isEqualTo("talk-12");
    assertThat(slugs.unique("❤ ❤", "talk-13")).isEqualTo("talk-13");
    assertThat(slugs.unique("Talk 12", "talk-14")).isEqualTo("talk-12-2");
    assertThat(Slugs.of("❤")).isEqualTo("untitled");
  }

  @Test
  void aSlugFitsTheTextsItCouldBeHandedOutFor() {
    assertThat(Slugs.fits("cafe-creme", "CAFÉ CRÈME", "talk-9")).isTrue();
    assertThat(Slugs.fits("cafe-creme-3", "Café crème", "talk-9")).isTrue();
    assertThat(Slugs.fits("cafe-creme-1", "Café crème", "talk-9")).isFalse();
    assertThat(Slugs.fits("cafe-creme-02", "Café crème", "talk-9")).isFalse();
    assertThat(Slugs.fits("cafe-creme", "Crème brûlée", "talk-9")).isFalse();
    assertThat(Slugs.fits("talk-9", "❤", "talk-9")).isTrue();
    assertThat(Slugs.fits("con-page-2", "CON", "talk-9")).isTrue();
    // a long title's numbered slug is its cut base and the suffix
    Slugs slugs = new Slugs();
    String title = "word ".repeat(30);
    slugs.unique(title);
    String second = slugs.unique(title);
    assertThat(Slugs.fits(second, title, "x")).isTrue();
    Slugs again = new Slugs();
    assertThat(again.keep(second, title, "x")).isTrue();
    assertThat(again.keep(second, title, "x")).isFalse();
  }

  @Test
  void anAsciiTextGetsTheSlugTheWalkByCodePointGives() {
    java.util.Random random = new java.util.Random(7);
    String common = "aZ9 -&+#_.'";
    int cut = 0;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder t = new StringBuilder();
      int length = random.nextInt(n % 10 == 0 ? 160 : 40);
      for (int i = 0; i < length; i++) {
        t.append(
            random.nextBoolean()
                ? common.charAt(random.nextInt(common.length()))
                : (char) random.nextInt(0x80));
      }
      String text = t.toString();
      String walked = Slugs.walk(text);
      assertThat(Slugs.asciiWords(text)).as("%s", text).isEqualTo(walked);
      cut += text.length() > Slugs.MAX_LENGTH && walked.length() >= Slugs.MAX_LENGTH - 10 ? 1 : 0;
    }
    assertThat(cut).as("long texts cut").isPositive();
    assertThat(Slugs.asciiWords("C++ & C# for R&D"))
        .isEqualTo("c-plus-plus-and-c-sharp-for-r-and-d");
    assertThat(Slugs.asciiWords("Café")).isNull();
    assertThat(Slugs.asciiWords("x".repeat(100) + "é")).isNull();
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
