package dev.talkbook.core.markdown;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * An image whose file the notebook does not hold ({@link NoteImages#missing}), shown as a marked
 * placeholder rather than a broken picture: {@code <span class="missing-image" title="Not in the
 * notebook: diagram.png">Missing image: alt</span>}, with the alt text, or the file name when there
 * is none. The raw HTML form ({@code <img src="x">}) gets the same from the sanitizer's pass.
 */
final class MissingImage extends CustomNode {
  /** The placeholder's class. */
  static final String CLASS = "missing-image";

  /** What the placeholder's text starts with. */
  static final String LABEL = "Missing image: ";

  private final String name;

  private MissingImage(String name) {
    this.name = name;
  }

  /** The placeholder's tooltip for a file of this name. */
  static String title(String name) {
    return name.isEmpty() ? "Not in the notebook" : "Not in the notebook: " + name;
  }

  /** A placeholder in place of {@code image}, with its alt text (its children) moved over. */
  static MissingImage of(Image image, String name) {
    MissingImage missing = new MissingImage(name);
    Node child = image.getFirstChild();
    while (child != null) {
      Node next = child.getNext();
      missing.appendChild(child);
      child = next;
    }
    missing.setSourceSpans(image.getSourceSpans());
    return missing;
  }

  /** Renders a {@link MissingImage} as its marked placeholder. */
  static final class Renderer implements NodeRenderer {
    private final HtmlNodeRendererContext context;

    Renderer(HtmlNodeRendererContext context) {
      this.context = context;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(MissingImage.class);
    }

    @Override
    public void render(Node node) {
      MissingImage image = (MissingImage) node;
      HtmlWriter html = context.getWriter();
      Map<String, String> attributes = new LinkedHashMap<>();
      attributes.put("class", CLASS);
      attributes.put("title", title(image.name));
      html.tag("span", context.extendAttributes(node, "span", attributes));
      html.text(LABEL);
      if (image.getFirstChild() == null) {
        html.text(NoteImages.label(null, image.name));
      }
      for (Node c = image.getFirstChild(); c != null; c = c.getNext()) {
        context.render(c);
      }
      html.tag("/span");
    }
  }
}
