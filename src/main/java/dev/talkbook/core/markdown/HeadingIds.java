package dev.talkbook.core.markdown;

import java.util.Locale;
import java.util.Map;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.renderer.html.AttributeProvider;

/**
 * Gives each heading an {@code id} made from its text, unique within one rendering (commonmark's
 * {@link IdGenerator}: {@code "Key points"} → {@code key-points}, a repeat → {@code key-points-1}),
 * as commonmark's heading-anchor extension does. One instance per rendering; {@link #next} gives
 * the same ids in the same order, so a table of contents made before rendering links to them.
 */
final class HeadingIds implements AttributeProvider {
  private final IdGenerator generator = IdGenerator.builder().defaultId("id").build();

  /** The id of the next heading (headings are asked in document order). */
  String next(Heading heading) {
    StringBuilder text = new StringBuilder();
    for (Node n = heading.getFirstChild(); n != null; n = next(n, heading)) {
      if (n instanceof Text t) {
        text.append(t.getLiteral());
      } else if (n instanceof Code c) {
        text.append(c.getLiteral());
      }
    }
    return generator.generateId(text.toString().strip().toLowerCase(Locale.ROOT));
  }

  /** The node after {@code n} in a walk of {@code root}'s descendants, or null. */
  private static Node next(Node n, Node root) {
    if (n.getFirstChild() != null) {
      return n.getFirstChild();
    }
    while (n != root && n.getNext() == null) {
      n = n.getParent();
    }
    return n == root ? null : n.getNext();
  }

  @Override
  public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
    if (node instanceof Heading h && tagName.length() == 2 && tagName.charAt(0) == 'h') {
      attributes.put("id", next(h));
    }
  }
}
