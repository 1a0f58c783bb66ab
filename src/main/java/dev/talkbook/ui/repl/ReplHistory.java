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

  public List<String> entries() {
    return List.copyOf(entries);
  }
}
