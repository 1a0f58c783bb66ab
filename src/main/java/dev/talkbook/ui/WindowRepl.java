package dev.talkbook.ui;

import dev.talkbook.core.repl.ReplSession;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The Java REPL as the main window has it: once a session is attached, the Java menu ({@link
 * JavaMenu}) in the menu bar, live share following the session, and the notes' keys to run the code
 * block at the caret and to stop running code; closed with the window.
 */
final class WindowRepl {
  private final WindowParts parts;
  private final WindowLayout layout;
  private final WindowMenus menus;
  private final LiveShare share;
  private final TalkScreen screen;

  /** The Java menu; null until a session is attached. */
  private JavaMenu java;

  /** Takes the notes' run and stop keys now; they do nothing until a session is attached. */
  WindowRepl(
      WindowParts parts,
      WindowLayout layout,
      WindowMenus menus,
      LiveShare share,
      TalkScreen screen) {
    this.parts = parts;
    this.layout = layout;
    this.menus = menus;
    this.share = share;
    this.screen = screen;
    parts.editor().area().addEventFilter(KeyEvent.KEY_PRESSED, this::runBlockKey);
  }

  /** Docks the Java REPL under the window's content and adds the Java menu (built on first use). */
  void attach(ReplSession session) {
    share.followRepl(session);
    java = new JavaMenu(parts, layout.root(), layout.split(), session);
    menus.add(java.menu());
    // Shown again if it was as the window last closed, once the notes are up (not before the
    // window's first frame, which it would hold up).
    JavaMenu shown = java;
    screen.whenTalkShown(shown::showIfShownLastTime);
  }

  /** Closes the REPL's pane and windows, if a session was attached. */
  void close() {
    if (java != null) {
      java.close();
    }
  }

  /**
   * Ctrl+Shift+Enter in the notes runs the code block at the caret; Esc stops it (or Run all, or
   * any code that runs), and only then: with nothing running Esc is left to the notes.
   */
  private void runBlockKey(KeyEvent e) {
    if (java != null && e.getCode() == KeyCode.ENTER && e.isShortcutDown() && e.isShiftDown()) {
      java.runBlockAtCaret();
      e.consume();
    } else if (java != null
        && e.getCode() == KeyCode.ESCAPE
        && !e.isShortcutDown()
        && !e.isShiftDown()
        && !e.isAltDown()
        && java.stopIfRunning()) {
      e.consume();
    }
  }
}
