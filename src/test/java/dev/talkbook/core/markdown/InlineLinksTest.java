package dev.talkbook.core.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Where notes hold links the page shows as links: not in code, not escaped. */
class InlineLinksTest {

  private static List<String> targets(String markdown) {
    return InlineLinks.in(markdown).stream().map(InlineLinks.Link::target).toList();
  }

  /** The destinations of {@code markdown}'s links and images as commonmark parses them. */
  private static List<String> commonmarkTargets(String markdown) {
    List<String> found = new java.util.ArrayList<>();
    org.commonmark.parser.Parser.builder()
        .build()
        .parse(markdown)
        .accept(
            new org.commonmark.node.AbstractVisitor() {
              @Override
              public void visit(org.commonmark.node.Link link) {
                found.add(link.getDestination());
                visitChildren(link);
              }

              @Override
              public void visit(org.commonmark.node.Image image) {
                found.add(image.getDestination());
                visitChildren(image);
              }
            });
    return found;
  }

  @ParameterizedTest(name = "U+{0}")
  @ValueSource(
      strings = {
        "3000", // ideographic space: part of the target, not its end
        "00A0", "2003", "2028", "205F", "1680",
        "0085", // a C1 control: commonmark-java ends the target there, as at U+0000–U+001F
        "0009", "000B", "000C", "001F", "007F", "0020"
      })
  void aBareTargetEndsWhereCommonmarkEndsIt(String hex) {
    String c = new String(Character.toChars(Integer.parseInt(hex, 16)));
    for (String markdown :
        List.of(
            "[a](x" + c + "y.png)",
            "![a](x" + c + "y.png) and [b](z.md)",
            "[a](x" + c + "\"t\")",
            "[d]: x" + c + "y.png\n\n![a][d]\n")) {
      assertThat(targets(markdown))
          .as("%s", markdown)
          .containsExactlyElementsOf(commonmarkTargets(markdown));
    }
  }

  @Test
  void findsLinksImagesAndLinkTextsWithBrackets() {
    assertThat(targets("[a](a.md) ![b](b.png \"t\") [c [d] e](<c d.md>) [![f](f.png)](g.md)"))
        .containsExactly("a.md", "b.png", "c d.md", "f.png", "g.md");
    List<InlineLinks.Link> links = InlineLinks.in("x ![b](b.png) [a](a.md)");
    assertThat(links.get(0).image()).isTrue();
    assertThat(links.get(1).image()).isFalse();
  }

  @Test
  void skipsCodeSpansFencesIndentedCodeAndEscapes() {
    String notes =
        "`[a](a.md)`\n\n```\n[b](b.md)\n```\n\n    [c](c.md)\n\n\\[d](d.md) [e\\](e.md) [f](f.md)\n";
    assertThat(targets(notes)).containsExactly("f.md");
  }

  @Test
  void aTargetHoldsParenthesesInPairsAndEscapedOnesAsThePageReadsIt() {
    // a second download of a file is named "photo (1).png"; CommonMark keeps paired and escaped
    // parentheses in a link's target and ends it at the first unpaired ")"
    assertThat(
            targets(
                "![a](photo%20(1).png) ![b](shot(2).png \"t\") [c](a\\(1\\).md) [d](x(y)z).png"))
        .containsExactly("photo%20(1).png", "shot(2).png", "a(1).md", "x(y)z");
    assertThat(InlineLinks.in("![a](photo%20(1).png) next").get(0).end()).isEqualTo(21);
    assertThat(targets("[open](a(b.md) [ok](c.md)")).containsExactly("c.md");
  }

  @Test
  void findsLinkReferenceDefinitionsWhereABlockMayStartOutsideCode() {
    String notes =
        """
        ![diagram][d] and [next][n].

        [d]: diagram.png
        [n]: <b c.md> "Next"
        ## Links
        [h]: photo%20(1).png 'title'

        A paragraph
        [p]: not-a-definition.md

        ```
        [f]: fenced.md
        ```
            [i]: indented.md

        [^1]: a footnote.
        [x]: x.md trailing words
        """;
    List<InlineLinks.Link> links = InlineLinks.in(notes);
    assertThat(links)
        .extracting(InlineLinks.Link::target)
        .containsExactly("diagram.png", "b c.md", "photo%20(1).png");
    assertThat(links).allMatch(l -> l.definition(notes) && !l.image());
    assertThat(links.get(0).text(notes)).isEqualTo("d");
    assertThat(InlineLinks.replace(notes, (text, link) -> link.withTarget(text, "talk:7")))
        .contains("[d]: talk:7\n[n]: talk:7 \"Next\"\n## Links\n[h]: talk:7 'title'\n")
        .contains("[p]: not-a-definition.md", "[f]: fenced.md", "[x]: x.md trailing");
    assertThat(InlineLinks.in("[a](a.md)\n\n[d]: d.md\n").get(0).definition("[a](a.md)")).isFalse();
    // after a tag line ("#tag" is a paragraph, not a heading) or seven #s: paragraph text
    assertThat(InlineLinks.in("#tag\n[t]: tagged.md\n\n####### x\n[s]: seven.md\n")).isEmpty();
    assertThat(targets("# Heading\n[t]: ok.md\n###\n[u]: ok2.md\n"))
        .containsExactly("ok.md", "ok2.md");
  }

  @Test
  void findsTheSourcesOfRawHtmlPicturesOutsideCodeAndComments() {
    String notes =
        """
        <img src="a b.png" width="300"> <IMG alt='x' SRC='c.png'/> <img src=d.png>

        `<img src="code.png">` <!-- <img src="comment.png"> --> <imgx src="no.png"> <img alt="no src">

        ```html
        <img src="fenced.png">
        ```
        """;
    List<InlineLinks.Link> pictures = InlineLinks.rawImages(notes);
    assertThat(pictures)
        .extracting(InlineLinks.Link::target)
        .containsExactly("a b.png", "c.png", "d.png");
    assertThat(InlineLinks.replace(notes, pictures, (text, link) -> link.withTarget(text, "X")))
        .startsWith("<img src=\"X\" width=\"300\"> <IMG alt='x' SRC='X'/> <img src=X>\n")
        .contains("code.png", "comment.png", "fenced.png");
  }

  @Test
  void aRawPicturesSourceHasItsCharacterReferencesDecoded() {
    String notes =
        "<img src=\"a&amp;b.png\"> <img src='c&#38;d.png'> <img src=e&#X26;f&eacute;.png>"
            + " <img src=\"g&nosuch;h.png\"> <img src=\"i&j.png\">";
    List<InlineLinks.Link> pictures = InlineLinks.rawImages(notes);
    assertThat(pictures)
        .extracting(InlineLinks.Link::target)
        .containsExactly("a&b.png", "c&d.png", "e&fé.png", "g&nosuch;h.png", "i&j.png");
    // the whole value is replaced, as written
    assertThat(InlineLinks.replace(notes, pictures, (text, link) -> link.withTarget(text, "X")))
        .isEqualTo("<img src=\"X\"> <img src='X'> <img src=X> <img src=\"X\"> <img src=\"X\">");
  }

  /**
   * {@code ![a](a&amp;b.png)}: the page shows the picture a&b.png (commonmark decodes character
   * references in a target), but the scan kept "a&amp;b.png", so the import did not find the file.
   * Read as commonmark reads it, escapes included: {@code \&amp;} is the text "&amp;".
   */
  @Test
  void aTargetsCharacterReferencesAreDecodedAsThePageDecodesThem() {
    String markdown =
        "![a](a&amp;b.png) ![c](<c&#38;d &eacute;.png>) [e](e&#X26;f.md \"t\")"
            + " ![g](g\\&amp;h.png) ![i](i\\\\&amp;j.png) ![k](k&nosuch;l.png) ![m](m&amp.png)"
            + "\n\n[n]: n&amp;o.png\n\n![p][n]\n";
    assertThat(targets(markdown))
        .containsExactly(
            "a&b.png",
            "c&d é.png",
            "e&f.md",
            "g&amp;h.png",
            "i\\&j.png",
            "k&nosuch;l.png",
            "m&amp.png",
            "n&o.png")
        .containsExactlyElementsOf(commonmarkTargets(markdown));
  }

  /**
   * {@code ![a](<a\>b.png>)}: the page shows the picture "a>b.png" (an escaped {@code >} belongs to
   * an angle-bracket target), but the scan ended the target at that {@code >} and found no link, so
   * the import left the picture behind; an unescaped {@code <} inside is no target, as commonmark
   * reads it.
   */
  @Test
  void anAngleBracketTargetHoldsEscapedBrackets() {
    String markdown =
        "![a](<a\\>b.png>) [c](<c\\<d.md> \"t\") ![e](<e<f.png>)\n\n[g]: <g\\>h.png>\n\n![i][g]\n";
    assertThat(targets(markdown))
        .containsExactly("a>b.png", "c<d.md", "g>h.png")
        .containsExactlyElementsOf(commonmarkTargets(markdown));
  }

  @Test
  void aPictureAfterACapitalDottedIIsFound() {
    // "İ" lowers to two characters: positions in a lowered copy were one off after each
    String notes = "İİİİ Ärger <IMG alt=\"İ\" src=\"a.png\"> and <img src=b.png>";
    List<InlineLinks.Link> pictures = InlineLinks.rawImages(notes);
    assertThat(pictures).extracting(InlineLinks.Link::target).containsExactly("a.png", "b.png");
    assertThat(InlineLinks.replace(notes, pictures, (text, link) -> link.withTarget(text, "X")))
        .isEqualTo("İİİİ Ärger <IMG alt=\"İ\" src=\"X\"> and <img src=X>");
  }

  @Test
  void anIndentedLineInAParagraphIsNoCode() {
    assertThat(targets("text\n    [a](a.md)\n")).containsExactly("a.md");
  }

  @Test
  void aLineOfCarriageReturnsAndBlanksIsABlankLineAsForThePage() {
    // CommonMark ends a line at a lone \r: "\r " is blank lines, the indented line after it code,
    // and a link's text does not run across it
    assertThat(targets("text\n\r \n    [a](a.md)\n")).isEmpty();
    assertThat(targets("[a\n\r \n](a.md)")).isEmpty();
    assertThat(targets("[a\nb](a.md)")).containsExactly("a.md");
  }

  @Test
  void replacesInnerLinksFirst() {
    String notes = "[![logo](x.png)](y.md) and `[z](y.md)`";
    String out =
        InlineLinks.replace(
            notes,
            (text, link) ->
                link.target().equals("x.png") ? link.text(text) : link.withTarget(text, "talk:5"));
    assertThat(out).isEqualTo("[logo](talk:5) and `[z](y.md)`");
  }

  @Test
  void replacesTheLinksFoundBeforeWithoutAnotherScan() {
    String body = "[a](<a b.md>) `[b](b.md)`";
    List<InlineLinks.Link> links = InlineLinks.in(body);
    assertThat(links).extracting(InlineLinks.Link::target).containsExactly("a b.md");
    String notes = "---\nk: v\n---\n" + body;
    int by = notes.length() - body.length();
    String out =
        InlineLinks.replace(
            notes,
            links.stream().map(l -> l.shifted(by)).toList(),
            (text, link) -> link.withTarget(text, "talk:" + link.target().length()));
    assertThat(out).isEqualTo("---\nk: v\n---\n[a](talk:6) `[b](b.md)`");
    assertThat(InlineLinks.replace(notes, List.of(), (text, link) -> "x")).isSameAs(notes);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          a%20b.md        | a b.md
          c++%2B.md       | c+++.md
          caf%C3%A9.png   | café.png
          50%.png         | 50%.png
          100%zz/x.md     | 100%zz/x.md
          a%20b%.png      | a b%.png
          %E2%82%AC%zz    | €%zz
          %C3%.png        | %C3%.png
          """)
  void aTargetsPathIsDecodedAndAPercentThatStartsNoEscapeKept(String target, String path) {
    assertThat(InlineLinks.decodedPath(target)).isEqualTo(path);
  }

  @Test
  void anEncodedPathReadsBackAsItWas() {
    String path = "day 2/c++ & café 50%.md";
    assertThat(InlineLinks.encodedPath(path))
        .isEqualTo("day%202/c%2B%2B%20%26%20caf%C3%A9%2050%25.md");
    assertThat(InlineLinks.decodedPath(InlineLinks.encodedPath(path))).isEqualTo(path);
  }

  @Test
  void manyUnopenedBracketsInOneParagraphTakeOnePass() {
    String notes = "](x) ".repeat(100_000) + "[a](a.md)";
    assertTimeoutPreemptively(
        Duration.ofSeconds(10), () -> assertThat(targets(notes)).containsExactly("a.md"));
  }

  private static List<String> wiki(String markdown) {
    return InlineLinks.wikiLinks(markdown, InlineLinks.in(markdown)).stream()
        .map(
            w ->
                markdown.substring(w.start(), w.end())
                    + " "
                    + w.note()
                    + "|"
                    + w.heading()
                    + "|"
                    + w.shown()
                    + " -> "
                    + w.text()
                    + " #"
                    + w.fragment())
        .toList();
  }

  @Test
  void findsObsidianLinksOutsideCodeEmbedsEscapesAndLinks() {
    assertThat(
            wiki(
                "[[A note]] [[b|Shown]] [[c#Key points]] | [[d\\|e]] |\n"
                    + "`[[x]]` \\[[y]] ![[z.png]] [[]] [[#h]] [see [[w]]](w.md) [[v\nu]]\n\n"
                    + "```\n[[f]]\n```\n\n    [[g]]\n"))
        .containsExactly(
            "[[A note]] A note|null|null -> A note #null",
            "[[b|Shown]] b|null|Shown -> Shown #null",
            "[[c#Key points]] c|Key points|null -> c > Key points #key-points",
            "[[d\\|e]] d|null|e -> e #null");
  }
}
