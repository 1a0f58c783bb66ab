package dev.talkbook.core.markdown;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;
import java.util.Set;

/**
 * The spans of a highlighting as two arrays, a {@link Highlighting.Span} made on each {@code get}:
 * a big document has millions of spans, and millions of long-lived small objects cost more to keep
 * (and to collect) than the arrays. Immutable once built.
 */
@SuppressWarnings("unchecked")
final class PackedSpans extends AbstractList<Highlighting.Span> implements RandomAccess {

  private int[] lengths = new int[64];
  private Object[] classes = new Object[64];
  private int size;

  void add(int length, Set<String> spanClasses) {
    if (size == lengths.length) {
      lengths = Arrays.copyOf(lengths, size * 2);
      classes = Arrays.copyOf(classes, size * 2);
    }
    lengths[size] = length;
    classes[size] = spanClasses;
    size++;
  }

  /** Appends a run, joined to the last one when it carries the same classes. */
  void append(int length, Set<String> spanClasses) {
    if (size > 0 && (classes[size - 1] == spanClasses || classes[size - 1].equals(spanClasses))) {
      lengths[size - 1] += length;
    } else {
      add(length, spanClasses);
    }
  }

  /**
   * Appends runs {@code [from, to)} of {@code source} as they are (a highlighting's neighbours
   * never carry the same classes), the first joined to the last run here when it carries the same.
   */
  void appendRuns(PackedSpans source, int from, int to) {
    if (from >= to) {
      return;
    }
    append(source.lengths[from], (Set<String>) source.classes[from]);
    int n = to - from - 1;
    if (size + n > lengths.length) {
      int capacity = Math.max(size + n, lengths.length * 2);
      lengths = Arrays.copyOf(lengths, capacity);
      classes = Arrays.copyOf(classes, capacity);
    }
    System.arraycopy(source.lengths, from + 1, lengths, size, n);
    System.arraycopy(source.classes, from + 1, classes, size, n);
    size += n;
  }

  /** Trims the arrays; nothing is added after this. */
  PackedSpans done() {
    lengths = Arrays.copyOf(lengths, size);
    classes = Arrays.copyOf(classes, size);
    return this;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Highlighting.Span get(int index) {
    return new Highlighting.Span(lengths[index], (Set<String>) classes[index]);
  }

  int length(int index) {
    return lengths[index];
  }

  Object classes(int index) {
    return classes[index];
  }

  @Override
  public int size() {
    return size;
  }
}
