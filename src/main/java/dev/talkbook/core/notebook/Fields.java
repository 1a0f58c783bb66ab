package dev.talkbook.core.notebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Validation and normalisation shared by the editable records. */
final class Fields {
  static final int MAX_TITLE = 500;

  private Fields() {}

  static String requireTitle(String title, String what) {
    String t = title == null ? "" : title.strip();
    if (t.isEmpty()) {
      throw new NotebookException(what + " needs a title.");
    }
    if (t.length() > MAX_TITLE) {
      throw new NotebookException(
          what + " title is " + t.length() + " characters long; at most " + MAX_TITLE + " fit.");
    }
    if (hasLineBreakOrNul(t)) {
      throw new NotebookException(what + " title must be a single line.");
    }
    refuseControls(t, what + " title");
    return t;
  }

  private static boolean hasLineBreakOrNul(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' || c == 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Refuses a one-line value holding control characters: printed, they would act on a terminal
   * (ESC, BEL) or turn the text around (U+202E), and they do not survive every export.
   */
  static void refuseControls(String value, String what) {
    String found = ControlCharacters.first(value);
    if (found != null) {
      throw new NotebookException(
          what
              + " \""
              + ControlCharacters.strip(value)
              + "\" contains "
              + found
              + ", which is not text; remove it and try again.");
    }
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** An optional one-line value: blank is none; control characters are refused. */
  static String optionalLine(String s, String what) {
    String v = blankToNull(s);
    if (v != null) {
      refuseControls(v, what);
    }
    return v;
  }

  /** An optional absolute http(s) URL: anything else (javascript:, file:, typos) is refused. */
  static String webUrl(String url, String what) {
    String u = blankToNull(url);
    if (u == null) {
      return null;
    }
    String problem = WebAddress.problem(u);
    if (problem == null) {
      return u;
    }
    // the user needs to know which field is wrong and what to mend, in words
    throw new NotebookException(
        what + " \"" + ControlCharacters.strip(u) + "\" is not a web address: " + problem + ".");
  }

  /** Trimmed, non-blank, duplicates (ignoring case) removed, order kept. */
  static List<String> cleanList(List<String> items, String what) {
    return items != null && clean(items) ? List.copyOf(items) : cleaned(items, what);
  }

  /**
   * Whether {@link #cleaned} would give {@code items} back as they are: a few names of printable
   * ASCII each (no control character, line break or NUL), none starting or ending with a space,
   * none the same as another but for case. Every list read back from a notebook is one, checked so
   * without a map or a lower-case copy of each name (a site export reads 10,000s); for ASCII,
   * {@link String#equalsIgnoreCase} is {@code toLowerCase(Locale.ROOT)}'s equality.
   */
  static boolean clean(List<String> items) {
    int n = items.size();
    if (n > 8) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      String s = items.get(i);
      if (s == null || s.isEmpty() || s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' ') {
        return false;
      }
      for (int k = 0; k < s.length(); k++) {
        char c = s.charAt(k);
        if (c < 0x20 || c > 0x7E) {
          return false;
        }
      }
      for (int j = 0; j < i; j++) {
        if (s.equalsIgnoreCase(items.get(j))) {
          return false;
        }
      }
    }
    return true;
  }

  /** {@link #cleanList} without the shortcut of {@link #clean}: the rule itself. */
  static List<String> cleaned(List<String> items, String what) {
    Map<String, String> seen = new LinkedHashMap<>();
    if (items != null) {
      for (String item : items) {
        String s = item == null ? "" : item.strip();
        if (s.isEmpty()) {
          continue;
        }
        if (hasLineBreakOrNul(s)) {
          throw new NotebookException(what + " \"" + s.strip() + "\" must be a single line.");
        }
        refuseControls(s, what);
        seen.putIfAbsent(s.toLowerCase(Locale.ROOT), s);
      }
    }
    return List.copyOf(new ArrayList<>(seen.values()));
  }
}
