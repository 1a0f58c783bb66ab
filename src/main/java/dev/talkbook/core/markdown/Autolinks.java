package dev.talkbook.core.markdown;

import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.parser.PostProcessor;
import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkSpan;
import org.nibor.autolink.LinkType;
import org.nibor.autolink.Span;

/**
 * GFM's extended autolinks (URLs, e-mail addresses, {@code www.} addresses in text become links):
 * commonmark's {@code AutolinkExtension} (0.32), with the same links made the same way, but text
 * that cannot hold one is not handed to the link extractor. The extractor looks at every {@code :},
 * {@code @} and {@code w} of the text, which made it about a sixth of parsing a note; a text with
 * no {@code ://}, no {@code @} and no {@code www.} has nothing for it to find (its URL, e-mail and
 * www scanners find nothing elsewhere), and is now passed over.
 */
final class Autolinks implements Parser.ParserExtension {
  private static final LinkExtractor EXTRACTOR =
      LinkExtractor.builder().linkTypes(EnumSet.allOf(LinkType.class)).build();

  private Autolinks() {}

  static Autolinks create() {
    return new Autolinks();
  }

  @Override
  public void extend(Parser.Builder builder) {
    builder.postProcessor(new Processor());
  }

  /**
   * Whether the extractor could find a link in this text: its URL scanner needs {@code ://} at the
   * {@code :} it starts from, its e-mail scanner an {@code @}, its www scanner {@code www.}. One
   * pass over the text for the three (the commands' C1-compiled code searches a string a character
   * at a time, so three {@link String#indexOf} calls were three passes). A colon alone ("Speaker:
   * ...", in a few texts of every generated note) does not go to the extractor.
   */
  static boolean mayHoldLink(String text) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '@') {
        return true;
      } else if (c == ':') {
        if (i + 2 < n && text.charAt(i + 1) == '/' && text.charAt(i + 2) == '/') {
          return true;
        }
      } else if (c == '.') {
        if (i >= 3
            && text.charAt(i - 1) == 'w'
            && text.charAt(i - 2) == 'w'
            && text.charAt(i - 3) == 'w') {
          return true;
        }
      }
    }
    return false;
  }

  private static final class Processor implements PostProcessor {
    @Override
    public Node process(Node node) {
      node.accept(
          new AbstractVisitor() {
            int inLink = 0;

            @Override
            public void visit(Link link) {
              inLink++;
              visitChildren(link);
              inLink--;
            }

            @Override
            public void visit(Text text) {
              if (inLink == 0) {
                linkify(text);
              }
            }
          });
      return node;
    }
  }

  /** commonmark-ext-autolink 0.32's {@code AutolinkPostProcessor.linkify}, after the check. */
  private static void linkify(Text original) {
    String literal = original.getLiteral();
    if (!literal.isEmpty() && !mayHoldLink(literal)) {
      return; // one span, not a link: the extension leaves such a node as it is
    }
    Node last = original;
    List<SourceSpan> sourceSpans = original.getSourceSpans();
    SourceSpan sourceSpan = sourceSpans.size() == 1 ? sourceSpans.get(0) : null;
    Iterator<Span> spans = EXTRACTOR.extractSpans(literal).iterator();
    while (spans.hasNext()) {
      Span span = spans.next();
      if (last == original && !spans.hasNext() && !(span instanceof LinkSpan)) {
        return; // no link found: the node stays
      }
      Text text = textNode(literal, span, sourceSpan);
      if (span instanceof LinkSpan link) {
        Link node = new Link(destination(link, text.getLiteral()), null);
        node.appendChild(text);
        node.setSourceSpans(text.getSourceSpans());
        last.insertAfter(node);
        last = node;
      } else {
        last.insertAfter(text);
        last = text;
      }
    }
    original.unlink();
  }

  private static Text textNode(String literal, Span span, SourceSpan sourceSpan) {
    int begin = span.getBeginIndex();
    int end = span.getEndIndex();
    Text text = new Text(literal.substring(begin, end));
    if (sourceSpan != null) {
      text.addSourceSpan(sourceSpan.subSpan(begin, end));
    }
    return text;
  }

  private static String destination(LinkSpan link, String text) {
    if (link.getType() == LinkType.EMAIL) {
      return "mailto:" + text;
    } else if (link.getType() == LinkType.WWW) {
      return "http://" + text; // as GFM says: http, not https
    }
    return text;
  }
}
