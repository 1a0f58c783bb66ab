package dev.talkbook.core.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordCountTest {

  @ParameterizedTest(name = "\"{0}\" has {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          ""                         | 0
          "one"                      | 1
          "# Title, two-part words"  | 4
          "  spaced   out  "         | 2
          "café 42 x_y"              | 4
          """)
  void countsRunsOfLettersAndDigits(String text, int words) {
    assertThat(WordCount.of(text)).isEqualTo(words);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          "one two"      | "one  two"
          "one two"      | "onetwo"
          "onetwo"       | "one two"
          "one two"      | "one"
          "one"          | "one two three"
          "a b c"        | "a  c"
          "word"         | ""
          ""             | "new words here"
          "x y"          | "xy y"
          """)
  void anEditChangesTheCountByWhatItTouches(String before, String after) {
    int position = 0;
    while (position < before.length()
        && position < after.length()
        && before.charAt(position) == after.charAt(position)) {
      position++;
    }
    int suffix = 0;
    while (suffix < before.length() - position
        && suffix < after.length() - position
        && before.charAt(before.length() - 1 - suffix)
            == after.charAt(after.length() - 1 - suffix)) {
      suffix++;
    }
    int removed = before.length() - position - suffix;
    int inserted = after.length() - position - suffix;
    assertThat(WordCount.of(before) + WordCount.delta(before, after, position, removed, inserted))
        .isEqualTo(WordCount.of(after));
  }

  @Test
  void manyRandomEditsKeepTheCountRight() {
    Random random = new Random(7);
    String alphabet = "ab c\n-é1 ";
    StringBuilder text = new StringBuilder("start of the note");
    int count = WordCount.of(text);
    for (int i = 0; i < 5_000; i++) {
      String before = text.toString();
      int position = random.nextInt(before.length() + 1);
      int removed = random.nextInt(Math.min(4, before.length() - position) + 1);
      StringBuilder insert = new StringBuilder();
      for (int k = random.nextInt(4); k > 0; k--) {
        insert.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      text.replace(position, position + removed, insert.toString());
      count += WordCount.delta(before, text, position, removed, insert.length());
      assertThat(count).isEqualTo(WordCount.of(text));
    }
  }
}
