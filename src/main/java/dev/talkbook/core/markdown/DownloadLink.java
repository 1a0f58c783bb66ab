package dev.talkbook.core.markdown;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.renderer.html.HtmlNodeRendererContext;

/**
 * An attachment published as a download (the site's {@code <sha256>.bin}: an SVG holding links or
 * scripts) in place of a picture of it: {@code <a href="…" download="diagram.svg">}, so that the
 * browser saves it under its own name; it was saved as {@code <sha256>.bin}.
 */
final class DownloadLink extends ImageStandIn {
  /**
   * A file name {@code download} may give: letters, digits, space, {@code . _ ( ) + -}, not
   * starting with a dot, at most {@value #MAX_NAME} characters; no path, no control character, no
   * invisible one (a combining mark, a joiner). The notes' HTML policy allows no other.
   */
  static final Pattern SAFE_NAME = Pattern.compile("(?!\\.)[\\p{L}\\p{N} ._()+-]{1,120}");

  static final int MAX_NAME = 120;

  private final String destination;
  private final String title;
  private final String name;

  private DownloadLink(String destination, String title, String name) {
    this.destination = destination;
    this.title = title;
    this.name = name;
  }

  /** A download link in place of {@code image}, its text moved over, saved as {@code fileName}. */
  static DownloadLink of(Image image, String fileName) {
    DownloadLink link = new DownloadLink(image.getDestination(), image.getTitle(), name(fileName));
    link.replace(image);
    return link;
  }

  /** A download link in place of {@code link} (to the attachment), its text moved over. */
  static DownloadLink of(Link link, String fileName) {
    DownloadLink download =
        new DownloadLink(link.getDestination(), link.getTitle(), name(fileName));
    download.replace(link);
    return download;
  }

  /**
   * {@code fileName} made a {@link #SAFE_NAME}: each other character an underscore, leading dots
   * dropped, cut to {@value #MAX_NAME} characters keeping its extension; "download" when nothing is
   * left.
   */
  static String name(String fileName) {
    StringBuilder b = new StringBuilder();
    String from =
        fileName == null
            ? ""
            : java.text.Normalizer.normalize(fileName.strip(), java.text.Normalizer.Form.NFC);
    from.codePoints()
        .forEach(
            c -> {
              String s = new String(Character.toChars(c));
              b.append(SAFE_NAME.matcher("x" + s).matches() ? s : "_");
            });
    String name = b.toString().replaceFirst("^[. ]+", "");
    if (name.codePointCount(0, name.length()) > MAX_NAME) {
      int dot = name.lastIndexOf('.');
      String ext = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
      // cut by characters, never inside a pair of surrogates
      int keep = MAX_NAME - ext.codePointCount(0, ext.length());
      name = name.substring(0, name.offsetByCodePoints(0, keep)) + ext;
    }
    return name.isEmpty() || !SAFE_NAME.matcher(name).matches() ? "download" : name;
  }

  @Override
  String element() {
    return "a";
  }

  @Override
  Map<String, String> attributes(HtmlNodeRendererContext context) {
    String url = context.encodeUrl(destination);
    if (context.shouldSanitizeUrls()) {
      url = context.urlSanitizer().sanitizeLinkUrl(url);
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("href", url);
    if (title != null) {
      attributes.put("title", title);
    }
    attributes.put("download", name);
    return attributes;
  }

  @Override
  String noAltText() {
    return "download";
  }
}
