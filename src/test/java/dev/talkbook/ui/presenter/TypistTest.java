package dev.talkbook.ui.presenter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypistTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          "int a;"              | "i,n,t, a,;"
          "if (x) {\\n  y();\\n}\\n" | "i,f, (,x,), {,\\n  y,(,),;,\\n}"
          "   "                 | ""
          """)
  void blanksComeWithTheCharacterAfterThem(String code, String steps) {
    String in = code.replace("\\n", "\n");
    String expected = steps.replace("\\n", "\n");
    assertThat(String.join(",", Typist.steps(in))).isEqualTo(expected);
    assertThat(String.join("", Typist.steps(in))).isEqualTo(in.stripTrailing());
  }
}
