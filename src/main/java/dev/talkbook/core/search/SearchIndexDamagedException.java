package dev.talkbook.core.search;

import dev.talkbook.core.notebook.NotebookException;

/**
 * The notebook's full-text search index is damaged. The notes are not: the index is made from them
 * and can be rebuilt ({@code talkbook check --repair}, or the window's offer).
 */
public final class SearchIndexDamagedException extends NotebookException {
  private static final long serialVersionUID = 1L;

  public SearchIndexDamagedException(String message, Throwable cause) {
    super(message, cause);
  }
}
