package dev.talkbook.core.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.common.Resources;
import dev.talkbook.core.outliner.Lines;
import dev.talkbook.core.repl.NoteCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One fence scanner for the app: the lines it calls code are the lines the highlighter paints as a
 * fence, the outliner treats as code, the Java runner reads as blocks, and the preview never cuts.
 */
class FencesTest {

  /** The lines in fences, by {@link Fences#next}, as "0 1 2" ({@code ¶} is a line break). */
  private static String fenced(String text) {
    String[] lines = text.replace("¶", "\n").split("\n", -1);
    long state = Fences.START;
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      state = Fences.next(state, lines[i]);
      if (Fences.lineInFence(state)) {
        out.add(Integer.toString(i));
      }
    }
    return String.join(" ", out);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          "a¶```java¶x¶```¶b"                  | "1 2 3"
          "~~~¶```¶~~~¶b"                      | "0 1 2"
          "````¶```¶````¶z"                    | "0 1 2"
          "```¶x¶``` not closed¶y"             | "0 1 2 3"
          "``not a fence``¶x"                  | ""
          "```a`b¶x"                           | ""
          "```¶open to the end"                | "0 1"
          "> ```¶> x¶> ```¶after"              | "0 1 2"
          "> ```¶> x¶outside: the quote ended" | "0 1"
          "- a¶  ```¶  - b¶  ```¶- c"          | "1 2 3"
          "- ```java¶  x¶  ```"                | "0 1 2"
          "1. ```¶   x¶   ```"                 | "0 1 2"
          "paragraph¶    ```¶not code"         | ""
          "    ```¶code¶    ```"               | "0 1 2"
          "```¶a¶      ```¶b¶```"              | "0 1 2 3 4"
          "  ```¶a¶     ```¶b"                 | "0 1 2"
          "- [ ] ```¶x"                        | ""
          "1. ```¶```¶# code¶```¶# out"        | "0 1 2 3"
          "1. ```¶   x¶ less indented ends it" | "0 1"
          """)
  void whichLinesAreInFences(String text, String expected) {
    assertThat(fenced(text)).isEqualTo(expected);
  }

  @Test
  void blocksGiveTheLanguageAndTheCodeWithoutContainerPrefixes() {
    String text = "> ```Java {.x}\n> int a = 1;\n>   a++;\n> ```\n- ```jshell\n  b();\n";
    List<Fences.Block> blocks = Fences.blocks(text);
    assertThat(blocks).hasSize(2);
    assertThat(blocks.get(0).language(text)).isEqualTo("java");
    assertThat(blocks.get(0).code(text)).isEqualTo("int a = 1;\n  a++;\n");
    assertThat(blocks.get(0).isClosed()).isTrue();
    assertThat(blocks.get(1).language(text)).isEqualTo("jshell");
    assertThat(blocks.get(1).isClosed()).isFalse();
    assertThat(blocks.get(1).end()).isEqualTo(text.length());
  }

  @Test
  void aFenceEndedByItsQuoteIsABlockOfItsOwn() {
    String text = "> ```\n> x\n```java\ny\n```\n";
    List<Fences.Block> blocks = Fences.blocks(text);
    assertThat(blocks).hasSize(2);
    assertThat(blocks.get(0).isClosed()).isFalse();
    assertThat(blocks.get(0).end()).isEqualTo("> ```\n> x\n".length());
    assertThat(blocks.get(1).code(text)).isEqualTo("y\n");
  }

  // ---- the four users agree

  static Stream<String> notes() {
    List<String> notes = new ArrayList<>();
    for (String name :
        List.of(
            "01-virtual-threads.md",
            "02-sqlite-everywhere.md",
            "03-outlines-that-think.md",
            "04-live-coding-without-fear.md",
            "05-accessible-desktop-apps.md")) {
      notes.add(Resources.text(Resources.class, "/dev/talkbook/core/sample/" + name));
    }
    notes.add(
        """
        # Top

        - item
          ```text
          # not a heading
          ```
        - ```text
          inside a list marker's line
          ```
        > quoted
        > ~~~~
        > ~~~
        > still code
        > ~~~~
        paragraph
            ```text
        not a fence (the paragraph goes on)

            ```text
            indented fence after a blank line
            ```
        ```text
        ## heading inside a fence at column 0
        ```
        ### a heading after it
        1. one
           ```text
           two
        # a heading ends the list, not for the scanner
        """);
    return notes.stream();
  }

  /** Lines (0-based) the highlighter paints with {@code md-fence}. */
  private static Set<Integer> paintedAsFence(String text) {
    Highlighting h = new MarkdownHighlighter().highlight(text);
    Set<Integer> lines = new TreeSet<>();
    int offset = 0;
    int line = 0;
    for (Highlighting.Span span : h.spans()) {
      for (int i = 0; i < span.length(); i++) {
        if (span.classes().contains(HighlightClasses.FENCE)) {
          lines.add(line);
        }
        if (text.charAt(offset + i) == '\n') {
          line++;
        }
      }
      offset += span.length();
    }
    return lines;
  }

  private static Set<Integer> scanned(String text) {
    String[] lines = text.split("\n", -1);
    long state = Fences.START;
    Set<Integer> out = new TreeSet<>();
    for (int i = 0; i < lines.length; i++) {
      state = Fences.next(state, lines[i]);
      if (Fences.lineInFence(state)) {
        out.add(i);
      }
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("notes")
  void theHighlighterPaintsExactlyTheFencedLines(String text) {
    // Java fences are painted as Java, not md-fence: compare fences of other languages.
    String plain = text.replace("```java", "```text").replace("```jshell", "```text");
    Set<Integer> painted = paintedAsFence(plain);
    Set<Integer> scanned = scanned(plain);
    if (plain.endsWith("\n")) {
      scanned.remove(plain.split("\n", -1).length - 1); // the empty last "line"
    }
    assertThat(painted).isEqualTo(scanned);
  }

  @ParameterizedTest
  @MethodSource("notes")
  void theOutlinerSeesTheSameCodeLines(String text) {
    Lines lines = Lines.of(text);
    Set<Integer> outliner =
        IntStream.range(0, lines.count())
            .filter(lines::isCode)
            .boxed()
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(outliner).isEqualTo(scanned(text));
  }

  @ParameterizedTest
  @MethodSource("notes")
  void theJavaRunnerReadsTheSameBlocks(String text) {
    List<int[]> java =
        Fences.blocks(text).stream()
            .filter(b -> b.language(text).equals("java") || b.language(text).equals("jshell"))
            .map(b -> new int[] {b.start(), b.end()})
            .toList();
    assertThat(NoteCode.javaBlocks(text))
        .extracting(b -> b.start() + "-" + b.end())
        .containsExactlyElementsOf(java.stream().map(r -> r[0] + "-" + r[1]).toList());
  }

  @ParameterizedTest
  @MethodSource("notes")
  void thePreviewNeverCutsInsideAFence(String text) {
    Set<Integer> fenced = scanned(text);
    for (int[] part : NotePreviewRenderer.cut(text)) {
      assertThat(fenced).doesNotContain(part[1]);
    }
  }

  @Test
  @Timeout(30)
  void nestedMarkersOnOneLineStayLinear() {
    String line = "- ".repeat(50_000) + "x";
    long state = Fences.next(Fences.START, line);
    assertThat(Fences.inFence(state)).isFalse();
    String quotes = "> ".repeat(50_000) + "```";
    assertThat(Fences.inFence(Fences.next(Fences.START, quotes))).isTrue();
  }

  @Test
  void aBlankLineHoldsOnlySpacesTabsAndCarriageReturns() {
    String text = "x\n \t\r\n\r \n a\n";
    assertThat(Fences.blankLine(text, 2, 5)).isTrue();
    assertThat(Fences.blankLine(text, 6, 8)).isTrue();
    assertThat(Fences.blankLine(text, 9, 11)).isFalse();
    assertThat(Fences.blankLine(text, 0, 1)).isFalse();
    assertThat(Fences.blankLine(text, 2, 2)).isTrue();
  }
}
