package dev.talkbook.core.markdown;

import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * The text a reader sees of a parsed Markdown node (a paragraph, a heading), on one line: for a
 * feed's summary, a repeated title, an imported abstract as plain text.
 */
public final class NodeText {

  private NodeText() {}

  /**
   * Raw HTML elements whose content the notes' sanitizer drops with them ({@link
   * NoteHtmlPolicy#TEXT_DROPPED}): their text is no more the reader's than their tags are.
   */
  private static final Set<String> HIDDEN = NoteHtmlPolicy.TEXT_DROPPED;

  /** An inline HTML tag's name and whether it closes: {@code <script ...>}, {@code </style>}. */
  private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9-]*)");

  /**
   * The node's text and code on one line, single-spaced and stripped: line breaks as spaces, raw
   * HTML and markup left out, and so is the text inside a raw {@code <script>}, {@code <style>} or
   * other element the page's sanitizer drops with its content (so a feed's summary says what the
   * page says).
   */
  public static String oneLine(Node node) {
    return oneLine(node, n -> false);
  }

  /**
   * {@link #oneLine(Node)} without the text and code {@code dropped} says the page does not show
   * (what {@link DroppedHtml} found around them).
   */
  static String oneLine(Node node, Predicate<Node> dropped) {
    return text(node, false, dropped);
  }

  /**
   * A heading's (or any inline node's) text as it was typed, for comparing with a title: the text
   * and code as {@link #oneLine(Node)} gives them, and its inline HTML as written ({@code #
   * Generics <T>} reads "Generics <T>", the title it repeats, where the page shows "Generics ").
   */
  static String asTyped(Node node) {
    return text(node, true, n -> false);
  }

  /**
   * The node's text and code on one line; its inline HTML as written ({@code htmlAsTyped}), or left
   * out together with the text inside an element the sanitizer drops.
   */
  private static String text(Node node, boolean htmlAsTyped, Predicate<Node> dropped) {
    StringBuilder out = new StringBuilder();
    node.accept(
        new AbstractVisitor() {
          /** How many dropped elements are open around the text being visited. */
          private int hidden;

          @Override
          public void visit(HtmlInline html) {
            if (htmlAsTyped) {
              out.append(html.getLiteral());
              return;
            }
            Matcher m = TAG.matcher(html.getLiteral());
            if (m.lookingAt() && HIDDEN.contains(m.group(2).toLowerCase(Locale.ROOT))) {
              boolean selfClosing = html.getLiteral().endsWith("/>");
              if (m.group(1).isEmpty()) {
                hidden += selfClosing ? 0 : 1;
              } else if (hidden > 0) {
                hidden--;
              }
            }
          }

          @Override
          public void visit(Text text) {
            if (hidden == 0 && !dropped.test(text)) {
              out.append(text.getLiteral());
            }
          }

          @Override
          public void visit(Code code) {
            if (hidden == 0 && !dropped.test(code)) {
              out.append(code.getLiteral());
            }
          }

          @Override
          public void visit(SoftLineBreak lineBreak) {
            out.append(' ');
          }

          @Override
          public void visit(HardLineBreak lineBreak) {
            out.append(' ');
          }
        });
    return oneSpace(out.toString().strip());
  }

  /** Runs of white space ({@code \\s}: ASCII space, tab, line breaks, form feed, vertical tab). */
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /**
   * Each run of white space as one space: {@code replaceAll("\\s+", " ")} without compiling the
   * expression again on every call (String.replaceAll was 4 % of the processor samples of rendering
   * pages with summaries).
   */
  static String oneSpace(String s) {
    return SPACES.matcher(s).replaceAll(" ");
  }
}
