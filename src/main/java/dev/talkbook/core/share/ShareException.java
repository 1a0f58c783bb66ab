package dev.talkbook.core.share;

import dev.talkbook.core.notebook.NotebookException;

/** Sharing cannot start or go on, with a message the user can act on. */
public final class ShareException extends NotebookException {
  public ShareException(String message) {
    super(message);
  }

  public ShareException(String message, Throwable cause) {
    super(message, cause);
  }
}
