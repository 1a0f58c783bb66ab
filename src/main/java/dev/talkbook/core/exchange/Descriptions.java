package dev.talkbook.core.exchange;

import dev.talkbook.core.markdown.NodeText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * A programme's description as the Markdown an abstract is kept in, from the three kinds of text
 * programmes carry:
 *
 * <ul>
 *   <li>{@link #fromMarkdown Markdown} (pretalx documents its abstracts as Markdown; frab's and
 *       Sessionize's are read the same way): kept as written, paragraphs and all, with the HTML in
 *       it that is real HTML (the notes' renderer and its allow-list handle it where it is shown).
 *       Something in angle brackets that is not an HTML tag ({@code <interop>}, {@code
 *       List<String>}) is escaped so that it shows as written: as raw HTML, the renderer's
 *       sanitizer would drop it.
 *   <li>{@link #fromPlainText plain text} (an iCalendar DESCRIPTION): escaped, so that every
 *       character shows as written; line breaks stay line breaks, blank lines paragraphs.
 *   <li>HTML (older frab instances, Sched's iCalendar): a Markdown description that starts with a
 *       block of HTML, or plain text with paragraph or line-break tags, is parsed with jsoup and
 *       written out as Markdown: paragraphs, line breaks, lists, emphasis, code, quotes and links
 *       to http(s) and mailto addresses. Scripts, styles, frames, forms and images are dropped,
 *       other elements keep only their text, and text is escaped so that it stays text ({@code
 *       List<String>} in it too).
 * </ul>
 *
 * <p>And back, for a reader of plain text (the agenda's calendar): {@link #toPlainText}.
 */
public final class Descriptions {
  /** Every HTML element's name (HTML5 and the old ones still met); any other tag is text. */
  private static final Set<String> HTML_ELEMENTS =
      Set.of(
          ("a abbr acronym address area article aside audio b base basefont bdi "
                  + "bdo big blink blockquote body br button canvas caption center cite "
                  + "code col colgroup data datalist dd del details dfn dialog dir div dl "
                  + "dt em embed fieldset figcaption figure font footer form frame frameset "
                  + "h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins "
                  + "kbd label legend li link main map mark marquee math menu meta meter "
                  + "nav nobr noembed noframes noscript object ol optgroup option output p "
                  + "param picture plaintext pre progress q rp rt ruby s samp script search "
                  + "section select slot small source span strike strong style sub summary "
                  + "sup svg table tbody td template textarea tfoot th thead time title tr "
                  + "track tt u ul var video wbr xmp")
              .split(" "));

  /**
   * A tag, opening or closing, its name in group 2: commonmark's grammar of tags (CommonMark spec,
   * 6.6), so that {@code <A, B>} or {@code <Map<K, V>>} is none.
   */
  private static final Pattern TAG =
      Pattern.compile(
          "<(/?)([A-Za-z][A-Za-z0-9-]*)"
              + "(?:\\s+[A-Za-z_:][A-Za-z0-9_.:-]*"
              + "(?:\\s*=\\s*(?:[^\\s\"'=<>`]+|'[^']*'|\"[^\"]*\"))?)*"
              + "\\s*/?>");

  /** Block tags that, opening a Markdown description, make it an HTML one. */
  private static final Pattern HTML_DOCUMENT_START =
      Pattern.compile(
          "^<(p|div|ul|ol|h[1-6]|table|blockquote|pre|section|article|dl|center|hr|br)\\b[^>]*>",
          Pattern.CASE_INSENSITIVE);

  /** Tags of paragraphs, line breaks and lists: plain text does not have them, HTML does. */
  private static final Pattern HTML_STRUCTURE =
      Pattern.compile(
          "</?(p|br|div|ul|ol|li|h[1-6]|table|tr|td|blockquote|pre|hr)\\b[^>]*>",
          Pattern.CASE_INSENSITIVE);

  /** Finds the raw HTML commonmark sees in a description, with where each piece is. */
  private static final Parser MARKDOWN =
      Parser.builder()
          .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
          .maxOpenBlockParsers(100)
          .maxInlineNesting(100)
          .build();

  /**
   * An abstract's Markdown as a reader of plain text shows it (a calendar's description): the text
   * of paragraphs and headings, blank lines between them, a paragraph's line breaks kept (an .ics
   * programme's description has its lines back), a list's items one a line after "• ", code as
   * written, a link's web or mail address after its text in brackets; emphasis, escapes, raw HTML's
   * tags and tables left out.
   */
  static String toPlainText(String markdown) {
    return toPlainText(markdown, true, true);
  }

  /**
   * An abstract's Markdown as text for a terminal ({@code talkbook show --details}): as {@link
   * #toPlainText}, with a paragraph's line breaks kept, so no escape or trailing space shows.
   */
  public static String asText(String markdown) {
    return toPlainText(markdown, true, false);
  }

  /** Stands for a paragraph's line break while its text is put on one line: not white space. */
  private static final String LINE_BREAK = "\u2028";

  private static String toPlainText(String markdown, boolean keepLineBreaks, boolean addresses) {
    org.commonmark.node.Node document = MARKDOWN.parse(markdown == null ? "" : markdown);
    if (addresses) {
      // "See [the docs](https://…)" is "See the docs (https://…)": a calendar shows no link, and
      // the address was the point of it. Only web and mail addresses, and not twice when the
      // link's text is its address.
      List<org.commonmark.node.Link> links = new ArrayList<>();
      document.accept(
          new AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.Link link) {
              links.add(link);
            }
          });
      for (org.commonmark.node.Link link : links) {
        String to = link.getDestination() == null ? "" : link.getDestination().strip();
        String lower = to.toLowerCase(java.util.Locale.ROOT);
        String shown =
            lower.startsWith("mailto:")
                ? to.substring("mailto:".length())
                : lower.startsWith("http://") || lower.startsWith("https://") ? to : null;
        if (shown != null && !shown.isEmpty() && !NodeText.oneLine(link).strip().equals(shown)) {
          link.insertAfter(new org.commonmark.node.Text(" (" + shown + ")"));
        }
      }
    }
    if (keepLineBreaks) {
      List<org.commonmark.node.HardLineBreak> breaks = new ArrayList<>();
      document.accept(
          new AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.HardLineBreak lineBreak) {
              breaks.add(lineBreak);
            }
          });
      breaks.forEach(b -> b.insertBefore(new org.commonmark.node.Text(LINE_BREAK)));
    }
    StringBuilder out = new StringBuilder();
    boolean[] lastWasItem = {false};
    document.accept(
        new AbstractVisitor() {
          private void add(String text, boolean item) {
            if (text.isEmpty()) {
              return;
            }
            if (out.length() > 0) {
              out.append(item && lastWasItem[0] ? "\n" : "\n\n");
            }
            text = text.replaceAll(LINE_BREAK + " ?", "\n");
            out.append(item ? "• " + text : text);
            lastWasItem[0] = item;
          }

          @Override
          public void visit(org.commonmark.node.Paragraph paragraph) {
            add(
                NodeText.oneLine(paragraph),
                paragraph.getParent() instanceof org.commonmark.node.ListItem);
          }

          @Override
          public void visit(org.commonmark.node.Heading heading) {
            add(NodeText.oneLine(heading), false);
          }

          @Override
          public void visit(org.commonmark.node.FencedCodeBlock code) {
            add(code.getLiteral().stripTrailing(), false);
          }

          @Override
          public void visit(org.commonmark.node.IndentedCodeBlock code) {
            add(code.getLiteral().stripTrailing(), false);
          }

          @Override
          public void visit(HtmlBlock html) {
            add(Jsoup.parse(html.getLiteral()).text(), false);
          }
        });
    return out.toString();
  }

  private static final Set<String> DROPPED =
      Set.of(
          "script",
          "style",
          "iframe",
          "frame",
          "frameset",
          "object",
          "embed",
          "noscript",
          "template",
          "svg",
          "math",
          "form",
          "input",
          "button",
          "select",
          "textarea",
          "head",
          "title",
          "meta",
          "link",
          "base",
          "img",
          "video",
          "audio",
          "canvas");
  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "section",
          "article",
          "header",
          "footer",
          "main",
          "aside",
          "nav",
          "dl",
          "dd",
          "dt",
          "figure",
          "figcaption",
          "address",
          "center",
          "details",
          "summary",
          "table");

  private Descriptions() {}

  /**
   * A Markdown description (pretalx, frab, Sessionize) as the abstract's Markdown ("" for none): as
   * written, unless it is HTML (it starts with a block of it).
   */
  static String fromMarkdown(String raw) {
    String text = normalized(raw);
    if (text.isEmpty()) {
      return "";
    }
    if (HTML_DOCUMENT_START.matcher(text).find()) {
      return fromHtml(text);
    }
    return tagsThatAreNotHtmlAsText(text).strip();
  }

  /**
   * A plain-text description (iCalendar) as Markdown that shows it as written ("" for none): unless
   * it is HTML (it has paragraph, line-break or list tags).
   */
  static String fromPlainText(String raw) {
    String text = normalized(raw);
    if (text.isEmpty()) {
      return "";
    }
    if (HTML_STRUCTURE.matcher(text).find()) {
      return fromHtml(text);
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (String paragraph : text.split("\n[ \t]*(?:\n[ \t]*)+")) {
      StringBuilder p = new StringBuilder();
      for (String line : paragraph.split("\n")) {
        String l = line.strip();
        if (!l.isEmpty()) {
          p.append(p.length() == 0 ? "" : "  \n").append(escapeLineStart(escape(l)));
        }
      }
      if (p.length() > 0) {
        out.append(out.length() == 0 ? "" : "\n\n").append(p);
      }
    }
    return out.toString();
  }

  /** HTML as Markdown: its text, with the structure and marks Markdown has. */
  static String fromHtml(String raw) {
    String text = normalized(raw);
    if (text.isEmpty()) {
      return "";
    }
    // What only looks like a tag (List<String>) is text: jsoup would make an element of it.
    Element body = Jsoup.parseBodyFragment(notHtmlEscaped(text)).body();
    Writer w = new Writer();
    w.children(body, 0);
    return w.result();
  }

  private static String normalized(String raw) {
    if (raw == null || raw.isBlank()) {
      return "";
    }
    return raw.replace("\r\n", "\n").replace('\r', '\n').replace("\0", "").strip();
  }

  /**
   * Whether the tag starting at {@code at} in {@code text} is HTML: an HTML element's name, in
   * lower or upper case (a name in mixed case is a type, {@code List<Object>}), and not a
   * one-letter type parameter written after a name ({@code List<B>}).
   */
  private static boolean isHtmlTag(String text, int at, String name, boolean closing) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (!HTML_ELEMENTS.contains(lower)
        || (!name.equals(lower) && !name.equals(name.toUpperCase(Locale.ROOT)))) {
      return false;
    }
    boolean typeParameter =
        !closing
            && name.length() == 1
            && Character.isUpperCase(name.charAt(0))
            && at > 0
            && Character.isLetterOrDigit(text.charAt(at - 1))
            && text.startsWith(">", at + 2);
    return !typeParameter;
  }

  /** {@code <} of everything that is not an HTML tag (nor comment) as {@code &lt;}. */
  private static String notHtmlEscaped(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    int from = 0;
    for (int i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i + 1)) {
      if (!isHtml(text, i)) {
        out.append(text, from, i).append("&lt;");
        from = i + 1;
      }
    }
    return out.append(text, from, text.length()).toString();
  }

  /**
   * The Markdown with each piece of raw HTML commonmark finds in it that is not an HTML tag (nor a
   * comment) escaped, so that it shows as the text it is: inline ({@code \<interop>}), a block that
   * starts with one (then read again, as the paragraph it becomes), and inside a block of real HTML
   * ({@code &lt;}).
   */
  private static String tagsThatAreNotHtmlAsText(String markdown) {
    String text = markdown;
    // Text that was raw HTML is read again when there may be more in it: a block that starts with
    // what is not a tag becomes a paragraph, and "<x a='<y>'>" hid "<y>". Each round escapes at
    // least one "<"; the bound is a guard (what is left is dropped where it is shown).
    for (int round = 0; round < 16; round++) {
      List<int[]> edits = new ArrayList<>(); // {index of "<", 0: "\<", 1: "&lt;"}
      boolean[] again = {false};
      String source = text;
      MARKDOWN
          .parse(source)
          .accept(
              new AbstractVisitor() {
                @Override
                public void visit(HtmlInline html) {
                  List<SourceSpan> spans = html.getSourceSpans();
                  if (spans.isEmpty()) {
                    return;
                  }
                  int at = spans.get(0).getInputIndex();
                  if (at < source.length() && source.charAt(at) == '<' && !isHtml(source, at)) {
                    edits.add(new int[] {at, 0});
                    again[0] |= html.getLiteral().indexOf('<', 1) >= 0;
                  }
                }

                @Override
                public void visit(HtmlBlock html) {
                  List<SourceSpan> spans = html.getSourceSpans();
                  if (spans.isEmpty()) {
                    return;
                  }
                  int first = spans.get(0).getInputIndex();
                  while (first < source.length() && source.charAt(first) == ' ') {
                    first++;
                  }
                  if (first < source.length()
                      && source.charAt(first) == '<'
                      && !isHtml(source, first)) {
                    edits.add(new int[] {first, 0}); // no longer a block: read again
                    again[0] = true;
                    return;
                  }
                  for (SourceSpan span : spans) {
                    int end = Math.min(source.length(), span.getInputIndex() + span.getLength());
                    for (int i = source.indexOf('<', span.getInputIndex());
                        i >= 0 && i < end;
                        i = source.indexOf('<', i + 1)) {
                      Matcher m = TAG.matcher(source).region(i, end);
                      if (m.lookingAt()
                          && !isHtmlTag(source, i, m.group(2), !m.group(1).isEmpty())) {
                        edits.add(new int[] {i, 1});
                      }
                    }
                  }
                }
              });
      if (edits.isEmpty()) {
        return text;
      }
      edits.sort((a, b) -> Integer.compare(a[0], b[0]));
      StringBuilder out = new StringBuilder(text.length() + edits.size() * 4);
      int from = 0;
      for (int[] e : edits) {
        if (e[0] < from) {
          continue;
        }
        out.append(text, from, e[0]).append(e[1] == 0 ? "\\<" : "&lt;");
        from = e[0] + 1;
      }
      text = out.append(text, from, text.length()).toString();
      if (!again[0]) {
        return text;
      }
    }
    return text;
  }

  /**
   * Whether the raw HTML commonmark found at {@code at} is real HTML: a tag of an HTML element or a
   * comment (a processing instruction, declaration or CDATA section is shown as text).
   */
  private static boolean isHtml(String text, int at) {
    if (text.startsWith("<!--", at)) {
      return true;
    }
    Matcher m = TAG.matcher(text).region(at, text.length());
    return m.lookingAt() && isHtmlTag(text, at, m.group(2), !m.group(1).isEmpty());
  }

  /** Walks the parsed HTML and writes Markdown; {@code depth} is the list nesting. */
  private static final class Writer {
    private final StringBuilder out = new StringBuilder();
    private String linePrefix = "";

    /** Nothing written on this line yet (after a break, a list marker or a quote mark). */
    private boolean fresh = true;

    void children(Node parent, int depth) {
      for (Node child : parent.childNodes()) {
        node(child, depth);
      }
    }

    void node(Node node, int depth) {
      if (node instanceof TextNode t) {
        text(t.text());
        return;
      }
      if (!(node instanceof Element e)) {
        return;
      }
      String tag = e.normalName();
      if (DROPPED.contains(tag)) {
        return;
      }
      switch (tag) {
        case "br" -> hardBreak();
        case "hr" -> {
          block();
          out.append("* * *");
          block();
        }
        case "h1", "h2", "h3", "h4", "h5", "h6" -> {
          block();
          wrapped(e, "**", depth);
          block();
        }
        case "strong", "b" -> wrapped(e, "**", depth);
        case "em", "i", "cite" -> wrapped(e, "*", depth);
        case "code", "kbd", "samp", "tt" -> code(e.text());
        case "pre" -> {
          block();
          String code = e.wholeText().strip();
          String fence = code.contains("```") ? "~~~~" : "```";
          out.append(fence).append('\n').append(code).append('\n').append(fence);
          block();
        }
        case "a" -> link(e, depth);
        case "ul", "ol" -> list(e, depth, tag.equals("ol"));
        case "li" -> children(e, depth); // an item outside a list: its text
        case "blockquote" -> {
          block();
          String before = linePrefix;
          linePrefix = before + "> ";
          out.append("> ");
          fresh = true;
          children(e, depth);
          String quote = linePrefix;
          if (out.toString().endsWith(quote)) {
            out.setLength(out.length() - quote.length());
            while (out.length() > 0 && Character.isWhitespace(out.charAt(out.length() - 1))) {
              out.setLength(out.length() - 1);
            }
            String strip = quote.strip();
            if (out.toString().endsWith("\n" + strip)) {
              out.setLength(out.length() - strip.length() - 1);
            }
          }
          linePrefix = before;
          block();
        }
        case "tr" -> {
          newLine();
          boolean first = true;
          for (Element cell : e.children()) {
            if (!first) {
              out.append(" · ");
            }
            first = false;
            children(cell, depth);
          }
        }
        default -> {
          if (BLOCKS.contains(tag)) {
            block();
            children(e, depth);
            block();
          } else {
            children(e, depth);
          }
        }
      }
    }

    private void wrapped(Element e, String mark, int depth) {
      String inner = new Writer().inline(e, depth);
      if (!inner.isBlank()) {
        out.append(mark).append(inner.strip()).append(mark);
        fresh = false;
      }
    }

    private String inline(Element e, int depth) {
      children(e, depth);
      return out.toString().replaceAll("\\s*\\n\\s*", " ");
    }

    private void code(String text) {
      String t = text.replace('\n', ' ');
      if (t.isBlank()) {
        return;
      }
      String tick = t.contains("`") ? "`` " : "`";
      out.append(tick).append(t).append(tick.strip().equals("``") ? " ``" : "`");
      fresh = false;
    }

    private void link(Element a, int depth) {
      String href = a.attr("href").strip();
      String scheme = href.contains(":") ? href.substring(0, href.indexOf(':')) : "";
      String label = new Writer().inline(a, depth).strip();
      boolean safe =
          Set.of("http", "https", "mailto").contains(scheme.toLowerCase(Locale.ROOT))
              && href.chars().noneMatch(c -> c <= ' ' || c == '<' || c == '>');
      fresh = false;
      if (!safe) {
        out.append(label);
        return;
      }
      String target = href.replace("(", "%28").replace(")", "%29");
      out.append('[').append(label.isEmpty() ? escape(href) : label).append("](");
      out.append(target).append(')');
    }

    private void list(Element list, int depth, boolean ordered) {
      if (depth > 0) {
        newLine();
      } else {
        block();
      }
      int n = 1;
      String indent = "  ".repeat(depth);
      for (Element item : list.children()) {
        if (!item.normalName().equals("li")) {
          node(item, depth);
          continue;
        }
        newLine();
        out.append(indent).append(ordered ? (n++) + ". " : "- ");
        fresh = true;
        children(item, depth + 1);
      }
      if (depth == 0) {
        block();
      }
    }

    private void text(String raw) {
      String t = raw.replaceAll("\\s+", " ");
      if (atLineStart()) {
        t = t.stripLeading();
        if (t.isEmpty()) {
          return;
        }
        t = escapeLineStart(escape(t));
      } else {
        t = escape(t);
      }
      out.append(t);
      fresh = false;
    }

    private boolean atLineStart() {
      return fresh;
    }

    private void hardBreak() {
      if (out.length() > 0 && !atLineStart()) {
        out.append("  \n").append(linePrefix);
        fresh = true;
      }
    }

    private void newLine() {
      trimTrailingSpaces();
      if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
        out.append('\n').append(linePrefix);
      }
      fresh = true;
    }

    private void block() {
      String text = out.toString();
      if (out.length() == 0
          || (fresh
              && (text.endsWith("\n\n") || (!linePrefix.isEmpty() && text.endsWith(linePrefix))))) {
        return;
      }
      trimTrailingSpaces();
      if (linePrefix.isEmpty()) {
        out.append(out.charAt(out.length() - 1) == '\n' ? "\n" : "\n\n");
      } else {
        out.append('\n').append(linePrefix.strip()).append('\n').append(linePrefix);
      }
      fresh = true;
    }

    private void trimTrailingSpaces() {
      int end = out.length();
      while (end > 0 && out.charAt(end - 1) == ' ') {
        end--;
      }
      out.setLength(end);
    }

    String result() {
      return out.toString().replaceAll("(?m)^[ \\t]+$", "").replaceAll("\n{3,}", "\n\n").strip();
    }
  }

  /** What may be an entity reference after "&": "&amp;" as text is "\&amp;". */
  private static final Pattern ENTITY =
      Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|\\w+);");

  /**
   * Markdown's inline marks as text: emphasis, code, links, HTML, strikethrough ({@code ~}), table
   * cells ({@code |}) and entity references.
   */
  static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ("\\`*_[]<>~|".indexOf(c) >= 0
          || (c == '&' && ENTITY.matcher(text).region(i, text.length()).lookingAt())) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  /**
   * What would start a heading (also "---" under a line), list, quote or table row at the start of
   * a line, as text.
   */
  private static String escapeLineStart(String text) {
    if (text.startsWith("#")
        || text.startsWith("+")
        || text.startsWith("=")
        || text.startsWith("-")) {
      return "\\" + text;
    }
    java.util.regex.Matcher m = Pattern.compile("^(\\d{1,9})([.)])").matcher(text);
    if (m.find()) {
      return m.group(1) + "\\" + text.substring(m.group(1).length());
    }
    return text;
  }
}
