package dev.talkbook.core.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One rule says which tag names are one tag: the notebook's and the site's. */
class TagsTest {
  @ParameterizedTest
  @CsvSource({
    "Java, java",
    "Café crème, CAFÉ CRÈME",
    "Äpfel, äpfel",
    "Straße, STRASSE",
    "ΟΔΌΣ, οδός",
    "Привет, ПРИВЕТ",
    // é typed as e and a combining accent
    "café, cafe\u0301",
  })
  void namesThatDifferOnlyInCaseAreOneTag(String a, String b) {
    assertThat(Tags.key(a)).isEqualTo(Tags.key(b));
    assertThat(Tags.clean(List.of(a, b))).containsExactly(a);
  }

  @ParameterizedTest
  @CsvSource({"café, cafe", "Äpfel, Apfel", "日本, 日本語"})
  void namesThatDifferInTheirLettersAreTwoTags(String a, String b) {
    assertThat(Tags.key(a)).isNotEqualTo(Tags.key(b));
    assertThat(Tags.clean(List.of(a, b))).containsExactly(a, b);
  }

  @Test
  void oneTagSpelledTwoWaysIsNamedTheSameWayWhicheverComesFirst() {
    assertThat(Tags.spelling("Café crème", "CAFÉ CRÈME")).isEqualTo("CAFÉ CRÈME");
    assertThat(Tags.spelling("CAFÉ CRÈME", "Café crème")).isEqualTo("CAFÉ CRÈME");
  }
}
