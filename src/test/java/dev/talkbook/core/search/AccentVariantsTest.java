package dev.talkbook.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccentVariantsTest {

  @ParameterizedTest(name = "{0} is also looked for as {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ελληνικα  | ελληνικά
          ελληνικά  | ελληνικα
          ΕΛΛΗΝΙΚΑ  | ΕΛΛΗΝΙΚΆ
          ομιλια    | ομιλία
          προιον    | προϊόν
          προϊόν    | προιον
          προϊον    | προϊόν
          αυπνια    | αϋπνία
          ευρωπαικη | ευρωπαϊκή
          ευγενεια  | ευγένεια
          еще       | ещё
          ещё       | еще
          маиор     | майор
          """)
  void aWordOfAScriptWhoseAccentsTheIndexKeepsIsLookedForWithAndWithoutThem(
      String typed, String indexed) {
    assertThat(AccentVariants.of(typed)).startsWith(typed).contains(indexed);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cafe", "café", "naïve", "loom", "2026", "日本語", "メモ", "한국어"})
  void latinAndCjkWordsAreLookedForAsTyped(String typed) {
    // The index takes the accents off Latin letters itself; CJK has none to take.
    assertThat(AccentVariants.of(typed)).containsExactly(typed);
  }

  @Test
  void onlyTheAccentsTheLanguageWritesAreTried() {
    // No dialytika after a consonant ("ελληνϊκα"), no polytonic or minority letters ("ῐ", "ӓ").
    assertThat(AccentVariants.of("ελληνικα"))
        .containsExactly("ελληνικα", "έλληνικα", "ελλήνικα", "ελληνίκα", "ελληνικά");
    assertThat(AccentVariants.of("маиор")).containsExactly("маиор", "майор");
  }

  @Test
  void aLongWordHasAtMostSixteenSpellings() {
    String word = "αναπαραγωγησιμοτητα".repeat(3);
    assertThat(AccentVariants.of(word))
        .hasSize(AccentVariants.MAX)
        .startsWith(word)
        .doesNotHaveDuplicates();
    assertThat(AccentVariants.of("ανεξαρτητοποιηθηκαμε")).hasSizeLessThanOrEqualTo(16);
  }

  @Test
  void aWordTypedDecomposedIsAlsoLookedForComposed() {
    String decomposed = Normalizer.normalize("ελληνικά", Normalizer.Form.NFD);
    assertThat(AccentVariants.of(decomposed))
        .startsWith(decomposed)
        .contains("ελληνικά", "ελληνικα");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\u0301",
        "\u0308\u0301",
        "\uD800",
        "\uDC00ελληνικα",
        "ελλην\uD800ικα",
        "α\u0301\u0301\u0301",
        "ελληνικα日本語",
        "\"ελλην\"ικα*"
      })
  void strangeInputGivesSpellingsWithoutFailing(String typed) {
    assertThat(AccentVariants.of(typed))
        .isNotEmpty()
        .startsWith(typed)
        .hasSizeLessThanOrEqualTo(16);
  }

  @Test
  @Timeout(10) // a guard against super-linear work, not a timing
  void aHugeWordIsQuick() {
    assertThat(AccentVariants.of("ελληνικα".repeat(50_000))).hasSizeLessThanOrEqualTo(3);
  }
}
