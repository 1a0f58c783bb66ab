package dev.talkbook.ui.share;

import dev.talkbook.core.notebook.Talk;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * What sharing needs of the window's open talk: the talk, its live text (what the editor holds,
 * saved or not) and the caret's line. The window ({@code ui.LiveShare}) adapts its open-talk view
 * model, {@code ui.talk.OpenTalk}, and the editor's caret to it: a feature package uses no other.
 * Read on the FX thread.
 */
public interface OpenTalkSource {
  /** The open talk (its details as last saved), or null when none is open. */
  ReadOnlyObjectProperty<Talk> talkProperty();

  /** The open talk's notes as they are in the editor now. */
  ObservableValue<String> textProperty();

  /** The line (0-based) the caret is on. */
  ObservableValue<Integer> caretLineProperty();
}
