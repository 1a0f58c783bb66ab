package dev.talkbook.core.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CodeWrapTest {

  private static List<String> pieces(String line, int width) {
    return CodeWrap.pieces(line, width).stream()
        .map(p -> line.substring(p.start(), p.end()))
        .toList();
  }

  @Test
  void aLineThatFitsIsOnePiece() {
    assertThat(pieces("int a = 1;", 10)).containsExactly("int a = 1;");
    assertThat(pieces("int a = 1;", Integer.MAX_VALUE)).containsExactly("int a = 1;");
  }

  @Test
  void aLongLineBreaksAtSpacesThenAfterPunctuationNeverInAWord() {
    assertThat(pieces("var shapes2 = List.of(new Circle(1), new Triangle(2));", 40))
        .containsExactly("var shapes2 = List.of(new Circle(1), new", "Triangle(2));");
    // No space within reach: after a dot or a bracket.
    assertThat(pieces("java.util.stream.ReferencePipeline.accept(x)", 20))
        .allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(20))
        .containsExactly("java.util.stream.", "ReferencePipeline.", "accept(x)");
  }

  @Test
  void continuationsAreIndentedAsTheLineIsAndTwoMore() {
    String line = "        case Rect(double w, double h) -> w * h;";
    assertThat(CodeWrap.wrapped(line, "  ", 44))
        .isEqualTo("          case Rect(double w, double h) -> w\n            * h;");
    for (String l : CodeWrap.wrapped(line, "  ", 44).split("\n")) {
      assertThat(l.length()).isLessThanOrEqualTo(44);
    }
  }

  @Test
  void theMarkerOfAWrappedLineIsUnderItsPiece() {
    String input = "var shapes2 = List.of(new Circle(1), new Triangle(2));";
    int at = input.indexOf("Triangle");
    SnippetResult.Problem p =
        SnippetResult.Problem.in(input, true, "cannot find symbol", at, at + 8, at);
    // Unwrapped as before.
    assertThat(p.describe()).endsWith("    " + input + "\n    " + " ".repeat(at) + "^------^\n");
    // 44 columns: the line in two pieces, the marker under "Triangle" on the second.
    assertThat(p.describe(44))
        .endsWith(
            "    var shapes2 = List.of(new Circle(1), new\n"
                + "      Triangle(2));\n"
                + "      ^------^\n");
  }

  @Test
  void aRunOfEmojiWithoutSpacesIsNeverCutBetweenTheHalvesOfOne() {
    String line = "s=\"xxxxxx" + "\uD83D\uDE80".repeat(12) + "\";";
    List<CodeWrap.Piece> pieces = CodeWrap.pieces(line, 10);
    assertThat(pieces).hasSizeGreaterThan(1);
    for (CodeWrap.Piece p : pieces) {
      assertThat(Character.isLowSurrogate(line.charAt(p.start()))).as("starts whole").isFalse();
      assertThat(Character.isHighSurrogate(line.charAt(p.end() - 1))).as("ends whole").isFalse();
    }
    assertThat(String.join("", pieces(line, 10))).isEqualTo(line);
  }

  @Test
  void aLineIndentedDeeperThanTheWidthHasNoEmptyPiece() {
    String line = " ".repeat(12) + "return shapes.stream().count();";
    assertThat(pieces(line, 10))
        .allSatisfy(p -> assertThat(p).isNotBlank())
        .allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(10));
    assertThat(String.join("", pieces(line, 10))).isEqualTo("returnshapes.stream().count();");
  }
}
