package dev.talkbook.core.notebook;

import java.util.ArrayList;
import java.util.List;

/** Tag names: single words or short phrases, compared without case. */
public final class Tags {
  static final int MAX_LENGTH = 60;

  private Tags() {}

  /** Strips a leading '#', trims, refuses commas and over-long names, and drops duplicates. */
  public static List<String> clean(List<String> tags) {
    List<String> stripped = new ArrayList<>();
    if (tags != null) {
      for (String tag : tags) {
        String t = tag == null ? "" : tag.strip();
        while (t.startsWith("#")) {
          t = t.substring(1).strip();
        }
        if (t.contains(",")) {
          throw new NotebookException("Tag \"" + t + "\" contains a comma; use one tag per name.");
        }
        if (t.length() > MAX_LENGTH) {
          throw new NotebookException(
              "Tag \"" + t.substring(0, 20) + "…\" is too long; at most " + MAX_LENGTH + " fit.");
        }
        stripped.add(t);
      }
    }
    return Fields.cleanList(stripped, "Tag");
  }
}
