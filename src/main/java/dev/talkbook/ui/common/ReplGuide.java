package dev.talkbook.ui.common;

import java.util.List;

/**
 * The words of the REPL toolbar's state while someone guides the user through code (presenter
 * mode's script): what to do next, in place of the pane's own "Ready" and "Running…". Each list of
 * forms is longest first, for a narrow toolbar. Presenter mode gives one, the REPL pane shows it;
 * neither knows the other.
 */
public interface ReplGuide {
  /** How the last run ended, as the REPL's toolbar tells it once the REPL waits again. */
  enum After {
    /** Nothing to say of it: it ran, or nothing ran yet, or a restart. */
    RAN,
    /** It failed (a compile error, an exception, a time limit): put it right and run it again. */
    FAILED,
    /** It was stopped on request (Esc, Stop), its code still in the input. */
    STOPPED,
    /**
     * It ended the JVM that ran it ({@code System.exit}, {@code Runtime.halt}, a crash): not the
     * code's failure to say "fix it" about; a new JVM runs the definitions again.
     */
    ENDED_JAVA
  }

  /**
   * When the REPL waits for input: after a run ({@code after} says how it ended), a restart, or
   * whenever the guide is set.
   */
  List<String> ready(After after);

  /** While {@code code} runs. */
  List<String> running(String code);
}
