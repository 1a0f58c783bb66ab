package dev.talkbook.core.markdown;

import java.util.Arrays;
import java.util.Objects;

/**
 * A text's {@link Highlighting} with what an edit needs to highlight again only the part it
 * changed: the checkpoints of the scan (each line start after a blank line, where the scan carries
 * nothing but an open fence, and no look-ahead reaches back across the blank line) with the scan's
 * state and the {@link Fences} state there. After an edit, {@link #edited} scans from the last
 * checkpoint before the edit until, past the edit, a checkpoint has the state the earlier scan had
 * at the same place: from there on the text and so the styles are the same as before. Typing in a
 * 10,000-line note re-reads a paragraph or two instead of the whole note; opening or closing a
 * fence re-reads up to where the fences agree again. Immutable.
 */
public final class HighlightedText {
  private final Highlighting highlighting;
  private final int length;
  private final int[] checkAt;
  private final BlockScanner.Open[] checkOpen;
  private final long[] checkFences;

  private HighlightedText(
      Highlighting highlighting,
      int length,
      int[] checkAt,
      BlockScanner.Open[] checkOpen,
      long[] checkFences) {
    this.highlighting = highlighting;
    this.length = length;
    this.checkAt = checkAt;
    this.checkOpen = checkOpen;
    this.checkFences = checkFences;
  }

  /** {@code text} highlighted in full ({@link MarkdownHighlighter#highlight}). */
  public static HighlightedText of(String text) {
    Objects.requireNonNull(text, "text");
    BlockScanner scanner = new BlockScanner(text);
    Highlighting all = scanner.run();
    int n = scanner.checks();
    int[] at = new int[n];
    BlockScanner.Open[] open = new BlockScanner.Open[n];
    long[] fences = new long[n];
    for (int i = 0; i < n; i++) {
      at[i] = scanner.checkAt(i);
      open[i] = scanner.checkOpen(i);
      fences[i] = scanner.checkFences(i);
    }
    return new HighlightedText(all, text.length(), at, open, fences);
  }

  /** The length of the text highlighted. */
  public int length() {
    return length;
  }

  /** The styles of the whole text. */
  public Highlighting highlighting() {
    return highlighting;
  }

  /**
   * An edit highlighted: {@code next} for the text after it, whose styles differ from this one's
   * (shifted by the edit) at most in {@code [from, to)} (offsets in the new text). {@code fences}
   * is the {@link Fences} state at {@code from}, a line start: whatever else follows fences (which
   * lines are code) can be worked out again for the same range alone.
   */
  public record Change(HighlightedText next, int from, int to, long fences) {}

  /**
   * The highlighting of {@code newText}, which is this text with {@code removed} characters at
   * {@code position} replaced by {@code inserted} characters; the same as {@link #of} would give.
   */
  public Change edited(String newText, int position, int removed, int inserted) {
    int delta = inserted - removed;
    if (position < 0
        || removed < 0
        || inserted < 0
        || position + removed > length
        || newText.length() != length + delta) {
      throw new IllegalArgumentException(
          "the edit ("
              + removed
              + " characters at "
              + position
              + " became "
              + inserted
              + ") does not fit a text of "
              + length
              + " characters becoming "
              + newText.length());
    }
    // The last checkpoint at or before the edit: the text before it, and the blank line before
    // it, are unchanged (checkpoint 0 is the start).
    int k = Arrays.binarySearch(checkAt, position);
    k = k >= 0 ? k : -k - 2;
    int from = checkAt[k];
    int editEnd = position + inserted; // in the new text; unchanged from here on
    BlockScanner scanner = new BlockScanner(newText);
    Highlighting middle =
        scanner.run(
            from,
            checkOpen[k],
            checkFences[k],
            (at, open, fences) -> {
              if (at < editEnd) {
                return false;
              }
              int j = Arrays.binarySearch(checkAt, at - delta);
              return j >= 0 && Objects.equals(checkOpen[j], open) && checkFences[j] == fences;
            });
    int to = scanner.stoppedAt();
    // At most all of this text's runs (one cut in two) and the scan's: made once, not grown.
    Highlighting.Builder spans =
        new Highlighting.Builder(highlighting.spans().size() + middle.spans().size() + 2);
    spans.addRange(highlighting, 0, from);
    spans.addRange(middle, 0, to - from);
    spans.addRange(highlighting, to - delta, length);

    // The checkpoints: this text's before the scan, the scan's own, this text's after it, moved.
    int after = scanner.resynced() ? firstAtOrAfter(to - delta) : checkAt.length;
    int scanned = scanner.checks();
    int n = k + scanned + (checkAt.length - after);
    int[] at = new int[n];
    BlockScanner.Open[] open = new BlockScanner.Open[n];
    long[] fences = new long[n];
    System.arraycopy(checkAt, 0, at, 0, k);
    System.arraycopy(checkOpen, 0, open, 0, k);
    System.arraycopy(checkFences, 0, fences, 0, k);
    for (int i = 0; i < scanned; i++) {
      at[k + i] = scanner.checkAt(i);
      open[k + i] = scanner.checkOpen(i);
      fences[k + i] = scanner.checkFences(i);
    }
    for (int i = after, o = k + scanned; i < checkAt.length; i++, o++) {
      at[o] = checkAt[i] + delta;
      open[o] = checkOpen[i];
      fences[o] = checkFences[i];
    }
    return new Change(
        new HighlightedText(spans.build(), newText.length(), at, open, fences),
        from,
        to,
        checkFences[k]);
  }

  /** The checkpoints, one per line (position, open fence, Fences state): for tests. */
  String checkpoints() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < checkAt.length; i++) {
      out.append(checkAt[i]).append(' ').append(checkOpen[i]).append(' ').append(checkFences[i]);
      out.append('\n');
    }
    return out.toString();
  }

  private int firstAtOrAfter(int position) {
    int j = Arrays.binarySearch(checkAt, position);
    return j >= 0 ? j : -j - 1;
  }
}
