package dev.talkbook.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.talkbook.core.common.UserFolders;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * SQLite's native library taken out of sqlite-jdbc's jar once into a cache folder and named for
 * sqlite-jdbc to load, unless a library is named already (the packaged app). The properties are
 * global: each test clears them and puts back what was there.
 */
class SqliteLibraryTest {
  @TempDir Path tmp;

  private String path;
  private String name;

  @BeforeEach
  void clear() {
    path = System.getProperty(SqliteLibrary.PATH);
    name = System.getProperty(SqliteLibrary.NAME);
    System.clearProperty(SqliteLibrary.PATH);
    System.clearProperty(SqliteLibrary.NAME);
  }

  @AfterEach
  void restore() {
    set(SqliteLibrary.PATH, path);
    set(SqliteLibrary.NAME, name);
  }

  private static void set(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }

  private static byte[] jarLibrary() throws Exception {
    String resource =
        LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
    try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return in.readAllBytes();
    }
  }

  @Test
  void copiesTheJarsLibraryIntoTheCacheAndNamesIt() throws Exception {
    SqliteLibrary.prepare(tmp);

    Path folder = Path.of(System.getProperty(SqliteLibrary.PATH));
    Path library = folder.resolve(System.getProperty(SqliteLibrary.NAME));
    assertThat(folder.getParent()).isEqualTo(tmp);
    assertThat(folder.getFileName().toString())
        .startsWith("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + "-")
        .matches("[A-Za-z0-9._-]+");
    assertThat(Files.readAllBytes(library)).isEqualTo(jarLibrary());
    try (var files = Files.list(folder)) {
      assertThat(files.toList()).containsExactly(library); // no part file left
    }
  }

  @Test
  void aCachedLibraryIsUsedAsItIs() throws Exception {
    SqliteLibrary.prepare(tmp);
    Path library =
        Path.of(System.getProperty(SqliteLibrary.PATH), System.getProperty(SqliteLibrary.NAME));
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(library, old);
    System.clearProperty(SqliteLibrary.PATH);
    System.clearProperty(SqliteLibrary.NAME);

    SqliteLibrary.prepare(tmp);

    assertThat(
            Path.of(System.getProperty(SqliteLibrary.PATH), System.getProperty(SqliteLibrary.NAME)))
        .isEqualTo(library);
    assertThat(Files.getLastModifiedTime(library)).isEqualTo(old);
  }

  @Test
  void aNamedLibraryIsLeftAlone() throws Exception {
    System.setProperty(SqliteLibrary.PATH, "/opt/talkbook/lib/native");

    SqliteLibrary.prepare(tmp);

    assertThat(System.getProperty(SqliteLibrary.PATH)).isEqualTo("/opt/talkbook/lib/native");
    assertThat(System.getProperty(SqliteLibrary.NAME)).isNull();
    try (var files = Files.list(tmp)) {
      assertThat(files.toList()).isEmpty();
    }
  }

  @Test
  void theCacheFolderFollowsThePlatform() {
    String home = tmp.resolve("home").toString();
    assertThat(UserFolders.cache(Map.of(), "Linux", home))
        .isEqualTo(Path.of(home, ".cache", "talkbook"));
    assertThat(UserFolders.cache(Map.of("XDG_CACHE_HOME", tmp.toString()), "Linux", home))
        .isEqualTo(tmp.resolve("talkbook"));
    assertThat(UserFolders.cache(Map.of("XDG_CACHE_HOME", "relative"), "Linux", home))
        .isEqualTo(Path.of(home, ".cache", "talkbook"));
    assertThat(UserFolders.cache(Map.of(), "Mac OS X", home))
        .isEqualTo(Path.of(home, "Library", "Caches", "Talkbook"));
    assertThat(UserFolders.cache(Map.of("LOCALAPPDATA", tmp.toString()), "Windows 11", home))
        .isEqualTo(tmp.resolve("Talkbook").resolve("Cache"));
    assertThat(UserFolders.cache(Map.of(), "Windows 11", home))
        .isEqualTo(Path.of(home, "AppData", "Local", "Talkbook", "Cache"));
  }
}
