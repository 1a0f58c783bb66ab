package dev.talkbook.core.outliner;

import dev.talkbook.core.markdown.Fences;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/**
 * The outliner's commands on Markdown text: Enter in lists, indent and outdent, moving items and
 * sections, toggling tasks, and what a fold hides. Each command takes the selection (anchor and
 * caret offsets) and returns the {@link Edit} to make, or nothing when the key should do what it
 * does anyway.
 *
 * <p>Work is bounded by the lines a command is about: the current line, the item's subtree, the
 * lines up to its previous sibling or parent, and for numbered lists the following siblings until
 * their numbers are right. Lines are read from {@link Lines} one at a time, so a long note costs
 * nothing beyond those lines (whether a line is in a code fence is cached, see {@link CodeLines}).
 */
public final class Outliner {
  private final Lines src;

  public Outliner(Lines lines) {
    this.src = lines;
  }

  // ---- Enter ------------------------------------------------------------------------------------

  /**
   * Enter with an empty selection. On a list item: a new item after it (same marker and indent, the
   * next number, an open task box), the text after the caret moving into it; on an empty item:
   * outdent it, or at the top level end the list. Inside a code fence and on other indented or
   * quoted lines: a new line with the same indentation. {@code folded} says which lines have their
   * children folded away: the new item then comes after them.
   */
  public Optional<Edit> enter(int anchor, int caret, IntPredicate folded) {
    if (anchor != caret) {
      return Optional.empty();
    }
    int l = src.lineAt(caret);
    String line = src.get(l);
    int col = caret - src.startOf(l);
    if (src.isCode(l)) {
      return keepIndent(line, col, caret);
    }
    Optional<ListItem> parsed = ListItem.parse(line);
    if (parsed.isEmpty()) {
      int quoteEnd = Shape.quoteEnd(line);
      if (quoteEnd > 0 && Shape.isBlank(line) && col >= quoteEnd) {
        // An empty quote line ends the quote (its innermost level) as an empty item ends a list:
        // the line left blank after the quote, so what is typed next is not part of it.
        String outer = line.substring(0, line.lastIndexOf('>', quoteEnd - 1));
        return Optional.of(endList(l, line, outer.isBlank() ? "" : outer));
      }
      return keepIndent(line, col, caret);
    }
    ListItem item = parsed.get();
    int prefix = item.prefixLength();
    if (item.content().isBlank()) {
      if (item.indentWidth() > 0) {
        return outdent(caret, caret);
      }
      return Optional.of(endList(l, line, item.quote()));
    }
    if (col <= item.quote().length() + item.indent().length()) {
      return Optional.empty();
    }
    col = Math.max(col, prefix);
    Work w = new Work(l, l + 1);
    int newLine;
    int newCol;
    int insertedAt;
    if (col == prefix) {
      // At the start of the content: an empty item above, the text stays in its item.
      ListItem above = new ListItem(item.quote(), item.indent(), item.marker(), item.gap(), "", "");
      if (item.isTask()) {
        above = above.withTask("[ ] ");
      }
      w.lines.add(0, above.toString());
      insertedAt = l;
      newLine = 1;
      newCol = prefix;
      if (item.isOrdered()) {
        w.lines.set(1, item.withNumber(item.number() + 1).toString());
        numberOn(w, 1, item);
        newCol = ListItem.parse(w.get(1)).orElseThrow().prefixLength();
      }
    } else if (col >= line.length() && folded.test(l)) {
      // A folded item: the new one goes after what is folded away.
      int end = subtreeEnd(w, 0);
      ListItem next = item.next();
      w.lines.add(end, next.toString());
      insertedAt = l + end;
      newLine = end;
      newCol = next.prefixLength();
      numberOn(w, end, item);
    } else {
      int cut = col;
      while (cut > prefix && Character.isWhitespace(line.charAt(cut - 1))) {
        cut--;
      }
      String right = line.substring(col).stripLeading();
      ListItem next = item.next();
      w.lines.set(0, line.substring(0, cut));
      w.lines.add(1, next + right);
      insertedAt = l + 1;
      newLine = 1;
      newCol = next.prefixLength();
      numberOn(w, 1, item);
    }
    if (item.isOrdered()) {
      newCol = ListItem.parse(w.get(newLine)).orElseThrow().prefixLength();
    }
    int at = insertedAt;
    return Optional.of(w.finish(newLine, newCol, newLine, newCol, old -> old < at ? old : old + 1));
  }

  /**
   * Enter on an empty top-level item ends the list: the item goes, and after a list line a blank
   * line is left before the caret's line, so that what is typed next is a paragraph of its own and
   * not a lazy continuation of the last item.
   */
  private Edit endList(int l, String line, String quote) {
    int start = src.startOf(l);
    int end = start + line.length();
    if (l == 0 || Shape.isBlank(src.get(l - 1))) {
      return lineEdit(start, end, quote, l, quote.length());
    }
    String blank = quote.stripTrailing();
    String text = blank + "\n" + quote;
    int at = start + text.length();
    return new Edit(start, end, text, at, at, old -> old <= l ? old : old + 1);
  }

  /**
   * A fence character ({@code `} or {@code ~}) typed inside a fenced code block. When it makes the
   * line the block's closing fence but the line is indented otherwise than the opening fence (the
   * Enter before it kept the code's indentation), the line is put where the opening fence is, so
   * that it closes the block; the character goes in as part of the same edit. Otherwise nothing:
   * the character is typed as usual.
   */
  public Optional<Edit> typed(char c, int anchor, int caret) {
    if (anchor != caret || (c != '`' && c != '~')) {
      return Optional.empty();
    }
    int l = src.lineAt(caret);
    OptionalInt open = openFence(l);
    if (open.isEmpty()) {
      return Optional.empty();
    }
    String opening = src.get(open.getAsInt());
    String line = src.get(l);
    int col = caret - src.startOf(l);
    String typed = line.substring(0, col) + c + line.substring(col);
    int openRun = CodeLines.fence(opening);
    int run = CodeLines.fence(typed);
    int from = Shape.contentStart(typed);
    if (run == 0
        || (run >>> 16) != (openRun >>> 16)
        || (run & 0xffff) < (openRun & 0xffff)
        || !typed.substring(from + (run & 0xffff)).isBlank()
        || Shape.quoteDepth(typed) != Shape.quoteDepth(opening)) {
      return Optional.empty();
    }
    String prefix = opening.substring(0, Shape.contentStart(opening));
    if (typed.substring(0, from).equals(prefix)) {
      return Optional.empty();
    }
    String fence = typed.substring(from).stripTrailing();
    int start = src.startOf(l);
    int at = start + prefix.length() + Math.min(fence.length(), Math.max(0, col + 1 - from));
    return Optional.of(
        new Edit(
            start, start + line.length(), prefix + fence, at, at, IntUnaryOperator.identity()));
  }

  /** The line of the fence whose block is open at the start of line {@code l}, if any. */
  private OptionalInt openFence(int l) {
    if (l == 0 || !src.isCode(l - 1)) {
      return OptionalInt.empty();
    }
    int first = l - 1;
    while (first > 0 && src.isCode(first - 1)) {
      first--;
    }
    long state = Fences.START;
    int opened = -1;
    for (int i = first; i < l; i++) {
      state = Fences.next(state, src.get(i));
      if (Fences.opened(state)) {
        opened = i;
      }
    }
    return !Fences.inFence(state) || opened < 0 ? OptionalInt.empty() : OptionalInt.of(opened);
  }

  /**
   * After a new item went in at work line {@code at} (numbered as {@code item.next()}): if the list
   * numbers every item alike (1. 1. 1.), the new one gets that number too; otherwise the items
   * after it count on.
   */
  private void numberOn(Work w, int at, ListItem item) {
    if (!item.isOrdered()) {
      return;
    }
    int after = nextSibling(w, at);
    ListItem here = ListItem.parse(w.get(at)).orElseThrow();
    if (after >= 0 && ListItem.parse(w.get(after)).orElseThrow().number() == item.number()) {
      w.lines.set(at, here.withNumber(item.number()).toString());
      return;
    }
    renumber(w, at, here.number());
  }

  private Optional<Edit> keepIndent(String line, int col, int caret) {
    String keep = line.substring(0, Math.min(Shape.contentStart(line), col));
    if (keep.isEmpty()) {
      return Optional.empty();
    }
    int after = caret + 1 + keep.length();
    return Optional.of(
        new Edit(caret, caret, "\n" + keep, after, after, IntUnaryOperator.identity()));
  }

  /**
   * Replaces one line's text {@code [start, end)} and puts the caret at {@code col} of line {@code
   * l}.
   */
  private Edit lineEdit(int start, int end, String text, int l, int col) {
    int at = src.startOf(l) + col;
    return new Edit(start, end, text, at, at, IntUnaryOperator.identity());
  }

  // ---- indent and outdent ---------------------------------------------------------------------

  /**
   * Tab: the item at the start of the selection (and every selected line, with their children)
   * becomes a child of its previous sibling, indented to that sibling's content column (or one more
   * tab where the list is indented with tabs). Nothing happens to the first item of a list. Not on
   * a list item: nothing, the key keeps its usual meaning.
   */
  public Optional<Edit> indent(int anchor, int caret) {
    int[] range = selectedLines(anchor, caret);
    int first = range[0];
    Optional<ListItem> parsed = item(first);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    ListItem item = parsed.get();
    int sibling = previousSibling(first, item);
    if (sibling < 0) {
      return Optional.of(Edit.none(anchor, caret));
    }
    ListItem parent = ListItem.parse(src.get(sibling)).orElseThrow();
    boolean tabs = item.indent().contains("\t") || parent.indent().contains("\t");
    String unit =
        tabs ? "\t" : " ".repeat(Math.max(1, parent.contentColumn() - item.indentWidth()));
    Work w = new Work(first, first + 1);
    int end = blockEnd(w, range[1] - first);
    for (int i = 0; i < end; i++) {
      w.lines.set(i, Shape.indent(w.get(i), unit));
    }
    if (item.isOrdered()) {
      renumber(w, 0, numberAfterChildren(sibling, first, Shape.indentWidth(w.get(0)), item));
      int rest = nextSiblingFrom(w, end, item.indentWidth(), Shape.quoteDepth(w.get(0)));
      if (rest >= 0 && ListItem.parse(w.get(rest)).orElseThrow().sameKind(item)) {
        renumber(w, rest, item.number());
      }
    }
    return Optional.of(shiftSelection(w, anchor, caret));
  }

  /**
   * Shift+Tab: the item at the start of the selection (and every selected line, with their
   * children) moves out one level, to its parent's indentation. A top-level item stays.
   */
  public Optional<Edit> outdent(int anchor, int caret) {
    int[] range = selectedLines(anchor, caret);
    int first = range[0];
    Optional<ListItem> parsed = item(first);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    ListItem item = parsed.get();
    if (item.indentWidth() == 0) {
      return Optional.of(Edit.none(anchor, caret));
    }
    int parentLine = parent(first, item);
    ListItem parent = parentLine < 0 ? null : ListItem.parse(src.get(parentLine)).orElseThrow();
    int shift = item.indentWidth() - (parent == null ? 0 : parent.indentWidth());
    Work w = new Work(first, first + 1);
    int end = blockEnd(w, range[1] - first);
    for (int i = 0; i < end; i++) {
      w.lines.set(i, Shape.outdent(w.get(i), shift));
    }
    if (item.isOrdered() && parent != null && parent.sameKind(item)) {
      renumber(w, 0, parent.number() + 1);
    }
    return Optional.of(shiftSelection(w, anchor, caret));
  }

  /**
   * An edit that changed lines in place (no line added or removed), the selection kept on its text.
   */
  private Edit shiftSelection(Work w, int anchor, int caret) {
    int[] a = keepColumn(w, anchor);
    int[] c = keepColumn(w, caret);
    return w.finish(a[0], a[1], c[0], c[1], IntUnaryOperator.identity());
  }

  /** Work line and column of {@code offset} after the lines' indentation changed. */
  private int[] keepColumn(Work w, int offset) {
    int l = src.lineAt(offset);
    int col = offset - src.startOf(l);
    int i = l - w.from;
    String old = src.get(l);
    String now = w.get(i);
    int keepFrom = Shape.quoteEnd(old);
    if (col <= keepFrom) {
      return new int[] {i, col};
    }
    Optional<ListItem> oldItem = ListItem.parse(old);
    Optional<ListItem> newItem = ListItem.parse(now);
    if (oldItem.isPresent() && newItem.isPresent() && col >= oldItem.get().prefixLength()) {
      return new int[] {i, col - oldItem.get().prefixLength() + newItem.get().prefixLength()};
    }
    int oldContent = Shape.contentStart(old);
    int newContent = Shape.contentStart(now);
    return new int[] {i, Math.max(Shape.quoteEnd(now), col + newContent - oldContent)};
  }

  /** The number an ordered item gets as the last child of {@code parentLine}'s item. */
  private int numberAfterChildren(int parentLine, int itemLine, int width, ListItem item) {
    for (int i = itemLine - 1; i > parentLine; i--) {
      Optional<ListItem> child = item(i);
      if (child.isPresent() && child.get().indentWidth() == width && child.get().sameKind(item)) {
        return child.get().number() + 1;
      }
    }
    return 1;
  }

  // ---- moving -----------------------------------------------------------------------------------

  /** Alt+Up: the item with its subtree, or a heading with its section, or the line, moves up. */
  public Optional<Edit> moveUp(int anchor, int caret) {
    return move(anchor, caret, true);
  }

  /**
   * Alt+Down: the item with its subtree, or a heading with its section, or the line, moves down.
   */
  public Optional<Edit> moveDown(int anchor, int caret) {
    return move(anchor, caret, false);
  }

  private Optional<Edit> move(int anchor, int caret, boolean up) {
    int[] range = selectedLines(anchor, caret);
    int first = range[0];
    int level = src.isCode(first) ? 0 : Shape.headingLevel(src.get(first));
    Optional<ListItem> item = item(first);
    // Blocks: [a, aEnd) gap [gEnd... ) : upper block, gap, lower block, in old lines.
    int upper;
    int upperEnd;
    int lower;
    int lowerEnd;
    if (level > 0) {
      int own = sectionEnd(first, level);
      if (up) {
        int prev = first - 1;
        while (prev >= 0 && (src.isCode(prev) || !isHeadingUpTo(prev, level))) {
          prev--;
        }
        if (prev < 0 || Shape.headingLevel(src.get(prev)) != level) {
          return Optional.of(Edit.none(anchor, caret));
        }
        upper = prev;
        upperEnd = first;
        lower = first;
        lowerEnd = own;
      } else {
        if (own >= src.count() || Shape.headingLevel(src.get(own)) != level) {
          return Optional.of(Edit.none(anchor, caret));
        }
        upper = first;
        upperEnd = own;
        lower = own;
        lowerEnd = sectionEnd(own, level);
      }
      upperEnd = trimBlank(upper, upperEnd);
      lowerEnd = trimBlank(lower, lowerEnd);
    } else if (item.isPresent()) {
      Work probe = new Work(first, first + 1);
      int own = first + blockEnd(probe, range[1] - first);
      if (up) {
        int prev = previousSibling(first, item.get());
        if (prev < 0) {
          return Optional.of(Edit.none(anchor, caret));
        }
        upper = prev;
        upperEnd = prev + subtreeEnd(new Work(prev, prev + 1), 0);
        lower = first;
        lowerEnd = own;
      } else {
        int next = nextSiblingFrom(probe, own - first, item.get().indentWidth(), depth(first));
        if (next < 0) {
          return Optional.of(Edit.none(anchor, caret));
        }
        upper = first;
        upperEnd = own;
        lower = first + next;
        lowerEnd = lower + subtreeEnd(new Work(lower, lower + 1), 0);
      }
    } else {
      if (up ? first == 0 : range[1] >= src.count()) {
        return Optional.of(Edit.none(anchor, caret));
      }
      upper = up ? first - 1 : first;
      upperEnd = up ? first : range[1];
      lower = up ? first : range[1];
      lowerEnd = up ? range[1] : range[1] + 1;
    }
    return Optional.of(
        swap(upper, upperEnd, lower, lowerEnd, item.isPresent() && level == 0, anchor, caret));
  }

  /**
   * Swaps the blocks {@code [upper, upperEnd)} and {@code [lower, lowerEnd)}, the gap between
   * staying.
   */
  private Edit swap(
      int upper, int upperEnd, int lower, int lowerEnd, boolean list, int anchor, int caret) {
    Work w = new Work(upper, lowerEnd);
    List<String> top = new ArrayList<>(w.lines.subList(0, upperEnd - upper));
    List<String> gap = new ArrayList<>(w.lines.subList(upperEnd - upper, lower - upper));
    List<String> bottom = new ArrayList<>(w.lines.subList(lower - upper, lowerEnd - upper));
    w.lines.subList(0, lowerEnd - upper).clear();
    w.lines.addAll(0, top);
    w.lines.addAll(0, gap);
    w.lines.addAll(0, bottom);
    int topSize = top.size();
    int gapSize = gap.size();
    int bottomSize = bottom.size();
    IntUnaryOperator newLine =
        old -> {
          if (old < upper || old >= lowerEnd) {
            return old;
          } else if (old < upperEnd) {
            return old + bottomSize + gapSize;
          } else if (old < lower) {
            return old - topSize + bottomSize;
          }
          return old - topSize - gapSize;
        };
    Optional<ListItem> topItem = ListItem.parse(top.get(0));
    if (list && topItem.isPresent() && topItem.get().isOrdered()) {
      renumber(w, 0, topItem.get().number());
    }
    int aLine = src.lineAt(anchor);
    int cLine = src.lineAt(caret);
    return w.finish(
        newLine.applyAsInt(aLine) - upper,
        anchor - src.startOf(aLine),
        newLine.applyAsInt(cLine) - upper,
        caret - src.startOf(cLine),
        newLine);
  }

  private boolean isHeadingUpTo(int line, int level) {
    int h = Shape.headingLevel(src.get(line));
    return h > 0 && h <= level;
  }

  /** The line after a heading's section: the next heading of the same or a higher level. */
  private int sectionEnd(int heading, int level) {
    int i = heading + 1;
    while (i < src.count() && (src.isCode(i) || !isHeadingUpTo(i, level))) {
      i++;
    }
    return i;
  }

  /** {@code end} moved back over blank lines, not before {@code start + 1}. */
  private int trimBlank(int start, int end) {
    while (end > start + 1 && src.get(end - 1).isBlank()) {
      end--;
    }
    return end;
  }

  // ---- tasks ------------------------------------------------------------------------------------

  /**
   * Ctrl+Enter: toggles the task boxes of the selected items (all done if any was open, else all
   * open); list items without a box get an open one. Not on a list item: nothing.
   */
  public Optional<Edit> toggleTask(int anchor, int caret) {
    int[] range = selectedLines(anchor, caret);
    List<ListItem> items = new ArrayList<>();
    boolean anyTask = false;
    boolean anyOpen = false;
    for (int l = range[0]; l < range[1]; l++) {
      ListItem it = item(l).orElse(null);
      items.add(it);
      if (it != null && it.isTask()) {
        anyTask = true;
        anyOpen |= !it.isDone();
      }
    }
    if (items.stream().allMatch(java.util.Objects::isNull)) {
      return Optional.empty();
    }
    Work w = new Work(range[0], range[1]);
    int[] grew = new int[items.size()];
    for (int i = 0; i < items.size(); i++) {
      ListItem it = items.get(i);
      if (it == null || (anyTask && !it.isTask())) {
        continue;
      }
      ListItem changed;
      if (!anyTask) {
        changed = it.withTask("[ ] ");
        grew[i] = changed.prefixLength() - it.prefixLength();
      } else {
        changed = it.withTask((anyOpen ? "[x]" : "[ ]") + it.task().substring(3));
      }
      w.lines.set(i, changed.toString());
    }
    int[] a = taskColumn(anchor, range[0], items, grew);
    int[] c = taskColumn(caret, range[0], items, grew);
    return Optional.of(w.finish(a[0], a[1], c[0], c[1], IntUnaryOperator.identity()));
  }

  private int[] taskColumn(int offset, int first, List<ListItem> items, int[] grew) {
    int l = src.lineAt(offset);
    int col = offset - src.startOf(l);
    int i = l - first;
    ListItem it = items.get(i);
    if (it != null && grew[i] > 0 && col >= it.prefixLength()) {
      col += grew[i];
    }
    return new int[] {i, col};
  }

  // ---- folding ----------------------------------------------------------------------------------

  /**
   * The lines a fold on line {@code line} hides, {@code [first, last]}: a list item's children, or
   * a heading's section (up to the next heading of the same or a higher level, without the blank
   * lines before it). Empty if the line has nothing to fold.
   */
  public Optional<int[]> foldable(int line) {
    if (src.isCode(line)) {
      return Optional.empty();
    }
    int level = Shape.headingLevel(src.get(line));
    int end;
    if (level > 0) {
      end = trimBlank(line, sectionEnd(line, level));
    } else if (item(line).isPresent()) {
      end = line + subtreeEnd(new Work(line, line + 1), 0);
    } else {
      return Optional.empty();
    }
    return end > line + 1 ? Optional.of(new int[] {line + 1, end - 1}) : Optional.empty();
  }

  /**
   * The line whose fold would hide line {@code line}: the line itself if it has something to fold,
   * else its parent item, else the heading whose section it is in. Empty if there is none.
   */
  public OptionalInt foldOwner(int line) {
    if (foldable(line).isPresent()) {
      return OptionalInt.of(line);
    }
    String s = src.get(line);
    int level = src.isCode(line) ? 0 : Shape.headingLevel(s);
    if (level == 0 && !Shape.isBlank(s) && Shape.indentWidth(s) > 0) {
      int width = Shape.indentWidth(s);
      int depth = Shape.quoteDepth(s);
      for (int i = line - 1; i >= 0; i--) {
        String above = src.get(i);
        if (Shape.isBlank(above)) {
          continue;
        }
        if (Shape.quoteDepth(above) != depth) {
          break;
        }
        if (Shape.indentWidth(above) < width) {
          if (item(i).isPresent() && covers(i, line)) {
            return OptionalInt.of(i);
          }
          break;
        }
      }
    }
    int below = level == 0 ? 7 : level;
    for (int i = line - 1; i >= 0; i--) {
      int h = src.isCode(i) ? 0 : Shape.headingLevel(src.get(i));
      if (h > 0 && h < below) {
        return covers(i, line) ? OptionalInt.of(i) : OptionalInt.empty();
      }
    }
    return OptionalInt.empty();
  }

  private boolean covers(int owner, int line) {
    return foldable(owner).map(r -> r[0] <= line && line <= r[1]).orElse(false);
  }

  // ---- structure --------------------------------------------------------------------------------

  private Optional<ListItem> item(int line) {
    return src.isCode(line) ? Optional.empty() : ListItem.parse(src.get(line));
  }

  private int depth(int line) {
    return Shape.quoteDepth(src.get(line));
  }

  /**
   * Selected lines {@code [first, end)}; a selection ending at a line's start leaves that line out.
   */
  private int[] selectedLines(int anchor, int caret) {
    int from = Math.min(anchor, caret);
    int to = Math.max(anchor, caret);
    int first = src.lineAt(from);
    int last = src.lineAt(to);
    if (last > first && to == src.startOf(last)) {
      last--;
    }
    return new int[] {first, last + 1};
  }

  /** The previous item at the same level in the same list, or -1. */
  private int previousSibling(int line, ListItem item) {
    int depth = depth(line);
    int width = item.indentWidth();
    for (int i = line - 1; i >= 0; i--) {
      String s = src.get(i);
      if (Shape.isBlank(s)) {
        continue;
      }
      if (Shape.quoteDepth(s) != depth) {
        return -1;
      }
      int w = Shape.indentWidth(s);
      if (w > width) {
        continue;
      }
      return w == width && item(i).isPresent() ? i : -1;
    }
    return -1;
  }

  /** The nearest item above with less indentation, or -1 (none, or text in between). */
  private int parent(int line, ListItem item) {
    int depth = depth(line);
    for (int i = line - 1; i >= 0; i--) {
      String s = src.get(i);
      if (Shape.isBlank(s)) {
        continue;
      }
      if (Shape.quoteDepth(s) != depth) {
        return -1;
      }
      if (Shape.indentWidth(s) < item.indentWidth()) {
        return item(i).isPresent() ? i : -1;
      }
    }
    return -1;
  }

  /** Work line after the item at {@code i} and its children (trailing blank lines not included). */
  private static int subtreeEnd(Work w, int i) {
    String head = w.get(i);
    int depth = Shape.quoteDepth(head);
    int width = Shape.indentWidth(head);
    int last = i;
    for (int j = i + 1; w.has(j); j++) {
      String s = w.get(j);
      if (Shape.quoteDepth(s) != depth) {
        break;
      }
      if (Shape.isBlank(s)) {
        continue;
      }
      if (Shape.indentWidth(s) <= width) {
        break;
      }
      last = j;
    }
    return last + 1;
  }

  /** The end of the selected lines {@code [0, selected)} with the subtrees of items among them. */
  private static int blockEnd(Work w, int selected) {
    int end = selected;
    for (int i = 0; i < selected; i++) {
      if (ListItem.parse(w.get(i)).isPresent()) {
        end = Math.max(end, subtreeEnd(w, i));
      }
    }
    return end;
  }

  /** The next sibling of the item at work line {@code i}, or -1. */
  private static int nextSibling(Work w, int i) {
    String s = w.get(i);
    return nextSiblingFrom(w, subtreeEnd(w, i), Shape.indentWidth(s), Shape.quoteDepth(s));
  }

  /** The first item at {@code width}, after blank lines from work line {@code j}, or -1. */
  private static int nextSiblingFrom(Work w, int j, int width, int depth) {
    while (w.has(j) && Shape.isBlank(w.get(j)) && Shape.quoteDepth(w.get(j)) == depth) {
      j++;
    }
    if (!w.has(j)) {
      return -1;
    }
    String s = w.get(j);
    return Shape.quoteDepth(s) == depth
            && Shape.indentWidth(s) == width
            && ListItem.parse(s).isPresent()
        ? j
        : -1;
  }

  /**
   * Numbers the ordered item at work line {@code i} {@code number} and its following siblings on
   * from there, stopping at the first that already has its number.
   */
  private static void renumber(Work w, int i, int number) {
    ListItem first = ListItem.parse(w.get(i)).orElseThrow();
    if (!first.isOrdered()) {
      return;
    }
    int at = i;
    int n = number;
    while (true) {
      ListItem it = ListItem.parse(w.get(at)).orElseThrow();
      if (!it.sameKind(first)) {
        return;
      }
      if (it.number() == n && at != i) {
        return;
      }
      w.lines.set(at, it.withNumber(n).toString());
      at = nextSibling(w, at);
      if (at < 0) {
        return;
      }
      n++;
    }
  }

  /**
   * The lines from {@code from} on, copied from the text as far as a command reads them and changed
   * in place; {@link #finish} turns the change into the smallest {@link Edit}.
   */
  private final class Work {
    final int from;
    final List<String> lines = new ArrayList<>();
    private int next;

    Work(int from, int to) {
      this.from = from;
      this.next = from;
      while (next < to) {
        lines.add(src.get(next++));
      }
    }

    boolean has(int i) {
      while (lines.size() <= i && next < src.count()) {
        lines.add(src.get(next++));
      }
      return i < lines.size();
    }

    String get(int i) {
      if (!has(i)) {
        throw new IndexOutOfBoundsException("line " + (from + i) + " of " + src.count());
      }
      return lines.get(i);
    }

    Edit finish(int anchorLine, int anchorCol, int caretLine, int caretCol, IntUnaryOperator map) {
      StringBuilder old = new StringBuilder();
      for (int i = from; i < next; i++) {
        old.append(i > from ? "\n" : "").append(src.get(i));
      }
      String now = String.join("\n", lines);
      int start = src.startOf(from);
      int anchorAt = start + offsetOf(anchorLine) + anchorCol;
      int caretAt = start + offsetOf(caretLine) + caretCol;
      dev.talkbook.core.common.Difference d = dev.talkbook.core.common.Difference.of(old, now);
      return new Edit(
          start + d.from(), start + d.beforeTo(), d.inserted(now), anchorAt, caretAt, map);
    }

    private int offsetOf(int line) {
      int at = 0;
      for (int i = 0; i < line; i++) {
        at += lines.get(i).length() + 1;
      }
      return at;
    }
  }
}
