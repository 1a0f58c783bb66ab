package dev.talkbook.ui.presenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
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
    assertThat(Typist.paced(in))
        .as("a short snippet, a character a step")
        .isEqualTo(Typist.steps(in));
  }

  @Test
  void aLongSnippetIsTypedInAtMostThreeSecondsOfStepsAndWhole() {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      code.append("    System.out.println(\"line ").append(i).append(" of the demo\");\n");
    }
    List<String> steps = Typist.paced(code.toString());
    assertThat(Typist.steps(code.toString())).hasSizeGreaterThan(300); // 10 s at one a step
    assertThat(steps).hasSizeLessThanOrEqualTo(Typist.MOST_STEPS);
    assertThat(steps.size() * Typist.STEP.toMillis()).isLessThanOrEqualTo(3_000);
    assertThat(String.join("", steps)).isEqualTo(code.toString().stripTrailing());
  }
}
