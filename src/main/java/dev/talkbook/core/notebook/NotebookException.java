package dev.talkbook.core.notebook;

/**
 * A problem a user can act on: the message says what went wrong, in the user's words, and (where it
 * helps) what to do. Thrown by the core; shown once, by whoever handles it (a dialog, the CLI).
 */
public class NotebookException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NotebookException(String message) {
    super(message);
  }

  public NotebookException(String message, Throwable cause) {
    super(message, cause);
  }
}
