package dev.talkbook.core.markdown;

import java.util.BitSet;
import java.util.List;
import org.commonmark.internal.InlineParserImpl;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.InlineParserContext;
import org.commonmark.parser.InlineParserFactory;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.SourceLines;
import org.commonmark.parser.delimiter.DelimiterProcessor;

/**
 * commonmark's inline parser, except that a paragraph (or heading, or table cell) longer than
 * {@link #MAX_INLINE_CHARS} is kept as plain text. commonmark 0.32's delimiter processing is
 * quadratic when one paragraph mixes many emphasis markers and links (10,000 of each in one line:
 * about 20 s), and the preview renders on the notebook thread; no real note has a paragraph this
 * long. Uses commonmark's own {@code InlineParserImpl} (public, though in its internal package).
 *
 * <p>A block of one line without positions (a published page's) whose only inline syntax is {@code
 * *} emphasis and code spans, or none, is made into its nodes by {@link SimpleInlines}, the nodes
 * {@code InlineParserImpl} makes: that parser sets itself up again for every block it is given (its
 * inline parsers, a scanner) and walks the text a character at a time, which for the many one-line
 * list items and headings of a note cost more than the text itself.
 */
final class GuardedInlineParser implements InlineParser {
  static final int MAX_INLINE_CHARS = 20_000;

  static final InlineParserFactory FACTORY = GuardedInlineParser::new;

  /**
   * What starts something in {@code InlineParserImpl} besides its context's own delimiters, inline
   * parsers and link markers: a line break, emphasis ({@code *}, {@code _}), backslash escapes,
   * code spans, entities, autolinks and HTML ({@code <}), links and images, and the end of the text
   * ({@code \0}, which commonmark reads as U+FFFD anyway).
   */
  private static final String STARTS_INLINE = "\n*_\\`&<[]!\0";

  private final InlineParser inner;
  private final BitSet special;

  /**
   * {@link #special} for ASCII, looked up in an array (a {@link BitSet#get} is a call under C1).
   */
  private final boolean[] asciiSpecial = new boolean[0x80];

  private GuardedInlineParser(InlineParserContext context) {
    this.inner = new InlineParserImpl(context);
    this.special = special(context);
    for (char c = 0; c < 0x80; c++) {
      asciiSpecial[c] = special.get(c);
    }
  }

  /** Every character that {@code InlineParserImpl} with this context stops its plain text at. */
  static BitSet special(InlineParserContext context) {
    BitSet special = new BitSet();
    for (int i = 0; i < STARTS_INLINE.length(); i++) {
      special.set(STARTS_INLINE.charAt(i));
    }
    for (DelimiterProcessor d : context.getCustomDelimiterProcessors()) {
      special.set(d.getOpeningCharacter());
      special.set(d.getClosingCharacter());
    }
    for (var factory : context.getCustomInlineContentParserFactories()) {
      for (char c : factory.getTriggerCharacters()) {
        special.set(c);
      }
    }
    for (char c : context.getCustomLinkMarkers()) {
      special.set(c);
    }
    return special;
  }

  @Override
  public void parse(SourceLines lines, Node block) {
    List<SourceLine> each = lines.getLines();
    // one line without a position (getSourceSpans() makes a list and an iterator each time)
    if (each.size() == 1
        && each.get(0).getSourceSpan() == null
        && each.get(0).getContent().length() <= MAX_INLINE_CHARS
        && SimpleInlines.parse(each.get(0).getContent().toString(), block, asciiSpecial, special)) {
      return;
    }
    int length = 0;
    for (var line : each) {
      length += line.getContent().length() + 1;
    }
    if (length > MAX_INLINE_CHARS) {
      block.appendChild(new Text(lines.getContent()));
    } else {
      inner.parse(lines, block);
    }
  }
}
