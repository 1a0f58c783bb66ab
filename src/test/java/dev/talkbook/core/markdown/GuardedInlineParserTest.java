package dev.talkbook.core.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link GuardedInlineParser} makes the same inline nodes as commonmark's own inline parser, with
 * and without source positions: its one-line texts made without that parser included.
 */
class GuardedInlineParserTest {
  private static final HtmlRenderer HTML =
      HtmlRenderer.builder().extensions(MarkdownRenderer.EXTENSIONS).build();

  private static Parser parser(boolean guarded, IncludeSourceSpans spans) {
    Parser.Builder b =
        Parser.builder().extensions(MarkdownRenderer.EXTENSIONS).includeSourceSpans(spans);
    if (guarded) {
      b.inlineParserFactory(GuardedInlineParser.FACTORY);
    }
    return b.build();
  }

  private static void sameAsCommonmark(String markdown) {
    for (IncludeSourceSpans spans : IncludeSourceSpans.values()) {
      assertThat(HTML.render(parser(true, spans).parse(markdown)))
          .as("%s with %s", markdown, spans)
          .isEqualTo(HTML.render(parser(false, spans).parse(markdown)));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plain words\n",
        "trailing spaces   \n",
        "trailing tab\t \t\n\nnext",
        "# A heading \t\n\n## Another #\n\n###   \n",
        "- one\n- two  \n  - three\t\n\n1. four\n",
        "| a | b |\n|---|---|\n| plain | \t |\n|  | x |\n",
        "two lines\nof text  \nand a third\n",
        "*emphasis* and `code` and [a](b) and ![i](j) and <b> and &amp; and \\* and ~~s~~\n",
        "a_b and a*b! and ]\n",
        "Äpfel, façade, naïve — “quotes” 日本語\n",
        "a www.example.org link and me@example.org and https://example.org\n",
        "- [x] a task\n- [ ] another\n",
        "Setext heading  \n===\n",
        "> quoted plain line\n> another\n",
        "    indented code  \n",
        "---\ntitle: x\n---\nafter front matter\n",
        "nul \0 here\n",
        "   \n\t\n"
      })
  void makesTheNodesCommonmarkMakes(String markdown) {
    sameAsCommonmark(markdown);
  }

  @Test
  void makesTheSameNodesInRandomNotes() {
    String[] pieces = {
      "word",
      " ",
      "  ",
      "\t",
      "\n",
      "\n\n",
      "- ",
      "# ",
      "| ",
      "|",
      "*",
      "_",
      "`",
      "[",
      "]",
      "!",
      "<",
      "&",
      "\\",
      "~",
      "é",
      "www.x.org",
      "a@b.c",
      "1. ",
      "> ",
      "---"
    };
    Random random = new Random(20261205L);
    for (int round = 0; round < 2000; round++) {
      StringBuilder b = new StringBuilder();
      for (int i = random.nextInt(30); i > 0; i--) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      sameAsCommonmark(b.toString());
    }
  }
}
