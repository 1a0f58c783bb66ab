package dev.talkbook.ui.preview;

import javafx.application.Platform;
import org.fxmisc.richtext.GenericStyledArea;

/**
 * Keeps the editor and the preview at the same place, both ways, by source line: scrolling the
 * editor scrolls the preview to its first visible line; scrolling the preview shows the line at the
 * page's top at the editor's top (the caret stays where it is). A scroll one side caused in the
 * other is not echoed back.
 */
public final class ScrollSync {
  private static final long ECHO_MS = 250;

  private final GenericStyledArea<?, ?, ?> area;
  private final PreviewView preview;
  private long editorFollowsUntil;
  private boolean scheduled;
  private int lastSent = -1;

  /**
   * The editor scrolled while its lines were not laid out (new notes put in, a talk opened): told
   * the page once they are. Dropped, the page stayed where the talk before had left it, and its
   * next scroll event put the new talk's editor there (at its end, the caret out of sight).
   */
  private boolean awaitingLayout;

  private ScrollSync(GenericStyledArea<?, ?, ?> area, PreviewView preview) {
    this.area = area;
    this.preview = preview;
  }

  /** Starts syncing {@code area} and {@code preview}. */
  public static ScrollSync install(GenericStyledArea<?, ?, ?> area, PreviewView preview) {
    ScrollSync sync = new ScrollSync(area, preview);
    area.estimatedScrollYProperty().addListener((obs, old, y) -> sync.editorScrolled());
    area.getVisibleParagraphs()
        .addListener(
            (javafx.collections.ListChangeListener.Change<?> change) -> {
              if (sync.awaitingLayout && !area.getVisibleParagraphs().isEmpty()) {
                sync.awaitingLayout = false;
                sync.editorScrolled();
              }
            });
    preview.onScrolled(sync::previewScrolled);
    return sync;
  }

  private void editorScrolled() {
    if (scheduled) {
      return;
    }
    scheduled = true;
    Platform.runLater(
        () -> {
          scheduled = false;
          if (System.currentTimeMillis() < editorFollowsUntil) {
            return;
          }
          if (area.getVisibleParagraphs().isEmpty()) {
            awaitingLayout = true;
            return;
          }
          int line = area.firstVisibleParToAllParIndex();
          if (line != lastSent) {
            lastSent = line;
            preview.scrollToLine(line);
          }
        });
  }

  private void previewScrolled(int line) {
    if (line < 0 || line >= area.getParagraphs().size()) {
      return;
    }
    editorFollowsUntil = System.currentTimeMillis() + ECHO_MS;
    lastSent = line;
    area.showParagraphAtTop(line);
  }

  /** Shows this line at the top of both the editor and the preview, and puts the caret there. */
  public void jumpTo(int line) {
    int par = Math.max(0, Math.min(line, area.getParagraphs().size() - 1));
    editorFollowsUntil = System.currentTimeMillis() + ECHO_MS;
    lastSent = par;
    area.moveTo(par, 0);
    area.showParagraphAtTop(par);
    area.requestFocus();
    preview.scrollToLine(par);
  }
}
