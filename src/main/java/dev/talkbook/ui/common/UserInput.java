package dev.talkbook.ui.common;

import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;

/** Whether the user pressed a key or a mouse button in a scene since {@link #watch}. */
public final class UserInput {
  private final Scene scene;
  private final EventHandler<InputEvent> mark = e -> seen();
  private boolean happened;

  private UserInput(Scene scene) {
    this.scene = scene;
  }

  /** Starts watching {@code scene} (null: nothing to watch, nothing ever happens). */
  public static UserInput watch(Scene scene) {
    UserInput input = new UserInput(scene);
    if (scene != null) {
      scene.addEventFilter(MouseEvent.MOUSE_PRESSED, input.mark);
      scene.addEventFilter(KeyEvent.KEY_PRESSED, input.mark);
    }
    return input;
  }

  private void seen() {
    happened = true;
  }

  public boolean happened() {
    return happened;
  }

  /** Stops watching; {@link #happened} keeps its answer. */
  public void stop() {
    if (scene != null) {
      scene.removeEventFilter(MouseEvent.MOUSE_PRESSED, mark);
      scene.removeEventFilter(KeyEvent.KEY_PRESSED, mark);
    }
  }
}
