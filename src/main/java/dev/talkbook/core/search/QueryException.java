package dev.talkbook.core.search;

import dev.talkbook.core.notebook.NotebookException;

/** A search the user typed that cannot be run; the message says what to change. */
public final class QueryException extends NotebookException {
  private static final long serialVersionUID = 1L;

  public QueryException(String message) {
    super(message);
  }
}
