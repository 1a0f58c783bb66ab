package dev.talkbook.core.notebook;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Which SVG attachments are shown as pictures, the same in the window's preview and on the site: an
 * SVG with nothing in it that could run or reach out (no script, event handler, link, embedded
 * content or entity). Any other is a link to the file in both: the site publishes it as a download
 * ({@code .bin}), because opened on its own from the site's folder it would run as a page there.
 * Pure.
 */
public final class SvgPictures {
  /** The media type of SVG. */
  public static final String MEDIA_TYPE = "image/svg+xml";

  /** What could run or reach out; a link inside the picture ({@code href="#part"}) cannot. */
  private static final Pattern ACTIVE =
      Pattern.compile(
          "<script|<foreignobject|<iframe|<embed|<object|javascript:|\\son[a-z]+\\s*=|<!entity"
              + "|href\\s*=\\s*[\"']?+\\s*+(?!#)|<use\\b|data:",
          Pattern.CASE_INSENSITIVE);

  private SvgPictures() {}

  /** Whether {@code mediaType} (any case, with or without parameters) is SVG's. */
  public static boolean isSvg(String mediaType) {
    return Attachment.bareType(mediaType).equals(MEDIA_TYPE);
  }

  /** Whether an SVG's bytes hold no script, event handler, link, embedded content or entity. */
  public static boolean isInert(byte[] bytes) {
    return !ACTIVE.matcher(new String(bytes, StandardCharsets.UTF_8)).find();
  }
}
