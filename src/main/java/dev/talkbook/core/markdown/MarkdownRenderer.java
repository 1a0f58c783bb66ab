package dev.talkbook.core.markdown;

import dev.talkbook.core.notebook.AttachmentRef;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * Notes to HTML, for the preview (and later the site). commonmark's parser and renderer are built
 * once: they are immutable and thread-safe. Raw HTML in notes is escaped, never passed through;
 * link and image URLs other than web, mail, in-page and attachment addresses are dropped, so no
 * script from a note ever runs. Attachment references are turned into real URLs by the caller.
 */
public final class MarkdownRenderer {
  private static final List<Extension> EXTENSIONS =
      List.of(
          TablesExtension.create(),
          StrikethroughExtension.create(),
          AutolinkExtension.create(),
          TaskListItemsExtension.create(),
          HeadingAnchorExtension.create());

  private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
  private final HtmlRenderer renderer =
      HtmlRenderer.builder()
          .extensions(EXTENSIONS)
          .escapeHtml(true)
          .sanitizeUrls(true)
          .urlSanitizer(new SafeUrls())
          .build();

  /** The HTML body for these notes; attachment references are left as they are. */
  public String render(String markdown) {
    return renderer.render(parser.parse(markdown == null ? "" : markdown));
  }

  /**
   * The HTML body for these notes, with each {@code attachment:} reference replaced by the URL
   * {@code attachments} gives for it (left as it is when that is empty). Images may resolve to
   * {@code data:image/...} URLs.
   */
  public String render(String markdown, Function<AttachmentRef, Optional<String>> attachments) {
    Node document = parser.parse(markdown == null ? "" : markdown);
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Image image) {
            resolve(image.getDestination()).ifPresent(image::setDestination);
            visitChildren(image);
          }

          @Override
          public void visit(Link link) {
            resolve(link.getDestination()).ifPresent(link::setDestination);
            visitChildren(link);
          }

          private Optional<String> resolve(String destination) {
            return AttachmentRef.parse(destination).flatMap(attachments);
          }
        });
    return renderer.render(document);
  }

  /** Lets through web, mail, in-page, relative and attachment URLs; drops everything else. */
  static final class SafeUrls implements UrlSanitizer {
    @Override
    public String sanitizeLinkUrl(String url) {
      return safe(url) ? url : "";
    }

    @Override
    public String sanitizeImageUrl(String url) {
      return safe(url) || SAFE_IMAGE_DATA.matcher(url).lookingAt() ? url : "";
    }

    /** Inline images of raster types (and SVG, whose scripts never run inside an img). */
    private static final java.util.regex.Pattern SAFE_IMAGE_DATA =
        java.util.regex.Pattern.compile("data:image/(png|jpeg|gif|webp|svg\\+xml);base64,");

    static boolean safe(String url) {
      String u = url.strip().toLowerCase(Locale.ROOT);
      int colon = u.indexOf(':');
      int slash = u.indexOf('/');
      int hash = u.indexOf('#');
      int question = u.indexOf('?');
      boolean hasScheme =
          colon > 0
              && (slash < 0 || colon < slash)
              && (hash < 0 || colon < hash)
              && (question < 0 || colon < question);
      if (!hasScheme) {
        return true;
      }
      String scheme = u.substring(0, colon);
      return scheme.equals("http")
          || scheme.equals("https")
          || scheme.equals("mailto")
          || scheme.equals("attachment");
    }
  }
}
