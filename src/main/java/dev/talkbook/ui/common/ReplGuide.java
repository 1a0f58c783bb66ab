package dev.talkbook.ui.common;

import java.util.List;

/**
 * The words of the REPL toolbar's state while someone guides the user through code (presenter
 * mode's script): what to do next, in place of the pane's own "Ready" and "Running…". Each list of
 * forms is longest first, for a narrow toolbar. Presenter mode gives one, the REPL pane shows it;
 * neither knows the other.
 */
public interface ReplGuide {
  /**
   * When the REPL waits for input: after a run ({@code failed}: that run failed; {@code stopped}:
   * it was stopped on request (Esc), its code still in the input), a restart, or whenever the guide
   * is set.
   */
  List<String> ready(boolean failed, boolean stopped);

  /** While {@code code} runs. */
  List<String> running(String code);
}
