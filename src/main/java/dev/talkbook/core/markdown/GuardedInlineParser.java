package dev.talkbook.core.markdown;

import org.commonmark.internal.InlineParserImpl;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.InlineParserContext;
import org.commonmark.parser.InlineParserFactory;
import org.commonmark.parser.SourceLines;

/**
 * commonmark's inline parser, except that a paragraph (or heading, or table cell) longer than
 * {@link #MAX_INLINE_CHARS} is kept as plain text. commonmark 0.32's delimiter processing is
 * quadratic when one paragraph mixes many emphasis markers and links (10,000 of each in one line:
 * about 20 s), and the preview renders on the notebook thread; no real note has a paragraph this
 * long. Uses commonmark's own {@code InlineParserImpl} (public, though in its internal package).
 */
final class GuardedInlineParser implements InlineParser {
  static final int MAX_INLINE_CHARS = 20_000;

  static final InlineParserFactory FACTORY = GuardedInlineParser::new;

  private final InlineParser inner;

  private GuardedInlineParser(InlineParserContext context) {
    this.inner = new InlineParserImpl(context);
  }

  @Override
  public void parse(SourceLines lines, Node block) {
    int length = 0;
    for (var line : lines.getLines()) {
      length += line.getContent().length() + 1;
    }
    if (length > MAX_INLINE_CHARS) {
      block.appendChild(new Text(lines.getContent()));
    } else {
      inner.parse(lines, block);
    }
  }
}
