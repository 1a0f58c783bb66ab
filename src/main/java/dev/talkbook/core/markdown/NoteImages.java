package dev.talkbook.core.markdown;

import dev.talkbook.core.notebook.AttachmentRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The images of one render of a note, Markdown and raw HTML alike: {@code attachment:} references
 * resolved through the caller, and each image whose file the notebook does not hold (a local path
 * such as {@code diagram.png}, an attachment that is not there) noted as missing, so the page can
 * show a marked placeholder instead of a broken picture and the publisher can be told. Images from
 * elsewhere and {@code data:} images are neither. One instance per render, on one thread.
 */
final class NoteImages {
  private final Function<AttachmentRef, Optional<String>> attachments;
  private final Set<String> resolved = new HashSet<>();
  private final Set<String> missing = new LinkedHashSet<>();

  NoteImages(Function<AttachmentRef, Optional<String>> attachments) {
    this.attachments = attachments;
  }

  /** The name each download link this render made saves its attachment under, by URL. */
  private final java.util.Map<String, String> downloads = new java.util.HashMap<>();

  /** Notes that this render links {@code url} as a download saved as {@code name}. */
  void download(String url, String name) {
    downloads.put(url, name);
  }

  /** Whether this render made a download link to {@code url} saved as {@code name}. */
  boolean downloads(String url, String name) {
    return name != null && name.equals(downloads.get(url));
  }

  /** The URL the caller gives for an attachment reference; empty for anything else. */
  Optional<String> resolve(String destination) {
    Optional<String> url = AttachmentRef.parse(destination).flatMap(attachments);
    url.ifPresent(resolved::add);
    return url;
  }

  /**
   * The file name of an image at {@code src} (already resolved) when the notebook does not hold it:
   * an attachment's own name, else the address as written (percent-decoded; none for an address the
   * page drops). Empty when the image is there, from elsewhere or inline.
   */
  Optional<String> missing(String src) {
    String s = src == null ? "" : src.strip();
    if (resolved.contains(s)
        || MarkdownRenderer.SafeUrls.isRemote(s)
        || s.toLowerCase(Locale.ROOT).startsWith("data:")) {
      return Optional.empty();
    }
    // an address the page drops (javascript:, file:) is never named: there is no file to attach
    String name =
        AttachmentRef.parse(s)
            .map(AttachmentRef::fileName)
            .orElseGet(() -> MarkdownRenderer.SafeUrls.safe(s) ? InlineLinks.decodedPath(s) : "");
    if (!name.isEmpty()) {
      missing.add(name);
    }
    return Optional.of(name);
  }

  /** The file extensions of pictures a page shows in an {@code img}. */
  private static final Set<String> PICTURES =
      Set.of("png", "jpg", "jpeg", "gif", "webp", "avif", "svg", "apng", "bmp", "ico");

  /**
   * Whether an attachment the notebook holds, at {@code url} as the caller resolved it, is no
   * picture a page can show: the caller gave its {@code attachment:} address back (it holds the
   * file but has no picture of it: the preview gives pictures as {@code data:image} URLs), or the
   * file's name ends in an extension that is not a picture's ({@code attachments/….pdf}). An image
   * of it is then a link to the file, where a picture would show broken and "Missing image" would
   * be wrong. An address without an extension (the live share's) is taken as a picture.
   */
  static boolean notAPicture(String url) {
    String s = url.strip();
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.startsWith(AttachmentRef.SCHEME)) {
      return true;
    }
    if (lower.startsWith("data:")) {
      return !lower.startsWith("data:image/");
    }
    int end = s.length();
    for (char c : new char[] {'?', '#'}) {
      int at = s.indexOf(c);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    String path = lower.substring(0, end);
    String file = path.substring(path.lastIndexOf('/') + 1);
    int dot = file.lastIndexOf('.');
    return dot > 0 && !PICTURES.contains(file.substring(dot + 1));
  }

  /** The names of the missing images met so far, each once, in order. */
  List<String> missingNames() {
    return new ArrayList<>(missing);
  }

  /**
   * The text a placeholder shows: the image's alt text, or its file name when it has none (the
   * placeholder's own label says it is a missing image).
   */
  static String label(String alt, String name) {
    return alt == null || alt.isBlank() ? (name.isEmpty() ? "image" : name) : alt;
  }
}
