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

  /** The length of the text this styles: the sum of the spans' lengths. */
  public int length() {
    int sum = 0;
    for (Span span : spans) {
      sum += span.length();
    }
    return sum;
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
