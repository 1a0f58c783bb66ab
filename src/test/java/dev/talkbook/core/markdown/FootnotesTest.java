package dev.talkbook.core.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Footnotes render as numbered superscript links to notes at the end, with links back. */
class FootnotesTest {
  private final MarkdownRenderer renderer = new MarkdownRenderer();

  private String render(String markdown) {
    return renderer.renderPage(markdown, ref -> Optional.empty(), "").html();
  }

  @Test
  void aReferenceIsASuperscriptLinkToItsNoteAtTheEnd() {
    String html = render("Loom is final[^jep].\n\n[^jep]: JEP 444, Java 21.\n\nMore text.\n");
    assertThat(html)
        .contains(
            "<p>Loom is final<sup class=\"footnote-ref\"><a href=\"#fn:1\" id=\"fnref:1\">1</a>"
                + "</sup>.</p>")
        .doesNotContain("[^jep]")
        .contains(
            "<div class=\"footnotes\">\n<hr />\n<ol>\n<li id=\"fn:1\">\n<p>JEP 444, Java 21."
                + " <a href=\"#fnref:1\" class=\"footnote-backref\" aria-label=\"Back to the"
                + " text\">↩</a></p>\n</li>\n</ol>\n</div>");
    // the notes come after the text, wherever the definition was written
    assertThat(html.indexOf("More text.")).isLessThan(html.indexOf("class=\"footnotes\""));
  }

  @Test
  void aReferenceWithoutADefinitionStaysText() {
    String html = render("Said so[^nowhere] and[^1].\n\n[^1]: here\n");
    assertThat(html).contains("Said so[^nowhere] and<sup class=\"footnote-ref\">");
    assertThat(render("Only[^x] text.\n")).isEqualTo("<p>Only[^x] text.</p>\n");
  }

  @Test
  void notesAreNumberedInTheOrderTheyAreFirstReferredTo() {
    String html = render("First[^b], second[^a].\n\n[^a]: about a\n\n[^b]: about b\n");
    assertThat(html)
        .contains("First<sup class=\"footnote-ref\"><a href=\"#fn:1\" id=\"fnref:1\">1</a>")
        .contains("second<sup class=\"footnote-ref\"><a href=\"#fn:2\" id=\"fnref:2\">2</a>");
    assertThat(html.indexOf("about b")).isLessThan(html.indexOf("about a"));
  }

  @Test
  void aNoteReferredToTwiceHasALinkBackToEachReferenceAndUniqueIds() {
    String html = render("One[^n] and again[^N].\n\n[^n]: shared\n");
    assertThat(html)
        .contains("<a href=\"#fn:1\" id=\"fnref:1\">1</a>")
        .contains("<a href=\"#fn:1\" id=\"fnref:1:2\">1</a>")
        .contains("href=\"#fnref:1\" class=\"footnote-backref\"")
        .contains("href=\"#fnref:1:2\" class=\"footnote-backref\"")
        .contains("aria-label=\"Back to reference 2 in the text\">↩<sup>2</sup></a>");
  }

  @Test
  void aSecondDefinitionOfALabelIsIgnoredAndAnUnusedOneNotShown() {
    String html = render("Text[^a].\n\n[^a]: first\n\n[^a]: second\n\n[^unused]: never shown\n");
    assertThat(html).contains("first").doesNotContain("second").doesNotContain("never shown");
    assertThat(html.split("<li ", -1)).hasSize(2);
  }

  @Test
  void referencesInsideEmphasisAndLinksAndNotesInsideNotesAreNumbered() {
    String html =
        render(
            "*stressed[^a]* and **strong _deep[^b]_**\n\n"
                + "[^a]: a note with *its own* note[^c] and `code`\n\n"
                + "[^b]: b\n\n"
                + "[^c]: c\n");
    assertThat(html)
        .contains("<em>stressed<sup class=\"footnote-ref\"><a href=\"#fn:1\"")
        .contains("<em>deep<sup class=\"footnote-ref\"><a href=\"#fn:2\"")
        .contains("<em>its own</em> note<sup class=\"footnote-ref\"><a href=\"#fn:3\"")
        .contains("<code>code</code>");
    assertThat(html.indexOf("id=\"fn:3\"")).isGreaterThan(html.indexOf("id=\"fn:2\""));
  }

  @Test
  void aNoteOfSeveralParagraphsEndsWithItsLinkBack() {
    String html = render("x[^long]\n\n[^long]: first\n\n    second\n\n    - a list\n");
    assertThat(html)
        .contains("<li id=\"fn:1\">\n<p>first</p>\n<p>second</p>\n<ul>\n<li>a list</li>\n</ul>\n")
        .contains("<p> <a href=\"#fnref:1\" class=\"footnote-backref\"");
  }

  @Test
  void aLinkWrittenLikeAFootnoteStaysALink() {
    assertThat(render("[^1](https://example.org)\n\n[^1]: note\n"))
        .contains("href=\"https://example.org\">^1</a>")
        .doesNotContain("footnote-ref");
  }

  @Test
  void footnotesSurviveTheSanitizerWhenTheNoteHoldsRawHtml() {
    String plain = render("Text[^1] <kbd>K</kbd>\n\n[^1]: note\n");
    assertThat(plain)
        .contains("<sup class=\"footnote-ref\"><a href=\"#fn:1\" id=\"fnref:1\">1</a></sup>")
        .contains("<div class=\"footnotes\">")
        .contains("<li id=\"fn:1\">")
        .contains("class=\"footnote-backref\"");
  }

  @Test
  void aHeadingsTableOfContentsTextLeavesTheReferenceOut() {
    NotePage page =
        renderer.renderPage("## Loom[^1]\n\n[^1]: JEP 444\n", ref -> Optional.empty(), "");
    assertThat(page.headings()).hasSize(1);
    assertThat(page.headings().get(0).html()).isEqualTo("Loom");
    assertThat(page.html()).contains("<h2 id=\"loom\">Loom<sup class=\"footnote-ref\">");
  }

  @Test
  void thePreviewShowsTheNotesAsABlockOfTheirOwnAfterTheText() {
    RenderedNote note =
        renderer.renderNote("Text[^1]\n\nmore\n\n[^1]: the note\n", ref -> Optional.empty());
    List<RenderedNote.Block> blocks = note.blocks();
    assertThat(blocks).hasSize(3);
    assertThat(blocks.get(0).html()).contains("<a href=\"#fn:1\" id=\"fnref:1\">1</a>");
    assertThat(blocks.get(2).html())
        .startsWith("<div class=\"footnotes\">")
        .contains("<li id=\"fn:1\" data-rel=\"0\">");
    assertThat(blocks.get(2).firstLine()).isEqualTo(4);
  }

  @Test
  void anAbstractOnTheSamePageAsTheNotesHasIdsOfItsOwn() {
    String html = renderer.renderAbstract("Abstract[^1] <kbd>raw</kbd>\n\n[^1]: its source\n");
    assertThat(html)
        .contains("<a href=\"#abstract-fn:1\" id=\"abstract-fnref:1\">1</a>")
        .contains("<li id=\"abstract-fn:1\">")
        .contains("href=\"#abstract-fnref:1\" class=\"footnote-backref\"");
  }
}
