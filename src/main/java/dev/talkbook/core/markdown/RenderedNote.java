package dev.talkbook.core.markdown;

import java.util.List;
import java.util.Map;

/**
 * A note rendered for the preview: one HTML element per top-level block with the source lines it
 * came from, the note's outline, and its YAML front matter (empty when it has none).
 *
 * <p>In {@code blocks}, the element of a block carries no line; each block element inside it
 * carries {@code data-rel}, its first line counted from the block's {@code firstLine}. So a block
 * whose text is unchanged renders to the same HTML wherever it moves, and the preview can keep it.
 */
public record RenderedNote(
    List<Block> blocks, Outline outline, Map<String, List<String>> frontMatter) {
  public RenderedNote {
    blocks = List.copyOf(blocks);
    frontMatter = Map.copyOf(frontMatter);
  }

  /** One top-level block: its first and last source line (0-based) and its sanitized HTML. */
  public record Block(int firstLine, int lastLine, String html) {}

  /** All blocks' HTML, without line attributes on the top-level elements. */
  public String html() {
    StringBuilder out = new StringBuilder();
    for (Block b : blocks) {
      out.append(b.html());
    }
    return out.toString();
  }
}
