package dev.talkbook.ui.editor;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import org.fxmisc.richtext.GenericStyledArea;

/**
 * Keeps the notes' lines from being drawn over each other after their size changes.
 *
 * <p>The area's virtual flow (Flowless) remembers the height of each line it shows and measures a
 * line again only when that line's own layout is dirty. When the font size and the window change
 * together (presenter mode: the text grows, the navigator goes, the window goes full screen), it
 * kept heights from the layout in between: measured on GTK, every line in sight 15 px high where
 * its text needs 26, so lines overlapped and the blank lines between them vanished until scrolled
 * away. After each layout that follows a change of the area's size or style, a line laid out at
 * another height than its own is marked for layout, which makes the flow measure it again in the
 * next pulse.
 */
final class LineHeights {
  private final GenericStyledArea<?, ?, ?> area;
  private String seen = "";
  private int checks; // layouts left to check after the last change

  /** How many layouts after a change are checked: the flow settles within two or three. */
  private static final int LAYOUTS = 6;

  private LineHeights(GenericStyledArea<?, ?, ?> area) {
    this.area = area;
  }

  /** Watches {@code area}'s lines from when it is in a scene. */
  static void keep(GenericStyledArea<?, ?, ?> area) {
    LineHeights heights = new LineHeights(area);
    Runnable check = heights::afterLayout;
    area.sceneProperty()
        .addListener(
            (obs, old, scene) -> {
              if (old != null) {
                old.removePostLayoutPulseListener(check);
              }
              if (scene != null) {
                scene.addPostLayoutPulseListener(check);
              }
            });
    Scene scene = area.getScene();
    if (scene != null) {
      scene.addPostLayoutPulseListener(check);
    }
  }

  private void afterLayout() {
    String now = area.getWidth() + "x" + area.getHeight() + " " + area.getStyle();
    if (!now.equals(seen)) {
      seen = now;
      checks = LAYOUTS;
    }
    if (checks == 0) {
      return;
    }
    checks--;
    boolean remeasured = false;
    for (Node line : area.lookupAll(".paragraph-box")) {
      if (line instanceof Region box && box.isVisible() && box.getParent() != null) {
        double own = box.prefHeight(box.getWidth());
        if (Math.abs(box.getHeight() - own) > 0.5) {
          ((Parent) box).requestLayout();
          remeasured = true;
        }
      }
    }
    if (remeasured) {
      checks = Math.max(checks, 2);
      javafx.application.Platform.requestNextPulse();
    }
  }
}
