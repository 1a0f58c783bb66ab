package dev.talkbook.core.site;

import dev.talkbook.core.notebook.NotebookException;

/** An export or import that cannot go on, with a message the user can act on. */
public final class SiteException extends NotebookException {
  public SiteException(String message) {
    super(message);
  }

  public SiteException(String message, Throwable cause) {
    super(message, cause);
  }
}
