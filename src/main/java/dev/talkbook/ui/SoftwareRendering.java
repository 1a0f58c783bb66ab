package dev.talkbook.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Starts JavaFX on its software renderer at once on a Linux machine without a graphics device (a
 * virtual machine or container without one, a remote or virtual display such as Xvfb). There
 * JavaFX's OpenGL pipeline can only find Mesa's software OpenGL (llvmpipe), which its hardware
 * check refuses ("Failed Graphics Hardware Qualifier check"), and it falls back to the software
 * renderer anyway: after loading and starting Mesa (LLVM's library and llvmpipe's threads) for
 * nothing. What the window shows is the same either way.
 *
 * <p>A machine with a device ({@code /dev/dri}, NVIDIA's {@code /dev/nvidiactl}) keeps JavaFX's own
 * order (OpenGL, then software), and so does anyone who chose: a {@code prism.order} or {@code
 * prism.forceGPU} already set is left alone. GTK, under JavaFX, also sets up OpenGL as it opens the
 * display (it loads Mesa too); only its environment ({@code GDK_GL=disable}) stops that, which Java
 * cannot set for itself: the packaged app's launcher sets it on the same condition
 * (packaging/linux/launcher.sh), the class path run keeps GTK's. Both together: 55 MB less resident
 * memory with the 10,000-talk notebook open and the notes about 0.9 s sooner on such a machine
 * (docs/benchmarks.md).
 */
public final class SoftwareRendering {
  /** JavaFX's choice of pipelines, in the order it tries them. */
  static final String ORDER = "prism.order";

  /** Set by a user who wants the OpenGL pipeline even on a software OpenGL. */
  static final String FORCE_GPU = "prism.forceGPU";

  private SoftwareRendering() {}

  /** Chooses, before anything loads JavaFX's graphics classes (they read the order once). */
  static void chooseBeforeToolkit() {
    choose(System.getProperties(), System.getProperty("os.name", ""), Path.of("/dev"));
  }

  /**
   * Sets {@code prism.order=sw} in {@code properties} when {@code osName} is Linux, {@code dev} has
   * no graphics device and nobody chose a pipeline; returns whether it did.
   */
  static boolean choose(Properties properties, String osName, Path dev) {
    if (!osName.startsWith("Linux")
        || properties.getProperty(ORDER) != null
        || properties.getProperty(FORCE_GPU) != null
        || hasGraphicsDevice(dev)) {
      return false;
    }
    properties.setProperty(ORDER, "sw");
    return true;
  }

  /** Whether this machine has a device a hardware OpenGL could use (see {@link #choose}). */
  public static boolean hasGraphicsDevice() {
    return hasGraphicsDevice(Path.of("/dev"));
  }

  /** Whether {@code dev} has a device a hardware OpenGL could use: DRM's, or NVIDIA's driver's. */
  static boolean hasGraphicsDevice(Path dev) {
    return Files.exists(dev.resolve("dri")) || Files.exists(dev.resolve("nvidiactl"));
  }
}
