package dev.talkbook.ui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Loads the classes the window's first frame needs on a thread of its own while the toolkit starts,
 * so the FX thread finds them loaded: on the class path the FX thread loaded some 1,600 classes
 * (JavaFX's controls and skins, AtlantaFX, the app's views) before the first notes showed, each
 * read from its jar and parsed there. The list ({@value #LIST}) is in the order the FX thread needs
 * them. Classes are loaded, not initialised: no static initialiser runs off the FX thread. A name
 * the list has and the class path does not is skipped (the list is from an older build); {@code
 * tools/first-frame-classes.sh} makes the list again.
 */
final class ClassPreload {
  static final String LIST = "first-frame-classes.txt";

  private ClassPreload() {}

  /** {@code -Dtalkbook.preload=false} turns it off (the tool that makes the list does). */
  static final String PROPERTY = "talkbook.preload";

  /** Starts loading on a daemon thread and returns at once. */
  static void begin() {
    if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true"))) {
      return;
    }
    Thread t = new Thread(ClassPreload::run, "talkbook-preload");
    t.setDaemon(true);
    t.start();
  }

  private static void run() {
    ClassLoader loader = ClassPreload.class.getClassLoader();
    try (InputStream in = ClassPreload.class.getResourceAsStream(LIST)) {
      if (in == null) {
        return;
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = lines.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        try {
          Class.forName(line.strip(), false, loader);
        } catch (ClassNotFoundException | LinkageError gone) {
          // not in this build: the FX thread loads what it needs itself
        }
      }
    } catch (IOException e) {
      // the list could not be read: the FX thread loads the classes itself, as without it
    }
  }
}
