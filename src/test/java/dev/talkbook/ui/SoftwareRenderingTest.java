package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JavaFX starts on its software renderer where only a software OpenGL could be found. */
class SoftwareRenderingTest {
  @TempDir Path dev;

  @Test
  void linuxWithoutAGraphicsDeviceStartsOnTheSoftwareRenderer() {
    Properties properties = new Properties();

    assertThat(SoftwareRendering.choose(properties, "Linux", dev)).isTrue();

    assertThat(properties.getProperty(SoftwareRendering.ORDER)).isEqualTo("sw");
  }

  @Test
  void aDirectRenderingDeviceKeepsJavaFxsOwnOrder() throws Exception {
    Files.createDirectories(dev.resolve("dri"));
    Properties properties = new Properties();

    assertThat(SoftwareRendering.choose(properties, "Linux", dev)).isFalse();

    assertThat(properties.getProperty(SoftwareRendering.ORDER)).isNull();
  }

  @Test
  void nvidiasDriverKeepsJavaFxsOwnOrder() throws Exception {
    Files.createFile(dev.resolve("nvidiactl"));
    Properties properties = new Properties();

    assertThat(SoftwareRendering.choose(properties, "Linux", dev)).isFalse();

    assertThat(properties.getProperty(SoftwareRendering.ORDER)).isNull();
  }

  @Test
  void aPipelineTheUserChoseIsLeftAlone() {
    Properties ordered = new Properties();
    ordered.setProperty(SoftwareRendering.ORDER, "es2");
    Properties forced = new Properties();
    forced.setProperty(SoftwareRendering.FORCE_GPU, "true");

    assertThat(SoftwareRendering.choose(ordered, "Linux", dev)).isFalse();
    assertThat(SoftwareRendering.choose(forced, "Linux", dev)).isFalse();

    assertThat(ordered.getProperty(SoftwareRendering.ORDER)).isEqualTo("es2");
    assertThat(forced.getProperty(SoftwareRendering.ORDER)).isNull();
  }

  @Test
  void otherSystemsKeepJavaFxsOwnOrder() {
    Properties properties = new Properties();

    assertThat(SoftwareRendering.choose(properties, "Mac OS X", dev)).isFalse();
    assertThat(SoftwareRendering.choose(properties, "Windows 11", dev)).isFalse();

    assertThat(properties.getProperty(SoftwareRendering.ORDER)).isNull();
  }
}
