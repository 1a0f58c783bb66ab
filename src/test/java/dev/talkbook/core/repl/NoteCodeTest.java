package dev.talkbook.core.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.markdown.CodeStamp;
import dev.talkbook.core.repl.NoteCode.Block;
import dev.talkbook.core.repl.NoteCode.Edit;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoteCodeTest {

  private static String apply(String text, Edit e) {
    return e.applyTo(text);
  }

  /** What an output block's info string says after its language: the stamp of {@code code}. */
  private static String of(String code) {
    return " code=" + CodeStamp.of(code);
  }

  @Test
  void writesEveryBlocksOutputInOneEditFromTheFirstOutputToTheLast() {
    String md =
        "# Demo\n\n```java\nint x = 1;\n```\n```output\nold\n```\nbetween\n\n"
            + "```java\nx + 1\n```\nend\n";
    List<Block> blocks = NoteCode.javaBlocks(md);
    Edit edit =
        NoteCode.outputsEdit(
            md, blocks, List.of(new NoteCode.Result("", false), new NoteCode.Result("2", false)));
    assertThat(edit.start()).isEqualTo(blocks.get(0).outputStart());
    assertThat(edit.end()).isEqualTo(blocks.get(1).end());
    assertThat(apply(md, edit))
        .isEqualTo(
            "# Demo\n\n```java\nint x = 1;\n```\nbetween\n\n"
                + "```java\nx + 1\n```\n```output"
                + of("x + 1")
                + "\n2\n```\nend\n");
    assertThat(NoteCode.outputsEdit(md, List.of(), List.of())).isNull();
  }

  @Test
  void findsJavaBlocksAndTheOutputBlockAfterEach() {
    String md =
        "# Demo\n\n```java\nint x = 1;\n```\n\n```output\nold\n```\n\n```python\nprint(1)\n```\n"
            + "~~~jshell\nx + 1\n~~~";
    List<Block> blocks = NoteCode.javaBlocks(md);
    assertThat(blocks).extracting(Block::code).containsExactly("int x = 1;\n", "x + 1\n");
    assertThat(blocks.get(0).hasOutput()).isTrue();
    assertThat(md.substring(blocks.get(0).outputStart(), blocks.get(0).outputEnd()))
        .isEqualTo("```output\nold\n```\n");
    assertThat(blocks.get(1).hasOutput()).isFalse();
    assertThat(NoteCode.blockAt(md, md.indexOf("int x"))).isEqualTo(blocks.get(0));
    assertThat(NoteCode.blockAt(md, 2)).isNull();
  }

  @Test
  void writesANewOutputBlockRightAfterTheCode() {
    String md = "```java\nSystem.out.println(1);\n```\nafter\n";
    Block b = NoteCode.javaBlocks(md).get(0);
    assertThat(apply(md, NoteCode.outputEdit(md, b, "1\n")))
        .isEqualTo(
            "```java\nSystem.out.println(1);\n```\n```output"
                + of("System.out.println(1);")
                + "\n1\n```\nafter\n");
  }

  @Test
  void replacesTheOldOutputAndUsesALongerFenceWhenNeeded() {
    String md = "```java\nx\n```\n\n```output\nold\n```\n";
    Block b = NoteCode.javaBlocks(md).get(0);
    assertThat(apply(md, NoteCode.outputEdit(md, b, "a ``` b")))
        .isEqualTo("```java\nx\n```\n\n````output" + of("x") + "\na ``` b\n````\n");
    assertThat(apply(md, NoteCode.outputEdit(md, b, ""))).isEqualTo("```java\nx\n```\n\n");
  }

  @Test
  void aBlockAtTheVeryEndGetsALineBreakFirst() {
    String md = "```java\nx\n```";
    Block b = NoteCode.javaBlocks(md).get(0);
    assertThat(apply(md, NoteCode.outputEdit(md, b, "2")))
        .isEqualTo("```java\nx\n```\n```output" + of("x") + "\n2\n```\n");
  }

  @Test
  void aBlockWhoseFenceWasNeverClosedIsClosedBeforeItsOutput() {
    // Typed and run at once, before the closing fence: the output must not become more code.
    String md = "# Demo\n\n```java\nint x = 1;\nx + 1";
    Block b = NoteCode.javaBlocks(md).get(0);
    assertThat(b.code()).isEqualTo("int x = 1;\nx + 1");
    String written = apply(md, NoteCode.outputEdit(md, b, "2"));
    assertThat(written)
        .isEqualTo(
            "# Demo\n\n```java\nint x = 1;\nx + 1\n```\n```output" + of(b.code()) + "\n2\n```\n");
    // Read again, the block has its code alone and the output as its output.
    Block again = NoteCode.javaBlocks(written).get(0);
    assertThat(again.code()).isEqualTo("int x = 1;\nx + 1\n");
    assertThat(again.output()).isEqualTo("2\n");
    assertThat(again.closing()).isEmpty();
    // Run again: the output is replaced, nothing else is written.
    assertThat(apply(written, NoteCode.outputEdit(written, again, "3")))
        .isEqualTo(
            "# Demo\n\n```java\nint x = 1;\nx + 1\n```\n```output" + of(b.code()) + "\n3\n```\n");
  }

  @Test
  void theClosingFenceMatchesTheOpeningOneAndStaysInItsListItemOrQuote() {
    String tildes = "~~~~jshell\nx\n";
    assertThat(NoteCode.javaBlocks(tildes).get(0).closing()).isEqualTo("~~~~\n");
    String item = "- a point\n- ```java\n  x\n- next point\n";
    Block inItem = NoteCode.javaBlocks(item).get(0);
    assertThat(inItem.closing()).isEqualTo("  ```\n");
    assertThat(apply(item, NoteCode.outputEdit(item, inItem, "1")))
        .isEqualTo(
            "- a point\n- ```java\n  x\n  ```\n```output" + of("x") + "\n1\n```\n- next point\n");
    String quoted = "> ```java\n> x\n";
    assertThat(NoteCode.javaBlocks(quoted).get(0).closing()).isEqualTo("> ```\n");
    // A failure's output closes the block the same way.
    String md = "```java\nnope(";
    Block b = NoteCode.javaBlocks(md).get(0);
    assertThat(apply(md, NoteCode.outputEdit(md, b, new NoteCode.Result("error", true))))
        .isEqualTo("```java\nnope(\n```\n```output-error" + of("nope(") + "\nerror\n```\n");
  }

  @Test
  void outputOfAnEvaluationListsPrintedTextValuesAndErrors() {
    SnippetResult printed =
        SnippetResult.of(
                0, "", 0, 0, SnippetResult.Kind.STATEMENT, SnippetResult.Status.OK, Duration.ZERO)
            .withOutput("hi\n", 0, 0);
    SnippetResult value =
        declared(
            SnippetResult.of(
                1, "", 0, 0, SnippetResult.Kind.EXPRESSION, SnippetResult.Status.OK, Duration.ZERO),
            "$1",
            "42",
            "int",
            List.of());
    SnippetResult error =
        declared(
            SnippetResult.of(
                2,
                "",
                0,
                0,
                SnippetResult.Kind.VARIABLE,
                SnippetResult.Status.COMPILE_ERROR,
                Duration.ZERO),
            "s",
            null,
            "",
            List.of(
                SnippetResult.Problem.in("String s = 1;", true, "incompatible types", 11, 12, 11)));
    Evaluation e =
        new Evaluation(
            1, List.of(printed, value, error), Evaluation.Outcome.COMPLETED, "", Duration.ZERO);
    assertThat(NoteCode.outputOf(e))
        .isEqualTo(
            "hi\n⇒ 42\nerror: incompatible types (line 1, column 12)\n"
                + "    String s = 1;\n"
                + "               ^\n");
  }

  /**
   * A loop that printed a million lines: the REPL kept its newest 87,400 (10,840,314 characters
   * dropped, the kept part starting where a line starts); the notes keep the last 200, after a line
   * saying how many of all were not kept. They had kept all 87,400 lines, after "… 10840314
   * characters dropped …" and a cut line.
   */
  @Test
  void theOutputOfALongRunKeepsItsNewestLinesAfterALineSayingHowManyWereNotKept() {
    StringBuilder printed = new StringBuilder();
    for (int i = 912_600; i < 1_000_000; i++) {
      printed.append("line ").append(i).append('\n');
    }
    SnippetResult loop =
        SnippetResult.of(
                0, "", 0, 0, SnippetResult.Kind.STATEMENT, SnippetResult.Status.OK, Duration.ZERO)
            .withOutput(printed.toString(), 10_840_314, 912_600);
    Evaluation e =
        new Evaluation(1, List.of(loop), Evaluation.Outcome.COMPLETED, "", Duration.ZERO);

    String output = NoteCode.outputOf(e);

    assertThat(output)
        .startsWith("… 999,800 earlier lines not kept (1,000,000 in all)\nline 999800\n")
        .endsWith("line 999999\n");
    assertThat(output.split("\n")).hasSize(201);
    assertThat(output.length()).isLessThanOrEqualTo(KeptOutput.NOTES_CHARS + 200);
    // Save transcript to notes writes the same
    assertThat(NoteCode.transcript(List.of(new NoteCode.Ran("for (...)", output, false))))
        .hasSizeLessThan(KeptOutput.NOTES_CHARS + 300);
  }

  @Test
  void aProblemSaysWhereItIsAndMarksItsSpan() {
    String input = "int a = 1;\nint b = \"text\";\n";
    int at = input.indexOf('"');
    SnippetResult.Problem p =
        SnippetResult.Problem.in(input, true, "incompatible types", at, at + 6, at);

    assertThat(p.line()).isEqualTo(2);
    assertThat(p.column()).isEqualTo(9);
    assertThat(p.describe())
        .isEqualTo(
            "error: incompatible types (line 2, column 9)\n"
                + "    int b = \"text\";\n"
                + "            ^----^\n");
  }

  /** JShell's wrapper class, which it writes as no name, is not shown as "location: class ". */
  @Test
  void aProblemInASnippetsOwnCodeSaysNoEmptyLocation() {
    String input = "greet(3)";
    String javac = "cannot find symbol\n  symbol:   method greet(int)\n  location: class ";
    assertThat(SnippetResult.Problem.in(input, true, javac, 0, 5, 0).describe())
        .isEqualTo(
            "error: cannot find symbol (line 1, column 1)\n"
                + "  symbol:   method greet(int)\n"
                + "    greet(3)\n"
                + "    ^---^\n");
    String wrapper = "cannot find symbol\n  symbol:   variable x\n  location: class $JShell$12";
    assertThat(SnippetResult.Problem.in("x", true, wrapper, 0, 1, 0).describe())
        .doesNotContain("location");
    // a class, interface or variable with a name is kept
    for (String named :
        List.of(
            "  location: class java.lang.Math",
            "  location: interface Shape",
            "  location: variable s of type java.lang.String")) {
      String message = "cannot find symbol\n  symbol:   method nope()\n" + named;
      assertThat(SnippetResult.Problem.in("nope()", true, message, 0, 4, 0).describe())
          .contains(named + "\n");
    }
  }

  @Test
  void anOutputWhoseCodeChangedSinceItRanIsOutOfDate() {
    String md = "```java\nnew Point(3, 4)\n```\n";
    String ran =
        apply(md, NoteCode.outputEdit(md, NoteCode.javaBlocks(md).get(0), "⇒ Point[x=3, y=4]"));
    assertThat(NoteCode.javaBlocks(ran).get(0).outputOutOfDate()).isFalse();

    String edited = ran.replace("Point(3, 4)", "Point(7, 24)");

    Block b = NoteCode.javaBlocks(edited).get(0);
    assertThat(b.outputOutOfDate()).isTrue();
    assertThat(b.output()).isEqualTo("⇒ Point[x=3, y=4]\n");
    // Run again: the new output carries the new code's stamp.
    String again = apply(edited, NoteCode.outputEdit(edited, b, "⇒ Point[x=7, y=24]"));
    assertThat(NoteCode.javaBlocks(again).get(0).outputOutOfDate()).isFalse();
  }

  @Test
  void anOutputWithoutAStampIsNeverOutOfDateAndOnlyTheEditedBlocksOutputIs() {
    // Written before stamps: not known, so not marked.
    String old = "```java\nint x = 1;\n```\n```output\nold\n```\n";
    assertThat(NoteCode.javaBlocks(old).get(0).outputOutOfDate()).isFalse();
    assertThat(NoteCode.javaBlocks(old).get(0).output()).isEqualTo("old\n");
    // A later block that reads an edited one keeps its mark-free output: its own code is the same.
    String two =
        "```java\nint x = 2;\n```\n```output"
            + of("int x = 1;")
            + "\n```\n"
            + "```java\nx + 1\n```\n```output"
            + of("x + 1")
            + "\n⇒ 2\n```\n";
    assertThat(NoteCode.javaBlocks(two))
        .extracting(Block::outputOutOfDate)
        .containsExactly(true, false);
  }

  @Test
  void indentingTheCodeOrChangingItsLineEndsLeavesItsOutputUpToDate() {
    String stamp = CodeStamp.of("int x = 1;\nx + 1\n");
    assertThat(CodeStamp.of("  int x = 1;\r\n\r\n  x + 1  ")).isEqualTo(stamp);
    assertThat(CodeStamp.of("int x = 2;\nx + 1\n")).isNotEqualTo(stamp);
    assertThat(CodeStamp.in("output code=" + stamp)).isEqualTo(stamp);
    assertThat(CodeStamp.in("output")).isNull();
    assertThat(CodeStamp.in("output code=xyz")).isNull();
  }

  @Test
  void theOutputOfAFailedBlockIsFencedAsAnErrorAndReadBackSo() {
    String md = "```java\nint y = \"no\";\n```\n";
    Block b = NoteCode.javaBlocks(md).get(0);

    String written =
        apply(md, NoteCode.outputEdit(md, b, new NoteCode.Result("error: incompatible\n", true)));

    String stamp = of("int y = \"no\";");
    assertThat(written).isEqualTo(md + "```output-error" + stamp + "\nerror: incompatible\n```\n");
    Block again = NoteCode.javaBlocks(written).get(0);
    assertThat(again.storedResult()).isEqualTo(new NoteCode.Result("error: incompatible\n", true));
    // Running it again after a fix writes a plain output block in its place.
    assertThat(
            apply(written, NoteCode.outputEdit(written, again, new NoteCode.Result("⇒ 1", false))))
        .isEqualTo(md + "```output" + stamp + "\n⇒ 1\n```\n");
  }

  @Test
  void aFailedInputInATranscriptIsFencedAsAnError() {
    String md =
        NoteCode.transcript(
            List.of(new NoteCode.Ran("1 / 0", "java.lang.ArithmeticException\n", true)));

    assertThat(md)
        .isEqualTo(
            "```java\n1 / 0\n```\n```output-error"
                + of("1 / 0")
                + "\njava.lang.ArithmeticException\n```\n");
  }

  @Test
  void aTranscriptIsEachInputAsJavaWithItsOutputAfterIt() {
    String md =
        NoteCode.transcript(
            List.of(
                new NoteCode.Ran("int x = 41;\n", "", false),
                new NoteCode.Ran("x + 1", "⇒ 42\n", false),
                new NoteCode.Ran("String s = \"```\";", "", false)));

    assertThat(md)
        .isEqualTo(
            "```java\nint x = 41;\n```\n\n```java\nx + 1\n```\n```output"
                + of("x + 1")
                + "\n⇒ 42\n```\n\n"
                + "````java\nString s = \"```\";\n````\n");
    assertThat(NoteCode.javaBlocks(md)).hasSize(3);
    assertThat(NoteCode.javaBlocks(md).get(1).hasOutput()).isTrue();
  }

  /** {@code r} with what it declared and the compiler's problems (the REPL's own results have). */
  private static SnippetResult declared(
      SnippetResult r,
      String name,
      String value,
      String type,
      List<SnippetResult.Problem> problems) {
    return new SnippetResult(
        r.index(),
        r.source(),
        r.start(),
        r.end(),
        r.kind(),
        r.status(),
        name,
        value,
        type,
        problems,
        r.failure(),
        r.note(),
        r.output(),
        r.outputDropped(),
        r.outputDroppedLines(),
        r.took());
  }

  @Test
  void anOutputBlockWrittenByHandAfterTheCodeIsKeptAndRunWritesItsOwnBeforeIt() {
    String md = "```java\nx\n```\n```output expected\n42\n```\n";
    Block b = NoteCode.javaBlocks(md).get(0);
    assertThat(b.hasOutput()).isFalse();
    assertThat(apply(md, NoteCode.outputEdit(md, b, "41")))
        .isEqualTo(
            "```java\nx\n```\n```output" + of("x") + "\n41\n```\n```output expected\n42\n```\n");
    // Run's own, stamped or not, is its output.
    assertThat(
            NoteCode.javaBlocks("```java\nx\n```\n```output" + of("x") + "\n1\n```\n")
                .get(0)
                .hasOutput())
        .isTrue();
    assertThat(NoteCode.javaBlocks("```java\nx\n```\n```output-error\n1\n```\n").get(0).hasOutput())
        .isTrue();
  }

  @Test
  void theCodeAnOutputBelongsToIsTheSameForRunAsForThePreviewAcrossBlankLines() {
    String md = "```java\nx + 1\n```\n\n\n```output" + of("x") + "\n1\n```\n";
    Block b = NoteCode.javaBlocks(md).get(0);
    assertThat(b.hasOutput()).isTrue();
    assertThat(b.outputOutOfDate()).isTrue();
    assertThat(new dev.talkbook.core.markdown.MarkdownRenderer().render(md))
        .contains("<pre class=\"output stale\"");
    // An output named otherwise (written by hand) is neither Run's nor out of date in the preview.
    String byHand = md.replace("```output" + of("x"), "```output" + of("x") + " expected");
    assertThat(NoteCode.javaBlocks(byHand).get(0).hasOutput()).isFalse();
    assertThat(new dev.talkbook.core.markdown.MarkdownRenderer().render(byHand))
        .doesNotContain("stale");
  }

  @Test
  void inAQuoteAnOutputBelowItsCodeIsItsOutputAsThePreviewHasIt() {
    String md = "> ```java\n> x + 1\n> ```\n>\n> ```output" + of("x") + "\n> 1\n> ```\n";
    Block b = NoteCode.javaBlocks(md).get(0);
    assertThat(b.hasOutput()).isTrue();
    assertThat(b.outputOutOfDate()).isTrue();
    assertThat(new dev.talkbook.core.markdown.MarkdownRenderer().render(md))
        .contains("<pre class=\"output stale\"");
    // A quote between two blocks outside it parts them, in the preview as here.
    String parted = "```java\nx + 1\n```\n>\n```output" + of("x") + "\n1\n```\n";
    assertThat(NoteCode.javaBlocks(parted).get(0).hasOutput()).isFalse();
    assertThat(new dev.talkbook.core.markdown.MarkdownRenderer().render(parted))
        .doesNotContain("stale");
  }
}
