package dev.talkbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The list of classes the first frame needs is current enough to be worth loading ahead, and the
 * process's first logger is made on the preload thread, not on the launcher's main thread.
 */
class ClassPreloadTest {
  private static List<String> listed() throws IOException {
    try (InputStream in = ClassPreload.class.getResourceAsStream(ClassPreload.LIST)) {
      assertThat(in).as(ClassPreload.LIST + " next to ClassPreload").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .map(String::strip)
          .toList();
    }
  }

  private static boolean exists(String name) {
    try {
      Class.forName(name, false, ClassPreloadTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  @Test
  void nearlyEveryListedClassIsOnTheClassPath() throws IOException {
    List<String> names = listed();
    assertThat(names).hasSizeGreaterThan(500).doesNotHaveDuplicates();
    List<String> missing = names.stream().filter(n -> !exists(n)).toList();
    // A few may be gone (or be another platform's): more means the list is stale; make it again
    // with tools/first-frame-classes.sh.
    assertThat(missing.size()).as("missing: %s", missing).isLessThan(names.size() / 10);
  }

  /**
   * The classes the launcher's main thread initialises before it starts the toolkit ({@link
   * App#launch}) make no {@link System.Logger} as they are initialised: the process's first one
   * searches every jar of the class path for a logging service (~15–20 ms of the packaged app's
   * start), which {@link ClassPreload} does beside the toolkit's start instead.
   */
  @Test
  void theMainThreadMakesNoLoggerBeforeTheToolkitStarts() {
    for (Class<?> c :
        List.of(
            dev.talkbook.Launcher.class,
            App.class,
            SoftwareRendering.class,
            ClassPreload.class,
            EarlyStart.class,
            WindowHost.class)) {
      assertThat(java.util.Arrays.stream(c.getDeclaredFields()))
          .as("static loggers of %s", c.getSimpleName())
          .noneMatch(
              f ->
                  java.lang.reflect.Modifier.isStatic(f.getModifiers())
                      && System.Logger.class.isAssignableFrom(f.getType()));
    }
  }
}
