package dev.talkbook.core.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shown text ({@link DroppedHtml#shownText}, whose link and entity part is {@link ShownInline})
 * leaves out where links point, their titles and reference definitions, and decodes character
 * references, keeping what the page shows: link text, bare addresses, code.
 */
class ShownInlineTest {

  /** The words of the shown text, as the search cuts them (letters and digits), in order. */
  private static List<String> words(String markdown) {
    return Arrays.stream(DroppedHtml.shownText(markdown).split("[^\\p{L}\\p{N}]+"))
        .filter(w -> !w.isEmpty())
        .collect(Collectors.toList());
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          See [the talk](https://www.example.com/path/file) now.              | See the talk now
          See [the talk](https://example.com/x "A title here") now.           | See the talk now
          A [link](<https://example.com/with space>) here                    | A link here
          Read [the talk][ref] and [more][].                                 | Read the talk and more
          ![a diagram](https://example.com/pic.png) below                    | a diagram below
          ![a diagram](attachment:pic.png "hover") below                     | a diagram below
          [outer [inner] text](https://example.com/nested) after             | outer inner text after
          [![badge alt](https://example.com/b.svg)](https://example.com/go)  | badge alt
          \\[not a link](https://example.com/shown) here                      | not a link https example com shown here
          Written https://example.com/bare in the text                        | Written https example com bare in the text
          Visit www.example.org today                                        | Visit www example org today
          Mail <https://example.com/auto> now                                | Mail https example com auto now
          Code `[x](https://example.com/code)` stays                         | Code x https example com code stays
          Tom &amp; Jerry                                                    | Tom Jerry
          caf&eacute; and &#233;t&#xE9; and &#x41;                           | café and é té and A
          Not &amp in text &unknownentity; here                             | Not amp in text unknownentity here
          Escaped \\&amp; stays                                               | Escaped amp stays
          Code `&amp;` stays                                                 | Code amp stays
          """)
  void leavesOutWhatThePageDoesNotShow(String markdown, String expected) {
    assertThat(words(markdown)).containsExactly(expected.split(" "));
  }

  @Test
  void aReferenceDefinitionGivesNoWords() {
    String notes =
        """
        Read [the talk][ref] today.

        [ref]: https://www.example.com/path "The title"
        [other]: <https://example.com/x>

        After.
        """;

    assertThat(words(notes)).containsExactly("Read", "the", "talk", "today", "After");
  }

  @Test
  void fencedCodeIsLeftAsItIs() {
    String notes =
        """
        Before [a](https://example.com/a).

        ```java
        var s = "[x](https://example.com/java)" + "&amp;";
        ```

        ```
        [y](https://example.com/plain) &lt;
        ```
        """;

    assertThat(words(notes))
        .containsExactly(
            "Before", "a", "java", "var", "s", "x", "https", "example", "com", "java", "amp", "y",
            "https", "example", "com", "plain", "lt");
  }

  @Test
  void aFenceWithBlankLinesIsCodeToItsEndAndTheParagraphAfterIsText() {
    String notes =
        """
        Intro.

        ```
        code [a](https://x.example/in)

        still code [b](https://y.example/in) &amp;
        ```

        After [c](https://z.example/out) &amp; done.
        """;

    assertThat(words(notes))
        .containsExactly(
            "Intro", "code", "a", "https", "x", "example", "in", "still", "code", "b", "https", "y",
            "example", "in", "amp", "After", "c", "done");
  }

  @Test
  void headingsListsAndTablesKeepTheirLinkTexts() {
    String notes =
        """
        # Heading [with link](https://example.com/h)

        - item [one](https://example.com/1)
        > quoted [two](https://example.com/2)

        | a | b |
        |---|---|
        | [cell](https://example.com/c) | x |
        """;

    assertThat(words(notes))
        .containsExactly(
            "Heading", "with", "link", "item", "one", "quoted", "two", "a", "b", "cell", "x");
  }

  @Test
  void everyCharacterStaysInItsPlace() {
    String notes = "A [link](https://e.com) &amp; <b>bold</b> &eacute;t&eacute;\nnext line";

    String shown = DroppedHtml.shownText(notes);

    assertThat(shown).hasSameSizeAs(notes);
    assertThat(shown.indexOf("next line")).isEqualTo(notes.indexOf("next line"));
    assertThat(shown.indexOf("link")).isEqualTo(notes.indexOf("link"));
    assertThat(shown).contains("&").contains("bold").contains("é").doesNotContain("e.com");
  }

  @Test
  void notesWithoutLinksOrEntitiesAreReturnedAsTheyAre() {
    String notes = "Plain notes [with brackets] and a bare https://example.com link.";

    assertThat(DroppedHtml.shownText(notes)).isSameAs(notes);
  }

  @Test
  void rawHtmlAndLinksTogether() {
    String notes = "<span class=\"x\">Shown</span> [text](https://hidden.example/p) &amp;";

    assertThat(words(notes)).containsExactly("Shown", "text");
  }

  @Test
  @Timeout(5)
  void manyBracketsAndAmpersandsStayLinear() {
    String notes = "[](".repeat(50_000) + "&#".repeat(50_000) + "[a]:".repeat(50_000);

    assertThat(DroppedHtml.shownText(notes)).hasSameSizeAs(notes);
  }
}
