package dev.talkbook.core.site;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * File-name-safe slugs: lower-case ASCII letters, digits and single hyphens, at most {@link
 * #MAX_LENGTH} characters. Latin letters lose their accents, a few letters and Cyrillic and Greek
 * are transliterated, any other character becomes its code point ({@code u4e2d}); a slug is never
 * empty, never {@code .} or {@code ..}, never a name Windows reserves ({@code con}, {@code nul},
 * {@code com1} …). One {@code Slugs} instance hands out unique slugs: a repeated one gets {@code
 * -2}, {@code -3} … Pure and deterministic.
 */
public final class Slugs {
  /** The longest slug, well under every file system's name limit once an extension is added. */
  public static final int MAX_LENGTH = 60;

  private static final Set<String> RESERVED =
      Set.of(
          "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7",
          "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
          "com0", "lpt0", "conin$", "conout$");

  /** Marks a piece that stands as a word of its own (a symbol or code point written out). */
  private static final char CODE = '\u0001';

  private static final Map<Character, String> SPECIAL =
      Map.ofEntries(
          Map.entry('ß', "ss"),
          Map.entry('æ', "ae"),
          Map.entry('œ', "oe"),
          Map.entry('ø', "o"),
          Map.entry('ł', "l"),
          Map.entry('đ', "d"),
          Map.entry('ð', "d"),
          Map.entry('þ', "th"),
          Map.entry('ı', "i"),
          Map.entry('&', CODE + "and"),
          Map.entry('+', CODE + "plus"),
          Map.entry('#', CODE + "sharp"));

  private static final String CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяєіїґ";
  private static final String[] CYRILLIC_LATIN = {
    "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
    "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "ye", "i", "yi",
    "g"
  };
  private static final String GREEK = "αβγδεζηθικλμνξοπρσςτυφχψω";
  private static final String[] GREEK_LATIN = {
    "a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p", "r", "s", "s",
    "t", "y", "f", "ch", "ps", "o"
  };

  private final Set<String> taken = new HashSet<>();

  /** A slug for {@code text} not handed out by this instance before. */
  public String unique(String text) {
    String base = of(text);
    String slug = base;
    for (int n = 2; !taken.add(slug); n++) {
      String suffix = "-" + n;
      slug = trimTo(base, MAX_LENGTH - suffix.length()) + suffix;
    }
    return slug;
  }

  /** Reserves a slug so {@link #unique} never hands it out (for fixed names like "assets"). */
  public void reserve(String slug) {
    taken.add(slug);
  }

  /** Whether Windows reserves this name (ignoring case and any extension). */
  public static boolean isReserved(String name) {
    int dot = name.indexOf('.');
    return RESERVED.contains(
        (dot >= 0 ? name.substring(0, dot) : name).strip().toLowerCase(Locale.ROOT));
  }

  /** The slug for {@code text}, not checked for uniqueness. */
  public static String of(String text) {
    String t = text == null ? "" : text;
    // ASCII has no compatibility decompositions: NFKD would leave it as it is.
    String folded =
        (isAscii(t) ? t : Normalizer.normalize(t, Normalizer.Form.NFKD)).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder();
    boolean dash = true; // no leading hyphen
    for (int i = 0; i < folded.length() && out.length() <= MAX_LENGTH + 8; ) {
      int cp = folded.codePointAt(i);
      i += Character.charCount(cp);
      if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
        out.append((char) cp); // as transliterate says, without a String for each letter
        dash = false;
        continue;
      }
      String piece = transliterate(cp);
      if (piece == null) {
        continue; // a combining mark: the accent of the letter before
      }
      if (piece.isEmpty()) {
        if (!dash) {
          out.append('-');
          dash = true;
        }
        continue;
      }
      if (piece.charAt(0) == CODE) {
        if (!dash) {
          out.append('-');
        }
        out.append(piece, 1, piece.length()).append('-');
        dash = true;
        continue;
      }
      out.append(piece);
      dash = false;
    }
    String slug = trimTo(out.toString(), MAX_LENGTH);
    if (slug.isEmpty()) {
      return "untitled";
    }
    return RESERVED.contains(slug) ? slug + "-page" : slug;
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * What one code point becomes: ASCII letters and digits as they are, transliterations, {@code
   * null} for combining marks, "" for separators, {@code uXXXX} for anything else that is a letter
   * or digit.
   */
  private static String transliterate(int cp) {
    if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
      return String.valueOf((char) cp);
    }
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
      return null;
    }
    if (cp < 0x10000) {
      char c = (char) cp;
      String special = SPECIAL.get(c);
      if (special != null) {
        return special;
      }
      int cyr = CYRILLIC.indexOf(c);
      if (cyr >= 0) {
        return CYRILLIC_LATIN[cyr];
      }
      int greek = GREEK.indexOf(c);
      if (greek >= 0) {
        return GREEK_LATIN[greek];
      }
    }
    if (Character.isLetterOrDigit(cp)) {
      return CODE + "u" + Integer.toHexString(cp);
    }
    return "";
  }

  /** Cuts a slug to at most {@code max} characters, at a hyphen when there is one near the end. */
  private static String trimTo(String slug, int max) {
    String s = slug;
    if (s.length() > max) {
      s = s.substring(0, max);
      int dash = s.lastIndexOf('-');
      if (dash > max / 2) {
        s = s.substring(0, dash);
      }
    }
    while (s.endsWith("-")) {
      s = s.substring(0, s.length() - 1);
    }
    while (s.startsWith("-")) {
      s = s.substring(1);
    }
    return s;
  }
}
