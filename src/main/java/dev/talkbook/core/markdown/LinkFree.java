package dev.talkbook.core.markdown;

import java.util.Set;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;

/**
 * Renders links (and remote images) as their text alone: for a heading's HTML in a table of
 * contents, where the entry itself is the link.
 */
final class LinkFree implements NodeRenderer {
  private final HtmlNodeRendererContext context;

  LinkFree(HtmlNodeRendererContext context) {
    this.context = context;
  }

  @Override
  public Set<Class<? extends Node>> getNodeTypes() {
    return Set.of(Link.class, RemoteImage.class);
  }

  @Override
  public void render(Node node) {
    if (node instanceof RemoteImage && node.getFirstChild() == null) {
      context.getWriter().text("image");
    }
    for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
      context.render(c);
    }
  }
}
