package dev.talkbook.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The warnings JavaFX's CSS logs while watched: a look-up of a colour no sheet of the scene defines
 * ("Could not resolve '-tb-muted'"), a value that is not of its property's type. A view shown in a
 * scene without the app's sheet logs them; the window never should.
 */
public final class CssWarnings implements AutoCloseable {
  /**
   * Kept here: the logging keeps its loggers only weakly, and a handler on a new one sees nothing.
   */
  private static final Logger CSS = Logger.getLogger("javafx.css");

  private final List<String> seen = new CopyOnWriteArrayList<>();
  private final Handler handler =
      new Handler() {
        private final SimpleFormatter format = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
          if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            seen.add(format.formatMessage(record));
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private CssWarnings() {
    CSS.addHandler(handler);
  }

  /** Starts watching; {@link #close} stops. */
  public static CssWarnings watch() {
    return new CssWarnings();
  }

  /** The warnings logged so far, each as its message says it. */
  public List<String> seen() {
    return List.copyOf(seen);
  }

  @Override
  public void close() {
    CSS.removeHandler(handler);
  }
}
