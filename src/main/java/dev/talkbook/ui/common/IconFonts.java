package dev.talkbook.ui.common;

import dev.talkbook.core.common.AtomicFile;
import dev.talkbook.core.common.UserFolders;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javafx.scene.text.Font;
import org.kordamp.ikonli.FontLoader;
import org.kordamp.ikonli.IkonHandler;
import org.kordamp.ikonli.IkonResolver;
import org.kordamp.ikonli.IkonResolverProvider;

/**
 * Loads the icon packs' fonts (Feather's, Ikonli's own) for Ikonli from files in the user's cache
 * folder ({@link UserFolders#cache}), each taken out of its jar once. Ikonli loads them from the
 * jar's URL, and JavaFX then copies each font to a {@code +JXF….tmp} file in the temporary folder
 * that only a normal exit removes: every killed or crashed Talkbook left two there (87 KB). A font
 * loaded from a file is used where it is. Should the cache fail, the font loads from the jar, as
 * Ikonli does.
 */
final class IconFonts implements FontLoader {
  /** The size Ikonli loads its fonts at (an icon asks for its own size by family). */
  private static final double SIZE = 16;

  private final Path folder;

  /** A loader that keeps the fonts in {@code folder} (null: loads them from their jars). */
  IconFonts(Path folder) {
    this.folder = folder;
  }

  /**
   * Makes Ikonli's resolver, whose making loads every pack's font, with this loader before an icon
   * makes it with Ikonli's own: before the first {@code FontIcon}. Once only; cheap after that.
   */
  static IkonResolver install() {
    return Installed.RESOLVER;
  }

  private static final class Installed {
    static final IkonResolver RESOLVER = IkonResolverProvider.getInstance(new IconFonts(folder()));

    private static Path folder() {
      try {
        return UserFolders.cache(
                System.getenv(), System.getProperty("os.name"), System.getProperty("user.home"))
            .resolve("fonts");
      } catch (RuntimeException e) {
        return null; // no home folder to cache in: the fonts load from their jars
      }
    }
  }

  @Override
  public void loadFont(IkonHandler handler) {
    URL resource = handler.getFontResource();
    Font font = null;
    if (folder != null) {
      try {
        font = Font.loadFont(cached(resource).toUri().toString(), SIZE);
      } catch (IOException | RuntimeException e) {
        // loaded from the jar below
      }
    }
    if (font == null) {
      font = Font.loadFont(resource.toExternalForm(), SIZE);
    }
    handler.setFont(font);
  }

  /**
   * The font's file in the cache folder, written first when it is not there: named after the
   * resource and its content, so another version of the font gets a file of its own and another
   * Talkbook finds the one it wrote whole.
   */
  Path cached(URL resource) throws IOException {
    byte[] bytes;
    try (InputStream in = resource.openStream()) {
      bytes = in.readAllBytes();
    }
    String path = resource.getPath();
    String name = path.substring(path.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String extension = dot > 0 ? name.substring(dot) : "";
    Path file = folder.resolve(stem + "-" + digest(bytes) + extension);
    Files.createDirectories(folder);
    AtomicFile.writeOnce(file, out -> out.write(bytes));
    return file;
  }

  private static String digest(byte[] bytes) {
    try {
      byte[] sha = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(sha, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  }
}
