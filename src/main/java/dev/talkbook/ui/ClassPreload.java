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
 *
 * <p>Before the list, the thread makes the process's first {@link System#getLogger} call: the JDK
 * then looks for a logging service ({@code System.LoggerFinder}) in every jar of the class path,
 * which opens each of them and reads its directory (the packaged app's 66 jars: ~15–20 ms of
 * processor time). The start's first logger (the early start's settings) came on the launcher's
 * main thread, before the toolkit could start; here it runs beside it. The packaged app's AOT cache
 * loads every class of the list as the JVM starts, so its launcher turns the list off ({@value
 * #PROPERTY}{@code =false}); the look-up still runs.
 */
final class ClassPreload {
  static final String LIST = "first-frame-classes.txt";

  private ClassPreload() {}

  /** {@code -Dtalkbook.preload=false} turns it off (the tool that makes the list does). */
  static final String PROPERTY = "talkbook.preload";

  /** Starts the logging look-up and the loading on a daemon thread and returns at once. */
  static void begin() {
    boolean load = Boolean.parseBoolean(System.getProperty(PROPERTY, "true"));
    Thread t =
        new Thread(
            () -> {
              System.getLogger(ClassPreload.class.getName()); // the jars' search: see above
              if (load) {
                load();
              }
            },
            "talkbook-preload");
    t.setDaemon(true);
    t.start();
  }

  private static void load() {
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
