package dev.talkbook.ui.editor;

import dev.talkbook.core.common.CrcPair;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import org.fxmisc.richtext.GenericStyledArea;
import org.fxmisc.richtext.model.PlainTextChange;
import org.fxmisc.undo.UndoManager;
import org.reactfx.EventSource;
import org.reactfx.EventStream;
import org.reactfx.Subscription;
import org.reactfx.value.Val;
import org.reactfx.value.Var;

/**
 * The editor's undo manager, one history for each talk: a talk's history is kept when another
 * talk's notes are loaded, and taken up again when its notes come back, so that Undo after going to
 * another talk and back takes back what was typed there (as an editor with tabs does). A kept
 * history is taken up only if the notes come back exactly as they were left (the same length and
 * {@link CrcPair}): notes changed elsewhere meanwhile (an import, a version restored, kept notes
 * put back, a rename that rewrote them) start a fresh history, so an undo never applies one text's
 * changes to another. At most {@link #KEPT_TALKS} histories are kept besides the open one, and they
 * hold at most about {@link #KEPT_CHARS} characters of changes together; the least recently left
 * goes first.
 *
 * <p>The area has this one manager for good ({@code setUndoManager} closes the manager it
 * replaces); it hands each change to the open talk's history and every call to it. While new notes
 * are loaded no history sees the change. FX thread only (made on the editor's own thread before it
 * is shown).
 */
final class UndoHistories implements UndoManager<List<PlainTextChange>> {
  /** How many talks' histories are kept besides the open one. */
  static final int KEPT_TALKS = 20;

  /** About how many characters of changes the kept histories may hold together (2 bytes each). */
  static final long KEPT_CHARS = 4_000_000;

  /** One talk's history: its manager, fed by a stream of its own. */
  private static final class History {
    final EventSource<List<PlainTextChange>> changes = new EventSource<>();
    final UndoManager<List<PlainTextChange>> manager;

    /** At least as many characters as the history's changes hold (removed and inserted). */
    long chars;

    /** The notes' length and digest when the talk was left. */
    int length;

    long digest;

    History(Function<EventStream<List<PlainTextChange>>, UndoManager<List<PlainTextChange>>> make) {
      manager = make.apply(changes);
    }
  }

  private final Function<EventStream<List<PlainTextChange>>, UndoManager<List<PlainTextChange>>>
      make;

  private final Subscription fed;

  /** The open talk's history; null while notes are loaded. */
  private final Var<History> open = Var.newSimpleVar(null);

  /** The open talk (null: notes of no talk, whose history is not kept). */
  private Long openKey;

  /** The histories of the talks left, the least recently left first. */
  private final LinkedHashMap<Long, History> kept = new LinkedHashMap<>();

  private final Val<Boolean> undoAvailable;
  private final Val<Boolean> redoAvailable;
  private final Val<List<PlainTextChange>> nextUndo;
  private final Val<List<PlainTextChange>> nextRedo;
  private final ObservableBooleanValue performingAction;
  private final ObservableBooleanValue atMarkedPosition;

  /**
   * @param make an undo manager of the changes a stream gives (applying undos to {@code area})
   */
  UndoHistories(
      GenericStyledArea<?, ?, ?> area,
      Function<EventStream<List<PlainTextChange>>, UndoManager<List<PlainTextChange>>> make) {
    this.make = make;
    open.setValue(new History(make));
    fed =
        area.multiPlainChanges()
            .subscribe(
                change -> {
                  History history = open.getValue();
                  if (history != null) {
                    for (PlainTextChange c : change) {
                      history.chars += c.getRemoved().length() + c.getInserted().length();
                    }
                    history.changes.push(change);
                  }
                });
    undoAvailable = open.flatMap(h -> h.manager.undoAvailableProperty()).orElseConst(false);
    redoAvailable = open.flatMap(h -> h.manager.redoAvailableProperty()).orElseConst(false);
    nextUndo = open.flatMap(h -> h.manager.nextUndoProperty());
    nextRedo = open.flatMap(h -> h.manager.nextRedoProperty());
    Val<Boolean> performing =
        open.flatMap(h -> h.manager.performingActionProperty()).orElseConst(false);
    performingAction = Bindings.createBooleanBinding(performing::getValue, performing);
    Val<Boolean> marked =
        open.flatMap(h -> h.manager.atMarkedPositionProperty()).orElseConst(false);
    atMarkedPosition = Bindings.createBooleanBinding(marked::getValue, marked);
  }

  /**
   * Before the area's text is replaced by other notes: the open talk's history is kept (if it has a
   * talk), with {@code text}, its notes as they are left; no history sees the changes until {@link
   * #opened}.
   */
  void leaving(String text) {
    History history = open.getValue();
    open.setValue(null);
    if (history == null) {
      return;
    }
    if (openKey == null
        || !history.manager.isUndoAvailable() && !history.manager.isRedoAvailable()) {
      history.manager.close(); // nothing to keep
      return;
    }
    history.length = text.length();
    history.digest = digest(text);
    history.manager.preventMerge(); // typing on when back is a step of its own
    History before = kept.remove(openKey);
    if (before != null) {
      before.manager.close();
    }
    kept.put(openKey, history);
    bound();
  }

  /**
   * The area now shows {@code text}, the notes of talk {@code key} (null: of no talk): its kept
   * history is taken up if it was left with exactly this text, else it starts a fresh one.
   */
  void opened(Long key, String text) {
    History history = key == null ? null : kept.remove(key);
    if (history != null && (history.length != text.length() || history.digest != digest(text))) {
      history.manager.close(); // changed elsewhere meanwhile: its changes fit another text
      history = null;
    }
    openKey = key;
    if (history != null) {
      history.digest = 0;
    }
    open.setValue(history != null ? history : new History(make));
  }

  /** Drops the least recently left histories beyond the bounds. */
  private void bound() {
    long chars = 0;
    for (History h : kept.values()) {
      chars += h.chars;
    }
    Iterator<Map.Entry<Long, History>> oldest = kept.entrySet().iterator();
    while (oldest.hasNext() && (kept.size() > KEPT_TALKS || chars > KEPT_CHARS)) {
      History dropped = oldest.next().getValue();
      chars -= dropped.chars;
      dropped.manager.close();
      oldest.remove();
    }
  }

  /** How many talks' histories are kept: for tests. */
  int keptCount() {
    return kept.size();
  }

  /** The notes' {@link CrcPair}: SHA-256 of a 1.6 MB note held the FX thread under C1. */
  private static long digest(String text) {
    return CrcPair.of(text.getBytes(StandardCharsets.UTF_8));
  }

  // ---- the open talk's history does what the area asks

  @Override
  public boolean undo() {
    History history = open.getValue();
    return history != null && history.manager.undo();
  }

  @Override
  public boolean redo() {
    History history = open.getValue();
    return history != null && history.manager.redo();
  }

  @Override
  public Val<Boolean> undoAvailableProperty() {
    return undoAvailable;
  }

  @Override
  public boolean isUndoAvailable() {
    return undoAvailable.getValue();
  }

  @Override
  public Val<List<PlainTextChange>> nextUndoProperty() {
    return nextUndo;
  }

  @Override
  public Val<List<PlainTextChange>> nextRedoProperty() {
    return nextRedo;
  }

  @Override
  public Val<Boolean> redoAvailableProperty() {
    return redoAvailable;
  }

  @Override
  public boolean isRedoAvailable() {
    return redoAvailable.getValue();
  }

  @Override
  public ObservableBooleanValue performingActionProperty() {
    return performingAction;
  }

  @Override
  public boolean isPerformingAction() {
    return performingAction.get();
  }

  @Override
  public void preventMerge() {
    History history = open.getValue();
    if (history != null) {
      history.manager.preventMerge();
    }
  }

  @Override
  public void forgetHistory() {
    History history = open.getValue();
    if (history != null) {
      history.manager.forgetHistory();
      history.chars = 0;
    }
  }

  @Override
  public UndoPosition getCurrentPosition() {
    History history = open.getValue();
    if (history != null) {
      return history.manager.getCurrentPosition();
    }
    return new UndoPosition() {
      @Override
      public void mark() {}

      @Override
      public boolean isValid() {
        return false;
      }
    };
  }

  @Override
  public ObservableBooleanValue atMarkedPositionProperty() {
    return atMarkedPosition;
  }

  @Override
  public boolean isAtMarkedPosition() {
    return atMarkedPosition.get();
  }

  @Override
  public void close() {
    fed.unsubscribe();
    History history = open.getValue();
    if (history != null) {
      history.manager.close();
    }
    kept.values().forEach(h -> h.manager.close());
    kept.clear();
  }
}
