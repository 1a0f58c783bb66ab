package dev.talkbook.core.markdown;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.internal.util.Html5Entities;

/**
 * The inline links and images of notes ({@code [text](target "title")}, {@code ![alt](pic.png)}),
 * and the link reference definitions their reference forms use ({@code [label]: pic.png}, for
 * {@code ![alt][label]}), found where the page shows them as links: not in code spans, fenced code
 * (the editor's highlighting scan, {@link BlockScanner}, says which characters are code, as for
 * {@link ShownInline}) or an indented code block, and not when a bracket is escaped ({@code
 * \[x](a.md)}). A link's text may hold brackets and images ({@code [a [b] c](x.md)}, {@code
 * [![logo](a.png)](x.md)}): the text runs back from {@code ](} to its matching {@code [}. The one
 * place the Markdown import and export find links (to other notes, to {@code talk:} and to
 * attachments), so what one writes the other reads; and Obsidian's links to notes ({@code [[Note
 * name]]}, {@link #wikiLinks}), which the import makes links to talks.
 *
 * <p>Where the scan is simpler than the page's parse: an indented code block is a line indented
 * four or more columns after a blank line (or after such a line), so a list item's paragraph
 * indented so far after a blank line counts as code; a link's text does not run across a blank
 * line. Pure.
 */
public final class InlineLinks {
  private InlineLinks() {}

  /**
   * One link or image.
   *
   * @param start where it starts (its {@code [}, or the {@code !} of an image)
   * @param textStart after the {@code [}
   * @param textEnd at the {@code ]}
   * @param targetStart where the target starts (its {@code <} when it is in angle brackets)
   * @param targetEnd after the target (after its {@code >})
   * @param end after the closing {@code )}
   * @param target the target, without angle brackets
   */
  public record Link(
      int start,
      int textStart,
      int textEnd,
      int targetStart,
      int targetEnd,
      int end,
      String target) {
    /** Whether it is an image ({@code ![alt](pic.png)}). */
    public boolean image() {
      return textStart - start == 2;
    }

    /**
     * Whether it is a link reference definition ({@code [label]: target}), whose text is the label,
     * in {@code markdown}.
     */
    public boolean definition(String markdown) {
      return textEnd + 1 < markdown.length() && markdown.charAt(textEnd + 1) == ':';
    }

    /** The link's text (its Markdown) in {@code markdown}. */
    public String text(String markdown) {
      return markdown.substring(textStart, textEnd);
    }

    /** {@code markdown}'s link with its target made {@code target} (title kept). */
    public String withTarget(String markdown, String target) {
      return markdown.substring(start, targetStart) + target + markdown.substring(targetEnd, end);
    }

    /** The same link {@code by} characters further on (in a text with that much put before). */
    public Link shifted(int by) {
      return by == 0
          ? this
          : new Link(
              start + by,
              textStart + by,
              textEnd + by,
              targetStart + by,
              targetEnd + by,
              end + by,
              target);
    }
  }

  /**
   * The links and images of {@code markdown}, in the order their {@code ](} come. One pass: the
   * open {@code [} are a stack (emptied at a blank line), each {@code ]} closes the last one.
   */
  public static List<Link> in(String markdown) {
    List<Link> links = new ArrayList<>();
    boolean inline = markdown.contains("](");
    boolean definitions = markdown.contains("]:");
    if (!inline && !definitions) {
      return links;
    }
    boolean[] code = code(markdown);
    if (inline) {
      inlineLinks(markdown, code, links);
    }
    if (definitions) {
      List<Link> defined = definitions(markdown, code);
      if (!defined.isEmpty()) {
        links.addAll(defined);
        links.sort(java.util.Comparator.comparingInt(Link::textEnd));
      }
    }
    return links;
  }

  /** The inline links of {@code markdown} ({@link #in}), in the order their {@code ](} come. */
  private static void inlineLinks(String markdown, boolean[] code, List<Link> links) {
    int[] open = new int[16];
    int depth = 0;
    int n = markdown.length();
    int lineStart = 0;
    for (int i = 0; i < n; i++) {
      char c = markdown.charAt(i);
      if (c == '\n') {
        if (Fences.blankLine(markdown, lineStart, i)) {
          depth = 0; // a link's text does not run across a blank line
        }
        lineStart = i + 1;
        continue;
      }
      if ((c != '[' && c != ']') || code[i] || escaped(markdown, i)) {
        continue;
      }
      if (c == '[') {
        if (depth == open.length) {
          open = java.util.Arrays.copyOf(open, depth * 2);
        }
        open[depth++] = i;
      } else if (depth > 0) {
        int start = open[--depth];
        if (i + 1 < n && markdown.charAt(i + 1) == '(') {
          Link link = after(markdown, start, i);
          if (link != null) {
            links.add(link);
          }
        }
      }
    }
  }

  /**
   * The pictures of {@code markdown}'s raw HTML ({@code <img src="diagram.png" width="300">}, the
   * usual way to size a picture in Obsidian or on GitHub), outside code and HTML comments, as links
   * whose target is the {@code src} value (quoted or not, as written) and whose text is empty: the
   * import stores the files they name as it does those of {@code ![alt](diagram.png)}, and points
   * the tags at them ({@link Link#withTarget}).
   */
  public static List<Link> rawImages(String markdown) {
    List<Link> found = new ArrayList<>();
    String lower = asciiLower(markdown);
    int at = lower.indexOf("<img");
    if (at < 0) {
      return found;
    }
    boolean[] code = code(markdown);
    int n = markdown.length();
    while (at >= 0) {
      int comment = lower.lastIndexOf("<!--", at);
      int commentEnd = comment < 0 ? -1 : lower.indexOf("-->", comment + 4);
      boolean inComment = comment >= 0 && (commentEnd < 0 || commentEnd > at);
      int after = at + 4;
      boolean tag =
          after < n
              && (Character.isWhitespace(markdown.charAt(after)) || markdown.charAt(after) == '/');
      Link img =
          tag && !code[at] && !inComment && !escaped(markdown, at)
              ? rawImage(markdown, lower, at)
              : null;
      if (img != null) {
        found.add(img);
      }
      at = lower.indexOf("<img", at + 4);
    }
    return found;
  }

  /**
   * {@code text} with only A–Z lowered: HTML's names are ASCII and matched without case, and every
   * character keeps its place ({@code toLowerCase} makes two of "İ", which moved every position
   * after it, so a picture after a Turkish capital İ was not found).
   */
  private static String asciiLower(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c >= 'A' && c <= 'Z') {
        chars[i] = (char) (c + ('a' - 'A'));
      }
    }
    return new String(chars);
  }

  /** The {@code <img …>} tag starting at {@code at} as a link to its {@code src}, or null. */
  private static Link rawImage(String markdown, String lower, int at) {
    int n = markdown.length();
    int i = at + 4;
    while (i < n) {
      while (i < n && Character.isWhitespace(markdown.charAt(i))) {
        i++;
      }
      if (i >= n) {
        return null;
      }
      char c = markdown.charAt(i);
      if (c == '>' || (c == '/' && i + 1 < n && markdown.charAt(i + 1) == '>')) {
        return null; // no src
      }
      int nameStart = i;
      while (i < n
          && !Character.isWhitespace(markdown.charAt(i))
          && "=>/\"'".indexOf(markdown.charAt(i)) < 0) {
        i++;
      }
      if (i == nameStart) {
        i++; // a stray character: passed over, as a browser does
        continue;
      }
      String name = lower.substring(nameStart, i);
      int j = i;
      while (j < n && Character.isWhitespace(markdown.charAt(j))) {
        j++;
      }
      if (j >= n || markdown.charAt(j) != '=') {
        continue; // an attribute without a value
      }
      j++;
      while (j < n && Character.isWhitespace(markdown.charAt(j))) {
        j++;
      }
      if (j >= n) {
        return null;
      }
      int valueStart;
      int valueEnd;
      char q = markdown.charAt(j);
      if (q == '"' || q == '\'') {
        valueStart = j + 1;
        valueEnd = markdown.indexOf(q, valueStart);
        if (valueEnd < 0) {
          return null;
        }
        i = valueEnd + 1;
      } else {
        valueStart = j;
        valueEnd = j;
        while (valueEnd < n
            && !Character.isWhitespace(markdown.charAt(valueEnd))
            && markdown.charAt(valueEnd) != '>') {
          valueEnd++;
        }
        i = valueEnd;
      }
      if (name.equals("src")) {
        int end = markdown.indexOf('>', i);
        if (end < 0 || valueEnd == valueStart) {
          return null;
        }
        return new Link(
            at,
            at,
            at,
            valueStart,
            valueEnd,
            end + 1,
            decodedReferences(markdown.substring(valueStart, valueEnd).strip()));
      }
    }
    return null;
  }

  /**
   * A character reference: named ({@code &amp;}), decimal ({@code &#38;}) or hex ({@code &#x26;}).
   */
  private static final Pattern REFERENCE =
      Pattern.compile("&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});");

  /**
   * An attribute's value as a browser reads it: its character references decoded ({@code
   * a&amp;b.png} names the file {@code a&b.png}, as HTML wants a {@code &} written), by
   * commonmark's own table; one it does not know stays as written.
   */
  static String decodedReferences(String value) {
    if (value.indexOf('&') < 0) {
      return value;
    }
    Matcher m = REFERENCE.matcher(value);
    StringBuilder out = new StringBuilder(value.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(Html5Entities.entityToString(m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * The link reference definitions of {@code markdown} ({@code [label]: target "title"}, which
   * {@code [text][label]} and {@code ![alt][label]} use), as links whose text is the label: each on
   * one line of its own, outside code, where a definition may start (at the start, after a blank
   * line, a heading, code or another definition; one cannot interrupt a paragraph). Not found: a
   * definition inside a list item or a quote, or one whose target or title runs onto the next line.
   */
  private static List<Link> definitions(String markdown, boolean[] code) {
    List<Link> found = new ArrayList<>();
    boolean mayStart = true;
    int n = markdown.length();
    for (int line = 0; line < n; ) {
      int nl = markdown.indexOf('\n', line);
      int lineEnd = nl < 0 ? n : nl;
      if (Fences.blankLine(markdown, line, lineEnd)) {
        mayStart = true;
      } else if (code[line]) {
        mayStart = true; // a fence or indented code ends its block
      } else {
        Link d = mayStart ? definition(markdown, line, lineEnd) : null;
        if (d != null) {
          found.add(d);
        } else {
          int text = Fences.skipBlank(markdown, line, lineEnd);
          mayStart = text - line < 4 && atxHeading(markdown, text, lineEnd);
        }
      }
      line = lineEnd + 1;
    }
    return found;
  }

  /**
   * Whether {@code [from, to)} starts a heading: one to six {@code #} then a blank or the line's
   * end ({@code #tag}, an Obsidian tag, starts a paragraph, which a definition cannot interrupt).
   */
  private static boolean atxHeading(String markdown, int from, int to) {
    int hashes = 0;
    while (from + hashes < to && markdown.charAt(from + hashes) == '#') {
      hashes++;
    }
    int after = from + hashes;
    return hashes >= 1
        && hashes <= 6
        && (after == to || markdown.charAt(after) == ' ' || markdown.charAt(after) == '\t');
  }

  /**
   * The definition {@code [label]: target "title"} that is the line {@code [from, to)}, or null.
   */
  private static Link definition(String markdown, int from, int to) {
    int open = from;
    while (open < to && open - from < 3 && markdown.charAt(open) == ' ') {
      open++;
    }
    if (open >= to || markdown.charAt(open) != '[') {
      return null;
    }
    int close = open + 1;
    while (close < to && markdown.charAt(close) != ']') {
      if (markdown.charAt(close) == '[' && !escaped(markdown, close)) {
        return null;
      }
      close = markdown.charAt(close) == '\\' ? close + 2 : close + 1;
    }
    if (close >= to
        || close + 1 >= to
        || markdown.charAt(close + 1) != ':'
        || markdown.substring(open + 1, close).isBlank()
        || markdown.charAt(open + 1) == '^') { // [^1]: a footnote
      return null;
    }
    int i = close + 2;
    while (i < to && (markdown.charAt(i) == ' ' || markdown.charAt(i) == '\t')) {
      i++;
    }
    int targetStart = i;
    String target;
    if (i < to && markdown.charAt(i) == '<') {
      int gt = angleTargetEnd(markdown, i, to);
      if (gt < 0 || gt == i + 1) {
        return null;
      }
      target = destination(markdown.substring(i + 1, gt));
      i = gt + 1;
    } else {
      int end = bareTargetEnd(markdown, i, to);
      if (end <= i) {
        return null;
      }
      target = destination(markdown.substring(i, end));
      i = end;
    }
    int targetEnd = i;
    int rest = i;
    while (rest < to && (markdown.charAt(rest) == ' ' || markdown.charAt(rest) == '\t')) {
      rest++;
    }
    if (rest < to) {
      char c = markdown.charAt(rest);
      char quote = c == '(' ? ')' : c;
      if (rest == i || (c != '"' && c != '\'' && c != '(')) {
        return null; // something else after the target: a paragraph, not a definition
      }
      int q = rest + 1;
      while (q < to && (markdown.charAt(q) != quote || escaped(markdown, q))) {
        q++;
      }
      if (q >= to || !markdown.substring(q + 1, to).isBlank()) {
        return null;
      }
    }
    return new Link(open, open + 1, close, targetStart, targetEnd, to, target);
  }

  /**
   * Where a bare target starting at {@code i} ends (before {@code to}): at a space or a control
   * character, or the first unpaired {@code )}; parentheses in pairs and escaped ones belong to it.
   * -1 when a parenthesis stays open. As commonmark reads it: an ideographic space (U+3000) or any
   * other Unicode blank is part of the target ({@code Character.isWhitespace} ended it there, so
   * the import looked for a file of the name's first part).
   */
  private static int bareTargetEnd(String markdown, int i, int to) {
    int parens = 0;
    while (i < to && !endsBareTarget(markdown.charAt(i))) {
      char c = markdown.charAt(i);
      if (c == '\\' && i + 1 < to && isAsciiPunctuation(markdown.charAt(i + 1))) {
        i += 2;
        continue;
      }
      if (c == '(') {
        parens++;
      } else if (c == ')') {
        if (parens == 0) {
          break;
        }
        parens--;
      }
      i++;
    }
    return parens > 0 ? -1 : i;
  }

  /**
   * {@code markdown} with each link {@code replacement} gives a text for (null: kept as written)
   * replaced, from its start to its end, by that text. The links in a link's text (an image in a
   * link) come first: {@code replacement} gets the text as changed so far and the link where it is
   * in it.
   */
  public static String replace(String markdown, BiFunction<String, Link, String> replacement) {
    return replace(markdown, in(markdown), replacement);
  }

  /**
   * {@link #replace(String, BiFunction)} with the links {@link #in} found in {@code markdown}
   * already (a caller that read them keeps the one scan).
   */
  public static String replace(
      String markdown, List<Link> found, BiFunction<String, Link, String> replacement) {
    if (found.isEmpty()) {
      return markdown;
    }
    List<Link> links = new ArrayList<>(found);
    links.sort((a, b) -> Integer.compare(b.start(), a.start())); // the last first: inner first
    String text = markdown;
    List<int[]> edits = new ArrayList<>(); // {start, end, change of length}, in the original
    for (Link link : links) {
      int shift = 0;
      boolean overlaps = false;
      for (int[] e : edits) {
        if (e[0] >= link.textStart() && e[1] <= link.textEnd()) {
          shift += e[2];
        } else if (e[0] < link.end()) {
          overlaps = true;
        }
      }
      if (overlaps) {
        continue;
      }
      Link here =
          new Link(
              link.start(),
              link.textStart(),
              link.textEnd() + shift,
              link.targetStart() + shift,
              link.targetEnd() + shift,
              link.end() + shift,
              link.target());
      String with = replacement.apply(text, here);
      if (with == null) {
        continue;
      }
      text = text.substring(0, here.start()) + with + text.substring(here.end());
      edits.add(new int[] {link.start(), link.end(), with.length() - (here.end() - here.start())});
    }
    return text;
  }

  /**
   * An Obsidian link to another note: {@code [[Note name]]}, {@code [[Note name|shown text]]},
   * {@code [[Note name#Heading]]} (in a table {@code \|} for the {@code |}).
   *
   * @param start where its {@code [[} starts
   * @param end after its {@code ]]}
   * @param note the note's name as written (a file name without {@code .md}, or a path)
   * @param heading the heading after {@code #}, or null
   * @param shown the text after {@code |}, or null
   */
  public record WikiLink(int start, int end, String note, String heading, String shown) {
    /**
     * The text Obsidian shows for it: the shown text, else "Note name" or "Note name > Heading".
     */
    public String text() {
      return shown != null ? shown : heading == null ? note : note + " > " + heading;
    }

    /**
     * The id the page gives the heading it names ({@link HeadingIds}: "Key points" → {@code
     * key-points}), or null: Obsidian names a heading by its text, a link by its id.
     */
    public String fragment() {
      return heading == null || heading.startsWith("^")
          ? null // no heading, or a block (^id), which a page has no id for
          : new HeadingIds().idFor(heading.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /** The same link {@code by} characters further on (in a text with that much put before). */
    public WikiLink shifted(int by) {
      return by == 0 ? this : new WikiLink(start + by, end + by, note, heading, shown);
    }
  }

  /**
   * The Obsidian links to notes of {@code markdown} ({@link WikiLink}), in order, found where the
   * page shows text: not in code (as {@link #in} finds links), not escaped ({@code \[[x]]}), not an
   * embed ({@code ![[picture.png]]}) and not inside a link ({@code links}: those {@link #in} found
   * in {@code markdown}); one line each, the note's name not empty.
   */
  public static List<WikiLink> wikiLinks(String markdown, List<Link> links) {
    List<WikiLink> found = new ArrayList<>();
    int at = markdown.indexOf("[[");
    if (at < 0) {
      return found;
    }
    boolean[] code = code(markdown);
    while (at >= 0) {
      int close = markdown.indexOf("]]", at + 2);
      int nl = markdown.indexOf('\n', at);
      if (close < 0) {
        break;
      }
      String inner = markdown.substring(at + 2, close);
      boolean embed = at > 0 && markdown.charAt(at - 1) == '!' && !escaped(markdown, at - 1);
      int start = at;
      if ((nl >= 0 && nl < close)
          || inner.indexOf('[') >= 0
          || inner.indexOf(']') >= 0
          || code[at]
          || escaped(markdown, at)
          || embed
          || inLink(links, at)) {
        at = markdown.indexOf("[[", at + 1);
        continue;
      }
      WikiLink link = wikiLink(start, close + 2, inner);
      if (link != null) {
        found.add(link);
      }
      at = markdown.indexOf("[[", close + 2);
    }
    return found;
  }

  /**
   * The Obsidian embeds of {@code markdown} ({@code ![[diagram.png]]}, {@code ![[Note]]}) as
   * written, in order, found where the page shows text: not in code, not escaped, not inside a link
   * ({@code links}: those {@link #in} found in {@code markdown}); one line each.
   */
  public static List<String> embeds(String markdown, List<Link> links) {
    List<String> found = new ArrayList<>();
    int at = markdown.indexOf("![[");
    if (at < 0) {
      return found;
    }
    boolean[] code = code(markdown);
    while (at >= 0) {
      int close = markdown.indexOf("]]", at + 3);
      if (close < 0) {
        break;
      }
      int nl = markdown.indexOf('\n', at);
      String inner = markdown.substring(at + 3, close);
      boolean shown =
          !(nl >= 0 && nl < close)
              && !inner.isBlank()
              && inner.indexOf('[') < 0
              && inner.indexOf(']') < 0
              && !code[at]
              && !escaped(markdown, at)
              && !inLink(links, at);
      if (shown) {
        found.add(markdown.substring(at, close + 2));
        at = markdown.indexOf("![[", close + 2);
      } else {
        at = markdown.indexOf("![[", at + 1);
      }
    }
    return found;
  }

  private static boolean inLink(List<Link> links, int at) {
    for (Link l : links) {
      if (l.start() <= at && at < l.end()) {
        return true;
      }
    }
    return false;
  }

  /** {@code [[inner]]} read: the note, its heading and the shown text; null when it names none. */
  private static WikiLink wikiLink(int start, int end, String inner) {
    int bar = inner.indexOf('|');
    String target = bar < 0 ? inner : inner.substring(0, bar);
    String shown = bar < 0 ? null : inner.substring(bar + 1).strip();
    if (target.endsWith("\\")) {
      target = target.substring(0, target.length() - 1); // [[Note\|shown]] in a table
    }
    int hash = target.indexOf('#');
    String note = (hash < 0 ? target : target.substring(0, hash)).strip();
    String heading = hash < 0 ? null : target.substring(hash + 1).strip();
    if (note.isEmpty()) {
      return null; // [[#Heading]]: a heading of the same note
    }
    return new WikiLink(
        start,
        end,
        note,
        heading == null || heading.isEmpty() ? null : heading,
        shown == null || shown.isEmpty() ? null : shown);
  }

  /**
   * The path a relative link target names, as the file is named: its {@code %} escapes decoded as
   * UTF-8 and a {@code +} kept (a path, not a form); as written where a {@code %} starts no escape
   * ({@code 50%.png}: the percent sign is part of the name), each escape on its own ({@code
   * a%20b%.png} is "a b%.png"), and a run of escapes that is no UTF-8 as written. The inverse of
   * {@link #encodedPath}.
   */
  public static String decodedPath(String target) {
    if (target.indexOf('%') < 0) {
      return target;
    }
    StringBuilder out = new StringBuilder(target.length());
    int i = 0;
    while (i < target.length()) {
      int start = i;
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      while (i + 2 < target.length()
          && target.charAt(i) == '%'
          && Character.digit(target.charAt(i + 1), 16) >= 0
          && Character.digit(target.charAt(i + 2), 16) >= 0) {
        bytes.write(Integer.parseInt(target.substring(i + 1, i + 3), 16));
        i += 3;
      }
      if (i == start) {
        out.append(target.charAt(i++));
        continue;
      }
      try {
        out.append(
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray())));
      } catch (java.nio.charset.CharacterCodingException notUtf8) {
        out.append(target, start, i);
      }
    }
    return out.toString();
  }

  /**
   * A relative path ({@code day 2/keynote.md}) as a link target: each part {@code %}-encoded as
   * UTF-8, a space as {@code %20}, the slashes kept. {@link #decodedPath} reads it back.
   */
  public static String encodedPath(String path) {
    List<String> parts = new ArrayList<>();
    for (String p : path.split("/")) {
      parts.add(URLEncoder.encode(p, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return String.join("/", parts);
  }

  /** Which characters are code: code spans and fenced code (by the scan), indented code blocks. */
  static boolean[] code(String markdown) {
    boolean[] code = new boolean[markdown.length() + 1];
    int at = 0;
    for (Highlighting.Span span : new BlockScanner(markdown, false).run().spans()) {
      Set<String> classes = span.classes();
      if (classes.contains(HighlightClasses.CODE) || classes.contains(HighlightClasses.FENCE)) {
        for (int i = at; i < at + span.length(); i++) {
          code[i] = true;
        }
      }
      at += span.length();
    }
    boolean mayIndent = true; // after a blank line, at the start, or after indented code
    for (int line = 0; line < markdown.length(); ) {
      int nl = markdown.indexOf('\n', line);
      int lineEnd = nl < 0 ? markdown.length() : nl;
      int text = Fences.skipBlank(markdown, line, lineEnd);
      boolean blank = Fences.blankLine(markdown, line, lineEnd);
      boolean indented =
          !blank && !code[line] && mayIndent && Fences.columns(markdown, line, text) >= 4;
      if (indented) {
        for (int i = line; i < lineEnd; i++) {
          code[i] = true;
        }
      }
      mayIndent = blank || indented;
      line = lineEnd + 1;
    }
    return code;
  }

  /** The link with text {@code [open, close]} and a target after {@code close}, or null. */
  private static Link after(String markdown, int open, int close) {
    int n = markdown.length();
    int i = skipSpaces(markdown, close + 2);
    int targetStart = i;
    String target;
    if (i < n && markdown.charAt(i) == '<') {
      int gt = angleTargetEnd(markdown, i, n);
      if (gt < 0 || gt == i + 1) {
        return null;
      }
      target = destination(markdown.substring(i + 1, gt));
      i = gt + 1;
    } else {
      // as CommonMark reads it: parentheses in pairs ("photo (1).png", the name a second download
      // gets) and escaped ones belong to the target; the first unpaired ")" ends it
      i = bareTargetEnd(markdown, i, n);
      if (i <= targetStart) {
        return null;
      }
      target = destination(markdown.substring(targetStart, i));
    }
    int targetEnd = i;
    i = skipSpaces(markdown, i);
    if (i < n && (markdown.charAt(i) == '"' || markdown.charAt(i) == '\'')) {
      char quote = markdown.charAt(i);
      i++;
      while (i < n && (markdown.charAt(i) != quote || escaped(markdown, i))) {
        i++;
      }
      i = skipSpaces(markdown, i + 1);
    }
    if (i >= n || markdown.charAt(i) != ')') {
      return null;
    }
    boolean image = open > 0 && markdown.charAt(open - 1) == '!' && !escaped(markdown, open - 1);
    return new Link(
        image ? open - 1 : open, open + 1, close, targetStart, targetEnd, i + 1, target);
  }

  /** Whether {@code c} ends a bare link target: a space or a control character, as commonmark. */
  private static boolean endsBareTarget(char c) {
    return c == ' ' || Character.isISOControl(c);
  }

  private static boolean isAsciiPunctuation(char c) {
    return c < 128 && !Character.isLetterOrDigit(c) && c > ' ' && c != 127;
  }

  /**
   * Where the angle-bracket target opened at {@code open} ends (its {@code >}), before {@code to};
   * -1 when it does not end on its line. As commonmark reads it: an escaped bracket ({@code \>},
   * {@code \<}) belongs to the target, and an unescaped {@code <} makes it none.
   */
  private static int angleTargetEnd(String markdown, int open, int to) {
    for (int i = open + 1; i < to; i++) {
      char c = markdown.charAt(i);
      if (c == '\\' && i + 1 < to && isAsciiPunctuation(markdown.charAt(i + 1))) {
        i++;
      } else if (c == '>') {
        return i;
      } else if (c == '<' || c == '\n') {
        return -1;
      }
    }
    return -1;
  }

  /**
   * A target (bare, or inside its angle brackets) read as the page reads it, in one pass as
   * commonmark does: its backslash escapes ({@code a\(1\).png} is "a(1).png") and its character
   * references ({@code a&amp;b.png} is "a&b.png", by commonmark's own table; one it does not know
   * stays as written), an escaped {@code \&amp;} staying "&amp;".
   */
  static String destination(String target) {
    if (target.indexOf('\\') < 0 && target.indexOf('&') < 0) {
      return target;
    }
    StringBuilder out = new StringBuilder(target.length());
    Matcher reference = REFERENCE.matcher(target);
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c == '\\' && i + 1 < target.length() && isAsciiPunctuation(target.charAt(i + 1))) {
        out.append(target.charAt(++i));
      } else if (c == '&' && reference.region(i, target.length()).lookingAt()) {
        out.append(Html5Entities.entityToString(reference.group()));
        i = reference.end() - 1;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Past the blanks from {@code i} (at most one line break), as commonmark skips them around a
   * link's target: space, tab, line feed, and the vertical tab and form feed it counts with them.
   */
  private static int skipSpaces(String s, int i) {
    int spaces = 0;
    while (i < s.length() && " \t\n\u000B\f".indexOf(s.charAt(i)) >= 0) {
      if (s.charAt(i) == '\n' && ++spaces > 1) {
        break;
      }
      i++;
    }
    return i;
  }

  /**
   * Whether the character at {@code i} is escaped by an odd run of backslashes before it (the one
   * test, also {@link ShownInline}'s).
   */
  static boolean escaped(CharSequence text, int i) {
    int backslashes = 0;
    for (int k = i - 1; k >= 0 && text.charAt(k) == '\\'; k--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }
}
