package dev.talkbook.core.store;

import dev.talkbook.core.common.AtomicFile;
import dev.talkbook.core.common.UserFolders;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * SQLite's native library, taken out of sqlite-jdbc's jar once per version and platform into the
 * user's cache folder ({@link UserFolders#cache}) and loaded from there, for a Talkbook started
 * from a class path (a build, the tests, the benchmarks). Left to itself, sqlite-jdbc copies the
 * library (1.1 MB) to the temporary folder on every start, after running {@code uname -o} twice to
 * tell Android: 60–200 ms of every command. The packaged app ships the library unpacked and names
 * it ({@code org.sqlite.lib.path}, packaging/java-options); then nothing is done here.
 *
 * <p>The copy is written beside its place and renamed into it, so another Talkbook starting at the
 * same moment finds the whole file or none. If the cached library cannot be loaded (a home folder
 * shared with another kind of system), sqlite-jdbc falls back to its own copy, as before.
 */
final class SqliteLibrary {
  static final String PATH = "org.sqlite.lib.path";
  static final String NAME = "org.sqlite.lib.name";

  private SqliteLibrary() {}

  private static boolean prepared;

  /** Before the first connection: names the cached library (making it first) unless named. */
  static synchronized void prepare() {
    if (prepared) {
      return;
    }
    prepared = true;
    try {
      prepare(
          UserFolders.cache(
              System.getenv(), System.getProperty("os.name"), System.getProperty("user.home")));
    } catch (IOException | RuntimeException e) {
      // sqlite-jdbc takes the library out of its jar itself, as it always did
    }
  }

  /**
   * Names the library in {@code cache} (a folder for this sqlite-jdbc version and platform),
   * copying it there first when it is not there yet; nothing when a library is named already or
   * sqlite-jdbc's jar has none for this platform.
   */
  static void prepare(Path cache) throws IOException {
    if (System.getProperty(PATH) != null || System.getProperty(NAME) != null) {
      return;
    }
    String name = System.mapLibraryName(LibraryLoaderUtil.NATIVE_LIB_BASE_NAME);
    Path folder =
        cache.resolve(
            safe(
                "sqlite-jdbc-"
                    + SQLiteJDBCLoader.getVersion()
                    + "-"
                    + System.getProperty("os.name")
                    + "-"
                    + System.getProperty("os.arch")));
    Path library = folder.resolve(name);
    if (!Files.isRegularFile(library)) {
      // only now does sqlite-jdbc's look at the platform run `uname`
      String resource =
          LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
      try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
        if (in == null) {
          return;
        }
        Files.createDirectories(folder);
        // another Talkbook may have put it there first (and have it loaded)
        AtomicFile.writeOnce(library, in::transferTo, AtomicFile.Option.OWNER_ONLY);
      }
    }
    System.setProperty(NAME, name);
    System.setProperty(PATH, folder.toString());
  }

  /** A folder name made of letters, digits, dots, dashes and underscores. */
  private static String safe(String s) {
    return s.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
