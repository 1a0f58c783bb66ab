package dev.talkbook.core.markdown;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * A published page's headings: as commonmark writes them, plus a link to the heading itself after
 * its text ({@code <a class="permalink" href="#id">#</a>}), for readers to copy.
 */
final class Permalinks implements NodeRenderer {
  /** The class of the link. */
  static final String CLASS = "permalink";

  private final HtmlNodeRendererContext context;

  Permalinks(HtmlNodeRendererContext context) {
    this.context = context;
  }

  @Override
  public Set<Class<? extends Node>> getNodeTypes() {
    return Set.of(Heading.class);
  }

  @Override
  public void render(Node node) {
    Heading heading = (Heading) node;
    String tag = "h" + heading.getLevel();
    HtmlWriter html = context.getWriter();
    Map<String, String> attributes = context.extendAttributes(heading, tag, Map.of());
    html.line();
    html.tag(tag, attributes);
    for (Node c = heading.getFirstChild(); c != null; c = c.getNext()) {
      context.render(c);
    }
    String id = attributes.get("id");
    if (id != null && !id.isEmpty()) {
      html.raw(" ");
      Map<String, String> link = new LinkedHashMap<>();
      link.put("class", CLASS);
      link.put("href", "#" + id);
      link.put("aria-label", "Link to this section");
      html.tag("a", link);
      html.text("#");
      html.tag("/a");
    }
    html.tag("/" + tag);
    html.line();
  }
}
