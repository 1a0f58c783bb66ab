package dev.talkbook.core.store;

import dev.talkbook.core.notebook.NotebookException;
import java.nio.file.Path;

/**
 * A notebook file that cannot be opened. The message names the file, says what is wrong and what to
 * do; {@link #problem()} lets a window offer the right choices. The file is left untouched.
 */
public final class NotebookOpenException extends NotebookException {
  private static final long serialVersionUID = 1L;

  /** What is wrong with the file. */
  public enum Problem {
    NOT_FOUND,
    NOT_A_FILE,
    UNREADABLE,
    EMPTY,
    NOT_SQLITE,
    FOREIGN,
    TRUNCATED,
    CORRUPT,
    /**
     * A notebook whose start (its header, page 1) is damaged, the rest still there: {@link
     * Notebook#saveNotesOf} saves its notes into a new notebook ({@code talkbook check --repair}).
     */
    DAMAGED_START,
    /**
     * Only an index is damaged: the data reads fine, and {@link Notebook#rebuildFromData} makes the
     * notebook again from it ({@code talkbook check --repair}, or Repair in the window).
     */
    INDEX_DAMAGED,
    TOO_NEW,
    READ_ONLY,
    LOCKED,
    /** Opened read-only, but written by an older Talkbook: only a writable open upgrades it. */
    NEEDS_UPGRADE,
    /**
     * Held by another Talkbook and written by an older one: it must be upgraded, which needs its
     * lock, so neither a writable nor a read-only open can go on until the other one closes it.
     */
    LOCKED_NEEDS_UPGRADE,
    /** The disk is full: opening needs a little space (to finish a write, or to create it). */
    DISK_FULL
  }

  private final transient Path file;
  private final Problem problem;
  private final String whatIsWrong;

  public NotebookOpenException(Path file, Problem problem, String whatIsWrong, String whatToDo) {
    this(file, problem, whatIsWrong, whatToDo, null);
  }

  public NotebookOpenException(
      Path file, Problem problem, String whatIsWrong, String whatToDo, Throwable cause) {
    super(
        "Cannot open notebook "
            + file
            + ": "
            + whatIsWrong
            + (whatToDo == null ? "" : " " + whatToDo),
        cause);
    this.file = file;
    this.problem = problem;
    this.whatIsWrong = whatIsWrong;
  }

  /** The part of the message that says what is wrong, without the file and what to do. */
  public String whatIsWrong() {
    return whatIsWrong;
  }

  public Path file() {
    return file;
  }

  public Problem problem() {
    return problem;
  }
}
