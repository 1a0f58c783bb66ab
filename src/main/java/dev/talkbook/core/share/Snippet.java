package dev.talkbook.core.share;

/**
 * One piece of code the presenter ran, as the audience sees it: the code, what it printed or gave,
 * and how it ended. {@code id} is unique within one {@link LiveCode}.
 */
public record Snippet(long id, String code, String output, Status status) {

  /** How a snippet is doing. */
  public enum Status {
    /** Still running; its output grows. */
    RUNNING,
    /** Ran to its end. */
    DONE,
    /** Did not compile, or threw. */
    FAILED,
    /** Stopped, timed out, or its Java VM ended. */
    STOPPED;

    /** The name the page uses. */
    String css() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Snippet {
    code = code == null ? "" : code;
    output = output == null ? "" : output;
  }
}
