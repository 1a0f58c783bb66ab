package dev.talkbook.core.markdown;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How to style a text: consecutive runs, in order, whose lengths add up to the text's length. A run
 * with no classes is plain text. This is the shape of RichTextFX's {@code StyleSpans}, so the
 * editor turns it into one span for span; an empty text has no runs.
 *
 * @param spans the runs, none empty; two neighbours never carry the same classes
 */
public record Highlighting(List<Span> spans) {

  /**
   * A run of {@code length} characters styled with {@code classes} (from {@link HighlightClasses};
   * empty for plain text).
   */
  public record Span(int length, Set<String> classes) {
    public Span {
      if (length <= 0) {
        throw new IllegalArgumentException("a span is at least one character long, not " + length);
      }
      classes = Set.copyOf(classes);
    }
  }

  public Highlighting {
    spans = spans instanceof PackedSpans ? spans : List.copyOf(spans);
  }

  /**
   * Builds a highlighting run by run into two arrays ({@link PackedSpans}), a neighbour with the
   * same classes joined to the run before it: no object per run is kept, which a note of 10,000
   * lines, restyled at every keystroke, would otherwise make by the ten thousand.
   */
  public static final class Builder {
    private final PackedSpans spans;
    private boolean built;

    public Builder() {
      spans = new PackedSpans();
    }

    /**
     * A builder with room for about {@code runs} runs: when the count is known beforehand (an edit
     * of a highlighting: its runs and the few read again), the arrays are made once instead of
     * doubled a dozen times and trimmed, each time a copy of the whole document's runs.
     */
    public Builder(int runs) {
      if (runs < 0) {
        throw new IllegalArgumentException("a count of runs is not negative: " + runs);
      }
      spans = new PackedSpans(runs);
    }

    /** Appends {@code length} characters styled with {@code classes}; nothing when empty. */
    public Builder add(int length, Set<String> classes) {
      if (built) {
        throw new IllegalStateException("built already");
      }
      if (length < 0) {
        throw new IllegalArgumentException("a run's length is not negative: " + length);
      }
      if (length > 0) {
        spans.append(length, Set.copyOf(classes));
      }
      return this;
    }

    /**
     * Appends the runs of {@code h} that style {@code [from, to)}, the first and last cut to fit.
     */
    public Builder addRange(Highlighting h, int from, int to) {
      if (built) {
        throw new IllegalStateException("built already");
      }
      List<Span> runs = h.spans;
      int n = runs.size();
      int i = 0;
      int start = 0;
      // The run that holds from.
      while (i < n && start + Highlighting.length(runs, i) <= from) {
        start += Highlighting.length(runs, i);
        i++;
      }
      if (i >= n || start >= to) {
        return this;
      }
      int end = start + Highlighting.length(runs, i);
      spans.append(Math.min(end, to) - Math.max(start, from), classes(runs, i));
      i++;
      // Whole runs, then the last one cut.
      int first = i;
      while (i < n && end + Highlighting.length(runs, i) <= to) {
        end += Highlighting.length(runs, i);
        i++;
      }
      if (runs instanceof PackedSpans packed) {
        spans.appendRuns(packed, first, i);
      } else {
        for (int k = first; k < i; k++) {
          spans.append(runs.get(k).length(), runs.get(k).classes());
        }
      }
      if (i < n && end < to) {
        spans.append(to - end, classes(runs, i));
      }
      return this;
    }

    public Highlighting build() {
      built = true;
      return new Highlighting(spans.done());
    }
  }

  /** The length of the text this styles: the sum of the spans' lengths. */
  public int length() {
    int sum = 0;
    for (Span span : spans) {
      sum += span.length();
    }
    return sum;
  }

  /**
   * How many characters from the start {@code a} and {@code b} style alike (the shorter length when
   * one styles a prefix of the other): after an edit, the editor restyles only from there on.
   */
  public static int commonPrefix(Highlighting a, Highlighting b) {
    List<Span> x = a.spans;
    List<Span> y = b.spans;
    int offset = 0;
    for (int i = 0; i < x.size() && i < y.size(); i++) {
      int lx = length(x, i);
      int ly = length(y, i);
      if (!Objects.equals(classes(x, i), classes(y, i))) {
        return offset;
      }
      if (lx != ly) {
        return offset + Math.min(lx, ly);
      }
      offset += lx;
    }
    return offset;
  }

  /** How many characters at the end {@code a} and {@code b} style alike. */
  public static int commonSuffix(Highlighting a, Highlighting b) {
    List<Span> x = a.spans;
    List<Span> y = b.spans;
    int length = 0;
    for (int i = x.size() - 1, j = y.size() - 1; i >= 0 && j >= 0; i--, j--) {
      int lx = length(x, i);
      int ly = length(y, j);
      if (!Objects.equals(classes(x, i), classes(y, j))) {
        return length;
      }
      if (lx != ly) {
        return length + Math.min(lx, ly);
      }
      length += lx;
    }
    return length;
  }

  /** The runs that style {@code [from, to)}, the first and last cut to fit. */
  public List<Span> slice(int from, int to) {
    java.util.ArrayList<Span> out = new java.util.ArrayList<>();
    int start = 0;
    for (int i = 0; i < spans.size() && start < to; i++) {
      int length = length(spans, i);
      int end = start + length;
      if (end > from) {
        int cut = Math.min(end, to) - Math.max(start, from);
        out.add(cut == length ? spans.get(i) : new Span(cut, spans.get(i).classes()));
      }
      start = end;
    }
    return out;
  }

  private static int length(List<Span> spans, int i) {
    return spans instanceof PackedSpans packed ? packed.length(i) : spans.get(i).length();
  }

  @SuppressWarnings("unchecked")
  private static Set<String> classes(List<Span> spans, int i) {
    return spans instanceof PackedSpans packed
        ? (Set<String>) packed.classes(i)
        : spans.get(i).classes();
  }

  /** The classes at {@code offset} in the text (0 ≤ offset < {@link #length()}). */
  public Set<String> classesAt(int offset) {
    Objects.checkIndex(offset, length());
    int end = 0;
    for (Span span : spans) {
      end += span.length();
      if (offset < end) {
        return span.classes();
      }
    }
    throw new AssertionError("unreachable: offset checked against the length");
  }
}
