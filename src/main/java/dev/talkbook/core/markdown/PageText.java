package dev.talkbook.core.markdown;

import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;

/**
 * The text a published page shows of a note's Markdown, for the site's search words: what {@link
 * DroppedHtml#shownText} keeps of raw HTML (no tags, nor what a {@code <script>} or a comment
 * holds, but an image's alt text), and of the Markdown only what the page shows: a link's text but
 * not its address or title, an image's alt text but not its source, no reference definition ({@code
 * [ref]: https://…}), and an entity as the character it stands for ({@code caf&eacute;} is "café",
 * not "caf" and "eacute"; in raw HTML too). An address the page shows as its own link text (bare,
 * or in angle brackets) stays; code shows as it is written. Not position-preserving, unlike {@code
 * shownText}. Pure.
 */
public final class PageText {
  private PageText() {}

  /**
   * The text the page shows of {@code markdown}, blocks and lines apart. Notes with no raw HTML
   * ({@link DroppedHtml#mayHoldTag}), link, reference definition or entity ({@link #mayHoldMarkup})
   * are their own text and are not parsed; the others are parsed once.
   */
  public static String of(String markdown) {
    if (markdown == null || (!DroppedHtml.mayHoldTag(markdown) && !mayHoldMarkup(markdown))) {
      return markdown;
    }
    DroppedHtml.Parsed parsed = DroppedHtml.parseShown(markdown);
    Collector text = new Collector(DroppedHtml.blank(markdown, parsed), parsed);
    parsed.document.accept(text);
    return text.out.toString();
  }

  /**
   * Whether the text may hold what the page shows otherwise: {@code ](} (a link or image), {@code
   * ]:} (a reference definition, whose links then are {@code [text][ref]}), or {@code &} before a
   * letter or {@code #} (an entity). A false yes costs a parse, never a word.
   */
  static boolean mayHoldMarkup(String text) {
    if (text.contains("](") || text.contains("]:")) {
      return true;
    }
    for (int amp = text.indexOf('&'); amp >= 0 && amp + 1 < text.length(); ) {
      char next = text.charAt(amp + 1);
      if (next == '#' || (next < 0x80 && Character.isLetter(next))) {
        return true;
      }
      amp = text.indexOf('&', amp + 1);
    }
    return false;
  }

  /** Appends what the page shows of each node, a line break after each block. */
  private static final class Collector extends AbstractVisitor {
    final StringBuilder out;

    /** The notes as {@link DroppedHtml#shownText} has them: raw HTML's text where it was. */
    private final String shown;

    private final DroppedHtml.Parsed parsed;

    Collector(String shown, DroppedHtml.Parsed parsed) {
      this.shown = shown;
      this.parsed = parsed;
      this.out = new StringBuilder(shown.length());
    }

    @Override
    protected void visitChildren(Node parent) {
      for (Node child = parent.getFirstChild(); child != null; ) {
        Node next = child.getNext();
        child.accept(this);
        if (child instanceof Block) {
          out.append('\n');
        }
        child = next;
      }
    }

    @Override
    public void visit(Text text) {
      if (!parsed.hides(text)) {
        out.append(text.getLiteral());
      }
    }

    @Override
    public void visit(Code code) {
      if (!parsed.hides(code)) {
        out.append(code.getLiteral());
      }
    }

    @Override
    public void visit(FencedCodeBlock code) {
      if (!parsed.hides(code)) {
        // its language ("java") too, which the notebook's search finds it by
        String info = code.getInfo();
        out.append(info == null ? "" : info).append('\n').append(code.getLiteral());
      }
    }

    @Override
    public void visit(IndentedCodeBlock code) {
      if (!parsed.hides(code)) {
        out.append(code.getLiteral());
      }
    }

    /** Raw HTML: what shownText left of it (an img's alt text), entities decoded as a browser. */
    private void raw(List<SourceSpan> spans) {
      out.append(' '); // a tag ends a word
      for (SourceSpan span : spans) {
        int from = span.getInputIndex();
        String text = shown.substring(from, from + span.getLength());
        out.append(text.indexOf('&') < 0 ? text : unescape(text)).append('\n');
      }
    }

    @Override
    public void visit(HtmlInline html) {
      raw(html.getSourceSpans());
    }

    @Override
    public void visit(HtmlBlock html) {
      raw(html.getSourceSpans());
    }

    @Override
    public void visit(SoftLineBreak lineBreak) {
      out.append('\n');
    }

    @Override
    public void visit(HardLineBreak lineBreak) {
      out.append('\n');
    }

    @Override
    public void visit(LinkReferenceDefinition definition) {
      // not shown: its label and address are only where the links lead
    }
  }

  private static String unescape(String html) {
    return org.jsoup.parser.Parser.unescapeEntities(html, false);
  }
}
