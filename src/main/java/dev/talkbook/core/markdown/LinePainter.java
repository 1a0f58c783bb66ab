package dev.talkbook.core.markdown;

import java.util.Arrays;

/**
 * Collects the classed ranges of one line at a time, in any order and overlapping, and turns each
 * line into consecutive spans: the ranges' starts and ends are sorted and swept once, so a line
 * costs O(r log r) for r ranges however they nest.
 */
final class LinePainter {

  private static final int POSITION_SHIFT = 7;
  private static final int BIT_MASK = 63;

  private final ClassBits classBits = new ClassBits();
  private final PackedSpans spans = new PackedSpans();
  private final int[] open = new int[BIT_MASK + 1];

  /** Start and end events: position in the line, then the bit, then 1 for a start. */
  private long[] events = new long[64];

  private int eventCount;

  /** The furthest end painted on this line; a range starting there or later keeps events sorted. */
  private int paintedTo;

  private boolean sorted;
  private int lineStart;
  private int lineEnd;
  private int pendingLength;
  private long pendingMask;

  void startLine(int start, int end) {
    lineStart = start;
    lineEnd = end;
    eventCount = 0;
    paintedTo = start;
    sorted = true;
  }

  /** Puts the class {@code bit} on [start, end) of the current line. */
  void paint(int start, int end, int bit) {
    if (start >= end) {
      return;
    }
    if (start < lineStart || end > lineEnd) {
      throw new IllegalArgumentException(
          "range ["
              + start
              + ", "
              + end
              + ") is outside the line ["
              + lineStart
              + ", "
              + lineEnd
              + ")");
    }
    if (eventCount + 2 > events.length) {
      events = Arrays.copyOf(events, events.length * 2);
    }
    if (start < paintedTo) {
      sorted = false;
    } else {
      paintedTo = end;
    }
    long shiftedBit = (long) bit << 1;
    events[eventCount++] = ((long) (start - lineStart) << POSITION_SHIFT) | shiftedBit | 1;
    events[eventCount++] = ((long) (end - lineStart) << POSITION_SHIFT) | shiftedBit;
  }

  void endLine() {
    int length = lineEnd - lineStart;
    if (eventCount == 0) {
      emit(length, 0);
      return;
    }
    // Events at one position may come in any order: all are applied before the next span.
    if (!sorted) {
      Arrays.sort(events, 0, eventCount);
    }
    long mask = 0;
    int at = 0;
    for (int i = 0; i < eventCount; i++) {
      long event = events[i];
      int position = (int) (event >>> POSITION_SHIFT);
      if (position > at) {
        emit(position - at, mask);
        at = position;
      }
      int bit = (int) (event >>> 1) & BIT_MASK;
      if ((event & 1) != 0) {
        if (open[bit]++ == 0) {
          mask |= 1L << bit;
        }
      } else if (--open[bit] == 0) {
        mask &= ~(1L << bit);
      }
    }
    emit(length - at, mask);
    eventCount = 0;
  }

  Highlighting build() {
    flush();
    return new Highlighting(spans.done());
  }

  private void emit(int length, long mask) {
    if (length <= 0) {
      return;
    }
    if (pendingLength > 0 && mask == pendingMask) {
      pendingLength += length;
      return;
    }
    flush();
    pendingLength = length;
    pendingMask = mask;
  }

  private void flush() {
    if (pendingLength > 0) {
      spans.add(pendingLength, classBits.names(pendingMask));
      pendingLength = 0;
    }
  }
}
