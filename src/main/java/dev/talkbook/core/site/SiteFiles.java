package dev.talkbook.core.site;

import dev.talkbook.core.markdown.MarkdownRenderer;
import dev.talkbook.core.notebook.Attachment;
import dev.talkbook.core.notebook.SvgPictures;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Names of attachment files in a site: {@code <sha256>.<ext>}, where the extension says what a
 * browser may do with the file. Only types a browser shows without running anything keep theirs; an
 * SVG keeps {@code .svg} only when it holds nothing that could run (it would run when opened as a
 * page; {@link SvgPictures}, which the preview follows too); everything else, HTML included,
 * becomes {@code .bin}, which a browser downloads. Pure.
 */
final class SiteFiles {
  private static final Map<String, String> SAFE =
      Map.ofEntries(
          Map.entry("image/png", "png"),
          Map.entry("image/jpeg", "jpg"),
          Map.entry("image/gif", "gif"),
          Map.entry("image/webp", "webp"),
          Map.entry("image/avif", "avif"),
          Map.entry("application/pdf", "pdf"),
          Map.entry("text/plain", "txt"),
          Map.entry("text/csv", "csv"),
          Map.entry("application/zip", "zip"),
          Map.entry("audio/mpeg", "mp3"),
          Map.entry("video/mp4", "mp4"));

  private SiteFiles() {}

  /** The extension for an attachment; {@code bytes} is asked for only for SVG. */
  static String extension(Attachment a, Supplier<byte[]> bytes) {
    String type = Attachment.bareType(a.mediaType());
    String safe = SAFE.get(type);
    if (safe != null) {
      return safe;
    }
    if (type.equals(SvgPictures.MEDIA_TYPE) && SvgPictures.isInert(bytes.get())) {
      return "svg";
    }
    return MarkdownRenderer.DOWNLOAD_EXTENSION.substring(1);
  }

  /** Whether the attachment is an SVG (published as a download when it holds links or scripts). */
  static boolean isSvg(Attachment a) {
    return SvgPictures.isSvg(a.mediaType());
  }
}
