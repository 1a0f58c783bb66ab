package dev.talkbook.ui.presenter;

import java.util.List;

/**
 * A talk's prepared script: its {@code ```java} blocks in order. Page Down puts the next snippet
 * into the REPL's input, a second Page Down runs it; Page Up goes back one. No controls: tested
 * without a toolkit.
 */
public final class ScriptQueue {

  /** What a key press asks the REPL pane to do. */
  public sealed interface Step {}

  /** Put this snippet into the input. */
  public record Load(String code) implements Step {}

  /** Run what is in the input. */
  public record Run() implements Step {}

  /** Nothing more to do: at an end of the script. */
  public record Nothing() implements Step {}

  private final List<String> snippets;
  private int next;
  private boolean loaded;

  public ScriptQueue(List<String> snippets) {
    this.snippets = List.copyOf(snippets);
  }

  public int size() {
    return snippets.size();
  }

  /** Page Down. */
  public Step forward() {
    if (loaded) {
      loaded = false;
      next++;
      return new Run();
    }
    if (next >= snippets.size()) {
      return new Nothing();
    }
    loaded = true;
    return new Load(snippets.get(next));
  }

  /** Page Up: the snippet before the one loaded (or last run) goes into the input. */
  public Step back() {
    int target = next - 1;
    if (target < 0) {
      return new Nothing();
    }
    next = target;
    loaded = true;
    return new Load(snippets.get(next));
  }

  /** Where the script stands, for the screen: "snippet 2 of 5 loaded", "next: 3 of 5". */
  public String position() {
    if (snippets.isEmpty()) {
      return "This talk has no ```java blocks";
    }
    if (loaded) {
      return "Snippet " + (next + 1) + " of " + snippets.size() + ": Page Down runs it";
    }
    if (next >= snippets.size()) {
      return "End of the script (" + snippets.size() + " snippets)";
    }
    return "Next: snippet " + (next + 1) + " of " + snippets.size() + " (Page Down)";
  }
}
