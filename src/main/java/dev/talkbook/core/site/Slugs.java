package dev.talkbook.core.site;

import dev.talkbook.core.search.FoldedLetters;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * File-name-safe slugs: letters and digits and single hyphens, at most {@link #MAX_LENGTH}
 * characters and {@link #MAX_BYTES} bytes of UTF-8, cut between characters. Latin letters lose
 * their accents, a few letters and Cyrillic and Greek are transliterated (as ASCII), the letters
 * and digits of every other script are kept as they are (NFC, lower case where the script has case,
 * with their combining marks: {@code 日本語のトーク}, {@code हिन्दी}); anything else separates words. A
 * slug is never {@code .} or {@code ..}, never a name Windows reserves ({@code con}, {@code nul},
 * {@code com1} …); a text without letters or digits gives the caller's fallback ({@code talk-12}),
 * else {@code untitled}. One {@code Slugs} instance hands out unique slugs: a repeated one gets
 * {@code -2}, {@code -3} … Pure and deterministic. Links to a page whose slug is not ASCII
 * percent-encode it ({@link Html#urlPath}).
 */
public final class Slugs {
  /** The longest slug, well under every file system's name limit once an extension is added. */
  public static final int MAX_LENGTH = 60;

  /** The most bytes of UTF-8 a slug takes (a file name's limit is 255 bytes on most systems). */
  public static final int MAX_BYTES = 80;

  private static final Set<String> RESERVED =
      Set.of(
          "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7",
          "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
          "com0", "lpt0", "conin$", "conout$");

  /** Marks a piece that stands as a word of its own (a symbol or code point written out). */
  private static final char CODE = '\u0001';

  /** Symbols written out; the letters decomposition leaves whole are {@link FoldedLetters}'. */
  private static final Map<Character, String> SPECIAL =
      Map.ofEntries(
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
    return unique(text, "untitled");
  }

  /**
   * A slug for {@code text} not handed out by this instance before; {@code fallback} (a slug) when
   * the text has no letter or digit ("❤").
   */
  public String unique(String text, String fallback) {
    return uniqueFrom(base(text, fallback));
  }

  /**
   * The slug {@link #unique} hands out first for {@code text}: its letters and digits ({@code
   * fallback} when it has none; null then if that is null), {@code -page} after a name Windows
   * reserves. A caller that both {@link #keepFrom keeps} and hands out slugs makes it once.
   */
  static String base(String text, String fallback) {
    String base = words(text);
    if (base.isEmpty()) {
      if (fallback == null) {
        return null;
      }
      base = fallback;
    }
    return RESERVED.contains(base) ? base + "-page" : base;
  }

  /** {@link #unique} for a {@link #base} made before. */
  String uniqueFrom(String base) {
    String slug = base;
    for (int n = 2; !taken.add(slug); n++) {
      String suffix = "-" + n;
      slug = trimTo(base, suffix.length()) + suffix;
    }
    return slug;
  }

  /**
   * Hands out {@code slug} itself when {@link #fits} says it is one {@link #unique} could give
   * {@code text} and no one holds it yet: a published page keeps its name while its title's slug is
   * unchanged. Returns whether it was handed out.
   */
  public boolean keep(String slug, String text, String fallback) {
    return keepFrom(slug, base(text, fallback));
  }

  /** {@link #keep} for a {@link #base} made before. */
  boolean keepFrom(String slug, String base) {
    return fitsBase(slug, base) && taken.add(slug);
  }

  /**
   * Whether {@code slug} is one {@link #unique} could hand out for {@code text}: its base slug, or
   * that base with a {@code -2}, {@code -3} … suffix.
   */
  public static boolean fits(String slug, String text, String fallback) {
    return fitsBase(slug, base(text, fallback));
  }

  private static boolean fitsBase(String slug, String base) {
    if (slug.equals(base)) {
      return true;
    }
    int dash = slug.lastIndexOf('-');
    if (dash <= 0 || dash == slug.length() - 1) {
      return false;
    }
    String number = slug.substring(dash + 1);
    for (int i = 0; i < number.length(); i++) {
      if (number.charAt(i) < '0' || number.charAt(i) > '9') {
        return false;
      }
    }
    if (number.charAt(0) == '0' || number.length() > 9 || Integer.parseInt(number) < 2) {
      return false;
    }
    return slug.substring(0, dash).equals(trimTo(base, number.length() + 1));
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
    String slug = words(text);
    if (slug.isEmpty()) {
      return "untitled";
    }
    return RESERVED.contains(slug) ? slug + "-page" : slug;
  }

  /** The text's letters and digits as a slug, cut to size; empty when it has none. */
  private static String words(String text) {
    String t = text == null ? "" : text;
    String ascii = asciiWords(t);
    return ascii != null ? ascii : walk(t);
  }

  /**
   * {@link #words} by code point, for every text ({@link #asciiWords} gives the same for ASCII).
   */
  static String walk(String t) {
    String folded =
        isAscii(t)
            ? t.toLowerCase(Locale.ROOT)
            : Normalizer.normalize(t, Normalizer.Form.NFC); // lower case per code point, below
    StringBuilder out = new StringBuilder();
    boolean dash = true; // no leading hyphen
    boolean kept = false; // the last piece was a letter kept as it is: its marks stay with it
    for (int i = 0; i < folded.length() && out.length() <= MAX_LENGTH + 8; ) {
      int cp = folded.codePointAt(i);
      i += Character.charCount(cp);
      if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
        out.append((char) cp); // as transliterate says, without a String for each letter
        dash = false;
        kept = false;
        continue;
      }
      if (isMark(cp)) {
        if (kept) {
          out.appendCodePoint(cp); // a vowel sign or virama of the letter before (हि)
        }
        continue; // else the accent of a letter made ASCII
      }
      String piece = transliterate(cp);
      kept = false;
      if (piece == null) {
        int lower = Character.toLowerCase(cp);
        if (Character.isLetterOrDigit(lower)) {
          out.appendCodePoint(lower);
          dash = false;
          kept = true;
        } else if (!dash) {
          out.append('-');
          dash = true;
        }
        continue;
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
    return trimTo(out.toString(), 0);
  }

  /**
   * {@link #words} of an ASCII text in one pass over its characters (what the walk below makes of
   * it: letters lower-cased, {@code &}, {@code +} and {@code #} written out, every other character
   * a separator), without the lower-case copy and the look-ups per character; null when the text
   * holds a character that is not ASCII.
   */
  static String asciiWords(String t) {
    StringBuilder out = new StringBuilder(Math.min(t.length(), MAX_LENGTH + 9));
    boolean dash = true; // no leading hyphen
    int i = 0;
    for (; i < t.length() && out.length() <= MAX_LENGTH + 8; i++) {
      char c = t.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out.append(c);
        dash = false;
      } else if (c >= 'A' && c <= 'Z') {
        out.append((char) (c + ('a' - 'A')));
        dash = false;
      } else if (c >= 0x80) {
        return null;
      } else if (c == '&' || c == '+' || c == '#') {
        if (!dash) {
          out.append('-');
        }
        out.append(c == '&' ? "and" : c == '+' ? "plus" : "sharp").append('-');
        dash = true;
      } else if (!dash) {
        out.append('-');
        dash = true;
      }
    }
    for (; i < t.length(); i++) {
      if (t.charAt(i) >= 0x80) {
        return null; // past the cut: the walk below composes (NFC) the whole text first
      }
    }
    return trimTo(out.toString(), 0);
  }

  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }

  private static int utf8Length(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
    }
    return n;
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
   * What one code point (not a mark) becomes in ASCII: ASCII letters and digits as they are,
   * letters with accents without them, compatibility forms as their plain letters ({@code ﬁ},
   * {@code ①}, full-width {@code Ａ}), transliterations; "" for separators; {@code null} for a
   * letter or digit of another script, kept as it is.
   */
  private static String transliterate(int cp) {
    if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
      return String.valueOf((char) cp);
    }
    if (cp >= 'A' && cp <= 'Z') {
      return String.valueOf((char) (cp + ('a' - 'A')));
    }
    int base = cp;
    if (cp >= 0x80) {
      // its compatibility decomposition without marks: é → e, ﬁ → fi, ά → α, が → か
      String plain =
          withoutMarks(Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFKD));
      if (!plain.isEmpty() && isAscii(plain)) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < plain.length(); i++) {
          char c = Character.toLowerCase(plain.charAt(i));
          if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            word.append(c);
          }
        }
        if (!word.isEmpty()) {
          return word.toString();
        }
      }
      if (!plain.isEmpty() && plain.codePointCount(0, plain.length()) == 1) {
        base = plain.codePointAt(0);
      }
    }
    if (base < 0x10000) {
      char c = (char) Character.toLowerCase(base);
      String special = SPECIAL.get(c);
      if (special == null) {
        special = FoldedLetters.of(c);
      }
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
    return Character.isLetterOrDigit(cp) ? null : "";
  }

  private static String withoutMarks(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (!isMark(c)) {
        b.appendCodePoint(c);
      }
    }
    return b.toString();
  }

  /**
   * Cuts a slug to at most {@link #MAX_LENGTH} characters and {@link #MAX_BYTES} bytes less {@code
   * room} (for a suffix), between characters (a letter never loses its marks), at a hyphen when
   * there is one near the end.
   */
  private static String trimTo(String slug, int room) {
    String s = slug;
    int maxChars = MAX_LENGTH - room;
    int maxBytes = MAX_BYTES - room;
    if (s.length() > maxChars || utf8Length(s) > maxBytes) {
      java.text.BreakIterator characters =
          java.text.BreakIterator.getCharacterInstance(Locale.ROOT);
      characters.setText(s);
      int end = 0;
      int bytes = 0;
      for (int next = characters.next();
          next != java.text.BreakIterator.DONE;
          next = characters.next()) {
        int more = utf8Length(s.substring(end, next));
        if (next > maxChars || bytes + more > maxBytes) {
          break;
        }
        bytes += more;
        end = next;
      }
      s = s.substring(0, end);
      int dash = s.lastIndexOf('-');
      if (dash > end / 2) {
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
