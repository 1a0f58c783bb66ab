package dev.talkbook.ui.editor;

import dev.talkbook.core.markdown.Highlighting;
import dev.talkbook.core.repl.NoteCode;
import dev.talkbook.ui.common.StyleSets;
import java.util.ArrayList;
import java.util.List;

/**
 * The output blocks in the notes whose code changed since it ran ({@link
 * NoteCode.Block#outputOutOfDate()}), marked in the editor's styles with {@link #CLASS}, which the
 * editor's style sheet dims. Pure: styles and text in, styles out.
 */
final class OutOfDateOutputs {

  /** The class of an out-of-date output block's characters, its fences included. */
  static final String CLASS = "tb-out-of-date";

  /** What every stamped output block's info string holds ({@code ```output code=…}). */
  private static final String STAMPED = " code=";

  private OutOfDateOutputs() {}

  /**
   * {@code styles} (of {@code text}) with {@link #CLASS} added over each out-of-date output block;
   * {@code styles} itself when there is none. A note without a stamped output is not read further.
   */
  static Highlighting mark(Highlighting styles, String text) {
    if (!text.contains(STAMPED)) {
      return styles;
    }
    List<int[]> ranges = new ArrayList<>();
    for (NoteCode.Block b : NoteCode.javaBlocks(text)) {
      if (b.outputOutOfDate()) {
        ranges.add(new int[] {b.outputStart(), b.outputEnd()});
      }
    }
    if (ranges.isEmpty()) {
      return styles;
    }
    Highlighting.Builder out = new Highlighting.Builder(styles.spans().size() + 2 * ranges.size());
    int next = 0; // the first range not yet passed
    int start = 0;
    for (Highlighting.Span span : styles.spans()) {
      int end = start + span.length();
      int at = start;
      while (at < end) {
        while (next < ranges.size() && ranges.get(next)[1] <= at) {
          next++;
        }
        int[] r = next < ranges.size() ? ranges.get(next) : null;
        if (r != null && r[0] <= at) {
          int stop = Math.min(end, r[1]);
          out.add(stop - at, StyleSets.with(span.classes(), CLASS));
          at = stop;
        } else {
          int stop = r == null ? end : Math.min(end, r[0]);
          out.add(stop - at, span.classes());
          at = stop;
        }
      }
      start = end;
    }
    return out.build();
  }
}
