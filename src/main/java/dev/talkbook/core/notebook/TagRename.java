package dev.talkbook.core.notebook;

import java.util.List;
import java.util.Map;

/**
 * A tag renamed on every talk that carried it ({@code from} is now {@code to}), with what those
 * talks' tags were before, which its undo puts back. {@code merged} when {@code to} was a tag other
 * talks had already: the two are one tag now.
 *
 * @param before each renamed talk's tags before the rename, by talk id
 * @param after the same talks' tags just after it, by which the undo sees a talk edited since
 */
public record TagRename(
    String from,
    String to,
    boolean merged,
    Map<Long, List<String>> before,
    Map<Long, List<String>> after) {
  public TagRename {
    before = Map.copyOf(before);
    after = Map.copyOf(after);
  }

  /** How many talks carried the tag and now carry {@code to}. */
  public int talks() {
    return before.size();
  }

  /** What was done, in the user's words: "Renamed the tag “gc” to “GC” on 3 talks." */
  public String message() {
    String n = talks() == 1 ? "1 talk" : talks() + " talks";
    return merged
        ? "Merged the tag “" + from + "” into “" + to + "” on " + n + "."
        : "Renamed the tag “" + from + "” to “" + to + "” on " + n + ".";
  }
}
