package dev.talkbook.core.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.repl.NoteCode.Block;
import dev.talkbook.core.repl.NoteCode.Edit;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoteCodeTest {

  private static String apply(String text, Edit e) {
    return text.substring(0, e.start()) + e.text() + text.substring(e.end());
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
        .isEqualTo("```java\nSystem.out.println(1);\n```\n```output\n1\n```\nafter\n");
  }

  @Test
  void replacesTheOldOutputAndUsesALongerFenceWhenNeeded() {
    String md = "```java\nx\n```\n\n```output\nold\n```\n";
    Block b = NoteCode.javaBlocks(md).get(0);
    assertThat(apply(md, NoteCode.outputEdit(md, b, "a ``` b")))
        .isEqualTo("```java\nx\n```\n\n````output\na ``` b\n````\n");
    assertThat(apply(md, NoteCode.outputEdit(md, b, ""))).isEqualTo("```java\nx\n```\n\n");
  }

  @Test
  void aBlockAtTheVeryEndGetsALineBreakFirst() {
    String md = "```java\nx\n```";
    Block b = NoteCode.javaBlocks(md).get(0);
    assertThat(apply(md, NoteCode.outputEdit(md, b, "2")))
        .isEqualTo("```java\nx\n```\n```output\n2\n```\n");
  }

  @Test
  void outputOfAnEvaluationListsPrintedTextValuesAndErrors() {
    SnippetResult printed =
        new SnippetResult(
            0,
            "",
            0,
            0,
            SnippetResult.Kind.STATEMENT,
            SnippetResult.Status.OK,
            "",
            null,
            "",
            List.of(),
            null,
            "",
            "hi\n",
            0,
            Duration.ZERO);
    SnippetResult value =
        new SnippetResult(
            1,
            "",
            0,
            0,
            SnippetResult.Kind.EXPRESSION,
            SnippetResult.Status.OK,
            "$1",
            "42",
            "int",
            List.of(),
            null,
            "",
            "",
            0,
            Duration.ZERO);
    SnippetResult error =
        new SnippetResult(
            2,
            "",
            0,
            0,
            SnippetResult.Kind.VARIABLE,
            SnippetResult.Status.COMPILE_ERROR,
            "s",
            null,
            "",
            List.of(new SnippetResult.Problem(true, "incompatible types", 0, 0, 0)),
            null,
            "",
            "",
            0,
            Duration.ZERO);
    Evaluation e =
        new Evaluation(
            1, List.of(printed, value, error), Evaluation.Outcome.COMPLETED, "", Duration.ZERO);
    assertThat(NoteCode.outputOf(e)).isEqualTo("hi\n⇒ 42\nerror: incompatible types\n");
  }

  @Test
  void aTranscriptIsEachInputAsJavaWithItsOutputAfterIt() {
    String md =
        NoteCode.transcript(
            List.of(
                new NoteCode.Ran("int x = 41;\n", ""),
                new NoteCode.Ran("x + 1", "⇒ 42\n"),
                new NoteCode.Ran("String s = \"```\";", "")));

    assertThat(md)
        .isEqualTo(
            "```java\nint x = 41;\n```\n\n```java\nx + 1\n```\n```output\n⇒ 42\n```\n\n"
                + "````java\nString s = \"```\";\n````\n");
    assertThat(NoteCode.javaBlocks(md)).hasSize(3);
    assertThat(NoteCode.javaBlocks(md).get(1).hasOutput()).isTrue();
  }
}
