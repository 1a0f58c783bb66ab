package dev.talkbook.core.markdown;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;

/**
 * The spans of a highlighting as two arrays, a {@link Highlighting.Span} made on each {@code get}:
 * a big document has millions of spans, and millions of long-lived small objects cost more to keep
 * (and to collect) than the arrays. Immutable once built.
 */
@SuppressWarnings("unchecked")
final class PackedSpans extends AbstractList<Highlighting.Span> implements RandomAccess {

  private int[] lengths;
  private Object[] classes;
  private int size;

  PackedSpans() {
    this(64);
  }

  /** Room for {@code capacity} runs before the arrays grow. */
  PackedSpans(int capacity) {
    lengths = new int[Math.max(1, capacity)];
    classes = new Object[lengths.length];
  }

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

  /**
   * Trims the arrays when more than a sixteenth of them is unused; nothing is added after this. A
   * highlighting built to a close estimate ({@link Highlighting.Builder#Builder(int)}) keeps its
   * arrays: trimming copied the whole document's runs once more at every keystroke.
   */
  PackedSpans done() {
    if (lengths.length - size > lengths.length / 16) {
      lengths = Arrays.copyOf(lengths, size);
      classes = Arrays.copyOf(classes, size);
    }
    return this;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Highlighting.Span get(int index) {
    Objects.checkIndex(index, size); // the arrays may be longer than the list
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
