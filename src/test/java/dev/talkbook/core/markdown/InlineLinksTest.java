package dev.talkbook.core.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where notes hold links the page shows as links: not in code, not escaped. */
class InlineLinksTest {

  private static List<String> targets(String markdown) {
    return InlineLinks.in(markdown).stream().map(InlineLinks.Link::target).toList();
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
  void anIndentedLineInAParagraphIsNoCode() {
    assertThat(targets("text\n    [a](a.md)\n")).containsExactly("a.md");
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
  void manyUnopenedBracketsInOneParagraphTakeOnePass() {
    String notes = "](x) ".repeat(100_000) + "[a](a.md)";
    assertTimeoutPreemptively(
        Duration.ofSeconds(10), () -> assertThat(targets(notes)).containsExactly("a.md"));
  }
}
