package dev.talkbook.ui.repl;

import java.util.ArrayList;
import java.util.List;

/**
 * The inputs run so far, for Up/Down and Ctrl+Up/Down. Walking back keeps what was being typed, so
 * walking forward past the newest entry gives it back. No controls: tested without a toolkit.
 */
public final class ReplHistory {

  static final int MAX = 500;

  private final List<String> entries = new ArrayList<>();
  private int position;
  private String draft = "";

  /** Records a run input (not twice in a row) and starts the walk from the newest again. */
  public void add(String input) {
    if (!input.isBlank() && (entries.isEmpty() || !entries.get(entries.size() - 1).equals(input))) {
      entries.add(input);
      if (entries.size() > MAX) {
        entries.remove(0);
      }
    }
    position = entries.size();
    draft = "";
  }

  /** The entry before the current one, or null at the oldest. {@code current} is kept as draft. */
  public String previous(String current) {
    if (position == 0) {
      return null;
    }
    if (position == entries.size()) {
      draft = current;
    }
    position--;
    return entries.get(position);
  }

  /** The entry after the current one, the draft past the newest, or null when already there. */
  public String next() {
    if (position >= entries.size()) {
      return null;
    }
    position++;
    return position == entries.size() ? draft : entries.get(position);
  }

  /**
   * Puts {@code older} (the oldest first: what an earlier start of the window ran, read from its
   * file) before the inputs run since, keeping the newest {@link #MAX}. A walk under way starts
   * again from the newest.
   */
  public void restoreOlder(List<String> older) {
    List<String> merged = new ArrayList<>(older.size() + entries.size());
    for (List<String> part : List.of(older, entries)) {
      for (String input : part) {
        if (!input.isBlank()
            && (merged.isEmpty() || !merged.get(merged.size() - 1).equals(input))) {
          merged.add(input);
        }
      }
    }
    entries.clear();
    entries.addAll(merged.subList(Math.max(0, merged.size() - MAX), merged.size()));
    position = entries.size();
  }

  public List<String> entries() {
    return List.copyOf(entries);
  }
}
