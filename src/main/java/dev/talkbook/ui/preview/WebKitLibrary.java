package dev.talkbook.ui.preview;

import dev.talkbook.core.common.AtomicFile;
import dev.talkbook.core.common.UserFolders;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.jar.JarEntry;
import javafx.scene.web.WebView;

/**
 * WebKit's native library (JavaFX's {@code libjfxwebkit.so}, 121 MB), taken out of JavaFX's jar
 * once per JavaFX build into the user's cache folder ({@link UserFolders#cache}) and loaded from
 * there, for a Talkbook started from a class path (a build, the tests, the benchmarks). Left to
 * itself, JavaFX's loader ({@code com.sun.glass.utils.NativeLibLoader}) keeps its own copy too, but
 * on every start inflates the whole library out of the jar and computes the MD5 sums of it and of
 * its copy before it trusts the copy: about 1.1 s of the FX thread's processor time as the preview
 * is first made, right after the first notes are shown (docs/benchmarks.md). Here the copy's folder
 * is named by the jar entry's CRC-32 and its size, so the name settles the content, and a copy of
 * the entry's size is trusted, as {@code core.store.SqliteLibrary} trusts SQLite's.
 *
 * <p>The library is loaded from a class of the class path, so it belongs to the same class loader
 * as JavaFX's own classes, and JavaFX's loader is told it is loaded (its set of loaded names), so
 * it returns at once when the web view asks for it. Where JavaFX comes as modules (the packaged
 * app's runtime, which maps its library from {@code lib/}), where the jar has no such library, with
 * {@code -Dtalkbook.webkitCache=false}, or when anything here fails, nothing is done and JavaFX
 * loads WebKit itself, as before.
 */
final class WebKitLibrary {
  /** The library's name as JavaFX's loader knows it. */
  static final String NAME = "jfxwebkit";

  /** {@code -Dtalkbook.webkitCache=false} leaves WebKit's loading to JavaFX. */
  static final String PROPERTY = "talkbook.webkitCache";

  private static final String LOADER = "com.sun.glass.utils.NativeLibLoader";

  private WebKitLibrary() {}

  private static boolean tried;

  /**
   * Before the first web view: loads WebKit from the cache folder (copying it there first) when
   * JavaFX runs from jars on the class path; whether it did.
   */
  static synchronized boolean prepare() {
    if (tried) {
      return false;
    }
    tried = true;
    if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true"))
        || ModuleLayer.boot().findModule("javafx.web").isPresent()) {
      return false; // JavaFX as modules: it finds its libraries beside them
    }
    try {
      Optional<Path> library =
          cachedCopy(
              UserFolders.cache(
                  System.getenv(), System.getProperty("os.name"), System.getProperty("user.home")));
      return library.isPresent() && load(library.get());
    } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
      return false; // JavaFX loads it itself, as it always did
    }
  }

  /**
   * The library copied into {@code cache} (in a folder named by JavaFX's version and the jar
   * entry's CRC-32 and size), copied now when it is not there; nothing when JavaFX's jar has no
   * such library or the copy there has another size.
   */
  static Optional<Path> cachedCopy(Path cache) throws IOException {
    String file = System.mapLibraryName(NAME);
    URL url = WebView.class.getResource("/" + file);
    if (url == null) {
      return Optional.empty();
    }
    URLConnection connection = url.openConnection();
    if (!(connection instanceof JarURLConnection jar)) {
      return Optional.empty();
    }
    jar.setUseCaches(false); // a jar file of its own, closed below
    try {
      JarEntry entry = jar.getJarEntry();
      long size = entry.getSize();
      long crc = entry.getCrc();
      if (size < 0 || crc < 0) {
        return Optional.empty();
      }
      Path folder =
          cache.resolve(
              safe(
                  "javafx-webkit-"
                      + System.getProperty("javafx.runtime.version", "unknown")
                      + "-"
                      + System.getProperty("os.arch")
                      + "-"
                      + Long.toHexString(crc)
                      + "-"
                      + size));
      Path library = folder.resolve(file);
      if (!Files.isRegularFile(library)) {
        Files.createDirectories(folder);
        deleteLeftCopies(folder, file);
        try (InputStream in = jar.getInputStream()) {
          // another Talkbook may have put it there first (and have it loaded)
          AtomicFile.writeOnce(library, in::transferTo, AtomicFile.Option.OWNER_ONLY);
        }
      }
      return Files.size(library) == size ? Optional.of(library) : Optional.empty();
    } finally {
      jar.getJarFile().close();
    }
  }

  /**
   * How old a part copy left in the folder must be to be taken for one whose start was killed (kill
   * -9, a test run's time-out) rather than one another start is writing now.
   */
  static final java.time.Duration LEFT_AFTER = java.time.Duration.ofMinutes(10);

  /**
   * Deletes the part copies ({@code .libjfxwebkit.so.NNN.tmp}, up to 121 MB each) that starts
   * killed while copying left in {@code folder}: nothing else ever would, one more for each such
   * start. Those written in the last {@link #LEFT_AFTER} are left to the start that may be writing
   * them. One that cannot be deleted is left.
   */
  static void deleteLeftCopies(Path folder, String file) {
    String prefix = "." + file + ".";
    java.nio.file.attribute.FileTime before =
        java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(LEFT_AFTER));
    try (java.util.stream.Stream<Path> files = Files.list(folder)) {
      for (Path part : (Iterable<Path>) files::iterator) {
        String name = part.getFileName().toString();
        if (name.startsWith(prefix) && name.endsWith(".tmp")) {
          try {
            if (Files.getLastModifiedTime(part, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    .compareTo(before)
                < 0) {
              Files.deleteIfExists(part);
            }
          } catch (IOException e) {
            // another start deleted it first, or it cannot be deleted: left as it is
          }
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      // the folder cannot be listed: the copy below says what is wrong, if anything is
    }
  }

  /**
   * Loads {@code library} and marks it loaded in JavaFX's loader, under that loader's lock; false
   * when JavaFX loaded it already.
   */
  private static boolean load(Path library) throws ReflectiveOperationException {
    Class<?> loader = javafxLoader();
    synchronized (loader) { // NativeLibLoader.loadLibrary is static synchronized
      return load(library, javafxLoaded(loader), System::load);
    }
  }

  /**
   * Loads {@code library} with {@code systemLoad} unless {@code loaded} names it, then names it
   * there: only once it loaded, so after a failure JavaFX still loads WebKit itself.
   */
  static boolean load(Path library, Set<String> loaded, Consumer<String> systemLoad) {
    if (loaded.contains(NAME)) {
      return false;
    }
    systemLoad.accept(library.toAbsolutePath().toString());
    loaded.add(NAME);
    return true;
  }

  /** JavaFX's loader's set of the libraries it has loaded (or had loaded for it). */
  @SuppressWarnings("unchecked")
  static Set<String> javafxLoaded(Class<?> loader) throws ReflectiveOperationException {
    Field field = loader.getDeclaredField("loaded");
    field.setAccessible(true);
    return (Set<String>) field.get(null);
  }

  /** JavaFX's native library loader, as the web view's classes see it. */
  static Class<?> javafxLoader() throws ClassNotFoundException {
    return Class.forName(LOADER, false, WebView.class.getClassLoader());
  }

  /** A folder name made of letters, digits, dots, dashes and underscores. */
  private static String safe(String s) {
    return s.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
