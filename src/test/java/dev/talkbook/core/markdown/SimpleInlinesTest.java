package dev.talkbook.core.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SimpleInlines}, through {@link GuardedInlineParser}, makes the very nodes commonmark's own
 * inline parser makes (each text, code span and emphasis, texts merged the same way) for lines of
 * {@code *} emphasis and code spans, and the same HTML.
 */
class SimpleInlinesTest {
  private static final Parser GUARDED =
      Parser.builder()
          .extensions(MarkdownRenderer.EXTENSIONS)
          .maxInlineNesting(MarkdownRenderer.MAX_INLINE_NESTING)
          .inlineParserFactory(GuardedInlineParser.FACTORY)
          .build();
  private static final Parser COMMONMARK =
      Parser.builder()
          .extensions(MarkdownRenderer.EXTENSIONS)
          .maxInlineNesting(MarkdownRenderer.MAX_INLINE_NESTING)
          .build();
  private static final HtmlRenderer HTML =
      HtmlRenderer.builder().extensions(MarkdownRenderer.EXTENSIONS).build();

  /** The tree as text: each node's kind, its literal or delimiter, its children. */
  private static String tree(Node node) {
    StringBuilder b = new StringBuilder(node.getClass().getSimpleName());
    if (node instanceof Text t) {
      b.append('"').append(t.getLiteral()).append('"');
    } else if (node instanceof Code c) {
      b.append('"').append(c.getLiteral()).append('"');
    } else if (node instanceof Emphasis e) {
      b.append(e.getOpeningDelimiter()).append(e.getClosingDelimiter());
    } else if (node instanceof StrongEmphasis s) {
      b.append(s.getOpeningDelimiter()).append(s.getClosingDelimiter());
    }
    if (node.getFirstChild() != null) {
      b.append('(');
      for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
        b.append(tree(child)).append(child.getNext() == null ? "" : ", ");
      }
      b.append(')');
    }
    return b.toString();
  }

  private static void sameAsCommonmark(String markdown) {
    Node mine = GUARDED.parse(markdown);
    Node theirs = COMMONMARK.parse(markdown);
    assertThat(tree(mine)).as("%s", markdown).isEqualTo(tree(theirs));
    assertThat(HTML.render(mine)).as("%s", markdown).isEqualTo(HTML.render(theirs));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Use **pooling** for `connect()` and *then* stop.",
        "- With encryption bad **on** be cefocezi is diya feel today *field*.",
        "# A *heading* with `code`",
        "*a **b** c*",
        "***strong and emphasis***",
        "**a*",
        "*a**",
        "a*b*c and a**b**c",
        "*foo**bar**baz*",
        "*foo**bar*",
        "**foo*bar*baz**",
        "foo***bar***baz",
        "** not **",
        "* not emphasis",
        "`` a ` b ``",
        "` `` `",
        "`  `",
        "` a `",
        "`unclosed and *star*",
        "``x` and `y``",
        "**`code`** and `**not**`",
        "trailing spaces after *it*   ",
        "- item *one*\n- item `two`\n\n| a *b* | `c` |\n|---|---|\n| **d** | e |",
        "(*a*) and *(b)* and .*c*.",
        "More `bit_pandas` many **rollout** and `closure_cost`",
        "snake_case outside code, `inside_code`",
        "`a_b` and _emphasis_ and `c`",
        "`unclosed_tick and *star*",
        "__strong__ `x`",
        "Index `a[0]` and `<b>` and `&amp;` are code, *really*",
        "`a[0]` then [a link](x)",
        "é*emphasis*é and *é*",
        "tab\t*a*\t",
        "Äpfel and *Birnen* — plain “quotes”"
      })
  void makesTheNodesCommonmarkMakes(String markdown) {
    sameAsCommonmark(markdown);
  }

  @Test
  void makesTheSameNodesInRandomLines() {
    String[] pieces = {
      "*", "*", "**", "***", "`", "``", " ", " ", "  ", "a", "word", ".", ",", "(", ")", "-", ":",
      "\"", "'", "/", "+", "=", "!", "_", "_", "a_b", "é", "\t", "~", "#", "1", "[", "]", "<", ">",
      "&", "&amp;", "\\", "\0", "日本", "*é", "é*", "`a[0]`", "` <b> `", "\u00a0"
    };
    String[] starts = {"", "", "- ", "# ", "1. ", "> ", "  - "};
    Random random = new Random(20261207L);
    for (int round = 0; round < 20_000; round++) {
      StringBuilder b = new StringBuilder(starts[random.nextInt(starts.length)]);
      for (int i = random.nextInt(24); i > 0; i--) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      sameAsCommonmark(b.toString());
    }
  }

  @Test
  void leavesManyStarsToCommonmark() {
    sameAsCommonmark("*".repeat(120) + "x" + "*".repeat(120));
    sameAsCommonmark("*a ".repeat(60) + " b*".repeat(60));
  }
}
