package dev.talkbook.core.markdown;

import java.util.Locale;
import java.util.Map;
import org.commonmark.node.Node;
import org.commonmark.renderer.html.AttributeProvider;

/**
 * {@code rel="nofollow"} only on a link that leaves the notes' own pages: commonmark puts it on
 * every link when it sanitizes URLs, so a published talk's links to its other sections, to the
 * other talks' pages ({@code loom.html}) and to its own attachments told search engines not to
 * follow the site's own cross-links. A link with a scheme of its own ({@code https:}, {@code
 * mailto:}) or to another host ({@code //host/...}) keeps it; a relative or in-page link, and one
 * to the notebook's own attachments and talks ({@code attachment:}, {@code talk:}), has none.
 */
final class LinkRel implements AttributeProvider {
  @Override
  public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
    if (tagName.equals("a") && attributes.containsKey("rel") && !leaves(attributes.get("href"))) {
      attributes.remove("rel");
    }
  }

  /**
   * Whether a link to {@code href} leaves the pages it is on: to another host ({@link
   * MarkdownRenderer.SafeUrls#isRemote}) or any URL with a scheme but the notebook's own.
   */
  static boolean leaves(String href) {
    if (href == null) {
      return false;
    }
    if (MarkdownRenderer.SafeUrls.isRemote(href)) {
      return true;
    }
    String u = href.strip().toLowerCase(Locale.ROOT);
    int colon = u.indexOf(':');
    if (colon <= 0) {
      return false;
    }
    String scheme = u.substring(0, colon);
    if (!scheme.matches("[a-z][a-z0-9+.-]*")) {
      return false; // a colon in a path ("notes:1.html" is a scheme; "a/b:c" is not)
    }
    return !scheme.equals("attachment") && !scheme.equals("talk");
  }
}
