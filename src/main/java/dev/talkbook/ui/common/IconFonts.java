package dev.talkbook.ui.common;

import dev.talkbook.core.common.AtomicFile;
import dev.talkbook.core.common.UserFolders;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
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
   * resource and the address it is read from (its jar's path holds the pack's version), so another
   * version of the font gets a file of its own, and a start whose file is there reads nothing from
   * the jar: naming by the bytes' SHA-256 read and hashed each 87 KB font at every start, 6–9 ms
   * and 25 ms a font in a new JVM with C1 (2 cores, loaded). Another Talkbook finds the file whole
   * ({@link AtomicFile#writeOnce}).
   */
  Path cached(URL resource) throws IOException {
    String address = resource.toExternalForm();
    String name =
        address.substring(address.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String extension = dot > 0 ? name.substring(dot) : "";
    CRC32 crc = new CRC32();
    crc.update(address.getBytes(StandardCharsets.UTF_8));
    Path file = folder.resolve(stem + "-" + String.format("%08x", crc.getValue()) + extension);
    if (!Files.isRegularFile(file)) {
      byte[] bytes;
      try (InputStream in = resource.openStream()) {
        bytes = in.readAllBytes();
      }
      Files.createDirectories(folder);
      AtomicFile.writeOnce(file, out -> out.write(bytes));
    }
    return file;
  }
}
