package dev.talkbook.ui.common;

import dev.talkbook.core.store.NotebookLocation;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The notebooks the window opened, newest first (at most {@link #KEPT}), kept in the settings: the
 * window starts on the last one when the user names none, and File → Open recent lists them.
 */
public final class RecentNotebooks {
  /** How many are remembered. */
  public static final int KEPT = 8;

  private RecentNotebooks() {}

  /** The remembered notebooks, newest first, whether or not their files are still there. */
  public static List<Path> list(Settings settings) {
    List<Path> paths = new ArrayList<>();
    for (String line : settings.get(Settings.RECENT_NOTEBOOKS).split("\n")) {
      if (!line.isBlank()) {
        try {
          Path p = Path.of(line.strip());
          if (p.isAbsolute() && !paths.contains(p)) {
            paths.add(p);
          }
        } catch (InvalidPathException e) {
          // a line this platform cannot read as a path: skipped
        }
      }
    }
    return paths.size() > KEPT ? paths.subList(0, KEPT) : paths;
  }

  /** Remembers {@code notebook} as the newest. */
  public static void opened(Settings settings, Path notebook) {
    Path p = notebook.toAbsolutePath().normalize();
    List<Path> paths = new ArrayList<>(list(settings));
    paths.remove(p);
    paths.add(0, p);
    store(settings, paths.subList(0, Math.min(KEPT, paths.size())));
  }

  /** Takes {@code notebook} off the list (its file is gone). */
  public static void forget(Settings settings, Path notebook) {
    List<Path> paths = new ArrayList<>(list(settings));
    if (paths.remove(notebook)) {
      store(settings, paths);
    }
  }

  private static void store(Settings settings, List<Path> paths) {
    settings.put(
        Settings.RECENT_NOTEBOOKS, String.join("\n", paths.stream().map(Path::toString).toList()));
  }

  /**
   * The notebook the window starts on: the one the user named ({@code --notebook} or {@code
   * $TALKBOOK_NOTEBOOK}; {@code named}, may be null), else the last one opened if its file is still
   * there, else the default.
   */
  public static Path forWindow(Path named, Settings settings) {
    return forWindow(named, settings, () -> NotebookLocation.resolve(null));
  }

  /** The same, with the default from {@code fallback}. */
  static Path forWindow(Path named, Settings settings, Supplier<Path> fallback) {
    if (named != null) {
      return named;
    }
    List<Path> recent = list(settings);
    if (!recent.isEmpty() && Files.isRegularFile(recent.get(0))) {
      return recent.get(0);
    }
    return fallback.get();
  }
}
