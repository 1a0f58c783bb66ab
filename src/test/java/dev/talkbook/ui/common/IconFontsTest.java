package dev.talkbook.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.text.Font;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kordamp.ikonli.IkonHandler;
import org.kordamp.ikonli.feather.FeatherIkonHandler;
import org.testfx.api.FxToolkit;

/**
 * The icon packs' fonts taken out of their jars once into a cache folder and loaded from there (a
 * font loaded from a jar is copied to the temporary folder, left there by a killed Talkbook; {@code
 * WindowProcessTest} kills a window and looks).
 */
class IconFontsTest {
  @TempDir Path tmp;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  private static byte[] jarFont(IkonHandler handler) throws Exception {
    try (InputStream in = handler.getFontResource().openStream()) {
      return in.readAllBytes();
    }
  }

  private List<Path> files(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.toList();
    }
  }

  // Not loaded from the test's folder: JavaFX would keep using the font's file, deleted with the
  // folder after the test, for the icons of the tests after it in this JVM.
  @Test
  void aPacksFontIsCopiedIntoTheCacheOnceNamedByWhereItCameFrom() throws Exception {
    Path folder = tmp.resolve("fonts");
    IkonHandler handler = new FeatherIkonHandler();
    Path font = new IconFonts(folder).cached(handler.getFontResource());

    assertThat(files(folder)).containsExactly(font);
    assertThat(font.getFileName().toString()).matches("feather-[0-9a-f]{8}\\.ttf");
    assertThat(Files.readAllBytes(font)).isEqualTo(jarFont(handler));

    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(font, old);
    assertThat(new IconFonts(folder).cached(handler.getFontResource())).isEqualTo(font);
    assertThat(files(folder)).containsExactly(font);
    assertThat(Files.getLastModifiedTime(font)).as("not written again").isEqualTo(old);
  }

  @Test
  void aCacheThatCannotBeMadeLoadsTheFontFromItsJar() throws Exception {
    Path notAFolder = Files.writeString(tmp.resolve("fonts"), "a file where the folder goes");
    IkonHandler handler = new FeatherIkonHandler();
    new IconFonts(notAFolder).loadFont(handler);

    assertThat(handler.getFont()).isInstanceOf(Font.class);
    assertThat(((Font) handler.getFont()).getFamily()).isNotBlank();
  }
}
