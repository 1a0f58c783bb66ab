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
          // an element with a namespace prefix is the same element (<x:script xmlns:x="…svg">)
          "<(?:[^\\s<>:/=\"']++:)?+(?:script|foreignobject|iframe|embed|object|use\\b)"
              + "|javascript:|\\son[a-z]+\\s*=|<!entity"
              + "|href\\s*=\\s*[\"']?+\\s*+(?!#)|data:"
              // a style sheet's address (url(#gradient) is a part of the picture) or import
              + "|url\\s*\\(\\s*+[\"']?+\\s*+(?!#)|@import"
              // an image set's address written as a string, without url(…)
              + "|image-set\\s*\\(\\s*+[\"']"
              // an animation that sets a link (<a><set attributeName="href" to="javascript:…">)
              + "|attributename\\s*=\\s*[\"']?+\\s*+(?:[^\\s<>:/=\"']++:)?+href",
          Pattern.CASE_INSENSITIVE);

  /** An XML character reference, {@code &#106;} or {@code &#x6a;}, or one of XML's five names. */
  private static final Pattern XML_REFERENCE =
      Pattern.compile("&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,9}));|&(quot|apos|lt|gt|amp);");

  /**
   * A CSS escape in a style sheet or a style attribute: {@code \\72} (one space after it eaten).
   */
  private static final Pattern CSS_ESCAPE =
      Pattern.compile(
          "\\\\(?:([0-9a-fA-F]{1,6})(?:\\r\\n|[ \\t\\r\\n\\f])?|([^0-9a-fA-F\\r\\n\\f]))");

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
    // The browser reads the text after XML's references and CSS's escapes are resolved:
    // "&#106;avascript:", "&#117;rl(…)", "u\\72l(…)" and "@\\69mport" are what they spell.
    return text.indexOf('\0') < 0
        && !ACTIVE.matcher(text).find()
        && !ACTIVE.matcher(unescaped(text)).find();
  }

  /** {@code text} with XML's character references, then CSS's escapes, resolved. */
  static String unescaped(String text) {
    String xml = text;
    if (text.indexOf('&') >= 0) {
      xml =
          XML_REFERENCE
              .matcher(text)
              .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(reference(m)));
    }
    if (xml.indexOf('\\') < 0) {
      return xml;
    }
    return CSS_ESCAPE
        .matcher(xml)
        .replaceAll(
            m ->
                java.util.regex.Matcher.quoteReplacement(
                    m.group(1) != null ? codePoint(Long.parseLong(m.group(1), 16)) : m.group(2)));
  }

  private static String reference(java.util.regex.MatchResult m) {
    if (m.group(1) != null) {
      return codePoint(Long.parseLong(m.group(1), 16));
    }
    if (m.group(2) != null) {
      return codePoint(Long.parseLong(m.group(2)));
    }
    return switch (m.group(3)) {
      case "quot" -> "\"";
      case "apos" -> "'";
      case "lt" -> NO_MARKUP;
      case "gt" -> ">";
      default -> "&";
    };
  }

  /**
   * What a {@code <} written as a reference or an escape reads as here: text, never the start of an
   * element ({@code <text>&lt;script&gt; is a tag</text>} is a picture of HTML, not a script).
   */
  private static final String NO_MARKUP = "\uFFFD";

  /**
   * The character {@code c}, or U+FFFD where it is none (or is a {@code <}: {@link #NO_MARKUP}).
   */
  private static String codePoint(long c) {
    return c > 0 && c <= Character.MAX_CODE_POINT && c != '<'
        ? Character.toString((int) c)
        : "\uFFFD";
  }
}
