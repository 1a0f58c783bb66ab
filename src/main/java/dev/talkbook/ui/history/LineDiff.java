package dev.talkbook.ui.history;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What changed between an earlier text and the current one, as rows to show one under the other:
 * unchanged lines, removed lines (only in the earlier text), added lines (only in the current one),
 * and gaps for long unchanged stretches. In a changed line the words that differ from its
 * counterpart are marked. Pure (java-diff-utils, no toolkit).
 */
final class LineDiff {
  enum Kind {
    SAME,
    REMOVED,
    ADDED,
    /** Unchanged lines left out; {@link Row#hidden} says how many. */
    GAP
  }

  /** A part of a row's text to emphasise: the words that changed. */
  record Mark(int start, int end) {}

  /**
   * A row: its kind, its line numbers in the earlier and the current text (1-based, 0 where it has
   * none), its text and the marked ranges in it.
   */
  record Row(Kind kind, int oldLine, int newLine, String text, List<Mark> marks, int hidden) {
    static Row gap(int hidden) {
      return new Row(Kind.GAP, 0, 0, "", List.of(), hidden);
    }
  }

  /** The rows, and how many lines were added and removed. */
  record Result(List<Row> rows, int added, int removed) {
    boolean same() {
      return added == 0 && removed == 0;
    }
  }

  /** Words, runs of blanks, and single other characters: the units words are compared in. */
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+|\\s+|.");

  /** Pairs of changed lines with less in common than this are not marked word by word. */
  private static final double MIN_COMMON = 0.4;

  private LineDiff() {}

  /**
   * Compares {@code then} with {@code now}, keeping {@code context} unchanged lines around each
   * change (all of them when {@code context} is {@link Integer#MAX_VALUE}).
   */
  static Result of(String then, String now, int context) {
    List<String> a = then.lines().toList();
    List<String> b = now.lines().toList();
    List<AbstractDelta<String>> deltas = DiffUtils.diff(a, b).getDeltas();
    List<Row> rows = new ArrayList<>();
    int added = 0;
    int removed = 0;
    int i = 0; // next line of a
    int j = 0; // next line of b
    for (AbstractDelta<String> delta : deltas) {
      int from = delta.getSource().getPosition();
      same(rows, a, i, j, from - i, context, rows.isEmpty(), false);
      j += from - i;
      i = from;
      List<String> gone = delta.getSource().getLines();
      List<String> come = delta.getTarget().getLines();
      // A changed line and its new form, paired in order: the words each side changed, once.
      List<Words> pairs = new ArrayList<>();
      if (delta.getType() == DeltaType.CHANGE) {
        for (int k = 0; k < Math.min(gone.size(), come.size()); k++) {
          pairs.add(changedWords(gone.get(k), come.get(k)));
        }
      }
      for (int k = 0; k < gone.size(); k++) {
        List<Mark> marks = k < pairs.size() ? pairs.get(k).gone() : List.of();
        rows.add(new Row(Kind.REMOVED, i + k + 1, 0, gone.get(k), marks, 0));
      }
      for (int k = 0; k < come.size(); k++) {
        List<Mark> marks = k < pairs.size() ? pairs.get(k).come() : List.of();
        rows.add(new Row(Kind.ADDED, 0, j + k + 1, come.get(k), marks, 0));
      }
      removed += gone.size();
      added += come.size();
      i += gone.size();
      j += come.size();
    }
    same(rows, a, i, j, a.size() - i, context, rows.isEmpty(), true);
    return new Result(List.copyOf(rows), added, removed);
  }

  /**
   * Adds {@code count} unchanged lines from line {@code i} of the earlier text ({@code j} of the
   * current), keeping {@code context} of them next to each change and a gap for the rest.
   */
  private static void same(
      List<Row> rows,
      List<String> a,
      int i,
      int j,
      int count,
      int context,
      boolean atStart,
      boolean atEnd) {
    if (count <= 0) {
      return;
    }
    int head = atStart ? 0 : Math.min(context, count);
    int tail = atEnd ? 0 : Math.min(context, count - head);
    if (atStart && atEnd) {
      head = count; // nothing changed: the whole text
    }
    if (head + tail + 1 >= count) {
      head = count; // a gap of one line hides nothing worth hiding
      tail = 0;
    }
    for (int k = 0; k < head; k++) {
      rows.add(new Row(Kind.SAME, i + k + 1, j + k + 1, a.get(i + k), List.of(), 0));
    }
    if (head < count) {
      rows.add(Row.gap(count - head - tail));
    }
    for (int k = count - tail; k < count; k++) {
      rows.add(new Row(Kind.SAME, i + k + 1, j + k + 1, a.get(i + k), List.of(), 0));
    }
  }

  /**
   * The words of {@code before} that are not in {@code after}, and those of {@code after} not in
   * {@code before}; nothing when the lines have too little in common for that to help.
   */
  static Words changedWords(String before, String after) {
    List<String> x = tokens(before);
    List<String> y = tokens(after);
    List<AbstractDelta<String>> deltas = DiffUtils.diff(x, y).getDeltas();
    List<Mark> gone = new ArrayList<>();
    List<Mark> come = new ArrayList<>();
    int changed = 0;
    for (AbstractDelta<String> d : deltas) {
      gone.addAll(range(x, d.getSource().getPosition(), d.getSource().size()));
      come.addAll(range(y, d.getTarget().getPosition(), d.getTarget().size()));
      changed += length(d.getSource().getLines()) + length(d.getTarget().getLines());
    }
    int total = before.length() + after.length();
    if (total == 0 || 1.0 - (double) changed / total < MIN_COMMON) {
      return new Words(List.of(), List.of());
    }
    return new Words(List.copyOf(gone), List.copyOf(come));
  }

  /** The words a line lost ({@code gone}) and those its new form gained ({@code come}). */
  record Words(List<Mark> gone, List<Mark> come) {}

  private static List<String> tokens(String line) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(line);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static List<Mark> range(List<String> tokens, int first, int count) {
    if (count == 0) {
      return List.of();
    }
    int start = length(tokens.subList(0, first));
    int end = start + length(tokens.subList(first, first + count));
    return List.of(new Mark(start, end));
  }

  private static int length(List<String> tokens) {
    int n = 0;
    for (String t : tokens) {
      n += t.length();
    }
    return n;
  }
}
