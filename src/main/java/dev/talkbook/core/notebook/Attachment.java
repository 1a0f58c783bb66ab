package dev.talkbook.core.notebook;

import java.util.Locale;

/** A stored file, identified by the sha256 of its bytes. */
public record Attachment(String sha256, String mediaType, long size) {
  /**
   * {@code mediaType} as it is compared: in lower case, without its parameters ("image/svg+xml" for
   * "Image/SVG+XML; charset=utf-8"); "" for none. The one rule for the preview, the site and live
   * share.
   */
  public static String bareType(String mediaType) {
    String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT).strip();
    int semi = type.indexOf(';');
    return semi >= 0 ? type.substring(0, semi).strip() : type;
  }
}
