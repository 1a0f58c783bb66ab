package dev.talkbook.ui;

import dev.talkbook.core.store.NotesJournal;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * What the app has the main window say in its status bar: what the open did with the journals a
 * killed Talkbook left, a message from the open, a web address no browser opened.
 */
final class WindowNotices {
  private final StatusBar status;
  private final TalkScreen screen;

  WindowNotices(StatusBar status, TalkScreen screen) {
    this.status = status;
    this.screen = screen;
  }

  /**
   * Says, once the notes show, what the open did with the journals a killed Talkbook left ({@link
   * NotesJournal#recover}): typing put back, or a journal kept aside and why.
   */
  void tellRecovered(List<NotesJournal.Recovered> recovered) {
    if (recovered.isEmpty()) {
      return;
    }
    String said =
        recovered.stream().map(NotesJournal.Recovered::message).collect(Collectors.joining(" "));
    screen.whenTalkShown(
        () -> {
          // The caret (and the scroll) at the end of the typing put back into the talk shown.
          recovered.stream()
              .filter(r -> r.putBack() && r.end() >= 0)
              .reduce((first, second) -> second)
              .ifPresent(r -> screen.caretAt(r.talkId(), r.end()));
          if (recovered.stream().anyMatch(r -> r.keptIn() != null)) {
            status.showMessageUntilDismissed(said); // the only place that names the kept file
          } else {
            status.showMessage(said);
          }
        });
  }

  /**
   * Says {@code message} once the talk is shown (where the status bar cuts it, whole in its tooltip
   * and a click away).
   */
  void tell(String message) {
    screen.whenTalkShown(() -> status.showMessage(message));
  }

  /**
   * A web address the desktop could not open (no browser it knows of; {@code why} is logged): the
   * status bar says so and the address is on the clipboard, to paste into a browser. Returns the
   * words said, for a dialog that asked to show them too.
   */
  String linkNotOpened(String url, Throwable why) {
    System.getLogger(MainWindow.class.getName())
        .log(System.Logger.Level.INFO, "could not open " + url, why);
    ClipboardContent copy = new ClipboardContent();
    copy.putString(url);
    Clipboard.getSystemClipboard().setContent(copy);
    String said = "No browser opened " + url + ". The address is copied: paste it into a browser.";
    status.showMessage(said);
    return said;
  }
}
