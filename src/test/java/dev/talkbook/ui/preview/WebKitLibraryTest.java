package dev.talkbook.ui.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.JarURLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;
import javafx.scene.web.WebView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebKitLibraryTest {
  @TempDir Path cache;

  /** The library's entry in JavaFX's jar (the tests run JavaFX from jars on the class path). */
  private static JarEntry entry() throws Exception {
    var url = WebView.class.getResource("/" + System.mapLibraryName(WebKitLibrary.NAME));
    assertThat(url).as("WebKit's library in JavaFX's jar").isNotNull();
    JarURLConnection jar = (JarURLConnection) url.openConnection();
    return jar.getJarEntry();
  }

  private static long crc(Path file) throws Exception {
    CRC32 crc = new CRC32();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) != -1; ) {
        crc.update(buffer, 0, n);
      }
    }
    return crc.getValue();
  }

  @Test
  void copiesTheJarsLibraryIntoTheCacheOnce() throws Exception {
    JarEntry entry = entry();
    Optional<Path> copy = WebKitLibrary.cachedCopy(cache);

    assertThat(copy).isPresent();
    Path library = copy.get();
    assertThat(library.getFileName().toString()).isEqualTo(System.mapLibraryName("jfxwebkit"));
    assertThat(library.getParent().getParent()).isEqualTo(cache);
    assertThat(library.getParent().getFileName().toString())
        .startsWith("javafx-webkit-")
        .endsWith(Long.toHexString(entry.getCrc()) + "-" + entry.getSize());
    assertThat(Files.size(library)).isEqualTo(entry.getSize());
    assertThat(crc(library)).isEqualTo(entry.getCrc());

    // A second start finds it and does not write it again.
    FileTime old = FileTime.fromMillis(0);
    Files.setLastModifiedTime(library, old);
    assertThat(WebKitLibrary.cachedCopy(cache)).contains(library);
    assertThat(Files.getLastModifiedTime(library)).isEqualTo(old);
  }

  @Test
  void partCopiesLeftByAKilledStartAreDeletedAndOnesBeingWrittenAreNot() throws Exception {
    // kill -9 while the 121 MB library was copied left ".libjfxwebkit.so.NNN.tmp" for good
    Path library = WebKitLibrary.cachedCopy(cache).orElseThrow();
    Path folder = library.getParent();
    Files.delete(library);
    String file = library.getFileName().toString();
    Path left = Files.write(folder.resolve("." + file + ".123.tmp"), new byte[] {1, 2, 3});
    Files.setLastModifiedTime(
        left,
        FileTime.from(java.time.Instant.now().minus(WebKitLibrary.LEFT_AFTER).minusSeconds(60)));
    Path writing = Files.write(folder.resolve("." + file + ".456.tmp"), new byte[] {1, 2, 3});
    Path other = Files.write(folder.resolve(".other.so.789.tmp"), new byte[] {1});
    Files.setLastModifiedTime(other, FileTime.fromMillis(0));

    assertThat(WebKitLibrary.cachedCopy(cache)).contains(library);

    assertThat(left).doesNotExist();
    assertThat(writing).exists(); // another start may be writing it now
    assertThat(other).exists();
  }

  @Test
  void aCopyOfAnotherSizeIsNotUsed() throws Exception {
    Path library = WebKitLibrary.cachedCopy(cache).orElseThrow();
    Files.write(library, new byte[] {1, 2, 3}); // cut short (a full disk, say)

    assertThat(WebKitLibrary.cachedCopy(cache)).isEmpty();
  }

  @Test
  void loadsOnlyWhatJavaFxHasNotAndTellsItOnlyOnceLoaded() {
    Path library = cache.resolve("libjfxwebkit.so");
    List<String> loads = new ArrayList<>();
    Set<String> loaded = new HashSet<>();

    assertThat(WebKitLibrary.load(library, loaded, loads::add)).isTrue();
    assertThat(loads).containsExactly(library.toAbsolutePath().toString());
    assertThat(loaded).containsExactly("jfxwebkit");

    // JavaFX's loader has it (here: from the call above): not loaded a second time.
    assertThat(WebKitLibrary.load(library, loaded, loads::add)).isFalse();
    assertThat(loads).hasSize(1);

    // A library that fails to load is not marked: JavaFX then loads WebKit itself.
    Set<String> none = new HashSet<>();
    assertThatThrownBy(
            () ->
                WebKitLibrary.load(
                    library,
                    none,
                    path -> {
                      throw new UnsatisfiedLinkError(path);
                    }))
        .isInstanceOf(UnsatisfiedLinkError.class);
    assertThat(none).isEmpty();
  }

  @Test
  void findsJavaFxsSetOfLoadedLibraries() throws Exception {
    // The set JavaFX's loader checks before it loads (and checksums) a library: if a JavaFX
    // upgrade renames or retypes it, this fails, and WebKitLibrary.prepare does nothing.
    Set<String> loaded = WebKitLibrary.javafxLoaded(WebKitLibrary.javafxLoader());
    assertThat(loaded).isNotNull();
    assertThat(loaded.getClass()).isEqualTo(HashSet.class);
  }
}
