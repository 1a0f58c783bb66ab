package dev.talkbook.ui.presenter;

import dev.talkbook.core.markdown.Fences;
import java.util.List;
import java.util.regex.Pattern;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.util.Duration;
import org.fxmisc.richtext.GenericStyledArea;

/**
 * Keeps the line the notes' caret is on in sight while presenter mode changes the layout around the
 * notes: entering makes the text larger, folds the details and gives the REPL half the window;
 * leaving puts all of it back over a few pulses (and full screen comes and goes a moment later).
 * Each time the notes' size or font has changed after a layout, a caret line that is no longer in
 * sight is shown again, under its section's heading when both fit. A scroll of the user's own, with
 * the notes' size steady, is left alone; after a few seconds it stops watching.
 */
final class CaretInSight {
  /** Long enough for a window manager to make the window full screen, or to undo that. */
  private static final Duration WATCH = Duration.seconds(3);

  private static final Pattern HEADING = Pattern.compile(" {0,3}#{1,6}(?:[ \\t].*)?");

  /** How many lines may stand above the caret's when its section's heading is not in reach. */
  private static final int ABOVE = 2;

  private final GenericStyledArea<?, ?, ?> area;
  private Scene scene;
  private Runnable afterLayout;
  private PauseTransition giveUp;
  private String seen; // the notes' size and font at the last look
  private boolean check;

  CaretInSight(GenericStyledArea<?, ?, ?> area) {
    this.area = area;
  }

  /** Watches the layouts of the next few seconds, from the next one on. */
  void keep() {
    stop();
    scene = area.getScene();
    if (scene == null) {
      return;
    }
    seen = null;
    afterLayout = this::afterLayout;
    scene.addPostLayoutPulseListener(afterLayout);
    Platform.requestNextPulse();
    giveUp = new PauseTransition(WATCH);
    giveUp.setOnFinished(e -> stop());
    giveUp.play();
  }

  void stop() {
    if (afterLayout != null) {
      scene.removePostLayoutPulseListener(afterLayout);
      afterLayout = null;
    }
    if (giveUp != null) {
      giveUp.stop();
      giveUp = null;
    }
  }

  private void afterLayout() {
    if (area.getScene() == null || area.getParagraphs().isEmpty()) {
      return;
    }
    String now = area.getWidth() + "x" + area.getHeight() + " " + area.getStyle();
    boolean changed = !now.equals(seen);
    seen = now;
    if (!changed && !check) {
      return;
    }
    boolean again = check; // a second look after showing it: the lines' heights are known now
    check = false;
    if (shown()) {
      return;
    }
    if (again) {
      area.requestFollowCaret();
    } else {
      int paragraph = area.getCurrentParagraph();
      int heading = headingAbove(paragraph);
      int lines = Math.max(1, area.getVisibleParagraphs().size());
      int top =
          heading >= 0 && paragraph - heading < lines - 1
              ? heading
              : Math.max(0, paragraph - ABOVE);
      area.showParagraphAtTop(top);
      check = true;
    }
    Platform.requestNextPulse();
  }

  /**
   * Brings the lines of {@code [start, end)} (a block of the script) into sight, under their
   * section's heading when both fit, or two lines below the top; nothing when they are in sight.
   */
  void showBlock(int start, int end) {
    if (area.getParagraphs().isEmpty()) {
      return;
    }
    int first =
        area.offsetToPosition(start, org.fxmisc.richtext.model.TwoDimensional.Bias.Forward)
            .getMajor();
    int last =
        area.offsetToPosition(
                Math.max(start, end - 1), org.fxmisc.richtext.model.TwoDimensional.Bias.Backward)
            .getMajor();
    int lines = area.getVisibleParagraphs().size();
    if (lines > 0
        && area.firstVisibleParToAllParIndex() <= first
        && last < area.lastVisibleParToAllParIndex()) {
      return;
    }
    int heading = headingAbove(first);
    int room = Math.max(1, lines);
    int top = heading >= 0 && last - heading < room - 1 ? heading : Math.max(0, first - ABOVE);
    area.showParagraphAtTop(top);
  }

  /** Whether the caret is drawn inside the notes' viewport, whole. */
  private boolean shown() {
    Bounds caret = area.getCaretBounds().orElse(null);
    Bounds view = area.localToScreen(area.getLayoutBounds());
    return caret != null
        && view != null
        && caret.getMinY() >= view.getMinY() - 0.5
        && caret.getMaxY() <= view.getMaxY() + 0.5;
  }

  /**
   * The paragraph of the heading of {@code paragraph}'s section, looked for among the lines a
   * screen could show above it (a line in a code block is no heading); -1 when none is there.
   */
  private int headingAbove(int paragraph) {
    int from = Math.max(0, paragraph - Math.max(1, area.getVisibleParagraphs().size()));
    int start = area.getAbsolutePosition(from, 0);
    int end = area.getAbsolutePosition(paragraph, area.getParagraphLength(paragraph));
    // The fences are read from the notes' start: a fence opened far above still makes code.
    List<Fences.Block> blocks = Fences.blocks(area.getText(0, end));
    for (int p = paragraph; p >= from; p--) {
      int at = area.getAbsolutePosition(p, 0);
      if (at >= start
          && HEADING.matcher(area.getText(p)).matches()
          && blocks.stream().noneMatch(b -> b.start() <= at && at < b.end())) {
        return p;
      }
    }
    return -1;
  }
}
