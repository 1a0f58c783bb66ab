package dev.talkbook.core.notebook;

import java.time.Instant;

/**
 * A kept earlier state of a talk's notes. {@code savedAt} is when that text was saved; {@code
 * reason} says why it was kept.
 */
public record Revision(long id, long talkId, Instant savedAt, Reason reason, String body) {

  /** Why a revision was kept. */
  public enum Reason {
    /** Autosave, after a pause of more than the revision interval. */
    AUTOSAVE,
    /** The user left the talk or closed the notebook. */
    CHECKPOINT,
    /** The text as it was just before a restore, so the restore can be undone. */
    BEFORE_RESTORE,
    /** The text a restore brought back. */
    RESTORED,
    /**
     * Saved by a {@code talkbook} command ({@code talk edit}, {@code run --write}), not in the
     * window. Stored as "command" in the reason column, which has no constraint: no schema change.
     */
    COMMAND,
    /**
     * The notes the talk was added with ({@code talkbook sample}, an import, {@code talk add
     * --notes-file}), kept when they are first changed. Stored as "added" (no schema change).
     */
    ADDED;

    public String label() {
      return switch (this) {
        case AUTOSAVE -> "autosave";
        case CHECKPOINT -> "checkpoint";
        case BEFORE_RESTORE -> "before restore";
        case RESTORED -> "restored";
        case COMMAND -> "command";
        case ADDED -> "as added";
      };
    }

    /**
     * The reason stored as {@code stored} (a lower-case name); a reason this version does not know
     * (written by a later one) reads as a checkpoint rather than making the talk's history
     * unreadable.
     */
    public static Reason ofStored(String stored) {
      for (Reason r : values()) {
        if (r.name().equalsIgnoreCase(stored)) {
          return r;
        }
      }
      return CHECKPOINT;
    }
  }
}
