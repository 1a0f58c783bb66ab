package dev.talkbook.core.notebook;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Which SVG attachments are shown as pictures, the same in the window's preview and on the site: an
 * SVG with nothing in it that could run or reach out (no script, event handler, link, embedded
 * content or entity). Any other is a link to the file in both: the site publishes it as a download
 * ({@code .bin}), because opened on its own from the site's folder it would run as a page there.
 * Only an SVG in UTF-8 (or ASCII) is read: one saved as UTF-16 (a byte-order mark, which browsers
 * honour) hid its {@code <script>} from a check of its bytes as UTF-8, so any other encoding is a
 * link. Pure.
 */
public final class SvgPictures {
  /** The media type of SVG. */
  public static final String MEDIA_TYPE = "image/svg+xml";

  /** What could run or reach out; a link inside the picture ({@code href="#part"}) cannot. */
  private static final Pattern ACTIVE =
      Pattern.compile(
          "<script|<foreignobject|<iframe|<embed|<object|javascript:|\\son[a-z]+\\s*=|<!entity"
              + "|href\\s*=\\s*[\"']?+\\s*+(?!#)|<use\\b|data:"
              // a style sheet's address (url(#gradient) is a part of the picture) or import
              + "|url\\s*\\(\\s*+[\"']?+\\s*+(?!#)|@import",
          Pattern.CASE_INSENSITIVE);

  private SvgPictures() {}

  /** Whether {@code mediaType} (any case, with or without parameters) is SVG's. */
  public static boolean isSvg(String mediaType) {
    return Attachment.bareType(mediaType).equals(MEDIA_TYPE);
  }

  /**
   * Whether an SVG's bytes are UTF-8 text holding no script, event handler, link, embedded content,
   * entity or style sheet address.
   */
  public static boolean isInert(byte[] bytes) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException notUtf8) {
      return false; // UTF-16 with its byte-order mark, or another encoding: not read here
    }
    // NUL is no character of an XML document: UTF-16 without a byte-order mark (ASCII's letters
    // each followed or led by one) decodes as "UTF-8" with NULs between the letters
    return text.indexOf('\0') < 0 && !ACTIVE.matcher(text).find();
  }
}
