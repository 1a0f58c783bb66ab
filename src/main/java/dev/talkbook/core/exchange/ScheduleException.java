package dev.talkbook.core.exchange;

import dev.talkbook.core.notebook.NotebookException;

/**
 * A schedule that cannot be read or fetched: the message says what is wrong and what to do. Nothing
 * was changed in the notebook.
 */
public final class ScheduleException extends NotebookException {
  private static final long serialVersionUID = 1L;

  public ScheduleException(String message) {
    super(message);
  }

  public ScheduleException(String message, Throwable cause) {
    super(message, cause);
  }
}
