package dev.talkbook.core.notebook;

/**
 * A problem a user can act on: the message says what went wrong, in the user's words, and (where it
 * helps) what to do. Thrown by the core; shown once, by whoever handles it (a dialog, the CLI).
 */
public class NotebookException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong without where (see {@link #reason()}); null when the message is all. */
  private final String reason;

  public NotebookException(String message) {
    super(message);
    this.reason = null;
  }

  public NotebookException(String message, Throwable cause) {
    super(message, cause);
    this.reason = null;
  }

  /**
   * @param reason what went wrong, without the file or the step the message names ("the disk is
   *     full. …"), for a place that shows those already (the window's status bar)
   */
  public NotebookException(String message, String reason, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** What went wrong, without the file or the step when the thrower told them apart. */
  public String reason() {
    return reason != null ? reason : getMessage();
  }
}
