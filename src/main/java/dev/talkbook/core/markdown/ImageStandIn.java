package dev.talkbook.core.markdown;

import java.util.Map;
import java.util.Set;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * What a note shows in place of an image it does not load ({@link MissingImage}, {@link
 * RemoteImage}): an element holding the image's alt text, or a text of its own when there is none.
 * One {@link Renderer} writes them all.
 */
abstract class ImageStandIn extends CustomNode {

  /** Takes {@code image}'s alt text (its children) and its place in the source. */
  final void replace(Image image) {
    replace((Node) image);
  }

  /** Takes {@code node}'s children (an image's alt text, a link's text) and its source place. */
  final void replace(Node image) {
    Node child = image.getFirstChild();
    while (child != null) {
      Node next = child.getNext();
      appendChild(child);
      child = next;
    }
    setSourceSpans(image.getSourceSpans());
  }

  /** The element's name ("span", "a"), or null for the text alone. */
  abstract String element();

  /** The element's attributes, in order. */
  abstract Map<String, String> attributes(HtmlNodeRendererContext context);

  /** What the text starts with, before the alt text. */
  String label() {
    return "";
  }

  /** The text when the image has no alt text. */
  abstract String noAltText();

  /** Renders each stand-in as its element around its label and alt text. */
  static final class Renderer implements NodeRenderer {
    private final HtmlNodeRendererContext context;

    Renderer(HtmlNodeRendererContext context) {
      this.context = context;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(MissingImage.class, RemoteImage.class, DownloadLink.class);
    }

    @Override
    public void render(Node node) {
      ImageStandIn standIn = (ImageStandIn) node;
      HtmlWriter html = context.getWriter();
      String element = standIn.element();
      if (element != null) {
        html.tag(element, context.extendAttributes(node, element, standIn.attributes(context)));
      }
      if (!standIn.label().isEmpty()) {
        html.text(standIn.label());
      }
      if (standIn.getFirstChild() == null) {
        html.text(standIn.noAltText());
      }
      for (Node c = standIn.getFirstChild(); c != null; c = c.getNext()) {
        context.render(c);
      }
      if (element != null) {
        html.tag("/" + element);
      }
    }
  }
}
