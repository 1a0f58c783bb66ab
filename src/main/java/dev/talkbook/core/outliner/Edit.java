package dev.talkbook.core.outliner;

import java.util.function.IntUnaryOperator;

/**
 * What an outliner command does to the text: replace {@code [start, end)} with {@code text}, then
 * select from {@code anchor} to {@code caret} (offsets in the new text). {@code newLine} tells
 * where a line of the old text is afterwards (-1 if gone), so that the editor can keep folds. An
 * edit with nothing to replace means: the key was handled, and nothing changes.
 */
public record Edit(
    int start, int end, String text, int anchor, int caret, IntUnaryOperator newLine) {

  /** The key was handled, the text stays as it is. */
  public static Edit none(int anchor, int caret) {
    return new Edit(anchor, anchor, "", anchor, caret, IntUnaryOperator.identity());
  }

  public boolean changesText() {
    return start != end || !text.isEmpty();
  }

  /** Applies the edit to {@code old} (for tests and simple callers). */
  public String applyTo(String old) {
    return old.substring(0, start) + text + old.substring(end);
  }
}
