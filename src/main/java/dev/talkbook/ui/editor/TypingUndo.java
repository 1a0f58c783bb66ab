package dev.talkbook.ui.editor;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import org.fxmisc.richtext.GenericStyledArea;
import org.fxmisc.richtext.model.PlainTextChange;
import org.fxmisc.richtext.model.TextChange;
import org.fxmisc.richtext.util.UndoUtils;
import org.fxmisc.undo.UndoManager;
import org.fxmisc.undo.UndoManagerFactory;
import org.reactfx.EventStream;

/**
 * The editor's undo: what is typed without a pause of {@link #PAUSE} is undone in one step, as with
 * RichTextFX's own undo manager, but never more than a word: a line break typed (or pasted) starts
 * a step, and so does a word begun after a blank, so that one undo after fast typing takes back the
 * last word, not the whole paragraph or several lines. The pause is read from the clock when a
 * change comes in. The default manager restarts a timer ({@code FxTimer}: a {@code Timeline}
 * stopped and played) on every change to learn that typing paused: a tenth of a keystroke's
 * handling on the FX thread in a 10,000-line note, and an animation that keeps the pulses running
 * while one types.
 */
final class TypingUndo {
  /** The pause that ends a group of changes: RichTextFX's own default. */
  static final Duration PAUSE = UndoUtils.DEFAULT_PREVENT_MERGE_DELAY;

  private TypingUndo() {}

  /**
   * Gives {@code area} this undo manager, one history for each talk ({@link UndoHistories}),
   * reading the time from {@code nanoClock}.
   */
  static UndoHistories install(GenericStyledArea<?, ?, ?> area, LongSupplier nanoClock) {
    UndoHistories histories = new UndoHistories(area, changes -> manager(area, changes, nanoClock));
    area.setUndoManager(histories);
    return histories;
  }

  /** An undo manager of the changes {@code changes} gives, applying its undos to {@code area}. */
  static UndoManager<List<PlainTextChange>> manager(
      GenericStyledArea<?, ?, ?> area,
      EventStream<List<PlainTextChange>> changes,
      LongSupplier nanoClock) {
    long pause = PAUSE.toNanos();
    long[] last = {nanoClock.getAsLong() - pause - 1};
    // Whether the last change ended with a blank typed: a word begun after it starts a step.
    boolean[] afterBlank = {false};
    // Where text typed over a selection of lines stands, [start, end), while what is typed on
    // stays inside it without a pause; null otherwise (and after an undo or redo).
    int[][] over = {null};
    // The manager, for the hook its own input calls once it exists.
    var manager = new java.util.concurrent.atomic.AtomicReference<UndoManager<?>>();
    UndoManager<List<PlainTextChange>> made =
        UndoManagerFactory.unlimitedHistoryFactory()
            .createMultiChangeUM(
                changes
                    // Before the manager sees the change: after a pause it starts a new step.
                    .hook(
                    change -> {
                      long now = nanoClock.getAsLong();
                      PlainTextChange first = change.get(0);
                      if (manager.get().isPerformingAction()) {
                        // An undo or redo: what is typed next follows the usual rules.
                        over[0] = null;
                      } else if (over[0] != null
                          && change.size() == 1
                          && inside(first, over[0])
                          && now - last[0] < pause) {
                        // Typed on in place of the selection without a pause: the same step.
                        over[0][1] += first.getNetLength();
                      } else if (typesOverLines(change)) {
                        manager.get().preventMerge();
                        over[0] =
                            new int[] {
                              first.getPosition(),
                              first.getPosition() + first.getInserted().length()
                            };
                      } else {
                        over[0] = null;
                        if (now - last[0] >= pause || startsStep(change, afterBlank[0])) {
                          manager.get().preventMerge();
                        }
                      }
                      last[0] = now;
                      String inserted = change.get(change.size() - 1).getInserted();
                      afterBlank[0] =
                          !inserted.isEmpty()
                              && Character.isWhitespace(inserted.charAt(inserted.length() - 1));
                    }),
                TextChange::invert,
                UndoUtils.applyMultiPlainTextChange(area),
                TypingUndo::merge,
                TextChange::isIdentity,
                Duration.ZERO); // no timer
    manager.set(made);
    return made;
  }

  /**
   * Whether {@code change} begins an undo step of its own even without a pause: it inserts a line
   * break, or it begins a word after a blank ({@code afterBlank}: the change before ended with
   * one).
   */
  static boolean startsStep(List<PlainTextChange> change, boolean afterBlank) {
    for (PlainTextChange c : change) {
      if (c.getInserted().indexOf('\n') >= 0) {
        return true;
      }
    }
    String inserted = change.get(0).getInserted();
    return afterBlank
        && change.get(0).getRemoved().isEmpty()
        && !inserted.isEmpty()
        && !Character.isWhitespace(inserted.charAt(0));
  }

  /**
   * Whether {@code change} types over a selection of lines (Ctrl+A and a key, say): it replaces
   * text with a line break in it by what was typed. It and what is typed on in its place without a
   * pause are one step: Ctrl+A and a snippet typed over the whole notes took about 40 Ctrl+Z, a
   * word or a line at a time, to take back. A pause, or an undo or redo, ends that step: after
   * Ctrl+A its range is the whole note, and one Ctrl+Z took back a whole session's writing.
   */
  static boolean typesOverLines(List<PlainTextChange> change) {
    PlainTextChange c = change.get(0);
    return change.size() == 1 && c.getRemoved().indexOf('\n') >= 0 && !c.getInserted().isEmpty();
  }

  /** Whether {@code change} lies inside {@code range}, [start, end) of the text. */
  private static boolean inside(PlainTextChange change, int[] range) {
    return change.getPosition() >= range[0]
        && change.getPosition() + change.getRemoved().length() <= range[1];
  }

  /**
   * {@code a} then {@code b} as one change: as RichTextFX merges them (typing on at the end,
   * Backspace), or, when {@code b} lies inside what {@code a} inserted (a key typed between
   * brackets typed in pairs), {@code a} with {@code b} applied to what it inserted.
   */
  static java.util.Optional<PlainTextChange> merge(PlainTextChange a, PlainTextChange b) {
    java.util.Optional<PlainTextChange> merged = a.mergeWith(b);
    int from = b.getPosition() - a.getPosition();
    int to = from + b.getRemoved().length();
    if (merged.isPresent() || from < 0 || to > a.getInserted().length()) {
      return merged;
    }
    String inserted = a.getInserted();
    return java.util.Optional.of(
        new PlainTextChange(
            a.getPosition(),
            a.getRemoved(),
            inserted.substring(0, from) + b.getInserted() + inserted.substring(to)));
  }

  /** The same, reading the system's clock. */
  static UndoHistories install(GenericStyledArea<?, ?, ?> area) {
    return install(area, System::nanoTime);
  }
}
