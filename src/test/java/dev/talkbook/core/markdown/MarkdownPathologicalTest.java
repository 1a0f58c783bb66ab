package dev.talkbook.core.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile or broken notes finish quickly and without a StackOverflowError (after commonmark's own
 * {@code PathologicalTest}). Each runs the preview path (blocks and outline) and the site path.
 */
// A guard against super-linear work, not a timing (room for a loaded CI machine).
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MarkdownPathologicalTest {
  private final MarkdownRenderer renderer = new MarkdownRenderer();

  private void renderBothWays(String note) {
    assertThat(renderer.render(note)).isNotNull();
    RenderedNote rendered = renderer.renderNote(note, r -> Optional.empty());
    assertThat(rendered.outline()).isNotNull();
  }

  @Test
  void tenThousandNestedQuotes() {
    renderBothWays(">".repeat(10_000) + " deep\n");
  }

  @Test
  void aThousandListItemsEachIndentedDeeper() {
    // 10,000 levels written this way would be 100 MB of spaces; the one-line form below nests
    // 10,000 deep.
    StringBuilder note = new StringBuilder();
    for (int i = 0; i < 1_000; i++) {
      note.append("  ".repeat(i)).append("- level ").append(i).append('\n');
    }
    renderBothWays(note.toString());
  }

  @Test
  void tenThousandNestedListMarkersOnOneLine() {
    renderBothWays("- ".repeat(10_000) + "x\n");
  }

  @Test
  void tenThousandNestedEmphasis() {
    renderBothWays("*a ".repeat(10_000) + "b" + " a*".repeat(10_000));
    renderBothWays("*".repeat(20_000) + "a" + "*".repeat(20_000));
  }

  @Test
  void tenThousandNestedLinksAndRawTags() {
    renderBothWays("[".repeat(10_000) + "a" + "](b)".repeat(10_000));
    renderBothWays("<div>".repeat(10_000) + "x" + "</div>".repeat(10_000));
    renderBothWays("<b>".repeat(10_000) + "x" + "</b>".repeat(10_000));
  }

  @Test
  void aHundredThousandOpenBrackets() {
    renderBothWays("[".repeat(100_000) + "a");
    renderBothWays("![".repeat(100_000) + "a");
  }

  @Test
  void aFiveMegabyteSingleLine() {
    renderBothWays("word *em* `code` [link](https://example.org) ".repeat(120_000));
    renderBothWays("a".repeat(5_000_000));
  }

  @Test
  void aHugeParagraphOfEmphasisAndLinksIsKeptAsText() {
    String html = renderer.render("w *em* [l](h) ".repeat(20_000));
    assertThat(html).startsWith("<p data-line=\"0\">w *em* [l](h)").doesNotContain("<em>");
    assertThat(renderer.render("w *em* [l](h) ".repeat(100))).contains("<em>em</em>");
  }

  @Test
  void deeplyNestedOutlineBuildsItsTree() {
    StringBuilder note = new StringBuilder("# Top\n");
    for (int i = 0; i < 10_000; i++) {
      note.append("  ".repeat(i % 200)).append("- item ").append(i).append('\n');
    }
    Outline outline = renderer.outline(note.toString());
    assertThat(outline.entries()).hasSize(1);
    assertThat(outline.flatten()).hasSizeGreaterThan(50);
  }
}
