package dev.talkbook.ui;

import dev.talkbook.core.common.Counts;
import dev.talkbook.ui.common.HeldKeys;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * Keys typed for a talk that could then not be opened (Go to talk, or a letter on the navigator's
 * row: deleted meanwhile, the talk left could not be saved, a read error) are dropped, not sent
 * into the talk left; the text they typed is not dropped with them. It goes on the clipboard, and
 * the status bar says so, with the text, until dismissed: before, it was taken out of the journal
 * and said nowhere, a sentence typed gone without a word.
 */
final class TypedAheadKept {
  private TypedAheadKept() {}

  /**
   * {@code journal} (the talk's, {@code OpenTalk.typedAhead}), whose text, should the keys be
   * dropped, goes on the clipboard and is said in {@code status}.
   */
  static HeldKeys.Ahead of(HeldKeys.Ahead journal, StatusBar status) {
    return new HeldKeys.Ahead() {
      @Override
      public void typed(String text) {
        journal.typed(text);
      }

      @Override
      public void gone() {
        journal.gone();
      }

      @Override
      public void dropped(String text) {
        journal.gone();
        status.showMessageUntilDismissed(said(status.messageShown(), text, copy(text)));
      }
    };
  }

  /**
   * What the status bar says of {@code text}, typed for a talk that could not be opened, after
   * {@code before} (why, said already; null for nothing).
   */
  static String said(String before, String text, boolean copied) {
    String shown = text.length() > 80 ? text.substring(0, 80) + "…" : text;
    shown = shown.replace("\n", " ⏎ ");
    return (before == null || before.isBlank() ? "" : before.strip() + " ")
        + "What you typed for it ("
        + Counts.of(text.length(), "character")
        + ", “"
        + shown
        + "”) went into no talk"
        + (copied
            ? ": it is on the clipboard, paste it where it belongs."
            : "; the clipboard could not take it, so type it again.");
  }

  private static boolean copy(String text) {
    try {
      ClipboardContent content = new ClipboardContent();
      content.putString(text);
      return Clipboard.getSystemClipboard().setContent(content);
    } catch (RuntimeException e) {
      return false;
    }
  }
}
