package dev.talkbook.core.site;

import dev.talkbook.core.markdown.DroppedHtml;
import dev.talkbook.core.search.CjkText;
import dev.talkbook.core.search.FoldedLetters;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The words of Markdown notes without rendering them, for the site's search index: each distinct
 * word once, so the index stays small. Pure.
 *
 * <p>Where a link or an image points, its title and a link reference definition give no words, and
 * {@code &amp;} is {@code &} ({@link DroppedHtml#shownText}).
 *
 * <p>What the page never shows of raw HTML in the notes ({@link DroppedHtml}: a {@code <script>}, a
 * {@code <style>}, ... with all they hold, and comments) gives no words either, so a reader's
 * search never finds a talk by text its page does not have; nor do the tags of raw HTML (their
 * names and attributes: {@code <div onclick="…">}), only the text between them.
 *
 * <p>Words are cut as Talkbook's full-text search (SQLite FTS5's {@code unicode61} tokenizer with
 * {@code remove_diacritics 2}) and the site's {@code search.js} cut them: runs of letters and
 * digits (Unicode categories L and N; combining marks do not end a word), in lower case (the Greek
 * final sigma as σ), with accents removed, and the letters decomposition leaves whole folded as
 * readers type them ({@link FoldedLetters}: "ß" as "ss", "ø" as "o"). So a word typed into the
 * site's search box is the word the index holds.
 *
 * <p>A word with Chinese, Japanese or Korean letters ({@link CjkText}), which has no spaces to cut
 * it, also gives its letter pairs ({@link #pairs}), so that {@code search.js} finds a term inside
 * such a run as Talkbook's own search does ({@code メモ} finds "日本語のメモです"); when it starts with such
 * a letter, only its pairs (a query word of other letters is never it, nor its start).
 *
 * <p>A word written as a name with its punctuation ({@code PunctuatedNames}: "C#", "c++", ".NET")
 * also gives that name, folded, as a word of its own ("c#", "c++", ".net"; "c#" too for ".c#"), so
 * {@code search.js} finds {@code c#} only where the notes have it so.
 */
final class SearchText {
  /** Changes whenever the words or the site's search entries are made differently. */
  // search-3: a cancelled talk's entry has "c":1. search-4: no words from a dropped <script>,
  // <style>, ... or an HTML comment (DroppedHtml). search-5: Greek final sigma folded into σ.
  // search-6: no words from raw HTML tags' names and attributes, but an img's alt text
  // (DroppedHtml.shownText). search-7: raw tags after a list item's fence, a backtick fence with
  // a backtick in its info string or front matter give no words either (DroppedHtml's walk).
  // search-8: a word with Chinese, Japanese or Korean letters gives its letter pairs (pairs), and
  // only them when it starts with such a letter. search-9: no words from where links point, their
  // titles or reference definitions; character references decoded (DroppedHtml.shownText).
  // search-10: the letters decomposition leaves whole folded as FoldedLetters ("ß" as "ss").
  // search-11: no words from an output block's stamp, "code=1a2b3c4d" (CodeStamp.hide).
  // search-12: a timed talk's entry has its day and time, "w" (shown in its result).
  // search-13: "w"'s end in the event's zone, as the talk's page shows it.
  // search-14: "w" says "(clocks go back)" after a span that ends before its start on the clock.
  // search-15: an entry's tags "g" a line each, not with spaces between them (search.js hasTag).
  // search-16: a name written with its punctuation is also a word of its own ("c#", ".net").
  static final String VERSION = "search-16";

  private SearchText() {}

  /**
   * Every distinct word of the notes, folded (see the class comment), in the order they first
   * appear, separated by single spaces. Attachment references (a content hash, not a word anyone
   * types) and raw HTML the page drops with its text (see the class comment) are left out.
   */
  static String words(String notes) {
    // the notes themselves when nothing is hidden; a char[] is faster to scan than charAt under C1
    String markdown = DroppedHtml.shownText(notes);
    char[] text = markdown.toCharArray();
    // One pass, no String per word: each distinct word is appended to the output and remembered
    // by where it is there (an open-addressing table of offsets), so a word seen again costs a
    // comparison of its characters. ASCII is looked up in a table and lower-cased on the way;
    // anything else goes through fold(). (The site's largest cost after Markdown rendering.)
    Words out = new Words(Math.min(markdown.length(), 1 << 16));
    int n = text.length;
    int i = 0;
    int skipUntil = -1;
    while (i < n) {
      char c = text[i];
      if (c < 0x80) {
        if (!ASCII_WORD[c]) {
          i++;
          continue;
        }
      } else {
        int cp = Character.codePointAt(text, i);
        if (!isWordPart(cp)) {
          i += Character.charCount(cp);
          continue;
        }
      }
      int start = i;
      boolean ascii = true;
      while (i < n) {
        c = text[i];
        if (c < 0x80) {
          if (!ASCII_WORD[c]) {
            break;
          }
          i++;
        } else {
          int cp = Character.codePointAt(text, i);
          if (!isWordPart(cp)) {
            break;
          }
          ascii = false;
          i += Character.charCount(cp);
        }
      }
      boolean skip = start < skipUntil;
      // An attachment reference: the word ends in "attachment" before its ':'. Found here rather
      // than by a search of the whole text first (a pass over every note's characters): its word
      // is left out when the reference starts it, and every word that starts before its end. As a
      // search would, each reference is looked for after the last one's end (the last of its hex
      // digits may be the "a" of another "attachment:", which is then no reference).
      int reference = i - ATTACHMENT_WORD.length();
      if (i < n
          && text[i] == ':'
          && reference >= start
          && reference >= skipUntil
          && isAttachment(text, reference)) {
        skip |= start == reference;
        skipUntil = reference + ATTACHMENT_LENGTH;
      }
      if (skip) {
        continue;
      }
      // A name written with its punctuation (c#, c++, .net): also as that word, which is how
      // search.js looks up a query's name (Talkbook's own search: PunctuatedNames).
      boolean lead = start > 0 && text[start - 1] == '.' && leadingDot(text, start - 1);
      // a dot before it that is not a leading one ("main.c#"): no name
      boolean joined = !lead && start > 0 && text[start - 1] == '.';
      boolean trail = i < n && (text[i] == '#' || text[i] == '+') && !joined;
      if ((trail || lead) && Character.isLetter(Character.codePointAt(text, start))) {
        names(markdown, start, i, lead, out);
      }
      if (ascii) {
        out.addAscii(text, start, i);
      } else {
        String word = fold(markdown.substring(start, i), false);
        if (!word.isEmpty()) {
          if (!CjkText.has(word)) {
            out.add(word);
          } else {
            // A word starting with such a letter is found by its pairs only: no query word without
            // such letters is it or its start, so the index keeps the pairs alone.
            if (!CjkText.isCjk(word.codePointAt(0))) {
              out.add(word);
            }
            pairs(word, out::add);
          }
        }
      }
    }
    return out.toString();
  }

  /** Whether the dot at {@code dot} stands after no letter, digit or other dot. */
  private static boolean leadingDot(char[] text, int dot) {
    if (dot == 0) {
      return true;
    }
    int before = Character.codePointBefore(text, dot);
    return before != '.' && !isWordPart(before);
  }

  /**
   * Adds the names the word at {@code [start, end)} of {@code text} is written as: the folded word
   * with the run of {@code #} and {@code +} after it ("c#", "c++"), and with a leading dot too
   * (".net"), as {@code PunctuatedNames} reads them; none for a word with Chinese, Japanese or
   * Korean letters.
   */
  private static void names(String text, int start, int end, boolean lead, Words out) {
    String word = fold(text.substring(start, end));
    if (word.isEmpty() || CjkText.has(word)) {
      return;
    }
    int trail = end;
    while (trail < text.length() && (text.charAt(trail) == '#' || text.charAt(trail) == '+')) {
      trail++;
    }
    String name = word + text.substring(end, trail);
    if (trail > end && !lead) {
      out.add(name); // whole: ".c#" is not "c#", as ".net" is not "net"
    }
    if (lead) {
      out.add("." + name);
    }
  }

  /**
   * The pieces of a folded word with Chinese, Japanese or Korean letters that the site's index
   * holds beside the word, so that {@code search.js} finds a term inside it (Talkbook's own search
   * looks for such a term inside the text, {@code InsideWords}): each two letters side by side of
   * which one at least is such a letter ("日本語のメモ": 日本, 本語, 語の, のメ, メモ), and the last letter when it
   * is one (メモ's モ: a query of one such letter is looked for as the start of a pair, or as this). A
   * Korean syllable counts as one letter (fold() takes it apart, this puts it back). The browser's
   * {@code search.js} makes the same pieces of titles, speakers, tags and events, and cuts a
   * query's words so too, all of a word's pairs required.
   */
  static void pairs(String folded, java.util.function.Consumer<String> to) {
    int[] cps = Normalizer.normalize(folded, Normalizer.Form.NFC).codePoints().toArray();
    for (int k = 0; k < cps.length; k++) {
      boolean cjk = CjkText.isCjk(cps[k]);
      if (k + 1 < cps.length) {
        if (cjk || CjkText.isCjk(cps[k + 1])) {
          to.accept(new String(cps, k, 2));
        }
      } else if (cjk) {
        to.accept(Character.toString(cps[k]));
      }
    }
  }

  private static final String ATTACHMENT = "attachment:";
  private static final int ATTACHMENT_LENGTH = ATTACHMENT.length() + 64;

  private static final String ATTACHMENT_WORD = "attachment";

  /**
   * Whether an attachment reference ({@code attachment:} and 64 lower-case hex digits, what {@code
   * attachment:[0-9a-f]{64}} finds) starts at {@code at}.
   */
  private static boolean isAttachment(char[] text, int at) {
    int hex = at + ATTACHMENT.length();
    if (hex + 64 > text.length) {
      return false;
    }
    for (int k = 0; k < ATTACHMENT.length(); k++) {
      if (text[at + k] != ATTACHMENT.charAt(k)) {
        return false;
      }
    }
    for (int k = hex; k < hex + 64; k++) {
      char h = text[k];
      if (!((h >= '0' && h <= '9') || (h >= 'a' && h <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  /** ASCII letters and digits. */
  private static final boolean[] ASCII_WORD = new boolean[0x80];

  static {
    for (int c = 0; c < 0x80; c++) {
      ASCII_WORD[c] = isWordChar(c);
    }
  }

  /** The distinct words so far, in order, separated by spaces; a set over them by position. */
  private static final class Words {
    private char[] text;
    private int length;
    private int[] table = new int[256]; // word number + 1, 0 for empty
    private int[] starts = new int[128];
    private int[] lengths = new int[128];
    private int[] hashes = new int[128];
    private int count;

    Words(int capacity) {
      text = new char[Math.max(16, capacity)];
    }

    /** Adds {@code s[from, to)} (ASCII letters and digits) lower-cased, unless already there. */
    void addAscii(char[] s, int from, int to) {
      int wordLength = to - from;
      ensure(wordLength + 1);
      char[] text = this.text;
      int at = length == 0 ? 0 : length + 1;
      int h = 0;
      for (int k = 0; k < wordLength; k++) {
        char c = s[from + k];
        if (c >= 'A' && c <= 'Z') {
          c = (char) (c + ('a' - 'A'));
        }
        text[at + k] = c;
        h = 31 * h + c;
      }
      keep(at, wordLength, h);
    }

    /** Adds a word as it is, unless already there. */
    void add(String s) {
      int wordLength = s.length();
      ensure(wordLength + 1);
      int at = length == 0 ? 0 : length + 1;
      int h = 0;
      for (int k = 0; k < wordLength; k++) {
        char c = s.charAt(k);
        text[at + k] = c;
        h = 31 * h + c;
      }
      keep(at, wordLength, h);
    }

    /** Keeps the word written at {@code text[at, at + wordLength)} if it is new. */
    private void keep(int at, int wordLength, int h) {
      int mask = table.length - 1;
      int slot = (h ^ (h >>> 16)) & mask;
      for (int e = table[slot]; e != 0; e = table[slot]) {
        int w = e - 1;
        if (hashes[w] == h
            && lengths[w] == wordLength
            && java.util.Arrays.equals(
                text, starts[w], starts[w] + wordLength, text, at, at + wordLength)) {
          return; // seen: what was written past the end is dropped
        }
        slot = (slot + 1) & mask;
      }
      if (length > 0) {
        text[length] = ' ';
      }
      length = at + wordLength;
      if (count == starts.length) {
        starts = java.util.Arrays.copyOf(starts, count * 2);
        lengths = java.util.Arrays.copyOf(lengths, count * 2);
        hashes = java.util.Arrays.copyOf(hashes, count * 2);
      }
      starts[count] = at;
      lengths[count] = wordLength;
      hashes[count] = h;
      count++;
      table[slot] = count;
      if (count * 2 > table.length) {
        rehash();
      }
    }

    private void rehash() {
      int[] bigger = new int[table.length * 2];
      int mask = bigger.length - 1;
      for (int w = 0; w < count; w++) {
        int h = hashes[w];
        int slot = (h ^ (h >>> 16)) & mask;
        while (bigger[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        bigger[slot] = w + 1;
      }
      table = bigger;
    }

    private void ensure(int more) {
      if (length + more + 1 > text.length) {
        text = java.util.Arrays.copyOf(text, Math.max(text.length * 2, length + more + 1));
      }
    }

    @Override
    public String toString() {
      return new String(text, 0, length);
    }
  }

  /** A word as the index holds it: lower case, accents removed. */
  static String fold(String word) {
    return fold(word, word.chars().allMatch(c -> c < 0x80));
  }

  private static String fold(String word, boolean ascii) {
    String lower = word.toLowerCase(Locale.ROOT);
    if (ascii) {
      return lower;
    }
    // "ß" as "ss", "ø" as "o" ...: as the notebook's index (V008) and the site's addresses.
    lower = FoldedLetters.fold(lower);
    // As FTS5's unicode61 folds it: "οδός" is found by "οδοσ" as by "ΟΔΟΣ" (lower-cased "οδος").
    String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD).replace('ς', 'σ');
    StringBuilder b = new StringBuilder(decomposed.length());
    decomposed.codePoints().filter(SearchText::isWordChar).forEach(b::appendCodePoint);
    return b.toString();
  }

  /** A letter or a number (Unicode categories L and N). */
  private static boolean isWordChar(int cp) {
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    }
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER ->
          true;
      default -> false;
    };
  }

  /** Part of a word before folding: a letter, a number or a combining mark (removed by folding). */
  private static boolean isWordPart(int cp) {
    if (cp < 0x80) {
      return isWordChar(cp); // no combining mark is ASCII
    }
    if (isWordChar(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }
}
