package dev.talkbook.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchTextTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Testing, testing: TESTING!           | testing
          Don't fear the garbage-collector     | don t fear the garbage collector
          Naïve café über Straße               | naive cafe uber straße
          C++ and C# for @Java = fun           | c and for java fun
          foo_bar x² Привет 日本語              | foo bar x² привет 日本語
          e\u0301te\u0301                      | ete
          """)
  void wordsAreCutAndFoldedAsTheNotebooksIndexCutsThem(String notes, String words) {
    assertThat(SearchText.words(notes)).isEqualTo(words);
  }

  @Test
  void everyDistinctWordIsKeptHoweverLongTheNotes() {
    StringBuilder notes = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      notes.append("- word").append(i).append(" and word").append(i).append('\n');
    }
    List<String> words = List.of(SearchText.words(notes.toString()).split(" "));
    assertThat(words).hasSize(5001).contains("word0", "word4999", "and").doesNotHaveDuplicates();
  }

  @Test
  void attachmentHashesAreNotWords() {
    String sha = "ab".repeat(32);
    assertThat(SearchText.words("![a diagram](attachment:" + sha + "/flow%20chart.png) here"))
        .isEqualTo("a diagram flow 20chart png here");
  }
}
