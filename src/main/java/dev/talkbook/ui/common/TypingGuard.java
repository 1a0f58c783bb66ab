package dev.talkbook.ui.common;

import java.time.Duration;
import java.util.function.LongSupplier;
import javafx.event.EventHandler;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;

/**
 * Keeps a message that pops up while the user types from being answered by the typing: the keys of
 * a burst that began before it showed (each within {@link #QUIET} of the one before, or of the
 * message showing) are swallowed, so a typed Space or Enter does not press its focused or default
 * button; after a pause the keys work as usual. The mouse always does.
 */
final class TypingGuard implements EventHandler<KeyEvent> {
  /** The pause after which a key is taken as meant for the message. */
  static final Duration QUIET = Duration.ofMillis(500);

  private final LongSupplier nanoTime;
  private long last;
  private boolean swallowing;

  TypingGuard(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /** Guards {@code window}'s keys from now on (call as it shows). */
  static void install(Window window, LongSupplier nanoTime) {
    TypingGuard guard = new TypingGuard(nanoTime);
    guard.last = nanoTime.getAsLong();
    guard.swallowing = true;
    window.addEventFilter(KeyEvent.ANY, guard);
  }

  @Override
  public void handle(KeyEvent e) {
    if (e.getEventType() == KeyEvent.KEY_PRESSED) {
      long now = nanoTime.getAsLong();
      swallowing = swallowing && now - last < QUIET.toNanos();
      last = now;
    }
    if (swallowing) {
      e.consume();
    }
  }
}
