package dev.talkbook.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListPhraseTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ''                  | ''
          Time                | Time
          Time;Video          | Time and Video
          Berlin;Paris;Rome   | Berlin, Paris and Rome
          A;B;C;D             | A, B, C and D
          A, B;C              | A, B and C
          """)
  void joinsWithCommasAndTheLastWithAnd(String items, String said) {
    List<String> list = items.isEmpty() ? List.of() : Arrays.asList(items.split(";"));
    assertThat(ListPhrase.of(list)).isEqualTo(said);
  }
}
