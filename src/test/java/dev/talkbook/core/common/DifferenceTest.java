package dev.talkbook.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DifferenceTest {
  @ParameterizedTest(name = "''{0}'' -> ''{1}''")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          # before     | now          | from | beforeTo | nowTo | inserted
          abc          | abc          | 3    | 3        | 3     | ""
          ""           | abc          | 0    | 0        | 3     | abc
          abc          | ""           | 0    | 3        | 0     | ""
          abcdef       | abXYef       | 2    | 4        | 4     | XY
          abcdef       | abcXdef      | 3    | 3        | 4     | X
          abcdef       | abef         | 2    | 4        | 2     | ""
          aaa          | aaaa         | 3    | 3        | 4     | a
          aaaa         | aa           | 2    | 4        | 2     | ""
          one two      | one three    | 5    | 7        | 9     | hree
          """)
  void theOneChangeBetweenTwoTextsKeepsTheirCommonStartAndEnd(
      String before, String now, int from, int beforeTo, int nowTo, String inserted) {
    Difference d = Difference.of(before, now);
    assertThat(d).isEqualTo(new Difference(from, beforeTo, nowTo));
    assertThat(d.inserted(now)).isEqualTo(inserted);
    // Applied to the text before, it gives the text now.
    assertThat(before.substring(0, d.from()) + d.inserted(now) + before.substring(d.beforeTo()))
        .isEqualTo(now);
  }
}
