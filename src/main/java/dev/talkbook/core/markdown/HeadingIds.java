package dev.talkbook.core.markdown;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  /** What commonmark's {@link IdGenerator} keeps of a heading's text. */
  private static final Pattern ALLOWED =
      Pattern.compile("[\\w\\-_]+", Pattern.UNICODE_CHARACTER_CLASS);

  /** Each id given so far, with how many times. */
  private final Map<String, Integer> given = new HashMap<>();

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
    return idFor(text.toString().strip().toLowerCase(Locale.ROOT));
  }

  /**
   * The id for a heading of this text: what {@link IdGenerator#generateId} (default id {@code id})
   * gives, written out here so that ASCII text, nearly every heading, is kept or dropped a
   * character at a time instead of by a Unicode regular expression (ids are made twice a heading,
   * for the contents and for the page, on every page of a site).
   */
  String idFor(String text) {
    String id = normalize(text);
    if (id.isEmpty()) {
      id = "id";
    }
    Integer count = given.get(id);
    if (count == null) {
      given.put(id, 1);
      return id;
    }
    given.put(id, count + 1);
    return id + "-" + count;
  }

  /** IdGenerator's normalizeText: lower case, spaces to dashes, only word characters and dashes. */
  private static String normalize(String text) {
    boolean plain = true; // ASCII without capitals (what next() gives for most headings)
    for (int i = 0; i < text.length() && plain; i++) {
      char c = text.charAt(i);
      plain = c < 0x80 && (c < 'A' || c > 'Z');
    }
    if (plain) {
      // [\w-] of ASCII with Unicode classes: letters, digits, '_' (the one ASCII connector) and '-'
      StringBuilder b = new StringBuilder(text.length());
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == ' ') {
          c = '-';
        }
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
          b.append(c);
        }
      }
      return b.toString();
    }
    // the default locale's lower case, as IdGenerator does
    Matcher m = ALLOWED.matcher(text.toLowerCase().replace(" ", "-"));
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      b.append(m.group());
    }
    return b.toString();
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
