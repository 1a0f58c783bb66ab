package dev.talkbook.core.notebook;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tag names: single words or short phrases, compared without case in every script ({@link #key}:
 * the notebook, its listing and the site group tags by it).
 */
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
    List<String> cleaned = Fields.cleanList(stripped, "Tag");
    if (ascii(cleaned)) {
      return cleaned; // Fields dropped repeats that differ in ASCII case: the key's rule there
    }
    Map<String, String> seen = new LinkedHashMap<>();
    for (String tag : cleaned) {
      seen.putIfAbsent(key(tag), tag);
    }
    return seen.size() == cleaned.size() ? cleaned : List.copyOf(seen.values());
  }

  /**
   * What makes two tag names one tag: the same letters but for case, in any script, and however the
   * accents were typed (NFC): "Café crème" and "CAFÉ CRÈME", "Äpfel" and "äpfel", "Straße" and
   * "STRASSE", "ΟΔΌΣ" and "οδός" are one tag each. Upper then lower case (Locale.ROOT), so letters
   * whose capital is two letters (ß, ﬁ) and the Greek final sigma fold as Unicode's case folding
   * does. SQLite's NOCASE and lower() know only ASCII, so the notebook compares tags by this, in
   * Java.
   */
  public static String key(String name) {
    String nfc =
        Normalizer.isNormalized(name, Normalizer.Form.NFC)
            ? name
            : Normalizer.normalize(name, Normalizer.Form.NFC);
    return nfc.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
  }

  /**
   * The spelling that names a tag written two ways ({@link #key} alike) where nothing else chose
   * one (a notebook from before tags were compared so holds both): the first in {@link
   * String#compareTo} order, capitals first, the same in the notebook's listing and on the site.
   */
  public static String spelling(String a, String b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static boolean ascii(List<String> tags) {
    for (String tag : tags) {
      for (int i = 0; i < tag.length(); i++) {
        if (tag.charAt(i) > 0x7E) {
          return false;
        }
      }
    }
    return true;
  }
}
