package dev.talkbook.core.markdown;

import java.util.Set;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;

/**
 * Renders a document as the HTML inside each of its headings, in document order, each followed by
 * {@link #END} (a NUL, which no rendered note holds: commonmark reads NULs as U+FFFD): the table of
 * contents' entries of a page from one render. Rendering each heading's children apart, as before,
 * built commonmark's whole renderer again for each (its node renderers, their node types), a sixth
 * of rendering a page's HTML; the text is the same, since inline nodes render alike wherever they
 * start.
 */
final class HeadingTexts implements NodeRenderer {
  static final char END = '\0';

  private final HtmlNodeRendererContext context;

  HeadingTexts(HtmlNodeRendererContext context) {
    this.context = context;
  }

  @Override
  public Set<Class<? extends Node>> getNodeTypes() {
    return Set.of(Document.class);
  }

  @Override
  public void render(Node node) {
    for (Heading h : MarkdownRenderer.headings(node)) {
      for (Node c = h.getFirstChild(); c != null; c = c.getNext()) {
        context.render(c);
      }
      context.getWriter().raw(String.valueOf(END));
    }
  }

  /** The inner HTML of each heading, from what a renderer with this one made of a document. */
  static String[] split(String rendered) {
    if (rendered.isEmpty()) {
      return new String[0];
    }
    return rendered.substring(0, rendered.length() - 1).split(String.valueOf(END), -1);
  }
}
