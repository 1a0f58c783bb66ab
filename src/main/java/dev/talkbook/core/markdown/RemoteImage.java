package dev.talkbook.core.markdown;

import java.util.LinkedHashMap;
import java.util.Map;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.renderer.html.HtmlNodeRendererContext;

/**
 * An image from another host, shown as a link to it rather than loaded: notes never make a reader's
 * browser (or the preview) fetch anything from elsewhere. Its text is the image's alt text, or
 * "image"; inside a link (which an {@code a} cannot nest in) it is that text alone. A {@code
 * //host/x.png} links to {@code https://host/x.png}, which also works from a page read from disk.
 */
final class RemoteImage extends ImageStandIn {
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
    remote.replace(image);
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

  /** {@code <a class="remote-image" href="…">}; inside a link, the alt text alone. */
  @Override
  String element() {
    return insideLink() ? null : "a";
  }

  @Override
  Map<String, String> attributes(HtmlNodeRendererContext context) {
    String url = context.encodeUrl(MarkdownRenderer.SafeUrls.withScheme(destination));
    if (context.shouldSanitizeUrls()) {
      url = context.urlSanitizer().sanitizeLinkUrl(url);
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("class", CLASS);
    attributes.put("href", url);
    if (title != null) {
      attributes.put("title", title);
    }
    return attributes;
  }

  @Override
  String noAltText() {
    return "image";
  }
}
