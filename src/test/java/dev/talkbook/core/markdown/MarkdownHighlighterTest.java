package dev.talkbook.core.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Highlighting is checked through {@link #marked(String)}, which writes each styled run as {@code
 * «classes:text»}, and {@link #only(String, String)}, which marks where one class applies. In the
 * tables {@code ↵} stands for a line break. Every highlighting made here is checked to cover its
 * text exactly, in runs whose neighbours differ.
 */
class MarkdownHighlighterTest {

  private static final MarkdownHighlighter HIGHLIGHTER = new MarkdownHighlighter();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      textBlock =
          """
          '# Title'                 => «md-heading md-heading-1:# Title»
          '###### Six'              => «md-heading md-heading-6:###### Six»
          '####### Seven'           => '####### Seven'
          '#hashtag'                => '#hashtag'
          '#'                       => «md-heading md-heading-1:#»
          '   # Three spaces in'    => '   «md-heading md-heading-1:# Three spaces in»'
          '    # Four spaces in'    => '    # Four spaces in'
          \\# Escaped               => \\# Escaped
          '## With *emphasis*'      => «md-heading md-heading-2:## With »«md-emphasis md-heading md-heading-2:*emphasis*»
          '# Closed #'              => «md-heading md-heading-1:# Closed #»
          Title↵=====               => «md-heading md-heading-1:Title»↵«md-heading md-heading-1:=====»
          Title↵---                 => «md-heading md-heading-2:Title»↵«md-heading md-heading-2:---»
          Two lines↵of title↵=      => «md-heading md-heading-1:Two lines»↵«md-heading md-heading-1:of title»↵«md-heading md-heading-1:=»
          Text↵↵---                 => Text↵↵«md-hr:---»
          ↵---                      => ↵«md-hr:---»
          - item↵---                => «md-list-marker:-» item↵«md-hr:---»
          > Quote↵---               => «md-quote:> Quote»↵«md-hr:---»
          Text↵***                  => Text↵«md-hr:***»
          Text↵# Heading            => Text↵«md-heading md-heading-1:# Heading»
          Text↵# Heading↵===        => Text↵«md-heading md-heading-1:# Heading»↵===
          ===                       => ===
          '- # In a list'           => «md-list-marker:-» «md-heading md-heading-1:# In a list»
          '# Windows\\r↵line'       => «md-heading md-heading-1:# Windows»\\r↵line
          """)
  void headingsStartALineAndSetextHeadingsAreUnderlined(String markdown, String expected) {
    assertMarked(markdown, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      textBlock =
          """
          *em*                      => «md-emphasis:*em*»
          _em_                      => «md-emphasis:_em_»
          **strong**                => «md-strong:**strong**»
          __strong__                => «md-strong:__strong__»
          ***both***                => «md-emphasis:*»«md-emphasis md-strong:**both**»«md-emphasis:*»
          **strong *and em***       => «md-strong:**strong »«md-emphasis md-strong:*and em*»«md-strong:**»
          *em **and strong***       => «md-emphasis:*em »«md-emphasis md-strong:**and strong**»«md-emphasis:*»
          ~~gone~~                  => «md-strike:~~gone~~»
          a ~one~ b                 => a «md-strike:~one~» b
          a ~~~three~~~ b           => a ~~~three~~~ b
          a ~~mixed~ b              => a ~~mixed~ b
          snake_case_name           => snake_case_name
          2*3*4                     => 2«md-emphasis:*3*»4
          \\*not em\\*              => \\*not em\\*
          *not closed               => *not closed
          a * b * c                 => a * b * c
          **                        => **
          **bold**text              => «md-strong:**bold**»text
          *em* first                => «md-emphasis:*em*» first
          * item *em*               => «md-list-marker:*» item «md-emphasis:*em*»
          * * *                     => «md-hr:* * *»
          `*code*`                  => «md-code:`*code*`»
          *a `*` b*                 => «md-emphasis:*a »«md-code md-emphasis:`*`»«md-emphasis: b*»
          *one↵line*                => *one↵line*
          **a** **b**               => «md-strong:**a**» «md-strong:**b**»
          """)
  void emphasisFollowsCommonMarksDelimiterRules(String markdown, String expected) {
    assertMarked(markdown, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      textBlock =
          """
          - item                    => «md-list-marker:-» item
          + item                    => «md-list-marker:+» item
          1. first                  => «md-list-marker:1.» first
          2) second                 => «md-list-marker:2)» second
          -not a list               => -not a list
          1234567890. too long      => 1234567890. too long
          - [ ] todo                => «md-list-marker:-» «md-task:[ ]» todo
          - [x] done                => «md-list-marker:-» «md-task:[x]» done
          * [X] shouting            => «md-list-marker:*» «md-task:[X]» shouting
          - [ ]                     => «md-list-marker:-» [ ]
          [ ] not in a list         => [ ] not in a list
          '    - nested'            => '    «md-list-marker:-» nested'
          - - two at once           => «md-list-marker:-» «md-list-marker:-» two at once
          1. - [ ] mixed            => «md-list-marker:1.» «md-list-marker:-» «md-task:[ ]» mixed
          Text↵2. continues         => Text↵2. continues
          Text↵1. interrupts        => Text↵«md-list-marker:1.» interrupts
          Text↵- interrupts         => Text↵«md-list-marker:-» interrupts
          Text↵    - continues      => Text↵    - continues
          1. a↵2. b                 => «md-list-marker:1.» a↵«md-list-marker:2.» b
          - a↵  - b                 => «md-list-marker:-» a↵  «md-list-marker:-» b
          > quote                   => «md-quote:> quote»
          > > nested                => «md-quote:> > nested»
          >> tight                  => «md-quote:>> tight»
          > - [ ] in a quote        => «md-quote:> »«md-list-marker md-quote:-»«md-quote: »«md-quote md-task:[ ]»«md-quote: in a quote»
          > *em* here               => «md-quote:> »«md-emphasis md-quote:*em*»«md-quote: here»
          > quote↵lazy *line*↵↵not  => «md-quote:> quote»↵«md-quote:lazy »«md-emphasis md-quote:*line*»↵↵not
          > quote↵- list            => «md-quote:> quote»↵«md-list-marker:-» list
          - item↵lazy               => «md-list-marker:-» item↵lazy
          \\- escaped               => \\- escaped
          \\> escaped               => \\> escaped
          a > b                     => a > b
          """)
  void listMarkersTasksAndQuotes(String markdown, String expected) {
    assertMarked(markdown, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      textBlock =
          """
          `code`                    => «md-code:`code`»
          ``a ` b``                 => «md-code:``a ` b``»
          `unclosed                 => `unclosed
          ``two`one                 => ``two`one
          \\`not code`              => \\`not code`
          \\\\`code`                => \\\\«md-code:`code`»
          \\``one`                  => \\`«md-code:`one`»
          `a\\`b                    => «md-code:`a\\`»b
          `**not bold**`            => «md-code:`**not bold**`»
          `[no](link)`              => «md-code:`[no](link)`»
          a `b` c `d` e             => a «md-code:`b`» c «md-code:`d`» e
          ```                       => «md-fence:```»
          ``` inline ```            => «md-code:``` inline ```»
          """)
  void inlineCodeIsLiteralAndEscapesArePlain(String markdown, String expected) {
    assertMarked(markdown, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      textBlock =
          """
          [text](https://talkbook.dev)        => «md-link:[text]»«md-url:(https://talkbook.dev)»
          [text](<a b> "Title")               => «md-link:[text]»«md-url:(<a b> "Title")»
          [t](/a_(b)_c)                       => «md-link:[t]»«md-url:(/a_(b)_c)»
          [empty]()                           => «md-link:[empty]»«md-url:()»
          ![slide](attachment:ab/s.png)       => «md-image md-link:![slide]»«md-image md-url:(attachment:ab/s.png)»
          [text][ref]                         => «md-link:[text]»«md-url:[ref]»
          [text][]                            => «md-link:[text]»«md-url:[]»
          [just brackets]                     => [just brackets]
          [no](spaces in url)                 => [no](spaces in url)
          [unclosed](x                        => [unclosed](x
          [**bold** link](u)                  => «md-link:[»«md-link md-strong:**bold**»«md-link: link]»«md-url:(u)»
          *[em link](u)*                      => «md-emphasis:*»«md-emphasis md-link:[em link]»«md-emphasis md-url:(u)»«md-emphasis:*»
          [*a](b)*                            => «md-link:[*a]»«md-url:(b)»*
          [a [inner](i) b](o)                 => [a «md-link:[inner]»«md-url:(i)» b](o)
          ![a [inner](i) b](o)                => «md-image md-link:![a [inner]»«md-image md-link md-url:(i)»«md-image md-link: b]»«md-image md-url:(o)»
          [a](b) and [c](d)                   => «md-link:[a]»«md-url:(b)» and «md-link:[c]»«md-url:(d)»
          \\[not](link)                       => \\[not](link)
          <https://talkbook.dev>              => «md-url:<https://talkbook.dev>»
          <ada@example.org>                   => «md-url:<ada@example.org>»
          <not a link>                        => <not a link>
          see https://talkbook.dev.           => see «md-url:https://talkbook.dev».
          (www.talkbook.dev/a_(b))            => («md-url:www.talkbook.dev/a_(b)»)
          *https://talkbook.dev*              => «md-emphasis:*»«md-emphasis md-url:https://talkbook.dev»«md-emphasis:*»
          xhttps://talkbook.dev               => xhttps://talkbook.dev
          https://                            => https://
          [ref]: https://talkbook.dev "Title" => «md-link:[ref]»: «md-url:https://talkbook.dev» "Title"
          [ref]: <a b>                        => «md-link:[ref]»: «md-url:<a b>»
          [ref]: https://a.dev not a title    => [ref]: «md-url:https://a.dev» not a title
          Text↵[ref]: https://a.dev           => Text↵[ref]: «md-url:https://a.dev»
          """)
  void linksImagesAndAddresses(String markdown, String expected) {
    assertMarked(markdown, expected);
  }

  @Test
  void aFenceIsOnlyFenceWhateverItHolds() {
    assertThat(
            marked(
                """
                Before *em*
                ```
                *not em* [no](link)
                # no heading
                ```
                After *em*"""))
        .isEqualTo(
            """
            Before «md-emphasis:*em*»
            «md-fence:```
            *not em* [no](link)
            # no heading
            ```»
            After «md-emphasis:*em*»""");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      textBlock =
          """
          ~~~~↵~~~↵```↵~~~~↵*em*            => «md-fence:~~~~↵~~~↵```↵~~~~»↵«md-emphasis:*em*»
          ```↵~~~↵```↵*em*                  => «md-fence:```↵~~~↵```»↵«md-emphasis:*em*»
          ````↵```↵````  ↵*em*              => «md-fence:````↵```↵````  »↵«md-emphasis:*em*»
          ```↵``` not closing↵```↵*em*      => «md-fence:```↵``` not closing↵```»↵«md-emphasis:*em*»
          ```↵# never closed↵- *x*          => «md-fence:```↵# never closed↵- *x*»
          '  ```↵x↵     ```↵*em*'           => '  «md-fence:```↵x↵»     «md-fence:```»↵«md-emphasis:*em*»'
          Text↵```↵x↵```                    => Text↵«md-fence:```↵x↵```»
          Text↵    ```↵*em*                 => Text↵    ```↵«md-emphasis:*em*»
          ~~~ info `with` backticks↵x↵~~~   => «md-fence:~~~ info `with` backticks↵x↵~~~»
          ``` a`b↵x                         => ``` a`b↵x
          """)
  void fencesCloseWithTheSameCharacterAtLeastAsLong(String markdown, String expected) {
    assertMarked(markdown, expected);
  }

  @Test
  void aFenceInAQuoteEndsWithTheQuote() {
    assertThat(marked("> ```\n> *x*\n> ```\n*y*"))
        .isEqualTo(
            "«md-quote:> »«md-fence md-quote:```»«md-fence:\n»"
                + "«md-quote:> »«md-fence md-quote:*x*»«md-fence:\n»"
                + "«md-quote:> »«md-fence md-quote:```»\n"
                + "«md-emphasis:*y*»");
    assertThat(marked("> ```\n> code\n*y*"))
        .isEqualTo(
            "«md-quote:> »«md-fence md-quote:```»«md-fence:\n»"
                + "«md-quote:> »«md-fence md-quote:code»«md-fence:\n»"
                + "«md-emphasis:*y*»");
  }

  @Test
  void aFenceInAnOutlineIsIndentedWithIt() {
    String outline =
        """
        - Demo:
            ```java
            var x = 1;
            ```
        - *Next*""";
    assertThat(only(outline, HighlightClasses.FENCE))
        .isEqualTo(
            """
            - Demo:
                «```java
            »    var x = 1;
                «```»
            - *Next*""");
    assertThat(only(outline, HighlightClasses.JAVA_KEYWORD)).contains("«var» x");
    assertThat(only(outline, HighlightClasses.EMPHASIS)).endsWith("- «*Next*»");
  }

  @Test
  void javaFencesAreHighlightedAsJava() {
    String note =
        """
        ```java
        @Override
        public String name() { return "a \\" b" + 'c' + '\\'' + 42L; } // done
        @interface Marker {}
        sealed interface Shape permits Circle {}
        non-sealed class Circle implements Shape {}
        int[] xs = {0x1F, 1_000, 3.14f, 1e-9, .5};
        ```
        *after*""";
    assertThat(only(note, HighlightClasses.JAVA_KEYWORD))
        .isEqualTo(
            """
            ```java
            @Override
            «public» String name() { «return» "a \\" b" + 'c' + '\\'' + 42L; } // done
            «@interface» Marker {}
            «sealed» «interface» Shape «permits» Circle {}
            «non-sealed» «class» Circle «implements» Shape {}
            «int»[] xs = {0x1F, 1_000, 3.14f, 1e-9, .5};
            ```
            *after*""");
    assertThat(only(note, HighlightClasses.JAVA_ANNOTATION)).contains("«@Override»");
    assertThat(only(note, HighlightClasses.JAVA_STRING)).contains("«\"a \\\" b\"» +");
    assertThat(only(note, HighlightClasses.JAVA_CHAR)).contains("+ «'c'» + «'\\''» +");
    assertThat(only(note, HighlightClasses.JAVA_NUMBER))
        .contains("+ «42L»;")
        .contains("{«0x1F», «1_000», «3.14f», «1e-9», «.5»}");
    assertThat(only(note, HighlightClasses.JAVA_COMMENT)).contains("«// done»");
    assertThat(only(note, HighlightClasses.JAVA_PAREN)).contains("name«()»");
    assertThat(only(note, HighlightClasses.JAVA_BRACE)).contains("Marker «{}»");
    assertThat(only(note, HighlightClasses.JAVA_BRACKET)).contains("int«[]» xs");
    assertThat(only(note, HighlightClasses.JAVA_SEMICOLON)).contains("42L«;» }");
    assertThat(only(note, HighlightClasses.FENCE)).startsWith("«```java\n»@Override");
    assertThat(only(note, HighlightClasses.FENCE)).endsWith(".5};\n«```»\n*after*");
    assertThat(only(note, HighlightClasses.EMPHASIS)).endsWith("«*after*»");
  }

  @Test
  void javaCommentsAndTextBlocksSpanLines() {
    String note =
        """
        ```jshell
        /* a comment
         *   `still` # comment */ int x = 1; /** doc
        */
        String s = \"""
            "quoted" *text*
            \""";
        ```""";
    assertThat(only(note, HighlightClasses.JAVA_COMMENT))
        .isEqualTo(
            """
            ```jshell
            «/* a comment
             *   `still` # comment */» int x = 1; «/** doc
            */»
            String s = \"""
                "quoted" *text*
                \""";
            ```""");
    assertThat(only(note, HighlightClasses.JAVA_STRING))
        .isEqualTo(
            """
            ```jshell
            /* a comment
             *   `still` # comment */ int x = 1; /** doc
            */
            String s = «\"""
                "quoted" *text*
                \"""»;
            ```""");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      textBlock =
          """
          ```Java↵int x;        => int
          ```jshell↵int x;      => int
          ```java title↵int x;  => int
          ```java{.run}↵int x;  => int
          ~~~java↵int x;        => int
          ```javascript↵int x;  => ''
          ```kotlin↵int x;      => ''
          """)
  void javaFencesAreNamedJavaOrJshell(String markdown, String keywords) {
    String text = markdown.replace("↵", "\n");
    Highlighting highlighting = highlight(text);
    String found =
        IntStream.range(0, text.length())
            .filter(i -> highlighting.classesAt(i).contains(HighlightClasses.JAVA_KEYWORD))
            .mapToObj(i -> String.valueOf(text.charAt(i)))
            .collect(Collectors.joining());
    assertThat(found).isEqualTo(keywords == null ? "" : keywords);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      textBlock =
          """
          | a | *b* |↵|---|:---:|↵| `c` | d \\| e |   => «md-table:|» a «md-table:|» «md-emphasis:*b*» «md-table:|»↵«md-table:|---|:---:|»↵«md-table:|» «md-code:`c`» «md-table:|» d \\| e «md-table:|»
          a | b↵--- | ---↵c | d↵↵e | f              => a «md-table:|» b↵«md-table:--- | ---»↵c «md-table:|» d↵↵e | f
          | a |↵|---|↵b↵# End                      => «md-table:|» a «md-table:|»↵«md-table:|---|»↵b↵«md-heading md-heading-1:# End»
          a | b↵- \\| -                             => a | b↵«md-list-marker:-» \\| -
          a | b                                      => a | b
          a | b↵---                                  => «md-heading md-heading-2:a | b»↵«md-heading md-heading-2:---»
          | a | b |↵|---|                            => | a | b |↵|---|
          > a | b↵> --|--                            => «md-quote:> a »«md-quote md-table:|»«md-quote: b»↵«md-quote:> »«md-quote md-table:--|--»
          *a | b*↵-|-                                => *a «md-table:|» b*↵«md-table:-|-»
          """)
  void tablesNeedAMatchingDelimiterRow(String markdown, String expected) {
    assertMarked(markdown, expected);
  }

  @Test
  void theTextAfterATaskIsInline() {
    assertMarked(
        "- [ ] read [the spec](https://spec.commonmark.org)",
        "«md-list-marker:-» «md-task:[ ]» read «md-link:[the spec]»«md-url:(https://spec.commonmark.org)»");
  }

  @Test
  void aSampleNoteUsesEveryClass() {
    String note =
        """
        # Loom in practice
        Speaker: *Ada* and **Grace**, ~~not~~ `Thread.ofVirtual()`
        ===

        > Quoted - see [slides](https://talkbook.dev/s) ![photo](p.png)

        ## Demo
        1. [x] done
        - [ ] todo

        | a | b |
        |---|---|

        ---
        ```java
        @Test void run() { var s = "x"; char c = 'y'; int n = 1; } // ok
        String[] a;
        ```
        ~~~text
        plain
        ~~~
        ### 3
        #### 4
        ##### 5
        ###### 6
        Setext two
        ---
        """;
    Set<String> used = new TreeSet<>();
    highlight(note).spans().forEach(span -> used.addAll(span.classes()));
    assertThat(used).containsExactlyInAnyOrderElementsOf(HighlightClasses.ALL);
  }

  @Test
  void anEmptyTextHasNoSpans() {
    assertThat(highlight("").spans()).isEmpty();
    assertThat(highlight("\n").spans()).containsExactly(new Highlighting.Span(1, Set.of()));
  }

  @Test
  void spansAreMergedAcrossLines() {
    assertThat(highlight("plain\ntext\n").spans())
        .containsExactly(new Highlighting.Span(11, Set.of()));
  }

  @Test
  void aSpanIsNeverEmpty() {
    assertThatThrownBy(() -> new Highlighting.Span(0, Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theClassesAreDistinctAndHeadingsHaveALevel() {
    assertThat(Set.copyOf(HighlightClasses.ALL)).hasSameSizeAs(HighlightClasses.ALL);
    assertThat(HighlightClasses.heading(1)).isEqualTo(HighlightClasses.HEADING_1);
    assertThat(HighlightClasses.heading(6)).isEqualTo(HighlightClasses.HEADING_6);
    assertThatThrownBy(() -> HighlightClasses.heading(7))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void oneHighlighterServesManyThreads() throws Exception {
    String note = "# T\n- [ ] *a* `b` [c](d)\n```java\nint x = 1; /* c\n*/\n```\n| a |\n|--|\n";
    String text = note.repeat(500);
    Highlighting expected = highlight(text);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Highlighting>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        results.add(pool.submit(() -> HIGHLIGHTER.highlight(text)));
      }
      for (Future<Highlighting> result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anyTextIsCoveredExactly() {
    String[] pieces = {
      "*",
      "**",
      "_",
      "~",
      "~~",
      "`",
      "``",
      "```",
      "~~~",
      "[",
      "]",
      "(",
      ")",
      "![",
      "<",
      ">",
      "|",
      "\\",
      "#",
      "# ",
      "- ",
      "1. ",
      "> ",
      "[ ] ",
      "\n",
      "\r\n",
      " ",
      "    ",
      "\t",
      "a",
      "word",
      "https://x.dev",
      "www.",
      "@",
      ":",
      "\"",
      "'",
      "/*",
      "*/",
      "//",
      "\"\"\"",
      "java",
      "-",
      "=",
      "---",
      "é",
      "\uD83D\uDE00",
      "\uD83D",
      "---|---",
      "```java\n",
      "[x]: y"
    };
    Random random = new Random(42);
    for (int round = 0; round < 20_000; round++) {
      StringBuilder text = new StringBuilder();
      int count = random.nextInt(40);
      for (int i = 0; i < count; i++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      highlight(text.toString());
    }
  }

  static Stream<Arguments> pathologicalInputs() {
    return Stream.of(
        pathological("5 MB of one word", () -> "a".repeat(5_000_000)),
        pathological("5 MB of *a", () -> "*a".repeat(2_500_000)),
        pathological("5 MB of a**", () -> "a**".repeat(1_700_000)),
        pathological("5 MB of _a_ and *b", () -> "_a_ *b ".repeat(700_000)),
        pathological("5 MB of ~~", () -> "~~a ".repeat(1_250_000)),
        pathological("100,000 [", () -> "[".repeat(100_000)),
        pathological("100,000 [ then ]", () -> "[".repeat(100_000) + "]".repeat(100_000)),
        pathological("100,000 [a](", () -> "[a](".repeat(100_000)),
        pathological("100,000 [a](b \"", () -> "[a](b \"".repeat(100_000)),
        pathological("100,000 [a][", () -> "[a][".repeat(100_000)),
        pathological("100,000 nested links", () -> "[".repeat(100_000) + "a](b)".repeat(100_000)),
        pathological("100,000 ![", () -> "![".repeat(100_000) + "](x)"),
        pathological(
            "backtick runs of every length",
            () ->
                IntStream.range(1, 3_000).mapToObj("`"::repeat).collect(Collectors.joining(" x "))),
        pathological("100,000 <a:", () -> "<a:".repeat(100_000)),
        pathological("100,000 (https://", () -> "(https://".repeat(100_000)),
        pathological("5 MB of backslashes", () -> "\\".repeat(5_000_000)),
        pathological("5 MB of pipes and a delimiter row", () -> "|".repeat(2_500_000) + "\n|-|"),
        pathological("10,000 nested quotes", () -> "> ".repeat(10_000) + "deep"),
        pathological("10,000 tight quotes", () -> ">".repeat(10_000)),
        pathological("10,000 nested list items", () -> "- ".repeat(10_000) + "deep"),
        pathological("10,000 ordered items", () -> "1. ".repeat(10_000) + "[ ] deep"),
        pathological("a break after 10,000 markers", () -> "- ".repeat(10_000) + "---"),
        pathological(
            "2,000 lines nesting deeper",
            () ->
                IntStream.range(0, 2_000)
                    .mapToObj(i -> " ".repeat(i) + "- > item")
                    .collect(Collectors.joining("\n"))),
        pathological("100,000 paragraph lines then ===", () -> "a\n".repeat(100_000) + "==="),
        pathological("50,000 table-like lines", () -> "a | b\n".repeat(50_000)),
        pathological("100,000 breaks", () -> "---\n".repeat(100_000)),
        pathological("100,000 fences", () -> "```\n".repeat(100_000)),
        pathological("a 5 MB Java line", () -> "```java\n" + "a(b[c]{d};\"e\" ".repeat(350_000)),
        pathological("100,000 Java comment lines", () -> "```java\n" + "/* x\n".repeat(100_000)),
        pathological("100,000 unclosed strings", () -> "```java\n" + "\"x\n".repeat(100_000)));
  }

  private static Arguments pathological(String name, Supplier<String> text) {
    return Arguments.of(Named.of(name, text));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pathologicalInputs")
  // A guard against super-linear work, not a timing: ≈ 1 s of this thread's processor time, where
  // a quadratic path on 5 MB would take hours. Processor time, not the clock: with two test JVMs
  // beside other work (load 50) one input took 43 s on the clock. The timeout only ends a runaway.
  @Timeout(600)
  void pathologicalInputIsHighlightedQuickly(Supplier<String> input) {
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadCpuTime();
    highlight(input.get());
    assertThat(java.time.Duration.ofNanos(threads.getCurrentThreadCpuTime() - before))
        .isLessThan(java.time.Duration.ofSeconds(30));
  }

  // ---- helpers

  /** Highlights and checks the spans cover the text exactly, neighbours never alike. */
  private static Highlighting highlight(String text) {
    Highlighting highlighting = HIGHLIGHTER.highlight(text);
    assertThat(highlighting.length()).as("sum of span lengths").isEqualTo(text.length());
    List<Highlighting.Span> spans = highlighting.spans();
    for (int i = 1; i < spans.size(); i++) {
      if (spans.get(i).classes().equals(spans.get(i - 1).classes())) {
        throw new AssertionError("spans " + (i - 1) + " and " + i + " should have been one");
      }
    }
    return highlighting;
  }

  /** The text with each styled run written as «classes:text», the classes sorted. */
  private static String marked(String text) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (Highlighting.Span span : highlight(text).spans()) {
      String part = text.substring(at, at + span.length());
      at += span.length();
      if (span.classes().isEmpty()) {
        out.append(part);
      } else {
        out.append('«')
            .append(String.join(" ", new TreeSet<>(span.classes())))
            .append(':')
            .append(part)
            .append('»');
      }
    }
    return out.toString();
  }

  /** The text with each run that has {@code styleClass} written as «text». */
  private static String only(String text, String styleClass) {
    StringBuilder out = new StringBuilder();
    boolean inside = false;
    int at = 0;
    for (Highlighting.Span span : highlight(text).spans()) {
      boolean has = span.classes().contains(styleClass);
      if (has != inside) {
        out.append(has ? '«' : '»');
        inside = has;
      }
      out.append(text, at, at + span.length());
      at += span.length();
    }
    return out.append(inside ? "»" : "").toString();
  }

  /**
   * Compares {@link #marked} output, with ↵ for line breaks and \r written as the two characters.
   */
  private static void assertMarked(String markdown, String expected) {
    String text = markdown.replace("↵", "\n").replace("\\r", "\r");
    assertThat(marked(text).replace("\n", "↵").replace("\r", "\\r")).isEqualTo(expected);
  }
}
