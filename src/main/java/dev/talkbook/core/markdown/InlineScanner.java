package dev.talkbook.core.markdown;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Highlights the inline Markdown of one line or table cell: code spans, emphasis, strong,
 * strikethrough, links, images and autolinks; backslash escapes make a character plain.
 *
 * <p>It follows CommonMark's own algorithm: one scan that matches code spans and collects delimiter
 * runs and link brackets, links resolved at their closing bracket, then emphasis matched over the
 * delimiter list with "openers bottom" limits. Every step is linear or close to it, whatever the
 * input (thousands of brackets, backticks or asterisks on one line).
 */
final class InlineScanner {

  private static final int NONE = -1;
  private static final int OPEN = 1 << 2;
  private static final int CLOSE = 1 << 3;
  private static final int KIND_MASK = 3;
  private static final int TILDE = 2;
  private static final int MAX_LINK_PAREN_DEPTH = 32;
  private static final int MAX_LABEL_LENGTH = 999;

  private final String text;
  private final LinePainter painter;

  // The delimiter runs (*, _, ~) as a doubly linked list over arrays, in text order.
  private int[] delimiterStart = new int[16];
  private int[] delimiterLength = new int[16];
  private int[] delimiterMeta = new int[16];
  private int[] previous = new int[16];
  private int[] next = new int[16];
  private int delimiterCount;
  private int last;
  private final int[] openersBottom = new int[3 * 3 * 2];

  // The link openers "[" and "![": where, and how many delimiters came before each.
  private int[] bracketStart = new int[16];
  private int[] bracketDelimiters = new int[16];
  private boolean[] bracketImage = new boolean[16];
  private int bracketCount;
  private int firstActiveBracket;

  // The backtick runs of the current segment by length, built when the first code span opens.
  private final Map<Integer, Positions> backtickRuns = new HashMap<>();
  private boolean backticksIndexed;

  InlineScanner(String text, LinePainter painter) {
    this.text = text;
    this.painter = painter;
  }

  /** Highlights [from, to), which is within one line. */
  void scan(int from, int to) {
    if (from >= to) {
      return;
    }
    delimiterCount = 0;
    last = NONE;
    bracketCount = 0;
    firstActiveBracket = 0;
    backticksIndexed = false;
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      switch (c) {
        case '\\':
          i += i + 1 < to && isAsciiPunctuation(text.charAt(i + 1)) ? 2 : 1;
          break;
        case '`':
          i = codeSpan(i, from, to);
          break;
        case '*':
        case '_':
        case '~':
          i = delimiterRun(i, from, to);
          break;
        case '[':
          pushBracket(i, false);
          i++;
          break;
        case '!':
          if (i + 1 < to && text.charAt(i + 1) == '[') {
            pushBracket(i, true);
            i += 2;
          } else {
            i++;
          }
          break;
        case ']':
          i = closeBracket(i, to);
          break;
        case '<':
          i = paintUrl(i, autolinkEnd(i, to));
          break;
        case 'h':
        case 'H':
        case 'w':
        case 'W':
          i = paintUrl(i, i == from || isUrlBoundary(text.charAt(i - 1)) ? bareUrlEnd(i, to) : -1);
          break;
        default:
          i++;
      }
    }
    processEmphasis(0);
  }

  private int paintUrl(int start, int end) {
    if (end < 0) {
      return start + 1;
    }
    painter.paint(start, end, ClassBits.URL);
    return end;
  }

  // ---- code spans

  private int codeSpan(int start, int from, int to) {
    int i = start;
    while (i < to && text.charAt(i) == '`') {
      i++;
    }
    int length = i - start;
    if (!backticksIndexed) {
      indexBackticks(from, to);
    }
    Positions runs = backtickRuns.get(length);
    int closer = runs == null ? NONE : runs.firstAtOrAfter(i);
    if (closer == NONE) {
      return i;
    }
    painter.paint(start, closer + length, ClassBits.CODE);
    return closer + length;
  }

  private void indexBackticks(int from, int to) {
    backtickRuns.clear();
    int i = from;
    while (i < to) {
      if (text.charAt(i) != '`') {
        i++;
        continue;
      }
      int start = i;
      while (i < to && text.charAt(i) == '`') {
        i++;
      }
      backtickRuns.computeIfAbsent(i - start, length -> new Positions()).add(start);
    }
    backticksIndexed = true;
  }

  // ---- emphasis

  private int delimiterRun(int start, int from, int to) {
    char c = text.charAt(start);
    int i = start;
    while (i < to && text.charAt(i) == c) {
      i++;
    }
    int length = i - start;
    if (c == '~' && length > 2) {
      return i;
    }
    int before = start > from ? text.codePointBefore(start) : ' ';
    int after = i < to ? text.codePointAt(i) : ' ';
    boolean spaceBefore = isWhitespace(before);
    boolean spaceAfter = isWhitespace(after);
    boolean punctuationBefore = isPunctuation(before);
    boolean punctuationAfter = isPunctuation(after);
    boolean leftFlanking = !spaceAfter && (!punctuationAfter || spaceBefore || punctuationBefore);
    boolean rightFlanking = !spaceBefore && (!punctuationBefore || spaceAfter || punctuationAfter);
    boolean canOpen;
    boolean canClose;
    if (c == '_') {
      canOpen = leftFlanking && (!rightFlanking || punctuationBefore);
      canClose = rightFlanking && (!leftFlanking || punctuationAfter);
    } else {
      canOpen = leftFlanking;
      canClose = rightFlanking;
    }
    if (canOpen || canClose) {
      int kind = c == '*' ? 0 : c == '_' ? 1 : TILDE;
      pushDelimiter(start, length, kind | (canOpen ? OPEN : 0) | (canClose ? CLOSE : 0));
    }
    return i;
  }

  private void pushDelimiter(int start, int length, int meta) {
    if (delimiterCount == delimiterStart.length) {
      int size = delimiterCount * 2;
      delimiterStart = Arrays.copyOf(delimiterStart, size);
      delimiterLength = Arrays.copyOf(delimiterLength, size);
      delimiterMeta = Arrays.copyOf(delimiterMeta, size);
      previous = Arrays.copyOf(previous, size);
      next = Arrays.copyOf(next, size);
    }
    int d = delimiterCount++;
    delimiterStart[d] = start;
    delimiterLength[d] = length;
    // The original length modulo 3 for the "rule of 3"; a tilde run keeps its length instead.
    delimiterMeta[d] = meta | ((length % 3) << 4);
    previous[d] = last;
    next[d] = NONE;
    if (last != NONE) {
      next[last] = d;
    }
    last = d;
  }

  /** Matches the delimiters from index {@code bottom} on, then drops them all. */
  private void processEmphasis(int bottom) {
    int first = NONE;
    for (int d = last; d != NONE && d >= bottom; d = previous[d]) {
      first = d;
    }
    if (first == NONE) {
      return;
    }
    Arrays.fill(openersBottom, bottom - 1);
    int closer = first;
    while (closer != NONE) {
      if ((delimiterMeta[closer] & CLOSE) == 0) {
        closer = next[closer];
        continue;
      }
      int key = bottomKey(closer);
      int opener = previous[closer];
      while (opener != NONE && opener > openersBottom[key] && !matches(opener, closer)) {
        opener = previous[opener];
      }
      if (opener != NONE && opener > openersBottom[key]) {
        closer = match(opener, closer);
      } else {
        openersBottom[key] = Math.max(previous[closer], bottom - 1);
        int following = next[closer];
        if ((delimiterMeta[closer] & OPEN) == 0) {
          remove(closer);
        }
        closer = following;
      }
    }
    while (last != NONE && last >= bottom) {
      remove(last);
    }
  }

  /** Paints what {@code opener} and {@code closer} enclose; returns the closer to go on with. */
  private int match(int opener, int closer) {
    boolean tilde = (delimiterMeta[closer] & KIND_MASK) == TILDE;
    int use;
    int bit;
    if (tilde) {
      use = delimiterLength[closer];
      bit = ClassBits.STRIKE;
    } else {
      use = delimiterLength[opener] >= 2 && delimiterLength[closer] >= 2 ? 2 : 1;
      bit = use == 2 ? ClassBits.STRONG : ClassBits.EMPHASIS;
    }
    painter.paint(
        delimiterStart[opener] + delimiterLength[opener] - use, delimiterStart[closer] + use, bit);
    delimiterLength[opener] -= use;
    delimiterLength[closer] -= use;
    delimiterStart[closer] += use;
    next[opener] = closer;
    previous[closer] = opener;
    if (delimiterLength[opener] == 0) {
      remove(opener);
    }
    if (delimiterLength[closer] == 0) {
      int following = next[closer];
      remove(closer);
      return following;
    }
    return closer;
  }

  private boolean matches(int opener, int closer) {
    int o = delimiterMeta[opener];
    int c = delimiterMeta[closer];
    if ((o & OPEN) == 0 || (o & KIND_MASK) != (c & KIND_MASK)) {
      return false;
    }
    if ((c & KIND_MASK) == TILDE) {
      return delimiterLength[opener] == delimiterLength[closer];
    }
    int openerMod = (o >> 4) & 3;
    int closerMod = (c >> 4) & 3;
    boolean bothSides = (o & CLOSE) != 0 || (c & OPEN) != 0;
    return !(bothSides && (openerMod + closerMod) % 3 == 0 && !(openerMod == 0 && closerMod == 0));
  }

  private int bottomKey(int closer) {
    int meta = delimiterMeta[closer];
    int kind = meta & KIND_MASK;
    int size = kind == TILDE ? delimiterLength[closer] % 3 : (meta >> 4) & 3;
    return kind * 6 + size * 2 + ((meta & OPEN) != 0 ? 1 : 0);
  }

  private void remove(int d) {
    int before = previous[d];
    int after = next[d];
    if (before != NONE) {
      next[before] = after;
    }
    if (after != NONE) {
      previous[after] = before;
    } else {
      last = before;
    }
  }

  // ---- links and images

  private void pushBracket(int start, boolean image) {
    if (bracketCount == bracketStart.length) {
      int size = bracketCount * 2;
      bracketStart = Arrays.copyOf(bracketStart, size);
      bracketDelimiters = Arrays.copyOf(bracketDelimiters, size);
      bracketImage = Arrays.copyOf(bracketImage, size);
    }
    bracketStart[bracketCount] = start;
    bracketDelimiters[bracketCount] = delimiterCount;
    bracketImage[bracketCount] = image;
    bracketCount++;
  }

  private int closeBracket(int at, int to) {
    if (bracketCount == 0) {
      return at + 1;
    }
    int b = --bracketCount;
    boolean active = bracketImage[b] || b >= firstActiveBracket;
    firstActiveBracket = Math.min(firstActiveBracket, bracketCount);
    if (!active) {
      return at + 1;
    }
    int after = at + 1;
    int end = NONE;
    if (after < to && text.charAt(after) == '(') {
      end = inlineLinkEnd(after, to);
    } else if (after < to && text.charAt(after) == '[') {
      end = referenceEnd(after, to);
    }
    if (end == NONE) {
      return at + 1;
    }
    int start = bracketStart[b];
    painter.paint(start, after, ClassBits.LINK);
    painter.paint(after, end, ClassBits.URL);
    if (bracketImage[b]) {
      painter.paint(start, end, ClassBits.IMAGE);
    } else {
      // A link cannot contain another link: the "[" still open before it are plain text (an
      // image's "![" stays open, as an image may hold a link).
      firstActiveBracket = bracketCount;
    }
    processEmphasis(bracketDelimiters[b]);
    return end;
  }

  /**
   * The end of {@code (destination "title")} starting at {@code open}, or {@link #NONE}. Each scan
   * stops at the first character that cannot belong (a space in a bare destination, a 33rd nested
   * parenthesis, a {@code <} in a pointy one), so many failed links on a line stay linear.
   */
  private int inlineLinkEnd(int open, int to) {
    int i = skipSpaces(open + 1, to);
    if (i < to && text.charAt(i) == ')') {
      return i + 1;
    }
    if (i >= to) {
      return NONE;
    }
    int destinationStart = i;
    if (text.charAt(i) == '<') {
      i++;
      while (i < to && text.charAt(i) != '>') {
        char c = text.charAt(i);
        if (c == '<') {
          return NONE;
        }
        i += c == '\\' ? 2 : 1;
      }
      if (i >= to) {
        return NONE;
      }
      i++;
    } else {
      int depth = 0;
      while (i < to) {
        char c = text.charAt(i);
        if (c == '\\' && i + 1 < to && isAsciiPunctuation(text.charAt(i + 1))) {
          i += 2;
          continue;
        }
        if (c == '(') {
          if (++depth > MAX_LINK_PAREN_DEPTH) {
            return NONE;
          }
        } else if (c == ')') {
          if (depth == 0) {
            break;
          }
          depth--;
        } else if (c <= ' ') {
          break;
        }
        i++;
      }
      if (depth != 0 || i == destinationStart) {
        return NONE;
      }
    }
    int afterDestination = i;
    i = skipSpaces(i, to);
    if (i < to && text.charAt(i) == ')') {
      return i + 1;
    }
    if (i >= to || i == afterDestination) {
      return NONE;
    }
    char quote = text.charAt(i);
    if (quote != '"' && quote != '\'' && quote != '(') {
      return NONE;
    }
    char close = quote == '(' ? ')' : quote;
    i++;
    while (i < to && text.charAt(i) != close) {
      char c = text.charAt(i);
      if (quote == '(' && c == '(') {
        return NONE;
      }
      i += c == '\\' ? 2 : 1;
    }
    if (i >= to) {
      return NONE;
    }
    i = skipSpaces(i + 1, to);
    return i < to && text.charAt(i) == ')' ? i + 1 : NONE;
  }

  /** The end of the {@code [label]} of a full or collapsed reference link, or {@link #NONE}. */
  private int referenceEnd(int open, int to) {
    int limit = Math.min(to, open + 1 + MAX_LABEL_LENGTH + 1);
    int i = open + 1;
    while (i < limit) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '[') {
        return NONE;
      } else if (c == ']') {
        return i + 1;
      } else {
        i++;
      }
    }
    return NONE;
  }

  // ---- autolinks

  /** The end of {@code <scheme:...>} or {@code <name@host>} starting at {@code open}, or NONE. */
  private int autolinkEnd(int open, int to) {
    int i = open + 1;
    if (i < to && isAsciiLetter(text.charAt(i))) {
      int schemeStart = i;
      i++;
      while (i < to && i - schemeStart < 32 && isSchemeChar(text.charAt(i))) {
        i++;
      }
      if (i - schemeStart >= 2 && i < to && text.charAt(i) == ':') {
        for (i++; i < to; i++) {
          char c = text.charAt(i);
          if (c == '>') {
            return i + 1;
          }
          if (c == '<' || c <= ' ') {
            break;
          }
        }
      }
    }
    i = open + 1;
    while (i < to && isEmailLocalChar(text.charAt(i))) {
      i++;
    }
    if (i == open + 1 || i >= to || text.charAt(i) != '@') {
      return NONE;
    }
    int host = ++i;
    while (i < to
        && (isAsciiLetterOrDigit(text.charAt(i))
            || text.charAt(i) == '-'
            || text.charAt(i) == '.')) {
      i++;
    }
    return i > host && i < to && text.charAt(i) == '>' ? i + 1 : NONE;
  }

  /**
   * The end of a bare {@code https://}, {@code http://} or {@code www.} address (GFM's extended
   * autolinks) starting at {@code start}, without trailing punctuation or an unbalanced {@code )}.
   */
  private int bareUrlEnd(int start, int to) {
    int i;
    if (text.regionMatches(true, start, "https://", 0, 8)) {
      i = start + 8;
    } else if (text.regionMatches(true, start, "http://", 0, 7)) {
      i = start + 7;
    } else if (text.regionMatches(true, start, "www.", 0, 4)) {
      i = start + 4;
    } else {
      return NONE;
    }
    if (i >= to || !Character.isLetterOrDigit(text.charAt(i))) {
      return NONE;
    }
    int host = i;
    int opened = 0;
    int closed = 0;
    while (i < to) {
      char c = text.charAt(i);
      if (c <= ' ' || c == '<' || Character.isWhitespace(c)) {
        break;
      }
      if (c == '(') {
        opened++;
      } else if (c == ')') {
        closed++;
      }
      i++;
    }
    while (i > host) {
      char c = text.charAt(i - 1);
      if ("?!.,:*_~'\"".indexOf(c) >= 0) {
        i--;
      } else if (c == ')' && closed > opened) {
        i--;
        closed--;
      } else {
        break;
      }
    }
    return i > host ? i : NONE;
  }

  private static boolean isUrlBoundary(char c) {
    return c == ' ' || c == '\t' || c == '*' || c == '_' || c == '~' || c == '(';
  }

  // ---- characters

  private int skipSpaces(int i, int to) {
    while (i < to && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  static boolean isAsciiPunctuation(char c) {
    return (c >= '!' && c <= '/')
        || (c >= ':' && c <= '@')
        || (c >= '[' && c <= '`')
        || (c >= '{' && c <= '~');
  }

  private static boolean isWhitespace(int c) {
    return c == ' '
        || c == '\t'
        || c == '\n'
        || c == '\r'
        || c == '\f'
        || Character.getType(c) == Character.SPACE_SEPARATOR;
  }

  /** ASCII punctuation, or a Unicode punctuation or symbol character (CommonMark 0.31). */
  private static boolean isPunctuation(int c) {
    if (c < 128) {
      return isAsciiPunctuation((char) c);
    }
    switch (Character.getType(c)) {
      case Character.CONNECTOR_PUNCTUATION:
      case Character.DASH_PUNCTUATION:
      case Character.START_PUNCTUATION:
      case Character.END_PUNCTUATION:
      case Character.INITIAL_QUOTE_PUNCTUATION:
      case Character.FINAL_QUOTE_PUNCTUATION:
      case Character.OTHER_PUNCTUATION:
      case Character.MATH_SYMBOL:
      case Character.CURRENCY_SYMBOL:
      case Character.MODIFIER_SYMBOL:
      case Character.OTHER_SYMBOL:
        return true;
      default:
        return false;
    }
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return isAsciiLetter(c) || (c >= '0' && c <= '9');
  }

  private static boolean isSchemeChar(char c) {
    return isAsciiLetterOrDigit(c) || c == '+' || c == '.' || c == '-';
  }

  private static boolean isEmailLocalChar(char c) {
    return isAsciiLetterOrDigit(c) || ".!#$%&'*+/=?^_`{|}~-".indexOf(c) >= 0;
  }

  /** Positions in increasing order. */
  private static final class Positions {
    private int[] values = new int[4];
    private int size;

    void add(int value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    /** The first position at or after {@code from}, or {@link #NONE}. */
    int firstAtOrAfter(int from) {
      int low = 0;
      int high = size;
      while (low < high) {
        int middle = (low + high) >>> 1;
        if (values[middle] < from) {
          low = middle + 1;
        } else {
          high = middle;
        }
      }
      return low < size ? values[low] : NONE;
    }
  }
}
