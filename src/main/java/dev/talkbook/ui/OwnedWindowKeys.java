package dev.talkbook.ui;

import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The app's other windows take the main window's keys that act on the whole app: the live share
 * panel, Now and next, the rehearsal, the presenter's windows, the export and import windows and
 * the detached REPL are stages the main window owns, with scenes of their own, so the menu bar's
 * accelerators did not reach them (Ctrl+Q in the live share panel did nothing). A key a window
 * already has for itself stays its own; modal dialogs are left out: they are answered first.
 *
 * <p>The action is looked up on the main stage each time the key is pressed: another notebook's
 * window made on the same stage (File → Open notebook) takes the key over from the one it replaces.
 */
final class OwnedWindowKeys {
  private OwnedWindowKeys() {}

  /**
   * From now on (until {@link #stop}), every window {@code main} owns, at any depth, runs {@code
   * action} on {@code key}.
   */
  static void follow(Stage main, KeyCombination key, Runnable action) {
    main.getProperties().put(slot(key), action);
    if (main.getProperties().putIfAbsent(slot(key) + " followed", Boolean.TRUE) != null) {
      return; // windows shown from now on get the key already
    }
    Runnable pressed =
        () -> {
          if (main.getProperties().get(slot(key)) instanceof Runnable current) {
            current.run();
          }
        };
    Window.getWindows()
        .addListener(
            (ListChangeListener<Window>)
                change -> {
                  while (change.next()) {
                    for (Window shown : change.getAddedSubList()) {
                      if (shown instanceof Stage stage
                          && stage != main
                          && stage.getModality() == Modality.NONE
                          && ownedBy(stage, main)) {
                        give(stage.getScene(), key, pressed);
                        if (stage.getProperties().putIfAbsent(slot(key), Boolean.TRUE) == null) {
                          // once a window, however often it is shown again
                          stage
                              .sceneProperty()
                              .addListener((obs, old, scene) -> give(scene, key, pressed));
                        }
                      }
                    }
                  }
                });
  }

  /** {@code action} no longer runs on {@code key} (a window closing; the key then does nothing). */
  static void stop(Stage main, KeyCombination key, Runnable action) {
    main.getProperties().remove(slot(key), action);
  }

  private static String slot(KeyCombination key) {
    return OwnedWindowKeys.class.getName() + " " + key.getName();
  }

  private static void give(Scene scene, KeyCombination key, Runnable pressed) {
    if (scene != null) {
      scene.getAccelerators().putIfAbsent(key, pressed);
    }
  }

  /** Whether {@code main} owns {@code stage}, directly or through windows it owns. */
  static boolean ownedBy(Stage stage, Window main) {
    for (Window owner = stage.getOwner(); owner != null; ) {
      if (owner == main) {
        return true;
      }
      owner = owner instanceof Stage s ? s.getOwner() : null;
    }
    return false;
  }
}
