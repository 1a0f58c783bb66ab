package dev.talkbook.ui;

import dev.talkbook.ui.common.WorkBeforeQuit;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * The app's other windows take the main window's keys that act on the whole app: the live share
 * panel, Now and next, the rehearsal, the presenter's windows, the export and import windows, the
 * dialogs and the detached REPL are stages the main window owns, with scenes of their own, so the
 * menu bar's accelerators did not reach them (Ctrl+Q in the live share panel did nothing). A key a
 * window already has for itself stays its own.
 *
 * <p>A modal window (a dialog: Export site, History, New event, Import schedule, a question) is
 * closed first, as its Close or Esc closes it, and so is each modal window under it: the work it
 * runs is cancelled or waited for first ({@link WorkBeforeQuit}), and a new event's form is left as
 * Cancel leaves it. A dialog that stays open (it refuses to close) keeps the app running. Such
 * windows had been left out, and Ctrl+Q there did nothing, saying nothing.
 *
 * <p>The action is looked up on the main stage each time the key is pressed: another notebook's
 * window made on the same stage (File → Open notebook) takes the key over from the one it replaces;
 * while there is none (between two notebooks), the key does nothing and closes nothing.
 */
final class OwnedWindowKeys {
  private OwnedWindowKeys() {}

  /**
   * From now on (until {@link #stop}), every window {@code main} owns, at any depth, runs {@code
   * action} on {@code key}; a modal one after closing itself and those it stands on ({@link
   * #closeDown}), the action being a quit.
   */
  static void follow(Stage main, KeyCombination key, Runnable action) {
    follow(main, key, action, true);
  }

  /**
   * As {@link #follow(Stage, KeyCombination, Runnable)}, but only windows beside the main one (the
   * live share panel, Now and next) take the key: a dialog keeps its own keys and is not closed for
   * it (Ctrl+J, which shows the REPL in the main window).
   */
  static void followInModeless(Stage main, KeyCombination key, Runnable action) {
    follow(main, key, action, false);
  }

  private static void follow(Stage main, KeyCombination key, Runnable action, boolean modal) {
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
                          && ownedBy(stage, main)
                          && (modal || stage.getModality() == Modality.NONE)) {
                        Runnable here =
                            stage.getModality() == Modality.NONE
                                ? pressed
                                : () -> {
                                  if (main.getProperties().get(slot(key)) instanceof Runnable) {
                                    // after the dialog's own wait for its answer has returned
                                    closeDown(stage, main, () -> Platform.runLater(pressed));
                                  }
                                };
                        give(stage.getScene(), key, here);
                        if (stage.getProperties().putIfAbsent(slot(key), Boolean.TRUE) == null) {
                          // once a window, however often it is shown again
                          stage
                              .sceneProperty()
                              .addListener((obs, old, scene) -> give(scene, key, here));
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

  /**
   * Closes {@code window} if it is modal, as its Close or Esc would (its work ended first, {@link
   * WorkBeforeQuit}), then the modal windows it stands on, down to {@code main}, then runs {@code
   * then}; stops, running nothing, at a window that stays open.
   */
  static void closeDown(Window window, Window main, Runnable then) {
    if (window == null || window == main) {
      then.run();
      return;
    }
    Window under = window instanceof Stage s ? s.getOwner() : null;
    Runnable next = () -> closeDown(under, main, then);
    if (!(window instanceof Stage stage) || stage.getModality() == Modality.NONE) {
      next.run(); // a window beside the main one blocks nothing: the quit closes it
      return;
    }
    WorkBeforeQuit.then(
        stage,
        () -> {
          if (stage.isShowing()) {
            Event.fireEvent(stage, new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
          }
          if (!stage.isShowing()) {
            next.run();
          }
        });
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
