package dev.talkbook.core.notebook;

/**
 * Something the user named (an event, a talk, a revision, an attachment) is not in the notebook.
 */
public final class NotFoundException extends NotebookException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }
}
