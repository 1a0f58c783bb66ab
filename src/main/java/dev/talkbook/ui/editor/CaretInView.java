package dev.talkbook.ui.editor;

import dev.talkbook.ui.common.UserInput;
import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.input.ScrollEvent;
import org.fxmisc.richtext.CodeArea;

/**
 * Keeps the caret of notes just opened in view while the window settles: their first layout is not
 * their last. A window started narrower than before lays the notes out first under the details'
 * fields two a row; then the details know their width, go one a row and take some six lines from
 * the notes, and a caret found in view the first time was below them. So each time the notes change
 * size, until the user presses a key or a mouse button in the window or turns the wheel over the
 * notes, they scroll as little as it takes to show the caret again. A resize after that is the
 * user's: the notes keep their scroll.
 */
final class CaretInView {
  private final CodeArea area;

  /** Whether the caret is kept in view as the notes change size. */
  private boolean kept;

  /** The user's keys and clicks in the notes' window since the caret was kept; null when none. */
  private UserInput input;

  /** The check waiting for the next layout, or null. */
  private Runnable waiting;

  CaretInView(CodeArea area) {
    this.area = area;
    area.sceneProperty()
        .addListener(
            (obs, old, now) -> {
              if (old != null && waiting != null) {
                old.removePostLayoutPulseListener(waiting);
                waiting = null;
              }
              if (kept) { // the window's first talk, loaded before the notes were in the window
                watch(now);
                showOnceLaidOut();
              }
            });
    area.layoutBoundsProperty()
        .addListener(
            (obs, old, now) -> {
              if (kept
                  && (old.getWidth() != now.getWidth() || old.getHeight() != now.getHeight())) {
                showOnceLaidOut();
              }
            });
    area.addEventFilter(ScrollEvent.SCROLL, e -> release()); // the wheel over the notes
  }

  /**
   * From now until the user acts in the window, shows the caret whenever it is out of view once the
   * notes are laid out: now, and after each change of their size.
   */
  void keep() {
    kept = true;
    watch(area.getScene());
    showOnceLaidOut();
  }

  /** The caret is no longer kept in view (notes opened at their start, or above the caret). */
  void release() {
    kept = false;
    watch(null);
  }

  private void watch(Scene scene) {
    if (input != null) {
      input.stop();
    }
    input = scene == null ? null : UserInput.watch(scene);
  }

  /**
   * Once the area has laid out what it was asked to show, scrolls as little as it takes to show the
   * caret if it is not in view (asked at once, the area would scroll from the notes shown before).
   */
  private void showOnceLaidOut() {
    Scene scene = area.getScene();
    if (scene == null || waiting != null) {
      return; // checked once the notes are in a window, or a check waits for the layout already
    }
    Runnable check =
        new Runnable() {
          @Override
          public void run() {
            if (area.getVisibleParagraphs().isEmpty() && area.getLength() > 0) {
              Platform.requestNextPulse();
              return; // not laid out yet: the next pulse
            }
            scene.removePostLayoutPulseListener(this);
            waiting = null;
            if (input != null && input.happened()) {
              release();
            } else if (kept && !shown()) {
              area.requestFollowCaret();
            }
          }
        };
    waiting = check;
    scene.addPostLayoutPulseListener(check);
    Platform.requestNextPulse();
  }

  /**
   * Whether the caret's line is whole in the area's view: the character before the caret at the end
   * of a line, else the one after it (the caret itself is not drawn while the notes lack focus).
   */
  private boolean shown() {
    Bounds view = area.localToScreen(area.getBoundsInLocal());
    int par = area.getCurrentParagraph();
    int length = area.getParagraphLength(par);
    Optional<Bounds> line;
    if (length == 0) {
      line = area.getParagraphBoundsOnScreen(par);
    } else {
      int from = area.getAbsolutePosition(par, Math.min(area.getCaretColumn(), length - 1));
      line = area.getCharacterBoundsOnScreen(from, from + 1);
    }
    return view != null
        && line.filter(
                b -> b.getMinY() >= view.getMinY() - 0.5 && b.getMaxY() <= view.getMaxY() + 0.5)
            .isPresent();
  }
}
