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
 * <p>A block of one line without positions (a published page's) and without a character that starts
 * anything inline is made into its one {@link Text} here, as {@code InlineParserImpl} makes it:
 * that parser sets itself up again for every block it is given (its inline parsers, a scanner) and
 * walks the text a character at a time, which for the many one-line list items and headings of a
 * note cost more than the text itself.
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

  private GuardedInlineParser(InlineParserContext context) {
    this.inner = new InlineParserImpl(context);
    this.special = special(context);
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
    if (each.size() == 1 && lines.getSourceSpans().isEmpty()) {
      String line = each.get(0).getContent().toString();
      int kind = kind(line);
      if (kind == STARS_AND_TICKS && SimpleInlines.parse(line, block)) {
        return;
      }
      if (kind == PLAIN) {
        // InlineParserImpl's text at the end of the input: spaces and tabs after it dropped
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
          end--;
        }
        if (!line.isEmpty()) {
          block.appendChild(new Text(line.substring(0, end)));
        }
        return;
      }
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

  /** A line with nothing inline: its one text. */
  private static final int PLAIN = 0;

  /**
   * A line with only {@code *} emphasis and code spans (and {@code _}, which {@link SimpleInlines}
   * takes inside code spans only).
   */
  private static final int STARS_AND_TICKS = 1;

  /** Any other line: commonmark's own parser. */
  private static final int OTHER = 2;

  /**
   * What the line holds: {@link #PLAIN} when no character starts anything inline; {@link
   * #STARS_AND_TICKS} when only {@code *}, {@code `} and {@code _} do, and the line is printable
   * ASCII with fewer than {@link SimpleInlines#MAX_STARS} stars; else {@link #OTHER}. Not too long
   * either way.
   */
  private int kind(String line) {
    if (line.length() > MAX_INLINE_CHARS) {
      return OTHER;
    }
    boolean ascii = true;
    int stars = 0;
    int marks = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '*') {
        stars++;
      } else if (c == '`' || c == '_') {
        marks++;
      } else if (special.get(c)) {
        return OTHER;
      } else if (c < ' ' || c > '~') {
        ascii = false;
      }
    }
    if (stars == 0 && marks == 0) {
      return PLAIN;
    }
    return ascii && stars < SimpleInlines.MAX_STARS ? STARS_AND_TICKS : OTHER;
  }
}
