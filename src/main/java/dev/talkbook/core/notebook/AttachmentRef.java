package dev.talkbook.core.notebook;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How Markdown refers to a stored attachment: {@code attachment:<sha256>/<file name>}, for example
 * {@code ![diagram](attachment:9f86d0…15a08/diagram.png)}. The hash identifies the bytes; the name
 * is for people and for the exported file's extension. The preview and the site exporter resolve
 * this form; it never changes once written.
 */
public record AttachmentRef(String sha256, String fileName) {
  public static final String SCHEME = "attachment:";
  private static final Pattern FORM = Pattern.compile("attachment:([0-9a-f]{64})(?:/([^\\s)]*))?");

  public AttachmentRef {
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a sha256 hex digest: " + sha256);
    }
    fileName = fileName == null || fileName.isBlank() ? "file" : fileName;
  }

  /** The URL to put in Markdown. */
  public String url() {
    return SCHEME
        + sha256
        + "/"
        + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The Markdown to insert for this attachment: an image for image types, a link otherwise. */
  public String markdown(String mediaType) {
    String label = fileName.replaceAll("[\\[\\]\\\\]", "");
    return (mediaType != null && mediaType.startsWith("image/") ? "!" : "")
        + "["
        + label
        + "]("
        + url()
        + ")";
  }

  /** Parses a URL of this form; anything else is empty. */
  public static Optional<AttachmentRef> parse(String url) {
    if (url == null) {
      return Optional.empty();
    }
    Matcher m = FORM.matcher(url.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    String name = m.group(2) == null ? null : URLDecoder.decode(m.group(2), StandardCharsets.UTF_8);
    return Optional.of(new AttachmentRef(m.group(1), name));
  }
}
