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
    if (!mayHoldLinkOrEntity(markdown)) {
      return text;
    }
    List<Highlighting.Span> spans = new BlockScanner(markdown, false).run().spans();
    char[] out = text.toCharArray();
    boolean changed = false;
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
        changed |= decodeEntities(markdown, out, start, at);
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
        char first = markdown.charAt(start);
        if (first == '(' || first == '[') {
          changed |= blank(out, start, end); // an inline link's address and title, a reference
        } else if (linkEnd >= 0 && isDefinition(markdown, linkEnd, start)) {
          changed |= blank(out, linkStart, lineEnd(markdown, end)); // [ref]: address "title"
        }
        continue; // otherwise an address the page shows as written (an autolink, a bare URL)
      }
      if (classes.contains(HighlightClasses.LINK)) {
        if (start != linkEnd) {
          linkStart = start;
        }
        linkEnd = at;
      }
      changed |= decodeEntities(markdown, out, start, at);
    }
    return changed ? new String(out) : text;
  }

  /**
   * Whether the notes may hold a link's address ({@code ](}), a reference ({@code ][}), a link
   * reference definition ({@code ]:}) or a character reference ({@code &}): most notes have none
   * and skip the scan.
   */
  static boolean mayHoldLinkOrEntity(String markdown) {
    if (markdown.indexOf('&') >= 0) {
      return true;
    }
    int last = markdown.length() - 1;
    for (int i = markdown.indexOf(']'); i >= 0 && i < last; i = markdown.indexOf(']', i + 1)) {
      char next = markdown.charAt(i + 1);
      if (next == '(' || next == '[' || next == ':') {
        return true;
      }
    }
    return false;
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

  private static boolean blank(char[] out, int from, int to) {
    boolean changed = false;
    for (int i = from; i < to; i++) {
      if (out[i] != '\n' && out[i] != '\r' && out[i] != ' ') {
        out[i] = ' ';
        changed = true;
      }
    }
    return changed;
  }

  /** The longest character reference: {@code &CounterClockwiseContourIntegral;}. */
  private static final int MAX_REFERENCE = 33;

  /**
   * Decodes the character references that start in {@code [from, to)} of {@code markdown} into
   * {@code out} (where {@code out} still holds them: a blanked one stays blank).
   */
  private static boolean decodeEntities(String markdown, char[] out, int from, int to) {
    boolean changed = false;
    for (int amp = markdown.indexOf('&', from); amp >= 0 && amp < to; ) {
      int end = referenceEnd(markdown, amp);
      if (end < 0 || (amp > 0 && markdown.charAt(amp - 1) == '\\' && !escaped(markdown, amp - 1))) {
        amp = markdown.indexOf('&', amp + 1);
        continue;
      }
      if (out[amp] == '&' && out[end - 1] == ';') {
        String reference = markdown.substring(amp, end);
        String decoded = Html5Entities.entityToString(reference);
        if (!decoded.equals(reference) && decoded.length() <= end - amp) {
          decoded.getChars(0, decoded.length(), out, amp);
          for (int i = amp + decoded.length(); i < end; i++) {
            out[i] = ' ';
          }
          changed = true;
        }
      }
      amp = markdown.indexOf('&', end);
    }
    return changed;
  }

  /** Whether the character at {@code i} is itself escaped by an odd run of backslashes. */
  private static boolean escaped(String text, int i) {
    int backslashes = 0;
    for (int k = i - 1; k >= 0 && text.charAt(k) == '\\'; k--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
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
