package dev.talkbook.core.markdown;

import java.util.BitSet;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.text.Characters;

/**
 * The inline nodes of a one-line block whose only inline syntax is {@code *} emphasis and code
 * spans (a note's typical list item: "Use **pooling** for `connect()`"), made as commonmark 0.32's
 * {@code InlineParserImpl} makes them, without it: that parser sets itself up again for every block
 * (a map of its inline parsers, a scanner), and makes a source range, a substring and a text node
 * for each character of a delimiter run and for each piece of text, which was two fifths of what a
 * site's export allocated. Here the line is walked once, each delimiter run is one text node, and
 * emphasis is matched by the same rules: CommonMark's delimiter-run algorithm as {@code
 * InlineParserImpl.processDelimiters} and {@code EmphasisDelimiterProcessor} run it (flanking from
 * the characters either side, the "multiple of 3" rule, the lowest openers looked at per kind of
 * closer), then adjacent texts merged, so the tree is the one commonmark makes.
 *
 * <p>For a block of one line without source positions; a line with other inline syntax outside its
 * code spans is left to commonmark ({@link #parse}), as is one with {@link #MAX_STARS} stars or
 * more (so the inline nesting limit, 100 levels, is never reached). Pure.
 */
final class SimpleInlines {
  /** At most this many {@code *} in a line: each level of emphasis takes two. */
  static final int MAX_STARS = 100;

  private SimpleInlines() {}

  /** A run of {@code *} on the delimiter stack: its text node holds the stars not used yet. */
  private static final class Run {
    final Text node;
    final int originalLength;
    final boolean canOpen;
    final boolean canClose;
    int length;
    Run previous;
    Run next;

    Run(Text node, int length, boolean canOpen, boolean canClose, Run previous) {
      this.node = node;
      this.originalLength = length;
      this.length = length;
      this.canOpen = canOpen;
      this.canClose = canClose;
      this.previous = previous;
    }
  }

  /**
   * Appends the inline nodes of {@code line} to {@code block}; false, with nothing appended, when
   * the line holds other inline syntax outside code spans: a character of {@code special} (the
   * inline parser's, {@code asciiSpecial} for ASCII) other than {@code *} and {@code `}, an {@code
   * _} (emphasis by other rules), or a run of {@code *} beside a character outside ASCII, or {@link
   * #MAX_STARS} stars. Left to commonmark. A code span's characters are its text ({@code
   * `bit_count`}, {@code `a[0]`}).
   */
  static boolean parse(String line, Node block, boolean[] asciiSpecial, BitSet special) {
    Node lastBefore = block.getLastChild();
    if (parseInto(line, block, asciiSpecial, special)) {
      return true;
    }
    Node node = lastBefore == null ? block.getFirstChild() : lastBefore.getNext();
    while (node != null) {
      Node next = node.getNext();
      node.unlink();
      node = next;
    }
    return false;
  }

  private static boolean parseInto(
      String line, Node block, boolean[] asciiSpecial, BitSet special) {
    int n = line.length();
    Run first = null;
    Run last = null;
    int stars = 0;
    int i = 0;
    while (i < n) {
      char c = line.charAt(i);
      if (c == '`') {
        int open = run(line, i, '`');
        int after = i + open;
        int close = closingTicks(line, after, open);
        if (close < 0) {
          block.appendChild(new Text(line.substring(i, after)));
          i = after;
        } else {
          block.appendChild(code(line.substring(after, close)));
          i = close + open;
        }
      } else if (c == '*') {
        int length = run(line, i, '*');
        stars += length;
        int before = i == 0 ? -1 : line.charAt(i - 1);
        int after = i + length == n ? -1 : line.charAt(i + length);
        if (stars >= MAX_STARS || before >= 0x80 || after >= 0x80) {
          return false;
        }
        boolean beforePunctuation = before < 0 || Characters.isPunctuationCodePoint(before);
        boolean beforeWhitespace = before < 0 || Characters.isWhitespaceCodePoint(before);
        boolean afterPunctuation = after < 0 || Characters.isPunctuationCodePoint(after);
        boolean afterWhitespace = after < 0 || Characters.isWhitespaceCodePoint(after);
        boolean leftFlanking =
            !afterWhitespace && (!afterPunctuation || beforeWhitespace || beforePunctuation);
        boolean rightFlanking =
            !beforeWhitespace && (!beforePunctuation || afterWhitespace || afterPunctuation);
        Text node = new Text(line.substring(i, i + length));
        block.appendChild(node);
        last = new Run(node, length, leftFlanking, rightFlanking, last);
        if (last.previous != null) {
          last.previous.next = last;
        } else {
          first = last;
        }
        i += length;
      } else if (c < 0x80 ? asciiSpecial[c] : special.get(c)) {
        return false; // _ or other inline syntax
      } else {
        int end = i + 1;
        while (end < n) {
          char d = line.charAt(end);
          if (d < 0x80 ? asciiSpecial[d] : special.get(d)) {
            break;
          }
          end++;
        }
        String text = line.substring(i, end);
        if (end == n) {
          // InlineParserImpl's text at the end of the input: spaces and tabs after it dropped
          int keep = text.length();
          while (keep > 0 && (text.charAt(keep - 1) == ' ' || text.charAt(keep - 1) == '\t')) {
            keep--;
          }
          text = text.substring(0, keep);
        }
        block.appendChild(new Text(text));
        i = end;
      }
    }
    if (first != null) {
      emphasis(first);
    }
    merge(block);
    return true;
  }

  /** How many {@code c} start at {@code from}. */
  private static int run(String line, int from, char c) {
    int end = from;
    while (end < line.length() && line.charAt(end) == c) {
      end++;
    }
    return end - from;
  }

  /** Where the next run of exactly {@code length} backticks from {@code from} starts, or -1. */
  private static int closingTicks(String line, int from, int length) {
    for (int at = line.indexOf('`', from); at >= 0; ) {
      int found = run(line, at, '`');
      if (found == length) {
        return at;
      }
      at = line.indexOf('`', at + found);
    }
    return -1;
  }

  /** A code span's node: one space taken off each end when both have one and not all are. */
  private static Code code(String content) {
    if (content.length() >= 3
        && content.charAt(0) == ' '
        && content.charAt(content.length() - 1) == ' '
        && Characters.hasNonSpace(content)) {
      content = content.substring(1, content.length() - 1);
    }
    return new Code(content);
  }

  /** {@code InlineParserImpl.processDelimiters} for {@code *} runs only, from the bottom run. */
  private static void emphasis(Run bottom) {
    // the lowest opener worth looking at for a closer of each kind: length % 3, and whether it
    // can open too (+ 3); null for none, as InlineParserImpl's map
    Run[] openerBottoms = new Run[6];
    Run closer = bottom;
    while (closer != null) {
      if (!closer.canClose) {
        closer = closer.next;
        continue;
      }
      int key = closer.originalLength % 3 + (closer.canOpen ? 3 : 0);
      Run openerBottom = openerBottoms[key];
      int used = 0;
      Run opener = closer.previous;
      while (opener != null && opener != openerBottom) {
        if (opener.canOpen) {
          used = used(opener, closer);
          if (used > 0) {
            break;
          }
        }
        opener = opener.previous;
      }
      if (used == 0) {
        openerBottoms[key] = closer.previous;
        Run next = closer.next;
        if (!closer.canOpen) {
          remove(closer);
        }
        closer = next;
        continue;
      }
      Node wrapper = used == 2 ? new StrongEmphasis("**") : new Emphasis("*");
      Node node = opener.node.getNext();
      while (node != closer.node) {
        Node next = node.getNext();
        wrapper.appendChild(node);
        node = next;
      }
      opener.node.insertAfter(wrapper);
      opener.length -= used;
      closer.length -= used;
      for (Run between = closer.previous; between != null && between != opener; ) {
        Run previous = between.previous;
        remove(between);
        between = previous;
      }
      if (opener.length == 0) {
        opener.node.unlink();
        remove(opener);
      } else {
        opener.node.setLiteral(opener.node.getLiteral().substring(used));
      }
      if (closer.length == 0) {
        Run next = closer.next;
        closer.node.unlink();
        remove(closer);
        closer = next;
      } else {
        closer.node.setLiteral(closer.node.getLiteral().substring(used));
      }
    }
  }

  /** {@code EmphasisDelimiterProcessor.process}'s count of stars used, 0 when they cannot pair. */
  private static int used(Run opener, Run closer) {
    if ((opener.canClose || closer.canOpen)
        && closer.originalLength % 3 != 0
        && (opener.originalLength + closer.originalLength) % 3 == 0) {
      return 0;
    }
    return opener.length >= 2 && closer.length >= 2 ? 2 : 1;
  }

  /** Takes a run off the delimiter stack; its node stays. */
  private static void remove(Run run) {
    if (run.previous != null) {
      run.previous.next = run.next;
    }
    if (run.next != null) {
      run.next.previous = run.previous;
    }
    run.previous = null;
    run.next = null;
  }

  /** Adjacent texts made one, among the children of {@code parent} and of its descendants. */
  private static void merge(Node parent) {
    Node node = parent.getFirstChild();
    while (node != null) {
      if (node instanceof Text text) {
        Node next = node.getNext();
        if (next instanceof Text) {
          StringBuilder joined = new StringBuilder(text.getLiteral());
          while (next instanceof Text following) {
            joined.append(following.getLiteral());
            next = following.getNext();
            following.unlink();
          }
          text.setLiteral(joined.toString());
        }
        node = next;
      } else {
        merge(node);
        node = node.getNext();
      }
    }
  }
}
