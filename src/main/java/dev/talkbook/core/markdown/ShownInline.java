package dev.talkbook.core.markdown;

import java.util.List;
import java.util.Set;
import org.commonmark.internal.util.Html5Entities;

/**
 * The inline Markdown a published page does not show as text, found by a text scan (the editor's
 * highlighting scan, {@link BlockScanner}: no commonmark parse): where a link or an image points
 * and its title ({@code [talk](https://example.com/a "title")}, {@code ![alt](pic.png)}), the label
 * of a reference link ({@code [talk][ref]}) and a whole link reference definition ({@code [ref]:
 * https://example.com "title"}). Those become spaces; a link's text and an image's alt text stay,
 * as do an address written in the text ({@code https://example.com}, {@code www.example.com},
 * {@code <https://example.com>}: the page shows it). Character references are decoded ({@code
 * &amp;} is {@code &}, {@code &eacute;} is {@code é}, {@code &#169;} is ©, by commonmark's own
 * table), the decoded text followed by spaces to the reference's end. Code spans, fenced code and
 * backslash-escaped brackets or ampersands are left as they are: the page shows them so.
 *
 * <p>Every character stays where it was or becomes a space, line breaks kept, so what is found in
 * the result is found at the same place in the notes (so a reference inside a word cuts it there:
 * {@code &#233;t&#233;} gives "é" and "té"). Where the scan is simpler than the page's parse
 * ({@link MarkdownHighlighter}: a link whose text runs onto another line, an indented code block),
 * a word is left in or blanked as the scan sees it. Pure.
 */
final class ShownInline {
  private ShownInline() {}

  /**
   * {@code text} (the notes {@code markdown}, or the notes with some characters already blanked,
   * {@link DroppedHtml#shownText}: the same length) with what the page does not show of {@code
   * markdown}'s links and character references made spaces and the references decoded; {@code text}
   * itself when {@code markdown} has neither.
   */
  static String hide(String markdown, String text) {
    int n = markdown.length();
    int bracket = nextBracket(markdown, 0);
    int entity = nextEntity(markdown, 0);
    if (bracket == n && entity == n) {
      return text;
    }
    // Only the paragraphs with a link or a reference in them are scanned: the highlighter's scan
    // carries nothing past a blank line outside a fence, so a scan started after such a line (or
    // at the start) sees a paragraph as a scan of the whole notes does. Fences (the highlighter's
    // rules) say which lines are fenced code.
    char[] out = null;
    long fence = Fences.START;
    int paragraphStart = 0;
    int pending = -1; // where the paragraphs to scan start, once one has a candidate
    for (int line = 0; line < n; ) {
      int lineEnd = markdown.indexOf('\n', line);
      if (lineEnd < 0) {
        lineEnd = n;
      }
      fence = Fences.next(fence, markdown, line, lineEnd);
      boolean code = Fences.lineInFence(fence);
      if (!code && Fences.blankLine(markdown, line, lineEnd)) {
        if (pending >= 0) {
          out = hideIn(markdown, pending, line, text, out);
          pending = -1;
        }
        paragraphStart = lineEnd + 1;
      } else if (!code && pending < 0 && Math.min(bracket, entity) < lineEnd) {
        pending = paragraphStart;
      }
      if (bracket < lineEnd) {
        bracket = nextBracket(markdown, lineEnd);
      }
      if (entity < lineEnd) {
        entity = nextEntity(markdown, lineEnd);
      }
      if (pending < 0 && bracket == n && entity == n) {
        break;
      }
      line = lineEnd + 1;
    }
    if (pending >= 0) {
      out = hideIn(markdown, pending, n, text, out);
    }
    return out == null ? text : new String(out);
  }

  /**
   * Hides what the page does not show of the links and references in {@code markdown[from, to)},
   * paragraphs that start after a blank line outside a fence (or at the start), into {@code out}
   * (made from {@code text} on the first change); returns {@code out}.
   */
  private static char[] hideIn(String markdown, int from, int to, String text, char[] out) {
    String part = markdown.substring(from, to);
    List<Highlighting.Span> spans = new BlockScanner(part, false).run().spans();
    Changes changes = new Changes(text, out, from);
    int linkStart = -1; // the last link text's or reference label's "[" ...
    int linkEnd = -1; // ... and the position after its "]"
    int at = 0;
    int n = spans.size();
    for (int s = 0; s < n; s++) {
      Highlighting.Span span = spans.get(s);
      Set<String> classes = span.classes();
      int start = at;
      at += span.length();
      if (classes.isEmpty()) {
        decodeEntities(part, changes, start, at);
        continue;
      }
      if (classes.contains(HighlightClasses.CODE) || classes.contains(HighlightClasses.FENCE)) {
        continue;
      }
      if (classes.contains(HighlightClasses.URL)) {
        int end = at;
        while (s + 1 < n && spans.get(s + 1).classes().contains(HighlightClasses.URL)) {
          end += spans.get(++s).length();
        }
        at = end;
        char first = part.charAt(start);
        if (first == '(' || first == '[') {
          changes.blank(start, end); // an inline link's address and title, a reference
        } else if (linkEnd >= 0 && isDefinition(part, linkEnd, start)) {
          changes.blank(linkStart, lineEnd(part, end)); // [ref]: address "title"
        }
        continue; // otherwise an address the page shows as written (an autolink, a bare URL)
      }
      if (classes.contains(HighlightClasses.LINK)) {
        if (start != linkEnd) {
          linkStart = start;
        }
        linkEnd = at;
      }
      decodeEntities(part, changes, start, at);
    }
    return changes.out;
  }

  /**
   * The text being changed, from {@code offset} on: copied from the original on the first change.
   */
  private static final class Changes {
    private final String text;
    private final int offset;
    char[] out;

    Changes(String text, char[] out, int offset) {
      this.text = text;
      this.out = out;
      this.offset = offset;
    }

    char at(int i) {
      return out == null ? text.charAt(offset + i) : out[offset + i];
    }

    void set(int i, char c) {
      if (out == null) {
        out = text.toCharArray();
      }
      out[offset + i] = c;
    }

    void blank(int from, int to) {
      for (int i = from; i < to; i++) {
        char c = at(i);
        if (c != '\n' && c != '\r' && c != ' ') {
          set(i, ' ');
        }
      }
    }
  }

  /**
   * Where the next {@code ](}, {@code ][} or {@code ]:} is at or after {@code from} (its {@code
   * ]}), or the text's length.
   */
  private static int nextBracket(String markdown, int from) {
    int last = markdown.length() - 1;
    for (int i = markdown.indexOf(']', from);
        i >= 0 && i < last;
        i = markdown.indexOf(']', i + 1)) {
      char next = markdown.charAt(i + 1);
      if (next == '(' || next == '[' || next == ':') {
        return i;
      }
    }
    return markdown.length();
  }

  /** Where the next character reference starts at or after {@code from}, or the text's length. */
  private static int nextEntity(String markdown, int from) {
    for (int amp = markdown.indexOf('&', from); amp >= 0; amp = markdown.indexOf('&', amp + 1)) {
      if (referenceEnd(markdown, amp) > 0) {
        return amp;
      }
    }
    return markdown.length();
  }

  /** Whether {@code [linkEnd, urlStart)} is the ":" and blanks of a link reference definition. */
  private static boolean isDefinition(String markdown, int linkEnd, int urlStart) {
    if (linkEnd >= urlStart || markdown.charAt(linkEnd) != ':') {
      return false;
    }
    for (int i = linkEnd + 1; i < urlStart; i++) {
      char c = markdown.charAt(i);
      if (c != ' ' && c != '\t') {
        return false;
      }
    }
    return true;
  }

  private static int lineEnd(String text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  /** The longest character reference: {@code &CounterClockwiseContourIntegral;}. */
  private static final int MAX_REFERENCE = 33;

  /**
   * Decodes the character references that start in {@code [from, to)} of {@code part} (where the
   * text still holds them: a blanked one stays blank).
   */
  private static void decodeEntities(String part, Changes changes, int from, int to) {
    for (int amp = part.indexOf('&', from); amp >= 0 && amp < to; ) {
      int end = referenceEnd(part, amp);
      if (end < 0
          || (amp > 0 && part.charAt(amp - 1) == '\\' && !InlineLinks.escaped(part, amp - 1))) {
        amp = part.indexOf('&', amp + 1);
        continue;
      }
      if (changes.at(amp) == '&' && changes.at(end - 1) == ';') {
        String reference = part.substring(amp, end);
        String decoded = Html5Entities.entityToString(reference);
        if (!decoded.equals(reference) && decoded.length() <= end - amp) {
          for (int i = amp; i < end; i++) {
            int k = i - amp;
            changes.set(i, k < decoded.length() ? decoded.charAt(k) : ' ');
          }
        }
      }
      amp = part.indexOf('&', end);
    }
  }

  /**
   * The end (after its {@code ;}) of the character reference at {@code amp} as CommonMark writes
   * one ({@code &name;}, {@code &#digits;}, {@code &#xhex;}), or -1.
   */
  private static int referenceEnd(String s, int amp) {
    int n = Math.min(s.length(), amp + MAX_REFERENCE);
    int i = amp + 1;
    if (i < n && s.charAt(i) == '#') {
      i++;
      boolean hex = i < n && (s.charAt(i) == 'x' || s.charAt(i) == 'X');
      if (hex) {
        i++;
      }
      int digits = i;
      while (i < n && (hex ? isHex(s.charAt(i)) : isDigit(s.charAt(i)))) {
        i++;
      }
      int count = i - digits;
      boolean fits = count >= 1 && count <= (hex ? 6 : 7);
      return fits && i < n && s.charAt(i) == ';' ? i + 1 : -1;
    }
    if (i >= n || !isLetter(s.charAt(i))) {
      return -1;
    }
    while (i < n && (isLetter(s.charAt(i)) || isDigit(s.charAt(i)))) {
      i++;
    }
    return i < n && s.charAt(i) == ';' ? i + 1 : -1;
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHex(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
