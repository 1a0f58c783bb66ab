package dev.talkbook.core.markdown;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * An image from another host, shown as a link to it rather than loaded: notes never make a reader's
 * browser (or the preview) fetch anything from elsewhere. Its text is the image's alt text, or
 * "image"; inside a link (which an {@code a} cannot nest in) it is that text alone. A {@code
 * //host/x.png} links to {@code https://host/x.png}, which also works from a page read from disk.
 */
final class RemoteImage extends CustomNode {
  /** The class of the link. */
  static final String CLASS = "remote-image";

  private final String destination;
  private final String title;

  private RemoteImage(String destination, String title) {
    this.destination = destination;
    this.title = title;
  }

  /** A remote image in place of {@code image}, with its alt text (its children) moved over. */
  static RemoteImage of(Image image) {
    RemoteImage remote = new RemoteImage(image.getDestination(), image.getTitle());
    Node child = image.getFirstChild();
    while (child != null) {
      Node next = child.getNext();
      remote.appendChild(child);
      child = next;
    }
    remote.setSourceSpans(image.getSourceSpans());
    return remote;
  }

  private boolean insideLink() {
    for (Node p = getParent(); p != null; p = p.getParent()) {
      if (p instanceof Link) {
        return true;
      }
    }
    return false;
  }

  /** Renders a {@link RemoteImage} as {@code <a class="remote-image" href="…">alt</a>}. */
  static final class Renderer implements NodeRenderer {
    private final HtmlNodeRendererContext context;

    Renderer(HtmlNodeRendererContext context) {
      this.context = context;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(RemoteImage.class);
    }

    @Override
    public void render(Node node) {
      RemoteImage image = (RemoteImage) node;
      HtmlWriter html = context.getWriter();
      boolean link = !image.insideLink();
      if (link) {
        String url = context.encodeUrl(MarkdownRenderer.SafeUrls.withScheme(image.destination));
        if (context.shouldSanitizeUrls()) {
          url = context.urlSanitizer().sanitizeLinkUrl(url);
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("class", CLASS);
        attributes.put("href", url);
        if (image.title != null) {
          attributes.put("title", image.title);
        }
        html.tag("a", context.extendAttributes(node, "a", attributes));
      }
      if (image.getFirstChild() == null) {
        html.text("image");
      }
      for (Node c = image.getFirstChild(); c != null; c = c.getNext()) {
        context.render(c);
      }
      if (link) {
        html.tag("/a");
      }
    }
  }
}
