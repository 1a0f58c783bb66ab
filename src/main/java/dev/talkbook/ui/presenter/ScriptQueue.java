package dev.talkbook.ui.presenter;

import dev.talkbook.core.repl.NoteCode;
import dev.talkbook.ui.common.Keys;
import java.util.List;
import java.util.Optional;

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

  /** The REPL's key that runs its input, as the platform writes it. */
  private static final String RUN_KEY = Keys.shown("Shortcut+Enter");

  private final List<String> snippets;
  private final List<Integer> offsets;
  private final List<Integer> ends;
  private int next;
  private boolean loaded;

  /** The snippet the last {@link #forward()} that ran ran (from 0), -1 when none since a move. */
  private int ran = -1;

  public ScriptQueue(List<String> snippets) {
    this(snippets, snippets.stream().map(s -> 0).toList(), snippets.stream().map(s -> 0).toList());
  }

  private ScriptQueue(List<String> snippets, List<Integer> offsets, List<Integer> ends) {
    this.snippets = List.copyOf(snippets);
    this.offsets = List.copyOf(offsets);
    this.ends = List.copyOf(ends);
  }

  /** The script of these notes: their {@code ```java} blocks, each with where it starts. */
  public static ScriptQueue of(String notes) {
    List<NoteCode.Block> blocks = NoteCode.javaBlocks(notes);
    return new ScriptQueue(
        blocks.stream().map(NoteCode.Block::code).toList(),
        blocks.stream().map(NoteCode.Block::start).toList(),
        blocks.stream().map(NoteCode.Block::end).toList());
  }

  /**
   * The script of these notes from the caret on: the next snippet is the first block the caret is
   * in or before (Page Up loads the one before it); past the last block, the script is at its end.
   */
  public static ScriptQueue of(String notes, int caret) {
    ScriptQueue script = of(notes);
    script.moveTo(caret);
    return script;
  }

  /**
   * Makes the first block at or after {@code caret} (the one it is in, else the next) the next
   * snippet, none loaded.
   */
  public void moveTo(int caret) {
    int index = 0;
    while (index < ends.size() && ends.get(index) <= caret) {
      index++;
    }
    next = index;
    loaded = false;
    ran = -1;
  }

  /** Which snippet the next Page Down loads, from 0; {@link #size()} at the end of the script. */
  public int nextIndex() {
    return loaded ? next + 1 : next;
  }

  /** Whether {@code other} holds the same snippets in the same order. */
  public boolean sameSnippets(ScriptQueue other) {
    return snippets.equals(other.snippets);
  }

  /** The snippet the next Page Down that loads will put in the input, if any is left. */
  public Optional<String> upcoming() {
    int index = loaded ? next + 1 : next;
    return index < snippets.size() ? Optional.of(snippets.get(index)) : Optional.empty();
  }

  /**
   * The snippet the next Page Down acts on: the one loaded (it runs it), else the one it loads;
   * none at the end of the script.
   */
  public Optional<String> forPageDown() {
    return next < snippets.size() ? Optional.of(snippets.get(next)) : Optional.empty();
  }

  /** Whether a snippet is loaded (Page Down runs it). */
  public boolean isLoaded() {
    return loaded;
  }

  /**
   * Where in the notes the snippet in play starts (the loaded one, else the next): the speaker
   * notes follow it. -1 when the script is empty.
   */
  public int offsetInNotes() {
    if (snippets.isEmpty()) {
      return -1;
    }
    return offsets.get(Math.min(next, snippets.size() - 1));
  }

  public int size() {
    return snippets.size();
  }

  /**
   * Where the notes' caret stands to follow the script, -1 when the script is empty: at the start
   * of the loaded snippet's block, else just after the block before the next (the one that ran),
   * else at the first block. A script made again from there ({@link #of(String, int)}) goes on with
   * the same snippet: leaving presenter mode and coming back had started again at the top.
   */
  public int caretInNotes() {
    if (snippets.isEmpty()) {
      return -1;
    }
    if (loaded || next == 0) {
      return offsets.get(Math.min(next, snippets.size() - 1));
    }
    return ends.get(next - 1);
  }

  /**
   * The block the audience is to see in the notes, {@code [start, end)}: the loaded snippet's, else
   * the one before the next (that ran), else the first; empty when the script is.
   */
  public Optional<int[]> blockInPlay() {
    if (snippets.isEmpty()) {
      return Optional.empty();
    }
    int index = loaded || next == 0 ? Math.min(next, snippets.size() - 1) : next - 1;
    return Optional.of(new int[] {offsets.get(index), ends.get(index)});
  }

  /**
   * The next snippet counts as loaded when {@code input} holds it already (presenter mode left with
   * a snippet loaded and entered again): Page Down runs it, rather than loading it a second time
   * and keeping the first in the history. True when it does.
   */
  public boolean takeLoaded(String input) {
    if (loaded
        || next >= snippets.size()
        || input == null
        || input.isBlank()
        || !input.strip().equals(snippets.get(next).strip())) {
      return false;
    }
    loaded = true;
    return true;
  }

  /** Page Down. */
  public Step forward() {
    if (loaded) {
      loaded = false;
      ran = next;
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
    ran = -1;
    return new Load(snippets.get(next));
  }

  /** Where the script stands, for the screen: "snippet 2 of 5 loaded", "next: 3 of 5". */
  public String position() {
    return positionForms().get(0);
  }

  /**
   * Where the script stands, whole first and then ever shorter forms for a narrow toolbar: each
   * still says which snippet is next or loaded, and of how many, and the whole form which key does
   * what comes next (or that nothing comes).
   */
  public List<String> positionForms() {
    if (snippets.isEmpty()) {
      return List.of(
          "This talk has no ```java blocks: " + RUN_KEY + " runs what you type",
          "No ```java blocks: " + RUN_KEY + " runs",
          "No ```java blocks",
          "No snippets");
    }
    int n = snippets.size();
    if (loaded) {
      int at = next + 1;
      return List.of(
          "Snippet " + at + " of " + n + ": Page Down runs it",
          "Snippet " + at + " of " + n + " loaded",
          "Loaded " + at + " of " + n,
          "Run " + at + "/" + n);
    }
    if (next >= n) {
      // The key before the words: presenter mode opens here when the caret is past the last block
      // (where typing left it), and at 1366 px its toolbar showed "End of the script: no more
      // snippets", which read like an error at the start of a talk and did not say what to press.
      return List.of(
          "End of the script: no more snippets (Page Up goes back)",
          "No more snippets (Page Up goes back)",
          "No more snippets",
          "End");
    }
    int at = next + 1;
    return List.of(
        "Next: snippet " + at + " of " + n + " (Page Down)",
        "Next: snippet " + at + " of " + n,
        "Next: " + at + " of " + n,
        "Next " + at + "/" + n);
  }

  /**
   * While the loaded snippet is being typed in: which one, and that Page Down puts the rest in at
   * once (the Page Down after that runs it).
   */
  public List<String> typingForms() {
    if (!loaded) {
      return positionForms();
    }
    int at = next + 1;
    int n = snippets.size();
    return List.of(
        "Typing snippet " + at + " of " + n + ": Page Down shows it whole",
        "Typing snippet " + at + " of " + n,
        "Typing " + at + " of " + n,
        "Typing " + at + "/" + n);
  }

  /**
   * While code runs: the snippet the last Page Down ran ({@code fromScript}), else the presenter's
   * own code; and that Esc stops it.
   */
  public List<String> runningForms(boolean fromScript) {
    if (fromScript && ran >= 0) {
      int at = ran + 1;
      int n = snippets.size();
      return List.of(
          "Running snippet " + at + " of " + n + ": Esc stops it",
          "Running snippet " + at + " of " + n,
          "Running " + at + " of " + n,
          "Running…");
    }
    return List.of("Running your code: Esc stops it", "Running: Esc stops it", "Running…");
  }

  /**
   * After code stopped on request (Esc, Stop): not the code's failure, and it is still in the input
   * to be run again, or Page Down goes on with the next snippet.
   */
  public List<String> stoppedForms() {
    String again = "Stopped: " + RUN_KEY + " runs it again";
    if (snippets.isEmpty()) {
      return List.of(again, "Stopped");
    }
    if (loaded || next >= snippets.size()) {
      return List.of(again + " · " + positionForms().get(1), again, "Stopped", "Stopped");
    }
    int at = next + 1;
    int n = snippets.size();
    return List.of(
        again + ", or Page Down for snippet " + at + " of " + n,
        "Stopped: run again, or Page Down for " + at + " of " + n,
        "Stopped · next " + at + " of " + n,
        "Stopped · " + at + "/" + n);
  }

  /**
   * After code that ended its Java VM ({@code System.exit}): it did not fail, Java was started
   * again with the definitions, and the code is still in the input; or Page Down goes on.
   */
  public List<String> endedJavaForms() {
    String ended = "That ended Java: a new Java VM is ready";
    if (snippets.isEmpty()) {
      return List.of(ended, "Java ended: a new one is ready", "Java ended");
    }
    if (loaded || next >= snippets.size()) {
      return List.of(
          ended + " · " + positionForms().get(1),
          "Java ended: a new one is ready",
          "Java ended",
          "Java ended");
    }
    int at = next + 1;
    int n = snippets.size();
    return List.of(
        ended + ", or Page Down for snippet " + at + " of " + n,
        "Java ended: new VM ready · next " + at + " of " + n,
        "Java ended · next " + at + " of " + n,
        "Java ended · " + at + "/" + n);
  }

  /**
   * After code that failed (a compile error, an exception, a time limit): it is still in the input
   * to be put right and run again, or Page Down goes on with the next snippet.
   */
  public List<String> failedForms() {
    if (snippets.isEmpty()) {
      return List.of(
          "That failed: fix it and " + RUN_KEY, "Failed: fix it and " + RUN_KEY, "Failed");
    }
    if (loaded || next >= snippets.size()) {
      return List.of(
          "That failed: fix it and " + RUN_KEY + " · " + positionForms().get(1),
          "Failed: fix it and " + RUN_KEY,
          "Failed",
          "Failed");
    }
    int at = next + 1;
    int n = snippets.size();
    return List.of(
        "That failed: fix it and " + RUN_KEY + ", or Page Down for snippet " + at + " of " + n,
        "Failed: fix it, or Page Down for " + at + " of " + n,
        "Failed · next " + at + " of " + n,
        "Failed · " + at + "/" + n);
  }
}
