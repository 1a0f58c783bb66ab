package dev.talkbook.ui.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

class JavaInputTest {

  private final JavaInput java = new JavaInput();

  /** The classes at each offset. */
  private static List<Collection<String>> at(StyleSpans<Collection<String>> spans) {
    List<Collection<String>> out = new ArrayList<>();
    for (StyleSpan<Collection<String>> s : spans) {
      for (int i = 0; i < s.getLength(); i++) {
        out.add(s.getStyle());
      }
    }
    return out;
  }

  @Test
  void keywordsAndStringsAreStyledAndTheSpansCoverTheText() {
    String code = "int x = \"a\";";
    List<Collection<String>> classes = at(java.styles(code, 0));
    assertThat(classes).hasSize(code.length());
    assertThat(classes.get(0)).contains("java-keyword");
    assertThat(classes.get(9)).contains("java-string");
    assertThat(classes.get(4)).doesNotContain("java-keyword");
  }

  @Test
  void marksAddAStyleOverTheirSpansAndKeepTheHighlighting() {
    String code = "int x = \"a\";";
    List<Collection<String>> classes =
        at(
            JavaInput.withMarks(
                java.styles(code, 0), List.of(new int[] {8, 11}), "problem", code.length()));
    assertThat(classes).hasSize(code.length());
    assertThat(classes.get(8)).contains("java-string", "problem");
    assertThat(classes.get(10)).contains("problem");
    assertThat(classes.get(11)).doesNotContain("problem");
    assertThat(classes.get(0)).contains("java-keyword").doesNotContain("problem");
  }

  @Test
  void theBracketAtTheCaretAndItsMatchAreMarked() {
    String code = "f(a, (b))";
    assertThat(JavaInput.matchingBrackets(code, 2)).containsExactly(1, 8);
    assertThat(JavaInput.matchingBrackets(code, 8)).containsExactly(5, 7);
    assertThat(JavaInput.matchingBrackets("x + y", 2)).isNull();
    List<Collection<String>> classes = at(java.styles(code, 2));
    assertThat(classes.get(1)).contains(JavaInput.BRACKET_MATCH);
    assertThat(classes.get(8)).contains(JavaInput.BRACKET_MATCH);
    assertThat(classes.get(5)).doesNotContain(JavaInput.BRACKET_MATCH);
  }

  @Test
  void enterKeepsTheIndentationAndIndentsAfterABrace() {
    assertThat(JavaInput.newLineAt("void f() {", 10)).isEqualTo("\n    ");
    assertThat(JavaInput.newLineAt("void f() {\n    int x = 1;", 25)).isEqualTo("\n    ");
    assertThat(JavaInput.newLineAt("x", 1)).isEqualTo("\n");
  }

  @Test
  void anEmptyInputHasStyles() {
    assertThat(java.styles("", 0).length()).isZero();
  }
}
