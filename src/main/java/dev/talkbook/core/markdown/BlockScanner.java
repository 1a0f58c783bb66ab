package dev.talkbook.core.markdown;

import java.util.Arrays;

/**
 * One highlighting run over a text, line by line: block structure here (fences, headings, quotes,
 * list items, tables, breaks), inline markup handed to {@link InlineScanner}, Java fences to {@link
 * JavaScanner}. What carries from line to line is a handful of fields (an open fence, the
 * paragraph, a table); a paragraph looks ahead once to see whether it ends in a setext underline.
 * Not thread-safe: {@link MarkdownHighlighter} makes one per call.
 */
final class BlockScanner {

  private static final int NO_PARAGRAPH = 0;

  /** A paragraph outside any quote or list item: only it can become a setext heading. */
  private static final int TOP_PARAGRAPH = 1;

  private static final int NESTED_PARAGRAPH = 2;

  private final String text;
  private final int length;
  private final LinePainter painter = new LinePainter();
  private final InlineScanner inline;
  private final JavaScanner java;

  private boolean inFence;
  private char fenceChar;
  private int fenceLength;
  private int fenceIndent;
  private int fenceQuoteDepth;
  private boolean fenceIsJava;
  private boolean fenceListed;
  private int javaState;

  private int paragraph = NO_PARAGRAPH;
  private boolean paragraphQuoted;
  private int setextLevel;
  private int setextUnderline = -1;

  private int tableColumns;
  private int tableQuoteDepth;
  private int tableDelimiterRow = -1;

  // What containers() found on the current line.
  private int quoteDepth;
  private int quoteStart;
  private int afterQuotes;
  private boolean listItem;
  private boolean task;

  // Thematic break check of the line ending at breakLineEnd: from breakFrom on, the line holds only
  // breakChar and blanks.
  private int breakLineEnd = -1;
  private char breakChar;
  private int breakFrom;

  /** Whether {@code java} and {@code jshell} fences are highlighted as Java (else as any fence). */
  private final boolean javaFences;

  BlockScanner(String text) {
    this(text, true);
  }

  /**
   * A scan whose fences are all {@code md-fence} when {@code javaFences} is false: every character
   * of fenced code then carries that class ({@link ShownInline} leaves fenced code as it is).
   */
  BlockScanner(String text, boolean javaFences) {
    this.javaFences = javaFences;
    this.text = text;
    this.length = text.length();
    this.inline = new InlineScanner(text, painter);
    this.java = new JavaScanner(text, painter);
  }

  Highlighting run() {
    return run(0, null, Fences.START, null);
  }

  /**
   * What the scan carries into a line that follows a blank line: only an open fence (a blank line
   * ends every paragraph and table, and no look-ahead crosses it). Null when no fence is open.
   */
  record Open(
      char fenceChar,
      int fenceLength,
      int fenceIndent,
      int fenceQuoteDepth,
      boolean fenceIsJava,
      boolean fenceListed,
      int javaState) {}

  /** Decides where a partial scan may stop: the rest is highlighted as before. */
  interface Resync {
    /**
     * Whether the scan, at line start {@code position} (after a blank line) with {@code open} and
     * the {@link Fences} state {@code fences}, is where the earlier highlighting goes on alike.
     */
    boolean at(int position, Open open, long fences);
  }

  // The checkpoints this scan passed: the starts of lines after a blank line (and where it began),
  // with the scan's state and the Fences state there.
  private int[] checkAt = new int[16];
  private Open[] checkOpen = new Open[16];
  private long[] checkFences = new long[16];
  private int checks;

  /**
   * Where the last {@link #run(int, Open, long, Resync)} stopped (the text's length if at the end).
   */
  private int stoppedAt;

  private boolean resynced;

  /**
   * Scans from {@code from}, a checkpoint (0, or a line start after a blank line) where the scan
   * was in {@code open} and the {@link Fences} state was {@code fences}, to the end or to the first
   * later checkpoint where {@code resync} says the earlier highlighting goes on alike. Returns the
   * styles of {@code [from, }{@link #stoppedAt()}{@code )}.
   */
  Highlighting run(int from, Open open, long fences, Resync resync) {
    restore(open);
    long fenceState = fences;
    checkpoint(from, open, fenceState);
    int start = from;
    while (true) {
      int newline = text.indexOf('\n', start);
      int lineEnd = newline < 0 ? length : newline + 1;
      int end = contentEnd(start, newline);
      painter.startLine(start, lineEnd);
      line(start, end, lineEnd);
      painter.endLine();
      if (newline < 0) {
        stoppedAt = length;
        return painter.build();
      }
      fenceState = Fences.next(fenceState, text, start, end);
      if (skipBlank(start, end) >= end) {
        Open now = open();
        if (resync != null && resync.at(lineEnd, now, fenceState)) {
          stoppedAt = lineEnd;
          resynced = true;
          return painter.build();
        }
        checkpoint(lineEnd, now, fenceState);
      }
      start = lineEnd;
    }
  }

  int stoppedAt() {
    return stoppedAt;
  }

  /** Whether the last run stopped where the earlier highlighting goes on alike. */
  boolean resynced() {
    return resynced;
  }

  int checks() {
    return checks;
  }

  int checkAt(int i) {
    return checkAt[i];
  }

  Open checkOpen(int i) {
    return checkOpen[i];
  }

  long checkFences(int i) {
    return checkFences[i];
  }

  private void checkpoint(int at, Open open, long fences) {
    if (checks == checkAt.length) {
      checkAt = Arrays.copyOf(checkAt, checks * 2);
      checkOpen = Arrays.copyOf(checkOpen, checks * 2);
      checkFences = Arrays.copyOf(checkFences, checks * 2);
    }
    checkAt[checks] = at;
    checkOpen[checks] = open;
    checkFences[checks] = fences;
    checks++;
  }

  /** The open fence, as a checkpoint keeps it. */
  private Open open() {
    return inFence
        ? new Open(
            fenceChar,
            fenceLength,
            fenceIndent,
            fenceQuoteDepth,
            fenceIsJava,
            fenceListed,
            javaState)
        : null;
  }

  private void restore(Open open) {
    inFence = open != null;
    if (open != null) {
      fenceChar = open.fenceChar();
      fenceLength = open.fenceLength();
      fenceIndent = open.fenceIndent();
      fenceQuoteDepth = open.fenceQuoteDepth();
      fenceIsJava = open.fenceIsJava();
      fenceListed = open.fenceListed();
      javaState = open.javaState();
    }
  }

  /** Where the line's text ends: before its "\n" or "\r\n". */
  private int contentEnd(int start, int newline) {
    int end = newline < 0 ? length : newline;
    return end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
  }

  private void line(int start, int end, int lineEnd) {
    if (inFence && fenceLine(start, end, lineEnd)) {
      return;
    }
    if (start == tableDelimiterRow) {
      delimiterRow(start, end);
      return;
    }
    if (paragraph == TOP_PARAGRAPH && start == setextUnderline) {
      paintHeading(skipBlank(start, end), end, setextLevel);
      paragraph = NO_PARAGRAPH;
      return;
    }
    int p = containers(start, end);
    if (quoteStart >= 0) {
      painter.paint(quoteStart, end, ClassBits.QUOTE);
    }
    int q = skipBlank(p, end);
    if (task) {
      tableColumns = 0;
      paragraph = NESTED_PARAGRAPH;
      paragraphQuoted = quoteDepth > 0;
      inline.scan(q, end);
      return;
    }
    if (q >= end) {
      tableColumns = 0;
      paragraph = NO_PARAGRAPH;
      return;
    }
    boolean strict = columns(p, q) <= 3;
    if (tableColumns > 0) {
      if (quoteDepth == tableQuoteDepth && !listItem && !(strict && startsLeafBlock(q, end))) {
        tableRow(q, end);
        return;
      }
      tableColumns = 0;
    }
    if (strict || paragraph != TOP_PARAGRAPH) {
      int run = fenceRun(q, end);
      if (run > 0) {
        openFence(q, end, lineEnd, run);
        return;
      }
    }
    if (strict) {
      if (isThematicBreak(q, end)) {
        painter.paint(q, end, ClassBits.HR);
        paragraph = NO_PARAGRAPH;
        return;
      }
      int level = atxLevel(q, end);
      if (level > 0) {
        paintHeading(q, end, level);
        inline.scan(q + level, end);
        paragraph = NO_PARAGRAPH;
        return;
      }
      if (paragraph == NO_PARAGRAPH && linkDefinition(q, end)) {
        return;
      }
    }
    if (!listItem && hasUnescapedPipe(q, end)) {
      int columns = tableColumns(q, end, lineEnd, quoteDepth);
      if (columns > 0) {
        tableColumns = columns;
        tableQuoteDepth = quoteDepth;
        tableDelimiterRow = lineEnd;
        paragraph = NO_PARAGRAPH;
        tableRow(q, end);
        return;
      }
    }
    if (quoteDepth > 0 || listItem) {
      paragraph = NESTED_PARAGRAPH;
      paragraphQuoted = quoteDepth > 0;
    } else if (paragraph == NESTED_PARAGRAPH && paragraphQuoted) {
      // A lazy continuation line: the quoted paragraph goes on without a ">".
      painter.paint(q, end, ClassBits.QUOTE);
    } else if (paragraph == NO_PARAGRAPH) {
      paragraph = TOP_PARAGRAPH;
      setextLookahead(lineEnd);
    }
    if (paragraph == TOP_PARAGRAPH && setextLevel > 0) {
      paintHeading(q, end, setextLevel);
    }
    inline.scan(q, end);
  }

  /**
   * Reads the block quote markers and list markers that open the line, paints the list markers and
   * a task box, and returns where the rest begins.
   */
  private int containers(int start, int end) {
    quoteDepth = 0;
    quoteStart = -1;
    afterQuotes = start;
    listItem = false;
    task = false;
    boolean lenient = paragraph != TOP_PARAGRAPH;
    int p = start;
    while (true) {
      int q = skipBlank(p, end);
      if (q >= end || (!lenient && columns(p, q) > 3)) {
        return p;
      }
      if (text.charAt(q) == '>') {
        quoteDepth++;
        if (quoteStart < 0) {
          quoteStart = q;
        }
        p = q + 1;
        if (p < end && Fences.isBlank(text.charAt(p))) {
          p++;
        }
        afterQuotes = p;
        continue;
      }
      if (isThematicBreak(q, end)) {
        return p;
      }
      int marker = listMarkerEnd(q, end);
      if (marker < 0
          || (!listItem && paragraph == TOP_PARAGRAPH && !canInterruptParagraph(q, marker, end))) {
        return p;
      }
      painter.paint(q, marker, ClassBits.LIST_MARKER);
      listItem = true;
      lenient = true;
      p = skipBlank(marker, end);
      if (isTask(p, end)) {
        painter.paint(p, p + 3, ClassBits.TASK);
        task = true;
        return skipBlank(p + 3, end);
      }
    }
  }

  // ---- fenced blocks

  private void openFence(int q, int end, int lineEnd, int run) {
    inFence = true;
    fenceChar = text.charAt(q);
    fenceLength = run;
    fenceIndent = columns(afterQuotes, q);
    fenceQuoteDepth = quoteDepth;
    fenceListed = listItem;
    fenceIsJava = isJavaInfo(q + run, end);
    javaState = JavaScanner.CODE;
    paragraph = NO_PARAGRAPH;
    painter.paint(q, lineEnd, ClassBits.FENCE);
  }

  /**
   * A line in an open fence; false if the fence's block quote (or list item) has ended, which ends
   * the fence ({@link Fences} has the same rules).
   */
  private boolean fenceLine(int start, int end, int lineEnd) {
    int p = start;
    if (fenceQuoteDepth > 0) {
      p = stripQuotes(start, end, fenceQuoteDepth);
      if (p < 0) {
        inFence = false;
        return false;
      }
    }
    int q = skipBlank(p, end);
    if (fenceListed && q < end && columns(p, q) < fenceIndent) {
      inFence = false; // a line indented less ends the fence's list item, and the fence
      return false;
    }
    if (fenceQuoteDepth > 0) {
      painter.paint(skipBlank(start, end), end, ClassBits.QUOTE);
    }
    if (columns(p, q) <= fenceIndent + 3 && isClosingFence(q, end)) {
      painter.paint(q, end, ClassBits.FENCE);
      inFence = false;
      return true;
    }
    if (!fenceIsJava) {
      painter.paint(p, lineEnd, ClassBits.FENCE);
      return true;
    }
    javaState = java.scan(p, end, javaState);
    if (javaState == JavaScanner.BLOCK_COMMENT) {
      painter.paint(end, lineEnd, ClassBits.JAVA_COMMENT);
    } else if (javaState == JavaScanner.TEXT_BLOCK) {
      painter.paint(end, lineEnd, ClassBits.JAVA_STRING);
    }
    return true;
  }

  /** The length of the ``` or ~~~ run that opens a fence at {@code q}, or 0 ({@link Fences}). */
  private int fenceRun(int q, int end) {
    return Fences.openingRun(text, q, end);
  }

  private boolean isClosingFence(int q, int end) {
    return Fences.closes(text, q, end, fenceChar, fenceLength);
  }

  /** Whether the info string after the fence names Java: {@code java} or {@code jshell}. */
  private boolean isJavaInfo(int from, int end) {
    return javaFences && Fences.isJava(text, from, end);
  }

  // ---- headings and breaks

  private void paintHeading(int start, int end, int level) {
    painter.paint(start, end, ClassBits.HEADING);
    painter.paint(start, end, ClassBits.HEADING_1 + level - 1);
  }

  private int atxLevel(int q, int end) {
    int i = q;
    while (i < end && text.charAt(i) == '#') {
      i++;
    }
    int level = i - q;
    return level >= 1 && level <= 6 && (i == end || Fences.isBlank(text.charAt(i))) ? level : 0;
  }

  /** 1 for a line of {@code =}, 2 for a line of {@code -} (trailing blanks allowed), else 0. */
  private int setextUnderlineLevel(int q, int end) {
    char c = text.charAt(q);
    if (c != '=' && c != '-') {
      return 0;
    }
    int i = q;
    while (i < end && text.charAt(i) == c) {
      i++;
    }
    return skipBlank(i, end) == end ? (c == '=' ? 1 : 2) : 0;
  }

  /**
   * Finds out whether the paragraph whose first line ends before {@code from} is a setext heading:
   * it is if its lines are followed by an underline before anything ends the paragraph.
   */
  private void setextLookahead(int from) {
    setextLevel = 0;
    setextUnderline = -1;
    int s = from;
    while (s < length) {
      int newline = text.indexOf('\n', s);
      int e = contentEnd(s, newline);
      int q = skipBlank(s, e);
      if (q >= e) {
        return;
      }
      if (columns(s, q) <= 3) {
        int level = setextUnderlineLevel(q, e);
        if (level > 0) {
          setextLevel = level;
          setextUnderline = s;
          return;
        }
        if (interruptsParagraph(q, e)) {
          return;
        }
      }
      if (newline < 0 || (hasUnescapedPipe(q, e) && tableColumns(q, e, newline + 1, 0) > 0)) {
        return;
      }
      s = newline + 1;
    }
  }

  private boolean interruptsParagraph(int q, int end) {
    if (text.charAt(q) == '>'
        || isThematicBreak(q, end)
        || atxLevel(q, end) > 0
        || fenceRun(q, end) > 0) {
      return true;
    }
    int marker = listMarkerEnd(q, end);
    return marker > 0 && canInterruptParagraph(q, marker, end);
  }

  /** Three or more of one of {@code - * _} from {@code q} to the end, with only blanks between. */
  private boolean isThematicBreak(int q, int end) {
    if (breakLineEnd != end) {
      breakLineEnd = end;
      breakChar = 0;
      int i = end;
      while (i > 0) {
        char c = text.charAt(i - 1);
        if (Fences.isBlank(c)) {
          i--;
        } else if ((c == '-' || c == '*' || c == '_') && (breakChar == 0 || c == breakChar)) {
          breakChar = c;
          i--;
        } else {
          break;
        }
      }
      breakFrom = i;
    }
    if (q < breakFrom || text.charAt(q) != breakChar) {
      return false;
    }
    int count = 0;
    for (int i = q; i < end && count < 3; i++) {
      if (text.charAt(i) == breakChar) {
        count++;
      }
    }
    return count >= 3;
  }

  private boolean startsLeafBlock(int q, int end) {
    return isThematicBreak(q, end) || atxLevel(q, end) > 0 || fenceRun(q, end) > 0;
  }

  // ---- lists

  /** The end of a list marker ({@code - + *}, {@code 1.} or {@code 1)}) at {@code q}, or -1. */
  private int listMarkerEnd(int q, int end) {
    char c = text.charAt(q);
    int marker;
    if (c == '-' || c == '+' || c == '*') {
      marker = q + 1;
    } else if (isDigit(c)) {
      int i = q;
      while (i < end && i - q < 10 && isDigit(text.charAt(i))) {
        i++;
      }
      if (i - q > 9 || i >= end || (text.charAt(i) != '.' && text.charAt(i) != ')')) {
        return -1;
      }
      marker = i + 1;
    } else {
      return -1;
    }
    return marker == end || Fences.isBlank(text.charAt(marker)) ? marker : -1;
  }

  /** A list may interrupt a paragraph if its item is not empty and, when ordered, starts at 1. */
  private boolean canInterruptParagraph(int q, int marker, int end) {
    if (skipBlank(marker, end) >= end) {
      return false;
    }
    char c = text.charAt(q);
    if (c == '-' || c == '+' || c == '*') {
      return true;
    }
    int number = 0;
    for (int i = q; i < marker - 1; i++) {
      number = number * 10 + (text.charAt(i) - '0');
    }
    return number == 1;
  }

  private boolean isTask(int p, int end) {
    if (p + 3 >= end || text.charAt(p) != '[' || text.charAt(p + 2) != ']') {
      return false;
    }
    char mark = text.charAt(p + 1);
    return (mark == ' ' || mark == 'x' || mark == 'X') && Fences.isBlank(text.charAt(p + 3));
  }

  // ---- block quotes

  /** The position after {@code depth} quote markers, or -1 if the line has fewer. */
  private int stripQuotes(int start, int end, int depth) {
    int p = start;
    for (int k = 0; k < depth; k++) {
      int q = skipBlank(p, end);
      if (q >= end || text.charAt(q) != '>') {
        return -1;
      }
      p = q + 1;
      if (p < end && Fences.isBlank(text.charAt(p))) {
        p++;
      }
    }
    return p;
  }

  // ---- tables

  /**
   * The number of columns of the table whose header row is [q, end) if the next line, starting at
   * {@code nextStart}, is its delimiter row with as many cells; else 0.
   */
  private int tableColumns(int q, int end, int nextStart, int depth) {
    if (nextStart >= length) {
      return 0;
    }
    int nextEnd = contentEnd(nextStart, text.indexOf('\n', nextStart));
    int p = stripQuotes(nextStart, nextEnd, depth);
    if (p < 0) {
      return 0;
    }
    int cells = delimiterCells(skipBlank(p, nextEnd), nextEnd);
    return cells > 0 && cells == headerCells(q, end) ? cells : 0;
  }

  private int headerCells(int q, int end) {
    int pipes = 0;
    for (int i = q; i < end; i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '|') {
        pipes++;
      }
    }
    int lastChar = end - 1;
    while (lastChar > q && Fences.isBlank(text.charAt(lastChar))) {
      lastChar--;
    }
    boolean leading = text.charAt(q) == '|';
    boolean trailing =
        lastChar > q && text.charAt(lastChar) == '|' && text.charAt(lastChar - 1) != '\\';
    return pipes + 1 - (leading ? 1 : 0) - (trailing ? 1 : 0);
  }

  /** The cells of a delimiter row like {@code | --- | :-: |} starting at {@code q}, or 0. */
  private int delimiterCells(int q, int end) {
    int i = q;
    if (i < end && text.charAt(i) == '|') {
      i++;
    }
    int cells = 0;
    while (true) {
      i = skipBlank(i, end);
      if (i >= end) {
        return cells;
      }
      if (text.charAt(i) == ':') {
        i++;
      }
      int dashes = i;
      while (i < end && text.charAt(i) == '-') {
        i++;
      }
      if (i == dashes) {
        return 0;
      }
      if (i < end && text.charAt(i) == ':') {
        i++;
      }
      i = skipBlank(i, end);
      cells++;
      if (i >= end) {
        return cells;
      }
      if (text.charAt(i) != '|') {
        return 0;
      }
      i++;
    }
  }

  private void delimiterRow(int start, int end) {
    tableDelimiterRow = -1;
    paragraph = NO_PARAGRAPH;
    int p = start;
    if (tableQuoteDepth > 0) {
      p = Math.max(start, stripQuotes(start, end, tableQuoteDepth));
      painter.paint(skipBlank(start, end), end, ClassBits.QUOTE);
    }
    painter.paint(skipBlank(p, end), end, ClassBits.TABLE);
  }

  /** Paints a row's unescaped pipes and highlights each cell on its own. */
  private void tableRow(int q, int end) {
    int cell = q;
    for (int i = q; i < end; i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '|') {
        inline.scan(cell, i);
        painter.paint(i, i + 1, ClassBits.TABLE);
        cell = i + 1;
      }
    }
    inline.scan(cell, end);
  }

  private boolean hasUnescapedPipe(int q, int end) {
    for (int i = q; i < end; i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '|') {
        return true;
      }
    }
    return false;
  }

  // ---- link reference definitions

  /** Paints {@code [label]: destination "title"} at {@code q} if the line is one. */
  private boolean linkDefinition(int q, int end) {
    if (text.charAt(q) != '[') {
      return false;
    }
    int limit = Math.min(end, q + 1 + 999);
    int i = q + 1;
    boolean hasText = false;
    while (i < limit && text.charAt(i) != ']') {
      char c = text.charAt(i);
      if (c == '[') {
        return false;
      }
      hasText |= !Fences.isBlank(c);
      i += c == '\\' ? 2 : 1;
    }
    if (i >= limit || !hasText || i + 1 >= end || text.charAt(i + 1) != ':') {
      return false;
    }
    int labelEnd = i + 1;
    int destination = skipBlank(labelEnd + 1, end);
    if (destination >= end) {
      return false;
    }
    int destinationEnd;
    if (text.charAt(destination) == '<') {
      i = destination + 1;
      while (i < end && text.charAt(i) != '>' && text.charAt(i) != '<') {
        i += text.charAt(i) == '\\' ? 2 : 1;
      }
      if (i >= end || text.charAt(i) != '>') {
        return false;
      }
      destinationEnd = i + 1;
    } else {
      i = destination;
      while (i < end && !Fences.isBlank(text.charAt(i))) {
        i++;
      }
      destinationEnd = i;
    }
    int title = skipBlank(destinationEnd, end);
    if (title < end) {
      char open = text.charAt(title);
      if (title == destinationEnd || (open != '"' && open != '\'' && open != '(')) {
        return false;
      }
      char close = open == '(' ? ')' : open;
      i = title + 1;
      while (i < end && text.charAt(i) != close) {
        i += text.charAt(i) == '\\' ? 2 : 1;
      }
      if (i >= end || skipBlank(i + 1, end) != end) {
        return false;
      }
    }
    painter.paint(q, labelEnd, ClassBits.LINK);
    painter.paint(destination, destinationEnd, ClassBits.URL);
    return true;
  }

  // ---- characters

  private int skipBlank(int i, int end) {
    while (i < end && Fences.isBlank(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The width of [from, to) in columns, a tab reaching the next multiple of 4. */
  private int columns(int from, int to) {
    int column = 0;
    for (int i = from; i < to; i++) {
      column += text.charAt(i) == '\t' ? 4 - column % 4 : 1;
    }
    return column;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
