package dev.talkbook.core.exchange;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * A programme's description as safe Markdown. Plain text and Markdown (frab, pretalx, Sessionize)
 * are kept as they are; HTML (older frab instances, Sched's iCalendar) is parsed with jsoup and
 * written out as Markdown: paragraphs, line breaks, lists, emphasis, code, quotes and links to
 * http(s) and mailto addresses. Scripts, styles, frames, forms and images are dropped, other
 * elements keep only their text, and text is escaped so that it stays text. The result is never
 * HTML; where it is shown it goes through the notes' renderer and its allow-list as well.
 */
final class Descriptions {
  /** Tags that make a description HTML rather than text that mentions a tag. */
  private static final Pattern HTML =
      Pattern.compile(
          "</?(p|br|a|ul|ol|li|div|span|strong|em|b|i|u|h[1-6]|img|script|style|iframe|table|tr|"
              + "td|code|pre|blockquote|hr|object|embed|svg|font|center|small|sup|sub)\\b[^>]*>",
          Pattern.CASE_INSENSITIVE);

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

  /** The description as Markdown ("" for none). */
  static String toMarkdown(String raw) {
    if (raw == null || raw.isBlank()) {
      return "";
    }
    String text = raw.replace("\r\n", "\n").replace('\r', '\n').replace("\0", "");
    if (!HTML.matcher(text).find()) {
      return text.strip();
    }
    Element body = Jsoup.parseBodyFragment(text).body();
    Writer w = new Writer();
    w.children(body, 0);
    return w.result();
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

  /** Markdown's inline marks as text. */
  static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ("\\`*_[]<>".indexOf(c) >= 0) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  /** What would start a heading, list or quote at the start of a line, as text. */
  private static String escapeLineStart(String text) {
    if (text.startsWith("#") || text.startsWith("+") || text.startsWith("=")) {
      return "\\" + text;
    }
    if (text.startsWith("- ") || text.equals("-")) {
      return "\\" + text;
    }
    java.util.regex.Matcher m = Pattern.compile("^(\\d{1,9})([.)])").matcher(text);
    if (m.find()) {
      return m.group(1) + "\\" + text.substring(m.group(1).length());
    }
    return text;
  }
}
