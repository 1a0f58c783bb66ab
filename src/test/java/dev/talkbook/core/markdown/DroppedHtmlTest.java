package dev.talkbook.core.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the page never shows of a note's raw HTML, found in the Markdown itself. */
class DroppedHtmlTest {

  private final MarkdownRenderer renderer = new MarkdownRenderer();

  /** Whether {@code word} is a whole word of {@code text}. */
  private static boolean hasWord(String text, String word) {
    return Pattern.compile("\\b" + word + "\\b").matcher(text).find();
  }

  /**
   * Each note's hidden words are gone from the blanked Markdown and from the published page alike;
   * its shown words are in both: the blanking says what the page says.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          "a <script>alert(7)</script> b"                           | alert        | a b
          "a <SCRIPT type=x>`seven`</SCRIPT> b"                     | seven        | a b
          "<script>\\nalert(1)\\n</script>\\n\\nafter"              | alert        | after
          "> <script>\\n> quoted\\n> </script>\\n\\nafter"          | quoted       | after
          "<iframe src=x>\\n\\ninside para\\n\\n</iframe>\\n\\nafter" | inside para  | after
          "<div><style>p{}</style>shown</div>\\n\\nafter"          | p            | shown after
          "a <title>tt</title> b <noscript>ns</noscript> c"         | tt ns        | a b c
          "a <noembed>x1</noembed> b <noframes>x2</noframes> c"     | x1 x2        | a b c
          "a <object>one</object> b <nostyle>two</nostyle> c"       | one two      | a b c
          "a <script>one\\n\\nnext para\\n\\n- item"                | one next item | a
          "a <script/> b\\n\\nc"                                    | b c          | a
          "a <object/> b"                                           | b            | a
          "a <script>one<script>two</script>three</script> four"    | one two      | three four
          "a <object>one<object>two</object>three</object> four"    | one two      | three four
          "a <object>one <iframe>two</object> three </iframe> four" | one two three | four
          "a <noscript>one<script>two</script>three</noscript> four" | one two     | three four
          "a <style>x\\n\\npara2</style> after"                     | x para2      | a after
          "a </script> b"                                           |              | a b
          "<!-- a <script> in a comment -->\\n\\nvisible"           | comment      | visible
          "a <!-- draft --> b <!-- <style> --> c"                   | draft style  | a b c
          "<div>\\n<!-- <style> -->\\nshown\\n</div>"                | style        | shown
          "a <scripts>x</scripts> b"                                |              | a x b
          "```html\\n<script>alert(1)</script>\\n```\\n\\nafter"    |              | script alert after
          "`<style>p</style>` code"                                 |              | style p code
          "| a | b |\\n|---|---|\\n| <script>c1</script> | d |"     | c1           | a b d
          "1. <style>\\n   listed\\n   </style>\\n2. item"          | listed       | item
          """)
  void hidesWhatThePageDrops(String note, String hidden, String shown) {
    String markdown = note.replace("\\n", "\n");
    String page =
        renderer
            .renderPage(markdown, ref -> Optional.empty(), null)
            .html()
            .replaceAll("<[^>]*>", " ")
            .replace("&lt;", "<")
            .replace("&gt;", ">");
    String blanked = DroppedHtml.blanked(markdown);

    assertThat(blanked).hasSameSizeAs(markdown);
    for (String word : hidden == null ? new String[0] : hidden.split(" ")) {
      assertThat(hasWord(page, word)).as("%s on the page: %s", word, page).isFalse();
      assertThat(hasWord(blanked, word)).as("%s in: %s", word, blanked).isFalse();
    }
    for (String word : shown.split(" ")) {
      assertThat(hasWord(page, word)).as("%s on the page: %s", word, page).isTrue();
      assertThat(hasWord(blanked, word)).as("%s in: %s", word, blanked).isTrue();
    }
  }

  @Test
  void notesWithoutADroppedElementAreTheSameString() {
    String note = "Plain <b>bold</b> and <kbd>Ctrl</kbd>, a < b, <scripture>\n";
    assertThat(DroppedHtml.blanked(note)).isSameAs(note);
    assertThat(DroppedHtml.blanked(null)).isNull();
  }

  @Test
  void onlyNotesWithSomethingLikeATagOutsideCodeAreParsedForTheirShownText() {
    String code =
        "Generics:\n\n```java\nList<String> xs;\n```\n\n~~~~\n</div>\n~~~~\n\n"
            + "And `Map<K, V>` or ``a `<b>` c`` inline, a < b.\n";
    assertThat(DroppedHtml.mayHoldTag(code)).isFalse();
    assertThat(DroppedHtml.mayHoldTag(code + "Then <b>bold</b>.\n")).isTrue();
    assertThat(DroppedHtml.mayHoldTag("```\nopen fence\n````\n<div>\n")).isTrue();
    assertThat(DroppedHtml.mayHoldTag("a ` lone tick <i>x</i>\n")).isTrue();
    assertThat(DroppedHtml.mayHoldTag("<!-- c -->")).isTrue();
    assertThat(DroppedHtml.shownText(code + "<b>bold</b>")).isEqualTo(code + "   bold    ");
  }

  @Test
  void theQuickLookForATagStartGivesWhatTheWalkGives() {
    // mayHoldTag looks for '<' and what may start a tag before walking fences and code spans:
    // on random notes of the characters that matter the answer is the walk's alone
    char[] alphabet = {'<', '<', '/', '!', '?', 'a', 'Z', '1', '`', '`', '~', '\n', ' ', 'é', '>'};
    java.util.Random random = new java.util.Random(5);
    int tags = 0;
    for (int k = 0; k < 20_000; k++) {
      StringBuilder b = new StringBuilder();
      for (int i = random.nextInt(40); i > 0; i--) {
        b.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String note = b.toString();
      boolean walk = DroppedHtml.tagOutsideCode(note);
      assertThat(DroppedHtml.mayHoldTag(note)).as(note).isEqualTo(walk);
      tags += walk ? 1 : 0;
    }
    assertThat(tags).isBetween(2_000, 18_000); // both answers are tried
    assertThat(DroppedHtml.anyTagStart("a < b, x<3, List<String>")).isTrue();
    assertThat(DroppedHtml.anyTagStart("a < b, x<3, y <")).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        // a fence in a list item ends with the item
        "- item\n  ```\n  code\n- next\n\n<span onclick=\"x\">after</span>\n",
        // closed at its own indentation inside the item: three spaces past the item's text
        "- item\n  ```\n  code\n     ```\n<span onclick=\"x\">after</span>\n",
        // a fence whose info string holds a backtick is none: a paragraph
        "``` foo`bar\n<span onclick=\"x\">after</span>\n",
        // its closing line, taken for an opening by a walk that missed the indented fence
        "  ```\n  code\n```\n<span onclick=\"x\">after</span>\n",
        // a fence-like line in the front matter opens no fence
        "---\ntitle: x\n```\n---\n<span onclick=\"x\">after</span>\n"
      })
  void aTagAfterWhatLooksLikeAnOpenFenceButIsNotIsHidden(String note) {
    assertThat(DroppedHtml.shownText(note)).doesNotContain("onclick").contains("after");
  }

  @Test
  void theWalkFindsATagWhereverCommonmarkParsesRawHtml() {
    // Random notes of lines that matter to fences, lists, quotes, front matter and code spans:
    // wherever the walk says "no tag outside code", commonmark's parse has no raw HTML.
    String[] lines = {
      "```",
      "```java",
      "``` a`b",
      "~~~",
      "~~~ a`b",
      "````",
      "  ```",
      "   ```",
      "    ```",
      "  ~~~",
      "- item",
      "1. item",
      "  - sub",
      "> quote",
      "> ```",
      "",
      "",
      "text",
      "    code",
      "---",
      "<b>x</b>",
      "a <i>b</i>",
      "`<b>`",
      "``a `<b>` c``",
      "x < y",
      "<!-- c -->",
      "\\`<b>`",
      "`` a ``` <b> ``",
      "a`b",
      "  <div>",
      "| a | b |",
      "|---|---|"
    };
    java.util.Random random = new java.util.Random(13);
    int quiet = 0;
    for (int k = 0; k < 20_000; k++) {
      StringBuilder b = new StringBuilder();
      for (int i = 1 + random.nextInt(8); i > 0; i--) {
        b.append(lines[random.nextInt(lines.length)]).append('\n');
      }
      String note = b.toString();
      if (!DroppedHtml.mayHoldTag(note)) {
        quiet++;
        boolean[] html = {false};
        DroppedHtml.parse(note)
            .document
            .accept(
                new org.commonmark.node.AbstractVisitor() {
                  @Override
                  public void visit(org.commonmark.node.HtmlInline node) {
                    html[0] = true;
                  }

                  @Override
                  public void visit(org.commonmark.node.HtmlBlock node) {
                    html[0] = true;
                  }
                });
        assertThat(html[0]).as("raw HTML the walk missed in:%n%s", note).isFalse();
      }
    }
    assertThat(quiet).isGreaterThan(2_000); // the walk's "no" is tried often
  }

  @Test
  void lineBreaksStay() {
    assertThat(DroppedHtml.blanked("a\n<style>\np\n</style>\nb"))
        .isEqualTo("a\n" + " ".repeat(7) + "\n \n" + " ".repeat(8) + "\nb");
  }

  @Test
  @Timeout(30) // a guard against super-linear work, not a timing
  void manyTagsAreReadInOnePass() {
    String note = "<b>x</b> <script>y</script>\n\n".repeat(20_000) + "<!--" + "<".repeat(50_000);
    String blanked = DroppedHtml.blanked(note);
    assertThat(blanked.indexOf('y')).isNegative();
    assertThat(blanked.indexOf('x')).isNotNegative();
    // many blocks with a comment or a tag never ended: each read to its own end only
    String open = "<div><!-- zq\n\n<div a=\"<b\n\n".repeat(20_000) + "<script>cq</script>";
    assertThat(DroppedHtml.blanked(open)).doesNotContain("zq").doesNotContain("cq");
  }

  /** Notes {@link DroppedHtml#showsAll} passes are those shownText's scans give back unchanged. */
  @Test
  void showsAllOnlyWhereShownTextChangesNothing() {
    assertThat(DroppedHtml.showsAll("plain *notes* with `code` and x=1")).isTrue();
    assertThat(DroppedHtml.showsAll("a <b>tag</b>")).isFalse();
    assertThat(DroppedHtml.showsAll("a [link](x)")).isFalse();
    assertThat(DroppedHtml.showsAll("&amp;")).isFalse();
    assertThat(DroppedHtml.showsAll("```output code=1a2b3c4d")).isFalse();
    String[] pieces = {
      "a",
      " ",
      "\n",
      "<",
      "<b>",
      "</b>",
      "<!-- c -->",
      "]",
      "[x](y)",
      "[r]: z",
      "&",
      "&amp;",
      "&#233;",
      "=",
      "code",
      "code=1a2b3c4d",
      "```output code=1a2b3c4d\n",
      "```\n",
      "`",
      "*"
    };
    java.util.Random random = new java.util.Random(20261207L);
    for (int round = 0; round < 20_000; round++) {
      StringBuilder b = new StringBuilder();
      for (int i = random.nextInt(16); i > 0; i--) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      String notes = b.toString();
      if (DroppedHtml.showsAll(notes)) {
        assertThat(DroppedHtml.shownTextScanned(notes)).as(notes).isEqualTo(notes);
      }
    }
  }
}
